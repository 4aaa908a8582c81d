"""A line's share of total revenue or total spending."""

from __future__ import annotations

from decimal import Decimal

from bot.answer import fmt
from bot.answer.budgets import INCOME_PARTS
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan


def answer(c: Composer, plan: Plan) -> Reply:
    year, lang, entity, query = (
        (plan.years[-1] if plan.years else None),
        plan.lang,
        plan.entity,
        plan.query,
    )
    code = plan.code or ""
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="share", code=code, entity=entity)
    found = c.year_for(reply, year)
    if isinstance(found, Reply):
        return found
    y, yb, defaulted = found
    t = fmt.tr(lang)
    entry = c.store.classifier.by_code.get(code)
    name = entry.name(lang) if entry else code
    lines = c.store.lines_for(yb, code)
    if not lines:
        return c.no_line(reply, entity, [y], code, name)
    income = code in {"income_total", *INCOME_PARTS} or (
        entry is not None and entry.section == "income"
    )
    total_key = "income_total" if income else "expense_total"
    if code == total_key:
        total_key = "expense_total" if income else "income_total"
    total = yb.by_code.get(total_key)
    amount = sum((ln.amount for ln in lines), Decimal(0))
    for ln in lines:
        reply.items.append(c.item(y, ln, lang, entity))
    used = list(lines)
    rows = [
        c.header(entity, [y], lang),
        f"{c.store.headline(code, lang)}: {fmt.money(amount, lang)}",
    ]
    if total is not None and total.amount:
        reply.items.append(c.item(y, total, lang, entity))
        used.append(total)
        of_total = (
            t.gettext("That is {share} of total revenue ({total}).")
            if total_key == "income_total"
            else t.gettext("That is {share} of total spending ({total}).")
        )
        rows.append(
            of_total.format(
                share=fmt.percent(amount / total.amount, lang),
                total=fmt.money(total.amount, lang, approx=False),
            )
        )
    if defaulted:
        rows.append("")
        rows.append(c.default_year_note(y, lang))
    reply.text = "\n".join(rows)
    return c.with_sources(reply, used)
