"""The push channel end to end: publish_to_customer → WS /api/chat/{sender}/ws."""

import json
import uuid
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.testclient import WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from api.cache import MemoryCache, RedisCache
from api.chat import ws
from api.chat.push import publish_to_customer
from api.chat.schemas import BotMessage
from api.main import create_app
from api.settings import Settings

STAFF_REPLY = BotMessage(text="您好，我是客服小王，请问有什么可以帮您？")
QUEUED = {"custom": {"type": "handoff", "status": "queued", "position": 2}}


def receive_within(socket: WebSocketTestSession, seconds: float = 3.0) -> Any:
    """The next frame as JSON; fails instead of hanging when none comes."""

    async def receive() -> Any:
        with anyio.fail_after(seconds):
            return await socket._send_rx.receive()  # the test session has no timeout of its own

    message = socket.portal.call(receive)
    assert message["type"] == "websocket.send", message
    return json.loads(message["text"])


def new_sender() -> str:
    return f"push-{uuid.uuid4().hex[:10]}"


def test_published_messages_reach_the_open_window_through_redis(client: TestClient) -> None:
    cache = client.app.state.cache
    assert isinstance(cache, RedisCache)
    sender = new_sender()
    with client.websocket_connect(f"/api/chat/{sender}/ws") as socket:
        publish_to_customer(cache, sender, [STAFF_REPLY, QUEUED])
        assert receive_within(socket) == [
            {"text": STAFF_REPLY.text},
            {"custom": {"type": "handoff", "status": "queued", "position": 2}},
        ]


def test_a_window_receives_only_its_own_messages(client: TestClient) -> None:
    cache = client.app.state.cache
    sender, other = new_sender(), new_sender()
    with client.websocket_connect(f"/api/chat/{sender}/ws") as socket:
        publish_to_customer(cache, other, [BotMessage(text="not for you")])
        publish_to_customer(cache, sender, [BotMessage(text="for you")])
        assert receive_within(socket) == [{"text": "for you"}]


def test_the_server_pings_and_answers_pings(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ws, "PING_SECONDS", 0.05)
    with client.websocket_connect(f"/api/chat/{new_sender()}/ws") as socket:
        assert receive_within(socket) == {"type": "ping"}
        socket.send_text("ping")
        frames = [receive_within(socket) for _ in range(3)]
        assert {"type": "pong"} in frames


def test_an_invalid_sender_is_refused(client: TestClient) -> None:
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect("/api/chat/bad%20sender/ws"),
    ):
        pass
    assert refused.value.code == 1008


@pytest.fixture
def client_without_redis(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"redis_url": ""}))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_without_redis_messages_fan_out_in_process(client_without_redis: TestClient) -> None:
    cache = client_without_redis.app.state.cache
    assert isinstance(cache, MemoryCache)
    sender = new_sender()
    with client_without_redis.websocket_connect(f"/api/chat/{sender}/ws") as socket:
        publish_to_customer(cache, sender, [STAFF_REPLY])
        assert receive_within(socket) == [{"text": STAFF_REPLY.text}]
    # Closing the window unregisters it, so nothing accumulates for gone customers.
    for _ in range(50):
        if not cache.subscribers:
            break
        anyio.run(anyio.sleep, 0.02)
    assert cache.subscribers == {}
