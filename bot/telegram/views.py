"""Sending answers: escape, split under 4,096 characters, attach the right buttons."""

from __future__ import annotations

import hashlib
from datetime import date

from aiogram import Bot
from aiogram.types import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
)
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import gettext as ngettext
from babel.dates import format_date

from bot.answer.model import Reply
from bot.model import ParseResult
from bot.telegram import charts, export, keyboards
from bot.telegram.engine import Answers, Decision, Point
from bot.telegram.locale import in_lang
from bot.telegram.text import esc, money, split_text


async def send_chunks(
    message: Message,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    quote: bool = False,
) -> list[Message]:
    """Send HTML ``text`` in as many messages as it needs; buttons go under the last."""
    chunks = split_text(text)
    sent = [await message.answer(chunk) for chunk in chunks[:-1]]
    if quote:
        sent.append(await message.reply(chunks[-1], reply_markup=markup))
    else:
        sent.append(await message.answer(chunks[-1], reply_markup=markup))
    return sent


async def send_text(
    message: Message,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    quote: bool = False,
) -> Message:
    """Send HTML ``text`` in as many messages as it needs; returns the last one."""
    return (await send_chunks(message, text, markup, quote=quote))[-1]


async def send_reply(
    message: Message,
    reply: Reply,
    answers: Answers,
    *,
    quote: bool = False,
    bot_username: str | None = None,
    web_app_url: str | None = None,
) -> list[Message]:
    """An answer with its buttons; in a group it quotes the question, so the asker sees
    which question it answers. The explorer button only in a private chat (Telegram
    opens Mini App buttons there)."""
    group = message.chat.type != "private"
    markup = keyboards.for_reply(
        reply, answers, bot_username, web_app_url=None if group else web_app_url
    )
    # "Did you mean" buttons find the question again through the quoted message.
    quote = quote and (group or (bool(reply.suggestions) and not reply.items))
    return await send_chunks(message, esc(reply.text), markup, quote=quote)


async def edit_reply(
    bot: Bot,
    chat_id: int,
    message_id: int,
    reply: Reply,
    answers: Answers,
    *,
    bot_username: str | None = None,
) -> None:
    """Replace an earlier answer's text and buttons in place (an edited question, a
    navigation button). A long answer keeps its first part only; it never was a button
    target in more than one message."""
    markup = keyboards.for_reply(reply, answers, bot_username)
    text = split_text(esc(reply.text))[0]
    await bot.edit_message_text(
        text=text, chat_id=chat_id, message_id=message_id, reply_markup=markup
    )


def human_date(value: str, lang: str) -> str:
    try:
        return format_date(date.fromisoformat(value), format="long", locale=lang)
    except ValueError:
        return value


def decisions_text(decisions: list[Decision], lang: str) -> str:
    with in_lang(lang):
        if not decisions:
            return _("No decisions are loaded yet.")
        parts = [_("<b>Decisions the answers come from</b>")]
        for d in decisions:
            head = _("{issuer}, decision No {number} of {date}").format(
                issuer=esc(d.issuer), number=esc(d.number), date=human_date(d.date, lang)
            )
            block = [f"📄 <b>{head}</b>"]
            if d.title:
                block.append(f"<i>{esc(d.title)}</i>")
            block.extend(f"📊 {esc(b)}" for b in d.budgets)
            for a in d.amendments:
                block.append(
                    "✏️ "
                    + _("amended by decision No {number} of {date}").format(
                        number=esc(a.get("number", "")), date=human_date(a.get("date", ""), lang)
                    )
                    + (f" ({esc(a['scope'])})" if a.get("scope") else "")
                )
            parts.append("\n".join(block))
        return "\n\n".join(parts)


def export_files(
    rows: list[dict], year: int | None, lang: str, entity_names: dict[str, str] | None = None
) -> list[tuple[str, bytes]]:
    """``budget-2024.csv`` and ``budget-2024.xlsx`` with headers (and budgets) in ``lang``."""
    if entity_names:
        rows = [{**r, "entity": entity_names.get(r["entity"], r["entity"])} for r in rows]
    with in_lang(lang):
        headers = [
            _("Budget"),
            _("Year"),
            _("Code"),
            _("Name"),
            _("Amount, thousand ₸"),
            _("Source"),
        ]
        sheet = _("Budget lines")
    stem = f"budget-{year}" if year else "budget"
    return [
        (f"{stem}.csv", export.to_csv(rows, headers, lang)),
        (f"{stem}.xlsx", export.to_xlsx(rows, headers, lang, sheet)),
    ]


def chart_source(answers: Answers, lang: str) -> str:
    """ "Source: …" naming the latest decision in the store (the charts' figures are its)."""
    decisions = answers.decisions(lang)
    if not decisions:
        return ""
    d = decisions[-1]
    with in_lang(lang):
        head = _("{issuer}, decision No {number} of {date}").format(
            issuer=d.issuer, number=d.number, date=human_date(d.date, lang)
        )
        return _("Source: {source}").format(source=head)


def area_chart(
    answers: Answers, year: int | None, lang: str, entity: str | None
) -> tuple[list[Point], charts.Labels]:
    points = answers.by_area(year, lang, entity)
    year = year or (answers.years(entity) or [0])[-1]
    with in_lang(lang):
        labels = charts.Labels(
            title=_("Spending by area, {year}").format(year=year),
            subtitle=answers.entity_name(entity, lang),
            unit=_("thousand ₸"),
            source=chart_source(answers, lang),
        )
    return points, labels


def line_chart(
    answers: Answers, code: str | None, lang: str, entity: str | None
) -> tuple[list[Point], charts.Labels]:
    name, points = answers.across_years(code, lang, entity)
    with in_lang(lang):
        labels = charts.Labels(
            title=_("{name} by year").format(name=name),
            subtitle=answers.entity_name(entity, lang),
            unit=_("thousand ₸"),
            source=chart_source(answers, lang),
        )
    return points, labels


def card_title(reply: Reply) -> str:
    if reply.items:
        item = reply.items[0]
        return f"{item.name}, {item.year}: {money(item.amount, reply.lang)}"
    first = reply.text.strip().splitlines()[0] if reply.text.strip() else reply.query
    return first[:120]


def inline_cards(replies: list[Reply]) -> list[InlineQueryResultArticle]:
    cards = []
    seen: set[str] = set()
    for reply in replies:
        key = hashlib.sha1(f"{reply.lang}|{reply.text}".encode()).hexdigest()[:32]
        if key in seen or not reply.text:
            continue
        seen.add(key)
        lines = reply.text.strip().splitlines()
        cards.append(
            InlineQueryResultArticle(
                id=key,
                title=card_title(reply),
                description=" ".join(lines[1:3])[:200] or reply.query,
                input_message_content=InputTextMessageContent(
                    message_text=split_text(esc(reply.text))[0]
                ),
            )
        )
    return cards


def stored_budgets(result: ParseResult, lang: str) -> str:
    """``Жанаталапский сельский округ: 2024, 2025, 2026`` for each budget holder."""
    entities = getattr(result, "entities", None) or {}
    years: dict[str, set[int]] = {}
    for b in result.budgets:
        years.setdefault(b.entity, set()).add(b.year)
    return "; ".join(
        f"{entities.get(e, {}).get(f'name_{lang}') or e}: {', '.join(map(str, sorted(ys)))}"
        for e, ys in years.items()
    )


def upload_report(filename: str, result: ParseResult) -> str:
    """The validation report and a preview of what "Confirm" would store."""
    lang = I18n.get_current().current_locale
    parts = [
        _("📥 <b>{file}</b> — read and checked; nothing is stored yet.").format(file=esc(filename))
    ]
    for d in result.documents:
        when = human_date(d.date.isoformat(), lang) if d.date else "—"
        issuer = (getattr(d, "issuer_names", None) or {}).get(lang) or d.issuer
        line = "📄 " + _("{issuer}, decision No {number} of {date}").format(
            issuer=esc(issuer), number=esc(d.number), date=when
        )
        if d.amends:
            line += "\n    " + _("amends {decision}").format(decision=esc(d.amends))
        parts.append(line)
    entities = getattr(result, "entities", None) or {}
    for b in result.budgets[:8]:
        entity = entities.get(b.entity, {}).get(f"name_{lang}") or b.entity
        summary = {ln.code: ln.amount for ln in b.lines}
        figures = [
            _("income {amount}").format(amount=money(summary["income_total"], lang))
            if summary.get("income_total") is not None
            else "",
            _("expenses {amount}").format(amount=money(summary["expense_total"], lang))
            if summary.get("expense_total") is not None
            else "",
        ]
        parts.append(
            "📊 "
            + ngettext(
                "{entity}, {year}: {count} line", "{entity}, {year}: {count} lines", len(b.lines)
            ).format(entity=esc(entity), year=b.year, count=len(b.lines))
            + (
                "\n    " + " · ".join(f for f in figures if f) + " " + _("thousand ₸")
                if any(figures)
                else ""
            )
        )
    if len(result.budgets) > 8:
        parts.append(
            ngettext(
                "…and {count} more budget", "…and {count} more budgets", len(result.budgets) - 8
            ).format(count=len(result.budgets) - 8)
        )
    if result.repairs:
        parts.append(
            "🔧 "
            + ngettext(
                "{count} damaged figure rebuilt from the document's own sums",
                "{count} damaged figures rebuilt from the document's own sums",
                len(result.repairs),
            ).format(count=len(result.repairs))
        )
    if result.problems:
        listed = "\n".join(
            f"  • {esc(p.entity)} {p.year or ''} {esc(p.code)}: {esc(p.message)}"
            for p in result.problems[:5]
        )
        parts.append(
            "⚠️ "
            + ngettext(
                "{count} problem could not be reconciled:",
                "{count} problems could not be reconciled:",
                len(result.problems),
            ).format(count=len(result.problems))
            + "\n"
            + listed
        )
    else:
        parts.append("✅ " + _("Every sum reconciles."))
    if not result.budgets:
        parts.append("⚠️ " + _("No budget lines were found in this file."))
    parts.append(_("Store it?"))
    return "\n\n".join(parts)
