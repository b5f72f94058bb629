"""Risk profiling: show the questionnaire, read free-text answers, score and store profiles."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db import utcnow
from api.errors import InvalidInput, NotFound
from api.profiling.interpret import interpret_answer
from api.profiling.models import RiskProfile
from api.profiling.questionnaire import Lang, Questionnaire, get_questionnaire
from api.profiling.schemas import (
    AssessmentOut,
    InterpretResponse,
    OptionOut,
    ProfileOut,
    QuestionnaireOut,
    QuestionOut,
)
from api.profiling.scoring import (
    AnswersInvalid,
    Assessment,
    business_today,
    profile_status,
    score_answers,
)

AGE_QUESTION = "q01_age"
_JOINERS = {"zh": "、", "en": " and "}


def questionnaire_view(lang: Lang) -> QuestionnaireOut:
    questionnaire = get_questionnaire()
    return QuestionnaireOut(
        version=questionnaire.version,
        questions=[
            QuestionOut(
                id=q.id,
                text=q.text[lang],
                why=q.why[lang],
                options=[OptionOut(id=o.id, text=o.text[lang]) for o in q.options],
            )
            for q in questionnaire.questions
        ],
    )


def interpret(question_id: str, text: str, lang: Lang) -> InterpretResponse:
    question = get_questionnaire().question(question_id)
    if question is None:
        known = ", ".join(q.id for q in get_questionnaire().questions)
        raise InvalidInput(
            [
                {
                    "field": "question_id",
                    "message": f"unknown question id {question_id!r}; known: {known}",
                }
            ]
        )
    result = interpret_answer(question, text)
    option = question.option(result.option_id) if result.option_id else None
    return InterpretResponse(
        question_id=question_id,
        option_id=result.option_id,
        confidence=result.confidence,
        option_text=option.text[lang] if option else None,
    )


def _check_age(questionnaire: Questionnaire, answers: Mapping[str, str], age: int) -> None:
    question = questionnaire.question(AGE_QUESTION)
    option = question.option(answers[AGE_QUESTION]) if question else None
    if option and option.range and not option.range.contains(age):
        raise InvalidInput(
            [
                {
                    "field": "age",
                    "message": f"age {age} does not match answer {AGE_QUESTION}={option.id!r} "
                    f"({option.text['en']})",
                }
            ]
        )


def assess_risk(
    answers: Mapping[str, str],
    *,
    session: Session,
    customer_id: str | None = None,
    age: int | None = None,
    today: date | None = None,
) -> tuple[Assessment, RiskProfile | None]:
    """Score the answers; with a customer id, also store the result as their current profile."""
    questionnaire = get_questionnaire()
    assessed_on = today or business_today()
    try:
        assessment = score_answers(questionnaire, answers, assessed_on=assessed_on)
    except AnswersInvalid as exc:
        raise InvalidInput(exc.problems) from exc
    if age is not None:
        _check_age(questionnaire, answers, age)
        assessment = replace(assessment, hints={**assessment.hints, "age": age})
    if customer_id is None:
        return assessment, None
    profile = RiskProfile(
        customer_id=customer_id,
        questionnaire_version=assessment.questionnaire_version,
        answers=assessment.answers,
        score=assessment.score,
        level=assessment.level,
        lowest_category=assessment.lowest_category,
        lowest_category_triggers=list(assessment.lowest_category_triggers),
        age=assessment.hints.get("age"),
        # An explicit `today` (tests, back-dated imports) dates the record too.
        assessed_at=utcnow() if today is None else datetime.combine(today, time()),
        valid_until=assessment.valid_until,
    )
    session.add(profile)
    session.flush()
    return assessment, profile


def current_profile(customer_id: str, *, session: Session) -> RiskProfile | None:
    """The customer's latest assessment, valid or not."""
    statement = (
        select(RiskProfile)
        .where(RiskProfile.customer_id == customer_id)
        .order_by(RiskProfile.assessed_at.desc(), RiskProfile.id.desc())
        .limit(1)
    )
    return session.scalars(statement).first()


def profile_hints(profile: RiskProfile) -> dict[str, Any]:
    """What the stored answers say about age, horizon, objective and liquidity needs."""
    questionnaire = get_questionnaire()
    hints: dict[str, Any] = {}
    for question_id, option_id in profile.answers.items():
        question = questionnaire.question(question_id)
        option = question.option(option_id) if question else None
        if option is not None:  # answers to an older questionnaire version may not resolve
            hints.update(option.hints)
    if profile.age is not None:
        hints["age"] = profile.age
    return hints


def _reasons(triggers: list[str] | tuple[str, ...], lang: Lang) -> list[str]:
    questionnaire = get_questionnaire()
    return [questionnaire.triggers[t][lang] for t in triggers if t in questionnaire.triggers]


def _explanation(
    score: int,
    level: str,
    reasons: list[str],
    valid_until: date,
    lang: Lang,
    *,
    expired: bool = False,
) -> str:
    questionnaire = get_questionnaire()
    texts = questionnaire.result_texts
    label = questionnaire.band(level).label[lang]
    parts = [texts["summary"][lang].format(score=score, level=level, label=label)]
    if reasons:
        parts.append(texts["lowest_category"][lang].format(reasons=_JOINERS[lang].join(reasons)))
    closing = texts["expired" if expired else "validity"][lang]
    parts.append(closing.format(valid_until=valid_until.isoformat()))
    return ("" if lang == "zh" else " ").join(parts)


def assessment_view(
    assessment: Assessment, profile: RiskProfile | None, customer_id: str | None, lang: Lang
) -> AssessmentOut:
    reasons = _reasons(assessment.lowest_category_triggers, lang)
    return AssessmentOut(
        score=assessment.score,
        level=assessment.level,
        level_label=get_questionnaire().band(assessment.level).label[lang],
        lowest_category=assessment.lowest_category,
        lowest_category_reasons=reasons,
        valid_until=assessment.valid_until,
        assessed_on=assessment.assessed_on,
        questionnaire_version=assessment.questionnaire_version,
        explanation=_explanation(
            assessment.score, assessment.level, reasons, assessment.valid_until, lang
        ),
        age=assessment.hints.get("age"),
        customer_id=customer_id,
        stored=profile is not None,
    )


def profile_view(
    customer_id: str, lang: Lang, *, session: Session, today: date | None = None
) -> ProfileOut:
    profile = current_profile(customer_id, session=session)
    if profile is None:
        raise NotFound(
            f"no risk profile for customer {customer_id!r}; take the questionnaire first"
        )
    reasons = _reasons(profile.lowest_category_triggers, lang)
    status = profile_status(profile.valid_until, today or business_today())
    return ProfileOut(
        customer_id=customer_id,
        status=status,
        score=profile.score,
        level=profile.level,
        level_label=get_questionnaire().band(profile.level).label[lang],
        lowest_category=profile.lowest_category,
        lowest_category_reasons=reasons,
        assessed_at=profile.assessed_at,
        valid_until=profile.valid_until,
        questionnaire_version=profile.questionnaire_version,
        age=profile.age,
        explanation=_explanation(
            profile.score,
            profile.level,
            reasons,
            profile.valid_until,
            lang,
            expired=status == "expired",
        ),
    )
