"""GET /api/chat/{sender}/history — the masked transcript, so a reloaded window continues.

Only what the log stores is returned: text masked at write time, and the buttons and
custom payload a bot message carried. The random sender id is the customer's only key.
"""

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.chat.contract import SenderPath, error_responses
from api.chat.masking import mask_personal_data
from api.chat.models import ChatMessage
from api.chat.schemas import BotMessage
from api.deps import SessionDep

router = APIRouter(prefix="/api", tags=["chat"])


class HistoryMessage(BotMessage):
    id: int
    author: Literal["user", "bot", "staff", "system"] = Field(
        description="who wrote it; a user message that starts with '/' was a button payload"
    )
    created_at: datetime


def _extras(payload: str | None) -> dict[str, Any]:
    if not payload:
        return {}
    try:
        extras = json.loads(payload)
    except ValueError:
        return {}
    return extras if isinstance(extras, dict) else {}


def conversation_history(sender: str, limit: int, *, session: Session) -> list[HistoryMessage]:
    """The latest `limit` messages of `sender`, oldest first."""
    rows = session.scalars(
        select(ChatMessage)
        .where(ChatMessage.sender_id == sender)
        .order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc())
        .limit(limit)
    ).all()
    history = []
    for row in reversed(rows):
        extras = _extras(row.payload) if row.author != "user" else {}
        history.append(
            HistoryMessage.model_validate(
                {
                    **extras,
                    "id": row.id,
                    "author": row.author,
                    # Stored masked; masked again in case an older row predates a rule.
                    "text": mask_personal_data(row.text),
                    "created_at": row.created_at,
                }
            )
        )
    return history


@router.get(
    "/chat/{sender}/history",
    response_model=list[HistoryMessage],
    response_model_exclude_none=True,
    summary="The conversation so far (masked)",
    responses={
        **error_responses(e422="bad sender id or limit"),
        200: {
            "content": {
                "application/json": {
                    "example": [
                        {
                            "id": 1,
                            "author": "user",
                            "text": "我的电话是[PHONE]，有哪些低风险产品？",
                            "created_at": "2025-01-01T08:00:00",
                        },
                        {
                            "id": 2,
                            "author": "bot",
                            "text": "为您找到以下低风险产品……",
                            "buttons": [{"title": "转人工", "payload": "/request_human"}],
                            "created_at": "2025-01-01T08:00:01",
                        },
                    ]
                }
            }
        },
    },
)
def history(
    sender: SenderPath,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[HistoryMessage]:
    """Messages of this conversation, oldest first; `[]` for a sender never seen.

    Live messages arrive on the WebSocket `WS /api/chat/{sender}/ws` (frames are lists in
    the POST /api/chat reply shape, plus `{"type": "ping"}` keep-alives).
    """
    return conversation_history(sender, limit, session=session)
