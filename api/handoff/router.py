"""POST /api/handoffs (from the actions), GET and cancel (from the customer's page)."""

from fastapi import APIRouter, status

from api.deps import SessionDep
from api.handoff import service
from api.handoff.schemas import HandoffCreate, HandoffOut

router = APIRouter(prefix="/api/handoffs", tags=["handoff"])


@router.post("", response_model=HandoffOut, status_code=status.HTTP_201_CREATED)
def create(body: HandoffCreate, session: SessionDep) -> HandoffOut:
    handoff = service.request_handoff(body, session=session)
    return service.describe(handoff, session=session)


@router.get("/{handoff_id}", response_model=HandoffOut)
def read(handoff_id: int, session: SessionDep) -> HandoffOut:
    return service.describe(service.get_handoff(handoff_id, session=session), session=session)


@router.post("/{handoff_id}/cancel", response_model=HandoffOut)
def cancel(handoff_id: int, session: SessionDep) -> HandoffOut:
    return service.describe(service.cancel_handoff(handoff_id, session=session), session=session)
