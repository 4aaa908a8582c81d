"""The Mini App in a real headless Chromium (Debian's package, driven by Playwright):
switch year and language, drill down, search, compare the figures shown with the store;
screenshots at 360 px are kept as test artifacts."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.answer import fmt
from tests.webapp.conftest import Server, init_data

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ENTITY = "Talov rural district"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() or shutil.which("chromium")),
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)


def store(db: Path, year: int) -> dict[str, Decimal]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT code, amount_tenge FROM lines WHERE current=1 AND entity=? AND year=?",
        (ENTITY, year),
    ).fetchall()
    con.close()
    out: dict[str, Decimal] = {}
    for code, tenge in rows:
        out.setdefault(code, Decimal(tenge) / 1000)
    return out


@pytest.fixture(scope="module")
def artifacts() -> Path:
    path = Path(os.environ.get("WEBAPP_ARTIFACTS") or tempfile.mkdtemp(prefix="miniapp-shots-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _page(browser: object, url: str):
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        bypass_csp=True,  # lets the test's own wait_for_function evaluate; the page keeps its CSP
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(url.split("/app")[0])
            else route.abort()
        ),
    )  # loopback only: nothing else may load
    page.goto(url)
    return page


def _ready(page, key: str) -> None:
    page.wait_for_function(f"document.body.dataset.ready === {key!r}")


def _shown(page) -> dict[str, str]:
    return {
        li.get_attribute("data-code"): li.query_selector(".amount").inner_text()
        for li in page.query_selector_all("#list li")
    }


def test_explore_in_three_languages(browser: object, server: Server, artifacts: Path) -> None:
    url = f"{server.url}/app/?lang=en#tgWebAppData={quote(init_data())}&tgWebAppVersion=7.0"
    page = _page(browser, url)
    _ready(page, "en-2025-spending-")
    assert page.locator("h1").inner_text().startswith("Talov rural district")
    page.screenshot(path=str(artifacts / "1-spending-en-2025.png"), full_page=True)
    lines = store(server.db, 2025)
    shown = _shown(page)
    assert shown and all(shown[c] == fmt.number(lines[c], "en") for c in shown)
    assert page.locator("#sources li").count() >= 1

    # year switch
    page.select_option("#year", "2023")
    _ready(page, "en-2023-spending-")
    lines = store(server.db, 2023)
    shown = _shown(page)
    assert all(shown[c] == fmt.number(lines[c], "en") for c in shown)
    assert "60,880" in page.locator("#total").inner_text()

    # drill down from the biggest group to its programmes, in the treemap
    first = page.locator("#map g").first
    group = first.get_attribute("data-code")
    first.click()
    _ready(page, f"en-2023-spending-{group}")
    progs = _shown(page)
    assert progs and all(c.startswith(group + ".") and c.count(".") == 3 for c in progs)
    assert all(progs[c] == fmt.number(lines[c], "en") for c in progs)
    page.screenshot(path=str(artifacts / "2-drilled-en-2023.png"), full_page=True)

    # languages: Kazakh and Russian labels and babel's number format
    for lang, word in (("kk", "Шығындар"), ("ru", "Расходы")):
        page.click(f".lang[data-lang={lang}]")
        _ready(page, f"{lang}-2023-spending-{group}")
        assert page.locator(".tab[data-view=spending]").inner_text() == word
        shown = _shown(page)
        assert all(
            shown[c].replace("\xa0", " ") == fmt.number(lines[c], lang).replace("\xa0", " ")
            for c in shown
        )
        page.screenshot(path=str(artifacts / f"3-drilled-{lang}-2023.png"), full_page=True)

    # income
    page.click(".tab[data-view=income]")
    _ready(page, "ru-2023-income-")
    shown = _shown(page)
    assert "1" in shown and shown["1"].replace("\xa0", " ") == "1 501"

    # year-over-year comparison
    page.select_option("#year", "2024")
    _ready(page, "ru-2024-income-")
    page.click(".tab[data-view=compare]")
    _ready(page, "ru-2024-compare-")
    before, after = store(server.db, 2023), store(server.db, 2024)
    rows = page.query_selector_all("#cmp tr[data-code]")
    assert rows
    for row in rows:
        code = row.get_attribute("data-code")
        assert Decimal(row.query_selector(".old").get_attribute("data-amount")) == before.get(
            code, Decimal(0)
        )
        assert Decimal(row.query_selector(".new").get_attribute("data-amount")) == after.get(
            code, Decimal(0)
        )
    page.screenshot(path=str(artifacts / "4-compare-ru-2024.png"), full_page=True)

    # search with people's words, then jump to the line
    page.click(".tab[data-view=search]")
    page.fill("#search-input", "уличное освещение 2024")
    page.click("#search-go")
    page.wait_for_selector("#results li")
    hit = page.locator("#results li").first
    code, year = hit.get_attribute("data-code"), int(hit.get_attribute("data-year"))
    amount = Decimal(hit.locator(".amount").get_attribute("data-amount"))
    assert amount == store(server.db, year)[code]
    page.screenshot(path=str(artifacts / "5-search-ru.png"), full_page=True)
    hit.click()
    _ready(page, f"ru-{year}-spending-{code.split('.')[0]}")
    assert code in _shown(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "readable on a phone: nothing wider than the screen"
    print(f"Mini App screenshots in {artifacts}")


def test_language_follows_the_bot_choice_and_forged_init_data(
    browser: object, server: Server, artifacts: Path
) -> None:
    # user 42 chose Kazakh in the bot; the signed initData tells the page who it is
    page = _page(browser, f"{server.url}/app/#tgWebAppData={quote(init_data())}")
    _ready(page, "kk-2025-spending-")
    # forged initData: the API refuses it, so the page shows the error and no figures
    forged = quote(init_data(token="999:another-bot"))
    page = _page(browser, f"{server.url}/app/?lang=en#tgWebAppData={forged}")
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    assert page.locator("#status").inner_text() == "Could not load the data."
    assert page.locator("#list li").count() == 0
    page.screenshot(path=str(artifacts / "6-forged.png"))
