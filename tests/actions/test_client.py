"""The actions' one HTTP client, against a real local HTTP server."""

import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from actions import client


async def with_server(check) -> None:  # type: ignore[no-untyped-def]
    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"q": request.query.get("q"), "n": request.query.get("n")})

    async def refused(_: web.Request) -> web.Response:
        return web.json_response({"detail": "below the minimum"}, status=422)

    async def broken(_: web.Request) -> web.Response:
        return web.Response(status=500, text="boom")

    app = web.Application()
    app.router.add_get("/ok", ok)
    app.router.add_post("/refused", refused)
    app.router.add_get("/broken", broken)
    async with TestServer(app) as server:
        await check(f"http://127.0.0.1:{server.port}")
    session = client._sessions.pop(asyncio.get_running_loop(), None)
    if session is not None:
        await session.close()


def run(check) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(with_server(check))


def test_answers_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    async def check(base: str) -> None:
        monkeypatch.setattr(client, "API_URL", base)
        assert await client.get("/ok", q="日日盈", n=None) == {"q": "日日盈", "n": None}
        with pytest.raises(client.ApiError) as refused:
            await client.post("/refused", {"amount": 1})
        assert refused.value.status == 422 and refused.value.detail == "below the minimum"
        with pytest.raises(client.ApiUnavailable):
            await client.get("/broken")

    run(check)


def test_unreachable_api_is_unavailable_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    async def check(_: str) -> None:
        monkeypatch.setattr(client, "API_URL", "http://127.0.0.1:9")
        with pytest.raises(client.ApiUnavailable):
            await client.get("/api/products")

    run(check)


def test_one_pooled_session_per_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    async def check(base: str) -> None:
        monkeypatch.setattr(client, "API_URL", base)
        await client.get("/ok")
        first = client._session()
        await client.get("/ok")
        assert client._session() is first

    run(check)
