"""/brief: a PDF document for the place and year asked, a polite list when there is none."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.telegram.handlers.brief import explorer_button, parse_args
from tests.telegram.conftest import Harness


def test_parse_args() -> None:
    assert parse_args("Talov 2024") == ("Talov", 2024)
    assert parse_args("2023 Талов ауылдық округі") == ("Талов ауылдық округі", 2023)
    assert parse_args(None) == (None, None)
    assert parse_args("x" * 10_000)[0] is not None


def test_explorer_button_only_with_a_url() -> None:
    assert explorer_button(None, "ru") is None


async def test_brief_sends_a_pdf(harness: Harness, seed_db: Path) -> None:
    shutil.copy(seed_db, harness.settings.db_path)
    await harness.send("/brief 2024", harness.user(lang="ru"))
    docs = harness.session.calls("SendDocument")
    assert len(docs) == 1
    doc = docs[0]
    assert doc.document.filename.endswith("-2024-ru.pdf")
    assert doc.document.data.startswith(b"%PDF")
    assert "2024" in doc.caption


async def test_brief_unknown_place_lists_what_there_is(harness: Harness, seed_db: Path) -> None:
    shutil.copy(seed_db, harness.settings.db_path)
    await harness.send("/brief Atlantis 1990", harness.user(lang="en"))
    assert not harness.session.calls("SendDocument")
    text = harness.session.texts()[-1]
    assert "Talov" in text and "2025" in text and "Traceback" not in text
