"""One router per concern, built fresh for each dispatcher (no module-level state).

Every update walks the routers in order until one handles it, and each router it passes
costs tens of microseconds ("aiogram ~740 µs over 7 routers" was most of an answer's time).
So the tree is shaped by what arrives most, a question:

- the question router comes first; its root filter lets through every message that is
  neither a command nor an upload (``ForQuestions``);
- the command and upload routers sit under one parent with the complementary root filter
  (``ForCommands``); a command none of them knows is read as a question, last;
- routers that never see a message (answer buttons, inline mode, errors) come after.
"""

from __future__ import annotations

from aiogram import Router

from bot.telegram.filters import ForCommands
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


def commands_and_files() -> Router:
    """Uploads, /start, /lang, /budget … /brief: one parent, entered by a command or an
    upload (a file first: an admin's upload whose caption starts with "/" is an upload)."""
    router = Router(name="commands-and-files")
    router.message.filter(ForCommands())
    router.include_routers(
        admin.make_router(),
        start.make_router(),
        commands.make_router(),
        brief.make_router(),
        questions.make_unknown_commands_router(),
    )
    return router


def routers() -> list[Router]:
    return [
        questions.make_router(),  # the commonest update first
        commands_and_files(),
        callbacks.make_router(),  # the rest see no messages
        inline.make_router(),
        errors.make_router(),
    ]
