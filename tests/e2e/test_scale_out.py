"""Two Rasa replicas behind the gateway, sharing PostgreSQL (tracker store) and Redis (lock store).

Which replica took a message is read from that replica's own access log (Sanic's, written
at LOG_LEVEL_LIBRARIES=INFO), not from the gateway that chose it.
"""

import os
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from scripts.stack import Stack

SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
ANSWER_B = '/inform{"option":"b"}'


@pytest.fixture(scope="module")
def scaled() -> Iterator[Stack]:
    name = f"bank_scale_{uuid.uuid4().hex[:8]}"
    admin_url = SERVER.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    stack = Stack(
        Path(tempfile.mkdtemp()),
        api_port=18500,
        rasa_port=15505,
        rasa_replicas=2,
        action_port=15555,
        redis_url=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        database_url=SERVER.rsplit("/", 1)[0] + f"/{name}",
        rasa_env={"LOG_LEVEL_LIBRARIES": "INFO"},  # Sanic's access log: who took what
    )
    try:
        try:
            stack.start()
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield stack
    finally:
        stack.stop()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def chat(scaled: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=scaled.base_url, timeout=90) as client:
        yield client


def say(chat: httpx.Client, sender: str, text: str) -> list[dict]:
    response = chat.post("/api/chat", json={"sender": sender, "message": text})
    assert response.status_code == 200, response.text
    reply = response.json()
    assert reply, f"no answer to {text!r}"
    assert not any((m.get("custom") or {}).get("code") == "assistant_unavailable" for m in reply)
    return reply


def question_index(reply: list[dict]) -> int:
    asked = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "questionnaire"]
    assert asked, f"no questionnaire question in {reply}"
    return int(asked[0]["index"])


def messages_taken(stack: Stack) -> list[int]:
    """How many chat messages each replica has received so far, by its own access log."""
    counts = []
    for replica in range(stack.rasa_replicas):
        lines = stack.rasa_log(replica).read_text(errors="replace").splitlines()
        counts.append(sum("POST" in line and "/webhooks/rest/webhook" in line for line in lines))
    return counts


def taken_since(stack: Stack, before: list[int], expected_total: int) -> list[int]:
    # A replica writes its access-log line just after sending the answer.
    deadline = time.monotonic() + 10
    while True:
        taken = [now - then for now, then in zip(messages_taken(stack), before, strict=True)]
        if sum(taken) >= expected_total or time.monotonic() > deadline:
            return taken
        time.sleep(0.2)


def tracker_events(rasa_url: str, sender: str) -> list[dict]:
    response = httpx.get(
        f"{rasa_url}/conversations/{sender}/tracker",
        params={"token": "dev-rasa-token"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["events"]  # type: ignore[no-any-return]


def test_the_gateway_reports_every_replica_ready(chat: httpx.Client, scaled: Stack) -> None:
    ready = chat.get("/api/ready").json()
    assert ready["status"] == "ready"
    assert ready["checks"]["database"]["backend"] == "postgresql"
    assert ready["checks"]["redis"]["backend"] == "redis"
    replicas = ready["checks"]["rasa"]["replicas"]
    assert [r["url"] for r in replicas] == scaled.rasa_urls
    assert all(r["ok"] for r in replicas)


def test_a_questionnaire_carries_on_whichever_replica_takes_each_turn(
    chat: httpx.Client, scaled: Stack
) -> None:
    sender = f"scale-quiz-{uuid.uuid4().hex[:8]}"
    before = messages_taken(scaled)
    assert "wealth assistant" in say(chat, sender, "hello there")[0]["text"]
    assert question_index(say(chat, sender, "/start_risk_assessment")) == 1
    for expected in (2, 3, 4):
        assert question_index(say(chat, sender, ANSWER_B)) == expected
    # Round-robin: five messages in a row, alternating, so three on one replica, two on the other.
    assert sorted(taken_since(scaled, before, 5)) == [2, 3]
    # Both replicas read the same conversation from the shared tracker store.
    first, second = (tracker_events(url, sender) for url in scaled.rasa_urls)
    assert first == second
    assert [e["text"] for e in first if e["event"] == "user"] == [
        "hello there",
        "/start_risk_assessment",
        ANSWER_B,
        ANSWER_B,
        ANSWER_B,
    ]


def test_two_messages_at_once_are_taken_one_after_the_other(
    chat: httpx.Client, scaled: Stack
) -> None:
    sender = f"scale-lock-{uuid.uuid4().hex[:8]}"
    say(chat, sender, "hello there")
    texts = ["what can you do?", "are you a robot?"]
    start = threading.Barrier(len(texts))
    before = messages_taken(scaled)

    def send(text: str) -> list[dict]:
        with httpx.Client(base_url=scaled.base_url, timeout=90) as own:
            start.wait()
            return say(own, sender, text)

    with ThreadPoolExecutor(len(texts)) as pool:
        replies = list(pool.map(send, texts))
    assert all(reply[0].get("text") for reply in replies)
    # Each replica took one of the two messages at the same time...
    assert taken_since(scaled, before, 2) == [1, 1]
    # ...and the Redis lock made one wait for the other's whole turn: both are in the
    # tracker, once each, and every user message arrived with the bot listening.
    events = tracker_events(scaled.rasa_url, sender)
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    assert sorted(events[i]["text"] for i in users[1:]) == sorted(texts)
    assert len(users) == 3
    for i in users:
        assert (events[i - 1]["event"], events[i - 1].get("name")) == ("action", "action_listen")
    for here, after in zip(users, [*users[1:], len(events)], strict=True):
        assert any(e["event"] == "bot" for e in events[here:after]), "a turn lost its answer"
    assert events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"


def test_when_a_replica_stops_the_other_takes_every_message(
    chat: httpx.Client, scaled: Stack
) -> None:
    # Last in this module: it stops the second replica for good.
    scaled.stop_rasa_replica(1)
    ready = chat.get("/api/ready")
    assert ready.status_code == 503
    replicas = ready.json()["checks"]["rasa"]["replicas"]
    assert [r["ok"] for r in replicas] == [True, False]

    sender = f"scale-down-{uuid.uuid4().hex[:8]}"
    before = messages_taken(scaled)
    assert "wealth assistant" in say(chat, sender, "hello there")[0]["text"]
    assert question_index(say(chat, sender, "/start_risk_assessment")) == 1
    assert question_index(say(chat, sender, ANSWER_B)) == 2
    assert question_index(say(chat, sender, ANSWER_B)) == 3
    assert taken_since(scaled, before, 4) == [4, 0]
    api_log = (scaled.workdir / "api.log").read_text(errors="replace")
    assert f"Rasa at {scaled.rasa_urls[1]} unreachable" in api_log
