"""The seed decision (garbled OCR) parsed into three reconciled years."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot import SOURCES_DIR
from bot.ingest.pipeline import parse_file
from bot.model import ParseResult

SEED = SOURCES_DIR / "000_36a5c415686a84ba.txt"

EXPECTED = {
    2023: {
        "income_total": 60033,
        "1": 1501,
        "1.01": 250,
        "1.01.2": 250,
        "1.04": 1251,
        "1.04.1": 50,
        "1.04.3": 1,
        "1.04.4": 1200,
        "2": 0,
        "2.01": 0,
        "3": 0,
        "4": 58532,
        "4.02": 58532,
        "4.02.3": 58532,
        "expense_total": 60880,
        "01": 33606,
        "01.1": 33606,
        "01.1.124": 33606,
        "01.1.124.001": 33606,
        "07": 26826,
        "07.2": 18726,
        "07.2.124": 18726,
        "07.2.124.014": 18726,
        "07.3": 8100,
        "07.3.124": 8100,
        "07.3.124.008": 1796,
        "07.3.124.009": 1786,
        "07.3.124.011": 4518,
        "12": 448,
        "12.1": 448,
        "12.1.124": 448,
        "12.1.124.013": 448,
        "deficit": -847,
        "financing": 847,
        "8": 847,
        "8.01": 847,
        "8.01.1": 847,
    },
    2024: {
        "income_total": 58149,
        "1": 1501,
        "1.01.2": 250,
        "1.04.1": 50,
        "1.04.3": 1,
        "1.04.4": 1200,
        "4": 56648,
        "4.02.3": 56648,
        "expense_total": 58149,
        "01.1.124": 28426,
        "01.1.124.001": 28426,
        "07": 29323,
        "07.2": 29323,
        "07.2.124.008": 2200,
        "07.2.124.011": 27123,
        "12.1.124.013": 400,
        "deficit": 0,
        "financing": 0,
    },
    2025: {
        "income_total": 58149,
        "1": 1701,
        "1.01": 450,
        "1.01.2": 450,
        "1.04": 1251,
        "4.02.3": 56448,
        "expense_total": 58149,
        "01.1.124.001": 28426,
        "07.2.124.008": 2200,
        "07.2.124.011": 27123,
        "12.1.124.013": 400,
        "deficit": 0,
    },
}
POINT1_2023 = {
    "income_total": 60033,
    "tax": 1501,
    "non_tax": 0,
    "capital": 0,
    "transfers": 58532,
    "expense_total": 60880,
    "net_lending": 0,
    "fin_assets_saldo": 0,
    "deficit": -847,
    "financing": 847,
}


@pytest.fixture(scope="module")
def seed() -> ParseResult:
    return parse_file(SEED)


def amounts(result: ParseResult, year: int, source_prefix: str) -> dict[str, Decimal]:
    budget = next(b for b in result.budgets if b.year == year)
    return {ln.code: ln.amount for ln in budget.lines if ln.source.startswith(source_prefix)}


def test_metadata(seed: ParseResult) -> None:
    doc = seed.documents[0]
    assert doc.number == "28-7"
    assert doc.date == date(2022, 12, 29)
    assert doc.issuer == "Жәнібек аудандық мәслихаты"
    assert doc.issuer_names["ru"] == "Жанибекский районный маслихат"
    assert [(a.number, a.date, a.scope) for a in doc.amendments] == [
        ("15-4", date(2023, 12, 27), "point 1, appendix 1")
    ]
    assert [b.entity for b in seed.budgets] == ["Talov rural district"] * 3
    assert seed.entities["Talov rural district"]["name_kk"] == "Талов ауылдық округі"


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_appendix_lines(seed: ParseResult, year: int) -> None:
    got = amounts(seed, year, "appendix")
    for code, value in EXPECTED[year].items():
        assert got.get(code) == Decimal(value), (year, code)


def test_point1_summary(seed: ParseResult) -> None:
    got = amounts(seed, 2023, "point")
    assert got == {k: Decimal(v) for k, v in POINT1_2023.items()}


def test_every_total_reconciled(seed: ParseResult) -> None:
    assert not [p for p in seed.problems if p.message.startswith("does not add up")]
    assert sorted(b.year for b in seed.budgets) == [2023, 2024, 2025]


def test_repairs_are_recorded(seed: ParseResult) -> None:
    printed = {(r.year, r.source, r.code): (r.printed, r.value) for r in seed.repairs}
    assert printed[(2023, "appendix 1", "01.1")] == ("13 606", Decimal(33606))
    assert printed[(2023, "appendix 1", "07.2")] == ("26 826", Decimal(18726))
    assert printed[(2023, "appendix 1", "8")] == ("-847", Decimal(847))
    assert printed[(2023, "point 1", "financing")] == ("0", Decimal(847))
    assert printed[(2024, "appendix 2", "01.1.124")] == ("8426", Decimal(28426))
    assert printed[(2024, "appendix 2", "07.2")] == ("0 55", Decimal(29323))
    for r in seed.repairs:
        assert r.constraint  # every repair names the identities that forced it


def test_names_come_from_the_classifier(seed: ParseResult) -> None:
    line = next(ln for ln in seed.budgets[1].lines if ln.code == "12.1.124.013")
    assert "автомобиль жолдарының" in line.name_kk
    assert "автомобильных дорог" in line.name_ru
    assert line.name_en.startswith("Operation of roads")
    assert line.name_printed  # traceable to the OCR text


def test_json_contract(seed: ParseResult) -> None:
    data = seed.to_json()
    assert set(data) >= {"documents", "budgets", "repairs", "problems"}
    budget = data["budgets"][0]
    assert set(budget) >= {"entity", "year", "lines"}
    line = next(ln for ln in budget["lines"] if ln["code"] == "1.04.4")
    assert set(line) >= {"code", "name_kk", "name_ru", "name_en", "amount"}
    assert line["amount"] == 1200 and isinstance(line["amount"], int)
