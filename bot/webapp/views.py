"""The JSON the Mini App reads: figures in thousand tenge (exact numbers, plus the text
babel formats for the chat), each view with the decisions it comes from.

Built from the answer engine's reads and the brief's gathering, so the explorer, the PDF
and the chat can never disagree about a figure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from bot.answer import Engine, fmt
from bot.answer.budgets import Line, YearBudget
from bot.brief.data import Brief, Change, gather, resolve_entity
from bot.codes import depth

Json = dict[str, object]


class Node(TypedDict, total=False):
    code: str
    name: str
    amount: int | float
    text: str
    children: list[Node]


def number(value: Decimal) -> int | float:
    """A JSON number equal to the Decimal (thousand tenge has at most three decimals)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _node(engine: Engine, line: Line, lang: str, children: list[Node] | None = None) -> Node:
    node: Node = {
        "code": line.code,
        "name": engine.store.line_name(line.code, lang, line.name_printed),
        "amount": number(line.amount),
        "text": fmt.number(line.amount, lang),
    }
    if children:
        node["children"] = children
    return node


def spending_tree(engine: Engine, yb: YearBudget, lang: str) -> list[Node]:
    """Groups, each with its programmes (``group.sub.admin.prog``): group → programme."""
    lines = [ln for ln in yb.lines if ln.section == "expense"]
    out = []
    for g in (ln for ln in lines if depth(ln.code) == 1):
        progs = [ln for ln in lines if depth(ln.code) == 4 and ln.code.startswith(g.code + ".")]
        progs.sort(key=lambda ln: -ln.amount)
        out.append(_node(engine, g, lang, [_node(engine, p, lang) for p in progs]))
    out.sort(key=lambda n: -Decimal(str(n["amount"])))
    return out


def income_tree(engine: Engine, yb: YearBudget, lang: str) -> list[Node]:
    """Categories → classes → subclasses, as the appendix gives them."""
    lines = [ln for ln in yb.lines if ln.section == "income"]

    def kids(code: str, level: int) -> list[Node]:
        found = [ln for ln in lines if depth(ln.code) == level and ln.code.startswith(code + ".")]
        return [_node(engine, ln, lang, kids(ln.code, level + 1)) for ln in found]

    return [_node(engine, ln, lang, kids(ln.code, 2)) for ln in lines if depth(ln.code) == 1]


def _change(c: Change, lang: str) -> Json:
    return {
        "code": c.code,
        "name": c.name,
        "old": number(c.old),
        "new": number(c.new),
        "diff": number(c.diff),
        "old_text": fmt.number(c.old, lang),
        "new_text": fmt.number(c.new, lang),
        "text": fmt.change(c.old, c.new, lang),
    }


def budget(engine: Engine, entity: str, year: int, lang: str) -> Json:
    brief: Brief = gather(engine, entity, year, lang)
    yb = engine.store.year_budget(brief.entity, year)
    totals = {
        r.code: {"name": r.name, "amount": number(r.amount), "text": fmt.number(r.amount, lang)}
        for r in brief.headline.rows
        if r.level == 0
    }
    return {
        "entity": brief.entity,
        "name": brief.entity_name,
        "year": year,
        "years": engine.available_years(brief.entity),
        "lang": lang,
        "unit": "thousand_tenge",
        "unit_text": fmt.tr(lang).gettext("thousand ₸"),
        "totals": totals,
        "spending": spending_tree(engine, yb, lang),
        "income": income_tree(engine, yb, lang),
        "compare": {
            "year": brief.previous_year,
            "totals": [_change(c, lang) for c in brief.changes],
            "moved": [_change(c, lang) for c in brief.moved],
            "sources": brief.change_sources,
        },
        "sources": list(dict.fromkeys(brief.headline.sources + brief.programmes.sources)),
    }


def entities(engine: Engine, lang: str) -> list[Json]:
    return [
        {
            "entity": key,
            "name": engine.entity_name(key, lang),
            "kind": str(engine.store.entities.get(key, {}).get("kind") or ""),
            "years": list(years),
        }
        for key, years in sorted(engine.years.items())
    ]


def search(engine: Engine, query: str, lang: str, entity: str | None) -> Json:
    """The chat's understanding and matching (``Engine.ask``), as items to jump to."""
    reply = engine.ask(query, lang=lang)
    key = resolve_entity(engine, entity) if entity else None
    items = [
        {
            "entity": i.entity,
            "year": i.year,
            "code": i.code,
            "name": i.name,
            "amount": number(i.amount),
            "text": fmt.money(i.amount, lang),
        }
        for i in reply.items
        if key is None or not i.entity or i.entity == key
    ]
    return {
        "query": reply.query,
        "intent": reply.intent,
        "text": reply.text,
        "items": items,
        "sources": reply.sources,
    }
