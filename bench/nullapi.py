"""A Bot API session that answers every call from memory: no network, no JSON.

Both bots of the dispatcher benchmark get one of these, so whatever it costs is the same
for both. It records when each reply (a ``send*`` call) was made, for the burst figures.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, Message, User

BOT_USER = User(id=4242, is_bot=True, first_name="Budget", username="budget_kz_bot")


class NullSession(BaseSession):
    """Canned results by return type; ``replies`` holds the time of every ``send*`` call."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: list[float] = []
        self.calls = 0
        self._message = Message(
            message_id=1,
            date=datetime.now(tz=UTC),
            chat=Chat(id=1, type="private"),
            from_user=BOT_USER,
            text="ok",
        )

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.calls += 1
        name = type(method).__name__
        if name.startswith("Send"):
            self.replies.append(time.perf_counter())
        returning: Any = method.__returning__
        if returning is Message:
            return self._message  # type: ignore[return-value]
        if returning is User:
            return BOT_USER  # type: ignore[return-value]
        if returning is bool:
            return True  # type: ignore[return-value]
        origin = getattr(returning, "__origin__", None)
        if origin is list:
            return []  # type: ignore[return-value]
        return self._message  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        return None
