"""Filters: who is an admin (ids injected as ``admin_ids``), year arguments, and whether a
message is addressed to the bot (private chat, mention or reply in a group)."""

from __future__ import annotations

import re
from typing import Any

from aiogram import Bot
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


def is_command(message: Message) -> bool:
    """Text (or a caption, as for aiogram's ``Command``) that starts with "/"."""
    text = message.text if message.text is not None else message.caption
    return text is not None and text.startswith("/")


def is_upload(message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
    """A file for the upload router: an admin's, or anyone's without a caption (it gets
    "only admins upload"). A caption on someone else's file is a question."""
    if message.document is None:
        return False
    return (user is not None and user.id in admin_ids) or not message.caption


def for_commands(message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
    """What the command and upload routers take; every other message is the question
    router's (the two root filters are each other's complement)."""
    return is_command(message) or is_upload(message, user, admin_ids)


class _Kind(Filter):
    """A filter on what kind of message this is (an admin's file is an upload)."""

    def test(self, message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
        raise NotImplementedError

    async def __call__(
        self,
        message: Message,
        event_from_user: User | None = None,
        admin_ids: frozenset[int] = frozenset(),
    ) -> bool:
        return self.test(message, event_from_user, admin_ids)


class ForCommands(_Kind):
    """Commands and uploads: the command and upload routers' one root filter."""

    def test(self, message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
        return for_commands(message, user, admin_ids)


class ForQuestions(_Kind):
    """Every other message: the question router's root filter.

    A question is by far the commonest update and every router it passes costs it tens of
    microseconds, so the question router comes first and lets through what the command and
    upload routers would not take (a command no router knows is read as a question there).
    """

    def test(self, message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
        return not for_commands(message, user, admin_ids)


class IsUpload(_Kind):
    def test(self, message: Message, user: User | None, admin_ids: frozenset[int]) -> bool:
        return is_upload(message, user, admin_ids)


class YearArgs(Filter):
    """Command arguments: at most ``most`` years, and the rest a place; injects ``years``
    and ``place``.

    ``/compare 2023 2024`` → ``years=[2023, 2024], place=None``; ``/budget Талов 2024`` →
    ``years=[2024], place="Талов"``; too many years, or a "place" longer than any name,
    does not pass, so a usage hint can answer it.
    """

    PLACE_CHARS = 100  # longer than any budget holder's name with its kind

    def __init__(self, most: int = 1) -> None:
        self.most = most

    async def __call__(self, message: Message, command: CommandObject) -> bool | dict[str, Any]:
        args = (command.args or "").replace(",", " ").replace("–", " ").replace("-", " ")
        years = [int(y) for y in _YEAR.findall(args)]
        place = " ".join(_YEAR.sub(" ", args).split())
        if len(years) > self.most or len(place) > self.PLACE_CHARS:
            return False
        return {"years": years, "place": place or None}


class Addressed(Filter):
    """A message the bot should answer, with the question in it injected as ``text``.

    In a private chat every text (or a photo's or document's caption) is a question. In a
    group the bot answers only when it is mentioned ("@budget_bot дороги 2024": the mention
    is cut out, so language detection sees only the question) or when the message replies
    to one of its answers; chatter between members is left alone.
    """

    def __init__(self, with_text: bool = True) -> None:
        self.with_text = with_text

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        raw = message.text if message.text is not None else message.caption
        if self.with_text and not (raw or "").strip():
            return False
        if message.chat.type == "private":
            return {"text": raw or ""}
        me = await bot.me()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
            return {"text": strip_mention(raw or "", me.username)}
        mention = f"@{me.username}".lower() if me.username else ""
        if mention and mention in (raw or "").lower():
            return {"text": strip_mention(raw or "", me.username)}
        return False


def strip_mention(text: str, username: str | None) -> str:
    """``text`` without ``@username`` (any case) and the spaces around it."""
    if not username:
        return text.strip()
    return " ".join(re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.I).split())


def replied_answer(message: Message, bot_id: int) -> int | None:
    """The id of the bot's answer ``message`` replies to, if it replies to one."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return replied.message_id
    return None
