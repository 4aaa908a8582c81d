"""Gettext helpers for the ``bot`` domain on top of :mod:`aiogram.utils.i18n`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from aiogram.utils.i18n import I18n

from bot import LOCALES_DIR
from bot.i18n import DEFAULT_LANG, LANGS, ensure_compiled

DOMAIN = "bot"


def make_i18n() -> I18n:
    ensure_compiled(DOMAIN)
    return I18n(path=LOCALES_DIR, default_locale=DEFAULT_LANG, domain=DOMAIN)


@contextmanager
def in_lang(lang: str) -> Iterator[None]:
    """Translate with ``lang`` inside the block (e.g. a reply in the question's language)."""
    i18n = I18n.get_current(no_error=True)
    if i18n is None or lang not in LANGS:
        yield
        return
    with i18n.use_locale(lang):
        yield
