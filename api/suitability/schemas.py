"""Request and response shapes of /api/suitability/match and /api/suitability/check."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator, model_validator

from api.profiling.schemas import CUSTOMER_ID_PATTERN

Lang = Literal["zh", "en"]
Level = Literal["C1", "C2", "C3", "C4", "C5"]


class InvestorRequest(BaseModel):
    """Who is asking. `level` may be omitted when `customer_id` has a stored assessment."""

    model_config = ConfigDict(extra="ignore")

    level: Level | None = None
    lowest_category: bool | None = None
    age: int | None = Field(default=None, ge=0, le=130)
    customer_id: StrictStr | None = Field(
        default=None, min_length=1, max_length=128, pattern=CUSTOMER_ID_PATTERN
    )
    lang: Lang = "zh"

    @field_validator("level", mode="before")
    @classmethod
    def upper_case_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def level_needs_flag(self) -> "InvestorRequest":
        # Guessing the flag would risk selling above R1 to a lowest-category investor.
        if self.level is not None and self.lowest_category is None:
            raise ValueError("lowest_category is required when level is given")
        return self


class MatchRequest(InvestorRequest):
    amount: float | None = Field(default=None, gt=0, le=1e12, allow_inf_nan=False)
    horizon_months: int | None = Field(default=None, ge=1, le=600)
    objective: Literal["preserve", "income", "balanced", "growth", "aggressive"] | None = None
    liquidity_need: Literal["high", "medium", "low"] | None = None
    product_types: list[StrictStr] | None = Field(default=None, min_length=1, max_length=20)
    limit: int | None = Field(default=None, ge=1, le=100)


class CheckRequest(InvestorRequest):
    product_code: StrictStr = Field(min_length=1, max_length=32)


class RecommendationOut(BaseModel):
    code: str
    name: str
    risk_level: str
    reasons: list[str]
    fit_score: float


class ExclusionOut(BaseModel):
    code: str
    name: str
    risk_level: str
    rule: str
    reason: str


class InvestorOut(BaseModel):
    """The investor the rules were applied to (after merging any stored profile)."""

    level: str
    lowest_category: bool
    age: int | None
    max_risk_level: str | None


class MatchResponse(BaseModel):
    recommendations: list[RecommendationOut]
    excluded: list[ExclusionOut]
    notes: list[str]
    advisor_offer: bool
    investor: InvestorOut
    rule_version: str


class CheckResponse(BaseModel):
    eligible: bool
    reason: str
    handoff_required: bool
    product_code: str
    risk_level: str
    rule: str
    advisor_offer: bool
    investor: InvestorOut
    rule_version: str
