from sqlalchemy.orm import Session

from api.handoff.schemas import HandoffCreate
from api.handoff.service import describe, request_handoff


def test_personal_data_in_the_last_message_is_masked(db_session: Session) -> None:
    handoff = request_handoff(
        HandoffCreate(
            sender="svc-mask", reason="customer_request", last_message="call 13812345678"
        ),
        session=db_session,
    )
    assert handoff.last_message == "call [PHONE]"


def test_expected_wait_grows_with_the_queue(db_session: Session) -> None:
    first = request_handoff(HandoffCreate(sender="svc-q1", reason="complaint"), session=db_session)
    second = request_handoff(HandoffCreate(sender="svc-q2", reason="complaint"), session=db_session)
    a, b = describe(first, session=db_session), describe(second, session=db_session)
    assert b.position == a.position + 1
    assert b.expected_wait_minutes > a.expected_wait_minutes
