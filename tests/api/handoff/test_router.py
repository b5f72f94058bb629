import uuid

from fastapi.testclient import TestClient


def new_sender() -> str:
    return f"t-{uuid.uuid4().hex[:12]}"


def test_request_records_reason_and_queue_position(client: TestClient) -> None:
    first, second = new_sender(), new_sender()
    a = client.post(
        "/api/handoffs", json={"sender": first, "reason": "complaint", "language": "en"}
    )
    b = client.post("/api/handoffs", json={"sender": second, "reason": "customer_request"})
    assert a.status_code == 201 and b.status_code == 201
    assert a.json()["reason"] == "complaint"
    assert a.json()["status"] == "queued"
    assert b.json()["position"] > a.json()["position"]
    assert b.json()["expected_wait_minutes"] >= b.json()["position"]


def test_asking_twice_returns_the_open_request(client: TestClient) -> None:
    sender = new_sender()
    a = client.post("/api/handoffs", json={"sender": sender, "reason": "customer_request"}).json()
    b = client.post("/api/handoffs", json={"sender": sender, "reason": "complaint"}).json()
    assert a["id"] == b["id"]


def test_cancel_then_cancel_again_conflicts(client: TestClient) -> None:
    handoff = client.post(
        "/api/handoffs", json={"sender": new_sender(), "reason": "customer_request"}
    ).json()
    cancelled = client.post(f"/api/handoffs/{handoff['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["position"] is None
    again = client.post(f"/api/handoffs/{handoff['id']}/cancel")
    assert again.status_code == 409
    assert "already cancelled" in again.json()["detail"]


def test_bad_requests_are_clear_json(client: TestClient) -> None:
    assert client.post("/api/handoffs", json={"sender": "x", "reason": "bored"}).status_code == 422
    assert client.get("/api/handoffs/999999").status_code == 404
    assert client.get("/api/handoffs/999999").json()["detail"] == "no handoff 999999"
