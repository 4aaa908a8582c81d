"""The one error handler: log with context, apologise kindly, never crash polling."""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram.utils.i18n import gettext as _

log = logging.getLogger(__name__)


async def blocked(event: ErrorEvent) -> None:
    log.info("user blocked the bot: update %s", event.update.update_id)


async def on_error(event: ErrorEvent) -> None:
    log.error("update %s failed", event.update.update_id, exc_info=event.exception)
    text = _("Sorry, something went wrong on my side. Please try again in a moment.")
    update = event.update
    with suppress(TelegramAPIError):
        if update.message is not None:
            await update.message.answer(text)
        elif update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.inline_query is not None:
            await update.inline_query.answer([], cache_time=1)


def make_router() -> Router:
    router = Router(name="errors")
    router.error.register(blocked, ExceptionTypeFilter(TelegramForbiddenError))
    router.error.register(on_error)
    return router
