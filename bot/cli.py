"""The ``budget-bot`` command line: a thin layer over the library.

Each concern registers its own commands: ingest/parse/lines/build here, ``ask`` and
``eval`` in :mod:`bot.answer.cli`, ``run`` in :mod:`bot.telegram.cli`.
"""

from __future__ import annotations

import importlib

import click


@click.group()
@click.version_option(package_name="budget-bot")
def cli() -> None:
    """Kazakhstan local budgets, answered exactly and with sources."""


for _module, _names in (
    ("bot.ingest.cli", ("ingest", "parse", "lines", "build")),
    ("bot.answer.cli", ("ask", "eval", "chat")),
    ("bot.telegram.cli", ("run", "secret")),
    ("bot.brief.cli", ("brief",)),
):
    try:
        _mod = importlib.import_module(_module)
    except ModuleNotFoundError as exc:  # a layer not built yet
        if exc.name != _module:
            raise
        continue
    for _name in _names:
        if hasattr(_mod, _name):
            cli.add_command(getattr(_mod, _name))
