"""Buttons under answers: break down, other years, compare, chart, source, examples."""

from __future__ import annotations

import asyncio

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram.utils.i18n import gettext as _

from bot.telegram import charts, keyboards
from bot.telegram.callbacks import Act, AnswerCB, AskCB, Chart, ChartCB, YearCB
from bot.telegram.engine import Answers
from bot.telegram.locale import in_lang
from bot.telegram.memory import Memory
from bot.telegram.text import esc, split_text
from bot.telegram.views import area_chart, decisions_text, line_chart, send_reply, send_text


async def show(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Navigation edits the message in place; a message too old to edit gets a new one."""
    try:
        await message.edit_text(split_text(text)[0], reply_markup=markup)
    except TelegramBadRequest as exc:
        if "not modified" in str(exc):
            return  # the same view tapped twice
        await send_text(message, text, markup)


async def amount(
    callback: CallbackQuery, callback_data: AnswerCB, message: Message, answers: Answers, bot: Bot
) -> None:
    """◀ year ▶ under an answer, and "◀ Back" under a breakdown or a comparison."""
    await callback.answer()
    d = callback_data
    reply = await answers.run(
        answers.amount, d.code, d.year, d.lang, entity=answers.entity_of(d.ent)
    )
    markup = keyboards.for_reply(reply, answers, (await bot.me()).username)
    await show(message, esc(reply.text), markup)


async def breakdown(
    callback: CallbackQuery, callback_data: AnswerCB, message: Message, answers: Answers
) -> None:
    await callback.answer()
    d = callback_data
    reply = await answers.run(
        answers.breakdown, d.code, d.year or None, d.lang, entity=answers.entity_of(d.ent)
    )
    await show(message, esc(reply.text), keyboards.back(d.code, d.year, d.ent, d.lang))


async def other_years(
    callback: CallbackQuery, callback_data: AnswerCB, message: Message, answers: Answers
) -> None:
    await callback.answer()
    d = callback_data
    entity = answers.entity_of(d.ent)
    reply = await answers.run(
        answers.compare, answers.years(entity), d.lang, code=d.code or None, entity=entity
    )
    markup = keyboards.back(d.code, d.year, d.ent, d.lang) if d.code else None
    await show(message, esc(reply.text), markup)


async def compare_previous(
    callback: CallbackQuery, callback_data: AnswerCB, message: Message, answers: Answers
) -> None:
    await callback.answer()
    d = callback_data
    reply = await answers.run(
        answers.compare,
        [d.year - 1, d.year],
        d.lang,
        code=d.code or None,
        entity=answers.entity_of(d.ent),
    )
    markup = keyboards.back(d.code, d.year, d.ent, d.lang) if d.code else None
    await show(message, esc(reply.text), markup)


async def source(
    callback: CallbackQuery, callback_data: AnswerCB, message: Message, answers: Answers
) -> None:
    await callback.answer()
    await send_text(
        message, decisions_text(answers.decisions(callback_data.lang), callback_data.lang)
    )


async def chart(
    callback: CallbackQuery, callback_data: ChartCB, message: Message, answers: Answers, bot: Bot
) -> None:
    d = callback_data
    entity = answers.entity_of(d.ent)
    if d.kind == Chart.areas:
        points, labels = await answers.run(area_chart, answers, d.year or None, d.lang, entity)
        draw = charts.bars
    else:
        points, labels = await answers.run(line_chart, answers, d.code or None, d.lang, entity)
        draw = charts.line
    if not points:
        with in_lang(d.lang):
            await callback.answer(_("There is nothing to draw for this yet."), show_alert=True)
        return
    await callback.answer()
    async with ChatActionSender.upload_photo(bot=bot, chat_id=message.chat.id):
        png = await asyncio.to_thread(draw, points, labels, d.lang)
        name = f"spending-{d.year}.png" if d.kind == Chart.areas else "by-year.png"
        caption = "\n".join(
            esc(part)
            for part in (labels.title, labels.subtitle, labels.unit, labels.source)
            if part
        )
        await message.answer_photo(BufferedInputFile(png, filename=name), caption=caption)


async def budget_year(
    callback: CallbackQuery, callback_data: YearCB, message: Message, answers: Answers, lang: str
) -> None:
    await callback.answer()
    entity = answers.entity_of(callback_data.ent)
    reply = await answers.run(answers.overview, callback_data.year, lang, entity=entity)
    nav = keyboards.year_nav(
        "budget", callback_data.year, answers.years(reply.entity), callback_data.ent, lang
    )
    await show(message, esc(reply.text), nav)


async def top_year(
    callback: CallbackQuery, callback_data: YearCB, message: Message, answers: Answers, lang: str
) -> None:
    await callback.answer()
    entity = answers.entity_of(callback_data.ent)
    reply = await answers.run(answers.top, callback_data.year, lang, entity=entity)
    nav = keyboards.year_nav(
        "top", callback_data.year, answers.years(reply.entity), callback_data.ent, lang
    )
    await show(message, esc(reply.text), nav)


async def ask_again(
    message: Message, question: str, lang: str, answers: Answers, state: FSMContext, bot: Bot
) -> None:
    """A tapped example or suggestion, answered like a typed question (it leaves a context)."""
    await message.answer(f"💬 <i>{esc(question)}</i>")
    memory = Memory(state)
    before = await memory.before()
    reply = await answers.ask_async(question, lang, context=before)
    sent = await send_reply(message, reply, answers, bot_username=(await bot.me()).username)
    await memory.remember(before, reply, [m.message_id for m in sent])


async def example(
    callback: CallbackQuery,
    callback_data: AskCB,
    message: Message,
    answers: Answers,
    state: FSMContext,
    bot: Bot,
) -> None:
    await callback.answer()
    questions = answers.examples(callback_data.lang)
    if callback_data.i < len(questions):
        question = questions[callback_data.i]
        await ask_again(message, question, callback_data.lang, answers, state, bot)


async def suggestion(
    callback: CallbackQuery,
    callback_data: AskCB,
    message: Message,
    asked: str,
    answers: Answers,
    state: FSMContext,
    bot: Bot,
) -> None:
    await callback.answer()
    options = (await answers.ask_async(asked, callback_data.lang)).suggestions
    if callback_data.i < len(options):
        question = options[callback_data.i]
        await ask_again(message, question, callback_data.lang, answers, state, bot)


async def stale(callback: CallbackQuery) -> None:
    """A button from an older version of the bot, or whose question is gone."""
    await callback.answer(_("This button has expired — please ask again."), show_alert=True)


def make_router() -> Router:
    router = Router(name="callbacks")
    # Every handler here needs the message the button sits under.
    router.callback_query.filter(F.message.as_("message"))
    router.callback_query.register(amount, AnswerCB.filter(F.act == Act.amount))
    router.callback_query.register(breakdown, AnswerCB.filter(F.act == Act.breakdown))
    router.callback_query.register(other_years, AnswerCB.filter(F.act == Act.years))
    router.callback_query.register(compare_previous, AnswerCB.filter(F.act == Act.compare))
    router.callback_query.register(source, AnswerCB.filter(F.act == Act.source))
    router.callback_query.register(chart, ChartCB.filter())
    router.callback_query.register(budget_year, YearCB.filter(F.view == "budget"))
    router.callback_query.register(top_year, YearCB.filter(F.view == "top"))
    router.callback_query.register(example, AskCB.filter(F.src == "ex"))
    router.callback_query.register(
        suggestion, AskCB.filter(F.src == "sg"), F.message.reply_to_message.text.as_("asked")
    )
    router.callback_query.register(stale)
    return router
