"""``budget-bot ask`` and ``budget-bot eval``: the answer engine from the command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from bot import DEFAULT_DB
from bot.answer import devset, dialogues
from bot.answer.chat import Conversations
from bot.answer.engine import Engine
from bot.langs import LANGS

LANG_CHOICE = click.Choice(list(LANGS))


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
@click.option(
    "--dialogues",
    "dialogues_dir",
    type=click.Path(path_type=Path),
    default=dialogues.DIALOGUES_DIR,
    show_default=True,
    help="Directory of dialogue files (conversations scored turn by turn).",
)
@click.option("--verbose", "-v", is_flag=True, help="Show every failure.")
def eval_(db: Path, questions: Path, dialogues_dir: Path, verbose: bool) -> None:
    """Run the development question set and the dialogue set; exit 1 below 100%."""
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
    whole = _eval_dialogues(engine, dialogues_dir, verbose)
    if right < total or not whole:
        sys.exit(1)


def _eval_dialogues(engine: Engine, directory: Path, verbose: bool) -> bool:
    """Score the dialogue set per kind of follow-up; True when every conversation passes."""
    convs = dialogues.load(directory) if directory.is_dir() else []
    if not convs:
        return True
    kinds: dict[str, list[int]] = {}
    turns_right = turns_total = 0
    for d in convs:
        problems = dialogues.play(engine, d)
        ok = not any(problems)
        cell = kinds.setdefault(f"{d.kind}/{d.lang}", [0, 0])
        cell[0] += ok
        cell[1] += 1
        turns_right += sum(not p for p in problems)
        turns_total += len(problems)
        if verbose and not ok:
            for turn, p in zip(d.turns, problems, strict=True):
                if p:
                    click.echo(f"FAIL [{d.id}] {turn.case.q!r}: {'; '.join(p)}", err=True)
    click.echo("dialogues by kind/lang:")
    for key, (ok, total) in sorted(kinds.items()):
        click.echo(f"  {key:<14} {ok:>4}/{total:<4} {100 * ok / total:6.1f}%")
    right = sum(v[0] for v in kinds.values())
    total = sum(v[1] for v in kinds.values())
    click.echo(
        f"dialogues: {right}/{total} ({100 * right / total:.1f}%); "
        f"turns: {turns_right}/{turns_total}"
    )
    return right == total


eval = eval_


def _chat_line(raw: str) -> tuple[str, str, int | None] | str:
    """(chat, text, reply_to) from one input line, or the reason it is not one."""
    try:
        data = json.loads(raw)
    except ValueError:
        return "not JSON"
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return 'expected {"chat": str, "text": str}'
    reply_to = data.get("reply_to")
    if reply_to is not None and (not isinstance(reply_to, int) or isinstance(reply_to, bool)):
        return "reply_to must be an integer"
    return str(data.get("chat", "")), data["text"], reply_to


@click.command()
@click.argument("source", type=click.Choice(["-"]))
@click.option("--lang", type=LANG_CHOICE, default=None, help="Reply language (default: detected).")
@click.option("--json", "as_json", is_flag=True, required=True, help="JSON lines in and out.")
@click.option("--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True)
@click.option("--today", default=None, help="Date for relative years (YYYY-MM-DD).")
def chat(source: str, lang: str | None, as_json: bool, db: Path, today: str | None) -> None:
    """Answer conversations: JSON lines {"chat", "text", "reply_to"?} on stdin, one JSON
    answer per line on stdout (the ``ask --json`` fields plus ``context``)."""
    conversations = Conversations(_engine(db), lang=lang, today=_today(today))
    for raw in sys.stdin:
        parsed = _chat_line(raw)
        if isinstance(parsed, str):
            click.echo(json.dumps({"error": parsed}, ensure_ascii=False))
            continue
        chat_id, text, reply_to = parsed
        reply, context = conversations.say(chat_id, text, reply_to)
        out = reply.to_json()
        out["context"] = context.to_json() if context else None
        click.echo(json.dumps(out, ensure_ascii=False))
