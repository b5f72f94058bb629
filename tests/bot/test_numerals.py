import pytest

from bot.numerals import as_number, parse_arabic, parse_chinese_number, parse_english_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五", 5),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("六十五", 65),
        ("一百", 100),
        ("一百零五", 105),
        ("一百五", 150),
        ("两千", 2000),
        ("两千五", 2500),
        ("一千零五", 1005),
        ("五万", 50000),
        ("十万", 100000),
        ("三万五", 35000),
        ("一万二千五", 12500),
        ("一百五十万", 1500000),
        ("五千万", 50000000),
        ("一亿五千万", 150000000),
        ("壹万", 10000),
        ("零", 0),
        ("二零二四", 2024),
        ("5万", 50000),
        ("1.5万", 15000),
        ("3万5", 35000),
        ("3万5000", 35000),
        ("5千万", 50000000),
        ("100,000", 100000),
    ],
)
def test_chinese_numerals(text: str, expected: int) -> None:
    assert parse_chinese_number(text) == expected


@pytest.mark.parametrize("text", ["千万", "万", "百万", "三五万", "半", "五个", "", "1,5"])
def test_not_a_chinese_number(text: str) -> None:
    # 千万 is "by all means" (千万不要), 三五万 a range: no number rather than a wrong one
    assert parse_chinese_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3000", 3000), ("100,000", 100000), ("1.5", 1.5), ("3,000.50", 3000.5), ("2024.01.05", None)],
)
def test_arabic(text: str, expected: float | None) -> None:
    assert parse_arabic(text) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("fifty", 50),
        ("twenty - five", 25),
        ("one hundred and five", 105),
        ("two hundred thousand", 200000),
        ("a million", 1000000),
        ("sixty five", 65),
        ("a", None),
        ("and five", None),
        ("five apples", None),
    ],
)
def test_english_numbers(words: str, expected: int | None) -> None:
    assert parse_english_number(words.split()) == expected


def test_as_number_prefers_int() -> None:
    assert as_number(50000.0) == 50000 and isinstance(as_number(50000.0), int)
    assert as_number(1.25) == 1.25
