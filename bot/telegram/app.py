"""Building and running the bot: long polling, or an aiohttp webhook server.

Everything a handler needs arrives through the dispatcher's workflow data
(``answers``, ``admin_ids``, ``db_path``); nothing lives in module globals.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.utils.i18n import I18n
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.brief.service import Briefs
from bot.config import Settings
from bot.ingest import sandbox
from bot.telegram import redact
from bot.telegram.commands import set_commands
from bot.telegram.engine import Answers
from bot.telegram.handlers import routers
from bot.telegram.handlers.brief import set_menu_button
from bot.telegram.locale import make_i18n
from bot.telegram.middlewares import (
    AdmissionMiddleware,
    Counter,
    LanguageMiddleware,
    MemoryCounter,
    RedisCounter,
    ThrottlingMiddleware,
)
from bot.telegram.prefs import LanguageStore, RedisLanguageStore, SqliteLanguageStore
from bot.telegram.retry import RetryAfterMiddleware
from bot.webapp import server as webapp_server

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from bot.telegram.degrade import RedisHealth

log = logging.getLogger(__name__)
HEARTBEAT = Path("/tmp/budget-bot.alive")
HEARTBEAT_EVERY = 20.0
# SIGTERM: stop taking updates, give running handlers this long, then stop parsing
# children and exit — well inside compose's 20 s stop_grace_period.
SHUTDOWN_GRACE = 12.0
FSM_TTL = timedelta(days=1)
REDIS_CONNECTIONS = 64  # per process
WORK_THREADS = 2  # charts, spreadsheets, uploads at once per process (the engine has its own)
REDIS_WAIT = 10.0  # seconds an update may wait for a Redis connection
GC_YOUNG = 10_000  # allocations between the collector's passes over young objects


@dataclass
class Services:
    """What the dispatcher is built from; tests build it with fakes."""

    answers: Answers
    languages: LanguageStore
    storage: BaseStorage
    counter: Counter
    i18n: I18n
    redis: Redis | None = None
    health: RedisHealth | None = None


def make_bot(settings: Settings) -> Bot:
    api = (
        TelegramAPIServer.from_base(settings.telegram_api_url)
        if settings.telegram_api_url
        else None
    )
    session = AiohttpSession(api=api) if api else AiohttpSession()
    session.middleware(RetryAfterMiddleware())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def make_services(settings: Settings, answers: Answers | None = None) -> Services:
    if answers is None:
        from bot.telegram.engine import EngineAnswers

        answers = EngineAnswers(settings.db_path)
    i18n = make_i18n()
    if settings.redis_url:
        # Redis and its fallbacks load only when there is a Redis (~40 ms of the start).
        from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage
        from redis.asyncio import BlockingConnectionPool, Redis
        from redis.asyncio.retry import Retry
        from redis.backoff import ExponentialBackoff

        from bot.telegram.degrade import (
            FallbackCounter,
            FallbackLanguages,
            FallbackStorage,
            RedisHealth,
        )

        # A blocking pool: in a burst, updates wait for a free connection instead of
        # failing with "Too many connections" (redis-py's default pool raises at 100);
        # short timeouts and one quick retry: a dead Redis must not stall answers.
        pool = BlockingConnectionPool.from_url(
            settings.redis_url,
            max_connections=REDIS_CONNECTIONS,
            timeout=REDIS_WAIT,
            socket_connect_timeout=1,
            socket_timeout=2,
            retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), 1),
        )
        redis = Redis.from_pool(pool)  # closing the client closes the pool
        health = RedisHealth()
        return Services(
            answers=answers,
            languages=FallbackLanguages(RedisLanguageStore(redis), health),
            # with_destiny: the conversation context has its own key (bot/telegram/memory.py);
            # a day's TTL keeps idle chats from filling Redis (contexts expire after 30 min)
            storage=FallbackStorage(
                RedisStorage(
                    redis=redis,
                    key_builder=DefaultKeyBuilder(with_destiny=True),
                    state_ttl=FSM_TTL,
                    data_ttl=FSM_TTL,
                ),
                health,
            ),
            counter=FallbackCounter(RedisCounter(redis, settings.throttle_window), health),
            i18n=i18n,
            redis=redis,
            health=health,
        )
    return Services(
        answers=answers,
        languages=SqliteLanguageStore(settings.users_path),
        storage=MemoryStorage(),
        counter=MemoryCounter(settings.throttle_window),
        i18n=i18n,
    )


def make_dispatcher(settings: Settings, services: Services) -> Dispatcher:
    dp = Dispatcher(
        storage=services.storage,
        answers=services.answers,
        admin_ids=settings.admin_ids,
        db_path=settings.db_path,
        i18n=services.i18n,
        languages=services.languages,
        briefs=Briefs(settings.db_path),
        web_app_url=settings.web_app_url,
        redis_health=services.health,
    )
    dp.include_routers(*routers())
    inline_magic_filters(dp)
    # Admission first: a waiting update has cost only its parsing, and a burst waits here,
    # not on Redis connections (the FSM middleware reads state for every update).
    builtin = list(dp.update.outer_middleware)
    for middleware in builtin:
        dp.update.outer_middleware.unregister(middleware)
    for middleware in [AdmissionMiddleware(settings.max_concurrent_updates), *builtin]:
        dp.update.outer_middleware(middleware)
    LanguageMiddleware(services.i18n, services.languages).setup(dp)
    if settings.throttle_limit > 0:  # THROTTLE_LIMIT=0: no limit, and nothing to pass through
        throttle = ThrottlingMiddleware(services.counter, settings.throttle_limit)
        for observer in (dp.message, dp.callback_query, dp.inline_query):
            observer.outer_middleware(throttle)
    dp.startup.register(on_startup)
    dp.startup.register(set_menu_button)  # the Mini App, when WEB_APP_URL is set
    # Everything built so far (the engine's indexes, aiogram's types) lives as long as the
    # process: out of the collector's sight, a full collection during a burst is short.
    # (``budget-bot run`` starts with the collector off; from here it runs as usual.)
    gc.freeze()
    # Each update leaves a few hundred short-lived objects (the parsed update, a reply, a
    # context); a young-generation pass every 700 allocations ran several times per update:
    # at 10,000 the benchmark gives ~10 µs an update back (227 → 214 µs).
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    gc.enable()
    dp.shutdown.register(on_shutdown)
    # Drain handlers still running before anything (FSM storage first) is closed.
    dp.shutdown.handlers.insert(0, dp.shutdown.handlers.pop())
    return dp


def inline_magic_filters(router: Router) -> None:
    """Evaluate ``F.…`` filters in place instead of in a worker thread.

    aiogram runs every synchronous filter through ``asyncio.to_thread``; a magic filter
    such as ``F.text`` or ``F.document`` is an attribute lookup, so the thread hop (tens of
    microseconds, on every router a message passes) costs far more than the check.
    Other synchronous callables keep aiogram's behaviour.
    """
    for observer in router.observers.values():
        for handler in (observer._handler, *observer.handlers):  # the router's own filters too
            for flt in handler.filters or ():
                if flt.magic is not None and not flt.awaitable:
                    flt.callback = _awaitable(flt.callback)
                    flt.awaitable = True
    for sub in router.sub_routers:
        inline_magic_filters(sub)


def _awaitable(fn: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    async def call(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return call


async def _heartbeat() -> None:
    while True:
        with contextlib.suppress(OSError):
            HEARTBEAT.touch()
        await asyncio.sleep(HEARTBEAT_EVERY)


async def on_startup(bot: Bot, dispatcher: Dispatcher, i18n: I18n) -> None:
    # Charts, spreadsheets and uploads run in asyncio's default executor: a few threads,
    # so that a dozen charts at once queue instead of all fighting the loop for the GIL.
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=WORK_THREADS, thread_name_prefix="work")
    )
    # The command menu (four Bot API calls) is set while the first updates are answered.
    dispatcher["menu"] = asyncio.create_task(_set_menu(bot, i18n))
    me = await bot.me()  # cached: polling has just asked for it
    dispatcher["heartbeat"] = asyncio.create_task(_heartbeat())
    log.info("bot @%s is up", me.username)


async def _set_menu(bot: Bot, i18n: I18n) -> None:
    try:
        await set_commands(bot, i18n)
    except Exception:  # a menu is a nicety: never let it take the start down
        log.warning("could not set the command menu", exc_info=True)


async def on_shutdown(dispatcher: Dispatcher, languages: LanguageStore) -> None:
    log.info("shutting down: finishing updates in progress")
    pending = set(getattr(dispatcher, "_handle_update_tasks", ()))
    if pending:
        _, late = await asyncio.wait(pending, timeout=SHUTDOWN_GRACE)
        if late and sandbox.stop_running():
            await asyncio.wait(late, timeout=1)  # let them tell the admin to resend
    for name in ("heartbeat", "menu"):
        task = dispatcher.workflow_data.pop(name, None)
        if task is not None:
            task.cancel()
    with contextlib.suppress(OSError):
        HEARTBEAT.unlink()
    await languages.close()


async def run_polling(settings: Settings, services: Services | None = None) -> None:
    services = services or make_services(settings)
    bot = make_bot(settings)
    dp = make_dispatcher(settings, services)
    await bot.delete_webhook(drop_pending_updates=False)
    web_app = await webapp_server.start(settings, dp["briefs"], services.languages)
    try:
        # SIGTERM/SIGINT stop polling; shutdown then drains running handlers.
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        if web_app is not None:
            await web_app.cleanup()


def webhook_app(settings: Settings, services: Services, bot: Bot) -> web.Application:
    from aiohttp import web

    if problem := settings.webhook_problem:
        raise ValueError(problem)  # never serve a webhook that accepts forged updates
    assert settings.webhook_secret is not None
    dp = make_dispatcher(settings, services)
    secret = settings.webhook_secret.get_secret_value()

    async def register(bot: Bot) -> None:
        await bot.set_webhook(
            settings.webhook_url or "",
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
        )

    async def health(_request: web.Request) -> web.Response:
        state = services.health.status() if services.health else {"status": "ok"}
        return web.json_response({"ok": True, "time": int(time.time()), **state})

    async def close_session(bot: Bot) -> None:
        await bot.session.close()

    dp.startup.register(register)
    dp.shutdown.register(close_session)
    app = web.Application()
    # Acknowledge an update only after handling it: an update in flight at SIGTERM is
    # either answered or left unacknowledged for Telegram to deliver again.
    SimpleRequestHandler(
        dispatcher=dp, bot=bot, secret_token=secret, handle_in_background=False
    ).register(app, path=settings.webhook_path)
    app.router.add_get("/healthz", health)
    webapp_server.mount(app, settings, dp["briefs"], services.languages)
    setup_application(app, dp, bot=bot)
    return app


def run_webhook(settings: Settings, services: Services | None = None) -> None:
    from aiohttp import web

    services = services or make_services(settings)
    bot = make_bot(settings)
    app = webhook_app(settings, services, bot)
    # aiohttp turns SIGTERM into a graceful exit: requests in flight finish first.
    web.run_app(
        app,
        host=settings.webhook_host,
        port=settings.webhook_port,
        print=None,
        shutdown_timeout=SHUTDOWN_GRACE,
    )


def setup_logging(settings: Settings, stream: IO[str] | None = None) -> None:
    """The process's logging, as ``budget-bot run`` sets it up (the benchmark calls it too)."""
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=stream,
        force=True,
    )
    redact.install(redact.secrets_of(settings))  # no token or password in any log line
    if logging.getLogger().level > logging.DEBUG:
        # aiogram logs every update at INFO ("Update id=… is handled"): ~40 µs each and a
        # line per message; keep that for LOG_LEVEL=DEBUG.
        logging.getLogger("aiogram.event").setLevel(logging.WARNING)


def run(settings: Settings) -> None:
    setup_logging(settings)
    if settings.webhook_url:
        run_webhook(settings)
    else:
        asyncio.run(run_polling(settings))
