"""Compliance review of outgoing messages, the active rule version, and admin reload/audit."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.compliance import service
from api.compliance.definitions import RuleFileError
from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet, RuleSetStore, default_store
from api.compliance.schemas import (
    ReviewRecord,
    ReviewRequest,
    ReviewResponse,
    RuleVersion,
    ViolationOut,
)
from api.deps import AdminDep, SessionDep
from api.errors import InvalidInput, ServiceUnavailable

router = APIRouter(prefix="/api", tags=["compliance"])


def get_rule_store() -> RuleSetStore:
    """Overridden in tests to point at temporary rule files."""
    return default_store()


RuleStoreDep = Annotated[RuleSetStore, Depends(get_rule_store)]
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": 'bad input: `{"detail": [{"field", "message"}]}`'},
    503: {"description": "the compliance rule files could not be loaded"},
}


def _active(store: RuleSetStore) -> RuleSet:
    """The active rules; if none ever loaded, nothing may be reviewed (fail closed, loudly)."""
    try:
        return store.current()
    except RuleFileError as exc:
        raise ServiceUnavailable(f"compliance rules unavailable: {exc}") from exc


def _version(store: RuleSetStore) -> RuleVersion:
    ruleset = _active(store)
    return RuleVersion(
        rule_version=ruleset.version,
        rules_version=ruleset.rules.version,
        disclosures_version=ruleset.disclosure_definitions.version,
        rules=ruleset.rule_names,
        loaded_at=ruleset.loaded_at,
        last_error=store.last_error,
    )


@router.post("/compliance/review", response_model=ReviewResponse, responses=ERRORS)
def review(body: ReviewRequest, session: SessionDep, store: RuleStoreDep) -> ReviewResponse:
    """Check a message before it is sent: forbidden claims block it (the reply becomes a safe
    one), otherwise the mandatory disclosures are appended. Every review is audit-logged."""
    codes = service.normalise_codes(body.product_codes)
    result = review_message(
        body.text,
        body.lang,
        product_types=service.resolve_product_types(codes, session=session),
        product_codes=codes,
        has_figures=body.has_figures,
        ruleset=_active(store),
    )
    service.record_review(
        result,
        text=body.text,
        lang=body.lang,
        product_codes=codes,
        conversation_id=body.conversation_id,
        session=session,
    )
    return ReviewResponse(
        approved=result.approved,
        violations=[ViolationOut(rule=v.rule, match=v.match) for v in result.violations],
        text=result.text,
        disclosures=result.disclosures,
        rule_version=result.rule_version,
    )


@router.get("/compliance/version", response_model=RuleVersion)
def version(store: RuleStoreDep) -> RuleVersion:
    """The rule and disclosure versions every review is currently checked against."""
    return _version(store)


@router.post("/admin/compliance/reload", response_model=RuleVersion, responses=ERRORS)
def reload_rules(_: AdminDep, store: RuleStoreDep) -> RuleVersion:
    """Load rules.yml and disclosures.yml now. An invalid file is refused with 422 and the
    previous version stays active."""
    try:
        store.reload()
    except RuleFileError as exc:
        raise InvalidInput(str(exc)) from exc
    return _version(store)


@router.get("/admin/compliance/reviews", response_model=list[ReviewRecord])
def reviews(
    _: AdminDep,
    session: SessionDep,
    approved: bool | None = None,
    rule: Annotated[str | None, Query(max_length=64, pattern=r"^[a-z_]+$")] = None,
    since: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_LISTED_REVIEWS)] = 100,
) -> list[ReviewRecord]:
    """The audit log, newest first: which rule version approved or blocked what, and why."""
    rows = service.list_reviews(
        session=session, approved=approved, rule=rule, since=since, limit=limit
    )
    return [ReviewRecord.model_validate(row, from_attributes=True) for row in rows]
