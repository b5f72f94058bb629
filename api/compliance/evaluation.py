"""Measure the rule set against labelled sentences (tests/compliance_corpus/*.yml).

A corpus file holds `products: {code: type}` and `sentences: [{text, lang, label, rule?,
product_codes?}]`, label `violation` or `ok`. Used by scripts/eval_compliance.py and by the
test that guards recall and the false-positive rate; a compliance officer runs it after
editing rules.yml.
"""

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from api.compliance.review import Lang, review_message
from api.compliance.ruleset import RuleSet


class Sentence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    lang: Lang
    label: Literal["violation", "ok"]
    rule: str | None = None
    product_codes: list[str] = []


class Corpus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    products: dict[str, str] = {}
    sentences: list[Sentence]


@dataclass
class Outcome:
    text: str
    lang: str
    label: str
    expected_rule: str | None
    fired: list[str]
    matches: list[str]
    only_classifier: bool = False  # flagged by the second-stage model alone

    @property
    def flagged(self) -> bool:
        return bool(self.fired)

    @property
    def correct(self) -> bool:
        return self.flagged == (self.label == "violation")


@dataclass
class Scores:
    sentences: int = 0
    violations: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    expected_rule_fired: int = 0
    classifier_true_positives: int = 0  # violations only the classifier caught
    classifier_false_positives: int = 0
    precision: float = 1.0
    recall: float = 1.0
    false_positive_rate: float = 0.0
    errors: list[dict[str, object]] = field(default_factory=list)
    # Blocked as expected, but not by the rule the corpus names (informational).
    other_rule: list[dict[str, object]] = field(default_factory=list)


def load_corpus(path: Path) -> Corpus:
    return Corpus.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def run_corpus(corpus: Corpus, ruleset: RuleSet) -> list[Outcome]:
    outcomes = []
    for sentence in corpus.sentences:
        types = {
            code: corpus.products[code]
            for code in sentence.product_codes
            if code in corpus.products
        }
        review = review_message(
            sentence.text,
            sentence.lang,
            product_types=types,
            product_codes=sentence.product_codes,
            ruleset=ruleset,
        )
        outcomes.append(
            Outcome(
                text=sentence.text,
                lang=sentence.lang,
                label=sentence.label,
                expected_rule=sentence.rule,
                fired=review.rules_fired,
                matches=[
                    f"{v.rule}: {v.match}" + (" [classifier]" if v.by_classifier else "")
                    for v in review.violations
                ],
                only_classifier=bool(review.violations)
                and all(v.by_classifier for v in review.violations),
            )
        )
    return outcomes


def score(outcomes: list[Outcome]) -> Scores:
    scores = Scores(sentences=len(outcomes))
    for outcome in outcomes:
        if outcome.label == "violation":
            scores.violations += 1
            if outcome.flagged:
                scores.true_positives += 1
                scores.classifier_true_positives += outcome.only_classifier
                if outcome.expected_rule in outcome.fired:
                    scores.expected_rule_fired += 1
                else:
                    scores.other_rule.append(asdict(outcome))
            else:
                scores.false_negatives += 1
        elif outcome.flagged:
            scores.false_positives += 1
            scores.classifier_false_positives += outcome.only_classifier
        else:
            scores.true_negatives += 1
        if not outcome.correct:
            scores.errors.append(asdict(outcome))
    flagged = scores.true_positives + scores.false_positives
    negatives = scores.false_positives + scores.true_negatives
    scores.precision = scores.true_positives / flagged if flagged else 1.0
    scores.recall = scores.true_positives / scores.violations if scores.violations else 1.0
    scores.false_positive_rate = scores.false_positives / negatives if negatives else 0.0
    return scores


def score_by_language(outcomes: list[Outcome]) -> dict[str, Scores]:
    result = {"all": score(outcomes)}
    for lang in ("zh", "en"):
        result[lang] = score([outcome for outcome in outcomes if outcome.lang == lang])
    return result
