"""Reading the tracker safely: slots (form slots may briefly hold raw text) and entities."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def as_number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def number_slot(tracker: Tracker, name: str) -> float | None:
    return as_number(tracker.get_slot(name))


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    values = [
        str(e["value"])
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == entity
    ]
    return list(dict.fromkeys(values))


def first_entity(tracker: Tracker, entity: str) -> str | None:
    """The first value of `entity` in the latest message, if any."""
    return next(iter(entity_values(tracker, entity)), None)
