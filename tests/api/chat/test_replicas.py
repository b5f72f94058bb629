"""Several Rasa replicas behind the gateway: round-robin, failover, readiness per replica."""

import json
import logging
import uuid
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.chat.service import ReplicaRotation
from api.settings import Settings

REPLICA_A = "http://rasa-a:5005"
REPLICA_B = "http://rasa-b:5005"


class FakeReplicas:
    """Stands in for several Rasa servers (and the action server's /health) by host name.

    A host listed in `down` refuses connections; one in `status` answers with that status;
    one in `slow` times out after receiving the message. Every message is recorded.
    """

    def __init__(self) -> None:
        self.down: set[str] = set()
        self.status: dict[str, int] = {}
        self.slow: set[str] = set()
        self.messages: list[tuple[str, str]] = []  # (host, text) per message received

    def __call__(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if host in self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.method == "GET":
            return httpx.Response(self.status.get(host, 200), json={"status": "ok"})
        self.messages.append((host, json.loads(request.content)["message"]))
        if host in self.slow:
            raise httpx.ReadTimeout("no answer in time", request=request)
        reply = [{"recipient_id": "x", "text": f"answered by {host}"}]
        return httpx.Response(self.status.get(host, 200), json=reply)

    def hosts(self) -> list[str]:
        return [host for host, _ in self.messages]


@pytest.fixture
def replicas(client: TestClient) -> FakeReplicas:
    fake = FakeReplicas()
    client.app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(fake))  # type: ignore[attr-defined]
    client.app.state.settings.rasa_urls = f"{REPLICA_A}, {REPLICA_B}/"  # type: ignore[attr-defined]
    return fake


def say(client: TestClient, who: str, text: str) -> list[dict[str, Any]]:
    response = client.post("/api/chat", json={"sender": who, "message": text})
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def sender() -> str:
    return f"rep-{uuid.uuid4().hex[:10]}"


def test_rasa_urls_lists_the_replicas_and_falls_back_to_rasa_url() -> None:
    several = Settings(rasa_urls=" http://a:5005/ ,http://b:5006,, ", rasa_url="http://x:1")
    assert several.rasa_replicas == ["http://a:5005", "http://b:5006"]
    assert Settings(rasa_urls="", rasa_url="http://x:1/").rasa_replicas == ["http://x:1"]


def test_rasa_urls_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_URLS", "http://r1:5005,http://r2:5005")
    assert Settings(_env_file=None).rasa_replicas == ["http://r1:5005", "http://r2:5005"]  # type: ignore[call-arg]


def test_rotation_starts_one_replica_further_on_each_time() -> None:
    rotation = ReplicaRotation()
    urls = ["a", "b", "c"]
    orders = [rotation.order(urls) for _ in range(4)]
    assert orders == [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]
    assert ReplicaRotation().order(["only"]) == ["only"]


def test_messages_take_turns_across_the_replicas(
    client: TestClient, replicas: FakeReplicas
) -> None:
    who = sender()
    answers = [say(client, who, f"message {i}")[0]["text"] for i in range(4)]
    hosts = replicas.hosts()
    assert sorted(hosts) == ["rasa-a", "rasa-a", "rasa-b", "rasa-b"]
    assert all(hosts[i] != hosts[i + 1] for i in range(3)), hosts
    assert answers == [f"answered by {host}" for host in hosts]
    assert [text for _, text in replicas.messages] == [f"message {i}" for i in range(4)]


def test_a_replica_that_refuses_hands_the_message_to_the_next(
    client: TestClient, replicas: FakeReplicas, caplog: pytest.LogCaptureFixture
) -> None:
    replicas.down.add("rasa-a")
    who = sender()
    with caplog.at_level(logging.WARNING, logger="api.chat.service"):
        answers = [say(client, who, f"message {i}")[0]["text"] for i in range(4)]
    assert answers == ["answered by rasa-b"] * 4
    assert replicas.hosts() == ["rasa-b"] * 4  # each message delivered exactly once
    refused = [r for r in caplog.records if REPLICA_A in r.getMessage()]
    assert len(refused) == 2  # the two messages whose turn it was on rasa-a
    assert "unreachable" in refused[0].getMessage()


def test_a_replica_answering_503_also_hands_over(
    client: TestClient, replicas: FakeReplicas
) -> None:
    replicas.status["rasa-b"] = 503
    who = sender()
    answers = [say(client, who, "hello")[0]["text"] for _ in range(2)]
    assert answers == ["answered by rasa-a"] * 2


def test_a_timeout_is_not_sent_again_to_another_replica(
    client: TestClient, replicas: FakeReplicas
) -> None:
    # Rasa may have processed the message before timing out: a second replica would run
    # the customer's turn twice. The customer gets the polite reply instead.
    replicas.slow.update({"rasa-a", "rasa-b"})
    reply = say(client, sender(), "hello there")
    assert reply[0]["custom"]["code"] == "assistant_unavailable"
    assert len(replicas.messages) == 1


def test_every_replica_down_gives_the_polite_reply(
    client: TestClient, replicas: FakeReplicas, caplog: pytest.LogCaptureFixture
) -> None:
    replicas.down.update({"rasa-a", "rasa-b"})
    with caplog.at_level(logging.WARNING, logger="api.chat.service"):
        reply = say(client, sender(), "hello there")
    assert reply[0]["custom"]["code"] == "assistant_unavailable"
    assert "temporarily unavailable" in reply[0]["text"]
    assert "no Rasa replica answered" in caplog.text
    assert REPLICA_A in caplog.text and REPLICA_B in caplog.text


def test_ready_reports_every_replica(client: TestClient, replicas: FakeReplicas) -> None:
    response = client.get("/api/ready")
    assert response.status_code == 200
    rasa = response.json()["checks"]["rasa"]
    assert rasa == {
        "ok": True,
        "replicas": [
            {"url": REPLICA_A, "ok": True, "status_code": 200},
            {"url": REPLICA_B, "ok": True, "status_code": 200},
        ],
    }


def test_one_replica_down_makes_ready_degraded_and_names_it(
    client: TestClient, replicas: FakeReplicas
) -> None:
    replicas.down.add("rasa-b")
    response = client.get("/api/ready")
    body = response.json()
    assert response.status_code == 503
    assert set(body["checks"]) == {"database", "redis", "rasa", "action_server"}
    assert body["checks"]["rasa"]["ok"] is False
    assert body["checks"]["rasa"]["replicas"] == [
        {"url": REPLICA_A, "ok": True, "status_code": 200},
        {"url": REPLICA_B, "ok": False, "error": "ConnectError"},
    ]
