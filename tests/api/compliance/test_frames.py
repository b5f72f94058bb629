"""Concept frames (api/compliance/frames.py): synonym classes that co-occur in a clause."""

from collections.abc import Callable
from pathlib import Path

import pytest

from api.compliance.context import CueMatcher
from api.compliance.definitions import Concept, RuleFileError, RulesFile
from api.compliance.frames import ConceptIndex, FrameDetector
from api.compliance.normalise import normalise
from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet, RuleSetStore
from tests.api.compliance.conftest import small_rules

WriteFiles = Callable[[str], tuple[Path, Path]]

CONCEPTS = {
    "assurance": Concept(zh=["保证", "有保障"], en=["guarant*", "promise"]),
    "return": Concept(zh=["收益"], en=["return", "returns"], exclude=["收益分配"]),
}


def rules_with(frames: list[object], contrast: list[str] | None = None) -> RulesFile:
    context = {key: {} for key in RulesFile.model_fields["context"].annotation.model_fields}  # type: ignore[union-attr]
    context["contrast"] = {"zh": ["但"], "en": contrast or ["but"]}
    return RulesFile.model_validate(
        {
            "version": "t",
            "context": context,
            "concepts": CONCEPTS,
            "rules": [
                {
                    "name": "guaranteed_return",
                    "description": "test",
                    "zh": {},
                    "en": {},
                    "frames": frames,
                }
            ],
        }
    )


def matches(rules: RulesFile, text: str) -> list[str]:
    detector = FrameDetector(rules, CueMatcher(rules.context.contrast))
    normalised = normalise(text).text
    return [normalised[match.start : match.end] for match in detector.find(normalised)]


@pytest.mark.parametrize(
    "text",
    [
        "本产品保证收益。",
        "收益有保障。",
        "Returns on this plan are guaranteed at 4.8%.",
        "We guarantee you a 5% return.",
    ],
)
def test_an_unordered_frame_matches_either_order_with_words_between(text: str) -> None:
    assert matches(rules_with([{"match": "assurance + return", "gap": 6}]), text)


def test_an_ordered_frame_needs_its_order() -> None:
    rules = rules_with([{"match": "assurance > return", "gap": 6}])
    assert matches(rules, "保证收益")
    assert not matches(rules, "收益有保障")


def test_elements_must_be_close_in_one_clause_without_a_contrast_between() -> None:
    rules = rules_with([{"match": "assurance + return", "gap": 2}])
    assert not matches(rules, "We guarantee that after many long years the return")
    assert not matches(rules, "收益，保证")  # two clauses
    assert not matches(rules, "We promise nothing but returns")
    sentence_scope = rules_with([{"match": "assurance + return", "gap": 2, "scope": "sentence"}])
    assert matches(sentence_scope, "收益，保证")


def test_an_echo_frame_reads_a_short_question_and_the_answer_that_opens_after_it() -> None:
    rules = rules_with([{"match": "return > assurance", "gap": 6, "scope": "echo"}])
    concepts = {
        "return": Concept(zh=["风险"], en=["risk"]),
        "assurance": Concept(zh=["不存在"], en=["none"]),
    }
    rules = rules.model_copy(update={"concepts": concepts})
    assert matches(rules, "风险？根本不存在的。")
    assert matches(rules, "Risk? None at all.")
    assert not matches(rules, "风险？当然有，不存在零风险的产品。")  # not the answer's opening
    assert not matches(
        rules, "这款产品的风险怎么样，您能详细说说吗？不存在的。"
    )  # not a short question
    assert not matches(rules, "风险不存在。")  # no question at all


def test_concept_exclusions_and_whole_english_words() -> None:
    index = ConceptIndex(CONCEPTS)
    found = index.occurrences(
        "收益分配 guaranteed returning promises return", {"assurance", "return"}
    )
    text = "收益分配 guaranteed returning promises return"
    assert [text[a:b] for a, b in found["return"]] == ["return"]  # not 收益分配, not returning
    assert [text[a:b] for a, b in found["assurance"]] == ["guaranteed"]  # not "promises"


def test_the_tightest_placement_binds_the_claim(ruleset: RuleSet) -> None:
    # 基金不是存款 must not pair with 像…保本: the claim is 像存款那样保本, negated by 不能.
    assert fired(ruleset, "基金不是存款，不能像存款那样保本。") == []


def test_a_frame_built_on_another_rules_phrase_is_that_phrase(ruleset: RuleSet) -> None:
    # 稳赚 is guaranteed_return's phrase; certain(稳) + rise(赚) must not add market_certainty.
    assert "market_certainty" not in fired(ruleset, "这款产品稳赚。")


def test_frames_are_validated_when_the_file_loads(rule_files: WriteFiles) -> None:
    with pytest.raises(ValueError, match="mixes"):
        rules_with([{"match": "assurance + return > assurance"}])
    text = small_rules("t1", "测试违规", "forbidden phrase").replace(
        "    zh: {phrases: [测试违规]}",
        '    frames: ["nothing + return"]\n    zh: {phrases: [测试违规]}',
    )
    rules, disclosures = rule_files(text)
    with pytest.raises(RuleFileError, match="nothing"):
        RuleSetStore(rules, disclosures).current()


def test_frames_see_through_the_evasions_normalisation_removes() -> None:
    rules = rules_with(["assurance + return"])
    assert matches(rules, "收益 有 保 障")
    assert matches(rules, "保證收益")  # traditional characters
    assert matches(rules, "G-U-A-R-A-N-T-E-E-D returns")


def fired(
    ruleset: RuleSet, text: str, lang: str = "zh", codes: dict[str, str] | None = None
) -> list[str]:
    codes = codes or {}
    review = review_message(text, lang, product_types=codes, ruleset=ruleset)  # type: ignore[arg-type]
    return review.rules_fired
