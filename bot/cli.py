"""The ``budget-bot`` command line: a thin layer over the library.

Each concern registers its own commands: ingest/parse/lines/build here, ``ask`` and
``eval`` in :mod:`bot.answer.cli`, ``run`` in :mod:`bot.telegram.cli`.
"""

from __future__ import annotations

import importlib
import importlib.util

import click


class _LazyGroup(click.Group):
    """Subcommands imported when they are run: ``budget-bot run`` need not load the
    parser and rich (~70 ms of the bot's start); ``--help`` still lists them all."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_available()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _available():
            command = getattr(importlib.import_module(_available()[cmd_name]), cmd_name, None)
            if command is not None:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup)
@click.version_option(package_name="budget-bot")
def cli() -> None:
    """Kazakhstan local budgets, answered exactly and with sources."""


_COMMANDS = (
    ("bot.ingest.cli", ("ingest", "parse", "lines", "build")),
    ("bot.answer.cli", ("ask", "eval", "chat")),
    ("bot.telegram.cli", ("run", "secret")),
    ("bot.brief.cli", ("brief",)),
)


def _available() -> dict[str, str]:
    """Command name → module, for the layers that are built and define the command."""
    found: dict[str, str] = {}
    for module, names in _COMMANDS:
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:  # a layer not built yet
            continue
        if spec is not None:
            found.update(dict.fromkeys(names, module))
    return found
