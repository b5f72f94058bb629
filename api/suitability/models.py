"""The audit trail of suitability decisions: every match and check, with inputs and reasons."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class RecommendationRecord(Base):
    """One suitability call (DOMAIN.md §4 rule 6): what was asked, answered, and why."""

    __tablename__ = "recommendation_records"
    __table_args__ = (Index("ix_recommendation_records_customer", "customer_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # match | check
    kind: Mapped[str] = mapped_column(String(8))
    customer_id: Mapped[str | None] = mapped_column(String(128))
    # The request as received, and the investor the rules actually applied (after merging
    # the stored profile), so a reviewer can replay the decision.
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    outputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    # {product code: [reasons]} for recommendations and exclusions; {"error": ...} on refusal.
    reasons: Mapped[dict[str, Any]] = mapped_column(JSON)
    # HTTP-style outcome: 200, or the refusal's status (409 no valid assessment, 404 …).
    status_code: Mapped[int] = mapped_column(default=200)
    rule_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
