"""Request and response shapes of the questionnaire and risk-profile endpoints."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

Lang = Literal["zh", "en"]
CUSTOMER_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"


class OptionOut(BaseModel):
    id: str
    text: str


class QuestionOut(BaseModel):
    id: str
    text: str
    why: str
    options: list[OptionOut]


class QuestionnaireOut(BaseModel):
    version: str
    questions: list[QuestionOut]


class InterpretRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    question_id: StrictStr = Field(min_length=1, max_length=64)
    text: StrictStr = Field(min_length=1, max_length=500)
    lang: Lang = "zh"


class InterpretResponse(BaseModel):
    question_id: str
    option_id: str | None
    confidence: float
    option_text: str | None = None


class ScoreRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    answers: dict[StrictStr, StrictStr]
    customer_id: StrictStr | None = Field(
        default=None, min_length=1, max_length=128, pattern=CUSTOMER_ID_PATTERN
    )
    # The exact age when the customer gave it; must agree with the q01_age answer.
    age: int | None = Field(default=None, ge=0, le=130)
    lang: Lang = "zh"


class AssessmentOut(BaseModel):
    score: int
    level: str
    level_label: str
    lowest_category: bool
    lowest_category_reasons: list[str]
    valid_until: date
    assessed_on: date
    questionnaire_version: str
    explanation: str
    age: int | None
    customer_id: str | None
    stored: bool


class ProfileOut(BaseModel):
    customer_id: str
    status: Literal["valid", "expired"]
    score: int
    level: str
    level_label: str
    lowest_category: bool
    lowest_category_reasons: list[str]
    assessed_at: datetime
    valid_until: date
    questionnaire_version: str
    age: int | None
    explanation: str
