"""Messages pushed to a customer's open chat window: staff replies, handoff status.

Publishers call `publish_to_customer`; the WebSocket endpoint (api.chat.ws) holds a
`subscribe(...)` for as long as the customer's window is open. With Redis the frame goes
through pub/sub on `chat:push:<sender>`, so whichever API replica holds the customer's
socket delivers it. Without Redis (single process) frames fan out in-process to the
subscribers registered on the MemoryCache.

A frame is the JSON list of messages, the same shape POST /api/chat answers with.
"""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from api.cache import Cache, MemoryCache, RedisCache
from api.chat.schemas import BotMessage

SUBSCRIBE_TIMEOUT_SECONDS = 2.0


def push_channel(sender: str) -> str:
    return f"chat:push:{sender}"


def encode_frame(messages: Sequence[BotMessage | Mapping[str, Any]]) -> str:
    items = [
        BotMessage.model_validate(message).model_dump(exclude_none=True) for message in messages
    ]
    return json.dumps(items, ensure_ascii=False)


def publish_to_customer(
    cache: Cache, sender: str, messages: Sequence[BotMessage | Mapping[str, Any]]
) -> None:
    """Deliver `messages` to every open window of `sender`; nobody listening is not an error.

    Safe to call from any thread (sync services run in a thread pool).
    """
    frame = encode_frame(messages)
    channel = push_channel(sender)
    if isinstance(cache, MemoryCache):
        for subscriber in list(cache.subscribers.get(channel, ())):
            if isinstance(subscriber, LocalSubscriber):
                subscriber.deliver(frame)
        return
    cache.publish(channel, frame)


class LocalSubscriber:
    """One open window in this process: a queue fed from any thread, read on its loop."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    def deliver(self, frame: str) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: the window is gone
            self.loop.call_soon_threadsafe(self.queue.put_nowait, frame)

    async def frames(self) -> AsyncIterator[str]:
        while True:
            yield await self.queue.get()


@contextlib.asynccontextmanager
async def _subscribe_locally(cache: MemoryCache, channel: str) -> AsyncIterator[AsyncIterator[str]]:
    subscriber = LocalSubscriber()
    cache.subscribers.setdefault(channel, []).append(subscriber)
    try:
        yield subscriber.frames()
    finally:
        listeners = cache.subscribers.get(channel, [])
        if subscriber in listeners:
            listeners.remove(subscriber)
        if not listeners:
            cache.subscribers.pop(channel, None)


async def _redis_frames(pubsub: aioredis.client.PubSub) -> AsyncIterator[str]:
    async for message in pubsub.listen():
        if message.get("type") == "message":
            data = message["data"]
            yield data.decode() if isinstance(data, bytes) else str(data)


@contextlib.asynccontextmanager
async def _subscribe_redis(redis_url: str, channel: str) -> AsyncIterator[AsyncIterator[str]]:
    # A subscribed connection is dedicated to pub/sub; no read timeout, since a quiet
    # channel is the normal state of a chat window.
    client = aioredis.Redis.from_url(redis_url, socket_connect_timeout=2)
    pubsub = client.pubsub()
    try:
        await pubsub.subscribe(channel)
        # Wait for Redis to confirm, so a message published right after this returns
        # cannot be missed.
        confirmation = await pubsub.get_message(timeout=SUBSCRIBE_TIMEOUT_SECONDS)
        if not confirmation or confirmation.get("type") != "subscribe":
            raise RedisError(f"no subscription confirmation for {channel}")
        yield _redis_frames(pubsub)
    finally:
        with contextlib.suppress(RedisError, OSError):
            await pubsub.aclose()
        with contextlib.suppress(RedisError, OSError):
            await client.aclose()


def subscribe(
    cache: Cache, redis_url: str, sender: str
) -> contextlib.AbstractAsyncContextManager[AsyncIterator[str]]:
    """Frames published for `sender` from the moment the context is entered.

    Raises RedisError/OSError on entry when Redis is configured but cannot subscribe.
    """
    channel = push_channel(sender)
    if isinstance(cache, RedisCache):
        return _subscribe_redis(redis_url, channel)
    if isinstance(cache, MemoryCache):
        return _subscribe_locally(cache, channel)
    raise TypeError(f"no push channel for cache backend {cache.backend!r}")
