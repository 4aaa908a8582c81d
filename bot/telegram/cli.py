"""``budget-bot run``: start the Telegram bot (long polling, or a webhook server)."""

from __future__ import annotations

import gc
import secrets
import sys

import click
from pydantic import ValidationError

from bot.config import Settings


def load_settings() -> Settings:
    """Settings from the environment and ``.env``; a missing token exits with code 2."""
    try:
        return Settings()  # type: ignore[call-arg]
    except ValidationError as exc:
        missing = {
            ".".join(str(p) for p in e["loc"]) for e in exc.errors() if e["type"] == "missing"
        }
        if "bot_token" in missing:
            click.echo(
                "budget-bot: BOT_TOKEN is not set (get one from @BotFather, then export "
                "BOT_TOKEN=... or put it in .env)",
                err=True,
            )
        else:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]).upper()
            click.echo(f"budget-bot: bad setting {where}: {first['msg']}", err=True)
        sys.exit(2)


@click.command()
def run() -> None:
    """Run the Telegram bot: long polling, or a webhook server when WEBHOOK_URL is set."""
    settings = load_settings()
    if problem := settings.webhook_problem:
        click.echo(f"budget-bot: {problem}", err=True)
        sys.exit(2)
    if not settings.db_path.exists():
        click.echo(
            f"budget-bot: the store {settings.db_path} does not exist; "
            "build it with: budget-bot ingest data/sources/*",
            err=True,
        )
        sys.exit(2)
    # Starting builds what lives as long as the process (aiogram's types, the engine's
    # indexes): the collector's passes over it while it grows cost ~0.3 s of the start and
    # find nothing to free. It is switched back on once the dispatcher is built, with all
    # of that frozen out of its sight (``make_dispatcher``).
    gc.disable()
    from bot.telegram.app import run as run_bot

    run_bot(settings)


@click.command()
def secret() -> None:
    """Print a new random WEBHOOK_SECRET (shown once, never stored)."""
    click.echo(secrets.token_urlsafe(48))
