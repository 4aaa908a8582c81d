"""`budget-bot build` on a first run: a short plain summary, the report in a file, next steps."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli


def test_build_explains_itself(tmp_path: Path) -> None:
    db = tmp_path / "budget.db"
    out = CliRunner().invoke(cli, ["build", "--db", str(db)])
    assert out.exit_code == 0, out.output
    text = out.output
    assert "thousand ₸" in text and "budgets stored" in text
    assert "repaired" in text and "Checked" in text
    report = tmp_path / "validation-report.txt"
    assert f"Full validation report: {report}" in text and report.exists()
    assert "because" in report.read_text(encoding="utf-8")  # the jargon lives in the file
    assert "because" not in text
    assert "budget-bot ask" in text and "BOT_TOKEN=" in text
    assert len(text.splitlines()) <= 15


def test_readme_first_command_shows_pip_progress() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    first = next(line for line in readme.splitlines() if line.startswith("python3 -m venv"))
    assert "budget-bot build" in first and " -q " not in first
