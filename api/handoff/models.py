"""A handoff request, recorded with its reason and a reference to the transcript."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class Handoff(Base):
    __tablename__ = "handoffs"
    __table_args__ = (Index("ix_handoffs_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The transcript is the conversation log (chat_messages) of this sender.
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    language: Mapped[str] = mapped_column(String(2), default="zh")
    investor_level: Mapped[str | None] = mapped_column(String(2))
    age: Mapped[int | None]
    amount: Mapped[float | None]
    product_code: Mapped[str | None] = mapped_column(String(32))
    last_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
