"""/budget /compare /top /export /sources /help."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import gettext as ngettext

from bot.telegram import keyboards
from bot.telegram.engine import Answers
from bot.telegram.filters import YearArgs
from bot.telegram.text import esc
from bot.telegram.views import decisions_text, export_files, send_reply, send_text


async def budget(message: Message, years: list[int], answers: Answers, lang: str) -> None:
    reply = await answers.run(answers.overview, years[0] if years else None, lang)
    year = max(reply.years) if reply.years else 0
    nav = keyboards.year_nav(
        "budget", year, answers.years(reply.entity), answers.entity_key(reply.entity), lang
    )
    await send_text(message, esc(reply.text), nav if year else None)


async def top(message: Message, years: list[int], answers: Answers, lang: str) -> None:
    reply = await answers.run(answers.top, years[0] if years else None, lang)
    year = max(reply.years) if reply.years else 0
    nav = keyboards.year_nav(
        "top", year, answers.years(reply.entity), answers.entity_key(reply.entity), lang
    )
    await send_text(message, esc(reply.text), nav if year else None)


async def compare(message: Message, years: list[int], answers: Answers, lang: str) -> None:
    known = answers.years()
    if len(years) == 1:
        years = [years[0] - 1, years[0]]
    reply = await answers.run(answers.compare, sorted(set(years or known[-2:])), lang)
    await send_reply(message, reply, answers)


async def export(message: Message, years: list[int], answers: Answers, lang: str, bot: Bot) -> None:
    year = years[0] if years else None
    rows = await answers.run(answers.export_rows, year)  # off the event loop
    if not rows:
        known = ", ".join(str(y) for y in answers.years()) or "—"
        await message.answer(
            _("No lines for {year}. Years in the store: {years}.").format(year=year, years=known)
        )
        return
    names = {e: answers.entity_name(e, lang) for e in {r["entity"] for r in rows}}
    async with ChatActionSender.upload_document(bot=bot, chat_id=message.chat.id):
        files = await asyncio.to_thread(export_files, rows, year, lang, names)
        for name, data in files:
            await message.answer_document(BufferedInputFile(data, filename=name))
    await message.answer(
        ngettext(
            "{count} line, amounts in thousand tenge, with its source.",
            "{count} lines, amounts in thousand tenge, with the source of each line.",
            len(rows),
        ).format(count=len(rows))
    )


async def sources(message: Message, answers: Answers, lang: str) -> None:
    await send_text(message, decisions_text(answers.decisions(lang), lang))


async def help_(message: Message, answers: Answers, lang: str) -> None:
    reply = answers.help(lang)
    covered = sorted({b for d in answers.decisions(lang) for b in d.budgets})
    text = esc(reply.text)
    if covered:
        text += "\n\n" + _("<b>Budgets I can answer about:</b>") + "\n"
        text += "\n".join(f"📊 {esc(b)}" for b in covered)
    text = (
        text
        + "\n\n"
        + _(
            "Commands: /budget [year] · /compare 2023 2024 · /top [year] · /export [year] · "
            "/sources · /lang"
        )
    )
    await send_text(message, text, keyboards.examples(answers.examples(lang), lang))


async def usage(message: Message) -> None:
    await message.answer(
        _(
            "Please give a year, for example <code>/budget 2024</code> or "
            "<code>/compare 2023 2024</code>."
        )
    )


def make_router() -> Router:
    router = Router(name="commands")
    router.message.register(budget, Command("budget"), YearArgs())
    router.message.register(top, Command("top"), YearArgs())
    router.message.register(compare, Command("compare"), YearArgs(most=2))
    router.message.register(export, Command("export"), YearArgs())
    router.message.register(sources, Command("sources"))
    router.message.register(help_, Command("help"))
    router.message.register(usage, Command("budget", "top", "export", "compare"))
    return router
