"""Reading slot values safely (form slots may briefly hold the customer's raw text)."""

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
