"""The small pattern language of rules.yml, compiled to spaCy `Matcher` token patterns.

    [保证|确保|承诺] ~8 [收益|回报]        alternatives, a gap of at most 8 tokens, alternatives
    [principal|capital] [is|are]? guaranteed
    最低 [年化|收益]? PCT                  PCT: 3.5%, 3个点, 百分之三; NUM: a number

Elements are separated by spaces: a literal, `[a|b|c]` (each alternative may be several
words), `?` after an element makes it optional, `~N` is a gap of 0..N tokens that never
crosses a clause boundary or a negation word (so 保证不了收益 does not read as 保证…收益).
Chinese is matched per character (spaCy's default `zh` segmenter), English per word.
"""

import re
from collections.abc import Callable
from itertools import product
from typing import Any

TokenPattern = list[dict[str, Any]]
Tokenize = Callable[[str], list[str]]

MAX_EXPANSIONS = 2000
_ELEMENT = re.compile(r"\[[^\[\]]*\]\??|~\d+|\S+")
_ZH_NUMERALS = list("0123456789零〇一二两三四五六七八九十百")
GAP_STOPWORDS = {
    "zh": ["不", "没", "无", "非", "未", "别", "勿", "莫", "否"],
    "en": ["not", "no", "never", "nothing", "nobody", "none", "without", "neither", "nor"],
}


# A gap may cross "%" or quotes but never the end of a clause.
CLAUSE_PUNCTUATION = [",", ".", ";", ":", "!", "?", "。", "\n", "(", ")"]


class PatternError(ValueError):
    """A pattern in rules.yml cannot be compiled."""


def _number(lang: str) -> list[TokenPattern]:
    if lang == "zh":
        digits = {"LOWER": {"IN": _ZH_NUMERALS}}
        return [
            [
                {**digits, "OP": "+"},
                {"LOWER": {"IN": [".", "点"]}, "OP": "?"},
                {**digits, "OP": "*"},
            ]
        ]
    return [[{"LIKE_NUM": True}]]


def _percentage(lang: str) -> list[TokenPattern]:
    number = _number(lang)[0]
    if lang == "zh":
        return [
            [*number, {"LOWER": "%"}],
            [*number, {"LOWER": "个"}, {"LOWER": "点"}],
            [*number, {"LOWER": "个"}, {"LOWER": "百"}, {"LOWER": "分"}, {"LOWER": "点"}],
            [{"LOWER": "百"}, {"LOWER": "分"}, {"LOWER": "之"}, *number],
        ]
    return [
        [*number, {"LOWER": "%"}],
        [*number, {"LOWER": {"IN": ["percent", "pct", "percentage"]}}],
        [*number, {"LOWER": "per"}, {"LOWER": "cent"}],
    ]


def _gap(size: int, lang: str) -> TokenPattern:
    return [
        {
            "LOWER": {"NOT_IN": GAP_STOPWORDS[lang] + CLAUSE_PUNCTUATION},
            "IS_SPACE": False,
            "OP": f"{{0,{size}}}",
        }
    ]


def _literal(text: str, tokenize: Tokenize) -> TokenPattern:
    words = tokenize(text)
    if not words:
        raise PatternError(f"empty literal {text!r}")
    return [{"LOWER": word} for word in words]


def _alternatives(element: str, lang: str, tokenize: Tokenize) -> list[TokenPattern]:
    optional = element.endswith("?") and len(element) > 1
    body = element[:-1] if optional else element
    if body.startswith("~") and body[1:].isdigit():
        choices = [_gap(int(body[1:]), lang)]
    elif body == "NUM":
        choices = _number(lang)
    elif body == "PCT":
        choices = _percentage(lang)
    elif body.startswith("["):
        if not body.endswith("]"):
            raise PatternError(f"unclosed bracket in {element!r}")
        options = body[1:-1].split("|")
        if any(not option.strip() for option in options):
            raise PatternError(f"empty alternative in {element!r}")
        choices = [_literal(option, tokenize) for option in options]
    elif "[" in body or "]" in body:
        raise PatternError(f"stray bracket in {element!r}")
    else:
        choices = [_literal(body, tokenize)]
    choices = _merge_single_tokens(choices)
    if optional:
        choices = [*choices, []]
    return choices


def _merge_single_tokens(choices: list[TokenPattern]) -> list[TokenPattern]:
    """Single-word alternatives become one `IN` test: fewer patterns, same matches."""
    single = [
        choice[0]["LOWER"] for choice in choices if len(choice) == 1 and set(choice[0]) == {"LOWER"}
    ]
    if len(single) < 2:
        return choices
    longer = [
        choice for choice in choices if not (len(choice) == 1 and set(choice[0]) == {"LOWER"})
    ]
    return [[{"LOWER": {"IN": single}}], *longer]


PERCENT_SIGNS = ["%", "个点", "百分", "percent", "pct", "per cent"]


def required_literals(source: str, normalise_text: Callable[[str], str]) -> list[list[str]]:
    """For each element a match must contain: the texts one of which must appear.

    A cheap test before running the matcher: a sentence lacking any of these cannot match.
    Optional elements, gaps and bare numbers require nothing.
    """
    required = []
    for element in _ELEMENT.findall(source):
        if element.endswith("?") or element.startswith("~") or element == "NUM":
            continue
        if element == "PCT":
            required.append(PERCENT_SIGNS)
            continue
        options = element[1:-1].split("|") if element.startswith("[") else [element]
        required.append([normalise_text(option) for option in options])
    return required


def compile_pattern(source: str, lang: str, tokenize: Tokenize) -> list[TokenPattern]:
    """All spaCy token patterns that `source` stands for."""
    elements = _ELEMENT.findall(source)
    if not elements:
        raise PatternError("empty pattern")
    options = [_alternatives(element, lang, tokenize) for element in elements]
    count = 1
    for choices in options:
        count *= len(choices)
    if count > MAX_EXPANSIONS:
        raise PatternError(f"pattern {source!r} expands to {count} variants; split it")
    patterns = [
        [token for part in combination for token in part] for combination in product(*options)
    ]
    if any(
        not pattern
        or all(token.get("OP") in {"?", "*"} or "{0," in str(token.get("OP")) for token in pattern)
        for pattern in patterns
    ):
        raise PatternError(f"pattern {source!r} can match nothing at all")
    return patterns
