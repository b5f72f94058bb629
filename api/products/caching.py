"""Cached product reads: JSON in the shared cache, keyed by query and language.

Every admin change drops all `products:*` keys, so each replica serves the new catalogue
at once. A cache outage only costs speed: reads fall back to the database.
"""

import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any

import redis

from api.cache import Cache

log = logging.getLogger(__name__)
PREFIX = "products:"


def cache_key(kind: str, lang: str, **params: object) -> str:
    query = "&".join(
        f"{name}={params[name]}" for name in sorted(params) if params[name] is not None
    )
    # Free text goes into the key hashed, so keys stay short and pattern-safe.
    digest = hashlib.sha1(query.encode()).hexdigest()[:16]
    return f"{PREFIX}{kind}:{lang}:{digest}"


def read_through(cache: Cache, key: str, ttl_seconds: int, compute: Callable[[], Any]) -> Any:
    try:
        cached = cache.get(key)
    except redis.RedisError as exc:
        log.warning("product cache unavailable (%s); reading the database", exc)
        return compute()
    if cached is not None:
        return json.loads(cached)
    value = compute()
    try:
        cache.set(key, json.dumps(value, ensure_ascii=False), ttl_seconds)
    except redis.RedisError as exc:
        log.warning("could not cache %s (%s)", key, exc)
    return value


def invalidate_products(cache: Cache) -> None:
    cache.delete_pattern(f"{PREFIX}*")
