"""The Telegram bot: an aiogram 3 application over the answer engine.

- :mod:`.app` builds the Bot and the Dispatcher and runs polling or a webhook server;
- :mod:`.handlers` holds one router per concern;
- :mod:`.engine` is the only bridge to :mod:`bot.answer` and the store.
"""
