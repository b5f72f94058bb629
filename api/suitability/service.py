"""Suitability for one request: resolve the investor, run the engine, record the decision.

The investor comes from the request and, when `customer_id` is given, the stored risk
profile: an expired profile, or no level at all, means no personalised advice (409,
DOMAIN.md §4 rule 2). When the request and the stored profile disagree, the stricter
level applies. Every call, refusals included, leaves a RecommendationRecord.
"""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.errors import DomainError, InvalidInput
from api.products.service import get_product, list_products
from api.products.vocabulary import PRODUCT_TYPES
from api.profiling.exceptions import AssessmentRequired
from api.profiling.scoring import business_today, profile_status
from api.profiling.service import current_profile, profile_hints
from api.suitability.engine import check_product, match_products
from api.suitability.inputs import Investor
from api.suitability.models import RecommendationRecord
from api.suitability.rules import RULE_VERSION, max_recommendable_risk
from api.suitability.schemas import (
    CheckRequest,
    CheckResponse,
    ExclusionOut,
    InvestorOut,
    InvestorRequest,
    MatchRequest,
    MatchResponse,
    RecommendationOut,
)


def _stricter(first: str, second: str) -> str:
    return min(first, second)  # "C1" < "C2" < … < "C5"


def resolve_investor(
    request: InvestorRequest, *, session: Session, today: date | None = None
) -> tuple[Investor, dict[str, Any]]:
    """The assessed investor behind a request, and what their stored answers hint."""
    profile = current_profile(request.customer_id, session=session) if request.customer_id else None
    if (
        profile is not None
        and profile_status(profile.valid_until, today or business_today()) == "expired"
    ):
        raise AssessmentRequired("expired", lang=request.lang, valid_until=profile.valid_until)
    if profile is None and request.level is None:
        raise AssessmentRequired("missing", lang=request.lang)
    hints = profile_hints(profile) if profile is not None else {}
    if profile is None:
        level, lowest = str(request.level), bool(request.lowest_category)
    elif request.level is None:
        level, lowest = profile.level, profile.lowest_category
    else:
        level = _stricter(request.level, profile.level)
        lowest = bool(request.lowest_category) or profile.lowest_category
    age = request.age if request.age is not None else hints.get("age")
    return Investor(level=level, lowest_category=lowest, age=age), hints


def _investor_out(investor: Investor) -> InvestorOut:
    allowed = max_recommendable_risk(investor)
    return InvestorOut(
        level=investor.level,
        lowest_category=investor.lowest_category,
        age=investor.age,
        max_risk_level=f"R{allowed}" if allowed else None,
    )


def _record(
    kind: str,
    request: InvestorRequest,
    *,
    session: Session,
    investor: Investor | None,
    outputs: dict[str, Any],
    reasons: dict[str, Any],
    status_code: int = 200,
) -> None:
    inputs: dict[str, Any] = {"request": request.model_dump(mode="json")}
    if investor is not None:
        inputs["investor"] = _investor_out(investor).model_dump(mode="json")
    session.add(
        RecommendationRecord(
            kind=kind,
            customer_id=request.customer_id,
            inputs=inputs,
            outputs=outputs,
            reasons=reasons,
            status_code=status_code,
            rule_version=RULE_VERSION,
        )
    )
    session.flush()


def match(request: MatchRequest, *, session: Session, today: date | None = None) -> MatchResponse:
    if request.product_types:
        unknown = sorted(set(request.product_types) - set(PRODUCT_TYPES))
        if unknown:
            raise InvalidInput(
                [{"field": "product_types", "message": f"unknown product types {unknown}"}]
            )
    assessed, hints = resolve_investor(request, session=session, today=today)
    investor = Investor(
        level=assessed.level,
        lowest_category=assessed.lowest_category,
        age=assessed.age,
        amount=request.amount,
        horizon_months=request.horizon_months or hints.get("horizon_months"),
        objective=request.objective or hints.get("objective"),
        liquidity_need=request.liquidity_need or hints.get("liquidity_need"),
        product_types=frozenset(request.product_types) if request.product_types else None,
    )
    # Closed products are listed too, so they show up as excluded rather than missing.
    products = list_products(session=session, include_closed=True)
    result = match_products(investor, products, lang=request.lang, limit=request.limit)
    response = MatchResponse(
        recommendations=[
            RecommendationOut(
                code=r.code,
                name=r.name,
                risk_level=r.risk_level,
                reasons=list(r.reasons),
                fit_score=r.fit_score,
            )
            for r in result.recommendations
        ],
        excluded=[
            ExclusionOut(
                code=e.code, name=e.name, risk_level=e.risk_level, rule=e.rule, reason=e.reason
            )
            for e in result.excluded
        ],
        notes=list(result.notes),
        advisor_offer=result.advisor_offer,
        investor=_investor_out(investor),
        rule_version=RULE_VERSION,
    )
    reasons = {r.code: list(r.reasons) for r in result.recommendations}
    reasons.update({e.code: [e.reason] for e in result.excluded})
    _record(
        "match",
        request,
        session=session,
        investor=investor,
        outputs=response.model_dump(mode="json"),
        reasons=reasons,
    )
    return response


def check(request: CheckRequest, *, session: Session, today: date | None = None) -> CheckResponse:
    investor, _ = resolve_investor(request, session=session, today=today)
    product = get_product(request.product_code, session=session, lang=request.lang)
    result = check_product(investor, product, lang=request.lang)
    response = CheckResponse(
        eligible=result.eligible,
        reason=result.reason,
        handoff_required=result.handoff_required,
        product_code=result.code,
        risk_level=result.risk_level,
        rule=result.rule,
        advisor_offer=result.advisor_offer,
        investor=_investor_out(investor),
        rule_version=RULE_VERSION,
    )
    _record(
        "check",
        request,
        session=session,
        investor=investor,
        outputs=response.model_dump(mode="json"),
        reasons={result.code: [result.reason]},
    )
    return response


def record_refusal(
    kind: str, request: InvestorRequest, error: DomainError, *, session: Session
) -> None:
    """Keep refused calls in the audit trail too (e.g. advice asked without a valid assessment)."""
    _record(
        kind,
        request,
        session=session,
        investor=None,
        outputs={"detail": error.detail},
        reasons={"error": error.detail},
        status_code=error.status_code,
    )
