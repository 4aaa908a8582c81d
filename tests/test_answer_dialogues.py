"""The dialogue set (``tests/dialogues/``), played turn by turn through the chat rules.

The set was written before the follow-up mechanism and scored before any fix (41 of 189
conversations right when every message was answered alone); round 2 (``round2.yaml``, new
phrasings) was written after it and scored before its fixes: 57 of 72. The conversations listed in
KNOWN disagree with a convention the mechanism chose; they stay visible as expected
failures instead of being rewritten.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import dialogues
from bot.answer.engine import Engine

DIALOGUES = dialogues.load()
# "подробнее" after "сравни с 2023" (a comparison of 2023 and 2025) breaks down the latest
# year of the comparison; these three expected the year named last.
KNOWN = {"ru-chain-03", "kk-chain-06", "en-chain-03"}
# "бір жыл бұрын ше?" ("one year ago?") counts from today, as "екі жыл бұрын" does; these two
# expected a year before the last answer's year.
KNOWN |= {"r2-kk-year-05", "r2-kk-year-06"}


@pytest.fixture(scope="module")
def engine(seed_db: Path) -> Engine:
    return Engine(seed_db)


def test_dialogue_set_is_big_and_covers_every_kind_and_language() -> None:
    assert len(DIALOGUES) >= 150
    assert all(2 <= len(d.turns) <= 6 for d in DIALOGUES if d.kind != "empty")
    kinds = {"year", "line", "place", "detail", "why", "compare", "share", "empty", "full"}
    for lang in ("kk", "ru", "en"):
        assert {d.kind for d in DIALOGUES if d.lang == lang} >= kinds


@pytest.mark.parametrize(
    "dialogue",
    [
        pytest.param(d, marks=pytest.mark.xfail(strict=True, reason="convention"))
        if d.id in KNOWN
        else d
        for d in DIALOGUES
    ],
    ids=[d.id for d in DIALOGUES],
)
def test_dialogue(engine: Engine, dialogue: dialogues.Dialogue) -> None:
    problems = dialogues.play(engine, dialogue)
    assert not any(problems), [
        (t.case.q, p) for t, p in zip(dialogue.turns, problems, strict=True) if p
    ]
