"""Request and response bodies of the compliance endpoints."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator

MAX_TEXT_CHARS = 5000


class ReviewRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    lang: Literal["zh", "en"] = "zh"
    product_codes: list[str] = Field(default_factory=list, max_length=50)
    conversation_id: str | None = Field(default=None, max_length=128)
    has_figures: bool = False

    @field_validator("text")
    @classmethod
    def not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text must not be blank")
        return text

    @field_validator("product_codes")
    @classmethod
    def short_codes(cls, codes: list[str]) -> list[str]:
        if any(not code.strip() or len(code) > 64 for code in codes):
            raise ValueError("product codes must be 1-64 characters")
        return codes


class ViolationOut(BaseModel):
    rule: str
    match: str


class ReviewResponse(BaseModel):
    approved: bool
    violations: list[ViolationOut]
    text: str
    disclosures: list[str]
    rule_version: str


class RuleVersion(BaseModel):
    rule_version: str
    rules_version: str
    disclosures_version: str
    rules: list[str]
    loaded_at: datetime
    last_error: str | None = None


class ReviewRecord(BaseModel):
    id: int
    conversation_id: str | None
    text_sha256: str
    lang: str
    approved: bool
    rules_fired: list[str]
    rule_version: str
    product_codes: list[str]
    created_at: datetime
