"""Write a parse result into the store: atomic, idempotent, with editions kept.

- *Atomic*: one document is written inside one transaction; if anything fails the
  store is exactly as before.
- *Idempotent*: a document is keyed by the hash of its bytes; storing it again first
  removes what it stored last time, so the result is the same store.
- *Editions*: every budget keeps its lines. Which lines are in force (``current``) is
  recomputed per entity and year: the appendix lines of the newest edition that has
  an appendix, and for each summary key the newest edition that gives it (appendix
  before point 1 within one edition). An amending decision that restates only point 1
  thus supersedes the totals and leaves the older appendix queryable and in force.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal

import sqlite_utils

from bot.model import Budget, Document, ParseResult, Problem


def tenge(amount: Decimal) -> int:
    """Thousand tenge → integer tenge, refusing anything that is not exact."""
    value = amount * 1000
    if value != value.to_integral_value():
        raise ValueError(f"amount {amount} has more than three decimals")
    return int(value)


def _edition(budget: Budget, doc: Document) -> tuple[str, str]:
    """(number, ISO date) of the text in force for this budget."""
    if budget.edition:
        when = budget.edition.date
        return budget.edition.number, when.isoformat() if when else ""
    return doc.number, doc.date.isoformat() if doc.date else ""


def store_result(db: sqlite_utils.Database, result: ParseResult) -> dict[str, int]:
    """Store every document of ``result``; returns counts of what was written."""
    docs = {d.doc_id: d for d in result.documents}
    counts = {"budgets": 0, "lines": 0, "repairs": 0, "problems": 0}
    touched: set[tuple[str, int]] = set()
    with db.atomic():
        for doc_id in docs:
            touched |= _forget(db, doc_id)
        for doc in result.documents:
            db["documents"].insert(
                {
                    "doc_id": doc.doc_id,
                    "path": doc.path,
                    "lang": doc.lang,
                    "issuer": doc.issuer,
                    "issuer_kk": doc.issuer_names.get("kk", doc.issuer),
                    "issuer_ru": doc.issuer_names.get("ru", doc.issuer),
                    "issuer_en": doc.issuer_names.get("en", doc.issuer),
                    "number": doc.number,
                    "date": doc.date.isoformat() if doc.date else "",
                    "title": doc.title,
                    "kind": doc.kind,
                    "amends": str(doc.amends) if doc.amends else "",
                    "amendments": json.dumps(
                        [{**asdict(a), "date": a.date.isoformat()} for a in doc.amendments],
                        ensure_ascii=False,
                    ),
                },
                replace=True,
            )
        _keep_places_apart(db, result)
        for key, names in result.entities.items():
            db["entities"].insert({"entity": key, **names}, replace=True, alter=True)
        for budget in result.budgets:
            doc = docs.get(budget.doc_id) or result.documents[0]
            number, when = _edition(budget, doc)
            budget_id = f"{budget.entity}|{budget.year}|{doc.doc_id}"
            parts = sorted(
                {"summary" if ln.source.startswith("point") else "appendix" for ln in budget.lines}
            )
            db["budgets"].insert(
                {
                    "budget_id": budget_id,
                    "entity": budget.entity,
                    "entity_kind": budget.entity_kind,
                    "year": budget.year,
                    "doc_id": doc.doc_id,
                    "edition": number,
                    "edition_date": when,
                    "appendix": budget.appendix,
                    "parts": ",".join(parts),
                },
                replace=True,
            )
            for ln in budget.lines:
                if ln.amount is not None and (ln.amount * 1000) % 1:
                    # "неналоговые поступления – 341,6 тенге": a fraction of a tenge. The
                    # store keeps whole tenge; never round a figure the decision did not print
                    result.problems.append(
                        Problem(
                            budget.entity,
                            budget.year,
                            ln.code,
                            f"{ln.source}: {ln.printed or ln.amount} is a fraction of a tenge "
                            "and cannot be stored exactly; left out of the store",
                            ln.source,
                        )
                    )
            rows = [
                {
                    "line_id": f"{budget_id}|{ln.source}|{ln.code}",
                    "budget_id": budget_id,
                    "doc_id": doc.doc_id,
                    "entity": budget.entity,
                    "year": budget.year,
                    "code": ln.code,
                    "section": ln.section,
                    "source": ln.source,
                    "ord": i,
                    "amount_tenge": tenge(ln.amount),
                    "printed": ln.printed,
                    "name_printed": ln.name_printed,
                    "repaired": int(ln.repaired),
                    "current": 0,
                }
                for i, ln in enumerate(budget.lines)
                if ln.amount is not None and not (ln.amount * 1000) % 1
            ]
            db["lines"].insert_all(rows, replace=True)
            counts["budgets"] += 1
            counts["lines"] += len(rows)
            touched.add((budget.entity, budget.year))
        for i, r in enumerate(result.repairs):
            doc_id = result.documents[0].doc_id
            db["repairs"].insert(
                {
                    "repair_id": f"{doc_id}|{i}",
                    "doc_id": doc_id,
                    "entity": r.entity,
                    "year": r.year,
                    "source": r.source,
                    "code": r.code,
                    "printed": r.printed,
                    "value_tenge": tenge(r.value),
                    "constraint": r.constraint,
                },
                replace=True,
            )
            counts["repairs"] += 1
        for i, p in enumerate(result.problems):
            doc_id = result.documents[0].doc_id
            db["problems"].insert(
                {
                    "problem_id": f"{doc_id}|{i}",
                    "doc_id": doc_id,
                    "entity": p.entity,
                    "year": p.year,
                    "source": p.source,
                    "code": p.code,
                    "message": p.message,
                },
                replace=True,
            )
            counts["problems"] += 1
        for entity, year in sorted(touched):
            refresh_current(db, entity, year)
    return counts


def _keep_places_apart(db: sqlite_utils.Database, result: ParseResult) -> None:
    """Two places of one name under different parents never merge: "Aksu rural district"
    of another district is stored as "Aksu rural district (Shyngyrlau district)"."""
    if "entities" not in db.table_names() or "parent" not in db["entities"].columns_dict:
        return
    for key, names in list(result.entities.items()):
        parent = names.get("parent", "")
        rows = list(db.query("select parent from entities where entity = ?", [key]))
        if not parent or not rows or not rows[0]["parent"] or rows[0]["parent"] == parent:
            continue
        result.rekey(key, f"{key} ({parent})")


def _forget(db: sqlite_utils.Database, doc_id: str) -> set[tuple[str, int]]:
    """Remove what an earlier ingest of this document stored."""
    touched = {
        (row["entity"], row["year"])
        for row in db.query("select entity, year from budgets where doc_id = ?", [doc_id])
    }
    for table in ("lines", "budgets", "repairs", "problems", "documents"):
        db.execute(f"delete from [{table}] where doc_id = ?", [doc_id])
    return touched


def refresh_current(db: sqlite_utils.Database, entity: str, year: int) -> None:
    """Mark the lines in force for one entity and year (see the module docstring)."""
    rows = list(
        db.query(
            """
            select l.line_id, l.code, l.section, l.source, b.edition_date, d.date as doc_date,
                   b.doc_id
            from lines l join budgets b on b.budget_id = l.budget_id
            join documents d on d.doc_id = b.doc_id
            where l.current in (0, 1) and l.entity = ? and l.year = ?
            """,
            [entity, year],
        )
    )
    if not rows:
        return

    def edition(row: dict) -> tuple[str, str, str]:
        return (row["edition_date"] or "", row["doc_date"] or "", row["doc_id"])

    current: set[str] = set()
    appendix_rows = [r for r in rows if r["section"] != "summary"]
    if appendix_rows:
        newest = max(edition(r) for r in appendix_rows)
        current |= {r["line_id"] for r in appendix_rows if edition(r) == newest}
    by_key: dict[str, list[dict]] = {}
    for r in rows:
        if r["section"] == "summary":
            by_key.setdefault(r["code"], []).append(r)
    for candidates in by_key.values():
        best = max(candidates, key=lambda r: (edition(r), r["source"].startswith("appendix")))
        current.add(best["line_id"])
    # "current in (0, 1)" lets SQLite use the (current, entity, year) index
    db.execute(
        "update lines set current = 0 where current in (0, 1) and entity = ? and year = ?",
        [entity, year],
    )
    ids = sorted(current)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"update lines set current = 1 where line_id in ({marks})", chunk)
