"""Candidate violations found with spaCy: a PhraseMatcher and a Matcher per language.

Both languages run over every message (a Chinese reply may quote "risk-free"). The `zh`
pipeline is blank with spaCy's default per-character segmenter, so phrases match anywhere in
a run of Han characters; the `en` pipeline is blank with Han runs split off Latin words.
Whether a candidate really is a violation (negation, quotation, deposits…) is decided later.
"""

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from api.compliance.definitions import LanguageRule, RuleDefinition, RuleFileError, RulesFile
from api.compliance.normalise import HAN, NormalisedText, normalise
from api.compliance.patterns import PatternError, compile_pattern

LANGUAGES = ("zh", "en")
_VAGUE = "~vague"


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int  # offsets in the normalised text
    end: int
    vague: bool


@lru_cache(maxsize=1)
def pipelines() -> dict[str, Language]:
    """Blank pipelines, built once per process on first use (never at import)."""
    zh = spacy.blank("zh")
    en = spacy.blank("en")
    han_run = f"[{HAN}]+"
    en.tokenizer.prefix_search = compile_prefix_regex([*en.Defaults.prefixes, han_run]).search
    en.tokenizer.suffix_search = compile_suffix_regex([*en.Defaults.suffixes, han_run]).search
    en.tokenizer.infix_finditer = compile_infix_regex([*en.Defaults.infixes, han_run]).finditer
    return {"zh": zh, "en": en}


class _LanguageMatchers:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.patterns = Matcher(nlp.vocab)
        self.exclusions: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> list[str]:
        return [token.lower_ for token in self.nlp.make_doc(normalise(text).text) if not token.is_space]

    def add(self, key: str, phrases: list[str], patterns: list[str], lang: str) -> None:
        if phrases:
            self.phrases.add(key, [self.nlp.make_doc(normalise(phrase).text) for phrase in phrases])
        compiled = []
        for source in patterns:
            try:
                compiled.extend(compile_pattern(source, lang, self.tokenize))
            except PatternError as exc:
                raise RuleFileError(f"rule {key} ({lang}): {exc}") from exc
        if compiled:
            self.patterns.add(key, compiled)

    def spans(self, doc: Doc) -> list[Span]:
        found = [Span(doc, start, end, label=key) for key, start, end in self.phrases(doc)]
        found += [Span(doc, start, end, label=key) for key, start, end in self.patterns(doc)]
        return found


class Detector:
    """Compiled matchers for one version of rules.yml."""

    def __init__(self, rules: RulesFile) -> None:
        nlp = pipelines()
        self._matchers = {lang: _LanguageMatchers(nlp[lang]) for lang in LANGUAGES}
        self._exclusions: dict[str, list[str]] = {}
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
        return sorted(found, key=lambda candidate: (candidate.start, candidate.rule))
