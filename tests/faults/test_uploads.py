"""Admin uploads under faults, through the real dispatcher, sandbox and store.

Rows of issue 10's table: "admin uploads X, then Y, presses Confirm under X — Y is
stored"; "disk full at Confirm — a truncated .part stays, 'Storing…' forever, the
next build stores it"; "parsing an upload runs in a thread of the bot: other users
wait". The parse is a real child process and the store a real SQLite file.
"""

from __future__ import annotations

import asyncio
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.store.schema import open_db
from bot.telegram.callbacks import UploadCB
from tests.telegram.conftest import ADMIN, Harness

FIX = Path(__file__).parents[1] / "fixtures" / "decisions"


def _buttons(harness: Harness) -> list[str]:
    sent = [m for m in harness.session.sent() if m.get("reply_markup")]
    return [b["callback_data"] for b in sent[-1]["reply_markup"]["inline_keyboard"][0]]


def _docs(db: Path) -> list[str]:
    if not db.exists():
        return []
    return (
        [r["number"] for r in open_db(db).execute_query("select number from documents")]
        if False
        else [row[0] for row in open_db(db).execute("select number from documents").fetchall()]
    )


async def test_confirm_under_an_earlier_upload_stores_nothing(harness: Harness) -> None:
    admin = harness.user(ADMIN)
    db = harness.settings.db_path
    await harness.document("x_ru.txt", (FIX / "ru_rural_base.txt").read_bytes(), admin)
    confirm_x, _ = _buttons(harness)
    await harness.document("y_kk.txt", (FIX / "kk_rural_base.txt").read_bytes(), admin)
    texts = harness.session.texts()
    assert "replaces your earlier upload x_ru.txt, which was not stored" in texts[-2]
    confirm_y, _ = _buttons(harness)
    assert UploadCB.unpack(confirm_x).id != UploadCB.unpack(confirm_y).id

    await harness.press(confirm_x, admin)
    alert = harness.session.sent("AnswerCallbackQuery")[-1]
    assert alert["show_alert"] is True and "earlier upload" in alert["text"]
    assert _docs(db) == []  # neither X nor Y

    await harness.press(confirm_y, admin)
    assert harness.session.texts()[-1].startswith("✅ Stored:")
    assert len(_docs(db)) == 1
    sources = sorted(p.name for p in (db.parent / "sources").iterdir())
    assert len(sources) == 1 and sources[0].endswith("y_kk.txt")


async def test_a_file_changed_after_the_preview_is_not_stored(harness: Harness) -> None:
    admin = harness.user(ADMIN)
    await harness.document("x.txt", (FIX / "ru_rural_base.txt").read_bytes(), admin)
    confirm, _ = _buttons(harness)
    file_id = next(iter(harness.session.files))
    harness.session.files[file_id] = (FIX / "kk_rural_base.txt").read_bytes()
    await harness.press(confirm, admin)
    assert "not the one previewed" in harness.session.texts()[-1]
    assert _docs(harness.settings.db_path) == []


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """The kernel refuses writes past ``limit`` bytes (EFBIG), as a full disk would."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)


async def test_disk_full_at_confirm_is_told_and_leaves_nothing(harness: Harness) -> None:
    admin = harness.user(ADMIN)
    db = harness.settings.db_path
    await harness.document("first.txt", (FIX / "kk_rural_base.txt").read_bytes(), admin)
    await harness.press(_buttons(harness)[0], admin)  # a store with one decision in it
    before = db.read_bytes()
    data = (FIX / "ru_rural_base.txt").read_bytes()
    await harness.document("second.txt", data, admin)
    confirm, _ = _buttons(harness)
    with file_size_limit(len(data) + 1024):  # the source fits, the store cannot grow
        await harness.press(confirm, admin)
    told = harness.session.texts()[-1]
    assert told.startswith("Nothing was stored: disk full") and "\n" not in told
    assert harness.answers.reloads == 1  # only the first upload reloaded the answers
    sources = db.parent / "sources"
    assert [p.name for p in sources.iterdir() if "second" in p.name] == []  # no .part
    assert len(_docs(db)) == 1
    assert open_db(db).execute("pragma integrity_check").fetchone()[0] == "ok"
    assert db.read_bytes() == before or len(_docs(db)) == 1


async def test_leftover_partial_files_are_removed_at_start(harness: Harness) -> None:
    sources = harness.settings.db_path.parent / "sources"
    sources.mkdir(parents=True)
    (sources / ".upload_ab_x.txt.1234.part").write_bytes(b"truncat")
    (sources / "upload_cd_y.txt.part").write_bytes(b"old-style leftover")
    (sources / "kept.txt").write_text("a real source")
    dp = harness.dp
    await dp.emit_startup(bot=harness.bot, dispatcher=dp, **dp.workflow_data)
    try:
        assert sorted(p.name for p in sources.iterdir()) == ["kept.txt"]
    finally:
        await dp.emit_shutdown(bot=harness.bot, dispatcher=dp, **dp.workflow_data)


async def test_others_are_answered_while_an_upload_parses(harness: Harness) -> None:
    """The parse runs in a child process the handler only awaits: a question sent
    after the upload is answered before the upload's report."""
    admin, user = harness.user(ADMIN), harness.user(42)
    upload = asyncio.create_task(
        harness.document("x.html", (FIX / "ru_multi_entity.html").read_bytes(), admin)
    )
    await asyncio.sleep(0.05)  # the upload handler is now waiting on its child
    await harness.send("2024 roads", user)
    order = [m["chat_id"] for m in harness.session.sent()]
    await upload
    order_after = [m["chat_id"] for m in harness.session.sent()]
    assert order == [42]
    assert order_after[-1] == ADMIN


async def test_forged_confirm_from_a_non_admin_stores_nothing(harness: Harness) -> None:
    admin, stranger = harness.user(ADMIN), harness.user(13)
    await harness.document("x.txt", (FIX / "ru_rural_base.txt").read_bytes(), admin)
    confirm, _ = _buttons(harness)
    await harness.press(confirm, stranger)  # the right id, the wrong person
    assert _docs(harness.settings.db_path) == []
    await harness.press(confirm, admin)  # the admin's upload is still pending
    assert len(_docs(harness.settings.db_path)) == 1
