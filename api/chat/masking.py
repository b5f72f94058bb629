"""Personal data masking (PIPL): applied before a message reaches Rasa, a log or a table.

The bot never needs these values, so they are replaced outright, not partially shown.
Order matters: 18-character ID numbers before card numbers, cards before phones.
"""

import re

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[EMAIL]", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    (
        "[ID]",
        re.compile(
            r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])"
        ),
    ),
    ("[CARD]", re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")),
    ("[PHONE]", re.compile(r"(?<!\d)(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")),
)


def mask_personal_data(text: str) -> str:
    for placeholder, pattern in _RULES:
        text = pattern.sub(placeholder, text)
    return text


def contains_personal_data(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _RULES)
