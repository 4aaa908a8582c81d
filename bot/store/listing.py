"""Read-side listings for the command line: stored lines and a per-budget summary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlite_utils

from bot import classifier


def stored_lines(
    db: sqlite_utils.Database,
    *,
    year: int | None = None,
    entity: str | None = None,
    current_only: bool = True,
) -> list[dict[str, Any]]:
    """Lines in document order, named from the classifier (its English names)."""
    where, params = [], []
    if current_only:
        where.append("current = 1")
    if year is not None:
        where.append("year = ?")
        params.append(year)
    if entity:
        where.append(
            "entity in (select entity from entities where entity like ? or name_kk like ? "
            "or name_ru like ? or name_en like ?)"
        )
        params += [f"%{entity}%"] * 4
    sql = f"""
        select entity, year, source, code, amount_tenge, repaired, current from lines
        {"where " + " and ".join(where) if where else ""}
        order by entity, year, budget_id, ord
    """
    names = classifier.default()
    rows = list(db.query(sql, params))
    for row in rows:
        entry = names.entry_for_line(row["code"])
        row["name"] = entry.name_en if entry else ""
    return rows


def budget_summary(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One row per entity and year: the edition in force and its main totals."""
    rows = []
    for b in db.query(
        "select entity, year, count(*) as lines from lines where current = 1 "
        "group by entity, year order by entity, year"
    ):
        totals = {
            r["code"]: Decimal(r["amount_tenge"]) / 1000
            for r in db.query(
                "select code, amount_tenge from lines where current = 1 and entity = ? "
                "and year = ? and code in ('income_total', 'expense_total', 'deficit')",
                [b["entity"], b["year"]],
            )
        }
        edition = next(
            db.query(
                "select b.edition, b.edition_date from budgets b join lines l "
                "on l.budget_id = b.budget_id where l.current = 1 and l.entity = ? and "
                "l.year = ? order by b.edition_date desc limit 1",
                [b["entity"], b["year"]],
            ),
            {"edition": "", "edition_date": ""},
        )
        rows.append(
            {
                **b,
                "edition": f"No {edition['edition']} of {edition['edition_date']}",
                "income": totals.get("income_total"),
                "expenses": totals.get("expense_total"),
                "deficit": totals.get("deficit"),
            }
        )
    return rows
