"""Admins upload decision files: parse → report and preview → store only on "Confirm"."""

from __future__ import annotations

import asyncio
import io
import logging
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter, or_f
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Document, Message
from aiogram.utils.i18n import gettext as _

from bot.telegram import keyboards, upload
from bot.telegram.callbacks import UploadCB
from bot.telegram.engine import Answers
from bot.telegram.filters import IsAdmin
from bot.telegram.text import esc
from bot.telegram.views import stored_budgets, upload_report

log = logging.getLogger(__name__)


class Upload(StatesGroup):
    confirm = State()


async def download(bot: Bot, document: Document) -> bytes:
    buf = io.BytesIO()
    await bot.download(document, destination=buf)
    return buf.getvalue()


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
    data = await download(bot, document)
    try:
        result = await asyncio.to_thread(upload.inspect, data, document.file_name or "upload.txt")
    except upload.UnusableDocument as exc:
        await message.answer(_("I could not use this file: {reason}").format(reason=str(exc)))
        return
    await state.set_state(Upload.confirm)
    await state.update_data(file_id=document.file_id, file_name=document.file_name)
    await message.answer(
        upload_report(document.file_name or "", result), reply_markup=keyboards.confirm_upload()
    )


async def confirmed(
    callback: CallbackQuery,
    message: Message,
    bot: Bot,
    state: FSMContext,
    answers: Answers,
    db_path: Path,
    lang: str,
) -> None:
    await callback.answer(_("Storing…"))
    pending = await state.get_data()
    await state.clear()
    await message.edit_reply_markup(reply_markup=None)
    buf = io.BytesIO()
    await bot.download(pending["file_id"], destination=buf)
    name = pending.get("file_name") or "upload.txt"
    result = await asyncio.to_thread(upload.store, buf.getvalue(), name, db_path)
    answers.reload()
    log.info("admin %s stored %s", callback.from_user.id, name)
    await message.answer(
        _("✅ Stored: {budgets}. The answers now include this decision.").format(
            budgets=esc(stored_budgets(result, lang))
        )
    )


async def cancelled(callback: CallbackQuery, message: Message, state: FSMContext) -> None:
    await state.clear()
    await callback.answer()
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(_("Cancelled: nothing was stored."))


async def expired(callback: CallbackQuery) -> None:
    await callback.answer(
        _("This upload is no longer pending; please send the file again."), show_alert=True
    )


def make_router() -> Router:
    router = Router(name="admin")
    router.message.filter(F.document)  # every message handler here is about a file
    # a non-admin's file with a caption is a question: handlers/questions.py answers it
    router.message.filter(or_f(IsAdmin(), ~F.caption))
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
