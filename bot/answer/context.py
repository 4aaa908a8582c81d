"""What one answer leaves behind for the next message of the same chat.

"дороги 2024" — "а в 2025?": the second message names only a year; the line, the place and
the kind of answer come from the first. A :class:`Context` is plain data (JSON in the bot's
FSM storage, a dict per chat in ``budget-bot chat``), so the CLI and the bot keep it the same
way and cannot drift apart.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.answer.model import Reply

TTL_SECONDS = 30 * 60  # a context is forgotten after 30 minutes of silence
JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]


@dataclass(frozen=True)
class Context:
    entity: str | None = None
    years: tuple[int, ...] = ()
    code: str | None = None  # the classifier entry the answer was about (None: whole budget)
    intent: str = ""
    lang: str = ""
    at: float = 0.0  # when the answer was given (time.time())
    n: int | None = None  # how many lines a top-N answer listed ("топ 3" — "а в 2023?")

    @classmethod
    def of(cls, reply: Reply, now: float | None = None) -> Context | None:
        """The context ``reply`` leaves; None when it answered nothing (help, unknown)."""
        if reply.pending:
            pass
        elif reply.intent in {"help", "unknown", "catalog", "explain"} or not reply.years:
            return None
        return cls(
            entity=reply.entity,
            years=tuple(reply.years),
            code=reply.code,
            intent=reply.intent,
            lang=reply.lang,
            at=time.time() if now is None else now,
            n=len(reply.items) if reply.intent == "top" and reply.items else None,
        )

    def topic(self) -> tuple[object, ...]:
        """Everything but the moment it was left: what a follow-up's answer depends on
        (the key of a cached follow-up answer)."""
        return (self.entity, self.years, self.code, self.intent, self.lang, self.n)

    def fresh(self, now: float | None = None) -> bool:
        return ((time.time() if now is None else now) - self.at) < TTL_SECONDS

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "entity": self.entity,
            "years": list(self.years),
            "code": self.code,
            "intent": self.intent,
            "lang": self.lang,
            "at": self.at,
            "n": self.n,
        }

    @classmethod
    def from_json(cls, data: object) -> Context | None:
        """A context read back from storage; None for anything that is not one."""
        if not isinstance(data, dict):
            return None
        try:
            years = tuple(int(y) for y in data.get("years") or ())
            entity, code = data.get("entity"), data.get("code")
            return cls(
                entity=str(entity) if entity else None,
                years=years,
                code=str(code) if code else None,
                intent=str(data.get("intent") or ""),
                lang=str(data.get("lang") or ""),
                at=float(data.get("at") or 0.0),
                n=int(data["n"]) if data.get("n") else None,
            )
        except (TypeError, ValueError):
            return None
