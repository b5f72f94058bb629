import pytest

from api.compliance.normalise import Speller, compact, normalise


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
        # chat typing: no apostrophe, digits for letters, two kinds of separator
        (
            "u cant lose, it doesnt fall, youll see",
            "u can not lose, it does not fall, you will see",
        ),
        ("Sure w1n, zer0 r1sk, gu@r@nteed", "sure win, zero risk, guaranteed"),
        ("c.a.p.i.t.a.l p.r.o.t.e.c.t.e.d", "capital protected"),
        ("we've got your back, I'm sure", "we have got your back, i am sure"),
        ("min. return 4% p.a.", "min return 4% p.a."),  # an abbreviation does not end a sentence
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


def test_letter_spacing_still_maps_back_to_the_original() -> None:
    normalised = normalise("c.a.p.i.t.a.l p.r.o.t.e.c.t.e.d!")
    assert normalised.original(0, len("capital protected")) == "c.a.p.i.t.a.l p.r.o.t.e.c.t.e.d"


def test_known_misspellings_are_read_as_the_word_they_stand_for() -> None:
    respell = Speller({"guaranteed": ["guarenteed"], "稳赚不赔": ["稳赚不陪"]})
    respelled = respell(normalise("Guarenteed 6%! 稳赚不陪"))
    assert respelled.text == "guaranteed 6%! 稳赚不赔"
    assert respelled.original(0, len("guaranteed")) == "Guarenteed"
    # whole English words only: "unguarenteedly" is not touched
    assert respell(normalise("unguarenteedly")).text == "unguarenteedly"
