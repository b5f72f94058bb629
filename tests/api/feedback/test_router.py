from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.feedback.conftest import ANSWER, MakeConversation


def test_message_feedback_is_created(
    client: TestClient, make_conversation: MakeConversation
) -> None:
    sender, ids = make_conversation()
    response = client.post(
        "/api/feedback/message", json={"sender": sender, "text": ANSWER, "helpful": False}
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["sender"], body["message_id"], body["helpful"]) == (sender, ids[1], False)


def test_rating_is_created_with_a_masked_comment(
    client: TestClient, make_conversation: MakeConversation
) -> None:
    sender, _ = make_conversation()
    response = client.post(
        "/api/feedback/rating",
        json={"sender": sender, "rating": 4, "comment": "卡号 6222021234567890 别记录"},
    )
    assert response.status_code == 201
    assert response.json()["rating"] == 4
    assert response.json()["comment"] == "卡号 [CARD] 别记录"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/feedback/message", {"sender": "s1", "helpful": True}),  # names no message
        ("/api/feedback/message", {"sender": "s1", "text": "  ", "helpful": True}),
        ("/api/feedback/message", {"sender": "s1", "text": "x", "helpful": "yes"}),
        ("/api/feedback/message", {"sender": "s 1", "text": "x", "helpful": True}),
        ("/api/feedback/message", {"sender": "s1", "message_id": 0, "helpful": True}),
        ("/api/feedback/rating", {"sender": "s1", "rating": 0}),
        ("/api/feedback/rating", {"sender": "s1", "rating": 6}),
        ("/api/feedback/rating", {"sender": "s1", "rating": 4.5}),
        ("/api/feedback/rating", {"sender": "s1", "rating": 3, "comment": "x" * 1001}),
        ("/api/feedback/rating", {"sender": "s1", "rating": 3, "extra": 1}),
    ],
)
def test_bad_input_is_422_json(client: TestClient, path: str, body: dict[str, Any]) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_unknown_sender_is_404_json(client: TestClient) -> None:
    response = client.post("/api/feedback/rating", json={"sender": "nobody-here", "rating": 3})
    assert response.status_code == 404
    assert "nobody-here" in response.json()["detail"]
