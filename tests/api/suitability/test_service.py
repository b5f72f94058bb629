"""Resolving the investor from request and stored profile; the audit record of each call."""

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.errors import InvalidInput, NotFound
from api.profiling.exceptions import AssessmentRequired
from api.profiling.questionnaire import get_questionnaire
from api.profiling.service import assess_risk
from api.suitability.models import RecommendationRecord
from api.suitability.rules import RULE_VERSION
from api.suitability.schemas import CheckRequest, MatchRequest
from api.suitability.service import check, match, resolve_investor
from tests.api.profiling.answer_sets import extreme_answers

ASSESSED = date(2025, 3, 15)
WITHIN_YEAR = date(2025, 9, 1)
AFTER_YEAR = date(2026, 3, 16)


def _assess(customer: str, session: Session, **changes: str) -> None:
    answers = {**extreme_answers(get_questionnaire(), highest=True), **changes}
    assess_risk(answers, customer_id=customer, today=ASSESSED, session=session)


def _records(customer: str, session: Session) -> list[RecommendationRecord]:
    statement = select(RecommendationRecord).where(RecommendationRecord.customer_id == customer)
    return list(session.scalars(statement.order_by(RecommendationRecord.id)))


def test_no_level_and_no_customer_means_assessment_required(db_session: Session) -> None:
    with pytest.raises(AssessmentRequired) as failure:
        resolve_investor(MatchRequest(), session=db_session)
    assert failure.value.status_code == 409
    assert failure.value.detail["code"] == "assessment_required"  # type: ignore[index]


def test_a_customer_without_a_profile_needs_an_assessment(db_session: Session) -> None:
    with pytest.raises(AssessmentRequired, match="还没有完成风险评估"):
        resolve_investor(MatchRequest(customer_id="svc-none"), session=db_session)


def test_the_stored_profile_supplies_the_level(db_session: Session) -> None:
    _assess("svc-c5", db_session)
    investor, _ = resolve_investor(
        MatchRequest(customer_id="svc-c5"), session=db_session, today=WITHIN_YEAR
    )
    assert (investor.level, investor.lowest_category) == ("C5", False)


def test_an_expired_profile_refuses_advice_even_with_a_level_given(db_session: Session) -> None:
    _assess("svc-old", db_session)
    request = MatchRequest(customer_id="svc-old", level="C5", lowest_category=False, lang="en")
    with pytest.raises(AssessmentRequired) as failure:
        resolve_investor(request, session=db_session, today=AFTER_YEAR)
    detail = failure.value.detail
    assert detail["code"] == "assessment_expired"  # type: ignore[index]
    assert detail["valid_until"] == "2026-03-15"  # type: ignore[index]
    assert "expired on 2026-03-15" in detail["message"]  # type: ignore[index]


def test_request_and_profile_disagreeing_means_the_stricter_applies(db_session: Session) -> None:
    _assess("svc-strict", db_session, q11_max_loss="a")  # stored: lowest category, C1
    request = MatchRequest(customer_id="svc-strict", level="C4", lowest_category=False)
    investor, _ = resolve_investor(request, session=db_session, today=WITHIN_YEAR)
    assert (investor.level, investor.lowest_category) == ("C1", True)


def test_stored_answers_shape_the_match(db_session: Session) -> None:
    # q10 "a": up to 6 months; q01 "e": 60–70 years old.
    _assess("svc-hints", db_session, q10_horizon="a", q01_age="e")
    result = match(MatchRequest(customer_id="svc-hints"), session=db_session, today=WITHIN_YEAR)
    assert result.investor.age == 60
    assert result.investor.max_risk_level == "R2"
    excluded = {e.code: e.rule for e in result.excluded}
    assert excluded["TD1Y"] == "term_too_long"  # 12 months > 6-month horizon
    assert "TD6M" in {r.code for r in result.recommendations}
    assert result.advisor_offer is True


def test_every_match_is_recorded_with_inputs_outputs_and_reasons(db_session: Session) -> None:
    request = MatchRequest(
        level="C2", lowest_category=False, amount=30_000, horizon_months=12, customer_id="svc-audit"
    )
    result = match(request, session=db_session)
    [record] = _records("svc-audit", db_session)
    assert (record.kind, record.status_code, record.rule_version) == ("match", 200, RULE_VERSION)
    assert record.inputs["request"]["amount"] == 30_000
    assert record.inputs["investor"]["level"] == "C2"
    assert record.outputs["recommendations"][0]["code"] == result.recommendations[0].code
    assert set(record.reasons) == {r.code for r in result.recommendations} | {
        e.code for e in result.excluded
    }
    assert record.reasons[result.recommendations[0].code] == result.recommendations[0].reasons


def test_every_check_is_recorded(db_session: Session) -> None:
    request = CheckRequest(
        level="C2", lowest_category=False, product_code="ef02", customer_id="svc-chk"
    )
    result = check(request, session=db_session)
    assert (result.product_code, result.eligible, result.handoff_required) == ("EF02", False, True)
    [record] = _records("svc-chk", db_session)
    assert record.kind == "check"
    assert record.reasons == {"EF02": [result.reason]}


def test_an_unknown_product_is_not_found(db_session: Session) -> None:
    request = CheckRequest(level="C2", lowest_category=False, product_code="NOPE99")
    with pytest.raises(NotFound):
        check(request, session=db_session)


def test_an_unknown_product_type_is_invalid(db_session: Session) -> None:
    request = MatchRequest(level="C2", lowest_category=False, product_types=["crypto"])
    with pytest.raises(InvalidInput) as failure:
        match(request, session=db_session)
    assert failure.value.detail[0]["field"] == "product_types"  # type: ignore[index]
