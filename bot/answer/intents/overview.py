"""A year's summary: revenue and its parts, spending, deficit, biggest areas with shares."""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.budgets import CATEGORY_OF, INCOME_PARTS, Line
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan
from bot.codes import depth

OVERVIEW_KEYS = ("income_total", *INCOME_PARTS, "expense_total", "deficit", "financing")
OVERVIEW_GROUPS = 3


def answer(c: Composer, plan: Plan) -> Reply:
    year, lang, entity, query = (
        (plan.years[-1] if plan.years else None),
        plan.lang,
        plan.entity,
        plan.query,
    )
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="overview", entity=entity)
    found = c.year_for(reply, year)
    if isinstance(found, Reply):
        return found
    y, yb, defaulted = found
    t = fmt.tr(lang)
    used: list[Line] = []
    rows = [
        t.gettext("Budget of {entity} for {year}").format(
            entity=c.store.entity_name(entity, lang), year=y
        )
    ]
    for key in OVERVIEW_KEYS:
        line = yb.by_code.get(CATEGORY_OF.get(key, "")) or yb.by_code.get(key)
        if line is None:
            continue
        if key in INCOME_PARTS and line.amount == 0:
            continue
        reply.items.append(c.item(y, line, lang, entity))
        used.append(line)
        indent = "   " if key in INCOME_PARTS else ""
        if key == "deficit":
            label = t.gettext("Deficit") if line.amount < 0 else t.gettext("Surplus")
            if line.amount == 0:
                label = t.gettext("Deficit (surplus)")
        else:
            label = c.store.line_name(line.code, lang)
        rows.append(f"{indent}{label}: {fmt.money(line.amount, lang)}")
    total = yb.by_code.get("expense_total")
    groups = sorted(
        (
            ln
            for ln in yb.lines
            if ln.section == "expense" and depth(ln.code) == 1 and ln.amount > 0
        ),
        key=lambda ln: -ln.amount,
    )[:OVERVIEW_GROUPS]
    if groups:
        rows.append("")
        rows.append(t.gettext("Biggest areas of spending:"))
        for i, ln in enumerate(groups, 1):
            share = (
                f" ({fmt.percent(ln.amount / total.amount, lang)})"
                if total and total.amount
                else ""
            )
            rows.append(f"{i}. {c.row(ln, lang)}{share}")
            reply.items.append(c.item(y, ln, lang, entity))
            used.append(ln)
    if len(rows) == 1:
        rows.append(t.gettext("No summary lines for this year."))
    reply.text = "\n".join(rows)
    if defaulted:
        reply.text += "\n\n" + c.default_year_note(y, lang)
    return c.with_sources(reply, used)
