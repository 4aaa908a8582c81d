"""The ``answer`` catalogs: every message translated, placeholders kept."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from bot import LOCALES_DIR

FIELD = re.compile(r"\{\w+\}")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_catalog_complete(lang: str) -> None:
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "answer.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    messages = [m for m in catalog if m.id]
    assert len(messages) >= 40
    for m in messages:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings), f"{lang}: untranslated {ids[0]!r}"
        wanted = set(FIELD.findall(ids[-1])) | set(FIELD.findall(ids[0]))
        for s in strings:
            assert set(FIELD.findall(s)) <= wanted, f"{lang}: unknown field in {s!r}"


def test_template_matches_code() -> None:
    """Every string in the code is in the template (run `pybabel extract` otherwise)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    with (root / "locales" / "answer.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (root / "bot" / "answer").rglob("*.py")
    )
    found = set(re.findall(r'gettext\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source))
    singular = {i if isinstance(i, str) else i[0] for i in template}
    assert found <= singular, sorted(found - singular)
