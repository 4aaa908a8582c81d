"""One module per intent, and the registry the engine dispatches a :class:`Plan` through.

Each module has ``answer(composer, plan) -> Reply``; a new intent is a new module and one
line here.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answer.compose import Composer
from bot.answer.intents import (
    amount,
    breakdown,
    catalog,
    compare,
    explain,
    help,
    overview,
    share,
    top,
    unknown,
)
from bot.answer.model import Reply
from bot.answer.route import Plan

Intent = Callable[[Composer, Plan], Reply]

REGISTRY: dict[str, Intent] = {
    "amount": amount.answer,
    "overview": overview.answer,
    "breakdown": breakdown.answer,
    "top": top.answer,
    "compare": compare.answer,
    "share": share.answer,
    "catalog": catalog.answer,
    "explain": explain.answer,
    "help": help.answer,
    "unknown": unknown.answer,
}
