import json
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.chat.models import ChatMessage, Conversation
from api.db import make_sessionmaker, unit_of_work


def _store_conversation(engine: Engine) -> str:
    sender = f"hist-{uuid.uuid4().hex[:10]}"
    buttons = [{"title": "转人工", "payload": "/request_human"}]
    with unit_of_work(make_sessionmaker(engine)) as session:
        session.add(Conversation(sender_id=sender))
        session.flush()
        session.add_all(
            [
                ChatMessage(sender_id=sender, author="user", text="我的电话 [PHONE]"),
                ChatMessage(
                    sender_id=sender,
                    author="bot",
                    text="请问还有什么可以帮您？",
                    payload=json.dumps({"buttons": buttons, "custom": {"type": "x"}}),
                ),
                ChatMessage(sender_id=sender, author="user", text="/request_human"),
                # A row written before a masking rule existed is still not shown raw.
                ChatMessage(sender_id=sender, author="staff", text="call 13812345678"),
            ]
        )
    return sender


def test_history_returns_the_masked_conversation_oldest_first(
    client: TestClient, engine: Engine
) -> None:
    sender = _store_conversation(engine)
    response = client.get(f"/api/chat/{sender}/history")
    assert response.status_code == 200
    history = response.json()
    assert [m["author"] for m in history] == ["user", "bot", "user", "staff"]
    assert history[0]["text"] == "我的电话 [PHONE]"
    assert history[1]["buttons"] == [{"title": "转人工", "payload": "/request_human"}]
    assert history[1]["custom"] == {"type": "x"}
    assert "buttons" not in history[2]
    assert history[3]["text"] == "call [PHONE]"
    assert all(isinstance(m["id"], int) and m["created_at"] for m in history)


def test_history_limit_keeps_the_latest(client: TestClient, engine: Engine) -> None:
    sender = _store_conversation(engine)
    history = client.get(f"/api/chat/{sender}/history", params={"limit": 2}).json()
    assert [m["author"] for m in history] == ["user", "staff"]


def test_history_of_an_unknown_sender_is_empty(client: TestClient) -> None:
    assert client.get("/api/chat/never-seen-before/history").json() == []


def test_history_refuses_a_bad_sender_or_limit(client: TestClient) -> None:
    assert client.get("/api/chat/bad sender/history").status_code == 422
    assert client.get("/api/chat/abc/history", params={"limit": 0}).status_code == 422
