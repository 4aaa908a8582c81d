"""Inline mode: ``@bot 2024 дороги`` in any chat returns answer cards."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import InlineQuery

from bot.telegram.engine import Answers
from bot.telegram.views import inline_cards


async def inline(query: InlineQuery, answers: Answers, lang: str) -> None:
    text = query.query.strip()
    if text:
        replies = [await answers.ask_async(text, lang)]  # off the event loop
        replies += [await answers.ask_async(s, replies[0].lang) for s in replies[0].suggestions[:2]]
    else:
        replies = [await answers.ask_async(q, lang) for q in answers.examples(lang)[:5]]
    await query.answer(inline_cards(replies), cache_time=60, is_personal=False)


def make_router() -> Router:
    router = Router(name="inline")
    router.inline_query.register(inline)
    return router
