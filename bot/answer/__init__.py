"""The answer engine: understand → retrieve → format. No Telegram inside.

Public entry point (the contract the Telegram layer and the CLI use)::

    from bot.answer import Engine
    engine = Engine(db_path)                       # opens the store read-only
    reply = engine.ask("2024 roads spending", lang=None, today=None)
    reply.text, reply.items, reply.sources, reply.to_json()
"""

from bot.answer.engine import Engine
from bot.answer.model import INTENTS, Item, Reply

__all__ = ["INTENTS", "Engine", "Item", "Reply"]
