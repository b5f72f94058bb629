"""The illustration wording file (`wording.yml`): loaded once, checked, filled in by key."""

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from api.products.vocabulary import Lang

WORDING_PATH = Path(__file__).with_name("wording.yml")
SECTIONS = ("scenarios", "assumptions", "caveats", "texts", "errors")


class WordingError(ValueError):
    """The wording file is unusable; the message names the key."""


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load_wording(path: Path = WORDING_PATH) -> dict[str, dict[str, dict[str, str]]]:
    raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = []
    for section in SECTIONS:
        for key, texts in (raw.get(section) or {}).items():
            if not isinstance(texts, dict) or not texts.get("zh") or not texts.get("en"):
                problems.append(f"{section}.{key}: needs both zh and en")
            elif _placeholders(texts["zh"]) != _placeholders(texts["en"]):
                problems.append(f"{section}.{key}: zh and en use different placeholders")
    if problems:
        raise WordingError(f"{path} is invalid: " + "; ".join(problems))
    return {section: raw.get(section) or {} for section in SECTIONS}


@lru_cache(maxsize=1)
def wording() -> dict[str, dict[str, dict[str, str]]]:
    return load_wording()


def say(section: str, key: str, lang: Lang, **values: object) -> str:
    return wording()[section][key][lang].format(**values)
