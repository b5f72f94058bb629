import os
from collections.abc import Callable
from pathlib import Path

import pytest

from api.compliance.definitions import RuleFileError
from api.compliance.review import review_message
from api.compliance.ruleset import DEFAULT_RULES_PATH, RuleSetStore
from tests.api.compliance.conftest import small_rules

WriteFiles = Callable[[str], tuple[Path, Path]]


def blocked(store: RuleSetStore, text: str) -> bool:
    return not review_message(text, "zh", product_types={}, ruleset=store.current()).approved


def bump_mtime(path: Path) -> None:
    """Some filesystems keep one-second mtimes: make the change visible for sure."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_the_shipped_files_load_and_report_their_versions(ruleset) -> None:  # type: ignore[no-untyped-def]
    assert ruleset.version == f"{ruleset.rules.version}+{ruleset.disclosure_definitions.version}"
    assert set(ruleset.rule_names) >= {
        "guaranteed_principal",
        "guaranteed_return",
        "risk_free",
        "sure_win",
        "market_certainty",
        "promised_minimum_return",
        "rigid_redemption",
        "exaggerated_return",
    }


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda text: text.replace("version:", "versio:", 1), "version"),
        (lambda text: text + "\n  - [unclosed", "not valid YAML"),
        (
            lambda text: text.replace(
                "description: a phrase", "colour: red\n    description: a phrase"
            ),
            "colour",
        ),
        (lambda text: text.replace("name: test_phrase", "name: Test Phrase"), "snake_case"),
    ],
)
def test_an_invalid_rules_file_fails_loudly(
    rule_files: WriteFiles, edit: Callable[[str], str], message: str
) -> None:
    rules, disclosures = rule_files(edit(small_rules("t1", "测试违规", "forbidden phrase")))
    with pytest.raises(RuleFileError, match=message):
        RuleSetStore(rules, disclosures).current()


def test_a_bad_pattern_names_the_rule(rule_files: WriteFiles) -> None:
    text = small_rules("t1", "测试违规", "forbidden phrase").replace(
        "zh: {phrases: [测试违规]}", 'zh: {phrases: [测试违规], patterns: ["[保证|确保 收益"]}'
    )
    rules, disclosures = rule_files(text)
    with pytest.raises(RuleFileError, match="test_phrase"):
        RuleSetStore(rules, disclosures).current()


def test_a_disclosure_that_breaks_the_rules_is_refused(rule_files: WriteFiles) -> None:
    rules, disclosures = rule_files(small_rules("t1", "存款保险", "forbidden phrase"))
    with pytest.raises(RuleFileError, match="deposit_insurance"):
        RuleSetStore(rules, disclosures).current()


def test_yaml_no_stays_a_word(rule_files: WriteFiles) -> None:
    rules, disclosures = rule_files(small_rules("t1", "测试违规", "no"))
    store = RuleSetStore(rules, disclosures)
    assert not review_message("no", "en", product_types={}, ruleset=store.current()).approved


def test_reload_changes_behaviour_without_restart(
    rule_files: WriteFiles, temp_store: RuleSetStore
) -> None:
    assert blocked(temp_store, "这是测试违规的句子")
    assert not blocked(temp_store, "这是新违规词")
    rule_files(small_rules("t2", "新违规词", "forbidden phrase"))
    assert temp_store.reload().version.startswith("t2+")
    assert blocked(temp_store, "这是新违规词")
    assert not blocked(temp_store, "这是测试违规的句子")


def test_a_changed_file_is_picked_up_automatically(
    rule_files: WriteFiles, temp_store: RuleSetStore
) -> None:
    assert temp_store.current().rules.version == "t1"
    rules, _ = rule_files(small_rules("t2", "新违规词", "forbidden phrase"))
    bump_mtime(rules)
    assert temp_store.current().rules.version == "t2"
    assert blocked(temp_store, "这是新违规词")


def test_automatic_reload_waits_for_the_check_interval(rule_files: WriteFiles) -> None:
    rules, disclosures = rule_files(small_rules("t1", "测试违规", "forbidden phrase"))
    store = RuleSetStore(rules, disclosures, check_interval=3600)
    assert store.current().rules.version == "t1"
    rule_files(small_rules("t2", "新违规词", "forbidden phrase"))
    bump_mtime(rules)
    assert store.current().rules.version == "t1"
    assert store.reload().rules.version == "t2"


def test_a_broken_edit_keeps_the_last_good_rules(
    rule_files: WriteFiles, temp_store: RuleSetStore
) -> None:
    assert temp_store.current().rules.version == "t1"
    rules, _ = rule_files("version: [broken")
    bump_mtime(rules)
    assert temp_store.current().rules.version == "t1"
    assert temp_store.last_error and "rules.yml" in temp_store.last_error
    with pytest.raises(RuleFileError):
        temp_store.reload()
    assert blocked(temp_store, "这是测试违规的句子")


def test_the_shipped_rules_file_is_the_default() -> None:
    assert DEFAULT_RULES_PATH.name == "rules.yml"
    assert DEFAULT_RULES_PATH.exists()
