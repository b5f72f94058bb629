"""Suitability endpoints: match (suggest suitable products) and check (may I buy this one?).

Refusals (no valid assessment → 409, unknown product → 404, bad product type → 422) are
recorded in the audit trail before the error is returned, so the router answers them
itself instead of letting the request's transaction roll the record back.
"""

from fastapi import APIRouter
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from api.deps import SessionDep
from api.errors import DomainError
from api.suitability import service
from api.suitability.engine import TEXT_KEYS
from api.suitability.schemas import CheckRequest, CheckResponse, MatchRequest, MatchResponse
from api.suitability.wording import get_wording, require_texts

# Read and check the wording now: a missing or malformed text stops the app at start-up.
require_texts(get_wording(), TEXT_KEYS)

router = APIRouter(prefix="/api", tags=["suitability"])


def _refusal(error: DomainError) -> JSONResponse:
    return JSONResponse({"detail": jsonable_encoder(error.detail)}, status_code=error.status_code)


@router.post("/suitability/match", response_model=MatchResponse)
def match(body: MatchRequest, session: SessionDep) -> MatchResponse | JSONResponse:
    try:
        return service.match(body, session=session)
    except DomainError as error:
        service.record_refusal("match", body, error, session=session)
        return _refusal(error)


@router.post("/suitability/check", response_model=CheckResponse)
def check(body: CheckRequest, session: SessionDep) -> CheckResponse | JSONResponse:
    try:
        return service.check(body, session=session)
    except DomainError as error:
        service.record_refusal("check", body, error, session=session)
        return _refusal(error)
