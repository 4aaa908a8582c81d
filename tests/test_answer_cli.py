"""``budget-bot ask`` and ``budget-bot eval``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.answer.cli import ask
from bot.answer.cli import eval_ as eval_cmd


def test_ask_text_and_json(tiny_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(ask, ["roads 2024", "--db", str(tiny_db)])
    assert out.exit_code == 0 and "399.5 thousand ₸" in out.output
    out = runner.invoke(ask, ["дороги 2024", "--json", "--db", str(tiny_db)])
    data = json.loads(out.output)
    assert set(data) == {"query", "lang", "intent", "years", "items", "text", "sources"}
    assert data["items"] == [
        {"year": 2024, "code": "12.1.124.013", "name": data["items"][0]["name"], "amount": 399.5}
    ]


def test_ask_reads_stdin_one_json_per_line(tiny_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        ask,
        ["-", "--json", "--db", str(tiny_db), "--today", "2024-05-01"],
        input="roads 2023\nбиыл жолдарға\n\n🙂\n",
    )
    lines = [json.loads(x) for x in out.output.splitlines()]
    assert [x["years"] for x in lines[:2]] == [[2023], [2024]]
    assert len(lines) == 4


def test_eval_reports_and_fails_below_100(tiny_db: Path, tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        '- {q: "roads 2024", lang: en, intent: amount, years: [2024],\n'
        '   items: [[2024, "12.1.124.013", 399.5]]}\n'
        '- {q: "roads 2023", lang: en, intent: amount, years: [2023],\n'
        '   items: [[2023, "12.1.124.013", 1]]}\n',
        encoding="utf-8",
    )
    out = CliRunner().invoke(eval_cmd, ["--db", str(tiny_db), "--questions", str(tmp_path)])
    assert out.exit_code == 1
    assert "1/2" in out.output and "amount" in out.output
