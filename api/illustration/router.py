"""POST /api/illustrations — a return illustration (收益测算) for one product."""

from fastapi import APIRouter

from api.deps import SessionDep
from api.illustration.schemas import Illustration, IllustrationRequest
from api.illustration.service import illustrate

router = APIRouter(prefix="/api", tags=["illustrations"])


@router.post("/illustrations", response_model=Illustration)
def create_illustration(body: IllustrationRequest, session: SessionDep) -> Illustration:
    return illustrate(body, session=session)
