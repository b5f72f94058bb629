"""Reading one number out of a SpanDoc, whichever way it is written.

Digits and Chinese numerals joined without spaces form one number (3万5, 一百五十,
1.5万); English number words may be spread over several tokens (twenty - five,
one and a half). The caller gets the value, where the number ends, whether a
multiplier (千/万/亿, thousand, million) was part of it, and whether it was only
the article "a" (which is a number in "a year" but not in "a fund").
"""

from __future__ import annotations

from typing import NamedTuple

from bot.numerals import (
    CN_NUMERAL_CHARS,
    EN_NUMBER_WORDS,
    EN_SCALES,
    parse_chinese_number,
    parse_english_number,
)
from bot.span_doc import SpanDoc

NUMERIC_TOKEN_REGEX = "^(?:[0-9]+(?:[.,][0-9]+)*|[" + "".join(sorted(CN_NUMERAL_CHARS)) + "半])$"
ENGLISH_FIRST_WORDS = sorted(EN_NUMBER_WORDS | {"half"})
ENGLISH_RUN_WORDS = sorted(EN_NUMBER_WORDS | {"half", "and", "-"})
_ENGLISH_RUN = frozenset(ENGLISH_RUN_WORDS)
_BIG_UNITS = "千万亿仟"
_IMPLYING_UNITS = frozenset("百千万亿")
_COUNT_UNITS = frozenset("个年天岁月周星季倍次人份只家款种")


class NumberSpan(NamedTuple):
    value: float
    end: int
    scaled: bool  # 5万, fifty thousand
    article: bool  # just "a"/"an"
    written: str  # "arabic", "chinese" or "english"


def is_numeric(word: str | None) -> bool:
    """A token that is (part of) a number in digits or Chinese numerals."""
    return word is not None and (
        word[0].isdigit() or (len(word) == 1 and (word in CN_NUMERAL_CHARS or word == "半"))
    )


def starts_number(sd: SpanDoc, index: int) -> bool:
    word = sd.word(index)
    return is_numeric(word) or (word in _ENGLISH_RUN and word not in ("and", "-"))


def first_number(sd: SpanDoc, start: int) -> int | None:
    """Index of the first token at or after `start` that begins a number."""
    return next((i for i in range(start, len(sd)) if starts_number(sd, i)), None)


def inside_number(sd: SpanDoc, index: int) -> bool:
    """True if token `index` belongs to a number that starts before it (the 5 of 3万5,
    but not the 三 of 5万三个月, which starts a number of its own)."""
    run_start = index
    while run_start > 0 and sd.joined(run_start - 1) and is_numeric(sd.word(run_start - 1)):
        run_start -= 1
    if run_start == index:
        return False
    number = read_number(sd, run_start)
    return number is None or number.end > index


def read_number(sd: SpanDoc, start: int) -> NumberSpan | None:
    if not is_numeric(sd.word(start)):
        return _read_english(sd, start)
    end = start + 1
    while sd.joined(end - 1) and is_numeric(sd.word(end)):
        end += 1
    # The longest prefix of the run that is a number: 两万五一年 is 两万五 | 一年.
    for stop in range(end, start, -1):
        if stop == end and _digit_starts_a_count(sd, start, end):
            continue  # 5万三个月 is 5万 | 三个月, not 53000 months
        number = _chinese_or_arabic(sd, start, stop)
        if number is not None:
            return number
    return None


def _digit_starts_a_count(sd: SpanDoc, start: int, end: int) -> bool:
    """3万5 is 35000, but in 5万三个月 / 10万3年 the last digit counts months or years."""
    return (
        end - start >= 3
        and sd.words[end - 2] in _IMPLYING_UNITS
        and len(sd.words[end - 1]) == 1
        and sd.word(end) in _COUNT_UNITS
    )


def _chinese_or_arabic(sd: SpanDoc, start: int, end: int) -> NumberSpan | None:
    text = "".join(sd.words[start:end])
    written = "arabic" if text.isascii() else "chinese"
    if text == "半":
        return NumberSpan(0.5, end, False, False, written)
    value = None if "半" in text else parse_chinese_number(text)
    if value is None:
        return None
    return NumberSpan(float(value), end, any(c in _BIG_UNITS for c in text), False, written)


def _read_english(sd: SpanDoc, start: int) -> NumberSpan | None:
    end = start
    while sd.word(end) in _ENGLISH_RUN:
        end += 1
    words = list(sd.words[start:end])
    while words and words[-1] in ("-", "and"):
        words.pop()
        end -= 1
    if words in (["a"], ["an"]):
        return NumberSpan(1.0, end, False, True, "english")
    if words in (["half"], ["half", "a"], ["half", "an"]):
        return NumberSpan(0.5, end, False, False, "english")
    half = 0.0
    if words[-3:] == ["and", "a", "half"]:
        words, half = words[:-3], 0.5
        if words in (["a"], ["an"]):
            words = ["one"]
    value = parse_english_number(words) if words else None
    if value is None:
        return None
    scaled = any(word in EN_SCALES for word in words)
    return NumberSpan(value + half, end, scaled, False, "english")
