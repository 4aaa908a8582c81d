"""Conversations: each chat's messages answered with the context its earlier answers left.

The rules live here once and serve both ``budget-bot chat`` and the Telegram bot:

* an answer leaves its :class:`~bot.answer.context.Context`; the next message of the chat
  starts from it unless 30 minutes of silence passed;
* a message sent as a reply to one of the bot's answers starts from *that* answer's context;
* what a follow-up keeps and what it replaces is decided by the engine's routing step.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from bot.answer.context import Context
from bot.answer.model import Reply


class Asker(Protocol):
    def ask(
        self,
        query: object,
        lang: str | None = None,
        today: date | None = None,
        context: Context | None = None,
    ) -> Reply: ...


@dataclass
class Chat:
    """One chat's memory: the context after each of its messages, in order."""

    contexts: list[Context | None] = field(default_factory=list)
    last: Context | None = None


def context_for(chat: Chat, reply_to: int | None, now: float | None = None) -> Context | None:
    """The context a new message of ``chat`` starts from."""
    if reply_to is not None and 0 <= reply_to < len(chat.contexts):
        replied = chat.contexts[reply_to]
        if replied is not None:
            return replied
    # no such answer (or one that left nothing): the chat's last context, as in the bot
    last = chat.last
    return last if last is not None and last.fresh(now) else None


def context_after(before: Context | None, reply: Reply, now: float | None = None) -> Context | None:
    """The context a chat is left with after ``reply``: the reply's own, or — when it
    answered nothing from the store ("что такое субвенция?", "а в Алматы?") — the one
    before, so the line being discussed is not lost."""
    after = Context.of(reply, now)
    if after is None and before is not None:
        after = replace(before, at=time.time() if now is None else now)
    return after


class Conversations:
    """Independent chats over one engine (``budget-bot chat``)."""

    def __init__(self, engine: Asker, lang: str | None = None, today: date | None = None) -> None:
        self.engine = engine
        self.lang = lang
        self.today = today
        self.chats: dict[str, Chat] = {}

    def say(
        self, chat_id: str, text: str, reply_to: int | None = None
    ) -> tuple[Reply, Context | None]:
        """Answer one message of ``chat_id``; returns the reply and the context it leaves."""
        chat = self.chats.setdefault(chat_id, Chat())
        before = context_for(chat, reply_to)
        reply = self.engine.ask(text, lang=self.lang, today=self.today, context=before)
        after = context_after(before, reply)
        chat.contexts.append(after)
        chat.last = after
        return reply, after
