"""Creating, reading and cancelling handoff requests; queue position and expected wait."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.chat.masking import mask_personal_data
from api.db import utcnow
from api.errors import Conflict, NotFound
from api.handoff.models import Handoff
from api.handoff.schemas import HandoffCreate, HandoffOut

# Average minutes a person needs per waiting conversation (drives the shown estimate).
MINUTES_PER_CONVERSATION = 4
OPEN = ("queued", "active")


def queue_position(handoff: Handoff, *, session: Session) -> int | None:
    if handoff.status != "queued":
        return None
    ahead = session.scalar(
        select(func.count())
        .select_from(Handoff)
        .where(Handoff.status == "queued", Handoff.created_at <= handoff.created_at)
        .where(Handoff.id <= handoff.id)
    )
    return int(ahead or 1)


def describe(handoff: Handoff, *, session: Session) -> HandoffOut:
    out = HandoffOut.model_validate(handoff)
    out.position = queue_position(handoff, session=session)
    if out.position is not None:
        out.expected_wait_minutes = out.position * MINUTES_PER_CONVERSATION
    return out


def request_handoff(data: HandoffCreate, *, session: Session) -> Handoff:
    """One open handoff per conversation: asking again returns the open one."""
    existing = session.scalar(
        select(Handoff).where(Handoff.sender_id == data.sender, Handoff.status.in_(OPEN))
    )
    if existing is not None:
        return existing
    handoff = Handoff(
        sender_id=data.sender,
        reason=data.reason,
        language=data.language,
        investor_level=data.investor_level,
        age=data.age,
        amount=data.amount,
        product_code=data.product_code,
        last_message=mask_personal_data(data.last_message) if data.last_message else None,
    )
    session.add(handoff)
    session.flush()
    return handoff


def get_handoff(handoff_id: int, *, session: Session) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise NotFound(f"no handoff {handoff_id}")
    return handoff


def cancel_handoff(handoff_id: int, *, session: Session) -> Handoff:
    handoff = get_handoff(handoff_id, session=session)
    if handoff.status not in OPEN:
        raise Conflict(f"handoff {handoff_id} is already {handoff.status}")
    handoff.status = "cancelled"
    handoff.closed_at = utcnow()
    return handoff
