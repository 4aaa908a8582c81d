"""The one place the Telegram layer meets the answer engine and the store.

Handlers depend on :class:`Answers` (a protocol), so tests pass a fake and only
this module changes if the engine's signatures move. :class:`EngineAnswers`
wraps :class:`bot.answer.Engine` (which opens the store read-only) and adds what
only the bot needs: the answer language, short entity keys for callback data,
the decision list for /sources, and chart points.
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import itertools
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bot.answer.context import Context
from bot.answer.engine import Engine
from bot.answer.model import Reply
from bot.bytecache import ByteLRU, text_bytes
from bot.i18n import DEFAULT_LANG, LANGS

T = TypeVar("T")


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

    async def ask_async(
        self, query: str, user_lang: str, context: Context | None = None
    ) -> Reply:
        """:meth:`ask` off the event loop."""
        ...

    def amount(self, code: str, year: int, lang: str, entity: str | None = None) -> Reply: ...

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run another (slow) call off the event loop, with bounded concurrency."""
        ...

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
    def holders(self) -> list[str]: ...
    def holder_named(self, text: str) -> str | None: ...
    def entity_name(self, entity: str | None, lang: str) -> str: ...
    def decisions(self, lang: str) -> list[Decision]: ...
    def by_area(self, year: int | None, lang: str, entity: str | None = None) -> list[Point]: ...
    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]: ...
    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]: ...
    def reload(self) -> None: ...


_LATIN = re.compile(r"[A-Za-z]")
FRESH_EVERY = 1.0  # seconds between looks at the store's files
REPLY_CACHE_BYTES = 32 * 1024 * 1024
KEY_CHARS = 4096  # a cache key never holds more of a message than Telegram allows
# Reply-cache key parts: any asker's language; asked whole; a follow-up of nothing.
ANY_ASKER, ALONE, NO_CONTEXT = "*", "alone", "none"
EXPORT_MAX_ROWS = 100_000  # an .xlsx of this size is ~4 MB; Telegram takes up to 50 MB


def _entity(engine: Any, entity: str | None) -> str | None:
    return entity if entity in engine.years else engine.default_entity


def _reply_bytes(reply: Reply) -> int:
    """A Reply's footprint, roughly: its strings plus a few hundred bytes of objects."""
    texts = [reply.text, reply.query, *reply.sources, *reply.suggestions]
    texts += [i.name for i in reply.items]
    return text_bytes(*texts) + 400 + 250 * len(reply.items)


def _copy(reply: Reply) -> Reply:
    """A cached reply for one handler: its own lists (items themselves are frozen).

    Built by hand rather than with ``dataclasses.replace``, which runs ``__init__`` again:
    this runs for every cached answer on the event loop."""
    copy = object.__new__(Reply)
    copy.__dict__.update(reply.__dict__)
    copy.years = list(reply.years)
    copy.items = list(reply.items)
    copy.sources = list(reply.sources)
    copy.suggestions = list(reply.suggestions)
    return copy


class Version:
    """One opened copy of the store and who is using it.

    "three ingests while the bot answers: 42 of 145 answers were Sorry (the reload closes
    the engine another handler is using)": a reload opens a new Version beside this one;
    this one is closed when its last lease ends, never under a running call.
    """

    def __init__(self, engine: Any, stamp: tuple[int, ...], number: int) -> None:
        self.engine = engine
        self.stamp = stamp
        self.number = number
        self.lock = threading.RLock()  # one call at a time: the engine's caches are plain dicts
        self.replies: ByteLRU[Reply] = ByteLRU(REPLY_CACHE_BYTES, _reply_bytes)
        self.children: dict[tuple[str, int | None, str | None], bool] = {}
        self.users = 0
        self.retired = False
        self.closed = False

    def close_if_done(self) -> None:
        if self.retired and self.users == 0 and not self.closed:
            self.closed = True
            self.engine.db.close()


class EngineAnswers:
    """:class:`Answers` backed by :class:`bot.answer.Engine` over the read-only store.

    Questions run in one engine thread (``ask_async``), so the event loop never waits on
    an answer; the same question in the same language on the same day is answered from a
    cache bounded in bytes. The store's files are looked at no more than once a second.
    """

    def __init__(self, db_path: str | Path, workers: int = 1) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()  # guards _current and the lease counts
        self._numbers = itertools.count(1)
        self._checked = 0.0
        self._today = date.today().toordinal()  # a cache key part, looked at with the files
        self._reloading = False
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="engine")
        self._current = self._open()

    # -- lifecycle -----------------------------------------------------------
    def _file_stamp(self) -> tuple[int, ...]:
        """The store's file and its write-ahead log: modified time and size of each.

        An empty log counts as no log: opening a WAL store read-only creates one, and
        that is not a change (it made every first question reopen the store)."""
        stamp: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.db_path}{suffix}")
            except OSError:
                stamp += [0, 0]
            else:
                stamp += [st.st_mtime_ns, st.st_size] if st.st_size else [0, 0]
        return tuple(stamp)

    def _open(self) -> Version:
        from bot.answer import Engine

        stamp = self._file_stamp()
        return Version(Engine(self.db_path), stamp, next(self._numbers))  # read-only

    @property
    def engine(self) -> Any:
        return self._current.engine

    @property
    def version(self) -> int:
        return self._current.number

    def reload(self) -> None:
        """Open the store again beside the old copy (an admin upload here or elsewhere)."""
        new = self._open()
        with self._lock:
            old, self._current = self._current, new
            old.retired = True
            old.close_if_done()

    def _check_fresh(self) -> None:
        """Look at the files (at most once a second); when they changed, open the new
        version in the engine thread (~0.1-0.6 s), never on the event loop. Until it is
        ready the old version keeps answering; questions queued behind it get the new."""
        now = time.monotonic()
        if now - self._checked < FRESH_EVERY:
            return
        self._checked = now
        self._today = date.today().toordinal()
        if self._file_stamp() != self._current.stamp and not self._reloading:
            self._reloading = True
            try:
                self._pool.submit(self._reload_if_changed)
            except RuntimeError:  # closing
                self._reloading = False

    def _reload_if_changed(self) -> None:
        try:
            if self._file_stamp() != self._current.stamp:
                self.reload()
        finally:
            self._reloading = False

    @contextmanager
    def _lease(self) -> Iterator[Version]:
        """The current version, kept open until the block ends."""
        self._check_fresh()
        with self._lock:
            version = self._current
            version.users += 1
        try:
            with version.lock:
                yield version
        finally:
            with self._lock:
                version.users -= 1
                version.close_if_done()

    def _fresh(self) -> Any:
        """For the synchronous calls: they run to the end before a reload can interleave
        on the event loop, and the engine thread takes the version's lock."""
        self._check_fresh()
        return self._current.engine

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        with self._lock:
            self._current.retired = True
            self._current.close_if_done()

    # -- questions, off the event loop --------------------------------------------
    def _ask_in(
        self, version: Version, text: str, user_lang: str, context: Context | None = None
    ) -> Reply:
        engine = version.engine
        # one language detector, the engine's, on the text it reads ("a 4,096-character
        # message costs 6.4 ms" when a second one ran on the whole); the asker's language
        # only breaks a tie
        reply: Reply = engine.ask(text, prefer=user_lang, context=context)
        self._warm(version, reply)
        return reply

    def _warm(self, version: Version, reply: Reply) -> None:
        """What the answer's keyboard asks next ("Break down" only when there is more),
        found here in the engine thread rather than on the event loop."""
        if reply.code and reply.intent != "breakdown":
            year = max(reply.years) if reply.years else None
            self._children(version, reply.code, year, reply.entity)

    def _answer(self, call: Callable[[Any], Reply]) -> Reply:
        with self._lease() as version:
            reply = call(version.engine)
            self._warm(version, reply)
            return reply

    def _ask_leased(
        self, query: str, user_lang: str, context: Context | None
    ) -> tuple[Reply, Version]:
        from bot.answer.text import clean

        with self._lease() as version:
            return self._ask_in(version, clean(query), user_lang, context), version

    async def ask_async(
        self, query: str, user_lang: str, context: Context | None = None
    ) -> Reply:
        """:meth:`ask` without blocking the event loop: a cached answer at once, a new one
        computed in the engine thread (one at a time, so bursts queue instead of stalling).

        A question asked whole ("дороги 2024") has one answer in every chat and is kept
        once; a follow-up's answer depends on its context, so that context (without the
        moment it was left) is part of its key. Likewise the asker's language is part of
        the key only when it chose the reply's language ("бюджет 2024" is Kazakh and
        Russian alike). "hits 14,906, misses 6,060" was the benchmark's count when every
        answer was keyed by both."""
        # The key only folds spaces (cheap on the loop); cleaning runs in the engine thread.
        text = " ".join(query[:KEY_CHARS].split())
        self._check_fresh()
        day = self._today
        topic = context.topic() if context is not None else NO_CONTEXT
        hit = self._current.replies.get_any(
            (text, day, ANY_ASKER, ALONE),
            (text, day, ANY_ASKER, topic),
            (text, day, user_lang, ALONE),
            (text, day, user_lang, topic),
        )
        if hit is not None:
            return _copy(hit)
        loop = asyncio.get_running_loop()
        reply, version = await loop.run_in_executor(
            self._pool, self._ask_leased, query, user_lang, context
        )
        by = ANY_ASKER if reply.lang_from_words else user_lang
        version.replies.put((text, day, by, ALONE if reply.stands_alone else topic), reply)
        return _copy(reply)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Any other engine call, in the engine thread: the buttons' answers, commands,
        deep links, chart data, exports. The caller's context (its gettext locale) goes
        with it, as with ``asyncio.to_thread``."""
        loop = asyncio.get_running_loop()
        call = partial(contextvars.copy_context().run, fn, *args, **kwargs)
        return await loop.run_in_executor(self._pool, call)

    # -- engine calls ----------------------------------------------------------
    def ask(self, query: str, user_lang: str, context: Context | None = None) -> Reply:
        from bot.answer.text import clean

        with self._lease() as version:
            return self._ask_in(version, clean(query), user_lang, context)

    def amount(self, code: str, year: int, lang: str, entity: str | None = None) -> Reply:
        return self._answer(lambda e: e.amount(code, [year], lang, entity=entity))

    def overview(self, year: int | None, lang: str, entity: str | None = None) -> Reply:
        return self._answer(lambda e: e.overview(year, lang, entity=entity))

    def compare(
        self, years: list[int], lang: str, code: str | None = None, entity: str | None = None
    ) -> Reply:
        return self._answer(lambda e: e.compare(years, lang, code=code, entity=entity))

    def top(self, year: int | None, lang: str, n: int = 5, entity: str | None = None) -> Reply:
        return self._answer(lambda e: e.top(year, lang, n=n, entity=entity))

    def breakdown(self, code: str, year: int | None, lang: str, entity: str | None = None) -> Reply:
        return self._answer(lambda e: e.breakdown(code, year, lang, entity=entity))

    def help(self, lang: str) -> Reply:
        with self._lease() as v:
            return v.engine.help(lang)

    def examples(self, lang: str) -> list[str]:
        return list(self._fresh().examples(lang))

    def years(self, entity: str | None = None) -> list[int]:
        return list(self._fresh().available_years(entity))

    def has_children(self, code: str, year: int | None = None, entity: str | None = None) -> bool:
        with self._lease() as version:
            return self._children(version, code, year, entity)

    def _children(self, version: Version, code: str, year: int | None, entity: str | None) -> bool:
        """Whether "Break down" would show more than the line itself (remembered per version:
        the keyboard asks for every answer, and the answer is a whole breakdown)."""
        key = (code, year, entity)
        known = version.children.get(key)
        if known is None:
            known = version.children[key] = self._compute_children(version.engine, *key)
        return known

    def _compute_children(
        self, engine: Engine, code: str, year: int | None, entity: str | None
    ) -> bool:
        return engine.has_children(code, year, entity)

    def entity_key(self, entity: str | None) -> str:
        if not entity:
            return ""
        return hashlib.sha1(entity.encode()).hexdigest()[:8]

    def entity_of(self, key: str) -> str | None:
        if not key:
            return None
        return next((e for e in self._fresh().years if self.entity_key(e) == key), None)

    def holders(self) -> list[str]:
        """The budget holders the store has budgets for."""
        return list(self._fresh().store.holders())

    def holder_named(self, text: str) -> str | None:
        """The budget holder ``text`` names ("Талов", "Таловский сельский округ", "Talov"),
        read as a question's place is; None when it names none or several."""
        with self._lease() as version:
            return version.engine.read(text).entity

    def entity_name(self, entity: str | None, lang: str) -> str:
        engine = self._fresh()
        return str(engine.entity_name(_entity(engine, entity), lang))

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
        with self._lease() as v:
            series = v.engine.chart_series("groups", lang, year=year, entity=entity)
        return [
            Point(label, Decimal(value))
            for label, value in zip(series["labels"], series["values"], strict=True)
        ]

    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]:
        with self._lease() as v:
            series = v.engine.chart_series(
                "line", lang, code=code or "expense_total", entity=entity
            )
        points = [
            Point(label, Decimal(value), code or "")
            for label, value in zip(series["labels"], series["values"], strict=True)
        ]
        return str(series["title"]), points

    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]:
        """One budget holder's lines (the one asked for, else the store's main one).

        "/export on a million-line store takes 120 s and 2.8 GB and freezes the bot for
        27 s": the whole store was exported. One holder has at most its years × its lines
        (hundreds to a few thousand rows); ``EXPORT_MAX_ROWS`` is a backstop on top."""
        with self._lease() as v:
            engine = v.engine
            rows = engine.export_rows(year=year, entity=_entity(engine, entity))
        return list(rows[:EXPORT_MAX_ROWS])
