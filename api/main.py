"""The FastAPI application: lifespan opens the database, the cache and the HTTP client."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api.cache import connect_cache
from api.chat.history import router as chat_history_router
from api.chat.router import router as chat_router
from api.chat.ws import router as chat_push_router
from api.compliance.definitions import RuleFileError
from api.compliance.router import router as compliance_router
from api.compliance.ruleset import default_store
from api.db import make_engine, make_sessionmaker
from api.errors import install_error_handlers
from api.feedback.router import router as feedback_router
from api.glossary.router import router as glossary_router
from api.handoff.router import router as handoff_router
from api.health.router import router as health_router
from api.illustration.router import router as illustration_router
from api.products.router import router as products_router
from api.profiling.router import router as profiling_router
from api.settings import Settings, get_settings
from api.suitability.router import router as suitability_router

STATIC = Path(__file__).parent / "static"
ROUTERS = [health_router, chat_router, handoff_router]
ROUTERS += [chat_history_router, chat_push_router, feedback_router]
ROUTERS += [profiling_router, suitability_router]
ROUTERS += [products_router, illustration_router]
ROUTERS += [glossary_router]
ROUTERS += [compliance_router]


async def warm_up_compliance() -> None:
    """Load spaCy and compile the rules now, not on a customer's first message (~3-8 s)."""
    try:
        await run_in_threadpool(default_store().current)
    except RuleFileError as exc:
        logging.getLogger(__name__).error("compliance rules not loaded: %s", exc)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings.database_url)
        app.state.sessionmaker = make_sessionmaker(app.state.engine)
        app.state.cache = connect_cache(settings.redis_url)
        app.state.http = httpx.AsyncClient(
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50)
        )
        await warm_up_compliance()
        try:
            yield
        finally:
            await app.state.http.aclose()
            app.state.engine.dispose()

    app = FastAPI(
        title="Bank wealth assistant API",
        version="0.1.0",
        description="Chat gateway, advisor services and compliance review for the "
        "bilingual wealth-management assistant.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
app = create_app()
