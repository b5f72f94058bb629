"""The questionnaire file: content required by DOMAIN.md §3, and loud failure when malformed."""

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from api.profiling.questionnaire import (
    QUESTIONNAIRE_FILE,
    QuestionnaireError,
    get_questionnaire,
    load_questionnaire,
    parse_questionnaire,
)

REQUIRED_TOPICS = [
    "q01_age",
    "q02_income",
    "q03_income_stability",
    "q04_investable_share",
    "q05_debts",
    "q06_knowledge",
    "q07_experience_years",
    "q08_experience_products",
    "q09_objective",
    "q10_horizon",
    "q11_max_loss",
    "q12_drawdown_reaction",
    "q13_liquidity_needs",
]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def raw() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(QUESTIONNAIRE_FILE.read_text(encoding="utf-8")))


def test_the_file_covers_every_topic_regulators_require() -> None:
    questionnaire = get_questionnaire()
    assert [q.id for q in questionnaire.questions] == REQUIRED_TOPICS
    assert questionnaire.version


def test_scores_run_from_exactly_0_to_exactly_100() -> None:
    questions = get_questionnaire().questions
    assert sum(q.max_score for q in questions) == 100
    assert sum(min(o.score for o in q.options) for q in questions) == 0


def test_every_question_and_option_speaks_both_languages_and_explains_itself() -> None:
    for question in get_questionnaire().questions:
        assert CJK.search(question.text["zh"]) and CJK.search(question.why["zh"])
        assert not CJK.search(question.text["en"]) and not CJK.search(question.why["en"])
        assert [o.id for o in question.options] == list("abcdef")[: len(question.options)]
        for option in question.options:
            assert option.text["zh"] and option.text["en"]


def test_lowest_category_tags_sit_on_the_options_domain_md_names() -> None:
    tagged = {
        (q.id, o.id): o.lowest_category
        for q in get_questionnaire().questions
        for o in q.options
        if o.lowest_category
    }
    assert tagged == {
        ("q01_age", "f"): "over_70_no_experience",
        ("q03_income_stability", "a"): "no_stable_income",
        ("q07_experience_years", "a"): "over_70_no_experience",
        ("q11_max_loss", "a"): "no_loss_of_principal",
    }


def _question(raw: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in raw["questions"] if q["id"] == question_id)


def _drop_option_text(raw: dict[str, Any]) -> None:
    del _question(raw, "q05_debts")["options"][1]["text_en"]


def _lower_a_top_score(raw: dict[str, Any]) -> None:
    _question(raw, "q12_drawdown_reaction")["options"][3]["score"] = 5


def _duplicate_option(raw: dict[str, Any]) -> None:
    _question(raw, "q06_knowledge")["options"][2]["id"] = "a"


def _unknown_trigger(raw: dict[str, Any]) -> None:
    _question(raw, "q03_income_stability")["options"][0]["lowest_category"] = "poor"


def _overlapping_ranges(raw: dict[str, Any]) -> None:
    _question(raw, "q01_age")["options"][1]["range"] = {"min": 18, "max": 40}


def _no_why(raw: dict[str, Any]) -> None:
    del _question(raw, "q09_objective")["why_zh"]


def _gap_in_levels(raw: dict[str, Any]) -> None:
    raw["levels"][1]["min"] = 21


def _bad_placeholder(raw: dict[str, Any]) -> None:
    raw["result_texts"]["summary"]["en"] = "Score {points}"


def _negative_score(raw: dict[str, Any]) -> None:
    _question(raw, "q02_income")["options"][1]["score"] = -3


def _too_few_questions(raw: dict[str, Any]) -> None:
    raw["questions"] = raw["questions"][:11]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (_drop_option_text, "question q05_debts option 'b': missing or empty text_en"),
        (_lower_a_top_score, "add up to 99, not 100"),
        (_duplicate_option, "question q06_knowledge: duplicate option ids"),
        (_unknown_trigger, "question q03_income_stability option 'a': unknown lowest_category"),
        (_overlapping_ranges, "question q01_age: ranges of options 'b' and 'c' overlap"),
        (_no_why, "question q09_objective: missing or empty why_zh"),
        (_gap_in_levels, "level C2: must start at 20"),
        (_bad_placeholder, "result_texts.summary.en: placeholders"),
        (_negative_score, "question q02_income option 'b': score must be a whole number >= 0"),
        (_too_few_questions, "at least 12 questions"),
    ],
)
def test_a_malformed_questionnaire_fails_naming_what_is_wrong(
    raw: dict[str, Any], break_it: Any, message: str
) -> None:
    break_it(raw)
    with pytest.raises(QuestionnaireError) as failure:
        parse_questionnaire(raw)
    assert message in str(failure.value)


def test_unreadable_yaml_fails_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "questionnaire.yml"
    broken.write_text("version: '1'\nquestions: [\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"questionnaire\.yml"):
        load_questionnaire(broken)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_get_questionnaire_has_the_contract_shape(client: TestClient, lang: str) -> None:
    response = client.get("/api/questionnaire", params={"lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"version", "questions"}
    assert len(body["questions"]) >= 12
    for question in body["questions"]:
        assert set(question) == {"id", "text", "why", "options"}
        assert bool(CJK.search(question["text"])) == (lang == "zh")
        for option in question["options"]:
            assert set(option) == {"id", "text"}


def test_get_questionnaire_defaults_to_chinese(client: TestClient) -> None:
    body = client.get("/api/questionnaire").json()
    assert CJK.search(body["questions"][0]["text"])


def test_get_questionnaire_rejects_an_unknown_language(client: TestClient) -> None:
    response = client.get("/api/questionnaire", params={"lang": "fr"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "query.lang"
