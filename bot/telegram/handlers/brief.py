"""/brief [place] [year]: the one-page PDF of a budget, and the button opening the Mini App."""

from __future__ import annotations

import re

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardMarkup,
    MenuButtonWebApp,
    Message,
    WebAppInfo,
)
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.brief.data import NoBudget
from bot.brief.service import Briefs
from bot.i18n import DEFAULT_LANG

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
MAX_ARGS = 200  # a place name is short; anything longer is not one


def explorer_button(url: str | None, lang: str) -> InlineKeyboardMarkup | None:
    """ "📊 Open the explorer" under a reply, when the Mini App has a public URL."""
    if not url:
        return None
    kb = InlineKeyboardBuilder()
    sep = "&" if "?" in url else "?"
    kb.button(
        text=_("📊 Open the budget explorer"), web_app=WebAppInfo(url=f"{url}{sep}lang={lang}")
    )
    return kb.as_markup()


def parse_args(args: str | None) -> tuple[str | None, int | None]:
    """``"Talov 2024"`` → ``("Talov", 2024)``; the year may come first or be absent."""
    text = (args or "")[:MAX_ARGS]
    years = _YEAR.findall(text)
    place = " ".join(_YEAR.sub(" ", text).split()) or None
    return place, int(years[-1]) if years else None


async def brief(
    message: Message,
    command: CommandObject,
    briefs: Briefs,
    lang: str,
    web_app_url: str | None = None,
) -> None:
    place, year = parse_args(command.args)
    try:
        data, pdf = await briefs.pdf(place, year, lang)
    except NoBudget:
        engine = briefs.engine()
        have = "\n".join(
            f"• {engine.entity_name(e, lang)}: {', '.join(map(str, ys))}"
            for e, ys in sorted(engine.years.items())
        )
        await message.answer(
            _("There is no budget for that place and year. The store has:")
            + "\n"
            + (have or "—")
            + "\n\n"
            + _("For example: /brief {year}").format(
                year=max((y for ys in engine.years.values() for y in ys), default=2024)
            ),
            parse_mode=None,
        )
        return
    slug = "".join(ch if ch.isalnum() else "-" for ch in data.entity).strip("-").lower()
    await message.answer_document(
        BufferedInputFile(pdf, filename=f"brief-{slug}-{data.year}-{lang}.pdf"),
        caption=_("Budget brief: {entity}, {year}. One page, amounts in thousand ₸.").format(
            entity=data.entity_name, year=data.year
        ),
        parse_mode=None,
        reply_markup=explorer_button(web_app_url, lang),
    )


def make_router() -> Router:
    router = Router(name="brief")
    router.message.register(brief, Command("brief"))
    return router


async def set_menu_button(bot: Bot, i18n: I18n, web_app_url: str | None = None) -> None:
    """On startup: the chat's menu button opens the Mini App (when it has a public URL).

    Telegram keeps one default menu button for every language, so its label is in the
    default language; the page itself follows each user's chosen language.
    """
    if not web_app_url:
        return
    with i18n.context(), i18n.use_locale(DEFAULT_LANG):
        text = _("Budget explorer")
    await bot.set_chat_menu_button(
        menu_button=MenuButtonWebApp(text=text, web_app=WebAppInfo(url=web_app_url))
    )
