"""Read-only SQL the answer engine and the bot need; nothing here writes.

Small tables (documents, entities, budgets) are read whole once; budget lines are read
per entity and year through the ``(current, entity, year)`` index, so a question costs
one indexed lookup whatever the size of the store. Only lines in force (``current = 1``)
are ever returned.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils


def _rows(
    db: sqlite_utils.Database, sql: str, params: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(db: sqlite_utils.Database, name: str) -> bool:
    return name in db.table_names()


def documents(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """Every source decision by ``doc_id``; ``amendments`` decoded from JSON."""
    if not has_table(db, "documents"):
        return {}
    result = {}
    for row in _rows(db, "SELECT * FROM documents"):
        try:
            row["amendments"] = json.loads(row.get("amendments") or "[]") or []
        except (TypeError, ValueError):
            row["amendments"] = []
        result[row["doc_id"]] = row
    return result


def entities(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    if not has_table(db, "entities"):
        return {}
    return {row["entity"]: row for row in _rows(db, "SELECT * FROM entities ORDER BY entity")}


def budgets(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Budget editions, latest edition last within each entity and year."""
    if not has_table(db, "budgets"):
        return []
    return _rows(db, "SELECT * FROM budgets ORDER BY entity, year, edition_date, budget_id")


def years_with_lines(db: sqlite_utils.Database) -> dict[str, list[int]]:
    """Entity → years that have lines in force (a covering-index scan, done once)."""
    result: dict[str, list[int]] = {}
    for entity, year in db.execute(
        "SELECT DISTINCT entity, year FROM lines WHERE current = 1 ORDER BY entity, year"
    ).fetchall():
        result.setdefault(entity, []).append(year)
    return result


def codes_in_force(db: sqlite_utils.Database, entity: str) -> list[str]:
    """Every code with a line in force for ``entity`` in any year (the (current, entity,
    year) index serves it: no need to load every year to learn what exists)."""
    return [
        row["code"]
        for row in _rows(
            db, "SELECT DISTINCT code FROM lines WHERE current = 1 AND entity = ?", (entity,)
        )
    ]


def year_codes(db: sqlite_utils.Database, entity: str) -> list[tuple[int, str]]:
    """(year, code) of every line in force of ``entity``: one range of the (current,
    entity, year) index, a few hundred small rows, to learn which years hold a line."""
    return [
        (int(year), str(code))
        for year, code in db.execute(
            "SELECT DISTINCT year, code FROM lines INDEXED BY idx_lines_current_entity_year "
            "WHERE current = 1 AND entity = ?",
            (entity,),
        ).fetchall()
    ]


def lines(db: sqlite_utils.Database, entity: str, year: int) -> list[dict[str, Any]]:
    """Lines in force of one entity's budget for one year, in document order."""
    return _rows(
        db,
        "SELECT code, section, source, amount_tenge, name_printed, budget_id, doc_id, ord "
        "FROM lines WHERE current = 1 AND entity = ? AND year = ? ORDER BY ord",
        (entity, year),
    )


def export_lines(
    db: sqlite_utils.Database, year: int | None = None, entity: str | None = None
) -> list[dict[str, Any]]:
    """Lines in force for a CSV/XLSX export, optionally for one year and/or entity."""
    where = ["current = 1"]
    params: list[Any] = []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if year is not None:
        where.append("year = ?")
        params.append(year)
    return _rows(
        db,
        "SELECT entity, year, code, section, source, amount_tenge, doc_id, budget_id, ord "
        f"FROM lines WHERE {' AND '.join(where)} ORDER BY entity, year, ord",
        tuple(params),
    )
