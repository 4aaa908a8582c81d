"""The development question set, answered from a store ingested from ``data/sources/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import devset
from bot.answer.engine import Engine

CASES = devset.load()


@pytest.fixture(scope="module")
def engine(seed_db: Path) -> Engine:
    return Engine(seed_db)


def test_dev_set_is_big_and_covers_every_intent_and_language() -> None:
    assert len(CASES) >= 150
    assert {c.lang for c in CASES} >= {"kk", "ru", "en"}
    for lang in ("kk", "ru", "en"):
        assert sum(c.lang == lang for c in CASES) >= 40
    assert {c.intent for c in CASES} >= {
        "amount",
        "overview",
        "breakdown",
        "top",
        "compare",
        "share",
        "catalog",
        "explain",
        "help",
        "unknown",
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}:{c.q[:40]}" for c in CASES])
def test_question(engine: Engine, case: devset.Case) -> None:
    reply = engine.ask(case.q, today=case.today)
    assert devset.check(case, reply) == []


def test_done_when_roads_2024(engine: Engine) -> None:
    """The issue's acceptance line: the 2024 road figure of Talov with its source."""
    reply = engine.ask("2024 roads spending")
    assert [(i.year, i.code, str(i.amount)) for i in reply.items] == [(2024, "12.1.124.013", "400")]
    assert "400 thousand ₸" in reply.text
    assert "28-7" in reply.sources[0] and "appendix 2" in reply.sources[0]


def test_amended_year_cites_the_amendment_in_force(engine: Engine) -> None:
    reply = engine.ask("сколько потратили на освещение улиц в 2023", lang="ru")
    assert reply.items[0].amount == 1796
    assert "15-4" in reply.sources[0] and "28-7" in reply.sources[0]
    assert "в редакции решения" in reply.sources[0]


def test_ambiguous_question_gets_best_reading_and_did_you_mean(engine: Engine) -> None:
    reply = engine.ask("income tax revenue 2024")
    assert reply.items  # the best reading is answered
    assert reply.suggestions and "Did you mean" in reply.text


def test_missing_line_says_where_it_is(engine: Engine) -> None:
    reply = engine.ask("водоснабжение 2024")
    assert reply.items == [] and "2023" in reply.text
