"""Redis may go away; answers must not. Wrappers that fall back and say so.

Why: "Redis down: users got no reply at all while the health check said healthy".
Every Redis-backed service (FSM storage, language choices, throttle counter) is
wrapped: a Redis error makes the call use an in-process fallback for this update
(memory FSM, the Telegram language, no throttling), logs one warning per outage,
and marks the bot *degraded* in ``RedisHealth``, which the health check reports.
While degraded, Redis is tried again at most every ``retry_every`` seconds (one
probe, so a dead Redis costs no update a connect timeout); the first success ends
the outage with an info line. State written during an outage lives in memory only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
T = TypeVar("T")
STATUS_FILE = Path(os.environ.get("BUDGET_BOT_STATUS", "/tmp/budget-bot.status"))
_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


class RedisHealth:
    """Whether Redis answered lately; written to ``STATUS_FILE`` on every change."""

    def __init__(
        self, retry_every: float | None = None, status_file: Path | None = STATUS_FILE
    ) -> None:
        self.retry_every = retry_every or float(os.environ.get("BUDGET_REDIS_RETRY", "5"))
        self.status_file = status_file
        self.down_since: float | None = None
        self._next_try = 0.0
        self._write()

    @property
    def degraded(self) -> bool:
        return self.down_since is not None

    def status(self) -> dict[str, Any]:
        if self.down_since is None:
            return {"status": "ok", "redis": "ok"}
        return {"status": "degraded", "redis": "unreachable", "since": int(self.down_since)}

    def _write(self) -> None:
        if self.status_file is None:
            return
        with contextlib.suppress(OSError):
            self.status_file.write_text(json.dumps(self.status()))

    async def call(
        self, what: str, primary: Callable[[], Awaitable[T]], fallback: Callable[[], Awaitable[T]]
    ) -> T:
        """``primary()`` (Redis) unless Redis is known down; ``fallback()`` on failure."""
        now = time.monotonic()
        if self.down_since is not None and now < self._next_try:
            return await fallback()
        try:
            result = await primary()
        except _ERRORS as exc:
            self._next_try = now + self.retry_every
            if self.down_since is None:
                self.down_since = time.time()
                log.warning(
                    "Redis unreachable (%s: %s); answering without it until it returns",
                    what,
                    type(exc).__name__,
                )
                self._write()
            return await fallback()
        if self.down_since is not None:
            log.info("Redis is back after %.0f s", time.time() - self.down_since)
            self.down_since = None
            self._write()
        return result


class FallbackStorage(BaseStorage):
    """FSM storage on Redis, on memory while Redis is unreachable."""

    def __init__(self, primary: BaseStorage, health: RedisHealth) -> None:
        self.primary = primary
        self.memory = MemoryStorage()
        self.health = health

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self.health.call(
            "fsm",
            lambda: self.primary.set_state(key, state),
            lambda: self.memory.set_state(key, state),
        )

    async def get_state(self, key: StorageKey) -> str | None:
        return await self.health.call(
            "fsm", lambda: self.primary.get_state(key), lambda: self.memory.get_state(key)
        )

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self.health.call(
            "fsm", lambda: self.primary.set_data(key, data), lambda: self.memory.set_data(key, data)
        )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self.health.call(
            "fsm", lambda: self.primary.get_data(key), lambda: self.memory.get_data(key)
        )

    async def close(self) -> None:
        await self.memory.close()
        with contextlib.suppress(_ERRORS):
            await self.primary.close()


class FallbackCounter:
    """The throttle counter on Redis; while Redis is down nobody is throttled."""

    def __init__(self, primary: Any, health: RedisHealth) -> None:
        self.primary = primary
        self.health = health

    async def hit(self, user_id: int) -> int:
        async def zero() -> int:
            return 0

        return await self.health.call("throttle", lambda: self.primary.hit(user_id), zero)


class FallbackLanguages:
    """Language choices on Redis; while Redis is down the Telegram language is used
    and a choice is kept in memory until Redis returns."""

    def __init__(self, primary: Any, health: RedisHealth) -> None:
        self.primary = primary
        self.health = health
        self.memory: dict[int, str] = {}

    async def get(self, user_id: int) -> str | None:
        async def remembered() -> str | None:
            return self.memory.get(user_id)

        return await self.health.call("language", lambda: self.primary.get(user_id), remembered)

    async def set(self, user_id: int, lang: str) -> None:
        self.memory[user_id] = lang

        async def nothing() -> None:
            return None

        await self.health.call("language", lambda: self.primary.set(user_id, lang), nothing)

    async def close(self) -> None:
        with contextlib.suppress(_ERRORS):
            await self.primary.close()


__all__ = ["FallbackCounter", "FallbackLanguages", "FallbackStorage", "RedisHealth", "State"]
