"""Read-side listings for the command line: stored lines and a per-budget summary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlite_utils


def stored_lines(
    db: sqlite_utils.Database,
    *,
    year: int | None = None,
    entity: str | None = None,
    current_only: bool = True,
) -> list[dict[str, Any]]:
    """Lines in document order, named from the classifier (English, else Russian)."""
    where, params = [], []
    if current_only:
        where.append("l.current = 1")
    if year is not None:
        where.append("l.year = ?")
        params.append(year)
    if entity:
        where.append(
            "l.entity in (select entity from entities where entity like ? or name_kk like ? "
            "or name_ru like ? or name_en like ?)"
        )
        params += [f"%{entity}%"] * 4
    sql = f"""
        select l.entity, l.year, l.source, l.code, l.amount_tenge, l.repaired, l.current,
               coalesce(c.name_en, c2.name_en, p.name_en) as name
        from lines l
        left join classifier c on c.code = l.code
        left join classifier c2 on c2.code = (
            case when length(l.code) - length(replace(l.code, '.', '')) = 3
                 then substr(l.code, instr(substr(l.code, 4), '.') + 4)
                 else null end)
        left join classifier p on p.code = (
            case when length(l.code) - length(replace(l.code, '.', '')) = 2
                 and substr(l.code, 3, 1) = '.'
                 then substr(l.code, length(l.code) - 2) else null end)
        {"where " + " and ".join(where) if where else ""}
        order by l.entity, l.year, l.budget_id, l.ord
    """
    return list(db.query(sql, params))


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
