"""The one-page budget brief: figures gathered from the store (:mod:`bot.brief.data`),
laid out as an A4 PDF (:mod:`bot.brief.pdf`), and the ``budget-bot brief`` command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.brief.data import Brief, gather

if TYPE_CHECKING:
    from bot.brief.pdf import render

__all__ = ["Brief", "gather", "render"]


def __getattr__(name: str) -> Any:
    """reportlab loads with the first brief, not when the bot starts (~80 ms, ~10 MB)."""
    if name == "render":
        from bot.brief.pdf import render

        return render
    raise AttributeError(name)
