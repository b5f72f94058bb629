"""Whether a matched phrase is really claimed: negation, refutation, warnings, answered questions.

"不保本", "no product is risk-free", "稳赚不赔是不可能的", "beware of anyone promising
guaranteed returns" and "您问是否保本：本产品不保本" all contain a forbidden phrase and are
all compliant. The cue lists live in rules.yml (`context`); this module only applies them,
always within the clause or sentence of the match so that "不收费，保本" still fires.
Negations are counted, not just found: "不能说没有风险" negates the claim once (allowed),
"谁说理财不能保本" twice (a claim). Between a frame's elements ("收益不保证") counts too.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from api.compliance.definitions import Context, Cues
from api.compliance.normalise import (
    CLAUSE_MARKS,
    HAN,
    SENTENCE_MARKS,
    is_boundary,
    normalise,
    segment_bounds,
)

# How far a cue may sit from the match, in characters of normalised text.
ADJACENT_CHARS = 2
ZH_WINDOW = 16
EN_WINDOW = 70
_QUESTION_MARKS = SENTENCE_MARKS | {":"}  # a frozenset too
_UNITS = re.compile(f"[{HAN}]|[a-z0-9]+")  # Han characters and Latin words
# "neither … nor …" is one negation, not two.
_CORRELATIVE = re.compile(r"(?<![a-z])neither\b.*?\bnor\b")


class CueMatcher:
    """One regex for a cue list: Chinese cues as substrings, English cues as whole words."""

    def __init__(self, cues: Cues) -> None:
        parts = [re.escape(normalise(cue).text) for cue in cues.zh]
        parts += [rf"(?<![a-z0-9]){re.escape(normalise(cue).text)}(?![a-z0-9])" for cue in cues.en]
        # Longest first so "不是" wins over "不" when both are cues.
        parts.sort(key=len, reverse=True)
        self._regex = re.compile("|".join(parts)) if parts else None

    def search(self, text: str) -> bool:
        return bool(self._regex and self._regex.search(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self._regex:
            return []
        return [(found.start(), found.end()) for found in self._regex.finditer(text)]

    def remove(self, text: str) -> str:
        """Blank out the cues, keeping offsets (used to drop look-alike negations)."""
        if not self._regex:
            return text
        return self._regex.sub(lambda found: " " * len(found.group()), text)

    def ends_near(self, text: str, chars: int) -> bool:
        """A cue ends within the last `chars` characters of `text`."""
        return any(end > len(text) - chars for _, end in self.spans(text))


@dataclass(frozen=True)
class Window:
    before: str
    after: str


class ContextJudge:
    def __init__(self, context: Context) -> None:
        self.adjacent = CueMatcher(context.negation_adjacent)
        self.negation = CueMatcher(context.negation)
        self.not_negation = CueMatcher(context.not_negation)
        self.breakers = CueMatcher(context.scope_breakers)
        self.refutation = CueMatcher(context.refutation_after)
        self.warning = CueMatcher(context.warning_before)
        self.question = CueMatcher(context.question_reporting)
        self.answer_negation = CueMatcher(context.answer_negation)
        self.risk = CueMatcher(context.risk_acknowledgement)
        self.historical_cues = CueMatcher(context.historical)
        self.deposit_insurance = CueMatcher(context.deposit_insurance)
        self.non_deposit = CueMatcher(context.non_deposit_products)
        self.embedded_question = CueMatcher(context.embedded_question)
        self.affirmation = CueMatcher(context.answer_affirmation)
        self.goal = CueMatcher(context.goal_before)
        self.valued = CueMatcher(context.valued_before)
        self.deposits = CueMatcher(context.deposits)
        self.deposit_kinds = {
            kind: CueMatcher(cues) for kind, cues in context.deposit_kinds.items()
        }

    def _scoped(self, text: str, begin: int, start: int) -> str:
        """Text before the match in its scope, cut at the last breaker, look-alikes blanked."""
        before = text[begin:start]
        cuts = [end for _, end in self.breakers.spans(before)]
        if cuts:
            before = before[max(cuts) :]
        return self.not_negation.remove(before)

    def _clause(self, text: str, start: int, end: int) -> Window:
        begin, finish = segment_bounds(text, start, end, CLAUSE_MARKS)
        before = self._scoped(text, begin, start)
        after = text[end:finish]
        starts = [start for start, _ in self.breakers.spans(after)]
        if starts:  # "保本而且不存在手续费": the refutation belongs to the next statement
            after = after[: min(starts)]
        width = ZH_WINDOW if _mostly_han(text[start:end]) else EN_WINDOW
        return Window(before=before[-width:], after=after[:width])

    def negated(
        self, text: str, start: int, end: int, parts: tuple[tuple[int, int], ...] = ()
    ) -> bool:
        """An odd number of negations govern the claim: before it, inside it, refuting it."""
        clause = self._clause(text, start, end)
        tail = clause.before.rstrip(" '\"")
        spans = self.negation.spans(tail)
        spans += [
            span for span in self.adjacent.spans(tail) if span[1] > len(tail) - ADJACENT_CHARS
        ]
        count = _units(spans) - len(_CORRELATIVE.findall(f"{tail} {text[start:end]}"))
        for (_, gap_start), (gap_end, _) in pairwise(parts):
            gap = self.not_negation.remove(text[gap_start:gap_end])
            count += _units(self.negation.spans(gap) + self.adjacent.spans(gap))
        # "Guaranteed returns are not…", "保本是不可能的"
        if self.refutation.search(clause.after):
            count += 1
        return count % 2 == 1

    def open_question(self, text: str, start: int, end: int) -> bool:
        """是否保本 / whether it is guaranteed: asked, not claimed, unless the answer affirms."""
        begin, finish = segment_bounds(text, start, end, CLAUSE_MARKS)
        if not self.embedded_question.search(self._scoped(text, begin, start)):
            return False
        answer = text[end:finish] + " " + _next_sentence(text, finish + 1)
        return not self.affirmation.search(answer)

    def about_an_allowed_deposit(
        self, text: str, start: int, parts: tuple[tuple[int, int], ...], allowed: Sequence[str]
    ) -> bool:
        """The claim's subject is a deposit kind it is true of ("定期存款的利息是固定的"), and the
        sentence names no other product.

        The deposit must come before the claim's last part and not be a part itself: in "safer
        than a savings account" the deposit is what the product is compared with.
        """
        begin, _ = segment_bounds(text, start, start + 1, CLAUSE_MARKS)
        first, last = segment_bounds(text, start, start + 1, SENTENCE_MARKS)
        sentence = self.deposit_insurance.remove(text[first:last])
        subject = False
        for kind, cues in self.deposit_kinds.items():
            named = [(a, b) for a, b in cues.spans(text[: parts[-1][0]]) if a >= begin]
            if kind not in allowed and cues.search(sentence):
                return False
            subject = subject or any(
                not any(a < part[1] and part[0] < b for part in parts) for a, b in named
            )
        return subject and not self.non_deposit.search(sentence)

    def valued_goal(self, text: str, start: int, end: int) -> bool:
        """ "注重本金安全", "keeping your money safe": what someone values, not a product's property."""
        tail = self._clause(text, start, end).before.rstrip(" '\"")
        return self.valued.ends_near(tail, ADJACENT_CHARS)

    def goal_pointing_to_deposits(self, text: str, start: int, end: int) -> bool:
        """ "If keeping capital safe matters most, choose a deposit": a goal, not a promise."""
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        pointer = text[begin:finish] + " " + _next_sentence(text, finish + 1)
        return self.goal.search(self._scoped(text, begin, start)) and self.deposits.search(pointer)

    def refuted_in_sentence(self, text: str, start: int, end: int) -> bool:
        """A refutation or warning anywhere in the sentence (for quoted terms only)."""
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        sentence = self.not_negation.remove(text[begin:start] + " " + text[end:finish])
        return self.refutation.search(sentence) or self.warning.search(sentence)

    def warned_against(self, text: str, start: int, end: int) -> bool:
        """A warning cue opens before the claim ("任何人向您承诺…" may hold 承诺 itself)."""
        begin, _ = segment_bounds(text, start, end, SENTENCE_MARKS)
        scoped = self._scoped(text, begin, end)
        return any(
            cue_start < len(scoped) - (end - start) for cue_start, _ in self.warning.spans(scoped)
        )

    def answered_question(self, text: str, start: int, end: int) -> bool:
        """A customer's question quoted or echoed, followed by an answer that says no."""
        begin, finish = segment_bounds(text, start, end, _QUESTION_MARKS)
        asked = finish < len(text) and text[finish] == "?"
        if not (asked or self.question.search(text[begin:start])):
            return False
        # The answer follows the question: later in the same unit ("…是否刚兑，答案是否定的")
        # or in the next sentence ("您问是否保本：本产品不保本。").
        answer = text[end:finish] + " " + _next_sentence(text, finish + 1)
        return self.answer_negation.search(self.not_negation.remove(answer))

    def not_a_claim(self, sentence: str, min_units: int) -> bool:
        """Sentences the classifier leaves alone: fragments, questions, and sentences that name
        the risk ("you could lose money"), which it would otherwise read as talk of losses."""
        stripped = sentence.strip()
        if len(_UNITS.findall(stripped)) < min_units:
            return True  # a fragment ("Rate locked for 3 years") says too little to judge
        return stripped.endswith("?") or self.risk.search(stripped)

    def risk_acknowledged(self, text: str, start: int, end: int) -> bool:
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        return self.risk.search(text[begin:finish])

    def historical(self, text: str, start: int, end: int) -> bool:
        begin, _ = segment_bounds(text, start, end, CLAUSE_MARKS)
        return self.historical_cues.search(text[begin:start])

    def deposit_insurance_context(self, text: str) -> bool:
        """The message grounds protection in deposit insurance and names no other product."""
        return self.deposit_insurance.search(text) and not self.non_deposit.search(
            self.deposit_insurance.remove(text)
        )


def _units(spans: list[tuple[int, int]]) -> int:
    """Overlapping or touching cues are one negation: 并不 + 不代表 in 并不代表."""
    count, reach = 0, -1
    for start, end in sorted(spans):
        if start > reach:
            count += 1
        reach = max(reach, end)
    return count


def _next_sentence(text: str, position: int) -> str:
    while position < len(text) and (text[position].isspace() or text[position] in "\"'"):
        position += 1
    finish = position
    while finish < len(text) and not is_boundary(text, finish, SENTENCE_MARKS):
        finish += 1
    return text[position:finish]


def _mostly_han(text: str) -> bool:
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    return han * 2 >= len(text.strip())
