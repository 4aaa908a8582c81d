"""The Mini App (a budget explorer inside Telegram) and its read-only JSON API, served
by the bot's own aiohttp server: :func:`bot.webapp.routes.setup` mounts both."""
