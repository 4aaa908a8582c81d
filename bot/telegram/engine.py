"""The one place the Telegram layer meets the answer engine and the store.

Handlers depend on :class:`Answers` (a protocol), so tests pass a fake and only
this module changes if the engine's signatures move. :class:`EngineAnswers`
wraps :class:`bot.answer.Engine` (which opens the store read-only) and adds what
only the bot needs: the answer language, short entity keys for callback data,
the decision list for /sources, and chart points.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from bot.answer.context import Context
from bot.answer.engine import Engine
from bot.answer.model import Reply
from bot.i18n import DEFAULT_LANG, LANGS


@dataclass(frozen=True)
class Point:
    """One bar or one point of a chart."""

    label: str
    amount: Decimal  # thousand tenge
    code: str = ""


@dataclass(frozen=True)
class Decision:
    """A source decision loaded into the store, for /sources."""

    issuer: str
    number: str
    date: str
    title: str
    kind: str = "base"
    amendments: list[dict[str, str]] = field(default_factory=list)
    budgets: list[str] = field(default_factory=list)  # "Talov rural district: 2023, 2024"


class Answers(Protocol):
    """What the handlers need from the answer layer."""

    def ask(self, query: str, user_lang: str, context: Context | None = None) -> Reply:
        """Answer in the question's language (the user's one when it is ambiguous), as a
        follow-up of ``context`` when there is one."""
        ...

    def amount(self, code: str, year: int, lang: str, entity: str | None = None) -> Reply: ...
    def overview(self, year: int | None, lang: str, entity: str | None = None) -> Reply: ...
    def compare(
        self, years: list[int], lang: str, code: str | None = None, entity: str | None = None
    ) -> Reply: ...
    def top(self, year: int | None, lang: str, n: int = 5, entity: str | None = None) -> Reply: ...
    def breakdown(
        self, code: str, year: int | None, lang: str, entity: str | None = None
    ) -> Reply: ...
    def help(self, lang: str) -> Reply: ...
    def examples(self, lang: str) -> list[str]: ...
    def years(self, entity: str | None = None) -> list[int]: ...
    def has_children(
        self, code: str, year: int | None = None, entity: str | None = None
    ) -> bool: ...
    def entity_key(self, entity: str | None) -> str: ...
    def entity_of(self, key: str) -> str | None: ...
    def entity_name(self, entity: str | None, lang: str) -> str: ...
    def decisions(self, lang: str) -> list[Decision]: ...
    def by_area(self, year: int | None, lang: str, entity: str | None = None) -> list[Point]: ...
    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]: ...
    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]: ...
    def reload(self) -> None: ...


_LATIN = re.compile(r"[A-Za-z]")


class EngineAnswers:
    """:class:`Answers` backed by :class:`bot.answer.Engine` over the read-only store."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, ...] = ()
        self._open()

    # -- lifecycle -----------------------------------------------------------
    def _file_stamp(self) -> tuple[int, ...]:
        stamp: list[int] = []
        for suffix in ("", "-wal"):
            p = Path(f"{self.db_path}{suffix}")
            stamp.append(p.stat().st_mtime_ns if p.exists() else 0)
        return tuple(stamp)

    def _open(self) -> None:
        self._stamp = self._file_stamp()
        self.engine = Engine(self.db_path)  # opens the store read-only

    def reload(self) -> None:
        """Reopen after the store changed (an admin upload here or on another instance)."""
        with self._lock:
            old = getattr(self, "engine", None)
            self._open()
            if old is not None:
                old.db.close()

    def _fresh(self) -> Engine:
        if self._file_stamp() != self._stamp:
            self.reload()
        return self.engine

    # -- engine calls ----------------------------------------------------------
    def ask(self, query: str, user_lang: str, context: Context | None = None) -> Reply:
        # one language detector, the engine's; the asker's language only breaks a tie
        return self._fresh().ask(query, prefer=user_lang, context=context)

    def amount(self, code: str, year: int, lang: str, entity: str | None = None) -> Reply:
        return self._fresh().amount(code, [year], lang, entity=entity)

    def overview(self, year: int | None, lang: str, entity: str | None = None) -> Reply:
        return self._fresh().overview(year, lang, entity=entity)

    def compare(
        self, years: list[int], lang: str, code: str | None = None, entity: str | None = None
    ) -> Reply:
        return self._fresh().compare(years, lang, code=code, entity=entity)

    def top(self, year: int | None, lang: str, n: int = 5, entity: str | None = None) -> Reply:
        return self._fresh().top(year, lang, n=n, entity=entity)

    def breakdown(self, code: str, year: int | None, lang: str, entity: str | None = None) -> Reply:
        return self._fresh().breakdown(code, year, lang, entity=entity)

    def help(self, lang: str) -> Reply:
        return self._fresh().help(lang)

    def examples(self, lang: str) -> list[str]:
        return list(self._fresh().examples(lang))

    def years(self, entity: str | None = None) -> list[int]:
        return list(self._fresh().available_years(entity))

    def has_children(self, code: str, year: int | None = None, entity: str | None = None) -> bool:
        return self._fresh().has_children(code, year, entity)

    def entity_key(self, entity: str | None) -> str:
        if not entity:
            return ""
        return hashlib.sha1(entity.encode()).hexdigest()[:8]

    def entity_of(self, key: str) -> str | None:
        if not key:
            return None
        return next((e for e in self._fresh().years if self.entity_key(e) == key), None)

    def entity_name(self, entity: str | None, lang: str) -> str:
        engine = self._fresh()
        return engine.entity_name(entity, lang)

    def decisions(self, lang: str) -> list[Decision]:
        """The decisions in the store, oldest first; parts named in ``lang``."""
        from bot.answer.cite import part_name

        engine = self._fresh()
        lang = lang if lang in LANGS else DEFAULT_LANG
        covers: dict[str, dict[str, set[int]]] = {}
        for b in engine.budgets.values():
            per_doc = covers.setdefault(str(b.get("doc_id")), {})
            per_doc.setdefault(str(b.get("entity")), set()).add(int(b.get("year") or 0))
        out = []
        for doc in sorted(engine.documents.values(), key=lambda d: str(d.get("date") or "")):
            amendments = doc.get("amendments") or []
            if isinstance(amendments, str):
                amendments = json.loads(amendments or "[]")
            title = str(doc.get("title") or "")
            out.append(
                Decision(
                    issuer=str(doc.get(f"issuer_{lang}") or doc.get("issuer") or ""),
                    number=str(doc.get("number") or ""),
                    date=str(doc.get("date") or ""),
                    # An OCR'd title is still in look-alike Latin letters: leave it out.
                    title="" if _LATIN.search(title) else title,
                    kind=str(doc.get("kind") or "base"),
                    amendments=[
                        {
                            "number": str(a.get("number") or ""),
                            "date": str(a.get("date") or ""),
                            "scope": ", ".join(
                                part_name(p.strip(), lang)
                                for p in str(a.get("scope") or "").split(",")
                                if p.strip()
                            ),
                        }
                        for a in amendments
                        if isinstance(a, dict)
                    ],
                    budgets=[
                        f"{engine.entity_name(entity, lang)}: "
                        + ", ".join(str(y) for y in sorted(years))
                        for entity, years in sorted(covers.get(str(doc.get("doc_id")), {}).items())
                    ],
                )
            )
        return out

    def by_area(self, year: int | None, lang: str, entity: str | None = None) -> list[Point]:
        series = self._fresh().chart_series("groups", lang, year=year, entity=entity)
        return [
            Point(label, Decimal(value))
            for label, value in zip(series["labels"], series["values"], strict=True)
        ]

    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]:
        series = self._fresh().chart_series(
            "line", lang, code=code or "expense_total", entity=entity
        )
        points = [
            Point(label, Decimal(value), code or "")
            for label, value in zip(series["labels"], series["values"], strict=True)
        ]
        return str(series["title"]), points

    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]:
        return list(self._fresh().export_rows(year=year, entity=entity))
