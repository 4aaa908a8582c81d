"""One read-only engine over the store for the brief and the Mini App, reopened when
the store file changes (an admin upload, a rebuild), so both always show the figures
the chat answers with. Injected through the dispatcher / the aiohttp app, never global.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import date
from pathlib import Path

from bot.answer import Engine
from bot.brief.data import Brief, gather


class Briefs:
    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._stamp: tuple[int, ...] = ()

    def _file_stamp(self) -> tuple[int, ...]:
        out = []
        for suffix in ("", "-wal"):
            p = Path(f"{self.db_path}{suffix}")
            out.append(p.stat().st_mtime_ns if p.exists() else 0)
        return tuple(out)

    def engine(self) -> Engine:
        stamp = self._file_stamp()
        with self._lock:
            if self._engine is None or stamp != self._stamp:
                old, self._engine, self._stamp = self._engine, Engine(self.db_path), stamp
                if old is not None:
                    old.db.close()
            return self._engine

    def gather(self, entity: str | None, year: int | None, lang: str) -> Brief:
        return gather(self.engine(), entity, year, lang)

    async def pdf(
        self, entity: str | None, year: int | None, lang: str, today: date | None = None
    ) -> tuple[Brief, bytes]:
        """Gather and render off the event loop (a page takes ~0.1 s of CPU)."""

        def work() -> tuple[Brief, bytes]:
            data = self.gather(entity, year, lang)
            from bot.brief.pdf import render  # reportlab on the first brief

            return data, render(data, today)

        return await asyncio.to_thread(work)
