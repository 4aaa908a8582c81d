"""Reload without dropping answers: the store changes under a bot that keeps answering.

"three ingests while the bot answers: 42 of 145 answers were Sorry (the reload closes the
engine another handler is using)". Here the real dispatcher and the real engine answer
questions in a loop while ten ``budget-bot ingest`` processes write to the store one after
another, and the bot is told to reload after each (as an admin's Confirm does) on top of
noticing the files change. Every answer must be the one given before the ingests began.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.types import Chat, Message, Update, User

from bot import SOURCES_DIR
from bot.config import Settings
from bot.telegram.app import make_dispatcher, make_services
from bot.telegram.engine import EngineAnswers

from .conftest import TOKEN, RecordingSession

QUESTIONS = [
    ("2024 roads spending", "en"),
    ("сколько потратили на освещение улиц в 2023", "ru"),
    ("2024 жылы жолдарға қанша жұмсалды?", "kk"),
    ("бюджет 2024", "ru"),
    ("budget overview 2023", "en"),
    ("вывоз мусора 2023", "ru"),
    ("футбол", "kk"),  # not understood: a polite "not found", still an answer
]
INGESTS = 10


def update(n: int, text: str, lang: str) -> dict:
    user = User(id=500 + n % 50, is_bot=False, first_name="U", language_code=lang)
    message = Message(
        message_id=n,
        date=0,  # type: ignore[arg-type]
        chat=Chat(id=user.id, type="private"),
        from_user=user,
        text=text,
    )
    return Update(update_id=n, message=message).model_dump(
        mode="json", exclude_none=True, by_alias=True
    )


INGEST = f"""
import sys
from pathlib import Path
from bot.ingest.pipeline import ingest_paths
db, sources = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
for _ in range({INGESTS}):
    assert all(r.ok for r in ingest_paths(sources, db))
"""


def ingest_ten_times(db: Path) -> int:
    """Ten ingests, one after another, by another process (as ``budget-bot ingest`` is)."""
    sources = sorted(str(p) for p in SOURCES_DIR.glob("*.txt"))
    done = subprocess.run(
        [sys.executable, "-c", INGEST, str(db), *sources], capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.returncode


async def test_questions_in_a_loop_while_ten_ingests_run(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "budget.db"
    for suffix in ("", "-wal"):
        if Path(f"{seed_db}{suffix}").exists():
            shutil.copy(f"{seed_db}{suffix}", f"{db}{suffix}")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=TOKEN,
        db_path=db,
        users_db=tmp_path / "users.db",
        throttle_limit=0,
    )
    answers = EngineAnswers(db)
    services = make_services(settings, answers)
    session = RecordingSession()
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    dp = make_dispatcher(settings, services)

    # What each question is answered before anything changes.
    n = 0
    expected: dict[str, str] = {}
    for text, lang in QUESTIONS:
        n += 1
        await dp.feed_raw_update(bot, update(n, text, lang))
        expected[text] = session.texts()[-1]
    assert not any("Sorry" in t for t in expected.values()), expected

    ingests = asyncio.create_task(asyncio.to_thread(ingest_ten_times, db))
    asked = 0
    while not ingests.done():
        batch = []
        for text, lang in QUESTIONS:
            n += 1
            batch.append((n, text, lang))
        session.requests.clear()
        await asyncio.gather(*(dp.feed_raw_update(bot, update(i, t, lg)) for i, t, lg in batch))
        got = session.sent()
        assert len(got) == len(batch)  # one reply each, none lost
        by_chat: dict[int, list[str]] = {}
        for sent in got:
            by_chat.setdefault(int(sent["chat_id"]), []).append(sent["text"])
        for i, text, _lang in batch:
            assert by_chat[500 + i % 50] == [expected[text]], text
        asked += len(batch)
        if asked % (len(QUESTIONS) * 3) == 0:
            answers.reload()  # what Confirm does after storing an upload
    assert await ingests == 0
    assert asked >= 100
    assert answers.version > INGESTS  # it did reopen the store, many times
    answers.close()
    await services.languages.close()
