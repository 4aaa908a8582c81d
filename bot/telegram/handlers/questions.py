"""Questions: any text (or caption) addressed to the bot, answered with the conversation's
context; an edited question edits its answer; voice, stickers and bare photos get a hint."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.telegram.engine import Answers
from bot.telegram.filters import Addressed, ForQuestions, replied_answer
from bot.telegram.memory import Memory
from bot.telegram.text import esc
from bot.telegram.views import edit_reply, send_reply


async def question(
    message: Message,
    text: str,
    answers: Answers,
    lang: str,
    state: FSMContext,
    bot: Bot,
    web_app_url: str | None = None,
) -> None:
    memory = Memory(state)
    me = await bot.me()
    before = await memory.before(replied_answer(message, me.id))
    reply = await answers.ask_async(text, lang, context=before)  # off the event loop
    sent = await send_reply(
        message, reply, answers, quote=True, bot_username=me.username, web_app_url=web_app_url
    )
    await memory.remember(before, reply, [m.message_id for m in sent], asked=message.message_id)


async def edited(
    message: Message, text: str, answers: Answers, lang: str, state: FSMContext, bot: Bot
) -> None:
    """ "дороги 2023" corrected to "дороги 2024": the earlier answer changes in place."""
    memory = Memory(state)
    me = await bot.me()
    answer_id = await memory.answer_to(message.message_id)
    before = await memory.before(replied_answer(message, me.id))
    reply = await answers.ask_async(text, lang, context=before)  # off the event loop
    name = me.username
    if answer_id is not None:
        try:
            await edit_reply(bot, message.chat.id, answer_id, reply, answers, bot_username=name)
        except TelegramBadRequest:  # too old to edit, deleted, or the text did not change
            answer_id = None
    ids = [answer_id] if answer_id is not None else []
    if not ids:
        ids = [m.message_id for m in await send_reply(message, reply, answers, bot_username=name)]
    await memory.remember(before, reply, ids, asked=message.message_id)


async def hint(message: Message, answers: Answers, lang: str) -> None:
    """Voice, stickers, a photo without a caption: the bot reads only words."""
    example = next(iter(answers.examples(lang)), "2024")
    await message.reply(
        _("I read only text. Please type your question, for example: {example}").format(
            example=esc(example)
        )
    )


def make_router() -> Router:
    router = Router(name="questions")
    router.message.filter(ForQuestions())  # commands and uploads go on to their routers
    router.message.register(question, Addressed())
    router.edited_message.register(edited, Addressed())
    no_words = F.voice | F.sticker | F.photo | F.video_note | F.audio | F.video | F.animation
    router.message.register(hint, no_words, Addressed(with_text=False))
    return router


def make_unknown_commands_router() -> Router:
    """A command no router knows ("/дороги 2024", "/foo") is read as a question, as any
    other text: the last of the command routers."""
    router = Router(name="unknown-commands")
    router.message.register(question, Addressed())
    return router
