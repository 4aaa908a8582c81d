"""One router per concern, built fresh for each dispatcher (no module-level state).

The order matters only for the catch-all question router, which comes last.
"""

from __future__ import annotations

from aiogram import Router

from bot.telegram.handlers import (
    admin,
    brief,
    callbacks,
    commands,
    errors,
    inline,
    questions,
    start,
)


def routers() -> list[Router]:
    return [
        errors.make_router(),
        start.make_router(),
        admin.make_router(),
        commands.make_router(),
        callbacks.make_router(),
        inline.make_router(),
        brief.make_router(),
        questions.make_router(),  # any other text: last
    ]
