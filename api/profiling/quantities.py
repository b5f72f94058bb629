"""Numbers in a customer's free-text answer: "35岁", "三成", "2到5年", "about 30%", "20万".

`normalise_text` folds width, script (traditional → simplified) and case; `find_quantities`
returns every number with its unit and any "more than / less than" qualifier, in order.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import zhconv

Unit = Literal["percent", "year", "month", "day", "age", "money"]
Qualifier = Literal["above", "below"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
# A lone 一/两 is usually a word ("一般", "一直", "两者"), not a number, unless a unit follows.
_UNIT_AFTER = re.compile(r"^(?:[年个岁成万千百%]|月)")

_MONEY_SCALE = {"万元": 1e4, "万": 1e4, "w": 1e4, "千": 1e3, "k": 1e3, "百万": 1e6,
                "million": 1e6, "mn": 1e6, "亿": 1e8, "元": 1.0, "yuan": 1.0, "cny": 1.0,
                "rmb": 1.0}  # fmt: skip
_UNITS = {
    "percent": ("%", "percent", "per cent", "个百分点"),
    "age": ("周岁", "岁", "years old", "year old"),
    "month": ("个月", "months", "month"),
    "year": ("年", "years", "year", "yrs", "yr"),
    "day": ("天", "days", "day"),
}
_ABOVE = ("more than", "over", "above", "older than", "超过", "大于", "多于", "高于", "以上", "多",
          "+", "or more", "plus", "and above")  # fmt: skip
_BELOW = ("less than", "under", "below", "fewer than", "younger than", "不到", "少于", "低于",
          "不足", "未满", "不满", "以下", "or less", "and below")  # fmt: skip
_INCLUSIVE = ("no more than", "not more than", "at most", "up to", "within", "不超过", "最多",
              "以内", "之内", "左右", "about", "around", "roughly")  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_WORDS = tuple(_MONEY_SCALE) + tuple(w for ws in _UNITS.values() for w in ws) + ("成",)
_PRE = _alternation(_INCLUSIVE + _ABOVE + _BELOW)
_POST = _alternation(_INCLUSIVE + _ABOVE + _BELOW)
_QUANTITY = re.compile(
    rf"(?:(?P<pre>{_PRE})\s*)?"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?:\s*(?:-|~|–|—|到|至|to|and)\s*(?P<num2>\d+(?:\.\d+)?))?"
    rf"\s*(?P<unit>{_alternation(_UNIT_WORDS)})?(?![a-z])"
    rf"\s*(?P<post>{_POST})?"
)
_NEGATION_BEFORE = re.compile(r"(?:不|没|no|not)\W{0,1}\w{0,3}$")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Unit | None
    qualifier: Qualifier | None = None


def _cn_number(run: str) -> float:
    total, section, digit = 0, 0, 0
    for char in run:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL_UNITS:
            section += (digit or 1) * _CN_SMALL_UNITS[char]
            digit = 0
        else:  # 万 / 亿
            total += (section + digit) * _CN_BIG_UNITS[char]
            section, digit = 0, 0
    return float(total + section + digit)


def _replace_cn_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if not any(c in _CN_DIGITS or c == "十" for c in run):
        return run  # only unit characters, e.g. the 万 of "20万"
    rest = match.string[match.end() :]
    if run in ("一", "两") and not _UNIT_AFTER.match(rest):
        return run
    if len(run) == 2 and all(c in _CN_DIGITS for c in run):
        return f"{_CN_DIGITS[run[0]]}-{_CN_DIGITS[run[1]]}"  # 两三年 → 2-3年
    number = _cn_number(run)
    return str(int(number)) if number.is_integer() else str(number)


@lru_cache(maxsize=1)
def _load_zhconv_dictionary() -> None:
    # zhconv's default loader leaves its dictionary file open (a ResourceWarning); given
    # the path explicitly, it reads the file inside a `with` block.
    zhconv.loaddict(str(Path(zhconv.__file__).with_name("zhcdict.json")))


def normalise_text(text: str) -> str:
    """Half-width, simplified Chinese, lower case, single spaces."""
    _load_zhconv_dictionary()
    folded = zhconv.convert(unicodedata.normalize("NFKC", text), "zh-cn").lower()
    return re.sub(r"\s+", " ", folded).strip()


def arabic_numerals(text: str) -> str:
    """Chinese numerals to digits, with 百分之/成/半 spelled as numbers: "百分之三十" → "30%"."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = _CN_RUN.sub(_replace_cn_run, text)
    text = re.sub(r"百分之\s*(\d+(?:\.\d+)?)", r"\1%", text)
    text = re.sub(r"(\d+)\s*年半", r"\1.5年", text)
    text = re.sub(r"(\d+)\s*个半月", r"\1.5个月", text)
    text = re.sub(r"(?<![\d.])半年", "0.5年", text)
    text = re.sub(r"(?<![\d.])半个月", "0.5个月", text)
    return text.replace("half a year", "0.5 year").replace("half year", "0.5 year")


def _unit_of(word: str | None) -> tuple[Unit | None, float]:
    if not word:
        return None, 1.0
    if word == "成":
        return "percent", 10.0
    if word in _MONEY_SCALE:
        return "money", _MONEY_SCALE[word]
    for unit, words in _UNITS.items():
        if word in words:
            return unit, 1.0  # type: ignore[return-value]
    return None, 1.0


def _qualifier(word: str | None, text_before: str) -> Qualifier | None:
    if not word or word in _INCLUSIVE:
        return None
    if word in _ABOVE:
        # "不能亏超过5%", "no more than": a negated "more than" is an upper bound, inclusive.
        return None if _NEGATION_BEFORE.search(text_before) else "above"
    return "below"


def find_quantities(text: str) -> list[Quantity]:
    """Every number in the (raw) text, in order of appearance."""
    prepared = arabic_numerals(normalise_text(text))
    found = []
    for match in _QUANTITY.finditer(prepared):
        unit, scale = _unit_of(match.group("unit"))
        low = float(match.group("num"))
        value = (low + float(match.group("num2"))) / 2 if match.group("num2") else low
        qualifier = _qualifier(match.group("pre"), prepared[: match.start()]) or _qualifier(
            match.group("post"), prepared[: match.start("num")]
        )
        found.append(Quantity(value * scale, unit, qualifier))
    return found
