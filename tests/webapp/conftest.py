"""A real aiohttp server with the Mini App routes on 127.0.0.1, over the seed store."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from aiohttp import web

from bot.brief.service import Briefs
from bot.webapp import routes

TOKEN = "123456:TEST-webapp-token"


class Languages:
    """The bot's language store, as the web app sees it: user 42 chose Kazakh."""

    async def get(self, user_id: int) -> str | None:
        return {42: "kk"}.get(user_id)

    async def set(self, user_id: int, lang: str) -> None:  # pragma: no cover
        pass

    async def close(self) -> None:  # pragma: no cover
        pass


def sign(fields: dict[str, str], token: str = TOKEN) -> str:
    """initData the way Telegram signs it (HMAC-SHA256, key from "WebAppData" and the token)."""
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def init_data(user_id: int = 42, age: int = 0, token: str = TOKEN, lang: str = "en") -> str:
    user = json.dumps({"id": user_id, "first_name": "Aigerim", "language_code": lang})
    return sign({"auth_date": str(int(time.time()) - age), "query_id": "AAH", "user": user}, token)


@dataclass
class Server:
    url: str
    db: Path


@pytest.fixture(scope="module")
def server(seed_db: Path) -> Iterator[Server]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()  # the server's own loop: Playwright's sync API owns the main thread's

    async def start() -> tuple[web.AppRunner, int]:
        app = web.Application()
        routes.setup(app, Briefs(seed_db), TOKEN, max_age=3600, languages=Languages())
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    runner, port = asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    yield Server(f"http://127.0.0.1:{port}", seed_db)
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
