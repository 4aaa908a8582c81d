"""Bad input gets a polite reply, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Engine


@pytest.fixture(scope="module")
def engine(tiny_db: Path) -> Engine:
    return Engine(tiny_db)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "а" * 10_000,
        "дороги " * 2_000,
        "🙂🙂🙂",
        "'; DROP TABLE lines; --",
        "1 OR 1=1",
        "\x00\x01\x02\x1b[31m",
        "дороги\u202e2024",
        "Жолдар roads дороги 2024 ☃",
        "%s %d {0} {amount}",
        None,
        12345,
    ],
)
def test_bad_input_is_answered_politely(engine: Engine, query: object) -> None:
    reply = engine.ask(query)  # type: ignore[arg-type]
    assert reply.text
    assert reply.lang in {"kk", "ru", "en"}
    assert reply.to_json()["text"] == reply.text


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(engine: Engine, text: str) -> None:
    reply = engine.ask(text)
    assert reply.text and reply.intent


def test_store_is_opened_read_only(engine: Engine) -> None:
    with pytest.raises(Exception):  # noqa: B017 - any sqlite error is fine
        engine.db.execute("DELETE FROM lines")


_SENTENCE_CHARS = st.sampled_from([*"ab 2019 2024 20245 ١٢.!?…;\n\t  ", "2023", "x2025"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SENTENCE_CHARS, max_size=60).map("".join))
def test_sentences_and_years_read_as_the_lookbehind_patterns_did(text: str) -> None:
    """``sentences_of`` and ``years_in`` search from their first character (fast on a
    4,096-character message); they must cut and find exactly what the lookbehind
    patterns they replace did."""
    import re

    from bot.answer.text import sentences_of, years_in

    assert sentences_of(text) == re.split(r"(?<=[.!?…;\n])\s+", text)
    assert years_in(text) == re.findall(r"(?<!\d)20\d\d(?!\d)", text)
