"""Scale out: two ``budget-bot run`` webhook instances behind one URL, sharing one Redis.

A local round-robin proxy (``roundrobin.py``) plays the load balancer, so consecutive
updates of one user land on different instances. Each instance has its own copy of the
store, as the deployment notes in docs/telegram.md say. What must hold whichever instance
takes an update: the language a user chose, the throttling count, and conversation (FSM)
state such as an admin's pending upload.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from .roundrobin import RoundRobin
from .standin import BotAPIStandIn, Call
from .test_e2e import (  # fixtures and helpers shared with the end-to-end tests
    ADMIN,
    FIXTURES,
    api,  # noqa: F401
    budget_bot,
    free_port,
    make_env,
    redis_url,  # noqa: F401
    store,  # noqa: F401
    wait_port,
)

SECRET = "scale-Secret_1"
HOOK = "/tg/hook"


class Cluster:
    def __init__(self, standin: BotAPIStandIn, proxy: RoundRobin, url: str) -> None:
        self.api = standin
        self.proxy = proxy
        self.url = url + HOOK
        self.procs: list[subprocess.Popen[bytes]] = []
        self.next_id = 1

    def taker(self, before: list[int]) -> int:
        """Which instance took the last request."""
        return next(
            i for i, (a, b) in enumerate(zip(before, self.proxy.served, strict=True)) if a != b
        )

    async def post(self, update: dict[str, Any]) -> int:
        update = {**update, "update_id": self.next_id}
        self.next_id += 1
        before = list(self.proxy.served)
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                self.url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            ) as resp,
        ):
            assert resp.status == 200
        return self.taker(before)

    async def say(self, user: dict[str, Any], text: str) -> tuple[int, list[Call]]:
        mark = len(self.api.calls)
        self.api.send_text(user, text)
        taker = await self.post(self.api.updates.get_nowait())
        calls = await self.api.wait_for(lambda c: c.method == "sendMessage", since=mark)
        return taker, calls

    async def press(self, user: dict[str, Any], under: Call, label: str) -> tuple[int, Call]:
        button = next(b for b in under.buttons() if b["text"] == label)
        mark = len(self.api.calls)
        self.api.press(user, under, button["callback_data"])
        taker = await self.post(self.api.updates.get_nowait())
        (reply,) = await self.api.wait_for(lambda c: c.method == "sendMessage", since=mark)
        return taker, reply


@pytest.fixture
async def cluster(
    api: BotAPIStandIn,  # noqa: F811
    store: Path,  # noqa: F811
    redis_url: str,  # noqa: F811
    tmp_path: Path,
) -> AsyncIterator[Cluster]:
    ports = [free_port(), free_port()]
    proxy = RoundRobin([f"http://127.0.0.1:{p}" for p in ports])
    url = await proxy.start()
    c = Cluster(api, proxy, url)
    try:
        for i, port in enumerate(ports):
            home = tmp_path / f"instance{i}"
            (home / "data").mkdir(parents=True)
            db = home / "data" / "budget.db"
            shutil.copy(store, db)  # each instance its own copy of the store
            env = make_env(
                f"http://127.0.0.1:{api.port}",
                db,
                home,
                REDIS_URL=redis_url,
                WEBHOOK_URL=url + HOOK,
                WEBHOOK_SECRET=SECRET,
                WEBHOOK_HOST="127.0.0.1",
                WEBHOOK_PORT=str(port),
                THROTTLE_LIMIT="3",
                THROTTLE_WINDOW="60",
            )
            c.procs.append(
                subprocess.Popen(
                    [*budget_bot(), "run"],
                    env=env,
                    cwd=home,
                    stdout=(home / "bot.log").open("ab"),
                    stderr=subprocess.STDOUT,
                )
            )
        for port in ports:
            await wait_port(port, timeout=90)
        yield c
    finally:
        for proc in c.procs:
            proc.terminate()
        for proc in c.procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                await asyncio.to_thread(proc.wait, 30)
            if proc.poll() is None:
                proc.kill()
        await proxy.stop()


async def test_language_throttling_and_state_hold_on_any_instance(cluster: Cluster) -> None:
    tg = cluster.api
    # The language chosen through one instance is the one the other speaks.
    user = tg.user(401, "en", "Nurlan")
    first, (picker,) = await cluster.say(user, "/lang")
    assert picker.text == "Choose your language:"
    second, _ = await cluster.press(user, picker, "🇷🇺 Русский")
    third, (again,) = await cluster.say(user, "/lang")
    assert again.text == "Выберите язык:"
    assert first != second and third != second

    # An upload left pending by one instance is confirmed through the other.
    admin = tg.user(ADMIN, "en", "Admin")
    mark = len(tg.calls)
    tg.send_document(admin, "ru_rural_base.txt", (FIXTURES / "ru_rural_base.txt").read_bytes())
    took_upload = await cluster.post(tg.updates.get_nowait())
    (report,) = await tg.wait_for(
        lambda c: c.method == "sendMessage" and "Store it?" in c.text, since=mark, timeout=60
    )
    took_confirm, stored = await cluster.press(admin, report, "✅ Confirm and store")
    assert took_confirm != took_upload
    assert stored.text.startswith("✅ Stored: Zhanatalap rural district")

    # Three updates per minute, counted across instances: the fourth gets one notice,
    # the fifth nothing, though each instance saw only two or three of them.
    talker = tg.user(402, "en", "Aigerim")
    mark = len(tg.calls)
    takers = []
    for _ in range(5):
        tg.send_text(talker, "budget 2024")
        takers.append(await cluster.post(tg.updates.get_nowait()))
    await tg.wait_for(lambda c: c.method == "sendMessage", count=4, since=mark, timeout=30)
    await asyncio.sleep(0.5)  # nothing more may come
    sent = [c for c in tg.calls[mark:] if c.method == "sendMessage"]
    assert len(sent) == 4, [c.text for c in sent]
    assert sum("asking a bit fast" in c.text for c in sent) == 1
    assert set(takers) == {0, 1}
    assert all(n > 0 for n in cluster.proxy.served)
