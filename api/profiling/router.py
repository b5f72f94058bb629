"""Questionnaire and risk-profile endpoints (contract in ARCHITECTURE.md)."""

from typing import Literal

from fastapi import APIRouter, Path, Query

from api.deps import SessionDep
from api.profiling import service
from api.profiling.questionnaire import get_questionnaire
from api.profiling.schemas import (
    CUSTOMER_ID_PATTERN,
    AssessmentOut,
    InterpretRequest,
    InterpretResponse,
    ProfileOut,
    QuestionnaireOut,
    ScoreRequest,
)

# Read and validate the questionnaire now: a malformed file stops the app at start-up.
get_questionnaire()

router = APIRouter(prefix="/api", tags=["profiling"])
LangQuery = Query(default="zh", description="zh | en")


@router.get("/questionnaire", response_model=QuestionnaireOut)
def questionnaire(lang: Literal["zh", "en"] = LangQuery) -> QuestionnaireOut:
    return service.questionnaire_view(lang)


@router.post("/questionnaire/interpret", response_model=InterpretResponse)
def interpret(body: InterpretRequest) -> InterpretResponse:
    return service.interpret(body.question_id, body.text, body.lang)


@router.post("/risk-profile/score", response_model=AssessmentOut)
def score(body: ScoreRequest, session: SessionDep) -> AssessmentOut:
    assessment, profile = service.assess_risk(
        body.answers, customer_id=body.customer_id, age=body.age, session=session
    )
    return service.assessment_view(assessment, profile, body.customer_id, body.lang)


@router.get("/risk-profile/{customer_id}", response_model=ProfileOut)
def risk_profile(
    session: SessionDep,
    customer_id: str = Path(min_length=1, max_length=128, pattern=CUSTOMER_ID_PATTERN),
    lang: Literal["zh", "en"] = LangQuery,
) -> ProfileOut:
    return service.profile_view(customer_id, lang, session=session)
