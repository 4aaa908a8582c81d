"""The development question set (``tests/questions/*.yaml``): loading and checking.

Each question states what a correct answer contains — language, intent, years and the
exact items (year, code, amount in thousand tenge) — so the same file drives the pytest
suite and ``budget-bot eval``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from bot import PROJECT_DIR
from bot.answer.model import Reply

QUESTIONS_DIR = PROJECT_DIR / "tests" / "questions"
DEFAULT_TODAY = date(2025, 6, 1)  # relative years in the set ("биыл", "last year") count from here
EXACT_INTENTS = frozenset({"amount", "compare", "share"})


@dataclass(frozen=True)
class Case:
    q: str
    lang: str
    intent: str
    years: tuple[int, ...] | None
    items: tuple[tuple[int, str, Decimal], ...]
    today: date
    file: str
    tags: tuple[str, ...] = ()
    exact: bool = True
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def load(directory: Path = QUESTIONS_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            items = tuple(
                (int(y), str(c), Decimal(str(a)))
                for y, c, a in (
                    (i["year"], i["code"], i["amount"]) if isinstance(i, dict) else i
                    for i in raw.get("items") or []
                )
            )
            today = raw.get("today") or DEFAULT_TODAY
            if isinstance(today, str):
                today = date.fromisoformat(today)
            intent = str(raw["intent"])
            cases.append(
                Case(
                    q=str(raw["q"]),
                    lang=str(raw["lang"]),
                    intent=intent,
                    years=tuple(raw["years"]) if "years" in raw else None,
                    items=items,
                    today=today,
                    file=path.name,
                    tags=tuple(raw.get("tags") or ()),
                    exact=bool(raw.get("exact", intent in EXACT_INTENTS)),
                )
            )
    return cases


def check(case: Case, reply: Reply) -> list[str]:
    """What is wrong with ``reply`` for ``case`` (empty when it is right)."""
    problems = []
    if reply.lang != case.lang:
        problems.append(f"lang {reply.lang} != {case.lang}")
    if reply.intent != case.intent:
        problems.append(f"intent {reply.intent} != {case.intent}")
    if case.years is not None and tuple(reply.years) != case.years:
        problems.append(f"years {reply.years} != {list(case.years)}")
    got = {(i.year, i.code, i.amount) for i in reply.items}
    want = set(case.items)
    if not want <= got:
        problems.append(f"missing items {sorted(want - got)}")
    if case.exact and got - want:
        problems.append(f"unexpected items {sorted(got - want)}")
    if not reply.text:
        problems.append("empty text")
    if reply.items and not reply.sources:
        problems.append("no sources")
    return problems


def score(results: Iterable[tuple[Case, list[str]]]) -> dict[str, dict[str, tuple[int, int]]]:
    """Right/total per language and per intent."""
    table: dict[str, dict[str, list[int]]] = {"lang": {}, "intent": {}}
    for case, problems in results:
        for axis, key in (("lang", case.lang), ("intent", case.intent)):
            cell = table[axis].setdefault(key, [0, 0])
            cell[0] += not problems
            cell[1] += 1
    return {
        axis: {k: (v[0], v[1]) for k, v in sorted(cells.items())} for axis, cells in table.items()
    }
