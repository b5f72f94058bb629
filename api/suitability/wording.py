"""Customer-facing suitability texts, loaded from `wording.yml` and checked at start-up.

A compliance officer changes a phrase in the YAML; the code refers to texts by key only.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
WORDING_FILE = Path(__file__).with_name("wording.yml")
LABEL_TABLES = ("objective", "liquidity")


class WordingError(ValueError):
    """The wording file is malformed; the message names the text and language."""


@dataclass(frozen=True)
class Wording:
    version: str
    texts: dict[str, dict[str, str]]
    labels: dict[str, dict[str, dict[str, str]]]

    def say(self, key: str, lang: Lang, **fields: object) -> str:
        return self.texts[key][lang].format(**fields)

    def label(self, table: str, key: str, lang: Lang) -> str:
        return self.labels[table].get(key, {}).get(lang, key)


def _placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def parse_wording(data: Any) -> Wording:
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise WordingError("the wording file needs a version string")
    texts = data.get("texts")
    if not isinstance(texts, dict) or not texts:
        raise WordingError("the wording file needs `texts`")
    for key, entry in texts.items():
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(lang), str) and entry[lang] for lang in LANGS
        ):
            raise WordingError(f"text {key}: needs non-empty zh and en")
        if _placeholders(entry["zh"]) != _placeholders(entry["en"]):
            raise WordingError(
                f"text {key}: zh uses {sorted(_placeholders(entry['zh']))} but en uses "
                f"{sorted(_placeholders(entry['en']))}"
            )
    labels = data.get("labels") or {}
    for table in LABEL_TABLES:
        for key, entry in (labels.get(table) or {}).items():
            if not isinstance(entry, dict) or not all(entry.get(lang) for lang in LANGS):
                raise WordingError(f"label {table}.{key}: needs zh and en")
    return Wording(
        version=data["version"],
        texts={k: {lang: v[lang] for lang in LANGS} for k, v in texts.items()},
        labels={t: dict(labels.get(t) or {}) for t in LABEL_TABLES},
    )


def require_texts(wording: Wording, keys: set[str]) -> None:
    missing = sorted(keys - set(wording.texts))
    if missing:
        raise WordingError(f"{WORDING_FILE.name}: missing texts {missing}")


def load_wording(path: Path = WORDING_FILE) -> Wording:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return parse_wording(data)
    except (OSError, yaml.YAMLError, WordingError) as exc:
        raise WordingError(f"{path.name}: {exc}") from exc


@lru_cache(maxsize=1)
def get_wording() -> Wording:
    return load_wording()
