"""Filters: who is an admin (ids injected as ``admin_ids``), and year arguments."""

from __future__ import annotations

import re
from typing import Any

from aiogram.filters import CommandObject, Filter
from aiogram.types import Message, TelegramObject, User


class IsAdmin(Filter):
    async def __call__(
        self,
        event: TelegramObject,
        event_from_user: User | None = None,
        admin_ids: frozenset[int] = frozenset(),
    ) -> bool:
        return event_from_user is not None and event_from_user.id in admin_ids


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class YearArgs(Filter):
    """Command arguments that are only years (at most ``most``); injects ``years``.

    ``/compare 2023 2024`` → ``years=[2023, 2024]``; ``/budget`` → ``years=[]``;
    ``/budget roads`` does not pass, so a usage hint can answer it.
    """

    def __init__(self, most: int = 1) -> None:
        self.most = most

    async def __call__(self, message: Message, command: CommandObject) -> bool | dict[str, Any]:
        args = (command.args or "").replace(",", " ").replace("–", " ").replace("-", " ")
        years = [int(y) for y in _YEAR.findall(args)]
        leftover = _YEAR.sub("", args).strip()
        if leftover or len(years) > self.most:
            return False
        return {"years": years}
