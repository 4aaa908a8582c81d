"""Inline keyboards, built with callback-data factories in the reply's language."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.answer.model import Reply
from bot.telegram.callbacks import (
    Act,
    AnswerCB,
    AskCB,
    Chart,
    ChartCB,
    LangCB,
    UploadCB,
    YearCB,
)
from bot.telegram.engine import Answers
from bot.telegram.locale import in_lang

LANG_NAMES: dict[str, str] = {"kk": "🇰🇿 Қазақша", "ru": "🇷🇺 Русский", "en": "🇬🇧 English"}
AREA_INTENTS = frozenset({"overview", "top", "breakdown"})


def languages() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for lang, label in LANG_NAMES.items():
        kb.button(text=label, callback_data=LangCB(lang=lang))
    return kb.adjust(3).as_markup()


def _add(kb: list[InlineKeyboardButton], text: str, callback_data: CallbackData) -> None:
    kb.append(InlineKeyboardButton(text=text, callback_data=callback_data.pack()))


def _markup(buttons: list[InlineKeyboardButton], sizes: list[int]) -> InlineKeyboardMarkup:
    """Rows of ``sizes`` buttons, the last size repeated (``InlineKeyboardBuilder.adjust``)."""
    rows: list[list[InlineKeyboardButton]] = []
    i = 0
    while i < len(buttons):
        size = sizes[min(len(rows), len(sizes) - 1)]
        rows.append(buttons[i : i + size])
        i += size
    return InlineKeyboardMarkup(inline_keyboard=rows)


def for_reply(reply: Reply, answers: Answers) -> InlineKeyboardMarkup | None:
    """The buttons that fit an answer: break down, other years, compare, chart, source."""
    lang = reply.lang
    year = max(reply.years) if reply.years else 0
    code = reply.code or ""
    ent = answers.entity_key(reply.entity)
    known = answers.years(reply.entity)
    kb: list[InlineKeyboardButton] = []  # built directly: the builder deep-copies each
    sizes: list[int] = []
    with in_lang(lang):
        if reply.intent == "unknown" or (reply.suggestions and not reply.items):
            for i, text in enumerate(reply.suggestions[:3]):
                _add(kb, text=f"🔎 {text}", callback_data=AskCB(src="sg", i=i, lang=lang))
                sizes.append(1)
            return _markup(kb, sizes) if sizes else None
        if reply.intent in {"help", "catalog", "explain"}:
            return None
        row = 0
        if (
            code
            and reply.intent != "breakdown"
            and answers.has_children(code, year or None, reply.entity)
        ):
            _add(
                kb,
                text=_("🔍 Break down"),
                callback_data=AnswerCB(act=Act.breakdown, lang=lang, code=code, year=year, ent=ent),
            )
            row += 1
        if code and len(known) > 1 and reply.intent != "compare":
            _add(
                kb,
                text=_("📅 Other years"),
                callback_data=AnswerCB(act=Act.years, lang=lang, code=code, year=year, ent=ent),
            )
            row += 1
        if year and (year - 1) in known and reply.intent != "compare":
            _add(
                kb,
                text=_("⚖️ Compare with {year}").format(year=year - 1),
                callback_data=AnswerCB(act=Act.compare, lang=lang, code=code, year=year, ent=ent),
            )
            row += 1
        if row:
            sizes.append(min(row, 2))
            if row > 2:
                sizes.append(row - 2)
        tail = 0
        if reply.intent in AREA_INTENTS and year:
            _add(
                kb,
                text=_("📊 Chart"),
                callback_data=ChartCB(kind=Chart.areas, lang=lang, year=year, ent=ent),
            )
            tail += 1
        elif code or reply.intent == "compare":
            _add(
                kb,
                text=_("📈 Chart"),
                callback_data=ChartCB(kind=Chart.line, lang=lang, code=code, year=year, ent=ent),
            )
            tail += 1
        if reply.sources:
            _add(
                kb,
                text=_("📄 Source"),
                callback_data=AnswerCB(act=Act.source, lang=lang, code=code, year=year, ent=ent),
            )
            tail += 1
        if tail:
            sizes.append(tail)
    return _markup(kb, sizes) if sizes else None


def year_nav(view: str, year: int, known: list[int], ent: str, lang: str) -> InlineKeyboardMarkup:
    """◀ previous year · chart · next year ▶ under /budget and /top."""
    kb = InlineKeyboardBuilder()
    with in_lang(lang):
        if (year - 1) in known:
            kb.button(text=f"◀ {year - 1}", callback_data=YearCB(view=view, year=year - 1, ent=ent))
        kb.button(
            text=_("📊 Chart"),
            callback_data=ChartCB(kind=Chart.areas, lang=lang, year=year, ent=ent),
        )
        if (year + 1) in known:
            kb.button(text=f"{year + 1} ▶", callback_data=YearCB(view=view, year=year + 1, ent=ent))
    return kb.adjust(3).as_markup()


def examples(questions: list[str], lang: str) -> InlineKeyboardMarkup | None:
    kb = InlineKeyboardBuilder()
    for i, text in enumerate(questions[:6]):
        kb.button(text=f"💬 {text}", callback_data=AskCB(src="ex", i=i, lang=lang))
    return kb.adjust(1).as_markup() if questions else None


def confirm_upload() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=_("✅ Confirm and store"), callback_data=UploadCB(ok=True))
    kb.button(text=_("✖️ Cancel"), callback_data=UploadCB(ok=False))
    return kb.adjust(2).as_markup()
