"""Concept frames: a claim is a few concepts close together in one clause, in any order.

"保证…收益", "收益…有保障", "returns on this plan are guaranteed" and "we guarantee you a 5%
return" are all the frame `assurance + return`; no phrase list has to foresee each wording.
Concepts are synonym classes per language (rules.yml `concepts`); a frame names them, and
`a > b` asks for this order. Elements must be close (`gap` words or Han characters between
neighbours), inside one clause (or sentence), with no contrast word (但, but…) in between.
Whether a match is a claim (negation, questions, deposits…) is decided later, as for phrases.
"""

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from api.compliance.context import CueMatcher
from api.compliance.definitions import Concept, Frame, RuleDefinition, RulesFile
from api.compliance.normalise import CLAUSE_MARKS, HAN, SENTENCE_MARKS, boundaries, normalise

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
ECHO_QUESTION_UNITS = 8  # "风险？", "Losing money with this fund?": a topic, then the answer


@dataclass(frozen=True)
class FrameMatch:
    rule: str
    start: int
    end: int
    elements: tuple[Span, ...]
    vague: bool
    allowed_for_types: tuple[str, ...]


@dataclass
class _Node:
    children: dict[str, "_Node"]
    closing: str | None = None  # set where a cue ends: the assertion that must follow it


def _trie_regex(cues: list[str]) -> str:
    """One regex for many cues, shaped as a trie that starts with a literal character.

    Python's `re` tries the branches of a flat alternation one by one at every position and
    cannot skip ahead when the pattern starts with a look-behind; a trie with the word-boundary
    check moved after the first character is several times faster on long cue lists.
    English cues are whole words (a trailing `*` allows a longer word: guarant*).
    """
    root = _Node({})
    for cue in cues:
        wildcard = cue.endswith("*")
        text = normalise(cue.rstrip("*")).text
        if not text:
            continue
        node = root
        for char in text:
            node = node.children.setdefault(char, _Node({}))
        node.closing = "[a-z]*" if wildcard else ""
        if _LATIN.match(text[-1]) or wildcard:
            node.closing += "(?![a-z0-9])"
    return _branches(root, first=True)


def _branches(node: _Node, first: bool = False) -> str:
    parts = []
    for char in sorted(node.children):
        literal = re.escape(char)
        if first and _LATIN.match(char):
            literal += "(?<![a-z0-9].)"  # an English cue starts a word
        parts.append(literal + _branches(node.children[char]))
    if node.closing is not None:
        parts.append(node.closing)  # last: a longer cue wins, this one is the fallback
    if len(parts) == 1 and not first:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


class ConceptIndex:
    """Where each concept occurs in a normalised text."""

    def __init__(self, concepts: dict[str, Concept]) -> None:
        self._regexes: dict[str, re.Pattern[str]] = dict(BUILTINS)
        self._excludes: dict[str, re.Pattern[str]] = {}
        for name, concept in concepts.items():
            if concept.zh or concept.en:
                self._regexes[name] = re.compile(_trie_regex(concept.zh + concept.en))
            if concept.exclude:
                # A lookahead finds overlapping exclusions too.
                texts = sorted({normalise(text).text for text in concept.exclude}, key=len)
                alternatives = "|".join(re.escape(text) for text in reversed(texts))
                self._excludes[name] = re.compile(f"(?=({alternatives}))")

    def occurrences(self, text: str, names: set[str]) -> dict[str, list[Span]]:
        found: dict[str, list[Span]] = {}
        for name in names:
            regex = self._regexes.get(name)
            spans = [match.span() for match in regex.finditer(text)] if regex else []
            exclude = self._excludes.get(name)
            if spans and exclude:
                excluded = [
                    (match.start(), match.start() + len(match.group(1)))
                    for match in exclude.finditer(text)
                ]
                spans = [span for span in spans if not any(_overlap(span, x) for x in excluded)]
            found[name] = spans
        return found


def _overlap(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _bounds(text: str, marks: frozenset[str]) -> list[Span]:
    """Segments between marks, the marks themselves left out."""
    bounds, begin = [], 0
    for index in boundaries(text, marks):
        bounds.append((begin, index))
        begin = index + 1
    bounds.append((begin, len(text)))
    return [(begin, finish) for begin, finish in bounds if finish > begin]


@dataclass(frozen=True)
class _CompiledFrame:
    rule: str
    elements: tuple[str, ...]
    needs: frozenset[str]  # elements and `also`
    unless: frozenset[str]
    ordered: bool
    gap: int
    scope: str
    vague: bool
    allowed_for_types: tuple[str, ...]

    @classmethod
    def of(cls, rule: RuleDefinition, frame: Frame) -> "_CompiledFrame":
        allowed = (
            rule.allowed_for_types if frame.allowed_for_types is None else frame.allowed_for_types
        )
        return cls(
            rule.name,
            tuple(frame.elements),
            frozenset(frame.elements + frame.also),
            frozenset(frame.unless),
            frame.ordered,
            frame.gap,
            frame.scope,
            frame.vague,
            tuple(allowed),
        )


class FrameDetector:
    """All frames of one rules file, matched together (each concept is searched once)."""

    def __init__(self, rules: RulesFile, breakers: CueMatcher) -> None:
        self._index = ConceptIndex(rules.concepts)
        self._breakers = breakers
        self._frames = [_CompiledFrame.of(rule, f) for rule in rules.rules for f in rule.frames]
        self._names = {name for frame in self._frames for name in frame.needs | frame.unless}

    def find(self, text: str) -> list[FrameMatch]:
        if not self._frames:
            return []
        occurrences = self._index.occurrences(text, self._names)
        found: list[FrameMatch] = []
        sentences = _bounds(text, SENTENCE_MARKS)
        for question, answer in _echoes(text, sentences):
            for frame in self._frames:
                if frame.scope == "echo" and not frame.unless & self._present(
                    occurrences, (question[0], answer[1])
                ):
                    found += self._echo(text, frame, occurrences, question, answer)
        for sentence in sentences:
            present = self._present(occurrences, sentence)
            frames = [
                f
                for f in self._frames
                if f.scope != "echo" and f.needs <= present and not f.unless & present
            ]
            if not frames:
                continue
            units = {"sentence": [sentence], "clause": _clauses(text, sentence)}
            for frame in frames:
                for unit in units[frame.scope]:
                    for elements in self._place(text, frame, occurrences, unit):
                        found.append(
                            FrameMatch(
                                frame.rule,
                                elements[0][0],
                                max(end for _, end in elements),
                                elements,
                                frame.vague,
                                frame.allowed_for_types,
                            )
                        )
        return found

    @staticmethod
    def _present(occurrences: dict[str, list[Span]], unit: Span) -> set[str]:
        return {name for name, spans in occurrences.items() if _inside(spans, unit)}

    def _echo(
        self,
        text: str,
        frame: _CompiledFrame,
        occurrences: dict[str, list[Span]],
        question: Span,
        answer: Span,
    ) -> list[FrameMatch]:
        topics = [s for s in occurrences[frame.elements[0]] if _inside([s], question)]
        if not topics:
            return []
        clause = _clauses(text, answer)[0]
        # The answer's first clause must open with the rest: gap counted from its start.
        opening = (clause[0], clause[0])
        for elements in self._place(text, _rest(frame), occurrences, clause):
            if self._close(text, (opening, elements[0]), frame.gap):
                parts = (topics[-1], *elements)
                return [
                    FrameMatch(
                        frame.rule,
                        parts[0][0],
                        max(end for _, end in parts),
                        parts,
                        frame.vague,
                        frame.allowed_for_types,
                    )
                ]
        return []

    def _place(
        self, text: str, frame: _CompiledFrame, occurrences: dict[str, list[Span]], unit: Span
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


def _echoes(text: str, sentences: list[Span]) -> list[tuple[Span, Span]]:
    """(short question, the sentence answering it) pairs."""
    return [
        (question, answer)
        for question, answer in pairwise(sentences)
        if question[1] < len(text)
        and text[question[1]] == "?"
        and len(_UNITS.findall(text[question[0] : question[1]])) <= ECHO_QUESTION_UNITS
    ]


def _rest(frame: _CompiledFrame) -> _CompiledFrame:
    """The frame without its first element (placed in the answer, in order)."""
    elements = frame.elements[1:]
    return replace(frame, elements=elements, needs=frozenset(elements), ordered=True)


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
