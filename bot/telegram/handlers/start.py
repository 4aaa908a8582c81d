"""/start and /lang: greeting in the user's language, the language picker, and deep links
(``/start <payload>``) that open one shared answer."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import gettext as ngettext
from babel.numbers import format_decimal

from bot.telegram import keyboards
from bot.telegram.callbacks import OVERVIEW, Act, LangCB, parse_link
from bot.telegram.engine import Answers
from bot.telegram.memory import Memory
from bot.telegram.middlewares import LanguageMiddleware
from bot.telegram.text import esc
from bot.telegram.views import send_reply


async def start(message: Message, answers: Answers, lang: str) -> None:
    name = esc(message.from_user.first_name if message.from_user else "")
    holders = answers.holders()
    if len(holders) > 1:  # the country's budgets: say how many, not one of them
        loaded = ngettext("{count} budget", "{count} budgets", len(holders)).format(
            count=format_decimal(len(holders), locale=lang)
        )
        years = sorted({y for h in holders for y in answers.years(h)})
    else:
        loaded = esc(answers.entity_name(None, lang))
        years = answers.years()
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
    text = _(
        "Hello, {name}! 👋 I answer questions about local budgets of Kazakhstan: exact "
        "figures, each with the decision it comes from.\n\n"
        "Loaded now: <b>{entity}</b>, {years}.\n"
        "Just ask, for example: <i>{example}</i>\n\n"
        "Choose your language:"
    ).format(
        name=name,
        entity=loaded,
        years=span,
        example=esc(next(iter(answers.examples(lang)), "2024")),
    )
    await message.answer(text, reply_markup=keyboards.languages())


async def deep_link(
    message: Message, command: CommandObject, answers: Answers, state: FSMContext, bot: Bot
) -> None:
    """t.me/<bot>?start=<payload>: the shared answer, as if its question had been asked."""
    link = parse_link(command.args or "")
    if link is None:
        await message.answer(_("This link is not valid any more. Ask me a question instead."))
        return
    act, year, ent, lang, code = link
    entity = answers.entity_of(ent)
    if act == OVERVIEW:
        reply = await answers.run(answers.overview, year, lang, entity=entity)
    elif act == Act.breakdown:
        reply = await answers.run(answers.breakdown, code, year, lang, entity=entity)
    elif act == Act.compare:
        reply = await answers.run(answers.compare, [year - 1, year], lang, code=code, entity=entity)
    else:
        reply = await answers.run(answers.amount, code, year, lang, entity=entity)
    sent = await send_reply(message, reply, answers, bot_username=(await bot.me()).username)
    await Memory(state).remember(None, reply, [m.message_id for m in sent])


async def pick_language(message: Message) -> None:
    await message.answer(_("Choose your language:"), reply_markup=keyboards.languages())


async def language_chosen(
    callback: CallbackQuery,
    callback_data: LangCB,
    i18n: I18n,
    i18n_middleware: LanguageMiddleware,
    answers: Answers,
) -> None:
    lang = callback_data.lang
    await i18n_middleware.set_locale(callback.from_user.id, lang)
    with i18n.use_locale(lang):
        await callback.answer(_("Language saved"))
        if callback.message is not None:
            await callback.message.answer(
                _("Done! I will answer in English. Ask a question or tap an example:"),
                reply_markup=keyboards.examples(answers.examples(lang), lang),
            )


def make_router() -> Router:
    router = Router(name="start")
    router.message.register(deep_link, CommandStart(deep_link=True))
    router.message.register(start, CommandStart())
    router.message.register(pick_language, Command("lang"))
    router.callback_query.register(language_chosen, LangCB.filter(F.lang.in_(keyboards.LANG_NAMES)))
    return router
