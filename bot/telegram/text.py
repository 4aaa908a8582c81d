"""Message text helpers: escaping, splitting under Telegram's limit, numbers."""

from __future__ import annotations

import html
from collections.abc import Iterator
from decimal import Decimal

from babel.numbers import format_decimal

LIMIT = 4096


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Chunks of at most ``limit`` characters, cut at paragraph, line or word ends."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n\n")
        if cut < limit // 2:
            cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 4:
            cut = _safe_hard_cut(window)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest.strip():
        chunks.append(rest)
    return [c for c in chunks if c]


def _safe_hard_cut(window: str) -> int:
    """Cut before an HTML entity (``&amp;``) or tag that straddles the end."""
    cut = len(window)
    amp, lt = window.rfind("&", cut - 10), window.rfind("<", cut - 200)
    if amp != -1 and ";" not in window[amp:]:
        cut = amp
    if lt != -1 and ">" not in window[lt:cut]:
        cut = lt
    return cut or len(window)


def money(amount: Decimal | float | int, lang: str) -> str:
    """Thousand tenge as the locale writes it: ``1 234,5`` (kk, ru), ``1,234.5`` (en)."""
    return format_decimal(Decimal(str(amount)), format="#,##0.#", locale=lang)


def chunks_of(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
