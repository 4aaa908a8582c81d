"""Honest wording and the questions a budget cannot answer (issue 8, items 3, 4, 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer.context import Context
from bot.answer.engine import Engine


@pytest.fixture(scope="module")
def engine(seed_db: Path) -> Engine:
    return Engine(seed_db)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("дороги 2024", "утверждённый план"),
        ("жолдар 2024", "бекітілген жоспар"),
        ("roads 2024", "approved plan"),
        ("освещение улиц 2023", "с изменениями"),  # appendix 1 was amended for 2023
    ],
)
def test_every_amount_is_said_as_the_approved_plan(
    engine: Engine, question: str, said: str
) -> None:
    reply = engine.ask(question)
    assert reply.items and said in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "сколько фактически исполнено по дорогам в 2024",
        "жолдарға 2024 жылы нақты жұмсалды қанша",
        "how much was actually spent on roads in 2024",
    ],
)
def test_execution_gets_the_plan_figure_and_a_plain_sentence(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert [(i.year, i.code) for i in reply.items] == [(2024, "12.1.124.013")]
    first = reply.text.split("\n")[0]
    assert any(w in first for w in ("не отчёты", "атқарылу", "not execution"))


def test_executive_bodies_are_still_a_line(engine: Engine) -> None:
    # "исполнительные органы" is a line's name, not a question about execution
    reply = engine.ask("представительные исполнительные органы 2024")
    assert reply.items and "не отчёты" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "сколько стоит доллар",
        "курс евро сегодня",
        "погода в Алматы завтра",
        "доллар бағамы қанша",
        "what is the exchange rate",
        "зарплата Токаева",
        "сколько получает аким Иванов",
        "What is the salary of Nazarbayev?",
    ],
)
def test_off_topic_gets_one_polite_line_with_examples(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.intent == "unknown" and not reply.items
    assert reply.suggestions and "«" not in reply.text.split("\n")[0]


def test_akims_office_pay_is_still_a_line(engine: Engine) -> None:
    reply = engine.ask("Зарплата акима 2024")
    assert [(i.year, i.code) for i in reply.items] == [(2024, "01.1.124.001")]


def test_a_village_named_like_the_district_is_not_the_district(engine: Engine) -> None:
    reply = engine.ask("а бюджет села Жанибек есть?")
    assert reply.intent == "unknown" and not reply.items
    assert "Жанибек" in reply.text and "Таловский" in reply.text  # the nearest covered one


def test_a_year_anywhere_in_a_long_message_counts(engine: Engine) -> None:
    preamble = "Я житель села и хочу понять, как устроен бюджет нашего округа. " * 12
    reply = engine.ask("Здравствуйте! " + preamble + "Сколько денег на дороги в 2024 году?")
    assert [(i.year, i.code) for i in reply.items] == [(2024, "12.1.124.013")]
    reply = engine.ask("Уважаемый аким! " * 60 + "Сколько на освещение? Речь о 2023 годе.")
    assert [(i.year, i.code) for i in reply.items] == [(2023, "07.3.124.008")]


def test_kazakh_in_latin_letters_is_answered_in_kazakh(engine: Engine) -> None:
    reply = engine.ask("koshe jaryghy 2023")
    assert reply.lang == "kk" and reply.items


def test_why_names_the_parts_that_changed(engine: Engine) -> None:
    ctx = Context(entity=None, years=(2025,), code="tax", intent="amount", lang="ru", at=9e12)
    reply = engine.ask("почему больше?", context=ctx)
    assert reply.intent == "compare" and reply.years == [2024, 2025]
    assert "Что изменилось" in reply.text and "250" in reply.text and "450" in reply.text


def test_short_question_back_for_a_follow_up_without_context(engine: Engine) -> None:
    for question in ("а в 2025?", "подробнее", "ал 2023 жылы ше?", "why less?"):
        reply = engine.ask(question)
        assert reply.intent == "unknown" and not reply.items and "?" in reply.text


def test_why_names_the_amendment_behind_a_figure(engine: Engine) -> None:
    ctx = Context(entity=None, years=(2024,), code="124.008", intent="amount", lang="en", at=9e12)
    reply = engine.ask("why more?", context=ctx)
    assert reply.years == [2023, 2024]
    assert "2023: the figure is as amended by decision No 15-4" in reply.text
