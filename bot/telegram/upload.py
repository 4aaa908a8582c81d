"""Admin uploads: parse a decision in the sandbox, then store it and its source together.

``inspect`` parses the bytes in a capped child process (``bot.ingest.sandbox``) for
the preview; the store is untouched. ``store`` runs on "Confirm": it checks the
bytes are the ones previewed (their sha256), parses them again, commits the result
to the store in one transaction, and only then renames the source file into
``data/sources/`` — so a source file there always has its figures in the store, and
a crash or a full disk leaves at worst a hidden ``.part`` file that
``remove_leftovers`` deletes at the next start (``budget-bot build`` never reads
hidden files).

"disk full at Confirm: a truncated .part stayed in sources/, the admin saw
'Storing…' forever, and the next build 'repaired' a correct 48,570 to 3,250."
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.limits import Limits
from bot.model import ParseResult, UnusableDocument

ALLOWED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".docx", ".pdf"})
MAX_BYTES = Limits.max_bytes  # what the Bot API lets a bot download
PART = ".part"

__all__ = [
    "ALLOWED_SUFFIXES",
    "MAX_BYTES",
    "Pending",
    "StoreFailed",
    "UnusableDocument",
    "inspect",
    "remove_leftovers",
    "store",
]


class StoreFailed(Exception):
    """Storing failed and nothing was stored; the message is one line for the admin."""


@dataclass(frozen=True)
class Pending:
    """The one upload an admin may confirm: its id is in the Confirm button's data."""

    upload_id: str
    sha: str  # sha256 hex of the previewed bytes
    file_id: str
    file_name: str

    @classmethod
    def new(cls, data: bytes, file_id: str, file_name: str) -> Pending:
        return cls(secrets.token_hex(4), sha256(data), file_id, file_name)

    def as_state(self) -> dict[str, str]:
        return {
            "upload": self.upload_id,
            "sha": self.sha,
            "file_id": self.file_id,
            "file_name": self.file_name,
        }

    @classmethod
    def from_state(cls, data: dict[str, object]) -> Pending | None:
        try:
            return cls(
                str(data["upload"]), str(data["sha"]), str(data["file_id"]), str(data["file_name"])
            )
        except KeyError:
            return None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_name(filename: str) -> str:
    path = Path(filename or "upload.txt")
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:60].lstrip(".") or "upload"
    return f"{stem}{path.suffix.lower()}"


def inspect(data: bytes, filename: str) -> ParseResult:
    """Parse the file as the store would see it, in the sandbox; raises UnusableDocument."""
    from bot.ingest.sandbox import parse_bytes

    return parse_bytes(data, safe_name(filename))


def sources_dir(db_path: Path) -> Path:
    return db_path.parent / "sources"


def why(exc: BaseException) -> str:
    """One line saying why a write failed (the admin sees it; no paths, no traceback)."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or "disk is full" in text:
        return "disk full"
    if "disk i/o error" in text:  # SQLite's word for a write the disk refused
        return "disk full or failing (a write was refused)"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text:
        return "the store is read-only"
    if "locked" in text or "busy" in text:
        return "the store is busy; please try again in a minute"
    return f"the store could not be written ({type(exc).__name__})"


def store(
    data: bytes, filename: str, db_path: Path, expected_sha: str | None = None
) -> ParseResult:
    """Check, parse, commit, then rename the source into place; all or nothing.

    Raises UnusableDocument (the file) or StoreFailed (the disk or the store).
    """
    from bot.ingest.pipeline import store_parsed

    digest = sha256(data)
    if expected_sha is not None and digest != expected_sha:
        raise UnusableDocument("the file is not the one previewed; please send it again")
    result = inspect(data, filename)
    sources = sources_dir(db_path)
    dest = sources / f"upload_{digest[:16]}_{safe_name(filename)}"
    part = sources / f".{dest.name}.{secrets.token_hex(4)}{PART}"
    try:
        sources.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        store_parsed(result, db_path)  # one transaction: all lines or none
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        raise StoreFailed(why(exc)) from exc
    try:
        os.replace(part, dest)  # only a committed parse becomes a source
        _fsync_dir(sources)
    except OSError:  # pragma: no cover - a rename needs no space; logged by the caller
        part.unlink(missing_ok=True)
        raise
    return result


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(db_path: Path) -> list[str]:
    """Delete partial files a crash or a full disk left in ``sources/``; their names."""
    sources = sources_dir(db_path)
    if not sources.is_dir():
        return []
    removed = []
    for path in sources.iterdir():
        if path.name.endswith(PART) and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed
