"""What customers may call each product: codes, names and aliases from the catalogue.

The API owns the catalogue file (`api/products/catalogue.yml`); the bot only reads
the naming fields, with plain PyYAML, so the Rasa environment needs nothing from
`api/`. Phrases are normalised like customer text (half-width, simplified), so a
traditional-script alias and a traditional-script question meet in the middle.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.normalise import normalise_text

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NAME_FIELDS = ("name_zh", "name_en")
ALIAS_FIELDS = ("aliases_zh", "aliases_en")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def resolve_path(path: str | Path) -> Path:
    """A configured path; relative paths are relative to the project root, not the cwd."""
    path = Path(path)
    return path if path.is_absolute() else PROJECT_ROOT / path


def product_phrases(path: str | Path) -> dict[str, str]:
    """{normalised phrase: product code} for every code, name and alias in the catalogue.

    A missing or unreadable catalogue gives {} (logged): the bot still runs, it just
    recognises no product by name. A phrase claimed by two products is dropped
    rather than guessed.
    """
    catalogue = resolve_path(path)
    try:
        raw = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        logger.warning("Cannot read the product catalogue %s: %s", catalogue, exc)
        return {}
    products = raw.get("products") if isinstance(raw, dict) else None
    if not isinstance(products, list):
        logger.warning("Product catalogue %s has no 'products' list", catalogue)
        return {}

    owners: dict[str, set[str]] = {}
    for product in products:
        if not isinstance(product, dict) or not product.get("code"):
            continue
        code = str(product["code"]).strip().upper()
        for phrase in _phrases_of(product, code):
            owners.setdefault(phrase, set()).add(code)
    ambiguous = sorted(phrase for phrase, codes in owners.items() if len(codes) > 1)
    if ambiguous:
        logger.warning("Product names shared by several products are ignored: %s", ambiguous)
    return {phrase: codes.pop() for phrase, codes in owners.items() if len(codes) == 1}


def _phrases_of(product: dict, code: str) -> set[str]:
    raw_phrases = [code]
    raw_phrases += [product.get(field) for field in NAME_FIELDS]
    for field in ALIAS_FIELDS:
        aliases = product.get(field) or []
        raw_phrases += aliases if isinstance(aliases, list) else [aliases]
    return {
        normalise_text(str(phrase)).strip()
        for phrase in raw_phrases
        if phrase and str(phrase).strip()
    }


def han_words(phrases: Iterable[str]) -> list[str]:
    """Words for the Chinese segmenter: each Han run of two or more characters.

    The tokenizer hands jieba only the Han runs of a message, so a mixed name such
    as "DailyPlus货币基金" contributes "货币基金".
    """
    return sorted({run for phrase in phrases for run in _HAN_RUN.findall(phrase) if len(run) > 1})
