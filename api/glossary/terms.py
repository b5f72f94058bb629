"""The glossary as data: loads `terms.yml`, normalises synonyms, refuses a malformed file.

A problem is reported with the term and language it concerns, so whoever edits the YAML
sees at start-up exactly what to fix.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
import zhconv

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
TERMS_FILE = Path(__file__).with_name("terms.yml")
MIN_TERMS = 24
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
EXPLANATION_LENGTH = {"zh": (30, 260), "en": (60, 520)}
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_SPACE_NEXT_TO_HAN = re.compile(rf"(?<=[{_HAN}]) | (?=[{_HAN}])")


class GlossaryError(ValueError):
    """The glossary file is malformed; the message names the term and language."""


def normalise(text: str) -> str:
    """The form both synonyms and customer text are compared in.

    Full-width forms become ASCII (NFKC), traditional Chinese becomes simplified, case is
    folded, and hyphens/underscores/slashes count as spaces ("lock-up" == "lock up").
    """
    text = unicodedata.normalize("NFKC", text)
    text = zhconv.convert(text, "zh-cn").lower()
    text = re.sub(r"[-_/]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _SPACE_NEXT_TO_HAN.sub("", text)


@dataclass(frozen=True)
class TermText:
    name: str
    synonyms: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Term:
    key: str
    texts: dict[Lang, TermText]
    # Normalised names and synonyms of both languages (customers mix them), for matching.
    match_forms: frozenset[str]

    def text(self, lang: Lang) -> TermText:
        return self.texts[lang]


def _match_forms(texts: dict[Lang, TermText]) -> frozenset[str]:
    forms = {normalise(t.name) for t in texts.values()}
    forms.update(normalise(s) for t in texts.values() for s in t.synonyms)
    return frozenset(f for f in forms if f)


@dataclass(frozen=True)
class Glossary:
    version: str
    terms: tuple[Term, ...]
    featured: tuple[str, ...]

    def term(self, key: str) -> Term | None:
        return next((t for t in self.terms if t.key == key), None)


def _require_text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(f"{where}: must be a non-empty string")
    return value.strip()


def _parse_text(raw: Any, key: str, lang: Lang) -> TermText:
    where = f"term {key!r} [{lang}]"
    if not isinstance(raw, dict):
        raise GlossaryError(f"{where}: missing (needs name, synonyms, explanation)")
    unknown = set(raw) - {"name", "synonyms", "explanation"}
    if unknown:
        raise GlossaryError(f"{where}: unknown fields {sorted(unknown)}")
    synonyms = raw.get("synonyms")
    if not isinstance(synonyms, list) or not synonyms:
        raise GlossaryError(f"{where}: synonyms must be a non-empty list")
    explanation = _require_text(raw.get("explanation"), f"{where} explanation")
    low, high = EXPLANATION_LENGTH[lang]
    if not low <= len(explanation) <= high:
        raise GlossaryError(
            f"{where}: explanation has {len(explanation)} characters, expected {low}-{high}"
        )
    return TermText(
        name=_require_text(raw.get("name"), f"{where} name"),
        synonyms=tuple(_require_text(s, f"{where} synonym") for s in synonyms),
        explanation=explanation,
    )


def _check_unambiguous(terms: list[Term]) -> None:
    """One normalised synonym may point at one term only, or lookups would be arbitrary."""
    owner: dict[str, str] = {}
    for term in terms:
        for form in term.match_forms:
            if form in owner and owner[form] != term.key:
                raise GlossaryError(
                    f"synonym {form!r} belongs to both {owner[form]!r} and {term.key!r}"
                )
            owner[form] = term.key


def parse_glossary(data: Any) -> Glossary:
    if not isinstance(data, dict):
        raise GlossaryError("the glossary file must be a mapping with version and terms")
    version = _require_text(str(data.get("version") or ""), "version")
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, dict) or len(raw_terms) < MIN_TERMS:
        raise GlossaryError(f"terms must be a mapping of at least {MIN_TERMS} terms")
    terms = []
    for key, raw in raw_terms.items():
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            raise GlossaryError(f"term key {key!r} must be snake_case")
        if not isinstance(raw, dict) or set(raw) != set(LANGS):
            raise GlossaryError(f"term {key!r}: needs exactly the languages {list(LANGS)}")
        texts = {lang: _parse_text(raw[lang], key, lang) for lang in LANGS}
        terms.append(Term(key=key, texts=texts, match_forms=_match_forms(texts)))
    _check_unambiguous(terms)
    featured = tuple(data.get("featured") or ())
    missing = [key for key in featured if key not in raw_terms]
    if missing:
        raise GlossaryError(f"featured names unknown terms: {missing}")
    return Glossary(version=version, terms=tuple(terms), featured=featured)


def load_glossary(path: Path = TERMS_FILE) -> Glossary:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GlossaryError(f"cannot read {path}: {exc}") from exc
    return parse_glossary(data)


@lru_cache(maxsize=1)
def get_glossary() -> Glossary:
    return load_glossary()
