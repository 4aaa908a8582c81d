"""``budget-bot ask`` and ``budget-bot eval``: the answer engine from the command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from bot import DEFAULT_DB
from bot.answer import devset
from bot.answer.engine import Engine

LANG_CHOICE = click.Choice(["kk", "ru", "en"])


def _today(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("use YYYY-MM-DD") from exc


def _engine(db: Path) -> Engine:
    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}; build it with `budget-bot ingest`")
    return Engine(db)


@click.command()
@click.argument("question")
@click.option("--lang", type=LANG_CHOICE, default=None, help="Reply language (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--today", default=None, help="Date for relative years (YYYY-MM-DD).")
def ask(question: str, lang: str | None, as_json: bool, db: Path, today: str | None) -> None:
    """Answer QUESTION; with QUESTION "-" read one question per line from stdin."""
    engine = _engine(db)
    day = _today(today)
    questions = (line.rstrip("\n") for line in sys.stdin) if question == "-" else iter([question])
    for q in questions:
        reply = engine.ask(q, lang=lang, today=day)
        if as_json:
            click.echo(json.dumps(reply.to_json(), ensure_ascii=False))
        else:
            click.echo(reply.text)
            if question == "-":
                click.echo()


@click.command("eval")
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option(
    "--questions",
    type=click.Path(path_type=Path),
    default=devset.QUESTIONS_DIR,
    show_default=True,
    help="Directory of question files.",
)
@click.option("--verbose", "-v", is_flag=True, help="Show every failure.")
def eval_(db: Path, questions: Path, verbose: bool) -> None:
    """Run the development question set; exit 1 below 100%."""
    engine = _engine(db)
    results = []
    for case in devset.load(questions):
        reply = engine.ask(case.q, today=case.today)
        problems = devset.check(case, reply)
        results.append((case, problems))
        if problems and verbose:
            click.echo(f"FAIL [{case.file}] {case.q!r}: {'; '.join(problems)}", err=True)
    table = devset.score(results)
    for axis in ("lang", "intent"):
        click.echo(f"by {axis}:")
        for key, (right, total) in table[axis].items():
            click.echo(f"  {key:<10} {right:>4}/{total:<4} {100 * right / total:6.1f}%")
    right = sum(not p for _, p in results)
    total = len(results)
    click.echo(f"total: {right}/{total} ({100 * right / max(total, 1):.1f}%)")
    if right < total:
        sys.exit(1)


eval = eval_
