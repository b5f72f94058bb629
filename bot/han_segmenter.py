"""Word segmentation of a run of Han characters: jieba plus the finance vocabulary.

jieba alone glues quantities to their neighbours ("10万买" -> 10 | 万买, "一万左右"
as one word, "八十岁" as one word), which splits amount and age annotations in the
middle of a token. So quantities are cut out first — a Chinese numeral with its
unit (一万 | 元, 三 | 个月, 八十 | 岁) and, after an Arabic number, the multiplier
and unit that follow it (20 | 万 | 元) — and jieba segments the rest.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_START = "〇零一二两三四五六七八九十半"
_CONTINUE = "〇零一二两三四五六七八九十百千万亿"
_MULTIPLIERS = "十百千万亿"
_UNITS = "个多月|个半月|个月|个星期|个礼拜|个季度|星期|礼拜|季度|周岁|块钱|元|块|年|岁|天|周|个"
# A numeral followed by a unit (一年, 十万元), or one with a multiplier (一万, 三十万).
# It must start with a digit, so 万一 ("in case") and 千万 ("by all means") stay words,
# and a lone digit without a unit (一定, 一起, 十分) is left to jieba.
_CHINESE_QUANTITY = re.compile(
    rf"(?P<number>[{_START}][{_CONTINUE}]*)(?P<unit>{_UNITS})"
    rf"|(?P<scaled>[{_START}][{_CONTINUE}]*[{_MULTIPLIERS}][{_CONTINUE}]*)"
)
_AFTER_ARABIC = re.compile(rf"(?P<multiplier>[{_MULTIPLIERS}]*)(?P<unit>{_UNITS})?")

Span = tuple[int, int]


def read_user_dictionary(path: Path) -> list[str]:
    """Entries of a jieba user dictionary, as "word" or "word freq" (tags dropped).

    A frequency of 0 removes a word from jieba's own dictionary (基金会 0: in a bank's
    chat 基金会亏钱吗 is "will the fund lose money", not "the foundation").
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        logger.warning("Cannot read the jieba user dictionary %s: %s", path, exc)
        return []
    entries = []
    for line in lines:
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        has_frequency = len(fields) > 1 and fields[1].isdigit()
        entries.append(f"{fields[0]} {fields[1]}" if has_frequency else fields[0])
    return entries


class HanSegmenter:
    """Segments Han runs; owns its jieba instance, built on first use."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = entries
        self._jieba: Any = None

    def spans(self, run: str, after_number: bool = False) -> list[Span]:
        """(start, end) of each word in `run`; `after_number` if an Arabic number
        directly precedes it (so 万元 in "20万元" is a multiplier and a unit)."""
        spans: list[Span] = []
        position = 0
        lead = _AFTER_ARABIC.match(run) if after_number else None
        if lead:  # both groups are optional, so this always matches after a number
            spans += [lead.span(group) for group in ("multiplier", "unit") if lead.group(group)]
            position = lead.end()
        for quantity in _CHINESE_QUANTITY.finditer(run, position):
            spans += self._words(run, position, quantity.start())
            groups = ("number", "unit") if quantity.group("number") else ("scaled",)
            spans += [quantity.span(group) for group in groups]
            position = quantity.end()
        return spans + self._words(run, position, len(run))

    def _words(self, run: str, start: int, end: int) -> list[Span]:
        if start >= end:
            return []
        return [
            (start + word_start, start + word_end)
            for _, word_start, word_end in self._segmenter().tokenize(run[start:end])
        ]

    def _segmenter(self) -> Any:
        if self._jieba is None:
            import jieba

            # Our own instance: jieba.load_userdict on the module would change every
            # other jieba user in the process.
            segmenter = jieba.Tokenizer()
            segmenter.initialize()
            for entry in self.entries:
                word, _, frequency = entry.partition(" ")
                segmenter.add_word(word, int(frequency) if frequency else None)
            self._jieba = segmenter
        return self._jieba
