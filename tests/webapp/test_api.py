"""The JSON API contract: figures in thousand tenge equal to the store, sources, pagination,
ETags, and initData checked before anything user-specific."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.webapp.conftest import Server, init_data, sign

STATIC = Path(__file__).resolve().parents[2] / "bot" / "webapp" / "static"


def get(server: Server, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any, dict]:
    req = urllib.request.Request(server.url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
            return r.status, json.loads(body) if body else None, dict(r.headers)
    except urllib.error.HTTPError as e:
        body = e.read()
        return e.code, json.loads(body) if body else None, dict(e.headers)


def store(db: Path, entity: str, year: int) -> dict[str, Decimal]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT code, amount_tenge FROM lines WHERE current=1 AND entity=? AND year=?",
        (entity, year),
    ).fetchall()
    con.close()
    out: dict[str, Decimal] = {}
    for code, tenge in rows:
        out.setdefault(code, Decimal(tenge) / 1000)
    return out


def walk(nodes: list[dict]) -> list[dict]:
    out = []
    for n in nodes:
        out.append(n)
        out += walk(n.get("children", []))
    return out


def test_entities_paginated(server: Server) -> None:
    status, data, headers = get(server, "/api/v1/entities?lang=kk&per_page=1")
    assert status == 200 and headers["ETag"]
    assert data["page"] == 1 and data["per_page"] == 1 and data["total"] >= 1
    first = data["items"][0]
    assert first["entity"] == "Talov rural district" and first["years"] == [2023, 2024, 2025]
    assert "Талов" in first["name"]
    status, data, _ = get(server, "/api/v1/entities?page=99")
    assert status == 200 and data["items"] == [] and data["next"] is None


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_budget_figures_equal_the_store(server: Server, lang: str) -> None:
    for year in (2023, 2024, 2025):
        path = f"/api/v1/budgets/{quote('Talov rural district')}/{year}?lang={lang}"
        status, data, _ = get(server, path)
        assert status == 200
        assert data["unit"] == "thousand_tenge" and data["sources"]
        lines = store(server.db, "Talov rural district", year)
        nodes = walk(data["spending"]) + walk(data["income"])
        assert nodes
        for n in nodes:
            assert Decimal(str(n["amount"])) == lines[n["code"]], n
        for code, t in data["totals"].items():
            assert Decimal(str(t["amount"])) == lines[code]
        groups = sum(Decimal(str(n["amount"])) for n in data["spending"])
        assert groups == lines["expense_total"]
        cmp = data["compare"]
        if year > 2023:
            before = store(server.db, "Talov rural district", year - 1)
            assert cmp["year"] == year - 1 and cmp["sources"]
            for c in cmp["totals"] + cmp["moved"]:
                assert Decimal(str(c["old"])) == before.get(c["code"], Decimal(0))
                assert Decimal(str(c["new"])) == lines.get(c["code"], Decimal(0))
        else:
            assert cmp["year"] is None


def test_etag_gives_304(server: Server) -> None:
    path = f"/api/v1/budgets/{quote('Talov rural district')}/2024?lang=ru"
    _, _, headers = get(server, path)
    status, body, _ = get(server, path, {"If-None-Match": headers["ETag"]})
    assert status == 304 and body is None


def test_not_found_and_bad_input(server: Server) -> None:
    assert get(server, "/api/v1/budgets/Atlantis/2024")[0] == 404
    assert get(server, f"/api/v1/budgets/{quote('Talov rural district')}/1990")[0] == 404
    assert get(server, f"/api/v1/budgets/{quote('Talov rural district')}/abc")[0] == 404
    assert get(server, "/api/v1/search?q=")[0] == 400
    assert get(server, "/api/v1/entities?page=x")[0] == 400
    status, data, _ = get(server, "/api/v1/search?q=" + quote("ы" * 1000))
    assert status == 200 and "Traceback" not in json.dumps(data)


def test_search_uses_the_chat_matching(server: Server) -> None:
    status, data, _ = get(server, "/api/v1/search?lang=ru&q=" + quote("освещение улиц 2024"))
    assert status == 200 and data["items"] and data["sources"]
    item = data["items"][0]
    lines = store(server.db, item["entity"], item["year"])
    assert Decimal(str(item["amount"])) == lines[item["code"]]
    assert data["total"] == len(data["items"]) or data["next"]


def test_init_data_forged_stale_and_valid(server: Server) -> None:
    assert get(server, "/api/v1/me")[0] == 401
    good = {"X-Telegram-Init-Data": init_data()}
    status, data, _ = get(server, "/api/v1/me", good)
    assert status == 200 and data == {"id": 42, "lang": "kk"}  # the language chosen in the bot
    forged = {"X-Telegram-Init-Data": init_data(token="999:another-bot")}
    assert get(server, "/api/v1/me", forged)[0] == 401
    assert get(server, "/api/v1/entities", forged)[0] == 401
    stale = {"X-Telegram-Init-Data": init_data(age=7200)}
    assert get(server, "/api/v1/me", stale)[0] == 401
    tampered = init_data().replace("Aigerim", "Mallory")
    assert get(server, "/api/v1/me", {"X-Telegram-Init-Data": tampered})[0] == 401
    assert get(server, "/api/v1/me", {"X-Telegram-Init-Data": "garbage=%%%"})[0] == 401
    unsigned = sign({"auth_date": "1", "user": "{}"}).split("&hash=")[0]
    assert get(server, "/api/v1/me", {"X-Telegram-Init-Data": unsigned})[0] == 401


def test_page_weight_under_300_kb(server: Server) -> None:
    with urllib.request.urlopen(server.url + "/app/?lang=kk", timeout=10) as r:
        html = r.read()
        assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    assets = [p for p in STATIC.iterdir() if p.suffix in {".js", ".css"}]
    total = len(html)
    for p in assets:
        with urllib.request.urlopen(f"{server.url}/app/static/{p.name}", timeout=10) as r:
            total += len(r.read())
    print(f"Mini App page weight before data: {total} bytes")
    assert total < 300 * 1024
    assert b"https://" not in html and all(b"https://" not in p.read_bytes() for p in assets)
