"""Any other text is a question for the answer engine."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.telegram.engine import Answers
from bot.telegram.views import send_reply


async def question(message: Message, text: str, answers: Answers, lang: str) -> None:
    reply = await answers.ask_async(text, lang)  # off the event loop
    await send_reply(message, reply, answers, quote=True)


def make_router() -> Router:
    router = Router(name="questions")
    router.message.register(question, F.text.as_("text"))
    return router
