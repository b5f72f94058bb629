"""Recording feedback: resolve which bot answer is meant, mask comments, one row per choice."""

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.chat.masking import mask_personal_data
from api.chat.models import ChatMessage, Conversation
from api.db import utcnow
from api.errors import NotFound
from api.feedback.models import ConversationRating, MessageFeedback
from api.feedback.schemas import MessageFeedbackIn, RatingIn

# Authors whose messages a customer can judge.
ANSWER_AUTHORS = ("bot", "staff")


def text_hash(masked_text: str) -> str:
    return hashlib.sha256(masked_text.strip().encode()).hexdigest()


def _require_conversation(sender: str, *, session: Session) -> None:
    if session.get(Conversation, sender) is None:
        raise NotFound(f"no conversation for sender {sender!r}")


def _answer_by_id(sender: str, message_id: int, *, session: Session) -> ChatMessage:
    message = session.get(ChatMessage, message_id)
    if message is None or message.sender_id != sender or message.author not in ANSWER_AUTHORS:
        raise NotFound(f"no answer {message_id} in this conversation")
    return message


def _answer_by_text(sender: str, masked_text: str, *, session: Session) -> ChatMessage | None:
    """The latest answer with this text; None when the log does not have it (yet)."""
    return session.scalars(
        select(ChatMessage)
        .where(
            ChatMessage.sender_id == sender,
            ChatMessage.author.in_(ANSWER_AUTHORS),
            ChatMessage.text == masked_text,
        )
        .order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc())
        .limit(1)
    ).first()


def record_message_feedback(request: MessageFeedbackIn, *, session: Session) -> MessageFeedback:
    _require_conversation(request.sender, session=session)
    if request.message_id is not None:
        answer: ChatMessage | None = _answer_by_id(
            request.sender, request.message_id, session=session
        )
        masked_text = answer.text if answer else ""
    else:
        masked_text = mask_personal_data(request.text or "")
        answer = _answer_by_text(request.sender, masked_text, session=session)
    digest = text_hash(masked_text)
    same_answer = (
        MessageFeedback.message_id == answer.id if answer else MessageFeedback.text_hash == digest
    )
    feedback = session.scalars(
        select(MessageFeedback).where(MessageFeedback.sender_id == request.sender, same_answer)
    ).first()
    if feedback is None:
        feedback = MessageFeedback(
            sender_id=request.sender,
            message_id=answer.id if answer else None,
            text_hash=digest,
            helpful=request.helpful,
        )
        session.add(feedback)
    else:
        feedback.helpful = request.helpful
        feedback.created_at = utcnow()
    session.flush()
    return feedback


def record_rating(request: RatingIn, *, session: Session) -> ConversationRating:
    _require_conversation(request.sender, session=session)
    comment = mask_personal_data(request.comment).strip() if request.comment else None
    rating = session.scalars(
        select(ConversationRating).where(ConversationRating.sender_id == request.sender)
    ).first()
    if rating is None:
        rating = ConversationRating(sender_id=request.sender, rating=request.rating)
        session.add(rating)
    rating.rating = request.rating
    rating.comment = comment or None
    rating.created_at = utcnow()
    session.flush()
    return rating
