import pytest

from api.compliance.normalise import compact, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("保 本", "保本"),
        ("保-本保息", "保本保息"),
        ("保*本", "保本"),
        ("穩賺不賠", "稳赚不赔"),
        ("１００％安全", "100%安全"),
        ("Risk-Free!", "risk free!"),
        ("r i s k - f r e e", "risk free"),
        ("g.u.a.r.a.n.t.e.e.d returns", "guaranteed returns"),
        ("We can't lose", "we can not lose"),
        ("it won't fall", "it will not fall"),
        ("收益 3.5 %", "收益3.5%"),
        ("100%safe", "100% safe"),
    ],
)
def test_evasions_normalise_to_the_plain_form(text: str, expected: str) -> None:
    assert normalise(text).text == expected


def test_clause_punctuation_is_kept_between_chinese_characters() -> None:
    assert normalise("不收费，保本").text == "不收费,保本"


def test_a_normalised_span_maps_back_to_what_the_author_wrote() -> None:
    normalised = normalise("這款產品保 本，收益可觀")
    start = normalised.text.index("保本")
    assert normalised.original(start, start + 2) == "保 本"


def test_compact_ignores_punctuation_and_width() -> None:
    assert compact("理财非存款、产品有风险，投资须谨慎。") == compact(
        "理财非存款 产品有风险 投资须谨慎"
    )
