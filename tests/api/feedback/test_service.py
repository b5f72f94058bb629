import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.chat.models import Conversation
from api.errors import NotFound
from api.feedback import service
from api.feedback.models import ConversationRating, MessageFeedback
from api.feedback.schemas import MessageFeedbackIn, RatingIn
from tests.api.feedback.conftest import ANSWER, MakeConversation


def _count(session: Session, model: type, sender: str) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.sender_id == sender))


def test_feedback_by_text_is_linked_to_the_logged_answer(
    db_session: Session, make_conversation: MakeConversation
) -> None:
    sender, ids = make_conversation()
    request = MessageFeedbackIn(sender=sender, text=ANSWER, helpful=True)
    feedback = service.record_message_feedback(request, session=db_session)
    assert feedback.message_id == ids[1]
    assert feedback.helpful is True
    assert feedback.text_hash == service.text_hash(ANSWER)


def test_feedback_by_unlogged_text_keeps_only_a_hash_of_the_masked_text(
    db_session: Session, make_conversation: MakeConversation
) -> None:
    sender, _ = make_conversation()
    request = MessageFeedbackIn(sender=sender, text="call 13812345678 now", helpful=False)
    feedback = service.record_message_feedback(request, session=db_session)
    assert feedback.message_id is None
    assert feedback.text_hash == service.text_hash("call [PHONE] now")


def test_feedback_again_on_the_same_answer_replaces_the_choice(
    db_session: Session, make_conversation: MakeConversation
) -> None:
    sender, ids = make_conversation()
    service.record_message_feedback(
        MessageFeedbackIn(sender=sender, message_id=ids[1], helpful=True), session=db_session
    )
    again = service.record_message_feedback(
        MessageFeedbackIn(sender=sender, text=ANSWER, helpful=False), session=db_session
    )
    assert again.helpful is False
    assert _count(db_session, MessageFeedback, sender) == 1
    service.record_message_feedback(
        MessageFeedbackIn(sender=sender, message_id=ids[2], helpful=True), session=db_session
    )
    assert _count(db_session, MessageFeedback, sender) == 2


@pytest.mark.parametrize("index", [0, None])
def test_feedback_on_a_customer_message_or_a_foreign_id_is_refused(
    db_session: Session, make_conversation: MakeConversation, index: int | None
) -> None:
    sender, ids = make_conversation()
    _, other_ids = make_conversation()
    message_id = ids[0] if index == 0 else other_ids[1]  # own question / someone else's answer
    with pytest.raises(NotFound):
        service.record_message_feedback(
            MessageFeedbackIn(sender=sender, message_id=message_id, helpful=True),
            session=db_session,
        )


def test_feedback_for_an_unknown_sender_is_refused(db_session: Session) -> None:
    with pytest.raises(NotFound):
        service.record_message_feedback(
            MessageFeedbackIn(sender="never-seen", text="hi", helpful=True), session=db_session
        )


def test_rating_comment_is_masked_and_rating_again_replaces_it(
    db_session: Session, make_conversation: MakeConversation
) -> None:
    sender, _ = make_conversation()
    first = service.record_rating(
        RatingIn(sender=sender, rating=2, comment="回电 13812345678 或 a.b@example.com"),
        session=db_session,
    )
    assert first.comment == "回电 [PHONE] 或 [EMAIL]"
    second = service.record_rating(RatingIn(sender=sender, rating=5), session=db_session)
    assert (second.id, second.rating, second.comment) == (first.id, 5, None)
    assert _count(db_session, ConversationRating, sender) == 1


def test_deleting_the_conversation_deletes_its_feedback(
    db_session: Session, make_conversation: MakeConversation
) -> None:
    sender, ids = make_conversation()
    service.record_message_feedback(
        MessageFeedbackIn(sender=sender, message_id=ids[1], helpful=True), session=db_session
    )
    service.record_rating(RatingIn(sender=sender, rating=4), session=db_session)
    db_session.delete(db_session.get(Conversation, sender))
    db_session.flush()
    db_session.expunge_all()
    assert _count(db_session, MessageFeedback, sender) == 0
    assert _count(db_session, ConversationRating, sender) == 0
