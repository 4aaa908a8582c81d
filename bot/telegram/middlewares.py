"""Middlewares: the user's language (gettext locale), per-user throttling, admission."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject, User
from aiogram.utils.i18n import I18n, I18nMiddleware
from aiogram.utils.i18n import gettext as _

from bot.i18n import DEFAULT_LANG, LANGS
from bot.telegram.prefs import LanguageStore

if TYPE_CHECKING:
    from redis.asyncio import Redis


def telegram_lang(user: User | None) -> str:
    """The user's Telegram interface language if we speak it, else the default."""
    code = ((user and user.language_code) or "").lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else DEFAULT_LANG


class LanguageMiddleware(I18nMiddleware):
    """Chooses the stored language, else the Telegram one; exposes it as ``lang``."""

    def __init__(self, i18n: I18n, store: LanguageStore) -> None:
        super().__init__(i18n=i18n)
        self.store = store

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user: User | None = data.get("event_from_user")
        stored = await self.store.get(user.id) if user else None
        lang = stored if stored in LANGS else telegram_lang(user)
        data["lang"] = lang
        return lang

    async def set_locale(self, user_id: int, lang: str) -> None:
        await self.store.set(user_id, lang)


class Counter(Protocol):
    async def hit(self, user_id: int) -> int:
        """Count one update in the user's current window; return the count so far."""
        ...


class MemoryCounter:
    def __init__(self, window: float) -> None:
        self.window = window
        self._hits: dict[int, tuple[float, int]] = {}

    async def hit(self, user_id: int) -> int:
        now = time.monotonic()
        start, count = self._hits.get(user_id, (now, 0))
        if now - start >= self.window:
            start, count = now, 0
        self._hits[user_id] = (start, count + 1)
        if len(self._hits) > 50_000:  # forget idle users
            self._hits = {k: v for k, v in self._hits.items() if now - v[0] < self.window}
        return count + 1


class RedisCounter:
    """A fixed window shared by every instance: INCR + EXPIRE."""

    def __init__(self, redis: Redis, window: float, prefix: str = "budget-bot:throttle") -> None:
        self.redis = redis
        self.window_ms = max(1, int(window * 1000))
        self.prefix = prefix

    async def hit(self, user_id: int) -> int:
        key = f"{self.prefix}:{user_id}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.pexpire(key, self.window_ms, nx=True)
            count, _ = await pipe.execute()
        return int(count)


class ThrottlingMiddleware(BaseMiddleware):
    """At most ``limit`` updates per user per window; one polite notice, then silence."""

    def __init__(self, counter: Counter, limit: int) -> None:
        self.counter = counter
        self.limit = limit

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or self.limit <= 0:
            return await handler(event, data)
        count = await self.counter.hit(user.id)
        if count <= self.limit:
            return await handler(event, data)
        if count == self.limit + 1:
            await self._notice(event)
        elif isinstance(event, CallbackQuery):
            await event.answer()
        return None

    async def _notice(self, event: TelegramObject) -> None:
        text = _("You are asking a bit fast. Please wait a few seconds and try again.")
        if isinstance(event, Message):
            await event.answer(text)
        elif isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=False)
        elif isinstance(event, InlineQuery):
            await event.answer([], cache_time=1, is_personal=True)


class AdmissionMiddleware(BaseMiddleware):
    """At most ``limit`` updates start in one turn of the event loop, and at most ``limit``
    are in progress at once; the others wait their turn in order.

    "200 users at once: longest event-loop stall 220 ms": every update of a burst starts
    in the same turn of the event loop, so their routing, handlers and replies all run
    back to back before anything else (a timer, a health check, the reply to the first
    user) gets a turn. Admitting a few per turn keeps each turn short; the engine work
    itself runs in its own thread (``EngineAnswers.ask_async``).

    An update admitted in a quiet turn starts at once, without waiting for the loop: only
    updates beyond the turn's share wait, each once, for a later turn (a handler that never
    waits — a cached answer — would otherwise take and free a slot within one step, and a
    whole burst would still run in a single turn).
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = asyncio.Semaphore(limit) if limit > 0 else None
        self._started = 0  # updates started in this turn of the loop
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._turn_ends = False  # a call of _next_turn is scheduled

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if self._slots is None:
            return await handler(event, data)
        if self._started < self.limit and not self._waiting:
            self._started += 1
            self._end_turn_soon()
        else:
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            self._end_turn_soon()
            await waiter  # started by _next_turn
        async with self._slots:
            return await handler(event, data)

    def _end_turn_soon(self) -> None:
        if not self._turn_ends:
            self._turn_ends = True
            asyncio.get_running_loop().call_soon(self._next_turn)

    def _next_turn(self) -> None:
        """A new turn of the loop: the next ``limit`` waiting updates may start."""
        self._turn_ends = False
        self._started = 0
        while self._waiting and self._started < self.limit:
            waiter = self._waiting.popleft()
            if not waiter.done():  # not cancelled while it waited
                waiter.set_result(None)
                self._started += 1
        if self._waiting or self._started:
            self._end_turn_soon()
