"""Throughput with N ``budget-bot run`` webhook instances behind one URL and one Redis.

The deployment of docs/telegram.md ("Scale out") on one machine: a redis-server on
loopback, the Bot API stand-in of the tests, a round-robin proxy as the load balancer, and
N instances, each with its own copy of the store. Updates are posted to the proxy 64 at a
time, as Telegram delivers webhooks; the figure is updates answered per second (until the
stand-in has recorded every reply). The load generator, proxy and stand-in run in this
process and share the machine's cores with the instances: compare the rows with each other.

    .venv/bin/python bench/dispatch.py --instances 1,2,4      # with the other figures
    .venv/bin/python bench/scale.py --instances 1,2,4 --updates 2000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import aiohttp  # noqa: E402

TOKEN = "123456:SCALE-token"
SECRET = "bench-Secret_1"
HOOK = "/tg/hook"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_port(port: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.05)
        else:
            writer.close()
            return


def start_redis(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(home),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, f"redis://127.0.0.1:{port}/0"


async def one_setup(db: Path, n: int, updates: list[dict[str, Any]], home: Path) -> float:
    from tests.telegram.roundrobin import RoundRobin
    from tests.telegram.standin import BotAPIStandIn

    redis, redis_url = start_redis(home)
    api = BotAPIStandIn()
    api_url = await api.start()
    ports = [free_port() for _ in range(n)]
    proxy = RoundRobin([f"http://127.0.0.1:{p}" for p in ports])
    url = await proxy.start()
    script = Path(sys.executable).with_name("budget-bot")
    cmd = [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot", "run"]
    procs = []
    try:
        await wait_port(int(redis_url.rsplit(":", 1)[1].split("/")[0]))
        for i, port in enumerate(ports):
            inst = home / f"instance{n}-{i}"
            inst.mkdir(parents=True)
            copy = inst / "budget.db"
            shutil.copy(db, copy)  # each instance its own copy of the store
            env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
            env.update(
                BOT_TOKEN=TOKEN,
                TELEGRAM_API_URL=api_url,
                BUDGET_DB=str(copy),
                USERS_DB=str(inst / "users.db"),
                REDIS_URL=redis_url,
                THROTTLE_LIMIT="0",
                WEBHOOK_URL=url + HOOK,
                WEBHOOK_SECRET=SECRET,
                WEBHOOK_HOST="127.0.0.1",
                WEBHOOK_PORT=str(port),
                LOG_LEVEL="WARNING",
            )
            log = (inst / "bot.log").open("ab")
            procs.append(
                subprocess.Popen(cmd, env=env, cwd=inst, stdout=log, stderr=subprocess.STDOUT)
            )
        for port in ports:
            await wait_port(port)
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as http:

            async def post(update: dict[str, Any]) -> None:
                async with http.post(url + HOOK, json=update, headers=headers) as resp:
                    assert resp.status == 200, resp.status

            await asyncio.gather(*(post(u) for u in updates[:20]))  # warm-up
            await api.wait_for(lambda c: c.method == "sendMessage", count=20, timeout=120)
            mark = len(api.calls)
            t0 = time.perf_counter()
            for i in range(20, len(updates), 64):
                await asyncio.gather(*(post(u) for u in updates[i : i + 64]))
            try:
                await api.wait_for(
                    lambda c: c.method == "sendMessage",
                    count=len(updates) - 20,
                    since=mark,
                    timeout=60,
                )
            except TimeoutError:
                got = sum(c.method == "sendMessage" for c in api.calls[mark:])
                raise SystemExit(f"{got} of {len(updates) - 20} replies; logs in {home}") from None
            return (len(updates) - 20) / (time.perf_counter() - t0)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(30)
            if proc.poll() is None:
                proc.kill()
        await proxy.stop()
        await api.stop()
        redis.terminate()
        redis.wait(10)


async def instances_throughput(db: Path, counts: list[int], n_updates: int) -> dict[str, float]:
    from dispatch import make_updates

    # every one answered with a message (an empty text gets no reply to wait for)
    updates = [u for u in make_updates(min(n_updates, 2000)) if u["message"]["text"].strip()]
    home = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    return {str(n): await one_setup(db, n, updates, home) for n in counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "budget.db")
    ap.add_argument("--instances", default="1,2,4")
    ap.add_argument("--updates", type=int, default=2000)
    args = ap.parse_args()
    counts = [int(x) for x in args.instances.split(",")]
    res = asyncio.run(instances_throughput(args.db, counts, args.updates))
    print(f"load average {os.getloadavg()[0]:.2f}\n")
    print("| instances | updates/s |\n| --- | --- |")
    for n, rate in res.items():
        print(f"| {n} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
