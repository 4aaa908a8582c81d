"""The ingest commands: contracts of `parse --json`, `ingest`, `lines`, `build`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot import SOURCES_DIR
from bot.cli import cli

SEED = SOURCES_DIR / "000_36a5c415686a84ba.txt"


def test_parse_json_contract() -> None:
    out = CliRunner().invoke(cli, ["parse", str(SEED), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert set(data) >= {"documents", "budgets", "repairs", "problems"}
    years = {b["year"] for b in data["budgets"]}
    assert years == {2023, 2024, 2025}
    b2024 = next(b for b in data["budgets"] if b["year"] == 2024)
    assert isinstance(b2024["entity"], str)
    road = next(ln for ln in b2024["lines"] if ln["code"] == "12.1.124.013")
    assert road["amount"] == 400
    assert {"code", "name_kk", "name_ru", "name_en", "amount"} <= set(road)
    summary = {
        ln["code"] for b in data["budgets"] for ln in b["lines"] if not ln["code"][0].isdigit()
    }
    assert summary <= {
        "income_total",
        "tax",
        "non_tax",
        "capital",
        "transfers",
        "expense_total",
        "net_lending",
        "fin_assets_saldo",
        "deficit",
        "financing",
    }


def test_ingest_report_and_lines(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    runner = CliRunner()
    out = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "reconciled" in out.output and "repair" in out.output
    out = runner.invoke(cli, ["lines", "--year", "2024", "--entity", "Талов", "--db", str(db)])
    assert out.exit_code == 0
    assert "12.1.124.013" in out.output and "400" in out.output


def test_ingest_bad_file_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02garbage" * 100)
    out = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(tmp_path / "b.db")])
    assert out.exit_code == 1
    assert out.exception is None or isinstance(out.exception, SystemExit)
    assert "bad.txt" in out.output and "Traceback" not in out.output


def test_parse_refuses_non_budget(tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text("Уважаемые коллеги! Приглашаем вас на собрание в пятницу.", encoding="utf-8")
    out = CliRunner().invoke(cli, ["parse", str(text), "--json"])
    assert out.exit_code == 1
    assert "Traceback" not in out.output


def test_build_prints_summary(tmp_path: Path) -> None:
    db = tmp_path / "built.db"
    out = CliRunner().invoke(cli, ["build", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "Talov rural district" in out.output and "2025" in out.output
    assert db.exists()
