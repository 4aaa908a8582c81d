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
    amount = "a"  # the line in one year: ◀ year ▶ and "back" under a breakdown or comparison


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


# A deep link t.me/<bot>?start=<payload> opens one answer. Telegram allows 1–64 characters
# of A–Z, a–z, 0–9, "_" and "-"; codes use "." (never "-"), so "." travels as "-".
LINK_ACTS = frozenset({Act.amount, Act.breakdown, Act.compare, Act.years})
OVERVIEW = "o"


def link_payload(act: str, lang: str, year: int, ent: str, code: str = "") -> str:
    """``a_2024_1a2b3c4d_ru_124-013``: act, year, entity key, language, line code."""
    payload = f"{act}_{year}_{ent}_{lang}_{code.replace('.', '-')}"
    return payload[:64]


def parse_link(payload: str) -> tuple[str, int, str, str, str] | None:
    """(act, year, entity key, language, code) of a deep-link payload; None if it is not one."""
    parts = payload.split("_", 4)
    if len(parts) != 5 or not parts[1].isdigit():
        return None
    act, year, ent, lang, code = parts
    if act not in {*LINK_ACTS, OVERVIEW} or len(lang) != 2:
        return None
    return act, int(year), ent, lang, code.replace("-", ".")
