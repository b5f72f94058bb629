"""Redis for caching, rate limits and pub/sub, with an announced in-process fallback.

The fallback exists so `make run` works on a laptop without Redis; it is only correct
for a single API process. Tests and multi-replica deployments use a real Redis.
"""

import fnmatch
import logging
import threading
import time
from typing import Protocol

import redis

log = logging.getLogger(__name__)


class Cache(Protocol):
    backend: str

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None: ...
    def delete_pattern(self, pattern: str) -> None: ...
    def hit(self, key: str, window_seconds: int) -> int: ...
    def publish(self, channel: str, message: str) -> None: ...
    def ping(self) -> bool: ...


class RedisCache:
    backend = "redis"

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def get(self, key: str) -> str | None:
        value = self.client.get(key)
        if isinstance(value, bytes):
            return value.decode()
        return value if isinstance(value, str) else None

    def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None:
        self.client.set(key, value, ex=ttl_seconds)

    def delete_pattern(self, pattern: str) -> None:
        keys = list(self.client.scan_iter(match=pattern, count=500))
        if keys:
            self.client.delete(*keys)

    def hit(self, key: str, window_seconds: int) -> int:
        """Count one event in a fixed window and return the count so far."""
        pipe = self.client.pipeline()
        pipe.incr(key)
        pipe.expire(key, window_seconds, nx=True)
        count, _ = pipe.execute()
        return int(count)

    def publish(self, channel: str, message: str) -> None:
        self.client.publish(channel, message)

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except redis.RedisError:
            return False


class MemoryCache:
    backend = "memory"

    def __init__(self) -> None:
        self._data: dict[str, tuple[str, float | None]] = {}
        self._lock = threading.Lock()
        self.subscribers: dict[str, list[object]] = {}

    def _alive(self, key: str) -> str | None:
        item = self._data.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires < time.monotonic():
            del self._data[key]
            return None
        return value

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._alive(key)

    def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None:
        expires = time.monotonic() + ttl_seconds if ttl_seconds else None
        with self._lock:
            self._data[key] = (value, expires)

    def delete_pattern(self, pattern: str) -> None:
        with self._lock:
            for key in [k for k in self._data if fnmatch.fnmatchcase(k, pattern)]:
                del self._data[key]

    def hit(self, key: str, window_seconds: int) -> int:
        with self._lock:
            current = self._alive(key)
            count = int(current) + 1 if current else 1
            expires = self._data[key][1] if current else time.monotonic() + window_seconds
            self._data[key] = (str(count), expires)
            return count

    def publish(self, channel: str, message: str) -> None:
        # In-process fan-out lives in api/chat/push.py (it reads `subscribers` directly).
        return None

    def ping(self) -> bool:
        return True


def connect_cache(url: str) -> Cache:
    if not url:
        log.warning("REDIS_URL is empty: using the in-process cache (single process only)")
        return MemoryCache()
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        log.warning(
            "Redis not reachable at %s (%s): falling back to the in-process cache, "
            "rate limits and handoff channel (single process only)",
            url,
            exc,
        )
        return MemoryCache()
    return RedisCache(client)
