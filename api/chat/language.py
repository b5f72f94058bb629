"""Which language a message is written in: Chinese if it has Han characters, else English."""

import re
from typing import Literal

Language = Literal["zh", "en"]
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> Language | None:
    """None when the text carries no signal (digits, emoji, a button payload)."""
    if text.startswith("/"):
        return None
    if _HAN.search(text):
        return "zh"
    if _LATIN_WORD.search(text):
        return "en"
    return None
