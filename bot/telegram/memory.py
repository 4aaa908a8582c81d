"""What the bot remembers of a conversation: the context each answer leaves, kept in
aiogram's FSM storage (Redis when ``REDIS_URL`` is set, memory otherwise), so any instance
of the bot can answer the next message of a chat.

The context lives under its own storage key (``destiny="answer"``), apart from the FSM state
of an admin's upload. It holds the chat's last context and the contexts of its latest
answers by message id, so a message sent as a reply to an older answer takes that answer's
context. The rules — expiry after 30 minutes of silence, what a reply leaves — are
:mod:`bot.answer.chat`'s, shared with ``budget-bot chat``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram.fsm.context import FSMContext

from bot.answer.chat import context_after
from bot.answer.context import Context
from bot.answer.model import Reply

DESTINY = "answer"
KEPT_ANSWERS = 20  # answers a reply can still point at


class Memory:
    """One chat's (one user's, in a group) conversation context."""

    def __init__(self, state: FSMContext) -> None:
        self.fsm = FSMContext(storage=state.storage, key=replace(state.key, destiny=DESTINY))
        # One read per update: a question reads the chat's data to start and writes it at
        # the end, and with Redis every read is a round trip. Two messages of one chat
        # answered at the same moment each keep their own answer's context; the later
        # write wins, so a reply to the other one starts without context (as when the
        # read-modify-write pairs interleaved before).
        self._data: dict[str, Any] | None = None

    async def _read(self) -> dict[str, Any]:
        if self._data is None:
            self._data = await self.fsm.get_data()
        return self._data

    async def before(self, reply_to: int | None = None) -> Context | None:
        """The context a new message starts from: the answer it replies to, else the last
        one unless it has expired."""
        data = await self._read()
        if reply_to is not None:
            found = Context.from_json((data.get("answers") or {}).get(str(reply_to)))
            if found is not None:
                return found
        last = Context.from_json(data.get("last"))
        return last if last is not None and last.fresh() else None

    async def answer_to(self, question_id: int) -> int | None:
        """The id of the answer given to the question ``question_id`` (for an edit)."""
        data = await self._read()
        found = (data.get("asked") or {}).get(str(question_id))
        return int(found) if isinstance(found, int) else None

    async def remember(
        self,
        before: Context | None,
        reply: Reply,
        message_ids: list[int],
        asked: int | None = None,
    ) -> Context | None:
        """Keep the context ``reply`` leaves, also under the ids of the messages it was
        sent as (the last one carries the buttons; any of them may be replied to), and
        which answer the question ``asked`` got."""
        after = context_after(before, reply)
        data = await self._read()
        answers: dict[str, object] = dict(data.get("answers") or {})
        questions: dict[str, object] = dict(data.get("asked") or {})
        kept_context = after.to_json() if after is not None else None
        if kept_context is not None:
            for mid in message_ids:
                answers[str(mid)] = kept_context
        if asked is not None and message_ids:
            questions[str(asked)] = message_ids[-1]
        for kept in (answers, questions):
            while len(kept) > KEPT_ANSWERS:
                kept.pop(next(iter(kept)))
        self._data = {
            "last": kept_context,
            "answers": answers,
            "asked": questions,
        }
        await self.fsm.set_data(self._data)
        return after

    async def forget(self) -> None:
        self._data = None
        await self.fsm.clear()
