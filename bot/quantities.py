"""Rules for `amount` (CNY), `duration` (months) and `age` (years).

The spaCy Matcher finds where a number starts (with any currency sign before it);
`read_quantity` then reads the number and the words after it — multiplier
(万, k, million), unit (元, 个月, 岁, years old) and trailers (以上, 半) — and decides
which entity it is, if any. A bare number ("3000", "第5") is no entity; money in
another currency ("$1000", "1000 dollars") is no amount.
"""

from __future__ import annotations

import math
from typing import Any

from spacy.matcher import Matcher

from bot.numerals import (
    CN_NUMERAL_CHARS,
    EN_NUMBER_WORDS,
    EN_SCALES,
    as_number,
    parse_chinese_number,
    parse_english_number,
)
from bot.span_doc import Candidate, SpanDoc

MAX_DURATION_MONTHS = 600  # "2024年" is a date, not a 2024-year horizon
MIN_AGE, MAX_AGE = 1, 120
DAYS_PER_MONTH = 30

_NUMERIC_REGEX = "^(?:[0-9]+(?:[.,][0-9]+)*|[" + "".join(sorted(CN_NUMERAL_CHARS)) + "半])$"
_EN_FIRST = sorted(EN_NUMBER_WORDS | {"half"})
_EN_RUN = frozenset(EN_NUMBER_WORDS | {"half", "and", "-"})

_PREFIXES: dict[tuple[str, ...], str] = {
    ("¥",): "cny",
    ("rmb",): "cny",
    ("cny",): "cny",
    ("人", "民", "币"): "cny",
    ("$",): "foreign",
    ("us", "$"): "foreign",
    ("usd",): "foreign",
    ("hkd",): "foreign",
    ("hk", "$"): "foreign",
    ("€",): "foreign",
    ("£",): "foreign",
    ("eur",): "foreign",
    ("gbp",): "foreign",
    ("美", "元"): "foreign",
    ("美", "金"): "foreign",
    ("港", "币"): "foreign",
}
_MULTIPLIERS: dict[str, int] = {
    "k": 1_000,
    "w": 10_000,
    "thousand": 1_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "千": 1_000,
    "万": 10_000,
    "亿": 100_000_000,
}
_JOINED_MULTIPLIERS = frozenset({"k", "w"})  # "50k" yes, "50 k" no

_CNY = ("cny", 1.0, 0.0)
_FOREIGN = ("foreign", 1.0, 0.0)
_MONTH = ("months", 1.0, 0.0)
_YEAR = ("months", 12.0, 0.0)
_DAY = ("days", 1.0, 0.0)
_WEEK = ("days", 7.0, 0.0)
_QUARTER = ("months", 3.0, 0.0)
_AGE = ("age", 1.0, 0.0)
_UNITS: dict[tuple[str, ...], tuple[str, float, float]] = {
    **{(word,): _CNY for word in ("元", "块", "rmb", "cny", "yuan", "kuai")},
    ("块", "钱"): _CNY,
    ("元", "钱"): _CNY,
    ("元", "人", "民", "币"): _CNY,
    ("人", "民", "币"): _CNY,
    ("元", "整"): _CNY,
    **{(word,): _FOREIGN for word in ("dollar", "dollars", "usd", "hkd", "eur", "euro", "euros")},
    **{(word,): _FOREIGN for word in ("gbp", "pound", "pounds", "jpy", "yen", "$")},
    **{pair: _FOREIGN for pair in (("美", "元"), ("美", "金"), ("港", "元"), ("港", "币"))},
    **{pair: _FOREIGN for pair in (("欧", "元"), ("日", "元"), ("英", "镑"))},
    ("个", "月"): _MONTH,
    ("个", "多", "月"): _MONTH,
    ("个", "半", "月"): ("months", 1.0, 0.5),
    ("年",): _YEAR,
    ("周", "年"): _YEAR,
    ("天",): _DAY,
    ("周",): _WEEK,
    ("星", "期"): _WEEK,
    ("个", "星", "期"): _WEEK,
    ("礼", "拜"): _WEEK,
    ("个", "礼", "拜"): _WEEK,
    ("季", "度"): _QUARTER,
    ("个", "季", "度"): _QUARTER,
    **{(word,): _MONTH for word in ("month", "months", "mo", "mos", "mth", "mths")},
    **{(word,): _YEAR for word in ("year", "years", "yr", "yrs")},
    **{(word,): _DAY for word in ("day", "days")},
    **{(word,): _WEEK for word in ("week", "weeks", "wk", "wks")},
    **{(word,): _QUARTER for word in ("quarter", "quarters")},
    ("岁",): _AGE,
    ("周", "岁"): _AGE,
    ("yo",): _AGE,
    **{(word, "old"): _AGE for word in ("year", "years", "yr", "yrs")},
    ("-", "year", "-", "old"): _AGE,
}
# Words after a unit that belong to the phrase; the value is the half a unit they add.
_TRAILERS: dict[tuple[str, ...], float] = {
    ("半",): 0.5,
    ("and", "a", "half"): 0.5,
    **{tuple(word): 0.0 for word in ("以上", "以下", "以内", "之内", "左右", "多", "期", "整")},
}
# After a bare multiplier ("5万"), these mean a count of something else: 5万人, 5万份.
_NOT_MONEY_AFTER = frozenset("人次份股个名位户笔张件倍米只条步字票")
_NOT_MONEY_AFTER_EN = frozenset(
    {"people", "times", "shares", "units", "users", "views", "steps", "km", "miles", "points"}
)
_NOT_DURATION_AFTER = frozenset({"前", "级", "化", "ago"})
_HALF_UNITS = frozenset({"months"})  # 一年半, 两个半月; 90天半 is not a thing

_AGE_CONTEXTS: list[list[dict[str, Any]]] = [
    [{"LOWER": "今"}, {"LOWER": "年"}],
    [{"LOWER": "年"}, {"LOWER": {"IN": ["龄", "纪"]}}, {"ORTH": {"IN": [":", "是"]}, "OP": "?"}],
    [{"LOWER": "i"}, {"ORTH": {"IN": ["'", "’"]}}, {"LOWER": "m"}],
    [{"LOWER": {"IN": ["i", "im"]}}, {"LOWER": "am", "OP": "?"}],
    [{"LOWER": "aged"}],
    [{"LOWER": "age"}, {"LOWER": {"IN": [":", "is", "="]}, "OP": "?"}],
]
_AGE_NOT_BEFORE = frozenset("万千百亿元块钱年月日天号点个次多来余几分秒度倍只份股人期季周%")
_AGE_ENGLISH_AFTER = frozenset({"and", "now", "this", "next", "so", "but", "with", "already"})


def _is_numeric(word: str | None) -> bool:
    return word is not None and (
        word[0].isdigit() or (len(word) == 1 and (word in CN_NUMERAL_CHARS or word == "半"))
    )


def add_patterns(matcher: Matcher) -> None:
    numeric = {"TEXT": {"REGEX": _NUMERIC_REGEX}}
    prefix = {"LOWER": {"IN": sorted({word for key in _PREFIXES for word in key})}, "OP": "*"}
    english = [{"LOWER": {"IN": _EN_FIRST}}, {"LOWER": {"IN": sorted(_EN_RUN)}, "OP": "*"}]
    matcher.add("QUANTITY", [[prefix, numeric], [prefix, *english]], greedy="LONGEST")
    matcher.add(
        "AGE_CONTEXT",
        [[*context, numeric] for context in _AGE_CONTEXTS]
        + [[*context, english[0]] for context in _AGE_CONTEXTS],
        greedy="LONGEST",
    )


def read_quantity(sd: SpanDoc, start: int) -> Candidate | None:
    """The amount, duration or age whose number starts in the match at `start`."""
    first = next((i for i in range(start, len(sd)) if _starts_number(sd, i)), None)
    if first is None or (first > 0 and sd.joined(first - 1) and _is_numeric(sd.word(first - 1))):
        return None  # no number, or the middle of one
    number = _read_number(sd, first)
    if number is None:
        return None
    value, end, scaled, article = number
    prefix_start, currency = _prefix_before(sd, start, first)
    while sd.word(end) in _MULTIPLIERS and (
        sd.word(end) not in _JOINED_MULTIPLIERS or (sd.joined(end - 1) and not article)
    ):
        value, scaled, end = value * _MULTIPLIERS[sd.word(end)], True, end + 1
    unit, end = _longest(sd, _UNITS, end, skip_hyphen=True)
    kind, factor, half = unit if unit else (None, 1.0, 0.0)
    trailer, end = _longest(sd, _TRAILERS, end)
    if trailer and kind in _HALF_UNITS and half == 0:
        half = trailer
    next_word = sd.word(end)

    if "foreign" in (currency, kind):
        return None
    if currency == "cny" or kind == "cny" or (kind is None and scaled and not article):
        if kind not in (None, "cny") or value <= 0:
            return None
        if not currency and kind is None and _counts_something_else(next_word):
            return None
        return Candidate("amount", prefix_start, end, as_number(value))
    if kind in ("months", "days"):
        if scaled or next_word in _NOT_DURATION_AFTER:
            return None
        months = (value + half) * factor
        if kind == "days":
            months = months / DAYS_PER_MONTH + 0.1  # 89天 is a three-month term
        months = math.floor(months + 1e-9)
        if not 0 <= months <= MAX_DURATION_MONTHS:
            return None
        return Candidate("duration", first, end, months)
    if kind == "age" and not scaled and not article:
        return _age(first, end, value)
    return None


def read_age_after_context(sd: SpanDoc, start: int) -> Candidate | None:
    """今年六十五 / I'm 65 / aged 70: the number after the context words, if nothing follows
    that makes it something else (今年3月, I'm 30 minutes late)."""
    first = next((i for i in range(start, len(sd)) if _starts_number(sd, i)), None)
    if first is None:
        return None
    number = _read_number(sd, first)
    if number is None:
        return None
    value, end, scaled, article = number
    following = sd.word(end)
    if scaled or article or _is_numeric(following) or following in _MULTIPLIERS:
        return None
    if following is not None and (
        following in _AGE_NOT_BEFORE
        or (following.isascii() and following.isalpha() and following not in _AGE_ENGLISH_AFTER)
    ):
        return None
    return _age(first, end, value)


def _age(start: int, end: int, value: float) -> Candidate | None:
    if value != int(value) or not MIN_AGE <= value <= MAX_AGE:
        return None
    return Candidate("age", start, end, int(value))


def _starts_number(sd: SpanDoc, index: int) -> bool:
    word = sd.word(index)
    return _is_numeric(word) or word in _EN_FIRST


def _read_number(sd: SpanDoc, start: int) -> tuple[float, int, bool, bool] | None:
    """(value, end, scaled by 千/万/亿/thousand..., is just the article "a") or None."""
    if not _is_numeric(sd.word(start)):
        return _read_english_number(sd, start)
    end = start + 1
    while sd.joined(end - 1) and _is_numeric(sd.word(end)):
        end += 1
    text = "".join(sd.words[start:end])
    if text == "半":
        return 0.5, end, False, False
    value = None if "半" in text else parse_chinese_number(text)
    if value is None:
        return None
    return float(value), end, any(char in "千万亿仟" for char in text), False


def _read_english_number(sd: SpanDoc, start: int) -> tuple[float, int, bool, bool] | None:
    end = start
    while sd.word(end) in _EN_RUN:
        end += 1
    words = list(sd.words[start:end])
    while words and words[-1] in ("-", "and"):
        words.pop()
        end -= 1
    if words in (["a"], ["an"]):
        return 1.0, end, False, True
    if words in (["half"], ["half", "a"], ["half", "an"]):
        return 0.5, end, False, False
    half = 0.0
    if words[-3:] == ["and", "a", "half"]:
        words, half = words[:-3], 0.5
        if words in (["a"], ["an"]):
            words = ["one"]
    value = parse_english_number(words) if words else None
    if value is None:
        return None
    return value + half, end, any(word in EN_SCALES for word in words), False


def _prefix_before(sd: SpanDoc, start: int, first: int) -> tuple[int, str | None]:
    """The longest currency prefix ending right before the number (¥, RMB, 人民币)."""
    for begin in range(start, first):
        kind = _PREFIXES.get(tuple(sd.words[begin:first]))
        if kind:
            return begin, kind
    return first, None


def _longest(
    sd: SpanDoc, table: dict[tuple[str, ...], Any], start: int, skip_hyphen: bool = False
) -> tuple[Any, int]:
    """The entry of the longest table phrase starting at `start`, and where it ends.

    With `skip_hyphen`, "6-month" reads like "6 month" (but "65-year-old" is its own entry).
    """
    begins = [start, start + 1] if skip_hyphen and sd.word(start) == "-" else [start]
    for begin in begins:
        for length in (4, 3, 2, 1):
            key = tuple(sd.words[begin : begin + length])
            if len(key) == length and key in table:
                return table[key], begin + length
    return None, start


def _counts_something_else(next_word: str | None) -> bool:
    return next_word is not None and (
        next_word in _NOT_MONEY_AFTER or next_word in _NOT_MONEY_AFTER_EN
    )
