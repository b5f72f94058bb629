"""Fixtures for the compliance tests: the real rule set, and rule files in a temp folder."""

from collections.abc import Callable
from pathlib import Path

import pytest

from api.compliance.ruleset import DEFAULT_DISCLOSURES_PATH, RuleSet, RuleSetStore, default_store

CONTEXT_KEYS = [
    "negation_adjacent",
    "negation",
    "not_negation",
    "scope_breakers",
    "refutation_after",
    "warning_before",
    "question_reporting",
    "answer_negation",
    "risk_acknowledgement",
    "historical",
    "deposit_insurance",
    "non_deposit_products",
]


def small_rules(version: str, zh_phrase: str, en_phrase: str) -> str:
    """A minimal valid rules.yml with one rule (fast to compile)."""
    context = "\n".join(f"  {key}: {{}}" for key in CONTEXT_KEYS)
    return (
        f'version: "{version}"\ncontext:\n{context}\nrules:\n'
        f"  - name: test_phrase\n    description: a phrase used only in tests\n"
        f"    zh: {{phrases: [{zh_phrase}]}}\n    en: {{phrases: [{en_phrase}]}}\n"
    )


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return default_store().current()


@pytest.fixture
def rule_files(tmp_path: Path) -> Callable[[str], tuple[Path, Path]]:
    """Write rules.yml (given text) and a copy of the real disclosures.yml into tmp_path."""

    def write(rules_text: str) -> tuple[Path, Path]:
        rules = tmp_path / "rules.yml"
        disclosures = tmp_path / "disclosures.yml"
        rules.write_text(rules_text, encoding="utf-8")
        if not disclosures.exists():
            disclosures.write_text(
                DEFAULT_DISCLOSURES_PATH.read_text(encoding="utf-8"), encoding="utf-8"
            )
        return rules, disclosures

    return write


@pytest.fixture
def temp_store(rule_files: Callable[[str], tuple[Path, Path]]) -> RuleSetStore:
    rules, disclosures = rule_files(small_rules("t1", "测试违规", "forbidden phrase"))
    return RuleSetStore(rules, disclosures, check_interval=0)
