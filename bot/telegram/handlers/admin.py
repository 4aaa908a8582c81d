"""Admins upload decision files: parse → report and preview → store only on "Confirm"."""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path

import aiohttp
from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Document, Message
from aiogram.utils.i18n import gettext as _

from bot.telegram import keyboards, upload
from bot.telegram.callbacks import UploadCB
from bot.telegram.engine import Answers
from bot.telegram.filters import IsAdmin, IsUpload
from bot.telegram.text import esc
from bot.telegram.views import stored_budgets, upload_report

log = logging.getLogger(__name__)


class Upload(StatesGroup):
    confirm = State()


class DownloadFailed(Exception):
    """Telegram did not give us the file (expired, network); the admin sends it again."""


async def download(bot: Bot, file: Document | str) -> bytes:
    buf = io.BytesIO()
    try:
        await bot.download(file, destination=buf)
    except (TimeoutError, TelegramAPIError, aiohttp.ClientError, OSError) as exc:
        # The error's text holds the file URL, token included: the log filter masks it.
        log.warning("downloading a file failed", exc_info=exc)
        raise DownloadFailed from exc
    return buf.getvalue()


async def not_downloaded(message: Message) -> None:
    await message.answer(_("I could not download this file from Telegram; please send it again."))


def _suffix_ok(document: Document) -> bool:
    return Path(document.file_name or "").suffix.lower() in upload.ALLOWED_SUFFIXES


async def not_admin(message: Message) -> None:
    await message.answer(
        _(
            "Thank you! Only the bot's administrators can add decisions. "
            "If you have a new decision, please send it to your akimat or to the bot's team."
        )
    )


async def wrong_kind(message: Message) -> None:
    await message.answer(
        _("Please send a decision as .txt, .html, .docx or .pdf (with a text layer).")
    )


async def too_big(message: Message) -> None:
    await message.answer(
        _("This file is larger than 20 MB; Telegram does not let bots download it.")
    )


async def received(message: Message, document: Document, bot: Bot, state: FSMContext) -> None:
    try:
        data = await download(bot, document)
    except DownloadFailed:
        await not_downloaded(message)
        return
    name = document.file_name or "upload.txt"
    try:
        # A capped child process parses it; this handler only awaits (the loop stays free).
        result = await asyncio.to_thread(upload.inspect, data, name)
    except upload.UnusableDocument as exc:
        await message.answer(_("I could not use this file: {reason}").format(reason=str(exc)))
        return
    earlier = upload.Pending.from_state(await state.get_data())
    pending = upload.Pending.new(data, document.file_id, name)
    await state.set_state(Upload.confirm)
    await state.set_data(pending.as_state())
    if earlier is not None:
        await message.answer(
            _("This file replaces your earlier upload {file}, which was not stored.").format(
                file=esc(earlier.file_name)
            )
        )
    await message.answer(
        upload_report(name, result), reply_markup=keyboards.confirm_upload(pending.upload_id)
    )


async def confirmed(
    callback: CallbackQuery,
    callback_data: UploadCB,
    message: Message,
    bot: Bot,
    state: FSMContext,
    answers: Answers,
    db_path: Path,
    lang: str,
) -> None:
    pending = upload.Pending.from_state(await state.get_data())
    if pending is None or pending.upload_id != callback_data.id:
        await other_upload(callback)
        return
    await state.clear()
    await callback.answer(_("Storing…"))
    await message.edit_reply_markup(reply_markup=None)
    try:
        data = await download(bot, pending.file_id)
    except DownloadFailed:
        await not_downloaded(message)
        return
    try:
        result = await asyncio.to_thread(
            upload.store, data, pending.file_name, db_path, pending.sha
        )
    except upload.UnusableDocument as exc:
        await message.answer(_("I could not use this file: {reason}").format(reason=str(exc)))
        return
    except upload.StoreFailed as exc:
        log.error(
            "admin %s: storing %s failed: %s (%s)",
            callback.from_user.id,
            pending.file_name,
            exc,
            exc.__cause__,
        )
        await message.answer(_("Nothing was stored: {reason}.").format(reason=esc(str(exc))))
        return
    answers.reload()
    log.info("admin %s stored %s", callback.from_user.id, pending.file_name)
    await message.answer(
        _("✅ Stored: {budgets}. The answers now include this decision.").format(
            budgets=esc(stored_budgets(result, lang))
        )
    )


async def other_upload(callback: CallbackQuery) -> None:
    await callback.answer(
        _("This button belongs to an earlier upload; use the buttons under the latest one."),
        show_alert=True,
    )


async def cancelled(
    callback: CallbackQuery, callback_data: UploadCB, message: Message, state: FSMContext
) -> None:
    pending = upload.Pending.from_state(await state.get_data())
    if pending is None or pending.upload_id != callback_data.id:
        await other_upload(callback)
        return
    await state.clear()
    await callback.answer()
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(_("Cancelled: nothing was stored."))


async def expired(callback: CallbackQuery) -> None:
    await callback.answer(
        _("This upload is no longer pending; please send the file again."), show_alert=True
    )


async def remove_leftovers(db_path: Path) -> None:
    """At start: partial source files a crash or a full disk left behind go away."""
    for name in upload.remove_leftovers(db_path):
        log.warning("removed a partial upload left in sources/: %s", name)


def make_router() -> Router:
    router = Router(name="admin")
    router.startup.register(remove_leftovers)
    # every message handler here is about a file; a non-admin's file with a caption is a
    # question (handlers/questions.py answers it)
    router.message.filter(IsUpload())
    router.message.register(not_admin, ~IsAdmin())
    router.message.register(wrong_kind, F.document.func(lambda d: not _suffix_ok(d)))
    router.message.register(too_big, F.document.file_size > upload.MAX_BYTES)
    router.message.register(received, F.document.as_("document"))
    router.callback_query.register(
        confirmed,
        UploadCB.filter(F.ok),
        StateFilter(Upload.confirm),
        IsAdmin(),
        F.message.as_("message"),
    )
    router.callback_query.register(
        cancelled, UploadCB.filter(~F.ok), StateFilter(Upload.confirm), F.message.as_("message")
    )
    router.callback_query.register(expired, UploadCB.filter())
    return router
