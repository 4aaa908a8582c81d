"""Soak: the real bot for N minutes under mixed questions, admin uploads (some hostile) and
CLI ingests; prints answers, failures and peak memory.

Runs ``budget-bot run`` against the local Bot API stand-in (``tests/telegram/standin.py``)
on a store built from ``data/sources/``. Meanwhile:

- ``--users`` users ask questions from a kk/ru/en mix, one at a time each, and wait for
  the reply (a reply that is the error apology, or none within 30 s, is a failure);
- the admin uploads a decision every ``--upload-every`` seconds, alternating real
  fixtures (confirmed, so the store is written and the answers reloaded) and generated
  bombs (each must be refused in one line);
- ``budget-bot ingest`` runs against the same store every ``--ingest-every`` seconds.

Memory is sampled every 0.5 s: the bot process alone and with its sandbox children.
This is a measurement, not a test: it prints, it does not assert (exit 1 only when an
answer failed, so CI could use it).

    .venv/bin/python bench/soak.py --minutes 2
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.faults import bombs  # noqa: E402
from tests.telegram.standin import BotAPIStandIn  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "decisions"
TOKEN = "123456:SOAK-token"
ADMIN = 777
QUESTIONS = [
    ("kk", "2024 жылы жолдарға қанша жұмсалды?"),
    ("kk", "/budget 2024"),
    ("ru", "сколько потратили на освещение улиц в 2023"),
    ("ru", "/top 2025"),
    ("ru", "доходы 2025"),
    ("en", "2024 roads spending"),
    ("en", "/budget 2023"),
    ("en", "compare 2023 and 2024"),
    ("en", "what is a deficit"),
    ("en", "football results"),
]
APOLOGY = ("Sorry, something went wrong", "Кешіріңіз", "Извините, что-то пошло не так")


@dataclass
class Tally:
    answers: int = 0
    failures: list[str] = field(default_factory=list)
    uploads_stored: int = 0
    uploads_refused: int = 0
    upload_failures: list[str] = field(default_factory=list)
    ingests: int = 0
    ingest_failures: int = 0
    latencies: list[float] = field(default_factory=list)
    peak_bot_kb: int = 0
    peak_total_kb: int = 0
    rss_kb: list[int] = field(default_factory=list)  # the bot's RSS, every 0.5 s


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


async def sample_memory(pid: int, tally: Tally, stop: asyncio.Event) -> None:
    while not stop.is_set():
        own = rss_kb(pid)
        total = own + sum(rss_kb(c) for c in children(pid))
        tally.peak_bot_kb = max(tally.peak_bot_kb, own)
        tally.peak_total_kb = max(tally.peak_total_kb, total)
        tally.rss_kb.append(own)
        await asyncio.sleep(0.5)


async def user_loop(api: BotAPIStandIn, uid: int, tally: Tally, deadline: float) -> None:
    lang_cycle = itertools.cycle(QUESTIONS[uid % len(QUESTIONS) :] + QUESTIONS)
    user = None
    while time.monotonic() < deadline:
        lang, text = next(lang_cycle)
        user = api.user(uid, lang, f"User{uid}")
        mark = len(api.calls)
        start = time.monotonic()
        api.send_text(user, text)
        try:
            (reply,) = await api.wait_for(
                lambda c, uid=uid: (
                    c.method in {"sendMessage", "sendPhoto"}
                    and str(c.params.get("chat_id")) == str(uid)
                ),
                since=mark,
                timeout=30,
            )
        except TimeoutError:
            tally.failures.append(f"user {uid}: no reply to {text!r}")
            continue
        tally.latencies.append(time.monotonic() - start)
        if any(a in reply.text for a in APOLOGY):
            tally.failures.append(f"user {uid}: apology for {text!r}")
        else:
            tally.answers += 1
        await asyncio.sleep(0.2)  # let trailing parts of a long reply arrive


UPLOADS = [
    ("ru_rural_base.txt", lambda: (FIXTURES / "ru_rural_base.txt").read_bytes(), True),
    ("bomb.docx", lambda: bombs.docx_xml_bomb(500), False),
    ("kk_rural_base.html", lambda: (FIXTURES / "kk_rural_base.html").read_bytes(), True),
    ("nested.html", bombs.html_nested, False),
    ("ru_multi_entity.html", lambda: (FIXTURES / "ru_multi_entity.html").read_bytes(), True),
    ("pages.pdf", lambda: bombs.pdf_pages(50_000), False),
]


async def admin_loop(api: BotAPIStandIn, tally: Tally, deadline: float, every: float) -> None:
    admin = api.user(ADMIN, "en", "Admin")
    for name, make, good in itertools.cycle(UPLOADS):
        if time.monotonic() + every > deadline:
            return
        await asyncio.sleep(every)
        mark = len(api.calls)
        api.send_document(admin, name, make())
        try:
            (report,) = await api.wait_for(
                lambda c: c.method == "sendMessage" and str(c.params.get("chat_id")) == str(ADMIN),
                since=mark,
                timeout=60,
            )
        except TimeoutError:
            tally.upload_failures.append(f"{name}: no reply")
            continue
        if not good:
            if "I could not use this file" in report.text and "\n" not in report.text:
                tally.uploads_refused += 1
            else:
                tally.upload_failures.append(f"{name}: {report.text[:80]!r}")
            continue
        confirm = next((b for b in report.buttons() if b["text"].startswith("✅")), None)
        if confirm is None:
            tally.upload_failures.append(f"{name}: no Confirm button")
            continue
        mark = len(api.calls)
        api.press(admin, report, confirm["callback_data"])
        try:
            (stored,) = await api.wait_for(
                lambda c: c.method == "sendMessage" and str(c.params.get("chat_id")) == str(ADMIN),
                since=mark,
                timeout=60,
            )
        except TimeoutError:
            tally.upload_failures.append(f"{name}: no reply to Confirm")
            continue
        if stored.text.startswith("✅"):
            tally.uploads_stored += 1
        else:
            tally.upload_failures.append(f"{name}: {stored.text[:80]!r}")


async def ingest_loop(
    db: Path, env: dict[str, str], tally: Tally, deadline: float, every: float
) -> None:
    files = [str(FIXTURES / n) for n in ("kk_rural_base.txt", "ru_amend_replace.txt")]
    while time.monotonic() + every < deadline:
        await asyncio.sleep(every)
        proc = await asyncio.create_subprocess_exec(
            *budget_bot(),
            "ingest",
            *files,
            "--db",
            str(db),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        code = await proc.wait()
        tally.ingests += 1
        tally.ingest_failures += code != 0


def budget_bot() -> list[str]:
    script = Path(sys.executable).with_name("budget-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


async def soak(args: argparse.Namespace) -> Tally:
    from bot import SOURCES_DIR
    from bot.ingest.pipeline import ingest_paths

    tmp = Path(tempfile.mkdtemp(prefix="soak-"))
    db = tmp / "data" / "budget.db"
    db.parent.mkdir()
    ingest_paths(sorted(SOURCES_DIR.glob("*.txt")), db)
    api = BotAPIStandIn()
    await api.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=f"http://127.0.0.1:{api.port}",
        BUDGET_DB=str(db),
        USERS_DB=str(tmp / "users.db"),
        ADMIN_IDS=str(ADMIN),
        THROTTLE_LIMIT="100000",
        REDIS_URL="",
        WEBHOOK_URL="",
        BUDGET_BOT_STATUS=str(tmp / "status.json"),
    )
    log = (tmp / "bot.log").open("wb")
    proc = subprocess.Popen(
        [*budget_bot(), "run"], env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT
    )
    tally = Tally()
    stop = asyncio.Event()
    try:
        await api.wait_for(lambda c: c.method == "getMe", timeout=60)
        deadline = time.monotonic() + args.minutes * 60
        sampler = asyncio.create_task(sample_memory(proc.pid, tally, stop))
        await asyncio.gather(
            *(user_loop(api, 1000 + i, tally, deadline) for i in range(args.users)),
            admin_loop(api, tally, deadline, args.upload_every),
            ingest_loop(db, env, tally, deadline, args.ingest_every),
        )
        stop.set()
        await sampler
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        await api.stop()
        log.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--upload-every", type=float, default=5.0, help="seconds")
    parser.add_argument("--ingest-every", type=float, default=7.0, help="seconds")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and log")
    args = parser.parse_args()
    tally = asyncio.run(soak(args))
    lat = sorted(tally.latencies) or [0.0]
    print(f"| minutes | {args.minutes:g} |")
    print(f"| answers | {tally.answers} |")
    print(f"| failed answers | {len(tally.failures)} |")
    print(
        f"| reply latency p50 / p99 / max, ms | {lat[len(lat) // 2] * 1000:.0f} / "
        f"{lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000:.0f} / {lat[-1] * 1000:.0f} |"
    )
    print(
        f"| uploads stored / bombs refused / upload failures | {tally.uploads_stored} / "
        f"{tally.uploads_refused} / {len(tally.upload_failures)} |"
    )
    print(f"| CLI ingests (failed) | {tally.ingests} ({tally.ingest_failures}) |")
    print(f"| peak RSS, bot process | {tally.peak_bot_kb / 1024:.0f} MB |")
    print(f"| peak RSS, bot + sandbox children | {tally.peak_total_kb / 1024:.0f} MB |")
    if tally.rss_kb:
        n = len(tally.rss_kb)
        marks = " / ".join(
            f"{tally.rss_kb[min(n - 1, n * q // 4)] / 1024:.0f}" for q in (1, 2, 3, 4)
        )
        print(f"| bot RSS at 1/4, 2/4, 3/4, end of the run | {marks} MB |")
    for line in (tally.failures + tally.upload_failures)[:20]:
        print("  -", line)
    return 1 if tally.failures or tally.upload_failures else 0


if __name__ == "__main__":
    sys.exit(main())
