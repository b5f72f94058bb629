"""The labelled files are the regression gate for rules.yml and the classifier (DOMAIN.md §5)."""

from pathlib import Path

import pytest

from api.compliance.evaluation import load_corpus, run_corpus, score, score_by_language
from api.compliance.ruleset import RuleSet

CORPUS_DIR = Path(__file__).resolve().parents[2] / "compliance_corpus"
RECALL_TARGET = 0.99
FALSE_POSITIVE_LIMIT = 0.02


@pytest.mark.parametrize(
    "name",
    [
        "corpus.yml",
        "paraphrases.yml",
        "paraphrases2.yml",
        "paraphrases3.yml",
        "assistant_texts.yml",
    ],
)
def test_labelled_files_meet_recall_and_false_positive_targets(ruleset: RuleSet, name: str) -> None:
    by_lang = score_by_language(run_corpus(load_corpus(CORPUS_DIR / name), ruleset))
    for lang, scores in by_lang.items():
        missed = [error["text"] for error in scores.errors if error["label"] == "violation"]
        flagged = [error["text"] for error in scores.errors if error["label"] == "ok"]
        assert scores.recall >= RECALL_TARGET, f"{lang}: missed {missed}"
        assert scores.false_positive_rate <= FALSE_POSITIVE_LIMIT, (
            f"{lang}: false positives {flagged}"
        )


def test_corpus_is_large_and_balanced() -> None:
    sentences = load_corpus(CORPUS_DIR / "corpus.yml").sentences
    assert len(sentences) >= 240
    chinese = sum(1 for sentence in sentences if sentence.lang == "zh")
    assert 0.4 <= chinese / len(sentences) <= 0.6
    assert sum(1 for sentence in sentences if sentence.label == "ok") >= len(sentences) * 0.4


@pytest.mark.parametrize("name", ["heldout.yml", "heldout2.yml", "heldout3.yml"])
def test_held_out_slices_parse_and_name_known_rules(ruleset: RuleSet, name: str) -> None:
    corpus = load_corpus(CORPUS_DIR / name)
    assert len(corpus.sentences) >= 60
    assert {s.rule for s in corpus.sentences if s.rule} <= set(ruleset.rule_names)
    # Scores are reported by scripts/eval_compliance.py, never asserted: tuning to pass them
    # would turn the held-out slice into training data.
    assert score(run_corpus(corpus, ruleset)).sentences == len(corpus.sentences)


def test_paraphrases2_is_large_and_covers_every_rule_in_both_languages(ruleset: RuleSet) -> None:
    sentences = load_corpus(CORPUS_DIR / "paraphrases2.yml").sentences
    assert len(sentences) >= 500
    for lang in ("zh", "en"):
        mine = [s for s in sentences if s.lang == lang]
        assert {s.rule for s in mine if s.label == "violation"} == set(ruleset.rule_names)
        assert sum(1 for s in mine if s.label == "ok") >= 100
