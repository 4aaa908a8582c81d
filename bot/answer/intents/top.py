"""The N biggest (or smallest) spending programmes or revenue sources of a year."""

from __future__ import annotations

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
    n, code, smallest = plan.n, plan.code, plan.smallest
    entity = c.store.resolve(entity)
    reply = Reply(query=query, lang=lang, intent="top", entity=entity)
    found = c.year_for(reply, year)
    if isinstance(found, Reply):
        return found
    y, yb, defaulted = found
    n = max(1, min(int(n), 20))
    entry = c.store.classifier.by_code.get(code or "")
    income = (entry is not None and entry.section == "income") or code in {
        "income_total",
        *INCOME_PARTS,
    }
    leaves = c.store.leaves(yb, "income" if income else "expense")
    ranked = sorted(
        (ln for ln in leaves if ln.amount > 0),
        key=lambda ln: ln.amount if smallest else -ln.amount,
    )[:n]
    total = yb.by_code.get("income_total" if income else "expense_total")
    n = len(ranked) or n  # "the 5 biggest" of a budget with 4 items says 4
    t = fmt.tr(lang)
    if smallest:
        title = (
            t.ngettext(
                "The smallest source of revenue in {year}:",
                "The {n} smallest sources of revenue in {year}:",
                n,
            )
            if income
            else t.ngettext(
                "The smallest spending item in {year}:",
                "The {n} smallest spending items in {year}:",
                n,
            )
        )
    else:
        title = (
            t.ngettext(
                "The biggest source of revenue in {year}:",
                "The {n} biggest sources of revenue in {year}:",
                n,
            )
            if income
            else t.ngettext(
                "The biggest spending item in {year}:",
                "The {n} biggest spending items in {year}:",
                n,
            )
        )
    rows = [c.store.entity_name(entity, lang), title.format(n=n, year=y)]
    for i, ln in enumerate(ranked, 1):
        share = (
            f" ({fmt.percent(ln.amount / total.amount, lang)})" if total and total.amount else ""
        )
        rows.append(f"{i}. {c.row(ln, lang)}{share}")
        reply.items.append(c.item(y, ln, lang, entity))
    if defaulted:
        rows.append("")
        rows.append(c.default_year_note(y, lang))
    reply.text = "\n".join(rows)
    return c.with_sources(reply, ranked)
