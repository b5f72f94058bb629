"""Map a free-text answer to a questionnaire option, so the bot can accept typed answers.

Order of evidence: an explicit option letter ("b", "选C"), then a number read with the
question's unit (age, percent, years, months, CNY) checked against the options' ranges,
then the options' keywords (the longest phrase found wins; a phrase inside a longer
matched phrase does not count). When nothing fits, `option_id` is None and the bot asks
again with buttons.
"""

import math
import re
from dataclasses import dataclass

from api.profiling.quantities import Quantity, find_quantities, normalise_text
from api.profiling.questionnaire import LANGS, Option, Question

_LETTER = re.compile(r"^(?:选项?|答案|option|answer)?\s*[(（]?\s*([a-z])\s*[)）]?[.。]?$")
# Units a question accepts, and how to turn them into the question's own unit.
_CONVERSIONS: dict[str, dict[str | None, float]] = {
    "age": {"age": 1, "year": 1, None: 1},
    "percent": {"percent": 1, None: 1},
    "years": {"year": 1, "month": 1 / 12, "day": 1 / 365, None: 1},
    "months": {"month": 1, "year": 12, "day": 12 / 365},
    "cny": {"money": 1, None: 1},
}
# A number without a unit is weaker evidence than "35岁" or "30%".
_BARE_NUMBER_CONFIDENCE = 0.6
_NUMBER_CONFIDENCE = 0.85
_AGREEING_CONFIDENCE = 0.95
_KEYWORD_CONFIDENCE = 0.9
_AMBIGUOUS_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Interpretation:
    option_id: str | None
    confidence: float


def _number_value(kind: str, quantity: Quantity) -> float | None:
    factors = _CONVERSIONS[kind]
    if quantity.unit not in factors:
        return None
    value = quantity.value * factors[quantity.unit]
    # "More than 70" means 71 for whole-number ages and money, a shade above for the rest.
    step = 1.0 if kind in ("age", "cny") else 0.01
    if quantity.qualifier == "above":
        value += step
    elif quantity.qualifier == "below":
        value -= step
    if kind == "age":
        value = math.floor(value)
        return value if 0 <= value <= 130 else None
    return value if value >= 0 else None


def match_number(question: Question, text: str) -> tuple[Option, float] | None:
    if question.number is None:
        return None
    for quantity in find_quantities(text):
        value = _number_value(question.number, quantity)
        if value is None:
            continue
        option = next((o for o in question.options if o.range and o.range.contains(value)), None)
        if option is not None:
            confidence = _BARE_NUMBER_CONFIDENCE if quantity.unit is None else _NUMBER_CONFIDENCE
            return option, confidence
    return None


def _keyword_spans(keyword: str, text: str) -> list[tuple[int, int]]:
    needle = normalise_text(keyword)
    if needle.isascii():
        pattern = rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])"
    else:
        pattern = re.escape(needle)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


# A keyword right after a negation says the opposite ("不了解基金" is not "了解基金"); keywords
# that carry their own negation ("不了解", "no idea") start at the negation and are kept.
# The negation may govern one verb before the keyword: "不了解基金和债券", "don't know funds".
_NEGATED = re.compile(
    r"(?:(?:不|没|没有|并非|从未)[\u4e00-\u9fff]{0,2}"
    r"|(?<![a-z])(?:not|never|don't|dont|do not|no)(?:\s+[a-z]+)?)\s*$"
)


def match_keywords(question: Question, text: str) -> tuple[Option, float] | None:
    normalised = normalise_text(text)
    hits: list[tuple[int, int, Option]] = []
    for option in question.options:
        for lang in LANGS:
            for keyword in option.keywords[lang]:
                hits.extend(
                    (s, e, option)
                    for s, e in _keyword_spans(keyword, normalised)
                    if not _NEGATED.search(normalised[:s])
                )
    # "货币基金" must not also count as "基金": drop hits inside a longer hit.
    kept = [
        hit
        for hit in hits
        if not any(
            o[0] <= hit[0] and hit[1] <= o[1] and o[1] - o[0] > hit[1] - hit[0] for o in hits
        )
    ]
    options = {id(h[2]): h[2] for h in kept}
    if not kept:
        return None
    if len(options) == 1:
        return kept[0][2], _KEYWORD_CONFIDENCE
    if question.several_matches == "highest_score":
        return max(options.values(), key=lambda o: o.score), _KEYWORD_CONFIDENCE
    longest = max(e - s for s, e, _ in kept)
    best = {id(o): o for s, e, o in kept if e - s == longest}
    if len(best) == 1:
        return next(iter(best.values())), _KEYWORD_CONFIDENCE
    return None


def interpret_answer(question: Question, text: str) -> Interpretation:
    letter = _LETTER.match(normalise_text(text))
    if letter and question.option(letter.group(1)):
        return Interpretation(letter.group(1), 1.0)
    by_number = match_number(question, text)
    by_keyword = match_keywords(question, text)
    if by_number and by_keyword:
        if by_number[0].id == by_keyword[0].id:
            return Interpretation(by_number[0].id, _AGREEING_CONFIDENCE)
        # A figure is more precise than a phrase ("不能亏超过5%" is not "不能亏").
        return Interpretation(by_number[0].id, _AMBIGUOUS_CONFIDENCE)
    if by_number:
        return Interpretation(by_number[0].id, by_number[1])
    if by_keyword:
        return Interpretation(by_keyword[0].id, by_keyword[1])
    return Interpretation(None, 0.0)
