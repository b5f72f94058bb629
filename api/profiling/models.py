"""Stored risk assessments: one row per completed questionnaire, the latest one is current."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class RiskProfile(Base):
    __tablename__ = "risk_profiles"
    __table_args__ = (Index("ix_risk_profiles_customer_assessed", "customer_id", "assessed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(128))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    # {question_id: option_id}, kept so the result can be explained and audited later.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    score: Mapped[int]
    level: Mapped[str] = mapped_column(String(2))
    lowest_category: Mapped[bool]
    lowest_category_triggers: Mapped[list[str]] = mapped_column(JSON, default=list)
    age: Mapped[int | None]
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow)
    valid_until: Mapped[date]
