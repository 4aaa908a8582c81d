"""Read a decision file (txt, html, docx, pdf) into text, plus HTML where tables exist.

Why a separate step: the parsers in ``bot.ingest.clean`` work on one text or one
HTML page and must never see bytes. Everything that can make a file unusable
(empty, binary garbage, scanned PDF without a text layer, oversized, a bomb) is
caught here and raised as ``UnusableDocument`` with a one-line reason for the user,
so no caller ever shows a traceback. Which reader reads a file is decided by the
registry in ``bot.ingest.readers``; the bounds are ``bot.ingest.limits``. Untrusted
files are read in a capped child process (``bot.ingest.sandbox``), not here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.ingest.limits import Limits, check_size
from bot.ingest.readers import read as read_with_registry
from bot.ingest.readers.html import html_to_text
from bot.model import UnusableDocument

MAX_BYTES = Limits.max_bytes
Kind = Literal["txt", "html", "docx", "pdf"]

__all__ = ["MAX_BYTES", "Source", "html_to_text", "read_bytes", "read_document"]


@dataclass(frozen=True)
class Source:
    """A readable document: its text, its HTML when tables survive, and its hash."""

    text: str
    html: str | None
    kind: Kind
    sha: str  # sha256 hex of the original bytes


def _limits(limits: Limits | None) -> Limits:
    return limits if limits is not None else Limits.from_env()


def read_document(path: Path, limits: Limits | None = None) -> Source:
    """Read ``path``; raise ``UnusableDocument`` when it holds nothing we can read."""
    path = Path(path)
    limits = _limits(limits)
    if not path.is_file():
        raise UnusableDocument(f"{path.name}: no such file")
    check_size(path.stat().st_size, path.name, limits)
    return read_bytes(path.read_bytes(), path.name, limits)


def read_bytes(data: bytes, filename: str, limits: Limits | None = None) -> Source:
    """Read an upload's bytes; the registry picks the reader by content, then suffix."""
    name = filename or "upload"
    limits = _limits(limits)
    check_size(len(data), name, limits)
    if not data.strip():
        raise UnusableDocument(f"{name}: the file is empty")
    sha = hashlib.sha256(data).hexdigest()
    kind, got = read_with_registry(data, name, limits)
    return Source(text=got.text, html=got.html, kind=kind, sha=sha)  # type: ignore[arg-type]
