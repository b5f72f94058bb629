"""Finding the glossary term a customer's message is about, and the customer-facing views."""

import re
from dataclasses import dataclass
from functools import lru_cache

from api.errors import NotFound
from api.glossary.schemas import GlossaryOut, Suggestion, TermOut
from api.glossary.terms import Glossary, Lang, Term, normalise

MAX_SUGGESTIONS = 3
# Share of a synonym's character pairs that must appear in the text to suggest its term.
SUGGESTION_OVERLAP = 0.5
SHORT_HAN_WORD = 3
_ASCII_WORD = re.compile(r"[a-z0-9]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
NOT_FOUND = {
    "zh": "没有找到这个术语的解释。您是不是想问：",
    "en": "No explanation found for that term. Did you mean:",
}


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    length: int


@lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern[str]:
    """Latin synonyms must stand as whole words ("nav" is not in "navigate"); Han need not."""
    before = r"(?<![a-z0-9])" if _ASCII_WORD.match(form[0]) else ""
    after = r"(?![a-z0-9])" if _ASCII_WORD.match(form[-1]) else ""
    return re.compile(before + re.escape(form) + after)


def find_matches(glossary: Glossary, text: str) -> list[Match]:
    normalised = normalise(text)
    return [
        Match(term=term, start=found.start(), length=len(form))
        for term in glossary.terms
        for form in term.match_forms
        for found in _pattern(form).finditer(normalised)
    ]


def find_term(glossary: Glossary, text: str) -> Term | None:
    """The most specific term named in the text: the longest synonym found, then the earliest.

    Longest first makes "七日年化" win over "年化" and "债券基金" over a bare "基金".
    """
    matches = find_matches(glossary, text)
    if not matches:
        return None
    return max(matches, key=lambda m: (m.length, -m.start)).term


def _units(text: str, short_han: bool = False) -> set[str]:
    """Character pairs; single characters for short Chinese words, where one wrong
    character ("净直" for "净值") leaves no pair in common."""
    compact = text.replace(" ", "")
    if short_han and len(compact) <= SHORT_HAN_WORD and _HAN.search(compact):
        return set(compact)
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def suggest_terms(glossary: Glossary, text: str) -> list[Term]:
    """Terms sharing most of a synonym with the text (typos: "净直", "managment fee"),
    topped up with the featured terms so the customer always gets something to click."""
    normalised = normalise(text)
    text_units = _units(normalised) | set(normalised)
    scored = []
    for term in glossary.terms:
        best = 0.0
        for form in term.match_forms:
            form_units = _units(form, short_han=True)
            if form_units:
                best = max(best, len(form_units & text_units) / len(form_units))
        if best >= SUGGESTION_OVERLAP:
            scored.append((best, term))
    scored.sort(key=lambda item: -item[0])
    suggestions = [term for _, term in scored[:MAX_SUGGESTIONS]]
    for key in glossary.featured:
        featured = glossary.term(key)
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
        if featured is not None and featured not in suggestions:
            suggestions.append(featured)
    return suggestions


def term_view(term: Term, lang: Lang) -> TermOut:
    text = term.text(lang)
    return TermOut(term=term.key, name=text.name, explanation=text.explanation)


def glossary_view(glossary: Glossary, lang: Lang) -> GlossaryOut:
    return GlossaryOut(
        version=glossary.version,
        lang=lang,
        terms=[term_view(term, lang) for term in glossary.terms],
    )


def lookup_term(glossary: Glossary, text: str, lang: Lang) -> TermOut:
    """The term found in the text; NotFound carries suggestions the client can offer."""
    term = find_term(glossary, text)
    if term is not None:
        return term_view(term, lang)
    suggestions = [
        Suggestion(term=t.key, name=t.text(lang).name) for t in suggest_terms(glossary, text)
    ]
    raise NotFound(
        {
            "message": NOT_FOUND[lang],
            "query": text,
            "suggestions": [s.model_dump() for s in suggestions],
        }
    )
