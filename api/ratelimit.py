"""Fixed-window rate limits shared by every API replica through the cache."""

import time

from api.cache import Cache
from api.errors import DomainError


class RateLimited(DomainError):
    status_code = 429


def enforce_rate_limit(cache: Cache, scope: str, key: str, per_minute: int) -> None:
    window = int(time.time() // 60)
    count = cache.hit(f"ratelimit:{scope}:{key}:{window}", 60)
    if count > per_minute:
        raise RateLimited(
            f"too many messages: at most {per_minute} per minute; please wait a moment"
        )
