"""For the chat page's browser tests: the API alone as a server, chromium, and bot replies.

The API-only server has no Rasa behind it (the gateway answers with its polite
"unavailable" message); tests that need bot answers of every type serve them from
samples.py by intercepting POST /api/chat in the browser (`serve_replies`).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Route

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ApiOnlyServer:
    """uvicorn with the real app on a fresh SQLite file; Rasa deliberately absent."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log: Any = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.workdir / 'app.db'}"

    def create_tables(self) -> None:
        import api.models  # noqa: F401  (registers every table)
        from api.db import Base, make_engine

        engine = make_engine(self.database_url)
        Base.metadata.create_all(engine)
        engine.dispose()

    def start(self, timeout: float = 30) -> ApiOnlyServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url,
            REDIS_URL=REDIS_URL,
            RASA_URL="http://127.0.0.1:9",  # nothing listens there
            ACTION_SERVER_URL="http://127.0.0.1:9",
            RATE_LIMIT_PER_MINUTE="100000",
        )
        self.log = open(self.workdir / "api.log", "ab")  # noqa: SIM115 (closed in stop())
        self.process = self._spawn(env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/api/health", timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"API did not start; see {self.workdir / 'api.log'}")

    def _spawn(self, env: dict[str, str]) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                [str(ROOT / ".venv/bin/uvicorn"), "api.main:app", "--port", str(self.port)],
                cwd=ROOT,
                env=env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError:
            self.log.close()
            self.log = None
            raise

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None
        if self.log:
            self.log.close()
            self.log = None


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


# ---- helpers ----


def open_chat(page: Page, path: str = "/") -> None:
    page.goto(path)
    page.click("#consent-accept")
    page.wait_for_selector("#composer-input:enabled")


def send(page: Page, text: str) -> None:
    page.fill("#composer-input", text)
    page.press("#composer-input", "Enter")


def serve_replies(
    page: Page, replies: list[dict[str, Any]], *, through_api: bool = False
) -> list[dict[str, Any]]:
    """Answer POST /api/chat with `replies`; returns the request bodies as they are sent.

    `through_api` still lets the real gateway see the message (so the conversation is
    logged and feedback can refer to it) before the canned replies are shown.
    """
    sent: list[dict[str, Any]] = []

    def answer(route: Route) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))
        if through_api:
            route.fetch()
        route.fulfill(json=replies)

    page.route("**/api/chat", answer)
    return sent


def sender_of(page: Page) -> str:
    return str(page.evaluate("localStorage.getItem('wealthchat.sender')"))
