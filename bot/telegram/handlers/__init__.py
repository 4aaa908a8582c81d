"""One router per concern; the order matters only for the catch-all question router."""

from __future__ import annotations

from aiogram import Router

from bot.telegram.handlers import admin, callbacks, commands, errors, inline, questions, start


def routers() -> list[Router]:
    return [
        errors.router,
        start.router,
        admin.router,
        commands.router,
        callbacks.router,
        inline.router,
        questions.router,  # any other text: last
    ]
