"""Rules for an `age` stated without a unit: 今年六十五, 我72了, I'm 65, aged 70,
and for approximate ages, normalised to one number of years:

    in my fifties / mid-50s → 55, in my early sixties → 62, late forties → 48,
    fifty-something → 55, 五十多岁 / 我今年五十多了 → 55, 六十出头 → 62,
    七十好几了 → 76, 快七十了 / 将近七十岁 → 69, 奔六 → 59, 年过六旬 → 61, 六旬老人 → 65.

("65岁" and "65 years old" carry their unit and are read in bot/quantities.py.)
The number after the context words is an age unless what follows makes it
something else: 今年3月 is a date, "I'm 30 minutes late" a delay.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import Matcher

from bot.number_spans import (
    ENGLISH_FIRST_WORDS,
    NUMERIC_TOKEN_REGEX,
    first_number,
    is_numeric,
    read_number,
)
from bot.span_doc import Candidate, SpanDoc

MIN_AGE, MAX_AGE = 1, 120
_CONTEXTS: list[list[dict[str, Any]]] = [
    [{"LOWER": "今"}, {"LOWER": "年"}],
    [{"LOWER": "年"}, {"LOWER": {"IN": ["龄", "纪"]}}, {"ORTH": {"IN": [":", "是"]}, "OP": "?"}],
    [{"LOWER": "i"}, {"ORTH": {"IN": ["'", "’"]}}, {"LOWER": "m"}],
    [{"LOWER": {"IN": ["i", "im"]}}, {"LOWER": "am", "OP": "?"}],
    [{"LOWER": "aged"}],
    [{"LOWER": "age"}, {"LOWER": {"IN": [":", "is", "="]}, "OP": "?"}],
]
# 我72了: only with 了/啦 after it, since 我 + number is rarely an age otherwise.
_SELF_ZH: list[dict[str, Any]] = [{"LOWER": "我"}]
_SELF_ZH_AFTER = frozenset({"了", "啦"})
_NOT_BEFORE_ZH = frozenset("万千百亿元块钱年月日天号点个次多来余几分秒度倍只份股人期季周%")
_NOT_BEFORE_EN = frozenset(
    {"minute", "minutes", "mins", "hour", "hours", "hrs", "second", "seconds", "day", "days",
     "week", "weeks", "month", "months", "percent", "times", "kg", "kgs", "lbs", "pounds", "cm",
     "km", "miles", "k", "w", "dollars", "yuan", "rmb", "usd", "people", "of", "th", "st", "nd",
     "rd", "thousand", "million", "grand", "bucks"}
)  # fmt: skip


# Approximate ages: the decade, then where in it ("early", 出头, 快…).
_DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                 "nineties"]  # fmt: skip
_DECADES_EN = {word: 10 * tens for tens, word in enumerate(_DECADE_WORDS, 2)}
_TENS_EN = {word[:-3] + "y": decade for word, decade in _DECADES_EN.items()}  # fifty → 50
_PLACE_EN = {"early": 2, "mid": 5, "late": 8}
_AROUND = 5  # "in my fifties", 五十多岁: the middle of the decade
_OFFSETS_ZH = {"出": 2, "好": 6, "多": _AROUND, "几": _AROUND, "来": _AROUND}
_BEFORE_ZH = {"快": -1, "奔": -1, "将": -1, "接": -1, "过": 1, "逾": 1, "近": -1}


def _approximate_patterns() -> list[list[dict[str, Any]]]:
    digits = {"TEXT": {"REGEX": NUMERIC_TOKEN_REGEX}, "OP": "+"}
    tens_digits = {"TEXT": {"REGEX": "^[1-9]0$"}}
    place = {"LOWER": {"IN": list(_PLACE_EN)}, "OP": "?"}
    dash = {"ORTH": "-", "OP": "?"}
    apostrophe = {"ORTH": {"IN": ["'", "’"]}, "OP": "?"}
    in_my = [{"LOWER": "in"}, {"LOWER": {"IN": ["my", "his", "her", "their", "our"]}}]
    unit_or_le = {"ORTH": {"IN": ["岁", "了"]}}
    return [
        [*in_my, place, dash, {"LOWER": {"IN": list(_DECADES_EN)}}],
        [*in_my, place, dash, tens_digits, apostrophe, {"LOWER": "s"}],
        [{"LOWER": {"IN": list(_TENS_EN)}}, dash, {"LOWER": "something"}],
        [digits, {"ORTH": {"IN": ["多", "几", "来"]}}, {"ORTH": "岁"}],
        [{"ORTH": "今"}, {"ORTH": "年"}, digits, {"ORTH": {"IN": ["多", "几"]}}],
        [{"ORTH": "我"}, digits, {"ORTH": {"IN": ["多", "几"]}}, {"ORTH": "了"}],
        [digits, {"ORTH": "出"}, {"ORTH": "头"}],
        [digits, {"ORTH": "好"}, {"ORTH": "几"}, unit_or_le],
        [{"ORTH": {"IN": ["快", "奔"]}}, digits, unit_or_le],
        [{"ORTH": {"IN": ["将", "接"]}}, {"ORTH": "近"}, digits, unit_or_le],
        [{"ORTH": "奔"}, {"TEXT": {"REGEX": "^[二三四五六七八九]$"}}],
        [{"ORTH": "年"}, {"ORTH": {"IN": ["过", "逾", "近"]}}, digits, {"ORTH": "旬"}],
        [digits, {"ORTH": "旬"}],
    ]


def add_patterns(matcher: Matcher) -> None:
    numeric = {"TEXT": {"REGEX": NUMERIC_TOKEN_REGEX}}
    english = {"LOWER": {"IN": ENGLISH_FIRST_WORDS}}
    patterns = [[*context, number] for context in _CONTEXTS for number in (numeric, english)]
    matcher.add("AGE_CONTEXT", patterns, greedy="LONGEST")
    matcher.add("AGE_SELF_ZH", [[*_SELF_ZH, numeric]], greedy="LONGEST")
    matcher.add("AGE_APPROXIMATE", _approximate_patterns(), greedy="LONGEST")


def read_approximate_age(sd: SpanDoc, start: int, end: int) -> Candidate | None:
    """The age a decade phrase stands for (module docstring), or None."""
    words = sd.words[start:end]
    place = next((_PLACE_EN[w] for w in words if w in _PLACE_EN), None)
    for word in words:
        if word in _DECADES_EN or word in _TENS_EN:
            decade = _DECADES_EN.get(word) or _TENS_EN[word]
            return age_candidate(start, end, decade + (place or _AROUND))
    first = first_number(sd, start)
    number = read_number(sd, first) if first is not None and first < end else None
    if first is None or number is None or number.end > end:
        return None
    tens, after = number.value, sd.words[number.end : end]
    if "旬" in after or (words[0] == "奔" and tens < 10):
        tens *= 10
    if tens % 10 or not 10 <= tens <= 110:
        return None
    before = [_BEFORE_ZH[w] for w in sd.words[start:first] if w in _BEFORE_ZH]
    if before:
        return age_candidate(start, end, tens + before[-1])
    offset = next((_OFFSETS_ZH[w] for w in after if w in _OFFSETS_ZH), place or _AROUND)
    return age_candidate(start, end, tens + offset)


def read_age_after_context(sd: SpanDoc, key: str, start: int) -> Candidate | None:
    first = first_number(sd, start)
    number = read_number(sd, first) if first is not None else None
    if first is None or number is None or number.scaled or number.article:
        return None
    following = sd.word(number.end)
    if key == "AGE_SELF_ZH" and following not in _SELF_ZH_AFTER:
        return None
    if following is not None and (
        is_numeric(following) or following in _NOT_BEFORE_ZH or following in _NOT_BEFORE_EN
    ):
        return None
    return age_candidate(first, number.end, number.value)


def age_candidate(start: int, end: int, value: float) -> Candidate | None:
    if value != int(value) or not MIN_AGE <= value <= MAX_AGE:
        return None
    return Candidate("age", start, end, int(value))
