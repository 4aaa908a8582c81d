"""Each user's language, remembered across restarts.

A small SQLite file of its own (never the read-only budget store), or Redis when
``REDIS_URL`` is set so that every instance behind a load balancer agrees.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis


KNOWN_USERS = 200_000  # languages remembered in memory (~100 bytes each), then re-read


class LanguageStore(Protocol):
    async def get(self, user_id: int) -> str | None: ...
    async def set(self, user_id: int, lang: str) -> None: ...
    async def close(self) -> None: ...


class SqliteLanguageStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS user_lang (user_id INTEGER PRIMARY KEY, lang TEXT NOT NULL)"
        )
        self._lock = asyncio.Lock()
        self._known: dict[int, str | None] = {}
        # Read at start when it fits in memory: then a user missing from it has no language
        # stored, and a first message costs no SELECT on the event loop (~0.1 ms each).
        self._complete = self._load_all()

    def _load_all(self) -> bool:
        (count,) = self._conn.execute("SELECT count(*) FROM user_lang").fetchone()
        if count > KNOWN_USERS:
            return False
        self._known.update(self._conn.execute("SELECT user_id, lang FROM user_lang"))
        return True

    async def get(self, user_id: int) -> str | None:
        # Read on every update, on the event loop: remembered (this process is the file's
        # only writer; with several instances the store is Redis). A SELECT here costs
        # ~0.1-0.4 ms, the dictionary well under a microsecond.
        if user_id in self._known:
            return self._known[user_id]
        if self._complete:
            return None
        row = self._conn.execute(
            "SELECT lang FROM user_lang WHERE user_id = ?", (user_id,)
        ).fetchone()
        if len(self._known) >= KNOWN_USERS:
            self._known.clear()
            self._complete = False
        lang = self._known[user_id] = row[0] if row else None
        return lang

    async def set(self, user_id: int, lang: str) -> None:
        async with self._lock:
            await asyncio.to_thread(
                self._conn.execute,
                "INSERT INTO user_lang (user_id, lang) VALUES (?, ?) "
                "ON CONFLICT(user_id) DO UPDATE SET lang = excluded.lang",
                (user_id, lang),
            )
            if len(self._known) >= KNOWN_USERS:
                self._known.clear()
                self._complete = False
            self._known[user_id] = lang

    async def close(self) -> None:
        self._conn.close()


class RedisLanguageStore:
    def __init__(self, redis: Redis, prefix: str = "budget-bot:lang") -> None:
        self.redis = redis
        self.prefix = prefix

    async def get(self, user_id: int) -> str | None:
        value = await self.redis.get(f"{self.prefix}:{user_id}")
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def set(self, user_id: int, lang: str) -> None:
        await self.redis.set(f"{self.prefix}:{user_id}", lang)

    async def close(self) -> None:
        """The Redis client is shared and closed by the application."""
