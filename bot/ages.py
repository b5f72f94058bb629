"""Rules for an `age` stated without a unit: 今年六十五, 我72了, I'm 65, aged 70.

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


def add_patterns(matcher: Matcher) -> None:
    numeric = {"TEXT": {"REGEX": NUMERIC_TOKEN_REGEX}}
    english = {"LOWER": {"IN": ENGLISH_FIRST_WORDS}}
    patterns = [[*context, number] for context in _CONTEXTS for number in (numeric, english)]
    matcher.add("AGE_CONTEXT", patterns, greedy="LONGEST")
    matcher.add("AGE_SELF_ZH", [[*_SELF_ZH, numeric]], greedy="LONGEST")


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
