"""Text normalisation before compliance matching, keeping a map back to the original text.

Evasions a rule must see through: traditional characters (保證收益), full-width forms
(１００％安全), case (Risk-Free), spacing and joiners inside Chinese runs (保 本, 保-本),
letter-spaced English (r i s k - f r e e) and contractions (can't → can not).
Every normalised character remembers the index of the original character it came from, so
a violation can quote what the author actually wrote.
"""

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import zhconv

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
# Characters dropped when they sit between two Han characters (spacing tricks, quotes).
_JOINERS = set(" \t-_*·.~/\\|'\"`^+=#@&“”‘’「」『』《》【】()[]<>…—–•・")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"\bit's\b"), "it is"),
    (re.compile(r"\bthere's\b"), "there is"),
    (re.compile(r"\bthat's\b"), "that is"),
]
# Hyphens and similar between Latin letters: "risk-free" and "risk free" must read alike.
_LATIN_JOINER = re.compile(r"(?<=[a-z])\s*[-_/·*~]+\s*(?=[a-z])")
# "r i s k" / "g.u.a.r.a.n.t.e.e.d" / "r-i-s-k": three or more single letters, one mark apart.
_LETTER_SPACED = re.compile(r"\b[a-z](?:[ .\-_*][a-z]){2,}\b")
_PERCENT_WORD = re.compile(r"%(?=[a-z])")
_SPACES = re.compile(r"\s+")
CLAUSE_MARKS = frozenset(",;!?:。\n")
SENTENCE_MARKS = frozenset("。!?;\n")


@dataclass(frozen=True)
class NormalisedText:
    """`text` is what the matchers see; `origin[i]` is the source index of `text[i]`."""

    text: str
    origin: tuple[int, ...]
    source: str

    def original(self, start: int, end: int) -> str:
        """The original characters behind the normalised span [start, end)."""
        if start >= end:
            return ""
        return self.source[self.origin[start] : self.origin[end - 1] + 1]


Chars = list[tuple[str, int]]


def _substitute(chars: Chars, pattern: re.Pattern[str], replacement: str | None) -> Chars:
    """Replace each match; None means "delete the separators inside the match"."""
    joined = "".join(char for char, _ in chars)
    result: Chars = []
    position = 0
    for found in pattern.finditer(joined):
        result.extend(chars[position : found.start()])
        matched = chars[found.start() : found.end()]
        if replacement is None:
            result.extend(pair for pair in matched if pair[0] not in " .-_*")
        else:
            for index, char in enumerate(replacement):
                result.append((char, matched[min(index, len(matched) - 1)][1]))
        position = found.end()
    result.extend(chars[position:])
    return result


def _simplified(text: str) -> Chars:
    converted = zhconv.convert(text, "zh-cn")
    if len(converted) == len(text):
        return [(char, index) for index, char in enumerate(converted)]
    # Phrase conversion changed the length: fall back to character-by-character.
    return [
        (char, index)
        for index, original in enumerate(text)
        for char in zhconv.convert(original, "zh-cn")
    ]


def _is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char))


def _is_numeric(char: str) -> bool:
    return char.isdigit() or char == "%"


def _nearest_non_joiner(chars: Chars, order: range) -> dict[int, str]:
    nearest: dict[int, str] = {}
    last = ""
    for index in order:
        nearest[index] = last
        if chars[index][0] not in _JOINERS:
            last = chars[index][0]
    return nearest


def _drop_separators_in_han_runs(chars: Chars) -> Chars:
    lefts = _nearest_non_joiner(chars, range(len(chars)))
    rights = _nearest_non_joiner(chars, range(len(chars) - 1, -1, -1))
    kept: Chars = []
    for index, (char, origin) in enumerate(chars):
        if char in _JOINERS:
            left, right = lefts[index], rights[index]
            if _is_han(left) and _is_han(right):
                continue
            if char.isspace() and (
                (_is_han(left) and _is_numeric(right))
                or (_is_numeric(left) and _is_han(right))
                or (left.isdigit() and right == "%")
            ):
                continue
        kept.append((char, origin))
    return kept


def normalise(text: str) -> NormalisedText:
    chars = _simplified(text)
    widened: Chars = []
    for char, origin in chars:
        for part in unicodedata.normalize("NFKC", char).translate(_QUOTES).lower():
            widened.append((part, origin))
    chars = widened
    for pattern, replacement in _CONTRACTIONS:
        chars = _substitute(chars, pattern, replacement)
    chars = _substitute(chars, _LETTER_SPACED, None)
    chars = _substitute(chars, _LATIN_JOINER, " ")
    chars = _substitute(chars, _PERCENT_WORD, "% ")
    chars = _drop_separators_in_han_runs(chars)
    chars = _substitute(chars, _SPACES, " ")
    return NormalisedText(
        text="".join(char for char, _ in chars),
        origin=tuple(origin for _, origin in chars),
        source=text,
    )


def compact(text: str) -> str:
    """Letters, digits and Han only: for "is this sentence already there?" comparisons."""
    flat = normalise(text).text
    return "".join(char for char in flat if char.isalnum())


def is_boundary(text: str, index: int, marks: frozenset[str]) -> bool:
    char = text[index]
    between_digits = 0 < index < len(text) - 1 and text[index - 1].isdigit()
    if char == "," and between_digits and text[index + 1].isdigit():
        return False  # a thousands separator: 120,000
    if char in marks:
        return True
    if char == ".":
        after = text[index + 1] if index + 1 < len(text) else " "
        before = text[index - 1] if index else " "
        return after.isspace() or _is_han(before) or _is_han(after)
    return False


@lru_cache(maxsize=256)
def boundaries(text: str, marks: frozenset[str]) -> tuple[int, ...]:
    """Indices of the clause or sentence marks of a text (cached: every candidate asks)."""
    return tuple(index for index in range(len(text)) if is_boundary(text, index, marks))


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[begin, finish) of every sentence, its closing mark included."""
    bounds = []
    begin = 0
    for index in boundaries(text, SENTENCE_MARKS):
        bounds.append((begin, index + 1))
        begin = index + 1
    if begin < len(text):
        bounds.append((begin, len(text)))
    return bounds


def segment_bounds(text: str, start: int, end: int, marks: frozenset[str]) -> tuple[int, int]:
    """The [begin, finish) of the clause or sentence around text[start:end]."""
    positions = boundaries(text, marks)
    before = bisect_left(positions, start)
    after = bisect_left(positions, end)
    begin = positions[before - 1] + 1 if before else 0
    finish = positions[after] if after < len(positions) else len(text)
    return begin, finish
