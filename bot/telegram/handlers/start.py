"""/start and /lang: greeting in the user's language and the language picker."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.telegram import keyboards
from bot.telegram.callbacks import LangCB
from bot.telegram.engine import Answers
from bot.telegram.middlewares import LanguageMiddleware
from bot.telegram.text import esc


async def start(message: Message, answers: Answers, lang: str) -> None:
    name = esc(message.from_user.first_name if message.from_user else "")
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
        entity=esc(answers.entity_name(None, lang)),
        years=span,
        example=esc(next(iter(answers.examples(lang)), "2024")),
    )
    await message.answer(text, reply_markup=keyboards.languages())


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
    router.message.register(start, CommandStart())
    router.message.register(pick_language, Command("lang"))
    router.callback_query.register(language_chosen, LangCB.filter(F.lang.in_(keyboards.LANG_NAMES)))
    return router
