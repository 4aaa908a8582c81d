"""Gettext catalogs: ``locales/{kk,ru,en}/LC_MESSAGES/{domain}.po``.

Two domains keep the two layers apart: ``answer`` (the engine's replies) and
``bot`` (Telegram-only texts such as greetings and button labels). Catalogs are
kept with pybabel (extract, update, compile); :func:`ensure_compiled` compiles a
``.po`` whose ``.mo`` is missing or stale, so a fresh checkout works without a
manual step and the Docker build compiles them once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from bot import LOCALES_DIR
from bot.langs import DEFAULT as DEFAULT_LANG
from bot.langs import LANGS

__all__ = ["DEFAULT_LANG", "LANGS", "ensure_compiled", "translations"]


def ensure_compiled(domain: str, locales_dir: Path = LOCALES_DIR) -> None:
    for lang in LANGS:
        po = locales_dir / lang / "LC_MESSAGES" / f"{domain}.po"
        if not po.exists():
            continue
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=domain)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog)
        tmp.replace(mo)


@cache
def translations(lang: str, domain: str = "answer") -> NullTranslations:
    """Translations for ``lang`` in ``domain`` (compiled on first use)."""
    ensure_compiled(domain)
    return Translations.load(str(LOCALES_DIR), [lang], domain)
