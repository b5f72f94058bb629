"""One loaded version of the compliance rules and disclosures, and the store that reloads it.

A compliance officer edits rules.yml or disclosures.yml; the change takes effect on the next
review (the files' modification times are checked at most every `check_interval` seconds)
or at once through `POST /api/admin/compliance/reload`. No restart, no retraining. A bad file
is refused loudly: the first load raises, a later reload keeps the last good version and
reports the error.
"""

import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from api.compliance.classifier import SentenceClassifier, sha256
from api.compliance.context import ContextJudge
from api.compliance.definitions import (
    ClassifierSettings,
    DisclosuresFile,
    RuleDefinition,
    RuleFileError,
    RulesFile,
    load_disclosures_file,
    load_rules_file,
)
from api.compliance.detector import Candidate, Detector
from api.compliance.disclosures import DisclosurePlanner
from api.compliance.normalise import NormalisedText, Speller, normalise, sentence_bounds

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_RULES_PATH = HERE / "rules.yml"
DEFAULT_DISCLOSURES_PATH = HERE / "disclosures.yml"
DEFAULT_CHECK_INTERVAL = 3.0


@dataclass(frozen=True)
class Finding:
    rule: str
    match: str  # as the author wrote it (original characters); the sentence, for the classifier
    by_classifier: bool = False


class RuleSet:
    """Compiled rules + disclosures of one version; immutable, shared across threads."""

    def __init__(
        self, rules: RulesFile, disclosures: DisclosuresFile, *, folder: Path = HERE
    ) -> None:
        self.rules = rules
        self.disclosure_definitions = disclosures
        self.version = f"{rules.version}+{disclosures.version}"
        self.loaded_at = datetime.now(UTC)
        self._detector = Detector(rules)
        self._respell = Speller(rules.spellings)
        self._classifier = _load_classifier(rules.classifier, folder)
        unknown = set(self._classifier.classes[1:] if self._classifier else []) - {
            rule.name for rule in rules.rules
        }
        if unknown:
            raise RuleFileError(f"the classifier names rules that rules.yml lacks: {unknown}")
        self._judge = ContextJudge(rules.context)
        self._by_name = {rule.name: rule for rule in rules.rules}
        self.disclosures = DisclosurePlanner(disclosures)
        self._check_own_texts()

    @property
    def rule_names(self) -> list[str]:
        return list(self._by_name)

    def find_violations(
        self, normalised: NormalisedText, product_types: list[str | None]
    ) -> list[Finding]:
        findings: list[Finding] = []
        normalised = self._respell(normalised)
        candidates = self._detector.candidates(normalised)
        for candidate in candidates:
            rule = self._by_name[candidate.rule]
            if self._excused(rule, candidate, normalised, product_types):
                continue
            if _in_definition(self._judge, normalised.text, candidate, candidates):
                continue
            finding = Finding(
                rule.name, normalised.original(candidate.start, candidate.end).strip()
            )
            if finding not in findings:
                findings.append(finding)
        return findings + self._classified(normalised, candidates)

    def _classified(self, normalised: NormalisedText, candidates: list[Candidate]) -> list[Finding]:
        """The classifier's findings, in sentences where the rules saw no claim at all.

        Both the sentence and the whole message must look like a violation: the model learnt
        from whole messages, and a fragment ("This is a NAV-based WMP;") says too little.
        """
        settings, model = self.rules.classifier, self._classifier
        if settings is None or model is None:
            return []
        if model.predict(normalised.text, normalised=True)[0] < settings.threshold:
            return []
        findings = []
        for begin, finish in sentence_bounds(normalised.text):
            if any(c.start < finish and begin < c.end for c in candidates):
                continue  # the rules read this sentence (perhaps as negated): they decide
            if self._judge.not_a_claim(normalised.text[begin:finish], settings.min_units):
                continue
            probability, rule = model.predict(normalised.text[begin:finish], normalised=True)
            if probability >= settings.threshold:
                sentence = normalised.original(begin, finish).strip()
                findings.append(Finding(rule, sentence, by_classifier=True))
        return findings

    def _excused(
        self,
        rule: RuleDefinition,
        candidate: Candidate,
        normalised: NormalisedText,
        product_types: list[str | None],
    ) -> bool:
        text, start, end = normalised.text, candidate.start, candidate.end
        judge = self._judge
        allowed: Sequence[str] = rule.allowed_for_types
        if candidate.allowed_for_types is not None:
            allowed = candidate.allowed_for_types
        if product_types and all(kind in allowed for kind in product_types):
            return True
        if not product_types and judge.about_an_allowed_deposit(
            text, start, candidate.parts, allowed
        ):
            return True
        if (
            rule.allowed_with_deposit_insurance
            and not product_types
            and judge.deposit_insurance_context(text)
        ):
            return True
        if candidate.vague and judge.risk_acknowledged(text, start, end):
            return True
        if rule.allowed_when_historical and judge.historical(text, start, end):
            return True
        if (
            rule.allowed_when_historical_with_risk
            and judge.historical(text, start, end)
            and judge.risk_named(text)
        ):
            return True
        if rule.allowed_about_non_financial and judge.about_non_financial(text, start):
            return True
        if _quoted(normalised, start, end) and judge.refuted_in_sentence(text, start, end):
            return True  # 有人把货币基金叫“无风险产品”，这种说法不对。
        return (
            judge.negated(text, start, end, candidate.parts)
            or judge.warned_against(text, start, end)
            or judge.answered_question(text, start, end)
            or judge.open_question(text, start, end, candidate.parts)
            or judge.goal_pointing_to_deposits(text, start, end)
            or judge.valued_goal(text, start, end)
            or judge.named_as_term(text, start, end)
            or judge.abolished(text, start, end)
        )

    def blocked_reply(self, lang: str) -> str:
        reply = self.disclosure_definitions.blocked_reply
        return reply.zh if lang == "zh" else reply.en

    def _check_own_texts(self) -> None:
        """The safe reply and the disclosures must pass the very rules they accompany."""
        no_products: list[str | None] = []
        texts = [("blocked_reply", self.blocked_reply(lang), no_products) for lang in ("zh", "en")]
        for disclosure in self.disclosure_definitions.disclosures:
            types: list[str | None] = list(disclosure.types)
            texts += [
                (disclosure.key, disclosure.text.zh, types),
                (disclosure.key, disclosure.text.en, types),
            ]
        for name, text, types in texts:
            findings = self.find_violations(normalise(text), types)
            if findings:
                rules = ", ".join(f"{f.rule} ({f.match})" for f in findings)
                raise RuleFileError(f"{name} text itself breaks the rules: {rules}")


_OPENING_QUOTES = set("“‘「『《")
_CLOSING_QUOTES = set("”’」』》")
_PLAIN_QUOTES = set("'\"")
QUOTE_REACH = 30


_FIGURE = re.compile(r"\d")


def _in_definition(
    judge: ContextJudge, text: str, candidate: Candidate, candidates: list[Candidate]
) -> bool:
    """The claim is a forbidden term being defined, or the body of its definition (the clause
    the definition cue opens): "刚性兑付是指…按约定收益兑付", "Rigid redemption means paying
    the promised return…". The short opening must itself hold a forbidden term."""
    found = judge.defined_term(text, candidate.start)
    if found is None:
        return False
    term_start, term_end, body_end = found
    if not any(term_start <= other.start and other.end <= term_end for other in candidates):
        return False
    if candidate.end <= term_end:
        return True
    # a figure in the body makes it an offer ("Guaranteed return means you get 5%…")
    return candidate.end <= body_end and not _FIGURE.search(text[term_end:body_end])


def _quoted(normalised: NormalisedText, start: int, end: int) -> bool:
    """The phrase sits inside quotation marks: the author mentions the term, maybe to refute it."""
    source = normalised.source
    first, last = normalised.origin[start], normalised.origin[end - 1]

    def plain_quote(index: int) -> bool:  # not the apostrophe of "don't", "I've"
        if source[index] not in _PLAIN_QUOTES:
            return False
        before = source[index - 1] if index else " "
        after = source[index + 1] if index + 1 < len(source) else " "
        return not (before.isalpha() and after.isalpha())

    opened = closed = False
    for index in range(first - 1, max(0, first - QUOTE_REACH) - 1, -1):
        if source[index] in _OPENING_QUOTES or plain_quote(index):
            opened = True
            break
        if source[index] in _CLOSING_QUOTES or source[index] in "。.!?！？\n":
            break
    for index in range(last + 1, min(len(source), last + 1 + QUOTE_REACH)):
        if source[index] in _CLOSING_QUOTES or plain_quote(index):
            closed = True
            break
        if source[index] in _OPENING_QUOTES or source[index] in "。.!?！？\n":
            # a quoted question or sentence ends with its own mark: 'Is my principal safe?'
            following = index + 1
            closed = following < len(source) and (
                source[following] in _CLOSING_QUOTES or plain_quote(following)
            )
            break
    return opened and closed


def _load_classifier(
    settings: ClassifierSettings | None, folder: Path
) -> SentenceClassifier | None:
    if settings is None or not settings.enabled:
        return None
    path = folder / settings.model
    try:
        digest = sha256(path)
    except OSError as exc:
        raise RuleFileError(f"classifier {path}: cannot read ({exc.strerror or exc})") from exc
    if digest != settings.sha256:
        raise RuleFileError(f"classifier {path}: sha256 {digest} is not the one in rules.yml")
    return SentenceClassifier.load(path)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


class RuleSetStore:
    """Holds the active RuleSet for a pair of files and swaps it when they change."""

    def __init__(
        self,
        rules_path: Path = DEFAULT_RULES_PATH,
        disclosures_path: Path = DEFAULT_DISCLOSURES_PATH,
        *,
        check_interval: float = DEFAULT_CHECK_INTERVAL,
    ) -> None:
        self.rules_path = Path(rules_path)
        self.disclosures_path = Path(disclosures_path)
        self.check_interval = check_interval
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._ruleset: RuleSet | None = None
        self._stamps: tuple[tuple[int, int], ...] = ()
        self._checked_at = 0.0

    def _current_stamps(self) -> tuple[tuple[int, int], ...]:
        return (_stamp(self.rules_path), _stamp(self.disclosures_path))

    def _load(self) -> RuleSet:
        stamps = self._current_stamps()
        try:
            ruleset = RuleSet(
                load_rules_file(self.rules_path),
                load_disclosures_file(self.disclosures_path),
                folder=self.rules_path.parent,
            )
        except RuleFileError as exc:
            self._stamps = stamps  # do not retry the same broken files on every review
            self.last_error = str(exc)
            raise
        self._ruleset, self._stamps, self.last_error = ruleset, stamps, None
        log.info("compliance rules loaded: version %s", ruleset.version)
        return ruleset

    def current(self) -> RuleSet:
        """The active rules; reloads when the files changed since the last check."""
        ruleset = self._ruleset
        now = time.monotonic()
        if ruleset is not None and now - self._checked_at < self.check_interval:
            return ruleset
        with self._lock:
            self._checked_at = now
            if self._ruleset is None:
                return self._load()
            if self._current_stamps() != self._stamps:
                try:
                    return self._load()
                except RuleFileError as exc:
                    log.error(
                        "compliance rules NOT reloaded, keeping %s: %s", self._ruleset.version, exc
                    )
            return self._ruleset

    def reload(self) -> RuleSet:
        """Load the files now; raises RuleFileError (and keeps the old rules) when invalid."""
        with self._lock:
            self._checked_at = time.monotonic()
            return self._load()


@lru_cache(maxsize=1)
def default_store() -> RuleSetStore:
    """The process-wide store for the files beside this module (loaded on first use)."""
    return RuleSetStore()
