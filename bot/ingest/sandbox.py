"""Parse an untrusted file in a child process with memory, CPU-time and wall-clock caps.

Why: "a .docx zip bomb took 7.5 GB of memory, then the bot was killed" and "other
users' latency went from 5 to 245 ms while an upload parsed in a thread". The
parent runs ``python -m bot.ingest.sandbox``; the child caps its own address space
(RLIMIT_AS) and CPU time (RLIMIT_CPU) before importing any parser, reads the file,
parses it and writes the result to stdout as JSON. The parent kills it at the
wall-clock cap. Whatever goes wrong inside, the parent gets data (a ParseResult
rebuilt from JSON with amounts as exact decimal strings) or one line naming the
limit that was hit — never a pickled object, never a traceback.

Usage as a library: ``parse_bytes(data, filename)`` for an upload, ``parse_path(path)``
for a file on disk; both raise ``UnusableDocument``. Blocking: call them from a
thread (``asyncio.to_thread``) in the bot; the wait itself holds no GIL.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.ingest.limits import Limits, check_size
from bot.model import (
    Amendment,
    Budget,
    Document,
    Edition,
    Line,
    ParseResult,
    Problem,
    Repair,
    Replacement,
    UnusableDocument,
)

# ------------------------------------------------------------------ the wire format


def _plain(obj: object) -> str:
    if isinstance(obj, Decimal):
        return str(obj)  # exact: "366814.4", never a float
    if isinstance(obj, date):
        return obj.isoformat()
    raise TypeError(type(obj).__name__)


def to_wire(result: ParseResult) -> str:
    """The result as JSON text; Decimals as strings, dates as ISO dates."""
    return json.dumps(asdict(result), default=_plain, ensure_ascii=False)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def from_wire(text: str) -> ParseResult:
    """Rebuild a ParseResult from ``to_wire``'s JSON, field by field (no code runs)."""
    raw: dict[str, Any] = json.loads(text)
    documents = [
        Document(
            **{
                **d,
                "date": _day(d["date"]),
                "amends": _edition(d["amends"]),
                "amendments": [
                    Amendment(**{**a, "date": date.fromisoformat(a["date"])})
                    for a in d["amendments"]
                ],
            }
        )
        for d in raw["documents"]
    ]
    budgets: dict[tuple[str, int, str], Budget] = {}

    def budget(b: dict[str, Any]) -> Budget:
        """One Budget per entity, year and document, shared by its replacements."""
        key = (b["entity"], b["year"], b["doc_id"])
        if key not in budgets:
            budgets[key] = Budget(
                **{
                    **b,
                    "edition": _edition(b["edition"]),
                    "lineage": tuple(tuple(x) for x in b["lineage"]),
                    "lines": [Line(**{**ln, "amount": _dec(ln["amount"])}) for ln in b["lines"]],
                }
            )
        return budgets[key]

    stored = [budget(b) for b in raw["budgets"]]
    replacements = [
        Replacement(
            **{
                **r,
                "budget": budget(r["budget"]),
                "old": Decimal(r["old"]),
                "new": Decimal(r["new"]),
            }
        )
        for r in raw["replacements"]
    ]
    return ParseResult(
        documents=documents,
        budgets=stored,
        repairs=[Repair(**{**r, "value": Decimal(r["value"])}) for r in raw["repairs"]],
        problems=[Problem(**p) for p in raw["problems"]],
        entities=raw["entities"],
        rows=raw["rows"],
        replacements=replacements,
    )


def _edition(value: dict[str, Any] | None) -> Edition | None:
    return Edition(_day(value["date"]), value["number"]) if value else None


# ------------------------------------------------------------------ the parent side

# The children running now: a process-wide table, so that shutdown can stop them
# (a parse may take up to the wall cap, longer than the shutdown grace).
_RUNNING: set[subprocess.Popen[bytes]] = set()
_STOPPING = threading.Event()


def stop_running() -> int:
    """Kill every parsing child (at shutdown, after the grace); how many there were."""
    _STOPPING.set()
    running = list(_RUNNING)
    for proc in running:
        with contextlib.suppress(OSError):
            proc.kill()
    return len(running)


@dataclass(frozen=True)
class Outcome:
    """What one sandboxed parse cost (for the fault suite and the soak)."""

    seconds: float
    peak_kb: int  # the child's peak resident memory; 0 when it was killed


def _child_env(limits: Limits) -> dict[str, str]:
    env = dict(os.environ)
    env.update(limits.as_env())
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH")) if p
    )
    return env


def run(
    data: bytes | None,
    name: str,
    path: Path | None = None,
    limits: Limits | None = None,
) -> tuple[ParseResult, Outcome]:
    """Parse in a capped child; returns the result and what it cost."""
    limits = limits or Limits.from_env()
    args = [sys.executable, "-m", "bot.ingest.sandbox", name]
    if path is not None:
        args += ["--path", str(path)]
    start = time.monotonic()
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_child_env(limits),
    )
    _RUNNING.add(proc)
    try:
        stdout, _ = proc.communicate(data or b"", timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise UnusableDocument(
            f"{name}: reading the file took longer than {limits.wall_seconds} s"
        ) from None
    finally:
        _RUNNING.discard(proc)
    if _STOPPING.is_set():
        raise UnusableDocument(f"{name}: the bot is restarting; please send the file again")
    seconds = time.monotonic() - start
    try:
        reply: dict[str, Any] = json.loads(stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        reply = {}
    if reply.get("ok"):
        return from_wire(reply["result"]), Outcome(seconds, int(reply.get("peak_kb", 0)))
    if reply.get("reason"):
        refused = UnusableDocument(str(reply["reason"]))
        refused.outcome = Outcome(seconds, int(reply.get("peak_kb", 0)))  # type: ignore[attr-defined]
        raise refused
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise UnusableDocument(
            f"{name}: reading the file needed more than {limits.cpu_seconds} s of CPU time"
        )
    # Anything else is a crash the child could not even report: at these caps that is
    # an allocation failure inside a C library.
    raise UnusableDocument(
        f"{name}: reading the file needed more than {limits.memory_mb} MB of memory"
    )


def parse_bytes(data: bytes, filename: str, limits: Limits | None = None) -> ParseResult:
    """An upload's bytes, parsed in the sandbox (the admin's preview and Confirm)."""
    limits = limits or Limits.from_env()
    check_size(len(data), filename, limits)
    return run(data, filename, limits=limits)[0]


def parse_path(path: str | Path, limits: Limits | None = None) -> ParseResult:
    """A file on disk, parsed in the sandbox (``budget-bot ingest/build/parse``)."""
    path = Path(path)
    limits = limits or Limits.from_env()
    if not path.is_file():
        raise UnusableDocument(f"{path.name}: no such file")
    check_size(path.stat().st_size, path.name, limits)
    return run(None, path.name, path=path, limits=limits)[0]


# ------------------------------------------------------------------ the child side


class _CpuLimit(Exception):
    pass


def _on_xcpu(signum: int, frame: object) -> None:
    raise _CpuLimit


def _cap(limits: Limits) -> None:
    """Caps set by the child on itself, before any parser is imported."""
    mem = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    # SIGXCPU at the soft cap lets the child say why; SIGKILL 2 s later if it cannot.
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXCPU, _on_xcpu)


def _peak_kb() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss would carry the parent's
    peak over the fork)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(argv: list[str]) -> int:
    limits = Limits.from_env()
    name = argv[0] if argv else "upload"
    path = Path(argv[2]) if len(argv) >= 3 and argv[1] == "--path" else None
    data = None if path is not None else sys.stdin.buffer.read()
    _cap(limits)
    try:
        from bot.ingest import pipeline

        # replaced figures stay pending: the parent applies them over the store
        if path is not None:
            result = pipeline.parse_file(path, defer=True)
        else:
            result = pipeline.parse_upload(data or b"", name, defer=True)
        reply: dict[str, Any] = {"ok": True, "result": to_wire(result)}
    except UnusableDocument as exc:
        reply = {"ok": False, "reason": " ".join(str(exc).split())}
    except MemoryError:
        reply = {
            "ok": False,
            "reason": f"{name}: reading the file needed more than {limits.memory_mb} MB of memory",
        }
    except _CpuLimit:
        reply = {
            "ok": False,
            "reason": f"{name}: reading the file needed more than "
            f"{limits.cpu_seconds} s of CPU time",
        }
    except RecursionError:
        reply = {"ok": False, "reason": f"{name}: the document is nested too deeply"}
    except Exception as exc:  # a parser bug: one line, no traceback
        reply = {"ok": False, "reason": f"{name}: could not be parsed ({type(exc).__name__})"}
    reply["peak_kb"] = _peak_kb()
    sys.stdout.write(json.dumps(reply, ensure_ascii=False))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
