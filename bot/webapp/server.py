"""The Mini App's own aiohttp server for long-polling mode (``WEB_APP_HOST``/``WEB_APP_PORT``);
in webhook mode the same routes are mounted on the webhook server instead."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.brief.service import Briefs
from bot.config import Settings
from bot.telegram.prefs import LanguageStore
from bot.webapp import routes

log = logging.getLogger(__name__)


def mount(
    app: web.Application, settings: Settings, briefs: Briefs, languages: LanguageStore | None
) -> None:
    routes.setup(
        app,
        briefs,
        settings.bot_token.get_secret_value(),
        max_age=settings.web_app_max_age,
        languages=languages,
    )


async def start(
    settings: Settings, briefs: Briefs, languages: LanguageStore | None
) -> web.AppRunner | None:
    """Serve the Mini App while polling, when it has a URL or a port; None otherwise."""
    if not settings.web_app_url and settings.web_app_port is None:
        return None
    app = web.Application()
    mount(app, settings, briefs, languages)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = settings.web_app_port if settings.web_app_port is not None else 8081
    await web.TCPSite(runner, settings.web_app_host, port).start()
    log.info("Mini App on http://%s:%s/app/", settings.web_app_host, port)
    return runner
