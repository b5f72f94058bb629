"""Bilingual texts the actions compose (kept in texts.yml so wording changes need no code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker

from actions.constants import LANGUAGE

TEXTS_FILE = Path(__file__).with_name("texts.yml")


@lru_cache(maxsize=1)
def _texts() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    missing = [key for key, value in data.items() if set(value) != {"zh", "en"}]
    if missing:
        raise ValueError(f"texts.yml: entries without both zh and en: {missing}")
    return data


def language_of(tracker: Tracker) -> str:
    """The conversation's language: the slot, else the gateway's metadata, else Chinese."""
    value = tracker.get_slot(LANGUAGE)
    if value in ("zh", "en"):
        return str(value)
    metadata = tracker.latest_message.get("metadata") or {}
    return "en" if metadata.get("language") == "en" else "zh"


def texts() -> dict[str, dict[str, str]]:
    """Every text entry by key (read-only)."""
    return _texts()


def say(key: str, lang: str, **values: Any) -> str:
    return _texts()[key][lang].format(**values)


def button(key: str, lang: str, payload: str) -> dict[str, str]:
    return {"title": say(key, lang), "payload": payload}
