import pytest

from api.chat.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好", "zh"),
        ("hello", "en"),
        ("what is 日日盈", "en"),
        ("what is the yield of 日日盈", "en"),
        ("我想买DailyPlus货币基金 what is the yield", "zh"),
        ("DailyPlus收益多少", "zh"),
        ("R3的基金", "zh"),
        ("/greet", None),
        ("50000", None),
        ("TD1Y", None),
    ],
)
def test_the_gateway_detects_the_language_the_sentence_is_written_in(
    text: str, expected: str | None
) -> None:
    assert detect_language(text) == expected
