"""One real stack (API + Rasa + action server, trained model) for all end-to-end tests."""

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from scripts.stack import Stack

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    running = Stack(tmp_path_factory.mktemp("stack"), redis_url=redis_url)
    try:
        running.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield running
    running.stop()


@pytest.fixture
def chat(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        yield client


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
