"""A line and the lines it consists of, with shares."""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.budgets import Line
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
    code = plan.code or "expense_total"
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="breakdown", code=code, entity=entity)
    found = c.year_for(reply, year)
    if isinstance(found, Reply):
        return found
    y, yb, defaulted = found
    t = fmt.tr(lang)
    parents = c.store.lines_for(yb, code)
    entry = c.store.classifier.by_code.get(code)
    name = entry.name(lang) if entry else code
    if not parents:
        return c.no_line(reply, entity, [y], code, name)
    used: list[Line] = []
    rows = [c.header(entity, [y], lang)]
    for parent in parents:
        reply.items.append(c.item(y, parent, lang, entity))
        used.append(parent)
        rows.append(f"{c.store.headline(code, lang)}: {fmt.money(parent.amount, lang)}")
        children = c.store.children(yb, parent.code)
        if not children:
            rows.append(t.gettext("This line is not divided further."))
        for ln in children:
            share = f" ({fmt.percent(ln.amount / parent.amount, lang)})" if parent.amount else ""
            rows.append(f"• {c.row(ln, lang)}{share}")
            reply.items.append(c.item(y, ln, lang, entity))
            used.append(ln)
    if defaulted:
        rows.append("")
        rows.append(c.default_year_note(y, lang))
    reply.text = "\n".join(rows)
    return c.with_sources(reply, used)
