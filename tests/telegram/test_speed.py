"""The mechanisms behind the speed figures (bench/dispatch.py measures them; these check
that they do what they say, never how fast)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiogram import F, Router

from bot.bytecache import ByteLRU
from bot.telegram import engine as engine_module
from bot.telegram.app import inline_magic_filters
from bot.telegram.engine import EngineAnswers
from bot.telegram.middlewares import AdmissionMiddleware
from bot.telegram.prefs import SqliteLanguageStore


@pytest.fixture
def answers(seed_db: Path, tmp_path: Path) -> Iterator[EngineAnswers]:
    """The bot's answer layer over a copy of the seed store."""
    db = tmp_path / "budget.db"
    db.write_bytes(seed_db.read_bytes())
    made = EngineAnswers(db)
    yield made
    made.close()


def test_byte_lru_keeps_to_its_bytes_and_drops_the_oldest() -> None:
    cache: ByteLRU[str] = ByteLRU(100, weigh=len)
    for key in "abcde":
        cache.put(key, key * 30)
    assert cache.bytes <= 100
    assert cache.get("a") is None and cache.get("e") == "e" * 30
    cache.get("c")  # recently used: survives the next insertion
    cache.put("f", "f" * 30)
    assert cache.get("c") is not None and cache.get("d") is None
    cache.put("huge", "x" * 1000)  # bigger than the whole cache: not kept, nothing evicted
    assert cache.get("huge") is None and cache.get("f") is not None


async def test_admission_runs_at_most_limit_updates_per_turn() -> None:
    """Handlers that never wait (cached answers) still share the loop: the turn in which
    200 arrive runs at most ``limit`` of them."""
    admission = AdmissionMiddleware(limit=4)
    turn = 0
    ran_in_turn: dict[int, int] = {}

    async def ticker() -> None:
        nonlocal turn
        while True:
            await asyncio.sleep(0)
            turn += 1

    async def handler(event: object, data: dict) -> str:
        ran_in_turn[turn] = ran_in_turn.get(turn, 0) + 1
        return "done"

    tick = asyncio.create_task(ticker())
    results = await asyncio.gather(*(admission(handler, object(), {}) for _ in range(200)))
    tick.cancel()
    assert results == ["done"] * 200
    assert max(ran_in_turn.values()) <= 4


def test_magic_filters_are_evaluated_in_place() -> None:
    router = Router()
    router.message.filter(F.document)

    async def handler() -> None: ...

    router.message.register(handler, F.text.as_("text"))
    inline_magic_filters(router)
    filters = [*router.message._handler.filters, *router.message.handlers[0].filters]
    assert filters and all(f.awaitable for f in filters)


async def test_language_store_remembers_what_it_read_and_wrote(tmp_path: Path) -> None:
    store = SqliteLanguageStore(tmp_path / "users.db")
    assert await store.get(1) is None
    await store.set(1, "kk")
    assert await store.get(1) == "kk"
    again = SqliteLanguageStore(tmp_path / "users.db")  # a restart reads the file
    assert await again.get(1) == "kk"
    await store.close()
    await again.close()


async def test_language_store_reads_a_small_file_whole_at_start(
    tmp_path: Path, monkeypatch
) -> None:
    """A first message from a new user costs no SELECT when the whole file is in memory;
    a file larger than the memory bound is read a user at a time, as before."""
    from bot.telegram import prefs

    store = SqliteLanguageStore(tmp_path / "users.db")
    await store.set(1, "kk")
    await store.set(2, "en")
    again = SqliteLanguageStore(tmp_path / "users.db")
    again._conn.close()  # every answer must come from memory now
    assert (await again.get(1), await again.get(2), await again.get(3)) == ("kk", "en", None)
    monkeypatch.setattr(prefs, "KNOWN_USERS", 1)
    big = SqliteLanguageStore(tmp_path / "users.db")
    assert not big._known and await big.get(2) == "en"
    await store.close()
    await big.close()


async def test_a_reload_never_closes_the_store_under_a_running_question(
    seed_db: Path, tmp_path: Path, monkeypatch
) -> None:
    db = tmp_path / "budget.db"
    db.write_bytes(seed_db.read_bytes())
    answers = EngineAnswers(db)
    first = answers._current
    started, release = threading.Event(), threading.Event()
    real_ask = first.engine.ask

    def slow_ask(*args, **kwargs):  # a question still running when the reload comes
        started.set()
        release.wait(10)
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(first.engine, "ask", slow_ask)
    question = asyncio.create_task(answers.ask_async("бюджет 2024", "ru"))
    await asyncio.to_thread(started.wait, 10)
    answers.reload()
    assert first.retired and not first.closed  # still in use: kept open
    release.set()
    reply = await question
    assert reply.intent == "overview" and reply.items
    assert first.closed  # closed once its last user was done
    assert answers.version == first.number + 1
    answers.close()


async def test_the_store_is_looked_at_at_most_once_a_second(
    seed_db: Path, tmp_path: Path, monkeypatch
) -> None:
    db = tmp_path / "budget.db"
    db.write_bytes(seed_db.read_bytes())
    answers = EngineAnswers(db)
    looks = 0
    real = answers._file_stamp

    def counting() -> tuple[int, ...]:
        nonlocal looks
        looks += 1
        return real()

    monkeypatch.setattr(answers, "_file_stamp", counting)
    monkeypatch.setattr(engine_module, "FRESH_EVERY", 3600.0)
    answers._checked = time.monotonic() - 7200  # due now, then not for an hour
    for _ in range(50):
        answers.years()
        await answers.ask_async("бюджет 2024", "ru")
    assert looks == 1
    answers.close()


async def test_repeated_questions_are_answered_from_the_cache(answers: EngineAnswers) -> None:
    one = await answers.ask_async("2024 roads spending", "en")
    two = await answers.ask_async("2024   roads spending", "en")  # the same once cleaned
    cache = answers._current.replies
    assert (cache.hits, cache.misses) == (1, 1)
    assert one == two and one is not two  # a copy: a handler may not spoil the cache
    assert one.to_json() == answers.ask("2024 roads spending", "en").to_json()


async def test_a_question_asked_whole_is_kept_once_for_every_chat(answers: EngineAnswers) -> None:
    """ "дороги 2024" means the same after any conversation; "а в 2025?" does not."""
    from bot.answer.context import Context

    cache = answers._current.replies
    roads = answers.ask("дороги 2024", "ru")
    assert roads.stands_alone and roads.code
    overview_2023 = Context(years=(2023,), intent="overview", lang="ru", at=time.time())
    after_roads = Context(
        entity=roads.entity,
        years=(2024,),
        code=roads.code,
        intent="amount",
        lang="ru",
        at=time.time(),
    )
    one = await answers.ask_async("дороги 2024", "ru", context=after_roads)
    two = await answers.ask_async("дороги 2024", "ru", context=overview_2023)
    three = await answers.ask_async("дороги 2024", "kk")  # words decide the language
    assert (cache.hits, cache.misses) == (2, 1)
    assert one.to_json() == two.to_json() == three.to_json() == roads.to_json()

    # a follow-up: one answer per context, never one chat's for another
    next_year = await answers.ask_async("а в 2025?", "ru", context=after_roads)
    overview = await answers.ask_async("а в 2025?", "ru", context=overview_2023)
    alone = await answers.ask_async("а в 2025?", "ru")
    assert not next_year.stands_alone and cache.misses == 4
    assert next_year.code == roads.code and next_year.years == [2025]
    assert overview.to_json() != next_year.to_json()
    assert alone.intent == "unknown"  # nothing to follow: a question back


async def test_the_askers_language_is_in_the_key_only_when_it_chose(answers: EngineAnswers) -> None:
    """ "бюджет 2024" is Kazakh and Russian alike: each asker gets their language."""
    kk = await answers.ask_async("бюджет 2024", "kk")
    ru = await answers.ask_async("бюджет 2024", "ru")
    assert (kk.lang, ru.lang) == ("kk", "ru")
    assert not kk.lang_from_words
    assert answers._current.replies.misses == 2


def test_a_question_is_read_once_whatever_chats_follow_it(seed_db: Path) -> None:
    from bot.answer import Engine
    from bot.answer.context import Context

    engine = Engine(seed_db)
    first = engine.read("а в 2025?", prefer="ru")
    ctx = Context(years=(2024,), intent="overview", lang="ru", at=time.time())
    engine.ask("а в 2025?", prefer="ru", context=ctx)
    assert engine.read("а в 2025?", prefer="ru") is first
    assert engine._readings.hits == 2 and engine._readings.misses == 1
    assert first.years == (2025,)  # following a context did not change the kept reading


async def test_admission_starts_an_update_of_a_quiet_turn_at_once() -> None:
    """No waiting for the loop when nothing else is starting: the handler runs in the
    caller's own step (a turn's share is spent only by a crowd)."""
    admission = AdmissionMiddleware(limit=2)
    order: list[str] = []

    async def handler(event: object, data: dict) -> str:
        order.append(str(event))
        return "done"

    first = asyncio.ensure_future(admission(handler, "a", {}))
    await asyncio.sleep(0)
    assert order == ["a"] and first.done()
    # a crowd of five in one turn: two start in it, the rest in later turns, in order
    crowd = [asyncio.ensure_future(admission(handler, str(i), {})) for i in range(5)]
    await asyncio.sleep(0)
    assert order == ["a", "0", "1"]
    await asyncio.gather(*crowd)
    assert order == ["a", "0", "1", "2", "3", "4"]


async def test_a_cancelled_waiting_update_gives_its_turn_to_the_next() -> None:
    admission = AdmissionMiddleware(limit=1)
    ran: list[str] = []

    async def handler(event: object, data: dict) -> None:
        ran.append(str(event))

    tasks = [asyncio.ensure_future(admission(handler, name, {})) for name in "abc"]
    await asyncio.sleep(0)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert ran == ["a", "c"]


def test_a_question_is_taken_by_the_first_router() -> None:
    """The router tree is shaped for the commonest update: the question router first, with
    a root filter that is the exact complement of the command and upload routers' one; no
    router after them takes a message."""
    from bot.telegram.handlers import routers

    tree = routers()
    assert [r.name for r in tree[:2]] == ["questions", "commands-and-files"]
    assert tree[0].message._handler.filters and tree[1].message._handler.filters
    assert not tree[1].message.handlers  # everything it guards is in its sub-routers

    def takes_messages(router: Router) -> bool:
        return bool(router.message.handlers) or any(map(takes_messages, router.sub_routers))

    assert not any(takes_messages(r) for r in tree[2:])


async def test_questions_and_commands_split_every_message_between_them() -> None:
    from datetime import UTC, datetime

    from aiogram.types import Chat, Document, Message, User

    from bot.telegram.filters import ForCommands, ForQuestions

    admin, citizen = (
        User(id=1, is_bot=False, first_name="A"),
        User(id=2, is_bot=False, first_name="C"),
    )
    doc = Document(file_id="f", file_unique_id="u", file_name="d.docx")

    def msg(**kw: object) -> Message:
        return Message(
            message_id=1, date=datetime.now(tz=UTC), chat=Chat(id=1, type="private"), **kw
        )

    cases = {
        "question": (msg(text="дороги 2024"), citizen, "questions"),
        "command": (msg(text="/budget 2024"), citizen, "commands"),
        "unknown command": (msg(text="/foo"), citizen, "commands"),
        "admin's file": (msg(document=doc, caption="new decision"), admin, "commands"),
        "citizen's file": (msg(document=doc), citizen, "commands"),
        "citizen's file with a question": (
            msg(document=doc, caption="а это что?"),
            citizen,
            "questions",
        ),
        "command in a caption": (msg(document=doc, caption="/budget"), citizen, "commands"),
        "sticker": (msg(sticker=None, text=None), citizen, "questions"),
    }
    for name, (message, user, where) in cases.items():
        q = await ForQuestions()(message, event_from_user=user, admin_ids=frozenset({1}))
        c = await ForCommands()(message, event_from_user=user, admin_ids=frozenset({1}))
        assert q != c, name
        assert (q and where == "questions") or (c and where == "commands"), name


async def test_run_takes_the_callers_context_to_the_engine_thread(answers: EngineAnswers) -> None:
    """Charts are labelled with gettext inside ``run``: the locale set for the update must
    be there in the engine thread."""
    import contextvars

    locale = contextvars.ContextVar("locale")
    locale.set("kk")
    where, value = await answers.run(lambda: (threading.current_thread().name, locale.get()))
    assert where.startswith("engine") and value == "kk"
    reply = await answers.run(answers.amount, "0", 2024, "ru", entity=None)
    assert reply.lang == "ru"


def test_no_handler_computes_an_answer_on_the_event_loop() -> None:
    """Buttons, commands and deep links get their answers through ``answers.run`` (the
    engine thread), like typed questions (``ask_async``)."""
    import re

    handlers = Path(__file__).resolve().parents[2] / "bot" / "telegram" / "handlers"
    direct = re.compile(r"answers\.(amount|overview|compare|top|breakdown|across_years)\(")
    found = {p.name: direct.findall(p.read_text()) for p in handlers.glob("*.py")}
    assert not {k: v for k, v in found.items() if v}


async def test_a_command_finds_its_budget_by_any_of_its_names(answers: EngineAnswers) -> None:
    (talov,) = [h for h in answers.holders() if "talov" in h.lower()]
    for name in ("Талов", "Таловский сельский округ", "Талов ауылдық округі", "Talov"):
        assert await answers.run(answers.holder_named, name) == talov, name
    assert await answers.run(answers.holder_named, "roads") is None
