"""The one HTTP client the actions use to reach the API (timeouts, typed errors)."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

API_URL = os.environ.get("API_URL", "http://127.0.0.1:8000").rstrip("/")
TIMEOUT = aiohttp.ClientTimeout(total=float(os.environ.get("API_TIMEOUT_SECONDS", "8")))


class ApiUnavailable(Exception):
    """The API could not be reached or answered with a server error."""


class ApiError(Exception):
    """The API refused the request (4xx); `status` and `detail` say why."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


_sessions: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}


def _session() -> aiohttp.ClientSession:
    """One pooled session per event loop (keep-alive to the API instead of a new
    connection for every call); the action server runs a single loop."""
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        session = _sessions[loop] = aiohttp.ClientSession(timeout=TIMEOUT)
    return session


async def request(
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json: dict[str, Any] | None = None,
) -> Any:
    url = f"{API_URL}{path}"
    clean_params = {k: v for k, v in (params or {}).items() if v is not None}
    try:
        async with _session().request(method, url, params=clean_params, json=json) as response:
            body = await response.json(content_type=None)
            if response.status >= 500:
                raise ApiUnavailable(f"{method} {path} answered {response.status}")
            if response.status >= 400:
                raise ApiError(response.status, (body or {}).get("detail"))
            return body
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        log.warning("API call %s %s failed: %s", method, path, exc.__class__.__name__)
        raise ApiUnavailable(str(exc)) from exc


async def get(path: str, **params: Any) -> Any:
    return await request("GET", path, params=params)


async def post(path: str, payload: dict[str, Any]) -> Any:
    return await request("POST", path, json=payload)
