"""Places the store has no budget for (data/answer/places.yaml) and years said without a number."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.engine import Engine
from bot.answer.lexicon import LANGS, load_places

TODAY = date(2025, 6, 1)


def test_every_place_has_a_name_in_each_language():
    places = load_places()
    assert places.names and places.endings
    for shown in places.names.values():
        assert set(shown) == set(LANGS)
        assert all(isinstance(v, str) and v for v in shown.values())


@pytest.fixture(scope="module")
def engine(seed_db):
    """The seed store, built for the session (a clean clone has no data/budget.db)."""
    return Engine(seed_db)


@pytest.mark.parametrize(
    ("q", "lang", "name"),
    [
        ("дороги в Уральске", "ru", "Уральск"),
        ("Алматыда жол", "kk", "Алматы"),
        ("Astana roads", "en", "Astana"),
    ],
)
def test_other_place_is_no_data_in_the_reply_language(engine, q, lang, name):
    reply = engine.ask(q, today=TODAY)
    assert reply.intent == "unknown" and not reply.items
    assert name in reply.text and reply.lang == lang


@pytest.mark.parametrize("q", ["оралман 2024", "сколько семей", "top 20 expenses 2024", "топ 25"])
def test_words_like_places_or_numbers_are_not_misread(engine, q):
    reply = engine.ask(q, today=TODAY)
    assert "Уральск" not in reply.text and "Орал" not in reply.text.replace("оралман", "")
    assert all(y in (2024, 2025) for y in reply.years)


def test_a_written_year_wins_over_all_years(engine):
    reply = engine.ask("дороги по годам 2024", today=TODAY)
    assert reply.years == [2024]
