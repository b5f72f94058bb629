"""Concept frames: a claim is a few concepts close together in one clause, in any order.

"保证…收益", "收益…有保障", "returns on this plan are guaranteed" and "we guarantee you a 5%
return" are all the frame `assurance + return`; no phrase list has to foresee each wording.
Concepts are synonym classes per language (rules.yml `concepts`); a frame names them, and
`a > b` asks for this order. Elements must be close (`gap` words or Han characters between
neighbours), inside one clause (or sentence), with no scope breaker (但, but…) in between.
Whether a match is a claim (negation, questions, deposits…) is decided later, as for phrases.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from api.compliance.context import CueMatcher
from api.compliance.definitions import Concept, Frame, RulesFile
from api.compliance.normalise import CLAUSE_MARKS, HAN, SENTENCE_MARKS, is_boundary, normalise

Span = tuple[int, int]

_ZH_DIGITS = "零〇一二两三四五六七八九十百"
PERCENTAGE = re.compile(
    rf"(?:\d+(?:\.\d+)?|[{_ZH_DIGITS}]+(?:点[{_ZH_DIGITS}]+)?) ?"
    r"(?:%|个百分点|个点|percent\b|per cent\b|pct\b)"
    rf"|百分之[{_ZH_DIGITS}点]+"
)
# A sum of money: "12万", "120,000", "5000元", "CNY 1 million".
AMOUNT = re.compile(
    rf"(?:\d[\d,]*(?:\.\d+)?|[{_ZH_DIGITS}]+) ?(?:万|千|元|块|亿|yuan\b|cny\b|rmb\b|k\b)"
    r"|(?:cny|rmb) ?\d[\d,]*|\d{1,3}(?:,\d{3})+"
)
BUILTINS = {"PCT": PERCENTAGE, "AMOUNT": AMOUNT}
_UNITS = re.compile(f"[{HAN}]|[a-z0-9]+")
_LATIN = re.compile("[a-z0-9]")


@dataclass(frozen=True)
class FrameMatch:
    rule: str
    start: int
    end: int
    elements: tuple[Span, ...]
    vague: bool
    allowed_for_types: tuple[str, ...] | None


def _cue_regex(cue: str) -> str:
    wildcard = cue.endswith("*")
    text = normalise(cue.rstrip("*")).text
    body = re.escape(text)
    if _LATIN.match(text[:1]):
        body = rf"(?<![a-z0-9]){body}"
    if wildcard:
        body += "[a-z]*"
    if _LATIN.match(text[-1:]):
        body += "(?![a-z0-9])"
    return body


class ConceptIndex:
    """Where each concept occurs in a normalised text."""

    def __init__(self, concepts: dict[str, Concept]) -> None:
        self._regexes: dict[str, re.Pattern[str]] = {}
        self._excludes: dict[str, list[str]] = {}
        for name, concept in concepts.items():
            cues = sorted(concept.zh + concept.en, key=len, reverse=True)
            if cues:
                self._regexes[name] = re.compile("|".join(_cue_regex(cue) for cue in cues))
            self._excludes[name] = [normalise(text).text for text in concept.exclude]
        for name in BUILTINS:
            self._excludes[name] = []

    def occurrences(self, text: str, names: set[str]) -> dict[str, list[Span]]:
        found: dict[str, list[Span]] = {}
        for name in names:
            regex = BUILTINS.get(name) or self._regexes.get(name)
            spans = [match.span() for match in regex.finditer(text)] if regex else []
            excluded = [
                (position, position + len(exclusion))
                for exclusion in self._excludes[name]
                for position in _positions(text, exclusion)
            ]
            found[name] = [span for span in spans if not any(_overlap(span, x) for x in excluded)]
        return found


def _positions(text: str, part: str) -> list[int]:
    positions, position = [], text.find(part)
    while position != -1:
        positions.append(position)
        position = text.find(part, position + 1)
    return positions


def _overlap(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _bounds(text: str, marks: set[str]) -> list[Span]:
    bounds, begin = [], 0
    for index in range(len(text)):
        if is_boundary(text, index, marks):
            bounds.append((begin, index))
            begin = index + 1
    bounds.append((begin, len(text)))
    return [(begin, finish) for begin, finish in bounds if finish > begin]


class FrameDetector:
    """All frames of one rules file, matched together (each concept is searched once)."""

    def __init__(self, rules: RulesFile, breakers: CueMatcher) -> None:
        self._index = ConceptIndex(rules.concepts)
        self._breakers = breakers
        self._frames = [
            (rule.name, rule.allowed_for_types, f) for rule in rules.rules for f in rule.frames
        ]
        self._names = {
            name
            for _, _, frame in self._frames
            for name in frame.elements + frame.also + frame.unless
        }

    def find(self, text: str) -> list[FrameMatch]:
        if not self._frames:
            return []
        occurrences = self._index.occurrences(text, self._names)
        found: list[FrameMatch] = []
        for sentence in _bounds(text, SENTENCE_MARKS):
            present = {name for name, spans in occurrences.items() if _inside(spans, sentence)}
            units = {"sentence": [sentence], "clause": _clauses(text, sentence)}
            for rule, allowed, frame in self._frames:
                if not set(frame.elements + frame.also) <= present or set(frame.unless) & present:
                    continue
                for unit in units[frame.scope]:
                    for elements in self._place(text, frame, occurrences, unit):
                        allowed_types = frame.allowed_for_types
                        found.append(
                            FrameMatch(
                                rule,
                                elements[0][0],
                                max(end for _, end in elements),
                                elements,
                                frame.vague,
                                tuple(allowed if allowed_types is None else allowed_types),
                            )
                        )
        return found

    def _place(
        self, text: str, frame: Frame, occurrences: dict[str, list[Span]], unit: Span
    ) -> list[tuple[Span, ...]]:
        lists = [
            [span for span in occurrences[name] if unit[0] <= span[0] and span[1] <= unit[1]]
            for name in frame.elements
        ]
        if not all(lists):
            return []
        placed = []
        for anchor in lists[0]:
            chosen = [anchor]
            for options in lists[1:]:
                free = [span for span in options if not any(_overlap(span, c) for c in chosen)]
                if frame.ordered:
                    free = [span for span in free if span[0] >= chosen[-1][1]]
                    pick = min(free, default=None)
                else:
                    pick = min(free, key=lambda span: _distance(span, chosen), default=None)
                if pick is None:
                    break
                chosen.append(pick)
            else:
                elements = tuple(sorted(chosen))
                if self._close(text, elements, frame.gap):
                    placed.append(elements)
        return _tightest(placed)

    def _close(self, text: str, elements: tuple[Span, ...], gap: int) -> bool:
        for (_, end), (start, _) in pairwise(elements):
            between = text[end:start]
            if len(_UNITS.findall(between)) > gap or self._breakers.search(between):
                return False
        return True


def _tightest(placed: list[tuple[Span, ...]]) -> list[tuple[Span, ...]]:
    """Of overlapping placements keep the shortest: the words that bind closest make the claim
    ("基金不是存款，不能像存款那样保本" binds 像存款…保本, negated by 不能)."""
    kept: list[tuple[Span, ...]] = []
    for elements in sorted(set(placed), key=lambda parts: parts[-1][1] - parts[0][0]):
        span = (elements[0][0], elements[-1][1])
        if not any(_overlap(span, (other[0][0], other[-1][1])) for other in kept):
            kept.append(elements)
    return kept


def _inside(spans: list[Span], unit: Span) -> bool:
    return any(unit[0] <= start and end <= unit[1] for start, end in spans)


def _clauses(text: str, sentence: Span) -> list[Span]:
    begin, finish = sentence
    return [(begin + a, begin + b) for a, b in _bounds(text[begin:finish], CLAUSE_MARKS)]


def _distance(span: Span, chosen: list[Span]) -> int:
    return min(max(span[0] - end, start - span[1], 0) for start, end in chosen)
