"""Numbers written the ways customers write them: 3,000 / 1.5 / 五万 / 两千五 / 3万5 / fifty.

Pure functions, no Rasa or spaCy: the entity extractor feeds them the pieces of
a matched span. Every parser returns None for anything it does not fully
understand, so a doubtful span yields no entity rather than a wrong number.
"""

from __future__ import annotations

import re

Number = int | float

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    # financial (anti-forgery) forms, as printed on cheques and contracts
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
CN_UNITS: dict[str, int] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10_000,
    "亿": 100_000_000,
}
CN_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_UNITS)

_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
EN_SMALL: dict[str, int] = {word: value for value, word in enumerate(_EN_UNITS.split())}
EN_SMALL.update({word: 10 * tens for tens, word in enumerate(_EN_TENS.split(), 2)})
EN_SCALES: dict[str, int] = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
EN_NUMBER_WORDS = frozenset(EN_SMALL) | frozenset(EN_SCALES) | {"hundred", "a", "an"}

# How an Arabic number is cut out of text. A comma only before groups of three digits:
# "100,000" is one number, "C2,65岁" (a Chinese comma, folded to ",") is C2 and 65.
NUMBER_PATTERN = r"[0-9]+(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?"
_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_CN_ATOM = re.compile(r"[0-9]+(?:[.,][0-9]+)*|.")


def as_number(value: float) -> Number:
    """Whole values as int (50000, not 50000.0); others rounded to cents."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def parse_arabic(text: str) -> Number | None:
    """'3000', '100,000', '1.5', '3,000.50' -> number; '2024.01.05', '1,5' -> None."""
    if not _ARABIC.fullmatch(text):
        return None
    return as_number(float(text.replace(",", "")))


def parse_chinese_number(text: str) -> Number | None:
    """Chinese numerals, optionally mixed with Arabic digits.

    一百五十万 -> 1500000, 十万 -> 100000, 两千五 -> 2500 (the unit below is implied),
    一千零五 -> 1005, 3万5 -> 35000, 1.5万 -> 15000, 二零二四 -> 2024.
    A unit with nothing before it (千万不要, 万元) is not a number.
    """
    atoms: list[tuple[bool, float]] = []  # (is_unit, value)
    for atom in _CN_ATOM.findall(text):
        if atom[0].isdigit():
            value = parse_arabic(atom)
            if value is None:
                return None
            atoms.append((False, value))
        elif atom in CN_DIGITS:
            atoms.append((False, CN_DIGITS[atom]))
        elif atom in CN_UNITS:
            atoms.append((True, CN_UNITS[atom]))
        else:
            return None
    if not atoms:
        return None
    if not any(is_unit for is_unit, _ in atoms):
        return _digit_string(atoms)
    return _positional(atoms)


def _digit_string(atoms: list[tuple[bool, float]]) -> Number | None:
    if len(atoms) == 1:
        return as_number(atoms[0][1])
    digits = [value for _, value in atoms]
    if any(value != int(value) or value > 9 for value in digits):
        return None  # "3 5" or "1.5 2" is not one number
    return int("".join(str(int(value)) for value in digits))


def _positional(atoms: list[tuple[bool, float]]) -> Number | None:
    total = 0.0  # everything already multiplied by 万 or 亿
    section = 0.0  # the part below 万 being built
    number: float | None = None  # the digit waiting for its unit
    for is_unit, value in atoms:
        if not is_unit:
            if number not in (None, 0):
                return None  # two digits in a row (三五万 = "three to five" 万): a range
            number = value
            continue
        if value < 10_000:
            if number is None:
                if value != 10:
                    return None  # 百/千 need a digit; 十 alone means 一十
                number = 1
            section += number * value
        elif value == 10_000:
            section = (section + (number or 0)) * value
            if section == 0:
                return None
            total += section
            section = 0
        else:
            total = (total + section + (number or 0)) * value
            if total == 0:
                return None
            section = 0
        number = None
    if number is not None:
        number = _implied_unit(atoms, number)
    return as_number(total + section + (number or 0))


def _implied_unit(atoms: list[tuple[bool, float]], number: float) -> float:
    """两千五 is 2500 and 3万5 is 35000: a lone last digit right after a unit
    counts in the next unit down. 一千零五 (a 零 in between) does not."""
    previous_is_unit, previous = atoms[-2] if len(atoms) >= 2 else (False, 0)
    if previous_is_unit and previous >= 100 and number == int(number) and number < 10:
        return number * previous / 10
    return number


def parse_english_number(words: list[str]) -> Number | None:
    """'fifty', 'twenty - five', 'one hundred and five', 'a million' -> number."""
    words = [word.lower() for word in words if word != "-"]
    if not words or words[0] == "and" or words[-1] == "and":
        return None
    total, current, seen = 0, 0, False
    for position, word in enumerate(words):
        if word in ("a", "an"):
            if position != 0:
                return None
            current = 1
        elif word in EN_SMALL:
            current += EN_SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in EN_SCALES:
            total += (current or 1) * EN_SCALES[word]
            current = 0
        elif word == "and":
            continue
        else:
            return None
        seen = seen or word not in ("a", "an")
    if not seen:
        return None  # "a" alone is an article, not a number
    return total + current
