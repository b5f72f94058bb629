"""Rules for `risk_level` (product rating R1–R5) and `investor_level` (C1–C5).

Only explicit mentions count: R3, r2, R3级, PR1..PR5 for products; C1..C5 and the
five type names of DOMAIN.md §3 (保守型 … 激进型, conservative … aggressive) for
investors. Words like 低风险 or 中风险 are left to the dialogue: mapping them to a
level would be a guess.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import Matcher

from bot.span_doc import Candidate, SpanDoc

_DIGITS = ["1", "2", "3", "4", "5"]
INVESTOR_TYPES_ZH = {
    "保守型": "C1",
    "谨慎型": "C2",
    "稳健型": "C3",
    "积极型": "C4",
    "激进型": "C5",
}
# Said of a fund (成长型基金, 平衡型基金) as often as of a person: only with 投资者.
INVESTOR_TYPES_ZH_PERSON_ONLY = {"平衡型": "C3", "成长型": "C4"}
INVESTOR_TYPES_EN = {
    "conservative": "C1",
    "cautious": "C2",
    "balanced": "C3",
    "growth": "C4",
    "aggressive": "C5",
}
_PERSON_ZH = ["投资者", "投资人", "客户"]
_PERSON_EN = ["investor", "investors", "type", "profile", "category", "risk", "appetite"]
# 稳健型产品 / 稳健型的理财 describe a product, not the customer.
_PRODUCT_WORDS_ZH = ("产品", "理财", "基金", "存款", "组合", "债")
_SELF_EN = [
    [{"LOWER": "i"}, {"ORTH": {"IN": ["'", "’"]}}, {"LOWER": "m"}],
    [{"LOWER": {"IN": ["i", "im"]}}, {"LOWER": "am", "OP": "?"}],
]
_SELF_FILLERS = ["a", "an", "quite", "very", "rather", "pretty", "fairly", "more", "of"]
_SELF_EN_AFTER = frozenset({"and", "so", "but", "overall", "person"})


def _chars(word: str) -> list[dict[str, Any]]:
    return [{"LOWER": char} for char in word]


def add_patterns(matcher: Matcher) -> None:
    matcher.add(
        "RISK_LEVEL",
        [[{"LOWER": {"IN": ["r", "pr"]}}, {"TEXT": {"IN": _DIGITS}}, {"LOWER": "级", "OP": "?"}]],
        greedy="LONGEST",
    )
    matcher.add(
        "INVESTOR_CODE",
        [[{"LOWER": "c"}, {"TEXT": {"IN": _DIGITS}}, {"LOWER": {"IN": ["级", "类"]}, "OP": "?"}]],
        greedy="LONGEST",
    )
    for word, level in INVESTOR_TYPES_ZH.items():
        patterns = [_chars(word)] + [_chars(word + person) for person in _PERSON_ZH]
        matcher.add(f"INVESTOR_TYPE|{level}", patterns, greedy="LONGEST")
    for word, level in INVESTOR_TYPES_ZH_PERSON_ONLY.items():
        patterns = [_chars(word + person) for person in _PERSON_ZH]
        matcher.add(f"INVESTOR_TYPE|{level}", patterns, greedy="LONGEST")
    for word, level in INVESTOR_TYPES_EN.items():
        adjective = {"LOWER": word}
        noun = {"LOWER": {"IN": _PERSON_EN}, "OP": "+"}
        matcher.add(f"INVESTOR_TYPE|{level}", [[adjective, noun]], greedy="LONGEST")
        fillers = {"LOWER": {"IN": _SELF_FILLERS}, "OP": "*"}
        matcher.add(
            f"INVESTOR_SELF|{level}",
            [[*context, fillers, adjective] for context in _SELF_EN],
            greedy="LONGEST",
        )


def read_level(sd: SpanDoc, key: str, start: int, end: int) -> Candidate | None:
    """The level a RISK_LEVEL / INVESTOR_* match stands for, or None."""
    kind, _, level = key.partition("|")
    if kind in ("RISK_LEVEL", "INVESTOR_CODE"):
        if not sd.joined(start):
            return None  # "R 3" or "c 1" is not a rating
        entity = "risk_level" if kind == "RISK_LEVEL" else "investor_level"
        letter = "R" if kind == "RISK_LEVEL" else "C"
        if end - start == 3 and sd.word(end) == "别":
            end -= 1  # R3级别: the 级 belongs to 级别 ("level")
        return Candidate(entity, start, end, letter + sd.words[start + 1])
    if kind == "INVESTOR_TYPE":
        after = end + 1 if sd.word(end) == "的" else end
        if "".join(sd.words[after : after + 2]).startswith(_PRODUCT_WORDS_ZH):
            return None
        return Candidate("investor_level", start, end, level)
    if kind == "INVESTOR_SELF":
        following = sd.word(end)
        if following and following.isalpha() and following not in _SELF_EN_AFTER:
            return None  # "I'm an aggressive driver"
        return Candidate("investor_level", end - 1, end, level)
    return None
