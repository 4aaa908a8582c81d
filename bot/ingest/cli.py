"""``budget-bot ingest | parse | lines | build``: thin commands over the ingest library."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from bot import DEFAULT_DB, SOURCES_DIR
from bot.ingest import sandbox
from bot.ingest.pipeline import Report, ingest_paths, refuse_unapplied
from bot.model import UnusableDocument

DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: os.environ.get("BUDGET_DB", str(DEFAULT_DB)),
    show_default="data/budget.db or $BUDGET_DB",
    help="Path of the SQLite store.",
)


def _console() -> Console:
    """Wide enough for the tables when the output is piped (rich defaults to 80)."""
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=True, width=160)
    return console


def _progress() -> Progress:
    """A bar on stderr that disappears when done: the report stays the output."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _fmt(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    value = Decimal(value)
    text = f"{value:,.1f}" if value != value.to_integral_value() else f"{int(value):,}"
    return text.replace(",", " ")


def print_report(console: Console, report: Report) -> None:
    """The validation report of one document."""
    if not report.ok:
        console.print(f"[red]✗[/red] {report.path}: {report.reason}")
        return
    result = report.result
    assert result is not None
    for doc in result.documents:
        when = doc.date.isoformat() if doc.date else "?"
        console.print(
            f"[green]✓[/green] {report.path}: {doc.issuer or '?'}, No {doc.number or '?'} of {when}"
            + (f" ({doc.kind})" if doc.kind != "base" else "")
        )
        for a in doc.amendments:
            console.print(f"    amended by No {a.number} of {a.date.isoformat()} ({a.scope})")
    for b in result.budgets:
        codes = {ln.code: ln.amount for ln in b.lines}
        problems = [p for p in result.problems if p.year == b.year and p.entity == b.entity]
        broken = [p for p in problems if p.message.startswith("does not add up")]
        status = "[green]reconciled[/green]" if not broken else f"[red]{len(broken)} sums off[/red]"
        console.print(
            f"    {b.entity} {b.year}: {len(b.lines)} lines, "
            f"income {_fmt(codes.get('income_total'))}, "
            f"expenses {_fmt(codes.get('expense_total'))}, deficit {_fmt(codes.get('deficit'))} "
            f"— {status}"
        )
    if result.rows:
        read, stored = result.rows.get("read", 0), result.rows.get("stored", 0)
        mark = "" if read == stored else " [red](the rest are problems below)[/red]"
        console.print(f"    appendix rows: {read} read, {stored} stored{mark}")
    for r in result.repairs:
        printed = f"printed {r.printed!r}" if r.printed else "figure lost"
        console.print(
            f"    [yellow]repair[/yellow] {r.year} {r.source} {r.code}: {printed} → {_fmt(r.value)}"
            f" because {r.constraint}"
        )
    for p in result.problems:
        console.print(f"    [red]problem[/red] {p.year or ''} {p.source} {p.code} {p.message}")
    if report.stored:
        s = report.stored
        console.print(
            f"    stored {s['budgets']} budgets, {s['lines']} lines, "
            f"{s['repairs']} repairs, {s['problems']} problems"
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
def ingest(paths: tuple[Path, ...], db_path: Path) -> None:
    """Parse, validate and store decision files (each one atomically)."""
    console = _console()
    reports: list[Report] = []
    with _progress() as progress:
        task = progress.add_task("ingesting", total=len(paths))

        def done(report: Report) -> None:
            reports.append(report)
            progress.advance(task)

        ingest_paths(paths, db_path, on_done=done)
    for report in reports:
        print_report(console, report)
    failed = [r for r in reports if not r.ok]
    if failed:
        sys.exit(1)


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parse result as JSON.")
def parse(path: Path, as_json: bool) -> None:
    """Parse one decision and print the result; the store is not touched."""
    try:
        result = sandbox.parse_path(path)  # capped child process
        if result.replacements:  # no store here to apply replaced figures over
            refuse_unapplied(result)
    except UnusableDocument as exc:
        click.echo(f"{path}: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print_report(_console(), Report(str(path), True, result=result))


def _open(db_path: Path):
    from bot.store.schema import open_db

    if not db_path.exists():
        click.echo(
            f"no store at {db_path}; run `budget-bot ingest` or `budget-bot build` first", err=True
        )
        sys.exit(1)
    return open_db(db_path, readonly=True)


@click.command()
@click.option("--year", type=int, help="Only this year.")
@click.option("--entity", help="Only this entity (any part of its name, any language).")
@click.option("--all", "show_all", is_flag=True, help="Include superseded lines.")
@DB_OPTION
def lines(year: int | None, entity: str | None, show_all: bool, db_path: Path) -> None:
    """Show stored budget lines as a table."""
    from bot.store.listing import stored_lines

    db = _open(db_path)
    rows = stored_lines(db, year=year, entity=entity, current_only=not show_all)
    table = Table(show_lines=False)
    for col in ("entity", "year", "source", "code", "name", "amount, thousand ₸"):
        table.add_column(col, justify="right" if col.startswith("amount") else "left")
    for r in rows:
        amount = _fmt(Decimal(r["amount_tenge"]) / 1000)
        if r["repaired"]:
            amount += " *"
        table.add_row(r["entity"], str(r["year"]), r["source"], r["code"], r["name"] or "", amount)
    _console().print(table)
    click.echo(
        f"{len(rows)} lines"
        + ("; * repaired from the document's own sums" if any(r["repaired"] for r in rows) else "")
    )


@click.command()
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    default=SOURCES_DIR,
    show_default="data/sources",
)
@DB_OPTION
def build(sources: Path, db_path: Path) -> None:
    """Build the store afresh from every decision in data/sources and summarise it."""
    from bot.ingest import summary
    from bot.store.schema import open_db

    files = sorted(
        p
        for p in sources.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".part")
    )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".db", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    console = _console()
    with _progress() as progress:
        task = progress.add_task("building the store", total=len(files))
        reports = ingest_paths(files, tmp, on_done=lambda _r: progress.advance(task))
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db = open_db(tmp)
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    tmp.replace(db_path)
    summary.write_report(reports, summary.report_path(db_path), print_report)
    summary.print_summary(console, reports, open_db(db_path, readonly=True), db_path)
    if any(not r.ok for r in reports):
        sys.exit(1)
