"""Scoring rules of DOMAIN.md §3: bands at every boundary, lowest category, 12-month validity."""

from datetime import date

import pytest

from api.profiling.questionnaire import get_questionnaire
from api.profiling.scoring import (
    AnswersInvalid,
    add_months,
    level_for_score,
    profile_status,
    score_answers,
    valid_until_for,
)
from tests.api.profiling.answer_sets import answers_totalling, extreme_answers

TODAY = date(2025, 3, 15)
BOUNDARIES = [
    (0, "C1"),
    (19, "C1"),
    (20, "C2"),
    (39, "C2"),
    (40, "C3"),
    (59, "C3"),
    (60, "C4"),
    (79, "C4"),
    (80, "C5"),
    (100, "C5"),
]


@pytest.mark.parametrize(("score", "level"), BOUNDARIES)
def test_band_of_each_boundary_score(score: int, level: str) -> None:
    assert level_for_score(get_questionnaire(), score) == level


@pytest.mark.parametrize("score", [-1, 101])
def test_scores_outside_the_scale_are_refused(score: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        level_for_score(get_questionnaire(), score)


@pytest.mark.parametrize(("total", "level"), [b for b in BOUNDARIES if b[0] > 0])
def test_real_answers_at_each_boundary_score_and_band(total: int, level: str) -> None:
    questionnaire = get_questionnaire()
    answers = answers_totalling(questionnaire, total)
    assert answers is not None, f"no answer set totals {total}"
    result = score_answers(questionnaire, answers, assessed_on=TODAY)
    assert (result.score, result.level, result.lowest_category) == (total, level, False)


def test_the_lowest_answers_score_0_and_are_lowest_category() -> None:
    questionnaire = get_questionnaire()
    result = score_answers(
        questionnaire, extreme_answers(questionnaire, highest=False), assessed_on=TODAY
    )
    assert (result.score, result.level, result.lowest_category) == (0, "C1", True)


def test_the_highest_answers_score_100_and_are_c5() -> None:
    questionnaire = get_questionnaire()
    result = score_answers(
        questionnaire, extreme_answers(questionnaire, highest=True), assessed_on=TODAY
    )
    assert (result.score, result.level, result.lowest_category) == (100, "C5", False)


@pytest.mark.parametrize(
    ("changes", "trigger"),
    [
        ({"q11_max_loss": "a"}, "no_loss_of_principal"),
        ({"q03_income_stability": "a"}, "no_stable_income"),
        ({"q01_age": "f", "q07_experience_years": "a"}, "over_70_no_experience"),
    ],
)
def test_a_lowest_category_answer_forces_c1_whatever_the_score(
    changes: dict[str, str], trigger: str
) -> None:
    questionnaire = get_questionnaire()
    answers = {**extreme_answers(questionnaire, highest=True), **changes}
    result = score_answers(questionnaire, answers, assessed_on=TODAY)
    assert result.score >= 60  # high enough for C4 on points alone
    assert (result.level, result.lowest_category) == ("C1", True)
    assert result.lowest_category_triggers == (trigger,)


@pytest.mark.parametrize(
    "changes",
    [
        {"q01_age": "f"},
        {"q07_experience_years": "a"},
        {"q01_age": "e", "q07_experience_years": "a"},
    ],
)
def test_over_70_alone_or_no_experience_alone_is_not_lowest_category(
    changes: dict[str, str],
) -> None:
    questionnaire = get_questionnaire()
    answers = {**extreme_answers(questionnaire, highest=True), **changes}
    result = score_answers(questionnaire, answers, assessed_on=TODAY)
    assert result.lowest_category is False
    assert result.level != "C1"


def test_hints_carry_age_horizon_objective_and_liquidity() -> None:
    questionnaire = get_questionnaire()
    answers = {
        **extreme_answers(questionnaire, highest=True),
        "q01_age": "e",
        "q10_horizon": "a",
        "q09_objective": "b",
        "q13_liquidity_needs": "a",
    }
    hints = score_answers(questionnaire, answers, assessed_on=TODAY).hints
    assert hints == {
        "age": 60,
        "horizon_months": 6,
        "objective": "income",
        "liquidity_need": "high",
    }


def test_missing_unknown_and_ill_chosen_answers_are_all_named() -> None:
    questionnaire = get_questionnaire()
    answers = extreme_answers(questionnaire, highest=True)
    del answers["q05_debts"]
    answers["q02_income"] = "z"
    answers["q99_shoe_size"] = "a"
    with pytest.raises(AnswersInvalid) as failure:
        score_answers(questionnaire, answers, assessed_on=TODAY)
    problems = {p["field"]: p["message"] for p in failure.value.problems}
    assert set(problems) == {"answers.q05_debts", "answers.q02_income", "answers.q99_shoe_size"}
    assert problems["answers.q05_debts"].startswith("missing answer")
    assert "unknown option 'z'" in problems["answers.q02_income"]
    assert problems["answers.q99_shoe_size"] == "unknown question id"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 3, 15), 12, date(2026, 3, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2025, 11, 30), 12, date(2026, 11, 30)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_a_result_is_valid_for_12_months_and_then_expires() -> None:
    questionnaire = get_questionnaire()
    answers = extreme_answers(questionnaire, highest=True)
    result = score_answers(questionnaire, answers, assessed_on=date(2025, 3, 15))
    assert result.valid_until == date(2026, 3, 15) == valid_until_for(date(2025, 3, 15))
    assert profile_status(result.valid_until, date(2026, 3, 14)) == "valid"
    assert profile_status(result.valid_until, date(2026, 3, 15)) == "valid"
    assert profile_status(result.valid_until, date(2026, 3, 16)) == "expired"
