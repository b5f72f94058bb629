"""Tracker fixtures and a fake API for action unit tests (the real API is tested in tests/api)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker

from actions import client

Handler = Callable[[dict[str, Any] | None, dict[str, Any] | None], Any]


def make_tracker(
    text: str = "",
    *,
    intent: str = "greet",
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    sender: str = "tester",
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities or [],
    }
    return Tracker(
        sender_id=sender,
        slots={"language": "zh", **(slots or {})},
        latest_message=latest,
        events=events or [{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


class FakeApi:
    """Routes (method, path) to handlers; records every call the actions make."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.calls: list[tuple[str, str, dict[str, Any] | None, dict[str, Any] | None]] = []
        self.down = False

    def on(self, method: str, path: str, handler: Handler | Any) -> None:
        self.routes[(method, path)] = (
            handler if callable(handler) else (lambda _p, _j, v=handler: v)
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        self.calls.append((method, path, params, json))
        if self.down:
            raise client.ApiUnavailable("down")
        handler = self.routes.get((method, path))
        if handler is None:
            raise client.ApiError(404, f"no route {method} {path}")
        return handler(params, json)

    def posted(self, path: str) -> list[dict[str, Any]]:
        return [j or {} for m, p, _, j in self.calls if m == "POST" and p == path]


def approve(_params: Any, body: dict[str, Any]) -> dict[str, Any]:
    """The review as the real API answers an acceptable text: disclosures appended."""
    return {
        "approved": True,
        "violations": [],
        "text": body["text"] + "\n理财非存款、产品有风险、投资须谨慎。",
        "disclosures": ["理财非存款、产品有风险、投资须谨慎。"],
        "rule_version": "test",
    }


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> FakeApi:
    fake = FakeApi()
    fake.on("POST", "/api/compliance/review", approve)
    monkeypatch.setattr(client, "request", fake.request)
    return fake
