"""The announced in-process fallback when Redis cannot be reached (single-node `make run`)."""

import logging
import time

import pytest

from api.cache import MemoryCache, RedisCache, connect_cache
from tests.api.conftest import REDIS_URL


def test_unreachable_redis_falls_back_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        cache = connect_cache("redis://127.0.0.1:1/0")
    assert isinstance(cache, MemoryCache)
    assert "falling back to the in-process cache" in caplog.text


def test_real_redis_is_used_when_it_answers(cache: RedisCache) -> None:
    assert isinstance(connect_cache(REDIS_URL), RedisCache)


def test_memory_cache_windows_and_expiry() -> None:
    cache = MemoryCache()
    assert [cache.hit("k", 60) for _ in range(3)] == [1, 2, 3]
    cache.set("a:1", "x", ttl_seconds=1)
    cache.set("a:2", "y")
    cache.delete_pattern("a:2")
    assert cache.get("a:2") is None
    assert cache.get("a:1") == "x"
    time.sleep(1.05)
    assert cache.get("a:1") is None
