"""Through the real gateway, Rasa and action server: the foundation's conversations."""

import uuid

import httpx

from scripts.stack import Stack


def say(chat: httpx.Client, sender: str, text: str, **metadata: str) -> list[dict]:
    response = chat.post(
        "/api/chat", json={"sender": sender, "message": text, "metadata": metadata or None}
    )
    assert response.status_code == 200, response.text
    return response.json()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_all_services_report_ready(chat: httpx.Client) -> None:
    ready = chat.get("/api/ready").json()
    assert ready["status"] == "ready"
    assert ready["checks"]["redis"]["backend"] == "redis"


def test_greeting_in_chinese(chat: httpx.Client) -> None:
    reply = say(chat, f"e2e-zh-{uuid.uuid4().hex[:8]}", "你好")
    assert "理财智能助手" in texts(reply)
    assert any(b["payload"] == "/start_risk_assessment" for b in reply[0]["buttons"])


def test_greeting_in_english(chat: httpx.Client) -> None:
    reply = say(chat, f"e2e-en-{uuid.uuid4().hex[:8]}", "hello there")
    assert "wealth assistant" in texts(reply)
    assert reply[0]["buttons"][0]["title"] == "Browse products"


def test_short_conversation_in_both_languages(chat: httpx.Client) -> None:
    sender = f"e2e-both-{uuid.uuid4().hex[:8]}"
    assert "I can" in texts(say(chat, sender, "what can you do?"))
    assert "服务范围" in texts(say(chat, sender, "今天天气怎么样"))
    assert "Thank you for chatting" in texts(say(chat, sender, "bye"))


def test_personal_data_never_reaches_rasa(chat: httpx.Client, stack: Stack) -> None:
    sender = f"e2e-mask-{uuid.uuid4().hex[:8]}"
    say(chat, sender, "我的电话是13812345678")
    tracker = httpx.get(
        f"{stack.rasa_url}/conversations/{sender}/tracker",
        params={"token": "dev-rasa-token"},
        timeout=10,
    ).json()
    user_texts = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert user_texts == ["我的电话是[PHONE]"]


def test_action_server_reaches_the_api(chat: httpx.Client) -> None:
    reply = say(chat, f"e2e-act-{uuid.uuid4().hex[:8]}", "I'd like to talk to a person")
    assert any((m.get("custom") or {}).get("type") == "handoff" for m in reply)
