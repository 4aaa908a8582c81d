"""Admin uploads: parse a decision without touching the store, then store it on confirm.

Uses the ingest pipeline's library calls: ``parse_upload(data, filename)`` (store
untouched) for the preview, and ``store_parsed(result, db_path)`` (one transaction)
on "Confirm". The file itself is kept next to the other sources so that a rebuild
of the store (``budget-bot ingest``) includes it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bot.model import ParseResult, UnusableDocument

ALLOWED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".docx", ".pdf"})
MAX_BYTES = 20 * 1024 * 1024  # what the Bot API lets a bot download

__all__ = ["ALLOWED_SUFFIXES", "MAX_BYTES", "UnusableDocument", "inspect", "store"]


def safe_name(filename: str) -> str:
    path = Path(filename or "upload.txt")
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:60] or "upload"
    return f"{stem}{path.suffix.lower()}"


def inspect(data: bytes, filename: str) -> ParseResult:
    """Parse the file as the store would see it; raises UnusableDocument with a reason."""
    from bot.ingest.pipeline import parse_upload

    return parse_upload(data, safe_name(filename))


def store(data: bytes, filename: str, db_path: Path) -> ParseResult:
    """Parse again, keep the file with the sources, and store the result atomically."""
    from bot.ingest.pipeline import store_parsed

    result = inspect(data, filename)
    sources = db_path.parent / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()[:16]
    dest = sources / f"upload_{digest}_{safe_name(filename)}"
    created = not dest.exists()
    if created:
        tmp = dest.with_name(dest.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(dest)
    try:
        store_parsed(result, db_path)
    except BaseException:
        if created:
            dest.unlink(missing_ok=True)
        raise
    return result
