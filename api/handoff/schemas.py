"""Shapes of handoff requests and their status."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Reason = Literal[
    "customer_request",
    "complaint",
    "repeated_misunderstanding",
    "above_level",
    "high_net_worth",
    "silver_high_risk",
    "negative_sentiment",
]


class HandoffCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sender: str = Field(min_length=1, max_length=128)
    reason: Reason
    language: Literal["zh", "en"] = "zh"
    investor_level: str | None = Field(default=None, pattern=r"^C[1-5]$")
    age: int | None = Field(default=None, ge=0, le=130)
    amount: float | None = Field(default=None, ge=0)
    product_code: str | None = Field(default=None, max_length=32)
    last_message: str | None = Field(default=None, max_length=2000)


class HandoffOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    sender_id: str
    reason: str
    status: str
    language: str
    investor_level: str | None
    created_at: datetime
    position: int | None = None
    expected_wait_minutes: int | None = None
