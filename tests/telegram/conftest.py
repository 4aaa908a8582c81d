"""Fixtures for the Telegram layer: a fake answer engine and a recording Bot API session."""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    Document,
    File,
    InlineQuery,
    Message,
    Update,
    User,
)

from bot.answer.model import Item, Reply
from bot.config import Settings
from bot.telegram.app import Services, make_dispatcher
from bot.telegram.engine import Decision, Point
from bot.telegram.locale import make_i18n
from bot.telegram.middlewares import MemoryCounter
from bot.telegram.prefs import SqliteLanguageStore
from bot.telegram.retry import RetryAfterMiddleware

TOKEN = "123456:TEST-token"
ADMIN = 777


class FakeAnswers:
    """Canned engine: echoes the call so tests can see what the handler asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.contexts: list[Any] = []  # the context each ask() was given
        self.reloads = 0
        self.holder_list = ["Talov"]  # budget holders in the store
        self.entities: list[str | None] = []  # the holder each overview/top was asked about
        self.rows: list[dict[str, Any]] = [
            {
                "entity": "Talov",
                "year": 2024,
                "code": "07",
                "name_kk": "Тұрғын үй-коммуналдық шаруашылық",
                "name_ru": "Жилищно-коммунальное хозяйство",
                "name_en": "Housing and utilities",
                "amount": Decimal("1234.5"),
                "source": "No 28-7 of 2022-12-29, appendix 1",
            }
        ]

    def _reply(self, intent: str, lang: str, query: str = "", **kw: Any) -> Reply:
        reply = Reply(
            query=query,
            lang=lang,
            intent=intent,
            years=kw.pop("years", [2024]),
            items=kw.pop("items", [Item(2024, "07", "Housing", Decimal("1234.5"), "Talov")]),
            text=kw.pop("text", f"[{lang}] {intent}: {query}"),
            sources=["Decision No 28-7 of 29.12.2022"],
            code=kw.pop("code", "07"),
            entity="Talov",
            suggestions=kw.pop("suggestions", []),
        )
        return reply

    async def ask_async(self, query: str, lang: str | None, context: Any = None) -> Reply:
        return self.ask(query, lang, context)

    async def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    def ask(self, query: str, lang: str | None, context: Any = None) -> Reply:
        self.calls.append(("ask", query, lang))
        self.contexts.append(context)
        if "???" in query:
            return self._reply(
                "unknown",
                lang or "ru",
                query,
                items=[],
                code=None,
                text="Not found",
                suggestions=["2024 roads", "budget 2024"],
            )
        if "boom" in query:
            raise RuntimeError("engine failure")
        if "long" in query:
            return self._reply("amount", lang or "ru", query, text=("line of text\n" * 800))
        return self._reply("amount", lang or "ru", query)

    def amount(self, code: str, year: int, lang: str, entity: str | None = None) -> Reply:
        self.calls.append(("amount", code, year, lang))
        return self._reply("amount", lang, code, years=[year], code=code)

    def overview(self, year: int | None, lang: str, entity: str | None = None) -> Reply:
        self.calls.append(("overview", year, lang))
        self.entities.append(entity)
        return self._reply("overview", lang, str(year), years=[year or 2024], code=None)

    def compare(
        self, years: list[int], lang: str, code: str | None = None, entity: str | None = None
    ) -> Reply:
        self.calls.append(("compare", years, lang, code))
        return self._reply("compare", lang, str(years), years=years, code=code)

    def top(self, year: int | None, lang: str, n: int = 5, entity: str | None = None) -> Reply:
        self.calls.append(("top", year, lang))
        self.entities.append(entity)
        return self._reply("top", lang, str(year), years=[year or 2024], code=None)

    def breakdown(self, code: str, year: int | None, lang: str, entity: str | None = None) -> Reply:
        self.calls.append(("breakdown", code, year, lang, entity))
        return self._reply("breakdown", lang, code, code=code)

    def help(self, lang: str) -> Reply:
        self.calls.append(("help", lang))
        return self._reply("help", lang, text=f"[{lang}] help", items=[], code=None)

    def examples(self, lang: str) -> list[str]:
        return {"kk": ["2024 жолдар"], "ru": ["дороги 2024"], "en": ["2024 roads"]}[lang]

    def years(self, entity: str | None = None) -> list[int]:
        return [2023, 2024, 2025]

    def has_children(self, code: str, year: int | None = None, entity: str | None = None) -> bool:
        return code == "07"

    def entity_key(self, entity: str | None) -> str:
        return "t1" if entity else ""

    def entity_of(self, key: str) -> str | None:
        return "Talov" if key == "t1" else None

    def holders(self) -> list[str]:
        return list(self.holder_list)

    def holder_named(self, text: str) -> str | None:
        return next((h for h in self.holder_list if h.lower() in text.lower()), None)

    def entity_name(self, entity: str | None, lang: str) -> str:
        return {"kk": "Талов ауылдық округі", "ru": "Таловский сельский округ"}.get(
            lang, "Talov rural district"
        )

    def decisions(self, lang: str) -> list[Decision]:
        return [
            Decision(
                "Zhanibek district maslikhat",
                "28-7",
                "2022-12-29",
                "On the budget of Talov rural district for 2023-2025",
                amendments=[{"number": "15-4", "date": "2023-12-27", "scope": "point 1"}],
            )
        ]

    def by_area(self, year: int | None, lang: str, entity: str | None = None) -> list[Point]:
        return [Point("Housing", Decimal("1234.5"), "07"), Point("Roads", Decimal("500"), "12")]

    def across_years(
        self, code: str | None, lang: str, entity: str | None = None
    ) -> tuple[str, list[Point]]:
        return "Housing", [Point("2023", Decimal(1000)), Point("2024", Decimal("1234.5"))]

    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[dict]:
        self.calls.append(("export", year))
        return [r for r in self.rows if year in (None, r["year"])]

    def reload(self) -> None:
        self.reloads += 1


@dataclass
class Sent:
    method: str
    data: dict[str, Any]
    call: Any = None


@dataclass
class RecordingSession(BaseSession):
    """A Bot API session that answers locally and records every request."""

    requests: list[Sent] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    fail: list[Exception] = field(default_factory=list)  # raised by the next requests

    def __post_init__(self) -> None:
        BaseSession.__init__(self)
        self._ids = itertools.count(1000)

    async def close(self) -> None:
        pass

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        name = type(method).__name__
        self.requests.append(Sent(name, method.model_dump(exclude_none=True), method))
        if self.fail:
            raise self.fail.pop(0)
        returning = method.__returning__
        if returning is Message:
            chat_id = getattr(method, "chat_id", 1)
            return Message(  # type: ignore[return-value]
                message_id=next(self._ids),
                date=datetime.now(),
                chat=Chat(id=chat_id, type="private"),
                text=getattr(method, "text", None),
            )
        if returning is User:
            return User(id=1, is_bot=True, first_name="Budget", username="budget_bot")  # type: ignore[return-value]
        if returning is File:
            file_id = method.file_id  # type: ignore[attr-defined]
            return File(file_id=file_id, file_unique_id=file_id, file_path=f"docs/{file_id}")  # type: ignore[return-value]
        return True  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield self.files[url.rsplit("/", 1)[-1]]

    def sent(self, method: str = "SendMessage") -> list[dict[str, Any]]:
        return [r.data for r in self.requests if r.method == method]

    def calls(self, method: str) -> list[Any]:
        return [r.call for r in self.requests if r.method == method]

    def texts(self) -> list[str]:
        return [d.get("text", "") for d in self.sent()]


@dataclass
class Harness:
    dp: Dispatcher
    bot: Bot
    session: RecordingSession
    answers: FakeAnswers
    settings: Settings
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    bot_user = User(id=1, is_bot=True, first_name="Budget")

    def user(self, user_id: int = 42, lang: str | None = "en") -> User:
        return User(id=user_id, is_bot=False, first_name="Aigerim", language_code=lang)

    def message(
        self, text: str | None = None, user: User | None = None, chat: int | None = None, **kw: Any
    ) -> Message:
        user = user or self.user()
        return Message(
            message_id=next(self._ids),
            date=datetime.now(),
            chat=Chat(id=chat or user.id, type="private"),
            from_user=user,
            text=text,
            **kw,
        )

    async def send(self, text: str, user: User | None = None) -> None:
        await self.feed(Update(update_id=next(self._ids), message=self.message(text, user)))

    async def document(self, name: str, data: bytes, user: User | None = None) -> None:
        file_id = f"file{next(self._ids)}"
        self.session.files[f"{file_id}"] = data
        doc = Document(file_id=file_id, file_unique_id=file_id, file_name=name, file_size=len(data))
        await self.feed(
            Update(update_id=next(self._ids), message=self.message(user=user, document=doc))
        )

    async def press(
        self, data: str, user: User | None = None, under: Message | None = None
    ) -> None:
        user = user or self.user()
        query = CallbackQuery(
            id=str(next(self._ids)),
            from_user=user,
            chat_instance="ci",
            data=data,
            message=under or self.message("answer", user=self.bot_user, chat=user.id),
        )
        await self.feed(Update(update_id=next(self._ids), callback_query=query))

    async def inline(self, text: str, user: User | None = None) -> None:
        query = InlineQuery(
            id=str(next(self._ids)), from_user=user or self.user(), query=text, offset=""
        )
        await self.feed(Update(update_id=next(self._ids), inline_query=query))

    async def feed(self, update: Update) -> None:
        raw = update.model_dump(mode="json", exclude_none=True, by_alias=True)
        await self.dp.feed_raw_update(self.bot, raw)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=TOKEN,
        db_path=tmp_path / "budget.db",
        admin_ids=frozenset({ADMIN}),
        throttle_limit=1000,
    )


@pytest.fixture
async def harness(settings: Settings) -> AsyncGenerator[Harness, None]:
    answers = FakeAnswers()
    languages = SqliteLanguageStore(settings.users_path)
    services = Services(
        answers=answers,
        languages=languages,
        storage=MemoryStorage(),
        counter=MemoryCounter(settings.throttle_window),
        i18n=make_i18n(),
    )
    session = RecordingSession()
    session.middleware(RetryAfterMiddleware())
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    dp = make_dispatcher(settings, services)
    yield Harness(dp, bot, session, answers, settings)
    await languages.close()
