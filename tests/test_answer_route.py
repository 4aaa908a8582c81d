"""The routing step from a table: a question (and the context before it) → a plan.

Routing sees the store only through a :class:`StoreView`; here it is a fake holding three
years of one budget, so each row checks the decision alone, without formatting a reply.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.answer.context import Context
from bot.answer.engine import Engine
from bot.answer.followup import follow
from bot.answer.route import Plan, route
from bot.classifier import Classifier
from bot.classifier import default as default_classifier

TODAY = date(2025, 6, 1)
ENTITY = "Talov"


class FakeView:
    """Three years of one budget with roads, lighting, the akim's office and taxes."""

    def __init__(self) -> None:
        self.classifier: Classifier = default_classifier()
        self.codes = {"124.013", "124.008", "124.011", "124.001", "1", "1.01", "1.04", "4"}
        self.codes |= {"income_total", "expense_total", "deficit", "tax", "transfers"}

    def resolve(self, entity: str | None) -> str | None:
        return ENTITY

    def available_years(self, entity: str | None = None) -> list[int]:
        return [2023, 2024, 2025]

    def entries_in_force(self, entity: str) -> frozenset[str]:
        return frozenset(self.codes)

    def present(self, entity: str) -> set[str]:
        return set(self.codes)

    def has_parts(self, code: str, years: tuple[int, ...], entity: str) -> bool:
        return code in {"income_total", "expense_total", "1", "tax"}

    def line_codes(self, entity: str, code: str) -> set[str]:
        return {code}

    def holders(self) -> list[str]:
        return [ENTITY]


@pytest.fixture(scope="module")
def plan_of(tiny_db: Path):  # type: ignore[no-untyped-def]
    reader = Engine(tiny_db).reader
    view = FakeView()

    def plan(question: str, context: Context | None = None) -> Plan | None:
        reading = follow(reader.read(question, today=TODAY), context)
        return None if reading is None else route(reading, view)

    return plan


ROADS_2024 = Context(entity=ENTITY, years=(2024,), code="124.013", intent="amount", lang="ru")
BUDGET_2024 = Context(entity=ENTITY, years=(2024,), code=None, intent="overview", lang="ru")

# question, context, intent, code, years (None: not checked)
TABLE = [
    ("дороги 2024", None, "amount", "124.013", (2024,)),
    ("обзор бюджета 2025", None, "overview", None, (2025,)),
    ("сравни освещение 2023 и 2024", None, "compare", "124.008", (2023, 2024)),
    ("топ 3 расходов 2024", None, "top", "expense_total", (2024,)),
    ("что такое субвенция", None, "explain", None, ()),
    ("сколько стоит доллар", None, "unknown", None, ()),
    ("weather tomorrow", None, "unknown", None, ()),
    # follow-ups
    ("а в 2025?", ROADS_2024, "amount", "124.013", (2025,)),
    ("2023?", ROADS_2024, "amount", "124.013", (2023,)),
    ("ал 2023 жылы ше?", ROADS_2024, "amount", "124.013", (2023,)),
    ("and two years ago?", ROADS_2024, "amount", "124.013", (2023,)),
    ("а освещение?", ROADS_2024, "amount", "124.008", (2024,)),
    ("жарыққа ше?", ROADS_2024, "amount", "124.008", (2024,)),
    ("what about lighting?", ROADS_2024, "amount", "124.008", (2024,)),
    ("подробнее", ROADS_2024, "breakdown", "124.013", (2024,)),
    ("break it down", ROADS_2024, "breakdown", "124.013", (2024,)),
    ("почему меньше?", ROADS_2024, "compare", "124.013", (2023, 2024)),
    ("why less?", ROADS_2024, "compare", "124.013", (2023, 2024)),
    ("сравни с 2023", ROADS_2024, "compare", "124.013", (2023, 2024)),
    ("2023 жылмен салыстыр", ROADS_2024, "compare", "124.013", (2023, 2024)),
    ("а в процентах?", ROADS_2024, "share", "124.013", (2024,)),
    ("а в 2023?", BUDGET_2024, "overview", None, (2023,)),
    ("көше жарығына қанша?", ROADS_2024, "amount", "124.008", (2024,)),
    ("а годом раньше?", ROADS_2024, "amount", "124.013", (2023,)),
    ("что такое субвенция", ROADS_2024, "explain", None, ()),
    # a whole question replaces the context
    ("налоги 2023", ROADS_2024, "amount", "tax", (2023,)),
    ("бюджет на 2025 год", ROADS_2024, "overview", None, (2025,)),
]


@pytest.mark.parametrize(("question", "context", "intent", "code", "years"), TABLE)
def test_route(
    plan_of,  # type: ignore[no-untyped-def]
    question: str,
    context: Context | None,
    intent: str,
    code: str | None,
    years: tuple[int, ...],
) -> None:
    plan = plan_of(question, context)
    assert plan is not None
    assert (plan.intent, plan.code, plan.years) == (intent, code, years), plan


@pytest.mark.parametrize("question", ["а в 2025?", "подробнее", "почему?", "жарыққа ше?"])
def test_a_follow_up_with_nothing_before_it_is_a_question_back(plan_of, question: str) -> None:  # type: ignore[no-untyped-def]
    assert plan_of(question) is None


def test_execution_is_answered_with_the_plan_and_flagged(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("сколько фактически исполнено по дорогам в 2024")
    assert (plan.intent, plan.code, plan.execution) == ("amount", "124.013", True)
