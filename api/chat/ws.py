"""WS /api/chat/{sender}/ws — the push channel of a customer's chat window.

Server → client frames (text, JSON):
- a list of messages, the same shape POST /api/chat answers with (staff replies,
  handoff status `{"custom": {"type": "handoff", ...}}`);
- `{"type": "ping"}` every PING_SECONDS, so proxies keep the connection open.
Client → server: the text `ping` is answered with `{"type": "pong"}` (a browser cannot
see protocol pings, so this is how the page notices a dead connection); anything else
is ignored — customers send messages with POST /api/chat.
"""

import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator

import anyio
from anyio import CancelScope
from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from redis.exceptions import RedisError
from starlette.websockets import WebSocketDisconnected

from api.chat.contract import SENDER_MAX_LENGTH, SENDER_PATTERN
from api.chat.push import subscribe

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

PING_SECONDS = 25.0
PING_FRAME = json.dumps({"type": "ping"})
PONG_FRAME = json.dumps({"type": "pong"})
_CLOSED = (WebSocketDisconnect, WebSocketDisconnected, OSError)


@router.websocket("/chat/{sender}/ws")
async def push_channel(websocket: WebSocket, sender: str) -> None:
    if not re.fullmatch(SENDER_PATTERN, sender) or len(sender) > SENDER_MAX_LENGTH:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION, reason="invalid sender")
        return
    cache = websocket.app.state.cache
    settings = websocket.app.state.settings
    try:
        # Subscribe before accepting, so nothing published after the handshake is missed.
        async with subscribe(cache, settings.redis_url, sender) as frames:
            await websocket.accept()
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(_forward, websocket, frames, tasks.cancel_scope)
                tasks.start_soon(_ping, websocket, tasks.cancel_scope)
                await _answer_client(websocket)
                tasks.cancel_scope.cancel()
    except (RedisError, OSError) as exc:
        log.warning("push channel for %s failed: %s", sender, exc.__class__.__name__)
        with contextlib.suppress(*_CLOSED, RuntimeError):
            await websocket.close(code=status.WS_1011_INTERNAL_ERROR)


async def _forward(websocket: WebSocket, frames: AsyncIterator[str], scope: CancelScope) -> None:
    try:
        async for frame in frames:
            await websocket.send_text(frame)
    except _CLOSED:
        pass
    except RedisError as exc:
        # Redis went away: close so the page reconnects and subscribes afresh.
        log.warning("push channel lost Redis: %s", exc.__class__.__name__)
        with contextlib.suppress(*_CLOSED, RuntimeError):
            await websocket.close(code=status.WS_1011_INTERNAL_ERROR)
    scope.cancel()


async def _ping(websocket: WebSocket, scope: CancelScope) -> None:
    try:
        while True:
            await anyio.sleep(PING_SECONDS)
            await websocket.send_text(PING_FRAME)
    except _CLOSED:
        scope.cancel()


async def _answer_client(websocket: WebSocket) -> None:
    """Returns when the customer closes the window."""
    with contextlib.suppress(*_CLOSED):
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            if (message.get("text") or "").strip().lower() == "ping":
                await websocket.send_text(PONG_FRAME)
