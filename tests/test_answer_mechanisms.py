"""Round-2 mechanisms: Kazakh in Latin letters, two-digit years, the smallest lines,
thanks, words that are both a term and a figure, a word that names several lines, and
the lines that changed most in a comparison of whole budgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.answer.engine import Engine
from bot.answer.latin import to_cyrillic
from bot.answer.lexicon import all_lexicons
from bot.answer.text import fold
from bot.answer.years import find_years

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def engine(seed_db: Path) -> Engine:
    return Engine(seed_db)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("jol", "жол"),
        ("qansha", "қанша"),
        ("zharygy", "жарыгы"),
        ("köşe", "көше"),
        ("jaryğy", "жарығы"),
        ("tüsımderı", "түсімдері"),
        ("byudjet", "бюджет"),
        ("aymaq", "аймақ"),
        ("budjet", "бюджет"),  # a whole word spelled its own way
    ],
)
def test_latin_kazakh_letters(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "question",
    ["2024 roads spending", "street lighting in 2023", "akim office costs 2025", "thanks", "hi"],
)
def test_english_is_never_transliterated(engine: Engine, question: str) -> None:
    assert engine.reader.from_latin(question) is None
    assert engine.ask(question, today=TODAY).lang == "en"


def test_latin_kazakh_is_read_as_kazakh(engine: Engine) -> None:
    reply = engine.ask("jolga qansha jumsaldy 2024", today=TODAY)
    assert (reply.lang, reply.intent, reply.years) == ("kk", "amount", [2024])
    assert [i.code for i in reply.items] == ["12.1.124.013"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("за 23 год", (2023,)),
        ("в 24-м году", (2024,)),
        ("23 жылы", (2023,)),
        ("налоги '24", (2024,)),
        ("FY24 roads", (2024,)),
        ("10 жыл", ()),  # ten years, not 2010
        ("топ 5 за 10 лет", ()),
        ("99 год", ()),  # beyond the budgets a store can hold
        ("в двадцать четвертом году", (2024,)),
        ("две тысячи двадцать третий год", (2023,)),
        ("двадцать пять лет", ()),  # a number of years, not a year
        ("twenty twenty four", (2024,)),
        ("two thousand and twenty-three", (2023,)),
        ("twenty four roads", ()),
        ("екі мың жиырма үшінші жыл", (2023,)),
        ("жиырма бес жыл", ()),
    ],
)
def test_two_digit_years(text: str, expected: tuple[int, ...]) -> None:
    assert find_years(fold(text), list(all_lexicons().values()), TODAY).years == expected


@pytest.mark.parametrize("question", ["smallest expenses 2024", "ең аз шығын 2024"])
def test_smallest_lines_come_in_ascending_order(engine: Engine, question: str) -> None:
    reply = engine.ask(question, today=TODAY)
    assert reply.intent == "top"
    amounts = [i.amount for i in reply.items]
    assert amounts == sorted(amounts) and amounts[0] > 0
    biggest = engine.ask("top 5 expenses 2024", today=TODAY)
    assert {i.code for i in reply.items} == {i.code for i in biggest.items}
    assert reply.text != biggest.text


@pytest.mark.parametrize(
    ("question", "lang"), [("рахмет", "kk"), ("спасибо", "ru"), ("thanks", "en")]
)
def test_thanks_gets_a_short_polite_reply(engine: Engine, question: str, lang: str) -> None:
    reply = engine.ask(question, today=TODAY)
    assert (reply.lang, reply.intent, reply.items) == (lang, "help", [])
    assert len(reply.text) < len(engine.help(lang).text)


@pytest.mark.parametrize(
    ("term", "figure"),
    [
        ("what is revenue", "how much revenue 2024"),
        ("что такое доходы", "доходы 2024"),
        ("кірістер деген не", "кірістер 2024"),
        ("what is expenditure", "expenditure"),
    ],
)
def test_core_totals_are_terms_only_when_asked(engine: Engine, term: str, figure: str) -> None:
    assert engine.ask(term, today=TODAY).intent == "explain"
    reply = engine.ask(figure, today=TODAY)
    assert reply.intent == "amount" and reply.items


@pytest.mark.parametrize(
    "question", ["how much is spent on the streets", "сколько тратят на улицы в 2024", "улицы"]
)
def test_a_word_naming_several_lines_offers_them(engine: Engine, question: str) -> None:
    reply = engine.ask(question, today=TODAY)
    assert reply.intent == "unknown" and not reply.items
    assert len(reply.suggestions) >= 3
    lighting = engine.classifier.by_code["124.008"].name(reply.lang)
    assert any(s.startswith(lighting) for s in reply.suggestions)
    if "2024" in question:  # each choice is a question with the year that was asked
        assert all(s.endswith("2024") for s in reply.suggestions)


def test_comparing_whole_budgets_lists_the_lines_that_changed(engine: Engine) -> None:
    reply = engine.ask("какие статьи уменьшились в 2024", today=TODAY)
    assert reply.intent == "compare" and reply.years == [2023, 2024]
    assert "→" in reply.text
    assert engine.classifier.by_code["124.001"].name("ru") in reply.text
    same = engine.ask("which items grew in 2025", today=TODAY)
    assert "No spending line changed" in same.text


def test_latin_lookalikes_inside_a_cyrillic_word_are_cyrillic() -> None:
    assert fold("Taлов") == fold("Талов") == "талов"
    assert fold("Talov") == "talov"  # a Latin word stays Latin
