"""Length-preserving text normalisation shared by the NLU components.

`normalise_text` folds full-width ASCII to half-width and traditional Chinese to
simplified while keeping exactly one output character per input character, so an
offset into the normalised text is the same offset into the customer's original
text. Tokens and entities can therefore be found on the normalised text and still
point at what the customer typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import zhconv

_FULLWIDTH_FIRST, _FULLWIDTH_LAST = 0xFF01, 0xFF5E
_FULLWIDTH_OFFSET = 0xFEE0
_EXTRA_HALFWIDTH = {
    "\u3000": " ",  # ideographic space
    "\uffe5": "\u00a5",  # full-width yen/yuan sign -> ¥
    "\uffe0": "\u00a2",
    "\uffe1": "\u00a3",
}

# Runs of characters zhconv may convert (CJK ideographs incl. extensions and
# compatibility ideographs). Everything else is left to the half-width step.
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII variants (Ａ１，) and the ideographic space to plain ASCII."""
    chars = []
    for char in text:
        code = ord(char)
        if _FULLWIDTH_FIRST <= code <= _FULLWIDTH_LAST:
            chars.append(chr(code - _FULLWIDTH_OFFSET))
        else:
            chars.append(_EXTRA_HALFWIDTH.get(char, char))
    return "".join(chars)


@lru_cache(maxsize=8192)
def _simplified_char(char: str) -> str:
    converted = zhconv.convert(char, "zh-cn")
    return converted if len(converted) == 1 else char


def _simplify_run(run: str) -> str:
    # zhconv converts by longest phrase, which picks the right character in
    # context (乾隆 stays, 乾燥 -> 干燥). About 1% of its phrases change length
    # (公尺 -> 米); then convert the run character by character instead.
    converted = zhconv.convert(run, "zh-cn")
    if len(converted) == len(run):
        return converted
    return "".join(_simplified_char(char) for char in run)


def to_simplified(text: str) -> str:
    """Traditional Chinese to simplified, one character out per character in."""
    return _HAN_RUN.sub(lambda match: _simplify_run(match.group()), text)


def normalise_text(text: str) -> str:
    """Half-width + simplified; `len(normalise_text(t)) == len(t)` always holds."""
    normalised = to_simplified(to_halfwidth(text))
    # Cannot differ by construction; if it ever did, offsets matter more than folding.
    return normalised if len(normalised) == len(text) else text
