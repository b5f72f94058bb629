"""The whole stack on PostgreSQL: API tables and Rasa's tracker store in one fresh database."""

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from scripts.stack import Stack

SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def postgres_stack() -> Iterator[tuple[Stack, str]]:
    name = f"bank_e2e_{uuid.uuid4().hex[:8]}"
    admin_url = SERVER.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = SERVER.rsplit("/", 1)[0] + f"/{name}"
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    stack = Stack(
        Path(tempfile.mkdtemp()),
        api_port=18400,
        rasa_port=15405,
        action_port=15455,
        redis_url=redis_url,
        database_url=url,
    )
    try:
        stack.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield stack, url
    finally:
        stack.stop()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_conversation_is_stored_in_postgresql(postgres_stack: tuple[Stack, str]) -> None:
    stack, url = postgres_stack
    assert (
        httpx.get(f"{stack.base_url}/api/ready").json()["checks"]["database"]["backend"]
        == "postgresql"
    )
    sender = f"pg-{uuid.uuid4().hex[:8]}"
    reply = httpx.post(
        f"{stack.base_url}/api/chat",
        json={"sender": sender, "message": "what is the yield of DailyPlus?"},
        timeout=60,
    ).json()
    assert "DailyPlus" in reply[0]["text"]
    with psycopg.connect(url) as connection:
        events = connection.execute(
            "SELECT count(*) FROM events WHERE sender_id = %s", (sender,)
        ).fetchone()[0]
        logged = connection.execute(
            "SELECT count(*) FROM chat_messages WHERE sender_id = %s", (sender,)
        ).fetchone()[0]
        reviews = connection.execute(
            "SELECT count(*) FROM compliance_reviews WHERE conversation_id = %s", (sender,)
        ).fetchone()[0]
    assert events > 0, "Rasa's tracker store is not in PostgreSQL"
    assert logged == 2
    assert reviews >= 1
