"""The compliance audit log: one row per reviewed message, with the rule-set version used.

Only a SHA-256 of the text is kept (seed 000 §5.4 traceability without storing the message
twice); the conversation log holds the text itself.
"""

from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class ComplianceReview(Base):
    __tablename__ = "compliance_reviews"
    __table_args__ = (Index("ix_compliance_reviews_approved_time", "approved", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str | None] = mapped_column(String(128), index=True)
    text_sha256: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(2))
    approved: Mapped[bool]
    rules_fired: Mapped[list[str]] = mapped_column(JSON, default=list)
    rule_version: Mapped[str] = mapped_column(String(100))
    product_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
