"""Pure pieces of the Telegram layer: settings, splitting, numbers, callback data, files."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.config import Settings
from bot.telegram import charts, export
from bot.telegram.callbacks import Act, AnswerCB, Chart, ChartCB, YearCB
from bot.telegram.engine import Point
from bot.telegram.text import money, split_text


def settings(**env: str) -> Settings:
    return Settings(_env_file=None, **env)  # type: ignore[call-arg, arg-type]


@pytest.mark.parametrize(
    ("raw", "ids"), [("1, 2;3", {1, 2, 3}), ("[5, 6]", {5, 6}), ("", set()), ("7", {7})]
)
def test_admin_ids(monkeypatch: pytest.MonkeyPatch, raw: str, ids: set[int]) -> None:
    monkeypatch.setenv("ADMIN_IDS", raw)
    assert settings(bot_token="1:x").admin_ids == ids


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BUDGET_DB", str(tmp_path / "b.db"))
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg/hook")
    monkeypatch.setenv("REDIS_URL", "")
    s = settings(bot_token="1:x")
    assert s.db_path == tmp_path / "b.db"
    assert s.users_path == tmp_path / "users.db"
    assert s.webhook_path == "/tg/hook"
    assert s.redis_url is None


def test_split_text_keeps_everything_under_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 300 for i in range(20))
    chunks = split_text(text)
    assert all(len(c) <= 4096 for c in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())
    assert split_text("short") == ["short"]


def test_split_text_never_cuts_an_entity() -> None:
    text = "x" * 4093 + "&amp;" + "y" * 100  # the window ends inside "&amp;"
    chunks = split_text(text)
    assert chunks[0].endswith("x") and chunks[1].startswith("&amp;")


@pytest.mark.parametrize(
    ("lang", "shown"), [("kk", "1\xa0234,5"), ("ru", "1\xa0234,5"), ("en", "1,234.5")]
)
def test_money(lang: str, shown: str) -> None:
    assert money(Decimal("1234.5"), lang) == shown


def test_callback_data_fits_64_bytes() -> None:
    longest = [
        AnswerCB(act=Act.breakdown, lang="kk", code="07.3.124.008.015", year=2024, ent="a" * 8),
        ChartCB(kind=Chart.line, lang="ru", code="07.3.124.008.015", year=2024, ent="a" * 8),
        YearCB(view="budget", year=2024, ent="a" * 8),
    ]
    assert all(len(cb.pack().encode()) <= 64 for cb in longest)


def test_charts_are_png() -> None:
    labels = charts.Labels("Расходы по направлениям, 2024", "Таловский сельский округ", "тыс. ₸")
    points = [
        Point("Жилищно-коммунальное хозяйство", Decimal("29323")),
        Point("Дороги", Decimal(400)),
    ]
    assert charts.bars(points, labels, "ru").startswith(b"\x89PNG")
    assert charts.line(points, labels, "ru").startswith(b"\x89PNG")


def test_xlsx_keeps_amounts_as_numbers() -> None:
    rows = [
        {
            "entity": "Talov",
            "year": 2024,
            "code": "1",
            "name_en": "Tax revenue",
            "amount": Decimal("1501.25"),
            "source": "No 28-7",
        }
    ]
    ws = load_workbook(io.BytesIO(export.to_xlsx(rows, list("ABCDEF"), "en", "Lines"))).active
    assert [c.value for c in ws[2]] == ["Talov", 2024, "1", "Tax revenue", 1501.25, "No 28-7"]
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize(
    ("env", "ok"),
    [
        ({}, True),  # polling: no secret needed
        ({"webhook_url": "https://x.org/h"}, False),
        ({"webhook_url": "https://x.org/h", "webhook_secret": "  "}, False),
        ({"webhook_url": "https://x.org/h", "webhook_secret": "bad secret!"}, False),
        ({"webhook_url": "https://x.org/h", "webhook_secret": "A-z_09"}, True),
    ],
)
def test_webhook_needs_a_secret(env: dict[str, str], ok: bool) -> None:
    assert (settings(bot_token="1:x", **env).webhook_problem is None) is ok


def test_webhook_app_refuses_without_secret() -> None:
    from bot.telegram.app import webhook_app

    with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
        webhook_app(settings(bot_token="1:x", webhook_url="https://x.org/h"), None, None)  # type: ignore[arg-type]


def test_secret_command_prints_a_valid_fresh_secret() -> None:
    from click.testing import CliRunner

    from bot.cli import cli
    from bot.config import SECRET_RE

    first = CliRunner().invoke(cli, ["secret"]).output.strip()
    second = CliRunner().invoke(cli, ["secret"]).output.strip()
    assert SECRET_RE.fullmatch(first) and len(first) >= 32 and first != second
