"""The chat gateway: validation, masking before Rasa, Rasa down, split messages rejoined."""

import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.chat.models import ChatMessage


class FakeRasa:
    """Stands in for Rasa's REST webhook in these unit tests; records what it was sent."""

    def __init__(self, reply: list[dict[str, Any]] | None = None, status: int = 200) -> None:
        self.received: list[dict[str, Any]] = []
        self.reply = reply if reply is not None else [{"recipient_id": "x", "text": "你好"}]
        self.status = status

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(json.loads(request.content))
        return httpx.Response(self.status, json=self.reply)


def use_rasa(client: TestClient, fake: FakeRasa) -> None:
    client.app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(fake))  # type: ignore[attr-defined]


def sender() -> str:
    return f"gw-{uuid.uuid4().hex[:10]}"


def test_message_is_masked_before_rasa_and_in_the_log(client: TestClient) -> None:
    fake = FakeRasa()
    use_rasa(client, fake)
    who = sender()
    response = client.post(
        "/api/chat",
        json={"sender": who, "message": "我的手机13812345678，身份证110101199003071234"},
    )
    assert response.status_code == 200
    assert fake.received[0]["message"] == "我的手机[PHONE]，身份证[ID]"
    assert fake.received[0]["metadata"]["language"] == "zh"
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        texts = session.scalars(select(ChatMessage.text).where(ChatMessage.sender_id == who)).all()
    assert "13812345678" not in " ".join(texts)
    assert "我的手机[PHONE]，身份证[ID]" in texts


def test_reply_shape_and_rejoined_custom(client: TestClient) -> None:
    use_rasa(
        client,
        FakeRasa(
            [
                {"recipient_id": "x", "text": "Here", "buttons": [{"title": "A", "payload": "/a"}]},
                {"recipient_id": "x", "custom": {"type": "product_cards", "products": []}},
            ]
        ),
    )
    response = client.post(
        "/api/chat", json={"sender": sender(), "message": "hello", "metadata": {"channel": "app"}}
    )
    assert response.json() == [
        {
            "text": "Here",
            "buttons": [{"title": "A", "payload": "/a"}],
            "custom": {"type": "product_cards", "products": []},
        }
    ]


def test_english_is_detected_and_passed_on(client: TestClient) -> None:
    fake = FakeRasa()
    use_rasa(client, fake)
    client.post(
        "/api/chat",
        json={
            "sender": sender(),
            "message": "what funds do you have",
            "metadata": {"campaign": "spring"},
        },
    )
    assert fake.received[0]["metadata"] == {"language": "en", "campaign": "spring"}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"sender": "a", "message": ""}, 422),
        ({"sender": "a", "message": "   "}, 422),
        ({"sender": "a"}, 422),
        ({"message": "hi"}, 422),
        ({"sender": 5, "message": "hi"}, 422),
        ({"sender": "a", "message": ["hi"]}, 422),
        ({"sender": "a b<script>", "message": "hi"}, 422),
        ({"sender": "a", "message": "hi", "metadata": {"language": "fr"}}, 422),
        ({"sender": "a", "message": "x" * 1001}, 422),
    ],
)
def test_bad_input_gets_a_clear_4xx(client: TestClient, body: dict[str, Any], status: int) -> None:
    response = client.post("/api/chat", json=body)
    assert response.status_code == status
    assert "detail" in response.json()


def test_non_json_body_is_rejected(client: TestClient) -> None:
    response = client.post(
        "/api/chat", content=b"not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "detail" in response.json()


def test_rasa_down_gives_a_polite_reply_in_the_customers_language(client: TestClient) -> None:
    # The settings fixture points Rasa at a closed port.
    reply = client.post("/api/chat", json={"sender": sender(), "message": "hello there"})
    assert reply.status_code == 200
    assert reply.json()[0]["custom"]["code"] == "assistant_unavailable"
    assert "temporarily unavailable" in reply.json()[0]["text"]
    assert client.get("/api/health").json() == {"status": "ok"}


def test_rasa_error_status_is_also_polite(client: TestClient) -> None:
    use_rasa(client, FakeRasa(status=500))
    reply = client.post("/api/chat", json={"sender": sender(), "message": "你好"})
    assert reply.status_code == 200
    assert "暂时无法响应" in reply.json()[0]["text"]


def test_rate_limit_answers_429(client: TestClient) -> None:
    use_rasa(client, FakeRasa())
    client.app.state.settings.rate_limit_per_minute = 3  # type: ignore[attr-defined]
    who = sender()
    codes = [
        client.post("/api/chat", json={"sender": who, "message": "hi"}).status_code
        for _ in range(5)
    ]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_ready_reports_each_dependency(client: TestClient) -> None:
    response = client.get("/api/ready")
    body = response.json()
    assert set(body["checks"]) == {"database", "redis", "rasa", "action_server"}
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["redis"] == {"ok": True, "backend": "redis"}
    assert body["checks"]["rasa"]["ok"] is False
    assert response.status_code == 503


def test_gateway_blocks_a_forbidden_claim_whatever_its_source(client: TestClient) -> None:
    use_rasa(
        client,
        FakeRasa(
            [
                {
                    "recipient_id": "x",
                    "text": "这款理财保本保收益，稳赚不赔！",
                    "buttons": [{"title": "买", "payload": "/buy"}],
                },
                {
                    "recipient_id": "x",
                    "custom": {
                        "type": "product_cards",
                        "products": [{"code": "WMFI01"}],
                        "product_codes": ["WMFI01"],
                    },
                },
            ]
        ),
    )
    reply = client.post("/api/chat", json={"sender": sender(), "message": "这个产品怎么样"}).json()
    assert len(reply) == 1
    assert "保本" not in reply[0]["text"] and "稳赚" not in reply[0]["text"]
    assert "buttons" not in reply[0]
    assert reply[0]["custom"]["type"] == "blocked"
    assert "guaranteed_principal" in reply[0]["custom"]["rules"]


def test_gateway_adds_missing_disclosures_to_figures(client: TestClient) -> None:
    use_rasa(
        client, FakeRasa([{"recipient_id": "x", "text": "DailyPlus: 7-day annualised yield 1.36%"}])
    )
    reply = client.post(
        "/api/chat", json={"sender": sender(), "message": "yield of DailyPlus?"}
    ).json()
    assert "Past performance does not indicate future results." in reply[0]["text"]
    assert "Past performance does not indicate future results." in reply[0]["custom"]["disclosures"]


def test_plain_replies_pass_unchanged(client: TestClient) -> None:
    use_rasa(client, FakeRasa([{"recipient_id": "x", "text": "Hello! How can I help?"}]))
    reply = client.post("/api/chat", json={"sender": sender(), "message": "hi"}).json()
    assert reply == [{"text": "Hello! How can I help?"}]


def test_the_text_language_wins_and_neutral_text_keeps_the_conversation_language(
    client: TestClient,
) -> None:
    fake = FakeRasa()
    use_rasa(client, fake)
    who = sender()
    client.post(
        "/api/chat",
        json={"sender": who, "message": "show me funds", "metadata": {"language": "zh"}},
    )
    client.post("/api/chat", json={"sender": who, "message": "50000"})
    client.post(
        "/api/chat",
        json={"sender": who, "message": '/inform{"option":"b"}', "metadata": {"language": "zh"}},
    )
    assert [r["metadata"]["language"] for r in fake.received] == ["en", "en", "zh"]
