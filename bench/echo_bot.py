"""The reference: a bare aiogram echo bot, as aiogram's own example writes it.

``make_dispatcher()`` is what the dispatcher benchmark feeds; run as a script it long-polls
``$TELEGRAM_API_URL`` (the start-to-first-answer figure).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from aiogram import Bot, Dispatcher
from aiogram.types import Message


async def echo_handler(message: Message) -> None:
    try:
        await message.send_copy(chat_id=message.chat.id)
    except TypeError:
        await message.answer("Nice try!")


def make_dispatcher() -> Dispatcher:
    dp = Dispatcher()
    dp.message.register(echo_handler)
    return dp


async def main() -> None:
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    url = os.environ["TELEGRAM_API_URL"]
    bot = Bot(
        token=os.environ["BOT_TOKEN"],
        session=AiohttpSession(api=TelegramAPIServer.from_base(url)),
    )
    await make_dispatcher().start_polling(bot)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stdout)
    asyncio.run(main())
