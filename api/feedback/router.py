"""POST /api/feedback/message (👍/👎 on an answer) and POST /api/feedback/rating (end of chat)."""

from fastapi import APIRouter, status

from api.chat.contract import error_responses
from api.deps import CacheDep, SessionDep, SettingsDep
from api.feedback import service
from api.feedback.schemas import MessageFeedbackIn, MessageFeedbackOut, RatingIn, RatingOut
from api.ratelimit import enforce_rate_limit

router = APIRouter(prefix="/api/feedback", tags=["feedback"])

ERRORS = error_responses(
    e404="no conversation for this sender, or no such answer in it",
    e422="bad input",
    e429="too many requests from this sender; wait a minute",
)


@router.post(
    "/message",
    status_code=status.HTTP_201_CREATED,
    response_model=MessageFeedbackOut,
    responses=ERRORS,
    summary="Helpful / not helpful on one answer",
)
def message_feedback(
    body: MessageFeedbackIn, session: SessionDep, cache: CacheDep, settings: SettingsDep
) -> MessageFeedbackOut:
    """Name the answer by `message_id` (from the history) or by its `text` (as received).
    Sending again for the same answer replaces the earlier choice."""
    enforce_rate_limit(cache, "feedback", body.sender, settings.rate_limit_per_minute)
    feedback = service.record_message_feedback(body, session=session)
    return MessageFeedbackOut(
        id=feedback.id,
        sender=feedback.sender_id,
        message_id=feedback.message_id,
        helpful=feedback.helpful,
        created_at=feedback.created_at,
    )


@router.post(
    "/rating",
    status_code=status.HTTP_201_CREATED,
    response_model=RatingOut,
    responses=ERRORS,
    summary="End-of-chat rating 1–5 with an optional comment",
)
def rating(
    body: RatingIn, session: SessionDep, cache: CacheDep, settings: SettingsDep
) -> RatingOut:
    """The comment is masked (phone, ID, card, e-mail) before it is stored. Rating the same
    conversation again replaces the earlier rating."""
    enforce_rate_limit(cache, "feedback", body.sender, settings.rate_limit_per_minute)
    stored = service.record_rating(body, session=session)
    return RatingOut(
        id=stored.id,
        sender=stored.sender_id,
        rating=stored.rating,
        comment=stored.comment,
        created_at=stored.created_at,
    )
