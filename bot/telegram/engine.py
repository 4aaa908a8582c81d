"""The one place the Telegram layer meets the answer engine and the store.

Handlers depend on :class:`Answers` (a protocol), so tests pass a fake and only
this module changes if the engine's signatures move. :class:`EngineAnswers`
wraps :class:`bot.answer.Engine`; what the engine does not offer (chart series,
the list of decisions, entity keys for buttons) is read here from the store,
opened read-only.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

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


class Answers(Protocol):
    """What the handlers need from the answer layer."""

    def ask(self, query: str, lang: str | None) -> Reply: ...
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
    def years(self) -> list[int]: ...
    def has_children(self, code: str) -> bool: ...
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


_LETTER = re.compile(r"[^\W\d_]")
_KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def guess_lang(text: str, fallback: str) -> str | None:
    """A cheap hint used only when the question has no letters or is ambiguous."""
    if not _LETTER.search(text):
        return fallback
    if _KK_ONLY & set(text):
        return "kk"
    return None


class EngineAnswers:
    """:class:`Answers` backed by the real engine and the read-only store."""

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
        from bot.answer import Engine
        from bot.store.schema import open_db

        self._stamp = self._file_stamp()
        self.engine: Any = Engine(self.db_path)
        self.db = open_db(self.db_path, readonly=True)

    def reload(self) -> None:
        """Reopen after the store changed (an admin upload here or on another instance)."""
        with self._lock:
            self._open()

    def _fresh(self) -> Any:
        if self._file_stamp() != self._stamp:
            self.reload()
        return self.engine

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        self._fresh()
        conn = self.db.conn
        cur = conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    # -- engine calls ----------------------------------------------------------
    def ask(self, query: str, lang: str | None) -> Reply:
        return self._fresh().ask(query, lang=lang)

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
        engine = self._fresh()
        if hasattr(engine, "examples"):
            return list(engine.examples(lang))
        return list(engine.help(lang).suggestions)

    # -- store reads -----------------------------------------------------------
    def years(self) -> list[int]:
        rows = self._rows("SELECT DISTINCT year FROM lines WHERE current = 1 ORDER BY year")
        return [int(r["year"]) for r in rows]

    def has_children(self, code: str) -> bool:
        rows = self._rows(
            "SELECT 1 FROM lines WHERE current = 1 AND code LIKE ? LIMIT 1", (f"{code}.%",)
        )
        return bool(rows)

    def _entities(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT entity FROM lines WHERE current = 1 ORDER BY entity")
        return [r["entity"] for r in rows]

    def entity_key(self, entity: str | None) -> str:
        if not entity:
            return ""
        return hashlib.sha1(entity.encode()).hexdigest()[:8]

    def entity_of(self, key: str) -> str | None:
        if not key:
            return None
        return next((e for e in self._entities() if self.entity_key(e) == key), None)

    def _default_entity(self, entity: str | None) -> str | None:
        if entity:
            return entity
        rows = self._rows(
            "SELECT entity, COUNT(*) AS n FROM lines WHERE current = 1 "
            "GROUP BY entity ORDER BY n DESC LIMIT 1"
        )
        return rows[0]["entity"] if rows else None

    def entity_name(self, entity: str | None, lang: str) -> str:
        entity = self._default_entity(entity)
        if not entity:
            return ""
        col = f"name_{lang if lang in LANGS else DEFAULT_LANG}"
        rows = self._rows(f"SELECT {col} AS name FROM entities WHERE entity = ?", (entity,))
        return (rows[0]["name"] if rows else "") or entity

    def decisions(self, lang: str) -> list[Decision]:
        col = f"issuer_{lang if lang in LANGS else DEFAULT_LANG}"
        rows = self._rows(
            f"SELECT {col} AS issuer_l, issuer, number, date, title, kind, amendments "
            "FROM documents ORDER BY date, number"
        )
        out = []
        for r in rows:
            try:
                amendments = json.loads(r["amendments"] or "[]")
            except ValueError:
                amendments = []
            out.append(
                Decision(
                    issuer=r["issuer_l"] or r["issuer"] or "",
                    number=r["number"] or "",
                    date=r["date"] or "",
                    title=r["title"] or "",
                    kind=r["kind"] or "base",
                    amendments=[{k: str(v) for k, v in a.items()} for a in amendments],
                )
            )
        return out

    def _name(self, code: str, lang: str) -> str:
        from bot.classifier import default

        names = default().names(code)
        return names.get(lang) or names.get(DEFAULT_LANG) or code

    def by_area(self, year: int | None, lang: str, entity: str | None = None) -> list[Point]:
        engine = self._fresh()
        if hasattr(engine, "by_area"):
            return [Point(*p) for p in engine.by_area(year, lang, entity=entity)]
        entity = self._default_entity(entity)
        year = year or (self.years() or [0])[-1]
        rows = self._rows(
            "SELECT code, SUM(amount_tenge) AS t FROM lines WHERE current = 1 AND year = ? "
            "AND entity = ? AND section = 'expense' AND code NOT LIKE '%.%' "
            "GROUP BY code ORDER BY t DESC",
            (year, entity),
        )
        return [
            Point(self._name(r["code"], lang), Decimal(r["t"]) / 1000, r["code"])
            for r in rows
            if r["t"]
        ]

    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]:
        engine = self._fresh()
        if hasattr(engine, "across_years"):
            name, points = engine.across_years(code, lang, entity=entity)
            return name, [Point(*p) for p in points]
        code = code or "expense_total"
        entity = self._default_entity(entity)
        rows = self._rows(
            "SELECT year, SUM(amount_tenge) AS t FROM lines WHERE current = 1 AND code = ? "
            "AND entity = ? GROUP BY year ORDER BY year",
            (code, entity),
        )
        points = [Point(str(r["year"]), Decimal(r["t"]) / 1000, code) for r in rows]
        return self._name(code, lang), points

    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]:
        return list(self._fresh().export_rows(year=year, entity=entity))
