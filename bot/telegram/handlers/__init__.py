"""One router per concern, built fresh for each dispatcher (no module-level state).

Every update walks the routers in order until one handles it, and each router it passes
costs tens of microseconds ("aiogram ~740 µs over 7 routers" was most of an answer's time).
So the tree is shaped by what arrives most, a question:

- routers for messages come first, the catch-all question router last among them;
- the command and upload routers sit under one parent whose root filter lets in only
  "/…" messages and files, so a question skips all of them with one check;
- routers that never see a message (answer buttons, inline mode, errors) come after the
  question router, where a message never reaches them.
"""

from __future__ import annotations

from aiogram import Router

from bot.telegram.filters import CommandOrFile
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
    """Uploads, /start, /lang, /budget … /brief: one parent, entered by a command or a file
    (a file first: an admin's upload whose caption starts with "/" is still an upload)."""
    router = Router(name="commands-and-files")
    router.message.filter(CommandOrFile())
    router.include_routers(
        admin.make_router(), start.make_router(), commands.make_router(), brief.make_router()
    )
    return router


def routers() -> list[Router]:
    return [
        commands_and_files(),
        questions.make_router(),  # any other text: last of the message routers
        callbacks.make_router(),  # the rest see no messages
        inline.make_router(),
        errors.make_router(),
    ]
