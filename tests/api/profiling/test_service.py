"""Storing and reading risk profiles (runs on SQLite and PostgreSQL)."""

from datetime import date

import pytest
from sqlalchemy.orm import Session

from api.errors import InvalidInput, NotFound
from api.profiling.models import RiskProfile
from api.profiling.questionnaire import get_questionnaire
from api.profiling.service import assess_risk, current_profile, profile_hints, profile_view
from tests.api.profiling.answer_sets import answers_totalling, extreme_answers

ASSESSED = date(2025, 3, 15)


def _answers(**changes: str) -> dict[str, str]:
    return {**extreme_answers(get_questionnaire(), highest=True), **changes}


def test_scoring_with_a_customer_id_stores_the_profile(db_session: Session) -> None:
    answers = answers_totalling(get_questionnaire(), 45)
    assert answers is not None
    assessment, stored = assess_risk(
        answers, customer_id="svc-store", today=ASSESSED, session=db_session
    )
    assert stored is not None
    row = db_session.get(RiskProfile, stored.id)
    assert row is not None
    assert (row.customer_id, row.score, row.level, row.lowest_category) == (
        "svc-store",
        45,
        "C3",
        False,
    )
    assert row.answers == answers
    assert row.questionnaire_version == get_questionnaire().version
    assert row.valid_until == date(2026, 3, 15)
    assert row.assessed_at.date() == ASSESSED
    age_option = get_questionnaire().question("q01_age").option(answers["q01_age"])  # type: ignore[union-attr]
    assert age_option is not None
    assert row.age == age_option.hints["age"]  # an age band stands for its youngest age
    assert assessment.level == "C3"


def test_scoring_without_a_customer_id_stores_nothing(db_session: Session) -> None:
    before = db_session.query(RiskProfile).count()
    _, stored = assess_risk(_answers(), today=ASSESSED, session=db_session)
    assert stored is None
    assert db_session.query(RiskProfile).count() == before


def test_the_latest_assessment_is_the_current_one(db_session: Session) -> None:
    assess_risk(_answers(), customer_id="svc-latest", today=date(2024, 1, 10), session=db_session)
    assess_risk(
        _answers(q11_max_loss="a"),
        customer_id="svc-latest",
        today=date(2025, 1, 10),
        session=db_session,
    )
    profile = current_profile("svc-latest", session=db_session)
    assert profile is not None
    assert (profile.level, profile.lowest_category) == ("C1", True)
    assert profile.lowest_category_triggers == ["no_loss_of_principal"]


def test_an_exact_age_is_stored_when_it_agrees_with_the_age_answer(db_session: Session) -> None:
    _, stored = assess_risk(
        _answers(q01_age="e"), customer_id="svc-age", age=66, today=ASSESSED, session=db_session
    )
    assert stored is not None and stored.age == 66
    assert profile_hints(stored)["age"] == 66


def test_an_age_contradicting_the_age_answer_is_refused(db_session: Session) -> None:
    with pytest.raises(InvalidInput) as failure:
        assess_risk(_answers(q01_age="c"), customer_id="svc-age-bad", age=66, session=db_session)
    assert failure.value.detail[0]["field"] == "age"
    assert current_profile("svc-age-bad", session=db_session) is None


def test_bad_answers_store_nothing(db_session: Session) -> None:
    with pytest.raises(InvalidInput):
        assess_risk({"q01_age": "a"}, customer_id="svc-bad", session=db_session)
    assert current_profile("svc-bad", session=db_session) is None


def test_profile_view_reports_valid_then_expired(db_session: Session) -> None:
    assess_risk(_answers(), customer_id="svc-expiry", today=ASSESSED, session=db_session)
    on_last_day = profile_view("svc-expiry", "en", session=db_session, today=date(2026, 3, 15))
    assert on_last_day.status == "valid"
    assert "valid until 2026-03-15" in on_last_day.explanation
    day_after = profile_view("svc-expiry", "zh", session=db_session, today=date(2026, 3, 16))
    assert day_after.status == "expired"
    assert "已于2026-03-15到期" in day_after.explanation


def test_profile_view_of_an_unknown_customer_is_not_found(db_session: Session) -> None:
    with pytest.raises(NotFound):
        profile_view("svc-nobody", "zh", session=db_session)


def test_profile_hints_skip_answers_the_questionnaire_no_longer_has(db_session: Session) -> None:
    profile = RiskProfile(
        customer_id="svc-old",
        questionnaire_version="2019.1",
        answers={"q10_horizon": "a", "q77_retired_question": "b"},
        score=30,
        level="C2",
        lowest_category=False,
        lowest_category_triggers=[],
        age=None,
        valid_until=date(2026, 1, 1),
    )
    assert profile_hints(profile) == {"horizon_months": 6}
