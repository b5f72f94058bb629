"""Shared fixtures: every database test runs on SQLite and on a real PostgreSQL; Redis is real.

TEST_POSTGRES_URL and TEST_REDIS_URL point at the servers (`make test` starts throwaway
ones when none is running). A missing server fails the test; it is never skipped.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

import api.models  # noqa: F401  (registers every table)
from api.cache import Cache, RedisCache, connect_cache
from api.db import Base, make_engine, make_sessionmaker, unit_of_work
from api.main import create_app
from api.seed import seed_all
from api.settings import Settings

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
BACKENDS = os.environ.get("TEST_DB_BACKENDS", "sqlite,postgresql").split(",")


def _url_for(backend: str, tmp: Path) -> str:
    return f"sqlite:///{tmp / 'test.db'}" if backend == "sqlite" else POSTGRES_URL


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _url_for(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    try:
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
    except Exception as exc:
        pytest.fail(f"database {database_url} is not usable: {exc}")
    with unit_of_work(make_sessionmaker(engine)) as session:
        seed_all(session)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    """A session whose work is rolled back after the test."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture(scope="session")
def cache() -> Cache:
    cache = connect_cache(REDIS_URL)
    if not isinstance(cache, RedisCache):
        pytest.fail(f"tests need a real Redis at {REDIS_URL}")
    cache.client.flushdb()
    return cache


@pytest.fixture
def settings(database_url: str, cache: Cache) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        redis_url=REDIS_URL,
        rasa_url="http://127.0.0.1:9",  # nothing listens: unit tests never reach Rasa
        action_server_url="http://127.0.0.1:9",
        rate_limit_per_minute=1000,
    )


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def admin_headers(settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.admin_token}"}
