"""The amount of the line(s) a classifier entry names, for the years asked or the latest."""

from __future__ import annotations

from bot.answer import fmt
from bot.answer.budgets import Line
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan


def answer(c: Composer, plan: Plan) -> Reply:
    code, years, lang, entity, query = (
        plan.code or "",
        list(plan.years),
        plan.lang,
        plan.entity,
        plan.query,
    )
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="amount", code=code, entity=entity)
    if entity is None:
        return c.no_data(reply, None, years)
    present, missing, defaulted = c.resolve_years(tuple(years), entity, 1)
    reply.years = present or list(years)
    if not present:
        return c.no_data(reply, entity, missing)
    t = fmt.tr(lang)
    entry = c.store.classifier.by_code.get(code)
    name = entry.name(lang) if entry else code
    used: list[Line] = []
    rows: list[str] = []
    for year in present:
        lines = c.store.lines_for(c.store.year_budget(entity, year), code)
        for line in lines:
            reply.items.append(c.item(year, line, lang, entity))
            used.append(line)
            rows.append(
                t.gettext("{year}: {amount}").format(year=year, amount=fmt.money(line.amount, lang))
            )
    if not used:
        return c.no_line(reply, entity, present, code, name)
    reply.text = (
        c.header(entity, present, lang)
        + "\n"
        + c.store.headline(code, lang)
        + "\n"
        + "\n".join(rows)
    )
    if missing:
        reply.text += "\n" + t.gettext("No data for {years}.").format(
            years=c.years_list(missing, lang)
        )
    if defaulted:
        reply.text += "\n\n" + c.default_year_note(present[-1], lang)
    return c.with_sources(reply, used)
