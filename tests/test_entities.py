"""Whose budget: entity kinds, parents and the issuer's territory (bot.ingest.clean.entities)."""

from __future__ import annotations

import pytest

from bot.ingest import vocab
from bot.ingest.clean.entities import Entity, budget_holder, display_name, issuer_territory

KK, RU = vocab.load("kk"), vocab.load("ru")


@pytest.mark.parametrize(
    ("text", "v", "name", "kind", "region"),
    [
        ("Шыңғырлау аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ", KK, "Шыңғырлау", "district", None),
        (
            "Батыс Қазақстан облысы Бөкей ордасы аудандық мәслихатының 2024 жылғы 27 "
            "желтоқсандағы № 18-6 шешімі",
            KK, "Бөкей ордасы", "district", "Батыс Қазақстан",
        ),
        (
            "Решение маслихата Аулиекольского района Костанайской области от 14 апреля 2011 года",
            RU, "Аулиекольский", "district", "Костанайская",
        ),
        (
            "Решение Курчумского районного маслихата области Абай от 19 сентября 2024 года № 17/3",
            RU, "Курчумский", "district", "Абай",
        ),
        ("Решение Степногорского городского маслихата Акмолинской области", RU,
         "Степногорский", "city", "Акмолинская"),
        ("Ақмола облыстық мәслихатының шешімі", KK, "Ақмола", "region", None),
    ],
)  # fmt: skip
def test_issuer_territory(
    text: str, v: vocab.Vocabulary, name: str, kind: str, region: str | None
) -> None:
    found = issuer_territory(text, v)
    assert found is not None and (found.name, found.kind) == (name, kind)
    assert (found.parent.name if found.parent else None) == region


DISTRICT = Entity("Жанибекский", "district", Entity("Западно-Казахстанская", "region"))


@pytest.mark.parametrize(
    ("head", "v", "name", "kind", "parent"),
    [
        # a budget named by its level is the issuer's own territory
        ("1. Утвердить районный бюджет на 2024-2026 годы", RU, "Жанибекский", "district",
         "Западно-Казахстанская"),
        ("1. 2025-2027 жылдарға арналған аудандық бюджет", KK, "Жанибекский", "district",
         "Западно-Казахстанская"),
        ("1. Утвердить бюджет сельского округа имени Абая на 2024 год", RU, "имени Абая",
         "rural_district", "Жанибекский"),
        ("1. Утвердить бюджет поселка Айтеке би на 2019 – 2021 годы", RU, "Айтеке би",
         "settlement", "Жанибекский"),
        ("1. Тоқтар Әубәкіров атындағы ауылдық округтің бюджеті", KK,
         "Тоқтар Әубәкіров атындағы", "rural_district", "Жанибекский"),
        ("1. Утвердить бюджет села Кокпекты Кокпектинского района", RU, "Кокпекты", "village",
         "Жанибекский"),
        # all villages of a district together: a kind of its own, never the district itself
        ("1. Утвердить бюджеты сельских округов Жанибекского района на 2024 год", RU,
         "Жанибекский", "villages_total", "Жанибекский"),
    ],
)  # fmt: skip
def test_budget_holder(head: str, v: vocab.Vocabulary, name: str, kind: str, parent: str) -> None:
    found = budget_holder(head, v, DISTRICT)
    assert found is not None and (found.name, found.kind) == (name, kind)
    assert found.parent is not None and found.parent.name == parent


def test_display_names_follow_the_kind_templates() -> None:
    assert display_name(Entity("Талов", "rural_district"), "kk") == "Талов ауылдық округі"
    assert display_name(Entity("Таловский", "rural_district"), "ru") == "Таловский сельский округ"
    assert display_name(Entity("имени Абая", "rural_district"), "ru") == "сельский округ имени Абая"
