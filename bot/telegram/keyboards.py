"""Inline keyboards, built with callback-data factories in the reply's language."""

from __future__ import annotations

from collections import OrderedDict
from urllib.parse import urlencode

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.answer.model import Reply
from bot.langs import REGISTRY
from bot.telegram.callbacks import (
    OVERVIEW,
    Act,
    AnswerCB,
    AskCB,
    Chart,
    ChartCB,
    LangCB,
    UploadCB,
    YearCB,
    link_payload,
)
from bot.telegram.engine import Answers
from bot.telegram.locale import in_lang

LANG_NAMES: dict[str, str] = {lang.code: f"{lang.flag} {lang.name}".strip() for lang in REGISTRY}
AREA_INTENTS = frozenset({"overview", "top", "breakdown"})


def languages() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for lang, label in LANG_NAMES.items():
        kb.button(text=label, callback_data=LangCB(lang=lang))
    return kb.adjust(3).as_markup()


def share_url(bot_username: str, payload: str) -> str:
    """Telegram's share sheet with a deep link that opens the same answer."""
    link = f"https://t.me/{bot_username}?start={payload}"
    return "https://t.me/share/url?" + urlencode({"url": link})


def reply_payload(reply: Reply, answers: Answers) -> str | None:
    """The deep-link payload that answers ``reply`` again, if it is one a link can carry."""
    year = max(reply.years) if reply.years else 0
    ent = answers.entity_key(reply.entity)
    if reply.intent == "overview" and year:
        return link_payload(OVERVIEW, reply.lang, year, ent)
    acts = {"amount": Act.amount, "breakdown": Act.breakdown, "compare": Act.compare}
    act = acts.get(reply.intent)
    if act is None or not reply.code or not year or not reply.items:
        return None
    if act == Act.compare:
        first = min(reply.years)
        if len(reply.years) != 2 or first != year - 1:
            return None  # a link carries one year; a comparison with the year before it
    return link_payload(act, reply.lang, year, ent, reply.code)


class _Buttons:
    """An answer's buttons made directly, rows cut by ``adjust``: aiogram's builder
    deep-copies every button it is given and again on export (about 60 % of an answer's
    time in bench/dispatch.py)."""

    def __init__(self) -> None:
        self.buttons: list[InlineKeyboardButton] = []
        self.sizes: list[int] = []

    def button(
        self,
        text: str,
        callback_data: CallbackData | None = None,
        url: str | None = None,
        web_app: WebAppInfo | None = None,
    ) -> None:
        data = callback_data.pack() if callback_data is not None else None
        self.buttons.append(
            InlineKeyboardButton(text=text, callback_data=data, url=url, web_app=web_app)
        )

    def adjust(self, *sizes: int) -> _Buttons:
        self.sizes = list(sizes)
        return self

    def as_markup(self) -> InlineKeyboardMarkup:
        rows: list[list[InlineKeyboardButton]] = []
        rest, sizes = list(self.buttons), self.sizes or [1]
        for size in sizes:
            if rest:
                rows.append(rest[:size])
                rest = rest[size:]
        while rest:  # like aiogram: the last size repeats
            rows.append(rest[: sizes[-1]])
            rest = rest[sizes[-1] :]
        return InlineKeyboardMarkup(inline_keyboard=rows)


# Markups already made, by what decides them and the store version: the same question
# asked again gets the same buttons without building them ("the reply keyboard ~339 µs").
_MADE: OrderedDict[tuple[object, ...], InlineKeyboardMarkup | None] = OrderedDict()
MADE_MAX = 4096


def for_reply(
    reply: Reply,
    answers: Answers,
    bot_username: str | None = None,
    web_app_url: str | None = None,
) -> InlineKeyboardMarkup | None:
    """The buttons that fit an answer: ◀ year ▶, break down, other years, compare, chart,
    source, share, and the budget explorer (Mini App) on this budget and year when it has
    a public URL."""
    version = getattr(answers, "version", None)
    if not isinstance(version, int):
        return _for_reply(reply, answers, bot_username, web_app_url)
    key = (
        version,
        id(type(answers)),
        reply.intent,
        reply.lang,
        tuple(reply.years),
        reply.code,
        reply.entity,
        bool(reply.items),
        bool(reply.sources),
        tuple(reply.suggestions[:3]),
        bot_username,
        web_app_url,
    )
    if key in _MADE:
        _MADE.move_to_end(key)
        return _MADE[key]
    made = _MADE[key] = _for_reply(reply, answers, bot_username, web_app_url)
    if len(_MADE) > MADE_MAX:
        _MADE.popitem(last=False)
    return made


def _for_reply(
    reply: Reply,
    answers: Answers,
    bot_username: str | None,
    web_app_url: str | None,
) -> InlineKeyboardMarkup | None:
    lang = reply.lang
    year = max(reply.years) if reply.years else 0
    code = reply.code or ""
    ent = answers.entity_key(reply.entity)
    known = answers.years(reply.entity)
    kb = _Buttons()
    sizes: list[int] = []
    with in_lang(lang):
        if reply.intent == "unknown" or (reply.suggestions and not reply.items):
            for i, text in enumerate(reply.suggestions[:3]):
                kb.button(text=f"🔎 {text}", callback_data=AskCB(src="sg", i=i, lang=lang))
                sizes.append(1)
            return kb.adjust(*sizes).as_markup() if sizes else None
        if reply.intent in {"help", "catalog", "explain"}:
            return None
        if reply.intent == "amount" and code and len(reply.years) == 1:
            nav = 0
            for other, label in ((year - 1, f"◀ {year - 1}"), (year + 1, f"{year + 1} ▶")):
                if other in known:
                    kb.button(
                        text=label,
                        callback_data=AnswerCB(
                            act=Act.amount, lang=lang, code=code, year=other, ent=ent
                        ),
                    )
                    nav += 1
            if nav:
                sizes.append(nav)
        row = 0
        if (
            code
            and reply.intent != "breakdown"
            and answers.has_children(code, year or None, reply.entity)
        ):
            kb.button(
                text=_("🔍 Break down"),
                callback_data=AnswerCB(act=Act.breakdown, lang=lang, code=code, year=year, ent=ent),
            )
            row += 1
        if code and len(known) > 1 and reply.intent != "compare":
            kb.button(
                text=_("📅 Other years"),
                callback_data=AnswerCB(act=Act.years, lang=lang, code=code, year=year, ent=ent),
            )
            row += 1
        if year and (year - 1) in known and reply.intent != "compare":
            kb.button(
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
            kb.button(
                text=_("📊 Chart"),
                callback_data=ChartCB(kind=Chart.areas, lang=lang, year=year, ent=ent),
            )
            tail += 1
        elif code or reply.intent == "compare":
            kb.button(
                text=_("📈 Chart"),
                callback_data=ChartCB(kind=Chart.line, lang=lang, code=code, year=year, ent=ent),
            )
            tail += 1
        if reply.sources:
            kb.button(
                text=_("📄 Source"),
                callback_data=AnswerCB(act=Act.source, lang=lang, code=code, year=year, ent=ent),
            )
            tail += 1
        if tail:
            sizes.append(tail)
        payload = reply_payload(reply, answers) if bot_username else None
        if bot_username and payload:
            kb.button(text=_("🔗 Share"), url=share_url(bot_username, payload))
            sizes.append(1)
        if web_app_url and reply.entity and year:
            query = urlencode({"entity": reply.entity, "year": year, "lang": lang})
            sep = "&" if "?" in web_app_url else "?"
            kb.button(
                text=_("📊 Open the budget explorer"),
                web_app=WebAppInfo(url=f"{web_app_url}{sep}{query}"),
            )
            sizes.append(1)
    return kb.adjust(*sizes).as_markup() if sizes else None


def back(code: str, year: int, ent: str, lang: str) -> InlineKeyboardMarkup:
    """ "◀ Back" under a breakdown or a comparison opened from an answer's button: the
    message returns to the line's amount in that year."""
    kb = InlineKeyboardBuilder()
    with in_lang(lang):
        kb.button(
            text=_("◀ Back"),
            callback_data=AnswerCB(act=Act.amount, lang=lang, code=code, year=year, ent=ent),
        )
    return kb.as_markup()


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


def confirm_upload(upload_id: str = "") -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=_("✅ Confirm and store"), callback_data=UploadCB(ok=True, id=upload_id))
    kb.button(text=_("✖️ Cancel"), callback_data=UploadCB(ok=False, id=upload_id))
    return kb.adjust(2).as_markup()
