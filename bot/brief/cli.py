"""``budget-bot brief``: the one-page PDF of a budget, from the command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from bot import DEFAULT_DB
from bot.i18n import LANGS


@click.command()
@click.option("--entity", help="The place (any of its names, any language); default: the main one.")
@click.option("--year", type=int, help="The budget year; default: the latest in the store.")
@click.option("--lang", type=click.Choice(LANGS), default="ru", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF; default: brief-ENTITY-YEAR-LANG.pdf here.",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: os.environ.get("BUDGET_DB", str(DEFAULT_DB)),
    show_default="data/budget.db or $BUDGET_DB",
)
def brief(
    entity: str | None, year: int | None, lang: str, output: Path | None, db_path: Path
) -> None:
    """Write a one-page A4 PDF brief of one budget (figures, changes, decisions, sources)."""
    from bot.answer import Engine
    from bot.brief.data import NoBudget, gather
    from bot.brief.pdf import render

    if not db_path.exists():
        click.echo(f"no store at {db_path}; run `budget-bot build` first", err=True)
        sys.exit(1)
    engine = Engine(db_path)
    try:
        data = gather(engine, entity, year, lang)
    except NoBudget:
        have = "; ".join(
            f"{engine.entity_name(e, 'en')}: {', '.join(map(str, ys))}"
            for e, ys in sorted(engine.years.items())
        )
        click.echo(f"no budget for {entity or ''} {year or ''}; the store has {have}", err=True)
        sys.exit(1)
    pdf = render(data)
    if output is None:
        slug = "".join(ch if ch.isalnum() else "-" for ch in data.entity).strip("-").lower()
        output = Path(f"brief-{slug}-{data.year}-{lang}.pdf")
    output.write_bytes(pdf)
    click.echo(f"{output}: {data.entity_name}, {data.year}, {lang}, {len(pdf) // 1024} KB")
