"""The store: atomic, idempotent ingest; editions superseded, history kept; FTS5."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot import SOURCES_DIR
from bot.ingest.pipeline import ingest_paths, parse_file
from bot.model import Budget, Document, Edition, Line, ParseResult
from bot.store import write
from bot.store.schema import open_db

SEED = SOURCES_DIR / "000_36a5c415686a84ba.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "decisions"


def dump(db_path: Path) -> str:
    db = open_db(db_path, readonly=True)
    parts = []
    for table in ("documents", "entities", "budgets", "lines", "repairs", "problems"):
        rows = sorted(map(repr, db.query(f"select * from [{table}]")))
        parts.append(f"{table}:{len(rows)}:" + "\n".join(rows))
    db.close()
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def current(db_path: Path, year: int, code: str) -> list[dict]:
    db = open_db(db_path, readonly=True)
    rows = list(
        db.query("select * from lines where current = 1 and year = ? and code = ?", [year, code])
    )
    db.close()
    return rows


def test_seed_stored_with_exact_amounts(tmp_path: Path) -> None:
    db_path = tmp_path / "b.db"
    [report] = ingest_paths([SEED], db_path)
    assert report.ok, report.reason
    [road] = current(db_path, 2024, "12.1.124.013")
    assert road["amount_tenge"] == 400_000
    assert {r["year"] for r in open_db(db_path).query("select distinct year from lines")} == {
        2023,
        2024,
        2025,
    }
    # point 1 and appendix 1 both give 2023's income; one line is in force
    assert len(current(db_path, 2023, "income_total")) == 1


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    db_path = tmp_path / "b.db"
    ingest_paths([SEED], db_path)
    first = dump(db_path)
    ingest_paths([SEED], db_path)
    assert dump(db_path) == first


def test_failing_document_leaves_store_unchanged(tmp_path: Path, monkeypatch) -> None:
    db_path = tmp_path / "b.db"
    ingest_paths([SEED], db_path)
    before = dump(db_path)
    result = parse_file(FIXTURES / "kk_rural_base.txt")
    result.budgets[-1].lines[-1].amount = Decimal("1.001")
    real = write.tenge

    def failing(amount: Decimal) -> int:  # a fault on the last line of the last budget
        if amount == Decimal("1.001"):
            raise ValueError("disk gone")
        return real(amount)

    monkeypatch.setattr(write, "tenge", failing)
    db = open_db(db_path)
    with pytest.raises(ValueError):
        write.store_result(db, result)
    db.close()
    assert dump(db_path) == before


def test_bad_files_refused_in_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 50)
    db_path = tmp_path / "b.db"
    reports = ingest_paths([empty, garbage, FIXTURES / "not_budget.txt", SEED], db_path)
    assert [r.ok for r in reports] == [False, False, False, True]
    for r in reports[:3]:
        assert r.reason and "\n" not in r.reason


def amendment(year: int, amounts: dict[str, str], when: date) -> ParseResult:
    doc = Document(
        "amend" + when.isoformat(),
        "a.txt",
        "kk",
        "Жәнібек аудандық мәслихаты",
        "20-1",
        when,
        "amendment",
        kind="amendment",
        amends=Edition(date(2022, 12, 29), "28-7"),
    )
    budget = Budget("Talov rural district", "rural_district", year, doc.doc_id)
    budget.lines = [Line(k, Decimal(v), "summary", "point 1") for k, v in amounts.items()]
    return ParseResult(
        documents=[doc],
        budgets=[budget],
        entities={
            "Talov rural district": {
                "kind": "rural_district",
                "name_kk": "Талов ауылдық округі",
                "name_ru": "Таловский сельский округ",
                "name_en": "Talov rural district",
            }
        },
    )


def test_amendment_supersedes_and_history_stays(tmp_path: Path) -> None:
    db_path = tmp_path / "b.db"
    ingest_paths([SEED], db_path)
    db = open_db(db_path)
    write.store_result(
        db, amendment(2024, {"income_total": "60000", "expense_total": "60000"}, date(2024, 3, 1))
    )
    db.close()
    [income] = current(db_path, 2024, "income_total")
    assert income["amount_tenge"] == 60_000_000 and income["source"] == "point 1"
    # the appendix lines the amendment did not restate stay in force
    assert current(db_path, 2024, "12.1.124.013")[0]["amount_tenge"] == 400_000
    history = list(
        open_db(db_path).query(
            "select amount_tenge from lines where year = 2024 and code = 'income_total' "
            "order by current"
        )
    )
    assert [h["amount_tenge"] for h in history] == [58_149_000, 60_000_000]


def test_older_amendment_ingested_later_does_not_win(tmp_path: Path) -> None:
    db_path = tmp_path / "b.db"
    db = open_db(db_path)
    write.store_result(db, amendment(2024, {"income_total": "2"}, date(2024, 6, 1)))
    write.store_result(db, amendment(2024, {"income_total": "1"}, date(2024, 3, 1)))
    db.close()
    assert current(db_path, 2024, "income_total")[0]["amount_tenge"] == 2000


def test_classifier_fts(tmp_path: Path) -> None:
    db_path = tmp_path / "b.db"
    ingest_paths([SEED], db_path)
    db = open_db(db_path, readonly=True)
    codes = {r["code"] for r in db["classifier"].search("жарықтандыру")}
    assert "124.008" in codes
    codes = {r["code"] for r in db["classifier"].search("roads")}
    assert "124.013" in codes


def test_a_fraction_of_a_tenge_is_left_out_and_reported(tmp_path: Path) -> None:
    """'341,6 тенге' printed where thousands were meant: never rounded, never a crash."""
    doc = Document("frac", "f.txt", "ru", "", "1", date(2020, 1, 8), "t")
    budget = Budget("X rural district", "rural_district", 2020, "frac")
    budget.lines = [
        Line("income_total", Decimal("16268.6"), "summary", "point 1"),
        Line("non_tax", Decimal("0.3416"), "summary", "point 1", printed="341,6"),
    ]
    result = ParseResult(documents=[doc], budgets=[budget])
    db = open_db(tmp_path / "b.db")
    counts = write.store_result(db, result)
    assert counts["lines"] == 1
    codes = [r["code"] for r in db.query("select code from lines")]
    assert codes == ["income_total"]
    [problem] = list(db.query("select code, message from problems"))
    assert problem["code"] == "non_tax" and "341,6" in problem["message"]


DECISIONS = Path(__file__).parent / "decisions" / "point1"


def test_replacements_wait_for_their_base_whichever_arrives_first(tmp_path: Path) -> None:
    """'цифры … заменить' met before the decision it amends is stored after it."""
    base = DECISIONS / "ru_rd_beles_2024_base.txt"
    amend = DECISIONS / "ru_rd_beles_2024_replace.txt"
    amend_first = ingest_paths([amend, base], tmp_path / "a.db")
    base_first = ingest_paths([base, amend], tmp_path / "b.db")
    assert [r.ok for r in amend_first] == [r.ok for r in base_first] == [True, True]

    def in_force(db_path: Path) -> set[tuple[str, int]]:
        db = open_db(db_path, readonly=True)
        rows = db.query("select code, amount_tenge from lines where current = 1")
        return {(r["code"], r["amount_tenge"]) for r in rows}

    assert in_force(tmp_path / "a.db") == in_force(tmp_path / "b.db")


def test_replacements_without_their_base_are_refused_in_one_line(tmp_path: Path) -> None:
    [report] = ingest_paths([DECISIONS / "ru_rd_beles_2024_replace.txt"], tmp_path / "c.db")
    assert not report.ok and "not in the store" in report.reason and "\n" not in report.reason


def test_an_amendment_ingested_again_finds_the_figures_it_replaced(tmp_path: Path) -> None:
    base = DECISIONS / "ru_rd_beles_2024_base.txt"
    amend = DECISIONS / "ru_rd_beles_2024_replace.txt"
    db_path = tmp_path / "again.db"
    first = ingest_paths([base, amend], db_path)
    again = ingest_paths([amend, base, amend], db_path)
    assert all(r.ok for r in [*first, *again]), [r.reason for r in again]
