import pytest

from actions.attributes import asked_attribute, risk_filter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有哪些低风险的产品", ("max_risk_level", "R1")),
        ("中低风险的理财", ("max_risk_level", "R2")),
        ("show me low-risk funds", ("max_risk_level", "R1")),
        ("高风险高收益的有吗", ("risk_level", "R5")),
        ("中高风险的基金", ("risk_level", "R4")),
        ("有哪些基金", None),
    ],
)
def test_risk_words_become_filters(text: str, expected: tuple[str, str] | None) -> None:
    assert risk_filter(text) == expected


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("日日盈的收益怎么样", "yield"),
        ("DailyPlus 的管理费多少", "fees"),
        ("how long is the lock-up", "term"),
        ("起购金额是多少", "minimum"),
        ("is it safe", "risk"),
        ("你好", None),
    ],
)
def test_asked_attribute(text: str, attribute: str | None) -> None:
    assert asked_attribute(text) == attribute
