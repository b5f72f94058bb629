"""Candidate violations found with spaCy: a PhraseMatcher and a Matcher per language.

Both languages run over every message (a Chinese reply may quote "risk-free"). The `zh`
pipeline is blank with spaCy's default per-character segmenter, so phrases match anywhere in
a run of Han characters; the `en` pipeline is blank with Han runs split off Latin words.
Whether a candidate really is a violation (negation, quotation, deposits…) is decided later.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from api.compliance.context import CueMatcher
from api.compliance.definitions import LanguageRule, RuleDefinition, RuleFileError, RulesFile
from api.compliance.frames import FrameDetector
from api.compliance.normalise import (
    CLAUSE_MARKS,
    HAN,
    NormalisedText,
    is_boundary,
    normalise,
    sentence_bounds,
)
from api.compliance.patterns import PatternError, compile_pattern, required_literals

LANGUAGES = ("zh", "en")
_OPTIONAL_MARK = re.compile(r"(?<=\S)\?(?=\s|$)")
_VAGUE = "~vague"


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int  # offsets in the normalised text
    end: int
    vague: bool
    # The parts that make the claim (a frame's concepts); text between them is context that
    # may negate it ("收益不保证"). A phrase or pattern is one element.
    elements: tuple[tuple[int, int], ...] = ()
    # Product types for which this claim is true, when a frame overrides its rule's.
    allowed_for_types: tuple[str, ...] | None = None

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        return self.elements or ((self.start, self.end),)


@lru_cache(maxsize=1)
def pipelines() -> dict[str, Language]:
    """Blank pipelines, built once per process on first use (never at import)."""
    zh = spacy.blank("zh")
    en = spacy.blank("en")
    han_run = f"[{HAN}]+"
    tokenizer: Tokenizer = en.tokenizer  # type: ignore[assignment]
    defaults = en.Defaults
    tokenizer.prefix_search = compile_prefix_regex([*(defaults.prefixes or []), han_run]).search
    tokenizer.suffix_search = compile_suffix_regex([*(defaults.suffixes or []), han_run]).search
    tokenizer.infix_finditer = compile_infix_regex([*(defaults.infixes or []), han_run]).finditer
    return {"zh": zh, "en": en}


@dataclass
class _PatternGroup:
    """The spaCy patterns of one pattern line, and the literals a sentence needs to match."""

    key: str
    matcher: Matcher
    required: list[list[str]]
    # Gaps never cross clause punctuation, so a pattern without a punctuation literal matches
    # inside one clause: run it per clause (short docs keep spaCy's Matcher fast).
    within_clause: bool

    def may_match(self, sentence: str) -> bool:
        return all(any(text in sentence for text in options) for options in self.required)


class _LanguageMatchers:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # spaCy's Matcher tries every pattern at every token; one matcher per pattern line,
        # run only on sentences holding its literals, keeps long messages fast.
        self.groups: list[_PatternGroup] = []

    def tokenize(self, text: str) -> list[str]:
        return [
            token.lower_ for token in self.nlp.make_doc(normalise(text).text) if not token.is_space
        ]

    def add(self, key: str, phrases: list[str], patterns: list[str], lang: str) -> None:
        if phrases:
            self.phrases.add(key, [self.nlp.make_doc(normalise(phrase).text) for phrase in phrases])
        for source in patterns:
            try:
                compiled = compile_pattern(source, lang, self.tokenize)
            except PatternError as exc:
                raise RuleFileError(f"rule {key} ({lang}): {exc}") from exc
            matcher = Matcher(self.nlp.vocab)
            matcher.add(key, compiled)
            required = required_literals(source, lambda text: normalise(text).text)
            literals = _OPTIONAL_MARK.sub("", source)  # `?` after an element is syntax
            within_clause = not any(mark in literals for mark in CLAUSE_MARKS)
            self.groups.append(_PatternGroup(key, matcher, required, within_clause))

    def spans(self, doc: Doc) -> list[Span]:
        found: list[Span] = []
        if len(self.phrases):  # an empty matcher warns when called (W036)
            found += [Span(doc, start, end, label=key) for key, start, end in self.phrases(doc)]
        full = doc.text  # Doc.text joins every token again on each call
        for begin, finish in sentence_bounds(full):
            sentence = doc.char_span(begin, finish, alignment_mode="expand")
            if sentence is None or not len(sentence):
                continue
            text = full[sentence.start_char : sentence.end_char]
            groups = [group for group in self.groups if group.may_match(text)]
            if not groups:
                continue
            clauses = [
                span
                for a, b in _clause_bounds(full, begin, finish)
                if (span := doc.char_span(a, b, alignment_mode="expand")) is not None
            ]
            units = {
                False: [(sentence, text)],
                True: [(c, full[c.start_char : c.end_char]) for c in clauses],
            }
            for group in groups:
                for unit, unit_text in units[group.within_clause]:
                    if group.may_match(unit_text):
                        found += [
                            Span(doc, unit.start + start, unit.start + end, label=group.key)
                            for _, start, end in group.matcher(unit)
                        ]
        return found


def _clause_bounds(text: str, begin: int, finish: int) -> list[tuple[int, int]]:
    bounds, start = [], begin
    for index in range(begin, finish):
        if is_boundary(text, index, CLAUSE_MARKS):
            bounds.append((start, index + 1))
            start = index + 1
    bounds.append((start, finish))
    return [(a, b) for a, b in bounds if b > a]


class Detector:
    """Compiled matchers for one version of rules.yml."""

    def __init__(self, rules: RulesFile) -> None:
        nlp = pipelines()
        self._matchers = {lang: _LanguageMatchers(nlp[lang]) for lang in LANGUAGES}
        self._exclusions: dict[str, list[str]] = {}
        self._frames = FrameDetector(rules, CueMatcher(rules.context.contrast))
        for rule in rules.rules:
            self._exclusions[rule.name] = []
            for lang in LANGUAGES:
                self._add_rule(rule, lang, getattr(rule, lang))

    def _add_rule(self, rule: RuleDefinition, lang: str, source: LanguageRule) -> None:
        matchers = self._matchers[lang]
        matchers.add(rule.name, source.phrases, source.patterns, lang)
        matchers.add(rule.name + _VAGUE, source.vague_phrases, source.vague_patterns, lang)
        self._exclusions[rule.name] += [normalise(text).text for text in source.exclude]

    def _excluded(self, rule: str, text: str, start: int, end: int) -> bool:
        for exclusion in self._exclusions[rule]:
            position = text.find(exclusion)
            while position != -1:
                if position < end and start < position + len(exclusion):
                    return True
                position = text.find(exclusion, position + 1)
        return False

    def candidates(self, normalised: NormalisedText) -> list[Candidate]:
        found: list[Candidate] = []
        for matchers in self._matchers.values():
            doc = matchers.nlp.make_doc(normalised.text)
            by_key: dict[str, list[Span]] = {}
            for span in matchers.spans(doc):
                by_key.setdefault(span.label_, []).append(span)
            for key, spans in by_key.items():
                rule = key.removesuffix(_VAGUE)
                for span in filter_spans(spans):
                    start, end = span.start_char, span.end_char
                    if not self._excluded(rule, normalised.text, start, end):
                        found.append(Candidate(rule, start, end, vague=key.endswith(_VAGUE)))
        found += self._frame_candidates(normalised.text, found)
        # Several frames often find the same words: judge each claim once.
        found = list({(c.rule, c.start, c.end, c.vague): c for c in reversed(found)}.values())
        return sorted(found, key=lambda candidate: (candidate.start, candidate.rule))

    def _frame_candidates(self, text: str, phrases: list[Candidate]) -> list[Candidate]:
        found = []
        for match in self._frames.find(text):
            # A frame built on another rule's phrase is that phrase's claim: 稳赚 is
            # guaranteed_return, not also certain + rise; 和存款一样保本 is guaranteed_principal.
            if any(
                p.start <= start and end <= p.end and p.rule != match.rule
                for p in phrases
                for start, end in match.elements
            ):
                continue
            if any(self._excluded(match.rule, text, *part) for part in match.elements):
                continue
            found.append(
                Candidate(
                    match.rule,
                    match.start,
                    match.end,
                    match.vague,
                    match.elements,
                    match.allowed_for_types,
                )
            )
        return found
