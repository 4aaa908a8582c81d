"""The validator: derive lost figures, repair only what the sums force, report the rest."""

from __future__ import annotations

from decimal import Decimal

from bot.ingest.validate import validate
from bot.model import Budget, Line


def budget(appendix: dict[str, object], point: dict[str, object] | None = None) -> Budget:
    b = Budget("X", "rural_district", 2024, "doc")
    for code, value in (point or {}).items():
        b.lines.append(
            Line(
                code,
                None if value is None else Decimal(str(value)),
                "summary",
                "point 1",
                printed=str(value),
            )
        )
    for code, value in appendix.items():
        section = "summary" if not code[0].isdigit() else "income"
        b.lines.append(
            Line(
                code,
                None if value is None else Decimal(str(value)),
                section,
                "appendix 1",
                printed=str(value),
            )
        )
    return b


CLEAN = {
    "income_total": 100,
    "1": 30,
    "1.01": 30,
    "1.01.2": 30,
    "4": 70,
    "4.02": 70,
    "4.02.3": 70,
    "expense_total": 110,
    "01": 60,
    "01.1": 60,
    "01.1.124": 60,
    "01.1.124.001": 60,
    "12": 50,
    "12.1": 50,
    "12.1.124": 50,
    "12.1.124.013": 50,
    "net_lending": 0,
    "fin_assets_saldo": 0,
    "deficit": -10,
    "financing": 10,
    "8": 10,
    "8.01": 10,
    "8.01.1": 10,
}


def test_consistent_budget_needs_nothing() -> None:
    repairs, problems = validate(budget(CLEAN))
    assert repairs == [] and problems == []


def test_single_damaged_figure_is_repaired_and_recorded() -> None:
    b = budget({**CLEAN, "01.1": "6"})  # a digit lost: 60 printed as 6
    repairs, problems = validate(b)
    assert problems == []
    assert [(r.code, r.printed, r.value) for r in repairs] == [("01.1", "6", Decimal(60))]
    assert "01 = 01.1" in repairs[0].constraint
    assert b.get("01.1").amount == 60 and b.get("01.1").repaired


def test_figure_two_parents_agree_on_is_repaired() -> None:
    repairs, _ = validate(budget({"4": 70, "4.02": 70, "4.02.3": 69}))
    assert [(r.code, r.value) for r in repairs] == [("4.02.3", Decimal(70))]


def test_partial_amendment_skips_summary_identities() -> None:
    b = budget({}, {"income_total": 120, "transfers": 90, "expense_total": 130})
    repairs, problems = validate(b, partial=True)
    assert repairs == [] and problems == []


def test_lost_figure_is_derived() -> None:
    b = budget({**CLEAN, "12.1.124": None})
    repairs, problems = validate(b)
    assert [(r.code, r.printed, r.value) for r in repairs] == [("12.1.124", "None", Decimal(50))]
    assert problems == []


def test_ambiguous_damage_is_reported_not_guessed() -> None:
    # a parent and its only child disagree: either could be wrong, nothing else decides
    data = {"4.02": 70, "4.02.3": 69}
    repairs, problems = validate(budget(data))
    assert repairs == []
    assert problems and "does not add up" in problems[0].message
    assert budget(data).get("4.02.3").amount == 69  # stored as printed


def test_summary_identity_and_point1_cross_check() -> None:
    point = {
        "income_total": 100,
        "tax": 30,
        "non_tax": 0,
        "capital": 0,
        "transfers": 70,
        "expense_total": 110,
        "net_lending": 0,
        "fin_assets_saldo": 0,
        "deficit": -10,
        "financing": 0,
    }
    b = budget(CLEAN, point)
    repairs, problems = validate(b)
    assert problems == []
    assert [(r.source, r.code, r.value) for r in repairs] == [("point 1", "financing", 10)]


def test_decimal_amounts_stay_exact() -> None:
    data = {"1": "0.3", "1.01": "0.1", "1.04": "0.2"}
    repairs, problems = validate(budget(data))
    assert repairs == [] and problems == []
