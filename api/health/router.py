"""GET /api/health (the process answers) and GET /api/ready (every dependency answers)."""

import asyncio
from typing import Any

import httpx
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy import text

from api.deps import CacheDep, HttpDep, SettingsDep

router = APIRouter(prefix="/api", tags=["operations"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


async def _probe(http: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await http.get(url, timeout=2.0)
    except httpx.HTTPError as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": response.status_code < 400, "status_code": response.status_code}


async def _probe_rasa(http: httpx.AsyncClient, urls: list[str], token: str) -> dict[str, Any]:
    """Every replica reported; Rasa counts as ready only when all of them are."""
    results = await asyncio.gather(*(_probe(http, f"{url}/status?token={token}") for url in urls))
    replicas = [{"url": url, **result} for url, result in zip(urls, results, strict=True)]
    return {"ok": all(replica["ok"] for replica in replicas), "replicas": replicas}


@router.get("/ready")
async def ready(
    request: Request, settings: SettingsDep, cache: CacheDep, http: HttpDep
) -> JSONResponse:
    def check_database() -> dict[str, Any]:
        try:
            with request.app.state.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return {"ok": True, "backend": request.app.state.engine.dialect.name}
        except Exception as exc:  # any driver error means "not ready"
            return {"ok": False, "error": exc.__class__.__name__}

    checks: dict[str, dict[str, Any]] = {
        "database": await run_in_threadpool(check_database),
        "redis": {"ok": await run_in_threadpool(cache.ping), "backend": cache.backend},
        "rasa": await _probe_rasa(http, settings.rasa_replicas, settings.rasa_token),
        "action_server": await _probe(http, f"{settings.action_server_url}/health"),
    }
    all_ok = all(check["ok"] for check in checks.values())
    return JSONResponse(
        {"status": "ready" if all_ok else "degraded", "checks": checks},
        status_code=200 if all_ok else 503,
    )
