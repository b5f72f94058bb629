"""Rules for `amount` (CNY), `duration` (months), `age` with a unit, and bare `number`.

The spaCy Matcher finds where a number starts (with any currency sign before it);
`read_quantity` reads the number and what follows — a range (1-3年), multiplier
(万, k, million) and unit (元, 个月, 岁, years old) — and decides what it is:

* money: a CNY sign or unit, or a multiplier alone (5万, 50k); a bare number of
  at least 100 right after a money word (定投1000, invest 5000). Other currencies
  ("$1000", "1000 dollars") are no amount.
* a duration: whole months, rounded down with a few days' tolerance (89天 -> 3);
  a range gives its lower bound (3到6个月 -> 3), since money must not be locked
  up longer than the customer can wait. Not a duration: 5年前, 近一年 (the past),
  每3个月 / 500 a month (a frequency), 7-day yield, 2024年 (a date).
* any other number is a `number` entity (off by default): a form can use it for
  the value it asked for ("How old are you?" "72").

Spans cover the number and its unit, not qualifiers around it (左右, 以上).
"""

from __future__ import annotations

import math
from typing import Any

from spacy.matcher import Matcher

from bot.ages import age_candidate
from bot.number_spans import (
    ENGLISH_FIRST_WORDS,
    ENGLISH_RUN_WORDS,
    NUMERIC_TOKEN_REGEX,
    NumberSpan,
    first_number,
    inside_number,
    read_number,
)
from bot.numerals import as_number
from bot.span_doc import Candidate, SpanDoc

MAX_DURATION_MONTHS = 600  # "2024年" is a date, not a 2024-year horizon
DAYS_PER_MONTH = 30
MIN_CONTEXT_AMOUNT = 100  # 定投1000 is money; 投2 is not

_PREFIXES: dict[tuple[str, ...], str] = {
    **{(sign,): "cny" for sign in ("¥", "rmb", "cny")},
    ("人", "民", "币"): "cny",
    **{(sign,): "foreign" for sign in ("$", "usd", "hkd", "€", "£", "eur", "gbp")},
    **{pair: "foreign" for pair in (("us", "$"), ("hk", "$"), ("美", "元"), ("美", "金"))},
    ("港", "币"): "foreign",
}
_MULTIPLIERS: dict[str, int] = {
    "k": 1_000,
    "w": 10_000,
    "thousand": 1_000,
    "grand": 1_000,
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
_MONTH, _YEAR, _QUARTER = ("months", 1.0, 0.0), ("months", 12.0, 0.0), ("months", 3.0, 0.0)
_DAY, _WEEK = ("days", 1.0, 0.0), ("days", 7.0, 0.0)
_AGE = ("age", 1.0, 0.0)
# (words) -> (kind, factor, half a unit more: 两个半月)
_UNITS: dict[tuple[str, ...], tuple[str, float, float]] = {
    **{(word,): _CNY for word in ("元", "块", "rmb", "cny", "yuan", "kuai")},
    **{words: _CNY for words in (("块", "钱"), ("元", "钱"), ("元", "人", "民", "币"))},
    ("人", "民", "币"): _CNY,
    **{(word,): _FOREIGN for word in ("dollar", "dollars", "usd", "hkd", "eur", "euro", "euros")},
    **{(word,): _FOREIGN for word in ("gbp", "pound", "pounds", "jpy", "yen", "$", "bucks")},
    **{pair: _FOREIGN for pair in (("美", "元"), ("美", "金"), ("港", "元"), ("港", "币"))},
    **{pair: _FOREIGN for pair in (("欧", "元"), ("日", "元"), ("英", "镑"))},
    **{words: _MONTH for words in (("个", "月"), ("个", "多", "月"), ("个", "月", "期"))},
    ("个", "半", "月"): ("months", 1.0, 0.5),
    **{words: _YEAR for words in (("年",), ("周", "年"), ("年", "期"))},
    ("天",): _DAY,
    **{words: _WEEK for words in (("周",), ("星", "期"), ("个", "星", "期"))},
    **{words: _WEEK for words in (("礼", "拜"), ("个", "礼", "拜"))},
    **{words: _QUARTER for words in (("季", "度"), ("个", "季", "度"))},
    **{(word,): _MONTH for word in ("month", "months", "mo", "mos", "mth", "mths")},
    **{(word,): _YEAR for word in ("year", "years", "yr", "yrs")},
    **{(word,): _DAY for word in ("day", "days")},
    **{(word,): _WEEK for word in ("week", "weeks", "wk", "wks")},
    **{(word,): _QUARTER for word in ("quarter", "quarters")},
    **{words: _AGE for words in (("岁",), ("周", "岁"), ("yo",), ("-", "year", "-", "old"))},
    **{(word, "old"): _AGE for word in ("year", "years", "yr", "yrs")},
}
_HALVES: dict[tuple[str, ...], float] = {("半",): 0.5, ("and", "a", "half"): 0.5}
_RANGE_WORDS = frozenset({"-", "~", "到", "至", "to"})
# After a bare multiplier ("5万"), these mean a count of something else: 5万人, 5万份.
_NOT_MONEY_AFTER = frozenset("人次份股个名位户笔张件倍米只条步字票号%") | {
    "people", "times", "shares", "units", "users", "views", "steps", "km", "miles", "points"
}  # fmt: skip
_MONEY_BEFORE = frozenset("存投资买放拿攒有就花用薪入付交赚剩金") | {
    "invest", "investing", "invested", "put", "deposit", "depositing", "save", "saving", "on",
    "with", "have", "only", "about", "around", "approximately", "roughly", "spend", "earning",
    "earn", "salary", "income", "budget"
}  # fmt: skip
_MONEY_AFTER = frozenset("存投买放") | {"earn", "earns", "yields", "invested"}
_NOT_DURATION_BEFORE = frozenset({"近", "前", "去", "每", "per", "every", "each", "past", "last"})
_NOT_DURATION_AFTER = frozenset(
    {"前", "级", "ago", "annualized", "annualised", "yield", "return", "returns"}
)
_NOT_NUMBER_BEFORE = frozenset({"第"})  # 第5: an ordinal


def add_patterns(matcher: Matcher) -> None:
    numeric = {"TEXT": {"REGEX": NUMERIC_TOKEN_REGEX}}
    prefix = {"LOWER": {"IN": sorted({word for key in _PREFIXES for word in key})}, "OP": "*"}
    english = [
        {"LOWER": {"IN": ENGLISH_FIRST_WORDS}},
        {"LOWER": {"IN": ENGLISH_RUN_WORDS}, "OP": "*"},
    ]
    matcher.add("QUANTITY", [[prefix, numeric], [prefix, *english]], greedy="LONGEST")


def read_quantity(sd: SpanDoc, start: int) -> Candidate | None:
    """The amount, duration, age or number whose number starts in the match at `start`."""
    first = first_number(sd, start)
    if first is None or inside_number(sd, first):
        return None
    number = read_number(sd, first)
    if number is None:
        return None
    ranged = _duration_range(sd, first, number)
    if ranged:
        return ranged
    value, end, scaled = number.value, number.end, number.scaled
    if sd.word(end) == "+" and sd.joined(end - 1):
        end += 1  # 5+ years
    while sd.word(end) in _MULTIPLIERS and (
        sd.word(end) not in _JOINED_MULTIPLIERS or (sd.joined(end - 1) and not number.article)
    ):
        value, scaled, end = value * _MULTIPLIERS[sd.word(end)], True, end + 1
    unit, end = _longest(sd, _UNITS, end, skip_hyphen=True)
    kind, factor, half = unit if unit else (None, 1.0, 0.0)
    if kind == "months" and not half:
        half, end = _longest(sd, _HALVES, end)
    prefix_start, currency = _prefix_before(sd, start, first)

    if "foreign" in (currency, kind):
        return None
    if currency == "cny" or kind == "cny" or (kind is None and scaled and not number.article):
        if kind not in (None, "cny") or value <= 0:
            return None
        if not currency and kind is None and sd.word(end) in _NOT_MONEY_AFTER:
            return None
        return Candidate("amount", prefix_start, end, as_number(value))
    if kind in ("months", "days") and not scaled:
        return _duration(sd, first, end, (value + (half or 0)) * factor, kind, number.article)
    if kind == "age" and not scaled and not number.article:
        return age_candidate(first, end, value)
    if kind is None and not number.article:
        return _bare_number(sd, first, end, number)
    return None


def _bare_number(sd: SpanDoc, first: int, end: int, number: NumberSpan) -> Candidate | None:
    before, after = sd.word(first - 1), sd.word(end)
    if before in _NOT_NUMBER_BEFORE or after in _NOT_MONEY_AFTER:
        return None
    if before in ("in", "into") and first > 1:
        before = sd.word(first - 2)  # put in 10,000
    value = number.value
    if number.written == "arabic":
        if value >= MIN_CONTEXT_AMOUNT and (before in _MONEY_BEFORE or after in _MONEY_AFTER):
            return Candidate("amount", first, end, as_number(value))
        return Candidate("number", first, end, as_number(value))
    # 一定, 十分, "one of": a Chinese or English numeral on its own is usually a word.
    whole_message = first == 0 and end == len(sd)
    if whole_message or (value >= 10 and end - first >= 2) or value >= 20:
        return Candidate("number", first, end, as_number(value))
    return None


def _duration_range(sd: SpanDoc, first: int, number: NumberSpan) -> Candidate | None:
    """1-3年, 3到6个月, 1 to 3 years: one duration, the lower bound."""
    if sd.word(number.end) not in _RANGE_WORDS or number.scaled or number.article:
        return None
    second = read_number(sd, number.end + 1)
    if second is None or second.scaled:
        return None
    unit, end = _longest(sd, _UNITS, second.end, skip_hyphen=True)
    if not unit or unit[0] not in ("months", "days"):
        return None
    kind, factor, _ = unit
    return _duration(sd, first, end, min(number.value, second.value) * factor, kind, False)


def _duration(
    sd: SpanDoc, first: int, end: int, amount: float, kind: str, article: bool
) -> Candidate | None:
    before = sd.word(first - 1)
    if before in _NOT_DURATION_BEFORE or sd.word(end) in _NOT_DURATION_AFTER:
        return None
    if "".join(sd.words[end : end + 2]) == "年化":
        return None  # 7天年化: the 7-day annualised yield
    if article and before is not None and (before[0].isdigit() or before == "%"):
        return None  # "500 a month", "2.5% a year": a rate, not a horizon
    months = amount / DAYS_PER_MONTH + 0.1 if kind == "days" else amount  # 89天 -> 3
    months = math.floor(months + 1e-9)
    if not 0 <= months <= MAX_DURATION_MONTHS:
        return None
    return Candidate("duration", first, end, months)


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
