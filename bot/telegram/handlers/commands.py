"""/budget /compare /top /export /sources /help."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import gettext as ngettext

from bot.telegram import keyboards
from bot.telegram.engine import Answers
from bot.telegram.filters import YearArgs
from bot.telegram.memory import Memory
from bot.telegram.text import esc
from bot.telegram.views import decisions_text, export_files, send_reply, send_text

HOLDERS_SHOWN = 10  # budgets listed when asking which one (the store may hold thousands)


async def holder_for(
    message: Message,
    command: str,
    place: str | None,
    answers: Answers,
    state: FSMContext,
    lang: str,
) -> tuple[bool, str | None]:
    """The budget a command is about: the place it names, else the one the chat is talking
    about, else the store's only one. ``(False, None)`` when the user has been asked to name
    it: with many budgets in the store, a command without a place must not answer about
    one of them by chance."""
    if place:
        found = await answers.run(answers.holder_named, place)
        if found is None:
            first = _("I have no budget for «{place}».").format(place=esc(place))
            await tell_holders(message, command, answers, lang, first)
            return False, None
        return True, found
    before = await Memory(state).before()
    if before is not None and before.entity:
        return True, before.entity
    if len(answers.holders()) <= 1:
        return True, None
    await tell_holders(message, command, answers, lang, _("Which budget do you mean?"))
    return False, None


async def tell_holders(
    message: Message, command: str, answers: Answers, lang: str, first: str
) -> None:
    """``first``, then the budgets the store has (the first few) and how to name one."""
    holders = answers.holders()
    names = [answers.entity_name(h, lang) for h in holders[:HOLDERS_SHOWN]]  # not 2,300
    shown = "\n".join(f"📊 {esc(n)}" for n in names)
    if len(holders) > HOLDERS_SHOWN:
        more = len(holders) - HOLDERS_SHOWN
        shown += "\n" + ngettext(
            "…and {count} more budget", "…and {count} more budgets", more
        ).format(count=more)
    latest = [str(y) for y in answers.years(holders[0])[-1:]] if holders else []
    example = " ".join(["/" + command, *names[:1], *latest])
    hint = _("Name it after the command, for example: <code>{example}</code>").format(
        example=esc(example)
    )
    await message.answer(f"{first}\n\n{shown}\n\n{hint}")


async def budget(
    message: Message,
    years: list[int],
    place: str | None,
    answers: Answers,
    state: FSMContext,
    lang: str,
) -> None:
    chosen, entity = await holder_for(message, "budget", place, answers, state, lang)
    if not chosen:
        return
    reply = await answers.run(answers.overview, years[0] if years else None, lang, entity=entity)
    year = max(reply.years) if reply.years else 0
    nav = keyboards.year_nav(
        "budget", year, answers.years(reply.entity), answers.entity_key(reply.entity), lang
    )
    await send_text(message, esc(reply.text), nav if year else None)


async def top(
    message: Message,
    years: list[int],
    place: str | None,
    answers: Answers,
    state: FSMContext,
    lang: str,
) -> None:
    chosen, entity = await holder_for(message, "top", place, answers, state, lang)
    if not chosen:
        return
    reply = await answers.run(answers.top, years[0] if years else None, lang, entity=entity)
    year = max(reply.years) if reply.years else 0
    nav = keyboards.year_nav(
        "top", year, answers.years(reply.entity), answers.entity_key(reply.entity), lang
    )
    await send_text(message, esc(reply.text), nav if year else None)


async def compare(
    message: Message,
    years: list[int],
    place: str | None,
    answers: Answers,
    state: FSMContext,
    lang: str,
) -> None:
    chosen, entity = await holder_for(message, "compare", place, answers, state, lang)
    if not chosen:
        return
    known = answers.years(entity)
    if len(years) == 1:
        years = [years[0] - 1, years[0]]
    years = sorted(set(years or known[-2:]))
    reply = await answers.run(answers.compare, years, lang, entity=entity)
    await send_reply(message, reply, answers)


async def export(
    message: Message,
    years: list[int],
    place: str | None,
    answers: Answers,
    state: FSMContext,
    lang: str,
    bot: Bot,
) -> None:
    chosen, entity = await holder_for(message, "export", place, answers, state, lang)
    if not chosen:
        return
    year = years[0] if years else None
    rows = await answers.run(answers.export_rows, year, entity)  # off the event loop
    if not rows:
        known = ", ".join(str(y) for y in answers.years(entity)) or "—"
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
            "Commands: /budget [place] [year] · /compare 2023 2024 · /top [place] [year] · "
            "/export [place] [year] · /sources · /lang"
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
