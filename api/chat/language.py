"""Which language a message is written in, from its characters.

One rule for the gateway and the bot's LanguageDetector (bot/language.py imports it):
Han characters make it Chinese, unless English words carry the sentence and the Han
characters are only a name in it: it starts in English, with two English words or more
and one for every two Han characters ("what is 日日盈", "what is the yield of 日日盈" are
English; "DailyPlus收益多少", "ETF是什么", "帮我compare一下", "我想买DailyPlus货币基金
what is the yield" are Chinese). All-caps words and codes (ETF, CD, R3, TD1Y) appear in
Chinese sentences and count for nothing.
"""

import re
from typing import Literal

Language = Literal["zh", "en"]
_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_CHARS}]")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}(?:['’][A-Za-z]+)?")
# English carries a mixed sentence with at least this many words, and at least one word
# for every two Han characters (a Chinese word is about two characters).
_MIN_ENGLISH_WORDS = 2
_FIRST_LETTER = re.compile(f"[A-Za-z{_HAN_CHARS}]")


def script_language(text: str) -> Language | None:
    """zh or en from the characters themselves; None when they say nothing."""
    han = len(_HAN.findall(text))
    words = [word for word in _ENGLISH_WORD.findall(text) if not word.isupper()]
    if han:
        first = _FIRST_LETTER.search(text)
        english_first = first is not None and first.group().isascii()
        if not (english_first and len(words) >= _MIN_ENGLISH_WORDS and 2 * len(words) >= han):
            return "zh"
    return "en" if words else None


def detect_language(text: str) -> Language | None:
    """None when the text carries no signal (digits, emoji, a button payload)."""
    if text.startswith("/"):
        return None
    return script_language(text)
