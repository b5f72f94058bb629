"""Scoring a completed questionnaire: total, investor level C1–C5, lowest category, validity.

Pure functions over the loaded questionnaire; nothing here touches the database.
"""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

from api.profiling.questionnaire import Questionnaire

VALIDITY_MONTHS = 12  # CSRC Measures Art. 21 and bank practice: re-assess after a year
# The bank's business day is the China Standard Time calendar day (no daylight saving).
CHINA_STANDARD_TIME = timezone(timedelta(hours=8))

ProfileStatus = Literal["valid", "expired"]


class AnswersInvalid(ValueError):
    """Answers that do not fit the questionnaire; `problems` name each field and what is wrong."""

    def __init__(self, problems: list[dict[str, str]]) -> None:
        super().__init__("; ".join(f"{p['field']}: {p['message']}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Assessment:
    questionnaire_version: str
    answers: dict[str, str]
    score: int
    level: str
    lowest_category: bool
    lowest_category_triggers: tuple[str, ...]
    assessed_on: date
    valid_until: date
    hints: dict[str, Any] = field(default_factory=dict)


def business_today() -> date:
    return datetime.now(CHINA_STANDARD_TIME).date()


def add_months(start: date, months: int) -> date:
    """Same day `months` later; the 29th–31st fall back to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def valid_until_for(assessed_on: date) -> date:
    return add_months(assessed_on, VALIDITY_MONTHS)


def profile_status(valid_until: date, today: date) -> ProfileStatus:
    """A result is valid up to and including its `valid_until` date."""
    return "valid" if today <= valid_until else "expired"


def level_for_score(questionnaire: Questionnaire, score: int) -> str:
    for band in questionnaire.levels:
        if band.low <= score <= band.high:
            return band.id
    raise ValueError(f"score {score} is outside 0..{questionnaire.levels[-1].high}")


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, str]) -> None:
    """Raise AnswersInvalid naming every missing, unknown or ill-chosen answer."""
    problems = []
    for question in questionnaire.questions:
        choices = ", ".join(o.id for o in question.options)
        if question.id not in answers:
            problems.append(
                {
                    "field": f"answers.{question.id}",
                    "message": f"missing answer; choose one of {choices}",
                }
            )
        elif question.option(answers[question.id]) is None:
            problems.append(
                {
                    "field": f"answers.{question.id}",
                    "message": f"unknown option {answers[question.id]!r}; choose one of {choices}",
                }
            )
    for question_id in answers:
        if questionnaire.question(question_id) is None:
            problems.append({"field": f"answers.{question_id}", "message": "unknown question id"})
    if problems:
        raise AnswersInvalid(problems)


def fired_triggers(questionnaire: Questionnaire, answers: Mapping[str, str]) -> tuple[str, ...]:
    """Lowest-category triggers whose every tagged question is answered with a tagged option."""
    fired = []
    for trigger in questionnaire.triggers:
        tagged = [
            q
            for q in questionnaire.questions
            if any(o.lowest_category == trigger for o in q.options)
        ]
        if all(
            (chosen := q.option(answers[q.id])) is not None and chosen.lowest_category == trigger
            for q in tagged
        ):
            fired.append(trigger)
    return tuple(fired)


def score_answers(
    questionnaire: Questionnaire, answers: Mapping[str, str], *, assessed_on: date
) -> Assessment:
    check_answers(questionnaire, answers)
    chosen = {q.id: q.option(answers[q.id]) for q in questionnaire.questions}
    score = sum(option.score for option in chosen.values() if option)
    triggers = fired_triggers(questionnaire, answers)
    hints: dict[str, Any] = {}
    for option in chosen.values():
        if option:
            hints.update(option.hints)
    return Assessment(
        questionnaire_version=questionnaire.version,
        answers={q.id: answers[q.id] for q in questionnaire.questions},
        score=score,
        # Lowest category is C1 by definition, whatever the total says (DOMAIN.md §3).
        level="C1" if triggers else level_for_score(questionnaire, score),
        lowest_category=bool(triggers),
        lowest_category_triggers=triggers,
        assessed_on=assessed_on,
        valid_until=valid_until_for(assessed_on),
        hints=hints,
    )
