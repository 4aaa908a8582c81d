"""End to end: the real ``budget-bot run`` process against a local Bot API stand-in.

The store is built from ``data/sources/`` by the real ingest; the bot talks to the
stand-in through ``TELEGRAM_API_URL``. The conversation is written to
``transcript.md`` in the test's temporary folder (and to ``$E2E_TRANSCRIPT`` if set).
"""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from openpyxl import load_workbook

from bot import PROJECT_DIR, SOURCES_DIR

from .standin import BotAPIStandIn, Call

TOKEN = "123456:E2E-token"
ADMIN = 777
FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "decisions"


def budget_bot() -> list[str]:
    script = Path(sys.executable).with_name("budget-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_port(port: int, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.05)
        else:
            writer.close()
            return


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipeline = pytest.importorskip("bot.ingest.pipeline")
    db = tmp_path_factory.mktemp("store") / "budget.db"
    reports = pipeline.ingest_paths(sorted(SOURCES_DIR.glob("*.txt")), db)
    assert reports and all(r.ok for r in reports), [r.reason for r in reports]
    return db


@pytest.fixture
async def api() -> AsyncIterator[BotAPIStandIn]:
    standin = BotAPIStandIn()
    await standin.start()
    yield standin
    await standin.stop()


class Bot:
    """The bot process and the transcript of what it said."""

    def __init__(self, api: BotAPIStandIn, env: dict[str, str], cwd: Path) -> None:
        self.api = api
        self.env = env
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = cwd / "bot.log"
        self.transcript: list[str] = []

    async def start(self) -> None:
        mark = len(self.api.calls)
        self.proc = subprocess.Popen(
            [*budget_bot(), "run"],
            env=self.env,
            cwd=self.cwd,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        try:
            await self.api.wait_for(lambda c: c.method == "getMe", since=mark, timeout=60)
        except TimeoutError:
            self.proc.kill()
            raise AssertionError(self.log.read_text()) from None

    async def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(self.proc.wait, 30)
        return code

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def said(self, who: str, text: str) -> None:
        self.transcript.append(f"**{who}:** {text}")

    def heard(self, calls: list[Call]) -> None:
        for c in calls:
            if c.method in {"sendMessage", "sendPhoto", "sendDocument", "editMessageText"}:
                body = c.text
                if c.method != "sendMessage":
                    name = next(iter(c.files.values()), ("?", b""))[0]
                    body = f"[{c.method[4:].lower()} {name}] {body}"
                buttons = " ".join(f"[{b['text']}]" for b in c.buttons())
                self.transcript.append(
                    "> " + body.replace("\n", "\n> ") + (f"\n> {buttons}" if buttons else "")
                )
            elif c.method == "answerCallbackQuery" and c.params.get("text"):
                self.transcript.append(f"> (popup) {c.params['text']}")
            elif c.method == "answerInlineQuery":
                titles = [r.get("title") for r in c.params.get("results", [])]
                self.transcript.append(f"> (inline cards) {titles}")


def make_env(api_url: str, store: Path, tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api_url,
        BUDGET_DB=str(store),
        USERS_DB=str(tmp / "users.db"),
        ADMIN_IDS=str(ADMIN),
        THROTTLE_LIMIT="1000",
        REDIS_URL="",
        WEBHOOK_URL="",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@pytest.fixture
def private_store(store: Path, tmp_path: Path) -> Path:
    """A copy of the store this test may write to (admin uploads)."""
    db = tmp_path / "data" / "budget.db"
    db.parent.mkdir()
    shutil.copy(store, db)
    return db


@pytest.fixture
async def running(api: BotAPIStandIn, private_store: Path, tmp_path: Path) -> AsyncIterator[Bot]:
    url = f"http://127.0.0.1:{api.port}"
    bot = Bot(api, make_env(url, private_store, tmp_path), tmp_path)
    await bot.start()
    yield bot
    bot.kill()


async def exchange(
    bot: Bot, who: str, user: dict, text: str, replies: int = 1, method: str = "sendMessage"
) -> list[Call]:
    mark = len(bot.api.calls)
    bot.said(who, text)
    bot.api.send_text(user, text)
    calls = await bot.api.wait_for(lambda c: c.method == method, count=replies, since=mark)
    await asyncio.sleep(0.2)  # let trailing messages of the same reply arrive
    bot.heard(bot.api.since(mark))
    return calls


async def press(
    bot: Bot,
    who: str,
    user: dict,
    under: Call,
    label: str,
    method: str = "sendMessage",
    replies: int = 1,
) -> list[Call]:
    button = next(b for b in under.buttons() if b["text"] == label)
    assert len(button["callback_data"].encode()) <= 64
    mark = len(bot.api.calls)
    bot.said(who, f"(taps «{label}»)")
    bot.api.press(user, under, button["callback_data"])
    calls = await bot.api.wait_for(lambda c: c.method == method, count=replies, since=mark)
    await asyncio.sleep(0.2)
    bot.heard(bot.api.since(mark))
    return calls


def write_transcript(bot: Bot, path: Path) -> None:
    text = "\n\n".join(bot.transcript) + "\n"
    path.write_text(text, encoding="utf-8")
    if os.environ.get("E2E_TRANSCRIPT"):
        Path(os.environ["E2E_TRANSCRIPT"]).write_text(text, encoding="utf-8")


async def test_conversation_in_three_languages(running: Bot, tmp_path: Path) -> None:
    bot, api = running, running.api
    try:
        # Startup: webhook removed, commands registered per language.
        await api.wait_for(lambda c: c.method == "setMyCommands", count=4)
        assert any(c.method == "deleteWebhook" for c in api.calls)
        menus = {
            c.params.get("language_code"): c.params["commands"]
            for c in api.calls
            if c.method == "setMyCommands"
        }
        assert menus["kk"][0] == {"command": "budget", "description": "Бір жылғы бюджетке шолу"}
        assert menus["ru"][0]["description"] == "Сводка бюджета за год"

        # Kazakh
        kk = api.user(101, "kk", "Айгерім")
        bot.transcript.append("## Қазақша")
        (hello,) = await exchange(bot, "Айгерім", kk, "/start")
        assert hello.text.startswith("Сәлем, Айгерім!")
        assert [b["text"] for b in hello.buttons()] == ["🇰🇿 Қазақша", "🇷🇺 Русский", "🇬🇧 English"]
        (roads,) = await exchange(bot, "Айгерім", kk, "2024 жылы жолдарға қанша жұмсалды?")
        assert "2024: 400 мың ₸" in roads.text
        assert "Дереккөз" in roads.text and "№ 28-7" in roads.text
        labels = [b["text"] for b in roads.buttons()]
        assert "⚖️ 2023 жылмен салыстыру" in labels and "📄 Дереккөз" in labels
        (cmp,) = await press(  # navigation edits the answer in place
            bot, "Айгерім", kk, roads, "⚖️ 2023 жылмен салыстыру", method="editMessageText"
        )
        assert "2023" in cmp.text and "2024" in cmp.text and "448" in cmp.text
        (budget,) = await exchange(bot, "Айгерім", kk, "/budget 2024")
        assert "Кірістер: 58 149 мың ₸" in budget.text
        (chart,) = await press(bot, "Айгерім", kk, budget, "📊 Диаграмма", method="sendPhoto")
        assert "Салалар бойынша шығыстар, 2024" in chart.text
        assert next(iter(chart.files.values()))[1].startswith(b"\x89PNG")

        # Russian
        ru = api.user(102, "ru", "Сергей")
        bot.transcript.append("## Русский")
        (hello,) = await exchange(bot, "Сергей", ru, "/start")
        assert hello.text.startswith("Здравствуйте, Сергей!")
        (light,) = await exchange(bot, "Сергей", ru, "сколько потратили на освещение улиц в 2023")
        assert "2023: 1 796 тыс. ₸" in light.text
        assert "в редакции решения № 15-4" in light.text
        (years,) = await press(bot, "Сергей", ru, light, "📅 Другие годы", method="editMessageText")
        assert "2025" in years.text
        (line,) = await press(bot, "Сергей", ru, light, "📈 График", method="sendPhoto")
        assert "по годам" in line.text
        (src,) = await press(bot, "Сергей", ru, light, "📄 Источник")
        assert "Жанибекский районный маслихат, решение № 28-7" in src.text
        (top,) = await exchange(bot, "Сергей", ru, "/top 2025")
        assert "2025" in top.text

        # English, then a switch to Kazakh that outlives nothing but this process
        en = api.user(103, "en", "Dana")
        bot.transcript.append("## English")
        (hello,) = await exchange(bot, "Dana", en, "/start")
        assert hello.text.startswith("Hello, Dana!")
        (roads,) = await exchange(bot, "Dana", en, "2024 roads spending")
        assert "2024: 400 thousand ₸" in roads.text
        assert "Zhanibek District Maslikhat, decision No 28-7" in roads.text
        (overview,) = await exchange(bot, "Dana", en, "/budget")
        assert "Revenue" in overview.text
        docs = await exchange(bot, "Dana", en, "/export 2024", replies=2, method="sendDocument")
        names = [next(iter(d.files.values()))[0] for d in docs]
        assert names == ["budget-2024.csv", "budget-2024.xlsx"]
        csv_text = next(iter(docs[0].files.values()))[1].decode("utf-8-sig")
        assert csv_text.splitlines()[0] == 'Budget,Year,Code,Name,"Amount, thousand ₸",Source'
        row = "Talov rural district (Zhanibek district),2024,income_total,Revenue,58149"
        assert row in csv_text
        ws = load_workbook(io.BytesIO(next(iter(docs[1].files.values()))[1])).active
        assert ws["E2"].value == 58149
        (sources,) = await exchange(bot, "Dana", en, "/sources")
        assert "amended by decision No 15-4" in sources.text
        (helpmsg,) = await exchange(bot, "Dana", en, "/help")
        example = helpmsg.buttons()[0]["text"]
        echo, ans = await press(bot, "Dana", en, helpmsg, example, replies=2)
        assert echo.text == f"{example[2:]}" or example[2:] in echo.text
        assert "₸" in ans.text

        mark = len(api.calls)
        bot.said("Dana", "(inline) @budget_kz_bot 2024 дороги")
        api.inline(en, "2024 дороги")
        (cards,) = await api.wait_for(lambda c: c.method == "answerInlineQuery", since=mark)
        bot.heard([cards])
        assert "400" in cards.params["results"][0]["input_message_content"]["message_text"]

        (picker,) = await exchange(bot, "Dana", en, "/lang")
        mark = len(api.calls)
        await press(bot, "Dana", en, picker, "🇰🇿 Қазақша")
        popup = await api.wait_for(lambda c: c.method == "answerCallbackQuery", since=mark)
        assert popup[0].params.get("text") == "Тіл сақталды"
        (again,) = await exchange(bot, "Dana", en, "/budget 2023")
        assert "2023" in again.text and "мың ₸" in again.text

        # Admin upload: preview, then store on "Confirm"; others are refused.
        bot.transcript.append("## Admin upload")
        admin = api.user(ADMIN, "ru", "Admin")
        data = (FIXTURES / "ru_rural_base.txt").read_bytes()
        mark = len(api.calls)
        bot.said("Admin", "(sends ru_rural_base.txt)")
        api.send_document(admin, "ru_rural_base.txt", data)
        (report,) = await api.wait_for(
            lambda c: c.method == "sendMessage" and "Сохранить?" in c.text, since=mark
        )
        bot.heard([report])
        assert "ничего не сохранено" in report.text
        assert "2024: 46 строк" in report.text
        (stored,) = await press(bot, "Admin", admin, report, "✅ Подтвердить и сохранить")
        assert stored.text.startswith(
            "✅ Сохранено: Жанаталапский сельский округ: 2024, 2025, 2026."
        )
        (after,) = await exchange(bot, "Admin", admin, "/sources")
        assert "30-4" in after.text

        stranger = api.user(104, "en", "Stranger")
        mark = len(api.calls)
        bot.said("Stranger", "(sends a file)")
        api.send_document(stranger, "x.txt", b"hello")
        (refusal,) = await api.wait_for(lambda c: c.method == "sendMessage", since=mark)
        bot.heard([refusal])
        assert "Only the bot's administrators" in refusal.text

        assert await bot.stop() == 0
    finally:
        write_transcript(bot, tmp_path / "transcript.md")


async def test_flood_control_is_honoured(running: Bot) -> None:
    api = running.api
    api.flood["sendMessage"] = 1
    user = api.user(105, "en", "Flood")
    mark = len(api.calls)
    api.send_text(user, "2024 roads spending")
    (reply,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.result != "429", since=mark, timeout=30
    )
    first = next(c for c in api.since(mark, "sendMessage") if c.result == "429")
    assert reply.at - first.at >= 0.9  # waited retry_after before sending again
    assert "400 thousand ₸" in reply.text


async def test_missing_token_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    done = subprocess.run(
        [*budget_bot(), "run"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "BOT_TOKEN" in done.stderr


async def test_webhook_without_secret_exits_2(private_store: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "WEBHOOK_SECRET"}
    env.update(
        BOT_TOKEN="1:x", BUDGET_DB=str(private_store), WEBHOOK_URL="https://x.org/hook"
    )
    done = subprocess.run(
        [*budget_bot(), "run"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "WEBHOOK_SECRET" in done.stderr and "budget-bot secret" in done.stderr


async def test_webhook_mode(api: BotAPIStandIn, private_store: Path, tmp_path: Path) -> None:
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg/hook"
    env = make_env(
        f"http://127.0.0.1:{api.port}",
        private_store,
        tmp_path,
        WEBHOOK_URL=hook,
        WEBHOOK_SECRET="s3cret-Token_1",
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    bot = Bot(api, env, tmp_path)
    proc = subprocess.Popen(
        [*budget_bot(), "run"],
        env=env,
        cwd=tmp_path,
        stdout=bot.log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    bot.proc = proc
    try:
        (setwh,) = await api.wait_for(lambda c: c.method == "setWebhook", timeout=60)
        assert setwh.params["url"] == hook
        assert setwh.params["secret_token"] == "s3cret-Token_1"
        await wait_port(port)  # setWebhook runs at startup, just before the server binds
        user = api.user(201, "ru", "Ерлан")
        update = {"update_id": 1, "message": api._user_message(user, text="бюджет 2024")}
        async with aiohttp.ClientSession() as http:
            async with http.post(hook, json=update) as resp:
                assert resp.status == 401  # no secret
            async with http.post(
                hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            ) as resp:
                assert resp.status == 401
            assert not [c for c in api.calls if c.method == "sendMessage"]
            async with http.post(
                hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
            ) as resp:
                assert resp.status == 200
            (answer,) = await api.wait_for(lambda c: c.method == "sendMessage")
            assert "Доходы: 58 149 тыс. ₸" in answer.text
            async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 200
        assert await bot.stop() == 0
    finally:
        bot.kill()


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
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
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            import time

            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


async def test_redis_mode(
    api: BotAPIStandIn, private_store: Path, tmp_path: Path, redis_url: str
) -> None:
    from redis.asyncio import Redis

    env = make_env(
        f"http://127.0.0.1:{api.port}",
        private_store,
        tmp_path,
        REDIS_URL=redis_url,
        THROTTLE_LIMIT="3",
        THROTTLE_WINDOW="30",
    )
    redis = Redis.from_url(redis_url)
    bot = Bot(api, env, tmp_path)
    try:
        await bot.start()
        user = api.user(301, "en", "Nurlan")
        (picker,) = await exchange(bot, "Nurlan", user, "/lang")
        await press(bot, "Nurlan", user, picker, "🇷🇺 Русский")
        assert await redis.get("budget-bot:lang:301") == b"ru"
        assert not (tmp_path / "users.db").exists()  # Redis, not the SQLite file

        # An admin's pending upload lives in Redis FSM storage.
        admin = api.user(ADMIN, "en", "Admin")
        mark = len(api.calls)
        api.send_document(admin, "ru_rural_base.txt", (FIXTURES / "ru_rural_base.txt").read_bytes())
        (report,) = await api.wait_for(
            lambda c: c.method == "sendMessage" and "Store it?" in c.text, since=mark
        )
        state_keys = [k async for k in redis.scan_iter(f"fsm:*{ADMIN}*")]
        assert state_keys
        assert await bot.stop() == 0

        # A second instance (a restart) sees the same language, FSM state and throttle counter.
        await bot.start()
        (again,) = await exchange(bot, "Nurlan", user, "/lang")
        assert again.text == "Выберите язык:"
        (stored,) = await press(bot, "Admin", admin, report, "✅ Confirm and store")
        assert stored.text.startswith("✅ Stored: Zhanatalap rural district: 2024, 2025, 2026.")
        mark = len(api.calls)
        for _ in range(3):
            api.send_text(user, "2024")
        await api.wait_for(
            lambda c: c.method == "sendMessage" and "слишком часто" in c.text, since=mark
        )
        assert await redis.get("budget-bot:throttle:301") is not None
        assert await bot.stop() == 0
    finally:
        bot.kill()
        await redis.aclose()
