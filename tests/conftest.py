"""Shared fixtures: a store built from ``data/sources/`` by the real ingest, and a tiny
hand-made store for unit tests that must not depend on the parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import SOURCES_DIR
from bot.classifier import default as default_classifier
from bot.store.schema import load_classifier, open_db


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store ingested from every ``data/sources/*.txt`` with the lead's pipeline."""
    pipeline = pytest.importorskip("bot.ingest.pipeline")
    paths = sorted(SOURCES_DIR.glob("*.txt"))
    if not paths:
        pytest.skip("no sources in data/sources")
    db_path = tmp_path_factory.mktemp("seed") / "budget.db"
    pipeline.ingest_paths(paths, db_path)
    return db_path


# A tiny store shaped like the seed (figures invented for tests, not real ones).
TINY_LINES: dict[int, list[tuple[str, str, str, int]]] = {
    # year: [(code, section, source, amount in thousand tenge)]
    2023: [
        ("income_total", "summary", "point 1", 1000),
        ("tax", "summary", "point 1", 100),
        ("non_tax", "summary", "point 1", 0),
        ("capital", "summary", "point 1", 0),
        ("transfers", "summary", "point 1", 900),
        ("expense_total", "summary", "point 1", 1010),
        ("deficit", "summary", "point 1", -10),
        ("financing", "summary", "point 1", 10),
        ("1", "income", "appendix 1", 100),
        ("1.04", "income", "appendix 1", 100),
        ("1.04.3", "income", "appendix 1", 40),
        ("1.04.4", "income", "appendix 1", 60),
        ("4", "income", "appendix 1", 900),
        ("4.02", "income", "appendix 1", 900),
        ("4.02.3", "income", "appendix 1", 900),
        ("01", "expense", "appendix 1", 600),
        ("01.1", "expense", "appendix 1", 600),
        ("01.1.124", "expense", "appendix 1", 600),
        ("01.1.124.001", "expense", "appendix 1", 600),
        ("07", "expense", "appendix 1", 110),
        ("07.3", "expense", "appendix 1", 110),
        ("07.3.124", "expense", "appendix 1", 110),
        ("07.3.124.008", "expense", "appendix 1", 70),
        ("07.3.124.009", "expense", "appendix 1", 40),
        ("12", "expense", "appendix 1", 300),
        ("12.1", "expense", "appendix 1", 300),
        ("12.1.124", "expense", "appendix 1", 300),
        ("12.1.124.013", "expense", "appendix 1", 300),
        ("8.01.1", "financing", "appendix 1", 10),
    ],
    2024: [
        ("income_total", "summary", "point 1", 1200),
        ("tax", "summary", "point 1", 150),
        ("transfers", "summary", "point 1", 1050),
        ("expense_total", "summary", "point 1", 1200),
        ("deficit", "summary", "point 1", 0),
        ("1", "income", "appendix 2", 150),
        ("1.04", "income", "appendix 2", 150),
        ("1.04.4", "income", "appendix 2", 150),
        ("4", "income", "appendix 2", 1050),
        ("4.02", "income", "appendix 2", 1050),
        ("4.02.3", "income", "appendix 2", 1050),
        ("01", "expense", "appendix 2", 700),
        ("01.1", "expense", "appendix 2", 700),
        ("01.1.124", "expense", "appendix 2", 700),
        ("01.1.124.001", "expense", "appendix 2", 700),
        ("07", "expense", "appendix 2", 100.5),
        ("07.2", "expense", "appendix 2", 100.5),
        ("07.2.124", "expense", "appendix 2", 100.5),
        ("07.2.124.008", "expense", "appendix 2", 100.5),
        ("12", "expense", "appendix 2", 399.5),
        ("12.1", "expense", "appendix 2", 399.5),
        ("12.1.124", "expense", "appendix 2", 399.5),
        ("12.1.124.013", "expense", "appendix 2", 399.5),
    ],
}


def build_tiny_store(path: Path) -> Path:
    db = open_db(path)
    load_classifier(db, default_classifier())
    doc_id = "tinydoc0000000001"
    db["documents"].insert(
        {
            "doc_id": doc_id,
            "path": "tiny.txt",
            "lang": "kk",
            "issuer": "Жәнібек аудандық мәслихаты",
            "issuer_kk": "Жәнібек аудандық мәслихаты",
            "issuer_ru": "Жанибекский районный маслихат",
            "issuer_en": "Zhanibek district maslikhat",
            "number": "28-7",
            "date": "2022-12-29",
            "title": "test",
            "kind": "base",
            "amends": "",
            "amendments": json.dumps(
                [
                    {
                        "issuer": "Жәнібек аудандық мәслихаты",
                        "number": "15-4",
                        "date": "2023-12-27",
                        "scope": "point 1, appendix 1",
                    }
                ]
            ),
        }
    )
    db["entities"].insert(
        {
            "entity": "Талов ауылдық округі",
            "kind": "rural_district",
            "name_kk": "Талов ауылдық округі",
            "name_ru": "Таловский сельский округ",
            "name_en": "Talov rural district",
        }
    )
    rows = []
    for year, lines in TINY_LINES.items():
        appendix = f"appendix {year - 2022}"
        budget_id = f"tiny-{year}"
        db["budgets"].insert(
            {
                "budget_id": budget_id,
                "entity": "Талов ауылдық округі",
                "entity_kind": "rural_district",
                "year": year,
                "doc_id": doc_id,
                "edition": "15-4" if year == 2023 else "28-7",
                "edition_date": "2023-12-27" if year == 2023 else "2022-12-29",
                "appendix": appendix,
                "parts": "summary,appendix",
            }
        )
        for i, (code, section, source, amount) in enumerate(lines):
            rows.append(
                {
                    "line_id": f"{budget_id}-{i}",
                    "budget_id": budget_id,
                    "doc_id": doc_id,
                    "entity": "Талов ауылдық округі",
                    "year": year,
                    "code": code,
                    "section": section,
                    "source": source,
                    "ord": i,
                    "amount_tenge": round(amount * 1000),
                    "printed": str(amount),
                    "name_printed": "",
                    "repaired": 0,
                    "current": 1,
                }
            )
    # an old edition that must never be answered from
    rows.append({**rows[0], "line_id": "old-0", "amount_tenge": 999_999_000, "current": 0})
    db["lines"].insert_all(rows)
    db.conn.close()
    return path


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_store(tmp_path_factory.mktemp("tiny") / "tiny.db")
