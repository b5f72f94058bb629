"""The second-stage classifier: trained, pinned by hash, consulted only where rules saw nothing."""

import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from api.compliance.classifier import OK, Example, SentenceClassifier, features, sha256, train
from api.compliance.definitions import RuleFileError
from api.compliance.review import review_message
from api.compliance.ruleset import (
    DEFAULT_DISCLOSURES_PATH,
    DEFAULT_RULES_PATH,
    RuleSet,
    RuleSetStore,
)
from api.compliance.training import MODEL_PATH, training_examples
from tests.api.compliance.conftest import small_rules

WriteFiles = Callable[[str], tuple[Path, Path]]
TINY = [
    Example("收益稳稳到手", "guaranteed_return"),
    Example("年化收益稳稳的", "guaranteed_return"),
    Example("收益可能下跌", OK),
    Example("年化收益可能波动", OK),
]


def test_features_are_deterministic_and_never_join_two_clauses() -> None:
    assert np.array_equal(features("保证收益"), features("保證收益"))
    joined, apart = features("保证收益"), features("保证，收益")
    assert len(np.setdiff1d(joined, apart)) > 0  # 证收 and friends exist only when joined


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    first = train(TINY, ["guaranteed_return"], epochs=20)
    second = train(TINY, ["guaranteed_return"], epochs=20)
    assert np.array_equal(first.weights, second.weights)
    assert first.predict("收益稳稳到手")[0] > 0.8
    assert first.predict("收益可能下跌")[0] < 0.2
    first.save(tmp_path / "m.npz")
    loaded = SentenceClassifier.load(tmp_path / "m.npz")
    assert loaded.classes == [OK, "guaranteed_return"]
    assert loaded.predict("收益稳稳到手")[1] == "guaranteed_return"


def test_the_shipped_model_is_pinned_and_reproducible(ruleset: RuleSet, tmp_path: Path) -> None:
    settings = ruleset.rules.classifier
    assert settings is not None and settings.enabled
    assert sha256(MODEL_PATH) == settings.sha256
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    model = train(training_examples(), ruleset.rule_names)
    model.save(tmp_path / "again.npz")
    assert sha256(tmp_path / "again.npz") == settings.sha256


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("这款理财收益能让您笑出声，一年顶别人十年。", "zh"),
        ("Turn 10,000 into 20,000 in a year.", "en"),
    ],
)
def test_it_catches_what_no_rule_names_and_names_a_rule(
    ruleset: RuleSet, text: str, lang: str
) -> None:
    review = review_message(text, lang, product_types={}, ruleset=ruleset)  # type: ignore[arg-type]
    assert not review.approved
    assert all(finding.by_classifier for finding in review.violations)
    assert set(review.rules_fired) <= set(ruleset.rule_names)


def test_it_leaves_negated_claims_questions_and_risk_statements_to_the_rules(
    ruleset: RuleSet,
) -> None:
    for text in [
        "本产品不保本，属于非保本浮动收益型产品。",  # the rules read it as negated
        "Will this fund go up next year?",
        "This is a NAV-based WMP; its return moves with the market and you could lose money.",
    ]:
        assert review_message(text, "zh", product_types={}, ruleset=ruleset).approved, text


def shipped_copy(folder: Path, edit: Callable[[str], str] = lambda text: text) -> RuleSetStore:
    """The shipped rules, disclosures and model, copied to `folder` (rules text edited)."""
    rules = folder / "rules.yml"
    rules.write_text(edit(DEFAULT_RULES_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(DEFAULT_DISCLOSURES_PATH, folder / "disclosures.yml")
    shutil.copy(MODEL_PATH, folder / MODEL_PATH.name)
    return RuleSetStore(rules, folder / "disclosures.yml", check_interval=0)


def test_a_model_whose_hash_differs_is_refused(tmp_path: Path) -> None:
    digest = sha256(MODEL_PATH)
    store = shipped_copy(tmp_path, lambda text: text.replace(digest, "0" * 64))
    with pytest.raises(RuleFileError, match="sha256"):
        store.current()


def test_a_model_naming_unknown_rules_is_refused(rule_files: WriteFiles) -> None:
    text = small_rules("t1", "测试违规", "forbidden phrase") + (
        f'classifier:\n  model: classifier.npz\n  sha256: "{sha256(MODEL_PATH)}"\n'
        "  threshold: 0.8\n"
    )
    rules, disclosures = rule_files(text)
    shutil.copy(MODEL_PATH, rules.parent / "classifier.npz")
    with pytest.raises(RuleFileError, match="lacks"):
        RuleSetStore(rules, disclosures).current()


def test_it_can_be_switched_off_from_the_rules_file(tmp_path: Path) -> None:
    text = "Turn 10,000 into 20,000 in a year."
    store = shipped_copy(tmp_path)
    assert not review_message(text, "en", product_types={}, ruleset=store.current()).approved
    rules = tmp_path / "rules.yml"
    rules.write_text(rules.read_text().replace("  enabled: true", "  enabled: false"))
    assert review_message(text, "en", product_types={}, ruleset=store.reload()).approved


def test_the_shipped_rules_name_the_shipped_model() -> None:
    assert (DEFAULT_RULES_PATH.parent / "classifier.npz") == MODEL_PATH
