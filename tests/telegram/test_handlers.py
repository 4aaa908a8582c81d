"""Handler tests: real dispatcher and routers, a fake engine, a recording Bot API session."""

from __future__ import annotations

import io
import re
from datetime import datetime
from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import SendMessage
from aiogram.types import (
    Chat,
    Message,
    MessageEntity,
    PhotoSize,
    Sticker,
    Update,
    Voice,
)
from aiogram.types import Document as TgDocument
from openpyxl import load_workbook

from bot.model import Budget, Document, Line, ParseResult
from bot.telegram import upload
from bot.telegram.callbacks import (
    Act,
    AnswerCB,
    AskCB,
    Chart,
    ChartCB,
    LangCB,
    UploadCB,
    YearCB,
    link_payload,
    parse_link,
)
from bot.telegram.engine import Decision
from bot.telegram.prefs import SqliteLanguageStore

from .conftest import ADMIN, Harness


def buttons(markup: dict | None) -> list[dict]:
    return [b for row in (markup or {}).get("inline_keyboard", []) for b in row]


async def test_start_greets_in_telegram_language_and_offers_picker(harness: Harness) -> None:
    await harness.send("/start", harness.user(lang="kk"))
    (msg,) = harness.session.sent()
    assert "Сәлем" in msg["text"]
    labels = [b["text"] for b in buttons(msg["reply_markup"])]
    assert labels == ["🇰🇿 Қазақша", "🇷🇺 Русский", "🇬🇧 English"]


async def test_start_falls_back_to_russian(harness: Harness) -> None:
    await harness.send("/start", harness.user(lang="de"))
    assert "Здравствуйте" in harness.session.texts()[0]


async def test_language_choice_is_remembered_across_restarts(harness: Harness) -> None:
    user = harness.user(lang="en")
    await harness.press(LangCB(lang="kk").pack(), user)
    assert harness.session.sent("AnswerCallbackQuery")[0]["text"] == "Тіл сақталды"
    store = SqliteLanguageStore(harness.settings.users_path)  # a fresh process would do this
    assert await store.get(user.id) == "kk"
    await store.close()
    await harness.send("/lang", user)
    assert harness.session.texts()[-1] == "Тілді таңдаңыз:"


async def test_question_gets_answer_with_fitting_buttons(harness: Harness) -> None:
    await harness.send("2024 roads spending")
    assert harness.answers.calls[0] == ("ask", "2024 roads spending", "en")
    (msg,) = harness.session.sent()
    assert msg["text"] == "[en] amount: 2024 roads spending"
    data = [b.get("callback_data") or b["url"] for b in buttons(msg["reply_markup"])]
    assert data == [
        AnswerCB(act=Act.amount, lang="en", code="07", year=2023, ent="t1").pack(),
        AnswerCB(act=Act.amount, lang="en", code="07", year=2025, ent="t1").pack(),
        AnswerCB(act=Act.breakdown, lang="en", code="07", year=2024, ent="t1").pack(),
        AnswerCB(act=Act.years, lang="en", code="07", year=2024, ent="t1").pack(),
        AnswerCB(act=Act.compare, lang="en", code="07", year=2024, ent="t1").pack(),
        ChartCB(kind=Chart.line, lang="en", code="07", year=2024, ent="t1").pack(),
        AnswerCB(act=Act.source, lang="en", code="07", year=2024, ent="t1").pack(),
        "https://t.me/share/url?url=https%3A%2F%2Ft.me%2Fbudget_bot%3Fstart%3Da_2024_t1_en_07",
    ]
    assert all(len(d.encode()) <= 64 for d in data[:-1])
    labels = [b["text"] for b in buttons(msg["reply_markup"])]
    assert "⚖️ Compare with 2023" in labels


async def test_buttons_follow_the_reply_language(harness: Harness) -> None:
    harness.answers.ask = lambda q, lang, context=None: harness.answers._reply("amount", "ru", q)  # type: ignore[method-assign]
    await harness.send("дороги 2024")
    labels = [b["text"] for b in buttons(harness.session.sent()[0]["reply_markup"])]
    assert "🔍 Детализация" in labels


async def test_breakdown_button(harness: Harness) -> None:
    await harness.press(
        AnswerCB(act=Act.breakdown, lang="kk", code="07", year=2024, ent="t1").pack()
    )
    assert ("breakdown", "07", 2024, "kk", "Talov") in harness.answers.calls
    assert harness.session.sent("AnswerCallbackQuery")
    (edit,) = harness.session.sent("EditMessageText")  # in place, not a new message
    assert edit["text"] == "[kk] breakdown: 07" and not harness.session.sent()
    back = [b["callback_data"] for b in buttons(edit["reply_markup"])]
    assert back == [AnswerCB(act=Act.amount, lang="kk", code="07", year=2024, ent="t1").pack()]


async def test_compare_and_other_years_buttons(harness: Harness) -> None:
    await harness.press(AnswerCB(act=Act.compare, lang="en", code="07", year=2024).pack())
    await harness.press(AnswerCB(act=Act.years, lang="en", code="07", year=2024).pack())
    compares = [c for c in harness.answers.calls if c[0] == "compare"]
    assert compares == [
        ("compare", [2023, 2024], "en", "07"),
        ("compare", [2023, 2024, 2025], "en", "07"),
    ]


async def test_source_button_lists_decisions_with_amendments(harness: Harness) -> None:
    await harness.press(AnswerCB(act=Act.source, lang="ru", code="07", year=2024).pack())
    text = harness.session.texts()[-1].replace("\u202f", " ")
    assert "решение № 28-7 от 29 декабря 2022 г." in text
    assert "27 декабря 2023 г." in text


@pytest.mark.parametrize("kind", [Chart.areas, Chart.line])
async def test_chart_button_sends_png(harness: Harness, kind: Chart) -> None:
    await harness.press(ChartCB(kind=kind, lang="kk", code="07", year=2024, ent="t1").pack())
    (call,) = harness.session.calls("SendPhoto")
    assert call.photo.data.startswith(b"\x89PNG")
    assert "Талов ауылдық округі" in call.caption


async def test_year_navigation(harness: Harness) -> None:
    await harness.press(YearCB(view="budget", year=2023).pack())
    assert ("overview", 2023, "en") in harness.answers.calls
    labels = [
        b["text"] for b in buttons(harness.session.sent("EditMessageText")[-1]["reply_markup"])
    ]
    assert labels == ["📊 Chart", "2024 ▶"]


async def test_budget_top_compare_commands(harness: Harness) -> None:
    await harness.send("/budget 2024")
    await harness.send("/top")
    await harness.send("/compare 2023 2024")
    await harness.send("/compare 2025")
    await harness.send("/compare")
    calls = harness.answers.calls
    assert ("overview", 2024, "en") in calls
    assert ("top", None, "en") in calls
    assert [c[1] for c in calls if c[0] == "compare"] == [[2023, 2024], [2024, 2025], [2024, 2025]]


async def test_command_with_bad_argument_gets_usage(harness: Harness) -> None:
    await harness.send("/budget roads")  # not a place the store has: say so, and how
    assert "«roads»" in harness.session.texts()[-1]
    assert "/budget Talov rural district 2025" in harness.session.texts()[-1]
    assert not [c for c in harness.answers.calls if c[0] == "overview"]


async def test_export_sends_csv_and_xlsx(harness: Harness) -> None:
    await harness.send("/export 2024", harness.user(lang="ru"))
    docs = harness.session.calls("SendDocument")
    assert [d.document.filename for d in docs] == ["budget-2024.csv", "budget-2024.xlsx"]
    csv_text = docs[0].document.data.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Бюджет,Год,Код,Наименование")
    assert "Жилищно-коммунальное хозяйство,1234.5" in csv_text
    ws = load_workbook(io.BytesIO(docs[1].document.data)).active
    assert ws["E1"].value == "Сумма, тыс. ₸"
    assert ws["E2"].value == 1234.5
    assert "1 строка" in harness.session.texts()[-1]


async def test_sources_and_help(harness: Harness) -> None:
    await harness.send("/sources")
    assert "decision No 28-7 of December 29, 2022" in harness.session.texts()[-1]
    await harness.send("/help")
    msg = harness.session.sent()[-1]
    assert msg["text"].startswith("[en] help")
    assert (
        buttons(msg["reply_markup"])[0]["callback_data"] == AskCB(src="ex", i=0, lang="en").pack()
    )


async def test_example_button_asks_the_example(harness: Harness) -> None:
    await harness.press(AskCB(src="ex", i=0, lang="kk").pack())
    assert ("ask", "2024 жолдар", "kk") in harness.answers.calls


async def test_did_you_mean_buttons(harness: Harness) -> None:
    await harness.send("??? something")
    msg = harness.session.sent()[-1]
    assert msg["reply_parameters"]["message_id"]  # quotes the question
    assert [b["text"] for b in buttons(msg["reply_markup"])] == ["🔎 2024 roads", "🔎 budget 2024"]
    question = harness.message("??? something")
    under = harness.message("Not found", reply_to_message=question)
    await harness.press(AskCB(src="sg", i=1, lang="en").pack(), under=under)
    assert ("ask", "budget 2024", "en") in harness.answers.calls


async def test_long_reply_is_split(harness: Harness) -> None:
    await harness.send("long answer")
    texts = harness.session.texts()
    assert len(texts) >= 3
    assert all(len(t) <= 4096 for t in texts)
    assert sum(t.count("line of text") for t in texts) == 800
    assert "reply_markup" in harness.session.sent()[-1]


async def test_error_handler_replies_kindly(harness: Harness) -> None:
    await harness.send("boom", harness.user(lang="ru"))
    assert harness.session.texts()[-1].startswith("Извините, что-то пошло не так")


async def test_throttling_notice_once(harness: Harness) -> None:
    harness.dp.message.outer_middleware._middlewares[-1].limit = 2  # type: ignore[attr-defined]
    for _ in range(5):
        await harness.send("2024 roads")
    texts = harness.session.texts()
    assert len([t for t in texts if t.startswith("[en]")]) == 2
    assert texts[-1].startswith("You are asking a bit fast")
    assert len(texts) == 3


async def test_retry_after_is_honoured(harness: Harness) -> None:
    await harness.bot.me()  # cached: the flood answer below hits the answer itself
    harness.session.fail.append(
        TelegramRetryAfter(method=SendMessage(chat_id=1, text="x"), message="flood", retry_after=0)
    )
    await harness.send("2024 roads")
    sent = [r.method for r in harness.session.requests if r.method != "GetMe"]
    assert sent == ["SendMessage", "SendMessage"]


async def test_inline_mode_returns_cards(harness: Harness) -> None:
    await harness.inline("2024 дороги")
    (call,) = harness.session.calls("AnswerInlineQuery")
    assert call.results[0].title == "Housing, 2024: 1,234.5"
    assert call.results[0].input_message_content.message_text == "[en] amount: 2024 дороги"


async def test_inline_mode_without_query_offers_examples(harness: Harness) -> None:
    await harness.inline("")
    (call,) = harness.session.calls("AnswerInlineQuery")
    assert call.results


async def test_upload_refused_for_non_admin(harness: Harness) -> None:
    await harness.document("decision.txt", b"text")
    assert "Only the bot's administrators" in harness.session.texts()[-1]
    assert not harness.session.calls("GetFile")


def _parsed() -> ParseResult:
    from datetime import date

    return ParseResult(
        documents=[
            Document("d1", "x.txt", "kk", "Zhanibek maslikhat", "5-1", date(2024, 12, 20), "t")
        ],
        budgets=[
            Budget(
                "Talov",
                "rural_district",
                2025,
                "d1",
                lines=[
                    Line("income_total", Decimal("61000"), "summary", "point 1"),
                    Line("expense_total", Decimal("61847"), "summary", "point 1"),
                ],
            )
        ],
    )


async def test_admin_upload_confirm_stores(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: list[tuple[bytes, str]] = []
    monkeypatch.setattr(upload, "inspect", lambda data, name: _parsed())

    def store(data: bytes, name: str, db: object, sha: str | None = None) -> ParseResult:
        stored.append((data, name))
        return _parsed()

    monkeypatch.setattr(upload, "store", store)
    admin = harness.user(ADMIN)
    await harness.document("decision.txt", b"decision text", admin)
    report = harness.session.sent()[-1]
    assert "Talov, 2025: 2 lines" in report["text"]
    assert "income 61,000 · expenses 61,847 thousand ₸" in report["text"]
    assert not stored
    confirm = report["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert UploadCB.unpack(confirm).id  # the button names its upload
    await harness.press(confirm, admin)
    assert stored == [(b"decision text", "decision.txt")]
    assert harness.answers.reloads == 1
    assert harness.session.texts()[-1].startswith("✅ Stored: Talov: 2025.")
    await harness.press(confirm, admin)  # a second tap: nothing pending
    assert len(stored) == 1


async def test_admin_upload_cancel(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload, "inspect", lambda data, name: _parsed())
    monkeypatch.setattr(upload, "store", lambda *a: pytest.fail("stored on cancel"))
    admin = harness.user(ADMIN)
    await harness.document("decision.txt", b"decision text", admin)
    cancel = harness.session.sent()[-1]["reply_markup"]["inline_keyboard"][0][1]
    await harness.press(cancel["callback_data"], admin)
    assert harness.session.texts()[-1] == "Cancelled: nothing was stored."


async def test_admin_upload_unusable_file(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unusable(data: bytes, name: str) -> ParseResult:
        raise upload.UnusableDocument("no budget table found")

    monkeypatch.setattr(upload, "inspect", unusable)
    await harness.document("x.pdf", b"%PDF", harness.user(ADMIN))
    assert harness.session.texts()[-1] == "I could not use this file: no budget table found"


async def test_admin_upload_wrong_kind(harness: Harness) -> None:
    await harness.document("photo.jpg", b"jpg", harness.user(ADMIN))
    assert ".docx" in harness.session.texts()[-1]


async def test_commands_registered_per_language(harness: Harness) -> None:
    from bot.telegram.commands import set_commands

    await set_commands(harness.bot, harness.dp["i18n"])
    calls = harness.session.calls("SetMyCommands")
    assert [c.language_code for c in calls] == ["kk", "ru", "en", None]
    by_lang = {c.language_code: {b.command: b.description for b in c.commands} for c in calls}
    assert by_lang["ru"]["budget"] == "Сводка бюджета за год"
    assert by_lang["kk"]["lang"] == "Тілді ауыстыру"
    assert by_lang["en"]["export"] == "Download lines as CSV and Excel"


async def test_stale_button(harness: Harness) -> None:
    await harness.press("zz:unknown")
    assert harness.session.sent("AnswerCallbackQuery")[-1]["show_alert"] is True


# -- conversation, groups, captions, edits, deep links (issue 8) -------------------------


def group_message(
    harness: Harness, text: str | None, *, chat: int = -100, reply_to: Message | None = None, **kw
) -> Message:
    user = kw.pop("user", None) or harness.user(lang="ru")
    return Message(
        message_id=next(harness._ids),
        date=datetime.now(),
        chat=Chat(id=chat, type="supergroup", title="Ауыл"),
        from_user=user,
        text=text,
        reply_to_message=reply_to,
        **kw,
    )


async def feed_message(harness: Harness, message: Message, edited: bool = False) -> None:
    field = "edited_message" if edited else "message"
    await harness.feed(Update(update_id=next(harness._ids), **{field: message}))


def bot_answer(harness: Harness, message_id: int, chat: int) -> Message:
    return Message(
        message_id=message_id,
        date=datetime.now(),
        chat=Chat(id=chat, type="supergroup" if chat < 0 else "private"),
        from_user=harness.bot_user,
        text="answer",
    )


async def test_follow_up_gets_the_context_the_last_answer_left(harness: Harness) -> None:
    await harness.send("roads 2024")
    await harness.send("and 2023?")
    first, second = harness.answers.contexts
    assert first is None
    assert second is not None and second.code == "07" and second.years == (2024,)


async def test_reply_to_an_older_answer_takes_its_context(harness: Harness) -> None:
    harness.answers.ask = lambda q, lang, context=None: (  # type: ignore[method-assign]
        harness.answers.contexts.append(context)
        or harness.answers._reply("amount", "en", q, code=q.split()[0])
    )
    await harness.send("07 2024")
    first_answer = harness.session.requests[-1]
    await harness.send("12 2024")
    answer_id = 1000 + [r.method for r in harness.session.requests].count("SendMessage") - 2
    assert first_answer.method == "SendMessage"
    user = harness.user()
    reply = harness.message(
        "and 2023?", user, reply_to_message=bot_answer(harness, answer_id, user.id)
    )
    await feed_message(harness, reply)
    assert harness.answers.contexts[-1].code == "07"  # not "12", the last answer's line


async def test_context_is_forgotten_after_thirty_minutes(harness: Harness) -> None:
    await harness.send("roads 2024")
    key = StorageKey(bot_id=harness.bot.id, chat_id=42, user_id=42, destiny="answer")
    storage = harness.dp.fsm.storage
    data = await storage.get_data(key)
    data["last"]["at"] -= 31 * 60
    await storage.set_data(key, data)
    await harness.send("and 2023?")
    assert harness.answers.contexts[-1] is None


async def test_group_chatter_is_left_alone(harness: Harness) -> None:
    await feed_message(harness, group_message(harness, "дороги 2024 вообще ужас"))
    assert not harness.answers.calls and not harness.session.sent()


async def test_group_mention_is_answered_in_the_askers_language(harness: Harness) -> None:
    await feed_message(harness, group_message(harness, "@budget_bot дороги 2024"))
    assert harness.answers.calls == [("ask", "дороги 2024", "ru")]  # mention cut out
    (msg,) = harness.session.sent()
    assert msg["chat_id"] == -100 and msg["reply_parameters"]  # quotes the question


async def test_group_reply_to_the_bot_is_answered(harness: Harness) -> None:
    answer = bot_answer(harness, 555, -100)
    await feed_message(harness, group_message(harness, "а в 2023?", reply_to=answer))
    assert harness.answers.calls == [("ask", "а в 2023?", "ru")]


async def test_group_command_addressed_to_the_bot(harness: Harness) -> None:
    msg = group_message(
        harness,
        "/budget@budget_bot 2024",
        entities=[MessageEntity(type="bot_command", offset=0, length=18)],
    )
    await feed_message(harness, msg)
    assert ("overview", 2024, "ru") in harness.answers.calls
    other = group_message(
        harness,
        "/budget@other_bot 2024",
        entities=[MessageEntity(type="bot_command", offset=0, length=17)],
    )
    harness.answers.calls.clear()
    await feed_message(harness, other)
    assert not harness.answers.calls


async def test_photo_with_caption_answers_the_caption(harness: Harness) -> None:
    photo = [PhotoSize(file_id="p", file_unique_id="p", width=10, height=10)]
    msg = harness.message(None, photo=photo, caption="дороги 2024")
    await feed_message(harness, msg)
    assert harness.answers.calls == [("ask", "дороги 2024", "en")]


async def test_document_with_caption_from_a_citizen_is_a_question(harness: Harness) -> None:
    doc = TgDocument(file_id="d", file_unique_id="d", file_name="scan.pdf", file_size=10)
    await feed_message(harness, harness.message(None, document=doc, caption="бюджет 2024"))
    assert harness.answers.calls == [("ask", "бюджет 2024", "en")]
    assert not any("administrators" in t for t in harness.session.texts())


async def test_a_command_nobody_knows_is_read_as_a_question(harness: Harness) -> None:
    """ "/дороги 2024" — a slash by habit: answered like the words after it would be."""
    await feed_message(harness, harness.message("/дороги 2024"))
    assert harness.answers.calls == [("ask", "/дороги 2024", "en")]
    harness.answers.calls.clear()
    other = group_message(harness, "/budget@other_bot 2024")
    await feed_message(harness, other)  # another bot's command in a group: not ours
    assert not harness.answers.calls


async def test_voice_sticker_and_bare_photo_get_a_hint(harness: Harness) -> None:
    voice = Voice(file_id="v", file_unique_id="v", duration=2)
    sticker = Sticker(
        file_id="s",
        file_unique_id="s",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    photo = [PhotoSize(file_id="p", file_unique_id="p", width=10, height=10)]
    for kw in ({"voice": voice}, {"sticker": sticker}, {"photo": photo}):
        await feed_message(harness, harness.message(None, **kw))
    texts = harness.session.texts()
    assert len(texts) == 3 and all("2024 roads" in t for t in texts)
    assert not harness.answers.calls
    # in a group, a sticker nobody addressed to the bot is ignored
    await feed_message(harness, group_message(harness, None, sticker=sticker))
    assert len(harness.session.texts()) == 3


async def test_edited_question_edits_its_answer(harness: Harness) -> None:
    user = harness.user()
    question = harness.message("roads 2023", user)
    await feed_message(harness, question)
    (answer,) = harness.session.calls("SendMessage")
    fixed = question.model_copy(update={"text": "roads 2024", "edit_date": 1})
    await feed_message(harness, fixed, edited=True)
    (edit,) = harness.session.sent("EditMessageText")
    assert edit["message_id"] == 1000 and edit["text"] == "[en] amount: roads 2024"
    assert len(harness.session.sent()) == 1  # no second message
    assert answer.text == "[en] amount: roads 2023"


async def test_deep_link_opens_one_answer(harness: Harness) -> None:
    payload = link_payload(Act.breakdown, "kk", 2024, "t1", "07")
    await harness.send(f"/start {payload}")
    assert ("breakdown", "07", 2024, "kk", "Talov") in harness.answers.calls
    assert harness.session.texts()[-1] == "[kk] breakdown: 07"
    await harness.send("/start ../../etc")
    assert "link" in harness.session.texts()[-1]


def test_link_payload_round_trips_and_fits() -> None:
    payload = link_payload(Act.amount, "ru", 2024, "1a2b3c4d", "01.1.124.001")
    assert len(payload) <= 64 and re.fullmatch(r"[A-Za-z0-9_-]+", payload)
    assert parse_link(payload) == ("a", 2024, "1a2b3c4d", "ru", "01.1.124.001")
    assert parse_link(link_payload(Act.amount, "en", 2025, "x", "income_total"))[4] == (
        "income_total"
    )
    assert parse_link("garbage") is None and parse_link("z_2024_x_ru_07") is None


async def test_year_arrows_under_an_answer_edit_in_place(harness: Harness) -> None:
    await harness.press(AnswerCB(act=Act.amount, lang="en", code="07", year=2023, ent="t1").pack())
    assert ("amount", "07", 2023, "en") in harness.answers.calls
    assert len(harness.session.sent("EditMessageText")) == 1
    assert not harness.session.sent()


async def test_help_lists_covered_budgets(harness: Harness) -> None:
    harness.answers.decisions = lambda lang: [  # type: ignore[method-assign]
        Decision("Maslikhat", "1", "2024-01-01", "", budgets=["Talov rural district: 2023, 2024"])
    ]
    await harness.send("/help")
    assert "Talov rural district: 2023, 2024" in harness.session.texts()[-1]


def test_charts_fit_a_phone() -> None:
    """At most 1280 px wide, 4:3 or square, whatever the data."""
    import struct
    from decimal import Decimal as D

    from bot.telegram import charts
    from bot.telegram.engine import Point

    labels = charts.Labels(
        "Spending by area, 2024", "Talov rural district", "thousand ₸", "Source: x"
    )
    many = [
        Point(f"A very long official programme name number {i} " * 3, D(i * 1000))
        for i in range(14)
    ]
    for png in (
        charts.bars(many, labels, "ru"),
        charts.line([Point("2023", D(1000)), Point("2024", D("1234.5"))], labels, "kk"),
    ):
        width, height = struct.unpack(">II", png[16:24])
        assert width <= 1280 and width * 3 == height * 4, (width, height)


async def test_an_answer_opens_the_explorer_on_its_budget_and_year(harness: Harness) -> None:
    """Issue 11: the Mini App from an answer's button, on that budget and year."""
    harness.dp["web_app_url"] = "https://bot.example.org/app/"
    await harness.send("2024 roads")
    (msg,) = harness.session.sent()
    apps = [b["web_app"]["url"] for b in buttons(msg["reply_markup"]) if "web_app" in b]
    assert len(apps) == 1 and apps[0].startswith("https://bot.example.org/app/?entity=")
    assert "year=2024" in apps[0] and "lang=en" in apps[0]


async def test_no_explorer_button_without_a_public_url(harness: Harness) -> None:
    await harness.send("2024 roads")
    (msg,) = harness.session.sent()
    assert not [b for b in buttons(msg["reply_markup"]) if "web_app" in b]


async def test_commands_take_the_place_named_or_the_chats(harness: Harness) -> None:
    """With many budgets in the store, /budget answers about the place it names, else the
    place the chat is talking about, else asks which (never one of them by chance)."""
    harness.answers.holder_list = ["Talov", "Erkin"]
    await harness.send("/budget 2024")
    assert "Which budget" in harness.session.texts()[-1]
    assert not [c for c in harness.answers.calls if c[0] == "overview"]
    await harness.send("/top Erkin 2024")
    assert harness.answers.entities[-1] == "Erkin"
    await harness.send("дороги 2024")  # the chat is now about Talov (the canned answer's)
    await harness.send("/budget 2025")
    assert harness.answers.entities[-1] == "Talov"


async def test_start_counts_the_budgets_when_there_are_several(harness: Harness) -> None:
    harness.answers.holder_list = ["Talov", "Erkin"]
    await harness.send("/start", harness.user(lang="ru"))
    assert "2 бюджета" in harness.session.texts()[-1]
    assert "Talov rural district" not in harness.session.texts()[-1]
