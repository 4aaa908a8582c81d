"""Answers across many budgets (issue 7 item 7, via issue 8): two places of one name told
apart by their district, and no guessing which budget a question without a place means."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from bot.answer.chat import Conversations
from bot.answer.engine import Engine
from tests.conftest import build_tiny_store

TWIN = "Талов ауылдық округі (Бөрлі)"


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny store plus a second Talov, in Burlin district, with ten times the amounts."""
    path = build_tiny_store(tmp_path_factory.mktemp("twins") / "twins.db")
    db = sqlite_utils.Database(path)
    doc = dict(next(db["documents"].rows))
    doc.update(
        doc_id="burlin000000000001",
        issuer="Бөрлі аудандық мәслихаты",
        issuer_kk="Бөрлі аудандық мәслихаты",
        issuer_ru="Бурлинский районный маслихат",
        issuer_en="Burlin district maslikhat",
        number="9-1",
        amendments="[]",
    )
    db["documents"].insert(doc)
    entity = dict(next(db["entities"].rows))
    db["entities"].insert({**entity, "entity": TWIN})
    for b in list(db["budgets"].rows):
        db["budgets"].insert(
            {**b, "budget_id": "b-" + b["budget_id"], "entity": TWIN, "doc_id": doc["doc_id"]}
        )
    lines = [
        {
            **ln,
            "line_id": "b-" + ln["line_id"],
            "budget_id": "b-" + ln["budget_id"],
            "doc_id": doc["doc_id"],
            "entity": TWIN,
            "amount_tenge": ln["amount_tenge"] * 10,
        }
        for ln in db["lines"].rows
        if ln["current"]
    ]
    db["lines"].insert_all(lines)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def engine(twins: Path) -> Engine:
    return Engine(twins)


def test_a_question_without_a_place_asks_which_budget(engine: Engine) -> None:
    reply = engine.ask("дороги 2024")
    assert reply.intent == "unknown" and not reply.items and reply.pending
    assert "Таловский" in reply.text and len(reply.suggestions) == 2


def test_two_places_of_one_name_are_told_apart_by_district(engine: Engine) -> None:
    zhanibek = engine.ask("Таловский сельский округ Жанибекского района дороги 2024")
    burlin = engine.ask("Таловский сельский округ Бурлинского района дороги 2024")
    assert [(i.code, i.amount) for i in zhanibek.items] == [("12.1.124.013", 399.5)]
    assert [(i.code, i.amount) for i in burlin.items] == [("12.1.124.013", 3995)]


def test_one_name_without_a_district_is_asked_about(engine: Engine) -> None:
    reply = engine.ask("дороги Талов 2024")
    assert reply.intent == "unknown" and not reply.items
    assert reply.suggestions  # both Talovs offered


def test_the_answer_to_which_budget_completes_the_question(engine: Engine) -> None:
    chats = Conversations(engine)
    chats.say("a", "дороги 2024")
    reply, context = chats.say("a", "Бурлинский район")
    assert [(i.year, i.code, i.amount) for i in reply.items] == [(2024, "12.1.124.013", 3995)]
    assert context is not None and context.entity == TWIN
    follow, _ = chats.say("a", "а в 2023?")
    assert follow.items and all(i.entity == TWIN for i in follow.items)


def test_a_place_with_a_case_ending_and_a_typo(seed_db: Path) -> None:
    engine = Engine(seed_db)
    for question in (
        "дороги в Таловском округе 2024",
        "Таловтың жолдары 2024",
        "Tallov roads 2024",
    ):
        reply = engine.ask(question)
        assert [(i.year, i.code) for i in reply.items] == [(2024, "12.1.124.013")], question
