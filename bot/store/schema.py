"""Tables, indexes and the FTS5 index of the budget store.

Money is stored as integer tenge (``amount_tenge``): decisions print thousand
tenge with at most three decimals, so an integer holds every figure exactly and
sums in SQL never meet a float.

Tables:
- ``documents``: one row per source decision (``doc_id`` = sha256 prefix of its bytes).
- ``entities``: each budget holder with its kk/ru/en names.
- ``budgets``: entity × year × edition (the document that gives it); ``edition_date``
  orders editions, the latest is in force.
- ``lines``: every summary row and appendix line of every edition; ``current = 1``
  marks the lines in force (per entity, year and part: point-1 summary or appendix),
  older editions stay queryable with ``current = 0``.
- ``classifier`` (+ FTS5 ``classifier_fts``): codes, kk/ru/en names and keywords.
- ``repairs`` and ``problems``: what validation repaired or could not reconcile.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from bot.classifier import LANGS, Classifier

SCHEMA_VERSION = 1


def open_db(path: str | Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open the store; ``readonly`` uses SQLite's ``mode=ro`` so answering can never write."""
    if readonly:
        import sqlite3

        conn = sqlite3.connect(
            f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False
        )
        return sqlite_utils.Database(conn)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    if "documents" not in db.table_names():
        db["documents"].create(
            {
                "doc_id": str,
                "path": str,
                "lang": str,
                "issuer": str,  # as printed, in the document's language
                "issuer_kk": str,
                "issuer_ru": str,
                "issuer_en": str,
                "number": str,
                "date": str,
                "title": str,
                "kind": str,
                "amends": str,
                "amendments": str,  # JSON list of {issuer, number, date, scope}
            },
            pk="doc_id",
        )
    if "entities" not in db.table_names():
        db["entities"].create(
            {
                "entity": str,  # the key of lines and budgets: the English name
                "kind": str,  # bot.ingest.vocab.KINDS
                "name_kk": str,
                "name_ru": str,
                "name_en": str,
                "parent": str,  # the parent's entity key: "" for a region
            },
            pk="entity",
        )
    if "budgets" not in db.table_names():
        db["budgets"].create(
            {
                "budget_id": str,
                "entity": str,
                "entity_kind": str,
                "year": int,
                "doc_id": str,
                "edition": str,
                "edition_date": str,
                "appendix": str,
                "parts": str,  # "summary", "appendix" or "summary,appendix"
            },
            pk="budget_id",
            foreign_keys=[("doc_id", "documents", "doc_id")],
        )
        db["budgets"].create_index(["entity", "year"])
    if "lines" not in db.table_names():
        db["lines"].create(
            {
                "line_id": str,
                "budget_id": str,
                "doc_id": str,
                "entity": str,
                "year": int,
                "code": str,
                "section": str,
                "source": str,
                "ord": int,
                "amount_tenge": int,
                "printed": str,
                "name_printed": str,
                "repaired": int,
                "current": int,
            },
            pk="line_id",
            foreign_keys=[("budget_id", "budgets", "budget_id")],
        )
        db["lines"].create_index(["current", "year", "code"])
        db["lines"].create_index(["current", "entity", "year"])
        db["lines"].create_index(["budget_id"])
        db["lines"].create_index(["doc_id"])  # re-ingesting a document forgets its lines
    if "repairs" not in db.table_names():
        db["repairs"].create(
            {
                "repair_id": str,
                "doc_id": str,
                "entity": str,
                "year": int,
                "source": str,  # "point 1" | "appendix 2"
                "code": str,
                "printed": str,
                "value_tenge": int,
                "constraint": str,
            },
            pk="repair_id",
        )
    if "problems" not in db.table_names():
        db["problems"].create(
            {
                "problem_id": str,
                "doc_id": str,
                "entity": str,
                "year": int,
                "source": str,
                "code": str,
                "message": str,
            },
            pk="problem_id",
        )
    if "classifier" not in db.table_names():
        columns: dict[str, type] = {"code": str, "kind": str, "path": str}
        for lang in LANGS:
            columns[f"name_{lang}"] = str
        for lang in LANGS:
            columns[f"keywords_{lang}"] = str
        db["classifier"].create(columns, pk="code")


def load_classifier(db: sqlite_utils.Database, classifier: Classifier) -> None:
    """(Re)load the classifier table and its FTS5 index; cheap and idempotent."""
    rows = []
    for e in classifier:
        row = {"code": e.code, "kind": e.kind, "path": e.path}
        for lang in LANGS:
            row[f"name_{lang}"] = e.name(lang)
            row[f"keywords_{lang}"] = " | ".join(e.keywords.get(lang, ()))
        rows.append(row)
    with db.atomic():
        db["classifier"].delete_where()
        db["classifier"].insert_all(rows, pk="code")
    fts_columns = [f"name_{lang}" for lang in LANGS] + [f"keywords_{lang}" for lang in LANGS]
    if db["classifier"].detect_fts() is None:
        db["classifier"].enable_fts(fts_columns, fts_version="FTS5", tokenize="unicode61")
    else:
        db["classifier"].rebuild_fts()
