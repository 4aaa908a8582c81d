"""One registry of readers by file format: the content picks the reader, then the name.

Why: "today an .xlsx goes to the .docx reader" — any zip was taken for a Word file.
Each format is one small module with a ``Reader``: its kind, the suffixes it owns,
how to recognise its bytes, its cheap pre-check (``bot.ingest.limits``) and how to
read it. Formats we recognise but cannot read (spreadsheets, old .doc, images) are
refused here in one line that says what to send instead.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.limits import Limits, refuse
from bot.model import UnusableDocument


@dataclass(frozen=True)
class Read:
    """What a reader gives back: plain text, and HTML when tables survive."""

    text: str
    html: str | None


@dataclass(frozen=True)
class Reader:
    kind: str  # "txt" | "html" | "docx" | "pdf"
    suffixes: frozenset[str]
    sniff: Callable[[bytes], bool]  # True when the bytes are surely this format
    precheck: Callable[[bytes, str, Limits], None]
    read: Callable[[bytes, str, Limits], Read]


def _no_check(data: bytes, name: str, limits: Limits) -> None:
    return None


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()[:5000]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return []


# Recognised, refused: (test on the bytes or the suffix, reason).
_REFUSED: tuple[tuple[Callable[[bytes, str], bool], str], ...] = (
    (
        lambda d, s: (
            s in {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
            or (d[:2] == b"PK" and any(n.startswith("xl/") for n in _zip_names(d)))
        ),
        "spreadsheets are not read; please send the decision as .docx, .pdf, .html or .txt",
    ),
    (
        lambda d, s: s == ".doc" or d[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "old Word .doc files are not supported; save it as .docx or .txt",
    ),
    (
        lambda d, s: d[:8] == b"\x89PNG\r\n\x1a\n" or d[:3] == b"\xff\xd8\xff",
        "this is a picture; please send the decision's text (.docx, .pdf, .html or .txt)",
    ),
)


def _registry() -> tuple[Reader, ...]:
    from bot.ingest.readers import docx, html, pdf, text

    # Order matters only for sniffing: binary formats first, plain text last.
    return (docx.READER, pdf.READER, html.READER, text.READER)


def pick(data: bytes, filename: str) -> Reader:
    """The reader for these bytes: a format the content proves, else the suffix's,
    else plain text (which may still turn out to be HTML)."""
    suffix = Path(filename).suffix.lower()
    for test, reason in _REFUSED:
        if test(data, suffix):
            raise refuse(filename, reason)
    readers = _registry()
    for reader in readers:
        if reader.sniff(data):
            return reader
    for reader in readers:
        if suffix in reader.suffixes:
            return reader
    return readers[-1]


def read(data: bytes, filename: str, limits: Limits) -> tuple[str, Read]:
    """Pick the reader, pre-check the bytes, read; returns (kind, what was read)."""
    reader = pick(data, filename)
    reader.precheck(data, filename, limits)
    got = reader.read(data, filename, limits)
    if reader.kind == "txt":
        from bot.ingest.readers import html

        if html.looks_like_html(got.text):
            html.READER.precheck(data, filename, limits)
            return "html", html.READER.read(data, filename, limits)
    return reader.kind, got


__all__ = ["Read", "Reader", "UnusableDocument", "pick", "read"]
