"""Phrase rules for `product` (catalogue code) and `product_type` (canonical type name).

Both are lists of phrases matched with a spaCy PhraseMatcher on lowercased tokens:
product phrases come from the catalogue (bot/product_names.py), type phrases from
`bot/lexicon/product_types.yml`, where a compliance officer or marketer can add a
synonym without touching Python.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from bot.normalise import normalise_text
from bot.product_names import resolve_path
from bot.span_doc import Candidate, SpanDoc, make_span_doc

logger = logging.getLogger(__name__)

PRODUCT_TYPES_PATH = "bot/lexicon/product_types.yml"
_BLOCKER = "not_a_type"


def type_phrases(path: str | Path = PRODUCT_TYPES_PATH) -> dict[str, str | None]:
    """{normalised phrase: product type}; phrases listed under `not_a_type` map to None."""
    file = resolve_path(path)
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        logger.warning("Cannot read the product type lexicon %s: %s", file, exc)
        return {}
    phrases: dict[str, str | None] = {}
    for type_name, forms in (raw.get("types") or {}).items():
        for phrase in _forms(forms):
            phrases[phrase] = type_name
    for phrase in _forms(raw.get(_BLOCKER) or {}):
        phrases[phrase] = None
    return phrases


def _forms(by_language: dict[str, list[str]]) -> set[str]:
    forms = set()
    for phrase in (phrase for phrases in by_language.values() for phrase in phrases or []):
        phrase = normalise_text(str(phrase)).strip()
        forms.add(phrase)
        plural = _english_plural(phrase)
        if plural:
            forms.add(plural)
    return forms


def _english_plural(phrase: str) -> str | None:
    """bond fund -> bond funds, CD -> CDs, annuity -> annuities; None if not English."""
    if not (phrase[-1:].isascii() and phrase[-1:].isalpha()) or phrase.lower().endswith("s"):
        return None
    if phrase.lower().endswith("y") and phrase[-2:-1].lower() not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


class PhraseRules:
    """Finds catalogue products and product types in a SpanDoc."""

    def __init__(
        self, vocab: Vocab, products: dict[str, str], types: dict[str, str | None]
    ) -> None:
        self._matcher = PhraseMatcher(vocab, attr="LOWER")
        by_key: dict[str, list[str]] = {}
        for phrase, code in products.items():
            by_key.setdefault(f"product|{code}", []).append(phrase)
        for phrase, type_name in types.items():
            by_key.setdefault(f"product_type|{type_name or ''}", []).append(phrase)
        for key, phrases in by_key.items():
            self._matcher.add(key, [make_span_doc(vocab, phrase).doc for phrase in phrases])
        self._strings = vocab.strings

    def candidates(self, sd: SpanDoc) -> list[Candidate]:
        found = []
        for match_id, start, end in self._matcher(sd.doc):
            entity, _, value = self._strings[match_id].partition("|")
            found.append(Candidate(entity if value else None, start, end, value or None))
        return found
