"""What ``budget-bot build`` tells a newcomer: a short plain-language summary and the
next steps, while the full validation report (every repair with its arithmetic) goes to
a file beside the store.

A new user's first run used to end in 21 lines of repair jargon and a table of unitless
amounts whose line counts disagreed with the report; this says what was stored (amounts
in thousand ₸), how much was checked and repaired, where the details are, and what to
type next.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import sqlite_utils
from babel.numbers import format_decimal
from rich.console import Console

from bot.ingest.pipeline import Report
from bot.store.listing import budget_summary

REPORT_NAME = "validation-report.txt"


def report_path(db_path: Path) -> Path:
    return db_path.with_name(REPORT_NAME)


def _n(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    return format_decimal(value, format="#,##0.###", locale="en").replace(",", " ")


def write_report(
    reports: Sequence[Report], path: Path, print_report: object, width: int = 160
) -> None:
    """The detailed per-document report (``print_report(console, report)``) into ``path``."""
    with path.open("w", encoding="utf-8") as fh:
        console = Console(file=fh, highlight=False, soft_wrap=True, width=width, no_color=True)
        for report in reports:
            print_report(console, report)  # type: ignore[operator]


def print_summary(
    console: Console, reports: Sequence[Report], db: sqlite_utils.Database, db_path: Path
) -> None:
    results = [r.result for r in reports if r.ok and r.result is not None]
    checked = sum(len(b.lines) for res in results for b in res.budgets)
    repaired = sum(len(res.repairs) for res in results)
    problems = sum(len(res.problems) for res in results)
    failed = [r for r in reports if not r.ok]
    rows = budget_summary(db)
    docs = len(reports) - len(failed)
    console.print(
        f"[bold]Built {db_path}[/bold] from {docs} decision{'s' * (docs != 1)}: "
        f"{len(rows)} budget{'s' * (len(rows) != 1)} stored (amounts in thousand ₸)."
    )
    for row in rows:
        console.print(
            f"  • {row['entity']} {row['year']}: income {_n(row['income'])}, "
            f"spending {_n(row['expenses'])}, deficit {_n(row['deficit'])} "
            f"({row['lines']} lines in force)"
        )
    console.print(
        f"Checked {checked} figures against each decision's own sums (every total = the sum "
        f"of its parts); {repaired} were repaired (digits lost or misread by the scan, each "
        f"the only value the sums allow)"
        + (f", {problems} rows could not be read and were left out" if problems else "")
        + "."
    )
    for r in failed:
        console.print(f"[red]Not stored:[/red] {r.path}: {r.reason}")
    console.print(f"Full validation report: {report_path(db_path)}")
    console.print()
    console.print("[bold]Next steps[/bold]")
    console.print(
        '  Ask a question:   .venv/bin/budget-bot ask "How much was spent on roads in 2024?"'
    )
    console.print("  One-page brief:   .venv/bin/budget-bot brief --year 2024 --lang en")
    console.print(
        "  Start the bot:    BOT_TOKEN=<token from @BotFather> .venv/bin/budget-bot run"
        "   (see docs/telegram.md)"
    )
