"""Whether a matched phrase is really claimed: negation, refutation, warnings, answered questions.

"不保本", "no product is risk-free", "稳赚不赔是不可能的", "beware of anyone promising
guaranteed returns" and "您问是否保本：本产品不保本" all contain a forbidden phrase and are
all compliant. The cue lists live in rules.yml (`context`); this module only applies them,
always within the clause or sentence of the match so that "不收费，保本" still fires.
Negations are counted, not just found: "不能说没有风险" negates the claim once (allowed),
"谁说理财不能保本" twice (a claim). Between a frame's elements ("收益不保证") counts too.
Education is not a claim either: a term defined ("刚性兑付是指…", the answer to "什么是…？")
or a practice said to be gone ("…，这种做法已被禁止", "…; it is now prohibited").
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
# Deposits other than structured ones: what "deposits" in general stands for.
PLAIN_DEPOSITS = frozenset({"demand_deposit", "time_deposit", "large_cd"})
DEFINITION_QUESTION_UNITS = 12  # "什么是刚性兑付？" is short; longer questions are not definitions
DEFINED_TERM_UNITS = 8  # "刚性兑付是指…", "rigid redemption (刚性兑付) means…"
GOAL_AFTER_CHARS = 3  # "本金安全是您的首要目标": the goal cue follows the claim at once
DEPOSIT_OPENING_CHARS = 12  # "With a deposit you…", "定期存款到期…": the deposit opens the sentence
GENERIC_SUBJECT_OPENING = 2  # "deposits" open the clause ("但存款…", "bank deposits are…")
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
        self.contrast = CueMatcher(context.contrast)
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
        self.goal_after = CueMatcher(context.goal_after)
        self.attribution = CueMatcher(context.attribution)
        self.differs = CueMatcher(context.differs)
        self.comparison = CueMatcher(context.comparison)
        self.definition_opening = CueMatcher(context.definition_opening)
        self.definition_not_term = CueMatcher(context.definition_not_term)
        self.valued = CueMatcher(context.valued_before)
        self.deposits = CueMatcher(context.deposits)
        self.generic_deposits = CueMatcher(context.generic_deposits)
        self.not_deposits = CueMatcher(context.not_deposits)
        self.term_before = CueMatcher(context.term_before)
        self.term_after = CueMatcher(context.term_after)
        self.definition_question = CueMatcher(context.definition_question)
        self.abolished_cues = CueMatcher(context.abolished)
        self.anaphora = CueMatcher(context.anaphora)
        self.non_financial = CueMatcher(context.non_financial_subjects)
        self.financial = CueMatcher(context.financial_subjects)
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
            gap = text[gap_start:gap_end]
            cuts = [cut for _, cut in self.breakers.spans(gap)]
            if cuts:  # "…is not the actual return and is not a promise": a new statement
                count, gap = 0, gap[max(cuts) :]
            gap = self.not_negation.remove(gap)
            count += _units(self.negation.spans(gap) + self.adjacent.spans(gap))
        # "Guaranteed returns are not…", "保本是不可能的"
        if self.refutation.search(clause.after):
            count += 1
        return count % 2 == 1

    def open_question(
        self, text: str, start: int, end: int, parts: tuple[tuple[int, int], ...] = ()
    ) -> bool:
        """是否保本 / whether it is guaranteed: asked, not claimed, unless the answer affirms."""
        begin, finish = segment_bounds(text, start, end, CLAUSE_MARKS)
        # asked before the claim ("是否保本") or between its parts ("本金是否安全")
        # (Chinese only: "never whether you lose" is not a question)
        gaps = [text[a:b] for (_, a), (b, _) in pairwise(parts) if _mostly_han(text[a:b])]
        if not any(
            self.embedded_question.search(t) for t in [self._scoped(text, begin, start), *gaps]
        ):
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
        if begin > first and text[begin - 1] == ":":  # "Deposits: principal protected…"
            begin, _ = segment_bounds(text, begin - 1, begin, CLAUSE_MARKS)
        blanked = self.not_deposits.remove(self.deposit_insurance.remove(text))
        sentence = blanked[first:last]

        def names_subject(cues: CueMatcher, opening: int | None = None) -> bool:
            named = [(a, b) for a, b in cues.spans(blanked[: parts[-1][0]]) if a >= begin]
            if opening is not None:  # "存款是保本的", not "收益是存款的两倍"
                named = [(a, b) for a, b in named if len(_UNITS.findall(text[begin:a])) <= opening]
            return any(not any(a < part[1] and part[0] < b for part in parts) for a, b in named)

        subject = False
        for kind, cues in self.deposit_kinds.items():
            if kind not in allowed and cues.search(sentence):
                return False
            subject = subject or names_subject(cues)
        if not subject and set(allowed) >= PLAIN_DEPOSITS:
            subject = names_subject(self.generic_deposits, opening=GENERIC_SUBJECT_OPENING)
        return subject and not self._other_products(text, first, last, parts[-1][1])

    def _other_products(self, text: str, first: int, last: int, claim_end: int) -> bool:
        """Another product is named where the claim could be about it: before the claim's end
        ("这款理财像存款一样保本"), or after it unless denied ("存款保本，理财不是")."""
        blanked = self.deposit_insurance.remove(text)
        if self.non_deposit.search(blanked[first:claim_end]):
            return True
        for a, b in self.non_deposit.spans(blanked[claim_end:last]):
            begin, finish = segment_bounds(text, claim_end + a, claim_end + b, CLAUSE_MARKS)
            clause = self.not_negation.remove(text[begin:finish])
            if not (self.negation.search(clause) or self.differs.search(clause)):
                return True
        return False

    def named_as_term(self, text: str, start: int, end: int) -> bool:
        """ "刚性兑付是指…", "'Rigid redemption' meant…", "the term 'risk-free'": a word being
        explained or discussed, not a claim being made."""
        before = text[max(0, start - 30) : start].rstrip(" '\"")
        after = text[end : end + 30].lstrip(" '\"")
        if self.term_before.ends_near(before, 1) or any(
            cue_start == 0 for cue_start, _ in self.term_after.spans(after)
        ):
            return True
        # the answer to "什么是刚性兑付？" / "What is a guaranteed return?"
        first, _ = segment_bounds(text, start, end, SENTENCE_MARKS)
        if first < 2 or text[first - 1] != "?":
            return False
        asked, _ = segment_bounds(text, first - 2, first - 1, SENTENCE_MARKS)
        question = text[asked : first - 1]
        return len(
            _UNITS.findall(question)
        ) <= DEFINITION_QUESTION_UNITS and self.definition_question.search(question)

    def defined_term(self, text: str, start: int) -> tuple[int, int, int] | None:
        """A definition around the claim: its sentence opens with a short term and "是指" /
        "means" ("刚性兑付是指…都按约定收益兑付", "Rigid redemption (刚性兑付) means paying the
        promised return…"). Returns the term's span and the end of the clause the definition
        cue opens (the body); the caller checks that the term is itself a forbidden term ("R1
        means there is no risk" defines nothing)."""
        first, last = segment_bounds(text, start, start + 1, SENTENCE_MARKS)
        for cue_start, cue_end in self.definition_opening.spans(text[first:last]):
            opening = text[first : first + cue_start]
            units = len(_UNITS.findall(opening))
            if 0 < units <= DEFINED_TERM_UNITS and not self.definition_not_term.search(opening):
                _, body_end = segment_bounds(text, first + cue_end, first + cue_end, CLAUSE_MARKS)
                return first, first + cue_start, body_end
            break  # only the first cue can open the sentence
        return None

    def abolished(self, text: str, start: int, end: int) -> bool:
        """ "过去很多产品保本保息，但这种做法已被禁止", "'Rigid redemption' meant…; it is now
        prohibited": said after the claim, in its sentence, or in the next one when that names
        the practice again ("这种做法", "it") before saying it is gone."""
        _, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        if self.abolished_cues.search(self.not_negation.remove(text[end:finish])):
            return True
        # the next sentence names the practice again ("这种做法", "it") before saying it is gone
        following = _next_sentence(text, finish + 1)
        cues = self.abolished_cues.spans(following)
        return bool(cues) and any(
            a < cues[-1][1] or a == 0 for a, _ in self.anaphora.spans(following)
        )

    def about_non_financial(self, text: str, start: int) -> bool:
        """The nearest subject before the claim is data, an account, a password…"""
        first, _ = segment_bounds(text, start, start + 1, SENTENCE_MARKS)
        before = text[first:start]
        other = [end for _, end in self.non_financial.spans(before)]
        money = [end for _, end in self.financial.spans(before)]
        return bool(other) and max(other) > max(money, default=-1)

    def valued_goal(self, text: str, start: int, end: int) -> bool:
        """ "注重本金安全", "keeping your money safe": what someone values, not a product's property."""
        tail = self._clause(text, start, end).before.rstrip(" '\"")
        # near ("追求较高收益"); a one-character cue must touch (以本金安全为…, not 可以说…)
        return any(
            b > len(tail) - (1 if b - a == 1 else ADJACENT_CHARS)
            for a, b in self.valued.spans(tail)
        )

    def goal_pointing_to_deposits(self, text: str, start: int, end: int) -> bool:
        """ "If keeping capital safe matters most, choose a deposit": a goal, not a promise."""
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        pointer = text[begin:finish] + " " + _next_sentence(text, finish + 1)
        _, clause_end = segment_bounds(text, start, end, CLAUSE_MARKS)
        after = text[end:clause_end].lstrip(" '\"")
        goal = self.goal.search(self._scoped(text, begin, start)) or any(
            a <= GOAL_AFTER_CHARS for a, _ in self.goal_after.spans(after)
        )
        return goal and self.deposits.search(pointer)

    def refuted_in_sentence(self, text: str, start: int, end: int) -> bool:
        """For quoted terms only: a refutation, warning, negation or the risk named anywhere
        in the sentence or the next one ("您朋友说的“包赚不赔”，我们没有这样的产品")."""
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        sentence = text[begin:start] + " " + text[end:finish] + " "
        sentence = self.not_negation.remove(sentence + _next_sentence(text, finish + 1))
        return any(
            cues.search(sentence)
            for cues in (self.refutation, self.warning, self.negation, self.risk)
        )

    def warned_against(self, text: str, start: int, end: int) -> bool:
        """A warning cue opens before the claim ("任何人向您承诺…" may hold 承诺 itself).

        It reaches past "and" ("…promises principal protection and a guaranteed return"),
        not past a contrast ("警惕虚假宣传，但这款产品保本").
        """
        begin, _ = segment_bounds(text, start, end, SENTENCE_MARKS)
        scoped = text[begin:end]
        cuts = [cut for _, cut in self.contrast.spans(scoped)]
        if cuts:
            scoped = scoped[max(cuts) :]
        scoped = self.not_negation.remove(scoped)
        return any(
            cue_start < len(scoped) - (end - start) for cue_start, _ in self.warning.spans(scoped)
        )

    def answered_question(self, text: str, start: int, end: int) -> bool:
        """A customer's question quoted or echoed, followed by an answer that says no."""
        begin, finish = segment_bounds(text, start, end, _QUESTION_MARKS)
        asked = finish < len(text) and text[finish] == "?"
        reported = self.question.search(text[begin:start])
        if not (asked or reported):
            return False
        # The answer follows the question: later in the same unit ("…是否刚兑，答案是否定的")
        # or in the next sentence ("您问是否保本：本产品不保本。"). The rest of a question
        # that ends in "?" is still the question ("收益超高，还不赶紧入手？").
        following = _next_sentence(text, finish + 1)
        if len(_UNITS.findall(following)) <= 3 and self.question.search(following):
            # "'Is it risk-free?' you asked. No: …": the reporting tag, then the answer
            after = finish + 1 + len(following)
            while after < len(text) and not is_boundary(text, after, SENTENCE_MARKS):
                after += 1
            following += " " + _next_sentence(text, after + 1)
        answer = following if asked and not reported else text[end:finish] + " " + following
        answer = self.not_negation.remove(answer)
        opening = answer.strip(" ,:;-'\"")[:12]
        if self.affirmation.search(opening) and not self.answer_negation.search(opening):
            return False  # "Is it safe? Yes, no losses at all."
        # "No", an answer that names the risk ("任何投资都有亏损的可能") or refutes ("only deposits…")
        return any(
            cues.search(answer) for cues in (self.answer_negation, self.risk, self.refutation)
        )

    def not_a_claim(self, sentence: str, min_units: int) -> bool:
        """Sentences the classifier leaves alone: fragments, questions, sentences that name the
        risk ("you could lose money"), which it would otherwise read as talk of losses, and
        forecasts attributed to others ("analysts expect…")."""
        stripped = sentence.strip()
        if len(_UNITS.findall(stripped)) < min_units:
            return True  # a fragment ("Rate locked for 3 years") says too little to judge
        return (
            stripped.endswith("?")
            or self.risk.search(stripped)
            or self.attribution.search(stripped)  # "analysts expect…": someone else's view
            or self.about_a_deposit(stripped)
        )

    def about_a_deposit(self, sentence: str) -> bool:
        """The sentence opens on a deposit ("With a deposit you will get…", "存款到期…"),
        compares it with nothing and names no other product: what it says is true of deposits."""
        opening = [a for a, _ in self.deposits.spans(sentence) if a <= DEPOSIT_OPENING_CHARS]
        return (
            bool(opening)
            and not self.comparison.search(sentence)
            and not self.non_deposit.search(self.deposit_insurance.remove(sentence))
        )

    def risk_acknowledged(self, text: str, start: int, end: int) -> bool:
        begin, finish = segment_bounds(text, start, end, SENTENCE_MARKS)
        return self.risk.search(text[begin:finish])

    def historical(self, text: str, start: int, end: int) -> bool:
        """A past figure: "历史最低1.8%", "the lowest return over the past five years was…"."""
        begin, finish = segment_bounds(text, start, end, CLAUSE_MARKS)
        return self.historical_cues.search(text[begin:start]) or self.historical_cues.search(
            text[end:finish]
        )

    def risk_named(self, text: str) -> bool:
        """The message names the risk or the past-performance caveat somewhere."""
        return self.risk.search(text)

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
