"""The spaCy Doc the entity rules run on, and what a rule hands back.

No pretrained pipeline is needed: the text is normalised (half-width, simplified)
and cut into one token per Han character, one per Latin word or number
("100,000", "1.5", "DailyPlus") and one per other non-space character. Patterns
are written against these tokens and built with the same function, so a product
name and a message are always tokenised alike. Each token remembers its offsets
in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.normalise import normalise_text
from bot.numerals import NUMBER_PATTERN

_PIECES = re.compile(rf"{NUMBER_PATTERN}|[A-Za-z]+|\S")
_ASCII_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,]*")


@dataclass(frozen=True)
class SpanDoc:
    """A Doc plus, per token, its lowercased text and character offsets."""

    doc: Doc
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def word(self, index: int) -> str | None:
        """The lowercased token at `index`, or None outside the doc."""
        return self.words[index] if 0 <= index < len(self.words) else None

    def joined(self, index: int) -> bool:
        """True if token `index` is directly followed by token `index + 1` (no space)."""
        return index + 1 < len(self.words) and self.ends[index] == self.starts[index + 1]

    def is_ascii_word(self, index: int) -> bool:
        word = self.word(index)
        return word is not None and bool(_ASCII_WORD.fullmatch(word))

    def cuts_a_word(self, start: int, end: int) -> bool:
        """True if tokens [start, end) begin or end inside a Latin/number word ("XR3", "R3D")."""
        before = start > 0 and self.joined(start - 1)
        after = end < len(self.words) and self.joined(end - 1)
        return (before and self.is_ascii_word(start - 1) and self.is_ascii_word(start)) or (
            after and self.is_ascii_word(end - 1) and self.is_ascii_word(end)
        )


@dataclass(frozen=True)
class Candidate:
    """One entity a rule found: tokens [start, end) and the normalised value.

    `entity` None marks a phrase that only blocks shorter matches inside it.
    """

    entity: str | None
    start: int
    end: int
    value: object = None


def make_span_doc(vocab: Vocab, text: str) -> SpanDoc:
    normalised = normalise_text(text)
    pieces = list(_PIECES.finditer(normalised))
    words = [piece.group() for piece in pieces]
    spaces = [
        piece.end() < len(normalised) and normalised[piece.end()].isspace() for piece in pieces
    ]
    return SpanDoc(
        doc=Doc(vocab, words=words, spaces=spaces),
        words=tuple(word.lower() for word in words),
        starts=tuple(piece.start() for piece in pieces),
        ends=tuple(piece.end() for piece in pieces),
    )
