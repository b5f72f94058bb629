"""Feedback tables: deleted with the conversation they belong to (PIPL deletion requests)."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class MessageFeedback(Base):
    """👍/👎 on one bot answer; one row per customer and answer (the latest choice wins)."""

    __tablename__ = "message_feedback"
    __table_args__ = (Index("ix_message_feedback_sender_hash", "sender_id", "text_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.sender_id", ondelete="CASCADE")
    )
    # Null when the page only knew the text, or the message was purged since.
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="SET NULL"), index=True
    )
    # sha256 of the masked bot text: groups identical answers across conversations.
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    helpful: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ConversationRating(Base):
    """The end-of-chat rating: one per conversation (rating again replaces it)."""

    __tablename__ = "conversation_ratings"
    __table_args__ = (
        UniqueConstraint("sender_id", name="uq_conversation_ratings_sender"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="ck_conversation_ratings_rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.sender_id", ondelete="CASCADE")
    )
    rating: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)  # masked before it is stored
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
