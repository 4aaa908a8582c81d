"""``budget-bot chat --json -``: conversations with context, per chat, as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.answer.chat import Chat, context_for
from bot.answer.cli import chat
from bot.answer.context import TTL_SECONDS, Context

FIELDS = {"query", "lang", "intent", "years", "items", "text", "sources", "context"}


def run(db: Path, *lines: dict[str, object], extra: tuple[str, ...] = ()) -> list[dict]:
    out = CliRunner().invoke(
        chat,
        ["--json", "-", "--db", str(db), "--today", "2024-05-01", *extra],
        input="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
    )
    assert out.exit_code == 0, out.output
    return [json.loads(x) for x in out.output.splitlines()]


def test_follow_up_takes_the_line_from_the_context(tiny_db: Path) -> None:
    first, second = run(
        tiny_db, {"chat": "a", "text": "дороги 2024"}, {"chat": "a", "text": "а в 2023?"}
    )
    assert set(first) == FIELDS and set(second) == FIELDS
    assert first["context"]["years"] == [2024] and first["context"]["intent"] == "amount"
    assert second["intent"] == "amount" and second["years"] == [2023]
    assert [i["code"] for i in second["items"]] == ["12.1.124.013"]


def test_chats_are_independent_however_lines_interleave(tiny_db: Path) -> None:
    out = run(
        tiny_db,
        {"chat": "a", "text": "roads 2024"},
        {"chat": "b", "text": "бюджет 2023"},
        {"chat": "a", "text": "and 2023?"},
        {"chat": "b", "text": "а в 2024?"},
    )
    assert out[2]["intent"] == "amount" and out[2]["items"][0]["code"] == "12.1.124.013"
    assert out[3]["intent"] == "overview" and out[3]["years"] == [2024]


def test_reply_to_takes_that_answers_context(tiny_db: Path) -> None:
    out = run(
        tiny_db,
        {"chat": "a", "text": "дороги 2024"},
        {"chat": "a", "text": "налоги 2023"},
        {"chat": "a", "text": "а в 2024?", "reply_to": 0},
    )
    assert out[2]["items"][0]["code"] == "12.1.124.013" and out[2]["years"] == [2024]


def test_follow_up_with_nothing_before_gets_a_question_back(tiny_db: Path) -> None:
    (out,) = run(tiny_db, {"chat": "a", "text": "а в 2024?"})
    assert out["intent"] == "unknown" and out["items"] == [] and out["context"] is None
    assert "?" in out["text"]


def test_bad_lines_get_one_error_each_and_the_rest_go_on(tiny_db: Path) -> None:
    out = CliRunner().invoke(
        chat,
        ["--json", "-", "--db", str(tiny_db)],
        input='not json\n{"chat": "a"}\n\n{"chat": "a", "text": "roads 2024", "reply_to": "x"}\n'
        '{"chat": "a", "text": "roads 2024"}\n',
    )
    lines = [json.loads(x) for x in out.output.splitlines()]
    assert len(lines) == 5 and all("error" in x for x in lines[:4])
    assert lines[4]["intent"] == "amount"


def test_lang_option_fixes_the_reply_language(tiny_db: Path) -> None:
    (out,) = run(tiny_db, {"chat": "a", "text": "дороги 2024"}, extra=("--lang", "en"))
    assert out["lang"] == "en"


def test_context_expires_after_thirty_minutes_of_silence() -> None:
    ctx = Context(entity="x", years=(2024,), code="124.013", intent="amount", lang="ru", at=0.0)
    chat_ = Chat(contexts=[ctx], last=ctx)
    assert context_for(chat_, None, now=TTL_SECONDS - 1) == ctx
    assert context_for(chat_, None, now=TTL_SECONDS + 1) is None
    assert context_for(chat_, 0, now=TTL_SECONDS + 1) == ctx  # a reply names its answer
    assert context_for(chat_, 5, now=TTL_SECONDS + 1) is None  # no such answer, last expired
    assert context_for(chat_, 5, now=1) == ctx  # no such answer: the last context


def test_context_round_trips_through_json_and_rejects_garbage() -> None:
    ctx = Context(entity="x", years=(2023, 2024), code=None, intent="compare", lang="kk", at=5.0)
    assert Context.from_json(json.loads(json.dumps(ctx.to_json()))) == ctx
    assert Context.from_json("nope") is None
    assert Context.from_json({"years": ["x"]}) is None
