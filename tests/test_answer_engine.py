"""Engine behaviour on a tiny hand-made store (independent of the parser)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.answer import Engine, Reply


@pytest.fixture(scope="module")
def engine(tiny_db: Path) -> Engine:
    return Engine(tiny_db)


def items(reply: Reply) -> list[tuple[int, str, Decimal]]:
    return [(i.year, i.code, i.amount) for i in reply.items]


def test_amount_is_exact_decimal_from_current_lines_only(engine: Engine) -> None:
    reply = engine.ask("дороги 2024")
    assert items(reply) == [(2024, "12.1.124.013", Decimal("399.5"))]
    assert isinstance(reply.items[0].amount, Decimal)
    assert "399,5 тыс. ₸" in reply.text
    overview = engine.overview(2023, "ru")
    assert (2023, "income_total", Decimal(1000)) in items(overview)  # not the old edition


def test_same_programme_under_different_subfunctions_compares_by_entry(engine: Engine) -> None:
    reply = engine.ask("compare street lighting 2023 and 2024")
    assert reply.intent == "compare"
    assert items(reply) == [
        (2023, "07.3.124.008", Decimal(70)),
        (2024, "07.2.124.008", Decimal("100.5")),
    ]
    assert "+30.5 thousand ₸ (+43.6%)" in reply.text


def test_no_year_means_latest_and_says_so(engine: Engine) -> None:
    reply = engine.ask("roads", lang="en")
    assert reply.years == [2024]
    assert "latest year" in reply.text


def test_year_without_data_names_the_years_that_exist(engine: Engine) -> None:
    reply = engine.ask("дороги 2030")
    assert reply.items == [] and reply.years == [2030]
    assert "2023" in reply.text and "2024" in reply.text
    assert reply.to_json()["items"] == []


@pytest.mark.parametrize(
    ("query", "today", "year"),
    [
        ("дороги в этом году", date(2024, 3, 1), 2024),
        ("дороги в прошлом году", date(2024, 3, 1), 2023),
        ("биыл жолдарға", date(2024, 3, 1), 2024),
        ("былтыр жолдарға", date(2024, 3, 1), 2023),
        ("roads last year", date(2024, 3, 1), 2023),
    ],
)
def test_relative_years_count_from_today(
    engine: Engine, query: str, today: date, year: int
) -> None:
    assert engine.ask(query, today=today).years == [year]


def test_sources_name_issuer_in_reply_language_and_amendment(engine: Engine) -> None:
    kk = engine.ask("2023 жылы жолдарға қанша", lang="kk")
    assert kk.sources == [
        "Жәнібек аудандық мәслихаты, 2022\u202fж. 29 желтоқсан № 28-7 шешім, 1-қосымша "
        "(2023\u202fж. 27 желтоқсан № 15-4 шешімнің редакциясында)"
    ]
    en = engine.ask("roads 2024", lang="en")
    assert en.sources == [
        "Zhanibek district maslikhat, decision No 28-7 of December 29, 2022, appendix 2"
    ]


def test_lang_parameter_overrides_detection(engine: Engine) -> None:
    assert engine.ask("дороги 2024", lang="kk").lang == "kk"
    assert "мың ₸" in engine.ask("дороги 2024", lang="kk").text


def test_methods_for_the_bot(engine: Engine) -> None:
    assert engine.overview(2024, "en").intent == "overview"
    assert engine.compare([2023, 2024], "ru", code="124.013").intent == "compare"
    top = engine.top(2023, "kk", n=2)
    assert [i.code for i in top.items] == ["01.1.124.001", "12.1.124.013"]
    bd = engine.breakdown("07", 2023, "en")
    assert [i.code for i in bd.items] == ["07", "07.3.124.008", "07.3.124.009"]
    assert engine.catalog("ru").years == [2023, 2024]
    assert engine.help("kk").text
    assert "Subvention" in engine.explain("subvention", "en").text
    assert "субвенция" in engine.explain("субвенции", "ru").text.lower()


def test_export_rows_and_chart_series(engine: Engine) -> None:
    rows = engine.export_rows(year=2024)
    assert {r["year"] for r in rows} == {2024}
    road = next(r for r in rows if r["code"] == "12.1.124.013")
    assert road["amount"] == Decimal("399.5")
    assert road["name_en"].startswith("Operation of roads")
    assert "28-7" in road["source"]
    assert set(rows[0]) == {
        "entity",
        "year",
        "code",
        "name_kk",
        "name_ru",
        "name_en",
        "amount",
        "source",
    }
    groups = engine.chart_series("groups", "en", year=2023)
    assert groups["values"][0] == Decimal(600) and len(groups["labels"]) == len(groups["values"])
    line = engine.chart_series("line", "ru", code="124.008")
    assert line["labels"] == ["2023", "2024"] and line["values"] == [Decimal(70), Decimal("100.5")]


def test_ambiguous_topic_offers_did_you_mean(engine: Engine) -> None:
    reply = engine.ask("налоги на собственность и транспорт 2023", lang="ru")
    assert reply.items  # best reading answered
    assert reply.intent == "amount"


def test_nothing_found_offers_three_examples(engine: Engine) -> None:
    reply = engine.ask("сколько стоит хлеб")
    assert reply.intent == "unknown" and len(reply.suggestions) == 3
    for example in reply.suggestions:  # the examples themselves must work
        assert engine.ask(example).intent != "unknown"


def test_examples_work_in_every_language(engine: Engine) -> None:
    for lang in ("kk", "ru", "en"):
        for example in engine.examples(lang):
            reply = engine.ask(example)
            assert reply.lang == lang, example
            assert reply.intent in {"amount", "overview", "compare"}, example
