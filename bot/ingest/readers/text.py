"""Plain text: UTF-8 (with or without BOM), else cp1251; binary garbage refused."""

from __future__ import annotations

from bot.ingest.limits import Limits, check_text, refuse
from bot.ingest.readers import Read, Reader, _no_check


def decode(data: bytes, name: str, limits: Limits) -> str:
    if b"\x00" in data[:65536]:
        raise refuse(name, "this is a binary file, not a text document")
    text: str | None = None
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # pragma: no cover - cp1251 decodes almost anything
        raise refuse(name, "the text encoding could not be recognised")
    refuse_garbage(text, name)
    check_text(text, name, limits)
    return text


def refuse_garbage(text: str, name: str) -> None:
    """Refuse text that is mostly control characters or has no letters at all."""
    sample = text[:100000]
    if not sample.strip():
        raise refuse(name, "the file is empty")
    bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t\f\v")
    letters = sum(1 for ch in sample if ch.isalpha())
    if bad > 0.05 * len(sample) or (letters < 0.2 * len(sample.strip()) and letters < 20):
        raise refuse(name, "the file does not contain readable text")
    if bad > 0.02 * len(sample):
        raise refuse(name, "the file looks like binary data, not text")


def _read(data: bytes, name: str, limits: Limits) -> Read:
    return Read(decode(data, name, limits), None)


READER = Reader(
    kind="txt",
    suffixes=frozenset({".txt", ".text", ".md", ""}),
    sniff=lambda data: False,  # the fallback, never proven by content
    precheck=_no_check,
    read=_read,
)
