"""The one-page budget brief: figures gathered from the store (:mod:`bot.brief.data`),
laid out as an A4 PDF (:mod:`bot.brief.pdf`), and the ``budget-bot brief`` command."""

from bot.brief.data import Brief, gather
from bot.brief.pdf import render

__all__ = ["Brief", "gather", "render"]
