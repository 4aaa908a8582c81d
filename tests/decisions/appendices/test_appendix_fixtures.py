"""The appendix fixtures are what gen.py makes, and their figures add up as printed.

Guards the held-out data itself (not the parser): a hand edit of a fixture that drifts
from its generator, or a sum that stops reconciling without being listed in the
fixture's ``problems``, fails here instead of silently moving the baseline.
"""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
EXPECTED = sorted(HERE.glob("*.expected.yaml"))


def _generated() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("appendix_gen", HERE / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # dataclasses look their module up while the file runs
    spec.loader.exec_module(gen)
    gen.CAPTURE = {}
    gen.main()
    return gen.CAPTURE


def test_committed_files_are_the_generators_output() -> None:
    made = _generated()
    on_disk = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".html", ".yaml")}
    assert set(made) == on_disk
    for name, text in made.items():
        assert (HERE / name).read_text(encoding="utf-8") == text, name


def _inconsistencies(lines: dict[str, Decimal]) -> list[str]:
    """Codes whose printed figure differs from what its rows or the identities give."""
    codes = [c for c in lines if c[0].isdigit()]
    bad = []
    for c in codes:
        kids = [k for k in codes if k.startswith(c + ".") and k.count(".") == c.count(".") + 1]
        if kids and sum(lines[k] for k in kids) != lines[c]:
            bad.append(c)

    def g(code: str) -> Decimal:
        return lines.get(code, Decimal(0))

    groups = [c for c in codes if len(c) == 2 and c not in ("10", "16")]  # 10: lending only here
    identities = {
        "income_total": sum((g(c) for c in "1234"), Decimal(0)),
        "expense_total": sum((g(c) for c in groups), Decimal(0)),
        "net_lending": g("10") - g("5"),
        "fin_assets_saldo": -g("6"),
        "deficit": g("income_total")
        - g("expense_total")
        - g("net_lending")
        - g("fin_assets_saldo"),
        "financing": -g("deficit"),
    }
    bad += [k for k, v in identities.items() if g(k) != v]
    if g("financing") != g("7") - g("16") + g("8"):
        bad.append("financing parts")
    return bad


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name for p in EXPECTED])
def test_figures_add_up_unless_reported(path: Path) -> None:
    exp = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    reported = {
        (p["year"], code) for p in exp.get("problems") or [] for code in p["code"].split("|")
    }
    for budget in exp["budgets"]:
        lines = {k: Decimal(v) for k, v in budget["lines"].items()}
        for key, value in (budget.get("summary") or {}).items():
            if key in lines:
                assert Decimal(value) == lines[key], (budget["entity"], budget["year"], key)
        for code in _inconsistencies(lines):
            assert (budget["year"], code) in reported, (budget["entity"], budget["year"], code)
    n = sum(len(b["lines"]) for b in exp["budgets"])
    assert exp["rows"] == {"read": str(n), "stored": str(n)}
