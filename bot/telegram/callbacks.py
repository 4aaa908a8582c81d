"""Callback-data factories. Packed forms stay well under Telegram's 64 bytes."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class Act(StrEnum):
    breakdown = "b"
    years = "y"
    compare = "c"
    chart = "g"
    source = "s"


class Chart(StrEnum):
    areas = "a"  # spending by area for a year
    line = "l"  # one line across years


class LangCB(CallbackData, prefix="lang"):
    lang: str


class AnswerCB(CallbackData, prefix="a"):
    """A button under an answer: what to do, about which line, year and budget."""

    act: Act
    lang: str
    code: str = ""
    year: int = 0
    ent: str = ""  # short key of the entity (see Answers.entity_key)


class ChartCB(CallbackData, prefix="g"):
    kind: Chart
    lang: str
    code: str = ""
    year: int = 0
    ent: str = ""


class YearCB(CallbackData, prefix="y"):
    """Year navigation of /budget and /top."""

    view: str  # "budget" | "top"
    year: int
    ent: str = ""


class AskCB(CallbackData, prefix="q"):
    """Ask an example question (``src="ex"``) or a "did you mean" suggestion (``"sg"``)."""

    src: str
    i: int
    lang: str


class UploadCB(CallbackData, prefix="up"):
    """Confirm or cancel one upload: ``id`` names it, so a button under an earlier
    upload can never store a later file."""

    ok: bool
    id: str = ""
