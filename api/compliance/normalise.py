"""Text normalisation before compliance matching, keeping a map back to the original text.

Evasions a rule must see through: traditional characters (保證收益), full-width forms
(１００％安全), case (Risk-Free), spacing and joiners inside Chinese runs (保 本, 保-本),
letter-spaced English (r i s k - f r e e), digits for letters inside words (w1n, r1sk) and
contractions, with or without the apostrophe (can't, cant → can not). Misspellings
(guarenteed) are rule data: rules.yml `spellings`, applied by `respell`.
Every normalised character remembers the index of the original character it came from, so
a violation can quote what the author actually wrote.
"""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import zhconv

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
# Characters dropped when they sit between two Han characters (spacing tricks, quotes).
_JOINERS = set(" \t-_*·.~/\\|'\"`^+=#@&“”‘’「」『』《》【】()[]<>…—–•・")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
_CONTRACTIONS: list[tuple[re.Pattern[str], "Replacement"]] = [
    # typed without the apostrophe (chat): the words they could be mistaken for are rare
    (re.compile(r"\b(?:cant|cannot)\b"), "can not"),
    (re.compile(r"\bwont\b"), "will not"),
    (
        re.compile(r"\b(do|does|did|is|are|was|were|would|could|should|has|have|had)nt\b"),
        lambda found: found.group(1) + " not",
    ),
    (re.compile(r"\b(you|they|we|it)ll\b"), lambda found: found.group(1) + " will"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\bit's\b"), "it is"),
    (re.compile(r"\bthere's\b"), "there is"),
    (re.compile(r"\bthat's\b"), "that is"),
]
# Hyphens and similar between Latin letters: "risk-free" and "risk free" must read alike.
_LATIN_JOINER = re.compile(r"(?<=[a-z])\s*[-_/·*~]+\s*(?=[a-z])")
# "r i s k" / "g.u.a.r.a.n.t.e.e.d" / "r-i-s-k": three or more single letters, one mark apart.
_LETTER_SPACED = re.compile(r"\b[a-z](?:[ .\-_*][a-z]){2,}\b")
_PERCENT_WORD = re.compile(r"%(?=[a-z])")
# "min. return", "approx. 4%": the dot of an abbreviation does not end a sentence.
_ABBREVIATION_DOT = re.compile(r"\b(min|max|approx|avg|incl|est|yr|yrs|vs)\.(?= +[a-z0-9])")
# Digits standing for letters inside a word: "w1n", "r1sk", "guarant33d", "gu@r@nteed".
_LEET = re.compile(r"(?<=[a-z])[013457@$]+(?=[a-z])")
_LEET_LETTERS = str.maketrans("013457@$", "oieastas")
# …and one such digit ending a word of letters: "zer0", "fre3" (not "csi300", not "R2").
_LEET_END = re.compile(r"(?<=[a-z]{2})[013](?![a-z0-9])")
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
Replacement = str | Callable[[re.Match[str]], str]


def _substitute(chars: Chars, pattern: re.Pattern[str], replacement: Replacement) -> Chars:
    """Replace each match by a text, or by a function of the match."""
    joined = "".join(char for char, _ in chars)
    if not pattern.search(joined):
        return chars
    result: Chars = []
    position = 0
    for found in pattern.finditer(joined):
        result.extend(chars[position : found.start()])
        matched = chars[found.start() : found.end()]
        text = replacement if isinstance(replacement, str) else replacement(found)
        for index, char in enumerate(text):
            result.append((char, matched[min(index, len(matched) - 1)][1]))
        position = found.end()
    result.extend(chars[position:])
    return result


def _substitute_all(chars: Chars, rules: list[tuple[re.Pattern[str], Replacement]]) -> Chars:
    """Several substitutions in turn; the text is joined again only after a change."""
    joined = "".join(char for char, _ in chars)
    for pattern, replacement in rules:
        if pattern.search(joined):
            chars = _substitute(chars, pattern, replacement)
            joined = "".join(char for char, _ in chars)
    return chars


def _join_letters(chars: Chars) -> Chars:
    """ "g u a r a n t e e d" → "guaranteed"; with two kinds of separator the rarer one parts
    words: "c.a.p.i.t.a.l p.r.o.t.e.c.t.e.d" → "capital protected"."""
    joined = "".join(char for char, _ in chars)
    if not _LETTER_SPACED.search(joined):
        return chars
    result: Chars = []
    position = 0
    for found in _LETTER_SPACED.finditer(joined):
        result.extend(chars[position : found.start()])
        matched = chars[found.start() : found.end()]
        separators = [char for char, _ in matched[1::2]]
        inside = max(set(separators), key=separators.count)
        for index, (char, origin) in enumerate(matched):
            if index % 2 == 0:
                result.append((char, origin))
            elif char != inside:
                result.append((" ", origin))
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


_LATIN_RULES: list[tuple[re.Pattern[str], Replacement]] = [
    *_CONTRACTIONS,
    (_LEET, lambda found: found.group().translate(_LEET_LETTERS)),
    (_LEET_END, lambda found: found.group().translate(_LEET_LETTERS)),
    (_ABBREVIATION_DOT, lambda found: found.group(1)),
]


def normalise(text: str) -> NormalisedText:
    chars = _simplified(text)
    widened: Chars = []
    for char, origin in chars:
        for part in unicodedata.normalize("NFKC", char).translate(_QUOTES).lower():
            widened.append((part, origin))
    chars = widened
    chars = _substitute_all(chars, _LATIN_RULES)
    chars = _join_letters(chars)
    chars = _substitute_all(chars, [(_LATIN_JOINER, " "), (_PERCENT_WORD, "% ")])
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


class Speller:
    """Known misspellings → the spelling the rules use (rules.yml `spellings`).

    English variants are whole words ("guarenteed" → "guaranteed"); Chinese variants are
    substrings ("稳赚不陪" → "稳赚不赔"). Offsets still lead back to what the author wrote.
    """

    def __init__(self, spellings: dict[str, list[str]]) -> None:
        self._canonical: dict[str, str] = {}
        for canonical, variants in spellings.items():
            target = normalise(canonical).text
            for variant in variants:
                self._canonical[normalise(variant).text] = target
        parts = []
        for variant in sorted(self._canonical, key=len, reverse=True):
            escaped = re.escape(variant)
            if variant[0].isascii() and variant[0].isalnum():
                escaped = r"(?<![a-z0-9])" + escaped
            if variant[-1].isascii() and variant[-1].isalnum():
                escaped += r"(?![a-z0-9])"
            parts.append(escaped)
        self._regex = re.compile("|".join(parts)) if parts else None

    def __call__(self, normalised: NormalisedText) -> NormalisedText:
        if self._regex is None or not self._regex.search(normalised.text):
            return normalised
        chars = list(zip(normalised.text, normalised.origin, strict=True))
        chars = _substitute(chars, self._regex, lambda found: self._canonical[found.group()])
        return NormalisedText(
            text="".join(char for char, _ in chars),
            origin=tuple(origin for _, origin in chars),
            source=normalised.source,
        )
