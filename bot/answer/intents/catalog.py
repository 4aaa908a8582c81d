"""Which budgets and years the store holds, and the decisions they come from."""

from __future__ import annotations

from dataclasses import replace

from bot.answer import fmt
from bot.answer.cite import cite
from bot.answer.compose import Composer
from bot.answer.model import Reply
from bot.answer.route import Plan

CATALOG_ROWS = 15


def answer(c: Composer, plan: Plan) -> Reply:
    lang, query, entity = plan.lang, plan.query, plan.entity
    cached = c.catalogs.get((lang, entity))
    if cached is None:
        cached = c.catalogs[(lang, entity)] = build(c, lang, entity)
    return replace(
        cached,
        query=query,
        years=list(cached.years),
        sources=list(cached.sources),
        suggestions=list(cached.suggestions),
    )


def build(c: Composer, lang: str, entity: str | None) -> Reply:
    t = fmt.tr(lang)
    reply = Reply(query="", lang=lang, intent="catalog", entity=entity)
    if not c.store.years:
        reply.text = t.gettext("The store has no budgets yet.")
        return reply
    rows = [t.gettext("Budgets I can answer about:")]
    entities = [entity] if entity in c.store.years else sorted(c.store.years)
    all_years: set[int] = set()
    for e in entities:
        all_years.update(c.store.years[e])
    for e in entities[:CATALOG_ROWS]:
        years = c.store.years[e]
        rows.append(
            "• "
            + t.ngettext(
                "{entity}: {years} ({n} year)", "{entity}: {years} ({n} years)", len(years)
            ).format(
                entity=c.store.entity_name(e, lang),
                years=c.years_list(years, lang),
                n=len(years),
            )
        )
    if len(entities) > CATALOG_ROWS:
        rest = len(entities) - CATALOG_ROWS
        rows.append(
            t.ngettext("… and {n} more budget", "… and {n} more budgets", rest).format(n=rest)
        )
    shown = set(entities[:CATALOG_ROWS])
    docs: dict[str, None] = {}  # ordered, and membership is O(1) at thousands of budgets
    for b in c.store.budgets.values():
        doc_id = b.get("doc_id") or ""
        if b.get("entity") in shown and doc_id in c.store.documents:
            docs.setdefault(doc_id)
    reply.years = sorted(all_years)
    reply.text = "\n".join(rows)
    reply.sources = [cite(c.store.documents[d], None, "", lang) for d in list(docs)[:CATALOG_ROWS]]
    if reply.sources:
        label = t.ngettext("Source:", "Sources:", len(reply.sources))
        reply.text += "\n\n" + label + "\n" + "\n".join(f"• {s}" for s in reply.sources)
    reply.suggestions = c.examples(lang)
    return reply
