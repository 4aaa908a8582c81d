"""Dispatcher benchmark: budget-bot as ``budget-bot run`` builds it vs a bare aiogram echo bot.

Both get the same null Bot API session (``bench/nullapi.py``: canned results, no network)
and the same updates: kk/ru/en questions (the dev set and the engine benchmark's mix, a
share of them padded to Telegram's 4,096 characters) from 500 users, throttling off. One
process, interleaved rounds, so both see the same machine. This is a benchmark, not a test.

    .venv/bin/python bench/dispatch.py                   # every figure, Markdown
    .venv/bin/python bench/dispatch.py --updates 50 --quick   # smoke run
    .venv/bin/python bench/dispatch.py --json

Figures:
- latency: each update fed alone (``feed_raw_update``, as a webhook request is), p50/p99;
  ``one at a time`` updates/s = 1 / mean.
- throughput: the same updates fed 100 at a time as tasks, as long polling hands them over.
- burst: 200 users at once; the longest event-loop iteration (a monitor coroutine that only
  yields) and when the first and last replies were sent.
- long: p99 of the 4,096-character messages alone (the issue's "any message up to 4,096").
- RSS: a child process per bot: peak RSS once ready (idle) and after all updates.
- start: a real process (``budget-bot run`` / ``bench/echo_bot.py``) long-polling a local
  Bot API stand-in; time from spawn to the first reply.
- instances (``--instances 1,2,4``): N ``budget-bot run`` webhook processes behind a local
  round-robin proxy, one Redis; updates/s through the proxy (``bench/scale.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from aiogram import Bot, Dispatcher  # noqa: E402
from nullapi import NullSession  # noqa: E402

TOKEN = "123456:BENCH-token"
LANGS = ("kk", "ru", "en")
LONG_SHARE = 0.02  # share of updates padded to 4,096 characters


# -- the updates ------------------------------------------------------------------------
def questions() -> list[tuple[str, str]]:
    """(lang, text): the dev set and the engine benchmark's mix."""
    from questions import GENERAL  # bench/questions.py

    from bot.answer import devset

    out = [(c.lang, c.q) for c in devset.load()]
    out += [(lang, q) for _cat, lang, q in GENERAL]
    return out


def padded(text: str, rng: random.Random, size: int = 4096) -> str:
    """A question inside a long message: the kind of wall of text people paste."""
    filler = "Подскажите пожалуйста, мне нужно для отчёта, очень срочно. "
    body = f"{text} "
    while len(body) < size:
        body += filler
    return body[:size]


def make_updates(n: int, users: int = 500, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool = questions()
    now = int(time.time())
    updates = []
    for i in range(n):
        uid = 10_000 + i % users
        _lang, text = rng.choice(pool)
        if rng.random() < LONG_SHARE:
            text = padded(text, rng)
        updates.append(
            {
                "update_id": i + 1,
                "message": {
                    "message_id": i + 1,
                    "date": now,
                    "chat": {"id": uid, "type": "private", "first_name": f"U{uid}"},
                    "from": {
                        "id": uid,
                        "is_bot": False,
                        "first_name": f"U{uid}",
                        "language_code": LANGS[uid % 3],
                    },
                    "text": text,
                },
            }
        )
    return updates


# -- the two bots ---------------------------------------------------------------------------
@dataclass
class Subject:
    name: str
    dp: Dispatcher
    bot: Bot
    session: NullSession
    logging: Callable[[], None]
    close: Callable[[], Any] = lambda: None
    lat: list[float] = field(default_factory=list)
    long_lat: list[float] = field(default_factory=list)


def quiet_logging() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, stream=open(os.devnull, "w"), force=True)  # noqa: SIM115


def echo_subject() -> Subject:
    from echo_bot import make_dispatcher

    session = NullSession()
    return Subject(
        "bare echo", make_dispatcher(), Bot(TOKEN, session=session), session, quiet_logging
    )


def budget_settings(db: Path, tmp: Path, **extra: Any) -> Any:
    from bot.config import Settings

    return Settings(  # type: ignore[call-arg]
        bot_token=TOKEN,
        BUDGET_DB=db,
        users_db=tmp / "users.db",
        throttle_limit=0,
        redis_url=None,
        webhook_url=None,
        **extra,
    )


def budget_subject(db: Path, tmp: Path) -> Subject:
    from aiogram.client.default import DefaultBotProperties
    from aiogram.enums import ParseMode

    from bot.telegram import app
    from bot.telegram.retry import RetryAfterMiddleware

    settings = budget_settings(db, tmp)
    services = app.make_services(settings)
    dp = app.make_dispatcher(settings, services)
    session = NullSession()
    session.middleware(RetryAfterMiddleware())  # as make_bot() does
    bot = Bot(
        TOKEN,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )
    devnull = open(os.devnull, "w")  # noqa: SIM115

    def logging_as_run() -> None:
        app.setup_logging(settings, stream=devnull)

    async def close() -> None:
        closer = getattr(services.answers, "close", None)
        if closer is not None:
            closer()
        await services.languages.close()

    return Subject("budget-bot", dp, bot, session, logging_as_run, close)


# -- measurements ----------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def feed_one_by_one(s: Subject, updates: list[dict[str, Any]]) -> None:
    s.logging()
    for raw in updates:
        t0 = time.perf_counter()
        await s.dp.feed_raw_update(s.bot, raw)
        dt = time.perf_counter() - t0
        s.lat.append(dt)
        if len(raw["message"]["text"]) >= 4000:
            s.long_lat.append(dt)


async def feed_as_polling(s: Subject, updates: list[dict[str, Any]], batch: int = 100) -> float:
    s.logging()
    t0 = time.perf_counter()
    for i in range(0, len(updates), batch):
        await asyncio.gather(*(s.dp.feed_raw_update(s.bot, u) for u in updates[i : i + batch]))
    return time.perf_counter() - t0


async def burst(s: Subject, updates: list[dict[str, Any]]) -> dict[str, float]:
    """All updates at once (one per user); the longest loop iteration, first/last reply."""
    s.logging()
    s.session.replies.clear()
    stalls: list[float] = []
    running = True

    async def monitor() -> None:
        last = time.perf_counter()
        while running:
            await asyncio.sleep(0)
            now = time.perf_counter()
            stalls.append(now - last)
            last = now

    mon = asyncio.create_task(monitor())
    await asyncio.sleep(0)
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(s.dp.feed_raw_update(s.bot, u)) for u in updates]
    await asyncio.gather(*tasks)
    running = False
    await mon
    replies = sorted(s.session.replies)
    return {
        "stall_ms": max(stalls) * 1000,
        "first_ms": (replies[0] - t0) * 1000 if replies else float("nan"),
        "last_ms": (replies[-1] - t0) * 1000 if replies else float("nan"),
    }


async def in_process(db: Path, n: int, rounds: int, bursts: int) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-dispatch-"))
    updates = make_updates(n)
    subjects = [echo_subject(), budget_subject(db, tmp)]
    # Warm up both (imports on first use, caches), outside the timings.
    for s in subjects:
        await feed_one_by_one(s, updates[: min(200, n)])
        s.lat.clear()
        s.long_lat.clear()
    chunk = max(1, n // rounds)
    for r in range(rounds):
        part = updates[r * chunk : (r + 1) * chunk]
        for s in subjects if r % 2 == 0 else subjects[::-1]:
            gc.collect()
            await feed_one_by_one(s, part)
    polled: dict[str, list[float]] = {s.name: [] for s in subjects}
    for r in range(rounds):
        part = updates[r * chunk : (r + 1) * chunk]
        for s in subjects if r % 2 == 0 else subjects[::-1]:
            gc.collect()
            polled[s.name].append(len(part) / await feed_as_polling(s, part))
    bursted: dict[str, list[dict[str, float]]] = {s.name: [] for s in subjects}
    for b in range(bursts):
        crowd = make_updates(200, users=200, seed=100 + b)
        for u in crowd:  # 200 users who have not written before
            u["message"]["from"]["id"] += 1_000_000 * (b + 1)
            u["message"]["chat"]["id"] = u["message"]["from"]["id"]
        for s in subjects if b % 2 == 0 else subjects[::-1]:
            gc.collect()
            bursted[s.name].append(await burst(s, crowd))
    out: dict[str, Any] = {"updates": n, "rounds": rounds, "bursts": bursts}
    for s in subjects:
        out[s.name] = {
            "one_at_a_time_per_s": len(s.lat) / sum(s.lat),
            "polling_per_s": statistics.median(polled[s.name]),
            "p50_ms": pct(s.lat, 50) * 1000,
            "p99_ms": pct(s.lat, 99) * 1000,
            "max_ms": max(s.lat) * 1000,
            "long_p99_ms": pct(s.long_lat, 99) * 1000,
            "long_count": len(s.long_lat),
            "burst_stall_ms": statistics.median(x["stall_ms"] for x in bursted[s.name]),
            "burst_stall_worst_ms": max(x["stall_ms"] for x in bursted[s.name]),
            "burst_first_ms": statistics.median(x["first_ms"] for x in bursted[s.name]),
            "burst_last_ms": statistics.median(x["last_ms"] for x in bursted[s.name]),
        }
        await _maybe_await(s.close())
    return out


async def _maybe_await(value: Any) -> None:
    if asyncio.iscoroutine(value):
        await value


# -- memory: one child process per bot ------------------------------------------------------
def peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def rss_child(which: str, db: Path, n: int) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-rss-"))
    s = echo_subject() if which == "echo" else budget_subject(db, tmp)
    gc.collect()
    idle = peak_rss_mb()
    for raw in make_updates(n):
        await s.dp.feed_raw_update(s.bot, raw)
    return {"idle_mb": idle, "after_mb": peak_rss_mb()}


def rss(db: Path, n: int) -> dict[str, dict[str, float]]:
    out = {}
    for which in ("echo", "budget"):
        res = subprocess.run(
            [sys.executable, __file__, "--child-rss", which, "--db", str(db), "--updates", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        out["bare echo" if which == "echo" else "budget-bot"] = json.loads(res.stdout)
    return out


# -- start to first answer: real processes against the Bot API stand-in ------------------
async def first_answer(cmd: list[str], env: dict[str, str]) -> float:
    from tests.telegram.standin import BotAPIStandIn

    api = BotAPIStandIn()
    url = await api.start()
    await api.updates.put(make_updates(1)[0])
    env = {**env, "TELEGRAM_API_URL": url}
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not any(c.method == "sendMessage" for c in api.calls):
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd} exited with {proc.returncode}")
            if time.monotonic() - t0 > 120:
                raise TimeoutError(cmd)
            await asyncio.sleep(0.005)
        sent = next(c.at for c in api.calls if c.method == "sendMessage")
        return sent - t0
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(30)
        if proc.poll() is None:
            proc.kill()
        await api.stop()


async def start_times(db: Path, repeats: int) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    base.update(BOT_TOKEN=TOKEN, REDIS_URL="", WEBHOOK_URL="", PYTHONPATH=str(ROOT))
    budget_env = {
        **base,
        "BUDGET_DB": str(db),
        "USERS_DB": str(tmp / "users.db"),
        "THROTTLE_LIMIT": "0",
    }
    script = Path(sys.executable).with_name("budget-bot")
    budget_cmd = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot", "run"]
    echo_cmd = [sys.executable, str(ROOT / "bench" / "echo_bot.py")]
    times: dict[str, list[float]] = {"bare echo": [], "budget-bot": []}
    for r in range(repeats):
        order = [("bare echo", echo_cmd, base), ("budget-bot", budget_cmd, budget_env)]
        for name, cmd, env in order if r % 2 == 0 else order[::-1]:
            times[name].append(await first_answer(cmd, env))
    return {k: statistics.median(v) for k, v in times.items()}


# -- report ----------------------------------------------------------------------------------
def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def table(res: dict[str, Any]) -> str:
    b, e = res["in_process"]["budget-bot"], res["in_process"]["bare echo"]
    rows = [
        ("updates/s, one at a time", "one_at_a_time_per_s", "{:,.0f}"),
        ("updates/s, 100 at a time (polling)", "polling_per_s", "{:,.0f}"),
        ("p50 per update, ms", "p50_ms", "{:.2f}"),
        ("p99 per update, ms", "p99_ms", "{:.2f}"),
        ("p99 of 4,096-character messages, ms", "long_p99_ms", "{:.2f}"),
        ("200 users at once: longest loop stall, ms", "burst_stall_ms", "{:.1f}"),
        ("200 users at once: first reply after, ms", "burst_first_ms", "{:.1f}"),
        ("200 users at once: last reply after, ms", "burst_last_ms", "{:.1f}"),
    ]
    out = ["| figure | budget-bot | bare echo | ratio |", "| --- | --- | --- | --- |"]
    for label, key, f in rows:
        out.append(
            f"| {label} | {f.format(b[key])} | {f.format(e[key])} | {ratio(b[key], e[key])} |"
        )
    if "rss" in res:
        rb, re_ = res["rss"]["budget-bot"], res["rss"]["bare echo"]
        out.append(
            f"| peak RSS idle / after {res['in_process']['updates']:,} updates, MB | "
            f"{rb['idle_mb']:.0f} / {rb['after_mb']:.0f} | {re_['idle_mb']:.0f} / "
            f"{re_['after_mb']:.0f} | {ratio(rb['idle_mb'], re_['idle_mb'])} / "
            f"{ratio(rb['after_mb'], re_['after_mb'])} |"
        )
    if "start" in res:
        sb, se = res["start"]["budget-bot"], res["start"]["bare echo"]
        out.append(f"| start to first answer, s | {sb:.2f} | {se:.2f} | {ratio(sb, se)} |")
    if "instances" in res:
        for n, rate in res["instances"].items():
            out.append(
                f"| {n} instance(s) behind one webhook URL + Redis, updates/s | {rate:,.0f} | | |"
            )
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="the store (default: the seed, built in a temp dir)")
    ap.add_argument("--updates", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--bursts", type=int, default=5)
    ap.add_argument("--starts", type=int, default=3, help="real-process starts per bot")
    ap.add_argument("--instances", default="", help="e.g. 1,2,4 (needs redis-server)")
    ap.add_argument("--quick", action="store_true", help="in-process figures only")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child-rss", choices=("echo", "budget"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    db = args.db or seed_store()
    if args.child_rss:
        quiet_logging()
        print(json.dumps(asyncio.run(rss_child(args.child_rss, db, args.updates))))
        return
    res: dict[str, Any] = {"load": os.getloadavg()[0]}
    res["in_process"] = asyncio.run(in_process(db, args.updates, args.rounds, args.bursts))
    if not args.quick:
        res["rss"] = rss(db, args.updates)
        res["start"] = asyncio.run(start_times(db, args.starts))
    if args.instances:
        from scale import instances_throughput

        res["instances"] = asyncio.run(
            instances_throughput(db, [int(x) for x in args.instances.split(",")], args.updates)
        )
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(f"{args.updates:,} updates, 500 users; load average {res['load']:.2f}\n")
        print(table(res))


def seed_store() -> Path:
    """The seed store, built from data/sources into a temporary file (as ``bench/run.py``)."""
    db = ROOT / "data" / "budget.db"
    if db.exists():
        return db
    out = Path(tempfile.mkdtemp(prefix="bench-seed-")) / "budget.db"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "ingest",
            *sorted(map(str, (ROOT / "data" / "sources").glob("*"))),
            "--db",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return out


if __name__ == "__main__":
    main()
