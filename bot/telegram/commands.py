"""The command menu, registered per language with setMyCommands."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeDefault
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import lazy_gettext as __

from bot.i18n import DEFAULT_LANG, LANGS

MENU = (
    ("budget", __("Budget summary for a year")),
    ("compare", __("Compare two years")),
    ("top", __("Biggest spending lines")),
    ("export", __("Download lines as CSV and Excel")),
    ("brief", __("One-page PDF brief of a budget")),
    ("sources", __("Decisions the answers come from")),
    ("help", __("How to ask, with examples")),
    ("lang", __("Change language")),
)


def menu(i18n: I18n, lang: str) -> list[BotCommand]:
    with i18n.context(), i18n.use_locale(lang):
        return [BotCommand(command=name, description=str(text)) for name, text in MENU]


async def set_commands(bot: Bot, i18n: I18n) -> None:
    for lang in LANGS:
        await bot.set_my_commands(
            menu(i18n, lang), scope=BotCommandScopeDefault(), language_code=lang
        )
    await bot.set_my_commands(menu(i18n, DEFAULT_LANG), scope=BotCommandScopeDefault())
