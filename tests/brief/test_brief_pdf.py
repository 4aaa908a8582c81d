"""The one-page brief: every figure printed equals the store, read back from the PDF."""

from __future__ import annotations

import io
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from bot.answer import Engine, fmt
from bot.brief import gather, render
from bot.brief.data import NoBudget
from bot.cli import cli

LANGS = ("kk", "ru", "en")


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"[\u00a0\u202f\s]+", " ", text)


def _norm(s: str) -> str:
    return re.sub(r"[\u00a0\u202f\s]+", " ", s)


def _store(db: Path, entity: str, year: int) -> dict[str, Decimal]:
    """Lines in force straight from SQL, independent of the engine."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT code, amount_tenge FROM lines WHERE current = 1 AND entity = ? AND year = ?",
        (entity, year),
    ).fetchall()
    con.close()
    out: dict[str, Decimal] = {}
    for code, tenge in rows:
        out.setdefault(code, Decimal(tenge) / 1000)
    return out


@pytest.fixture(scope="module")
def engine(seed_db: Path) -> Engine:
    return Engine(seed_db)


def _budgets(engine: Engine) -> list[tuple[str, int]]:
    return [(e, y) for e, ys in sorted(engine.years.items()) for y in ys]


@pytest.mark.parametrize("lang", LANGS)
def test_every_budget_one_page_every_figure_from_the_store(
    engine: Engine, seed_db: Path, lang: str
) -> None:
    budgets = _budgets(engine)
    assert budgets
    for entity, year in budgets:
        brief = gather(engine, entity, year, lang)
        pages, text = _text(render(brief))
        if brief.kind == "rural_district":
            assert pages == 1, (entity, year, lang)
        store = _store(seed_db, entity, year)
        for row in brief.headline.rows + brief.programmes.rows:
            assert row.amount == store[row.code], (row.code, year)
            assert _norm(fmt.number(row.amount, lang)) in text, (row.code, row.amount, year)
        assert brief.headline.rows[0].code == "income_total"
        codes = {r.code for r in brief.headline.rows}
        assert {"income_total", "expense_total"} <= codes
        if brief.previous_year is not None:
            before = _store(seed_db, entity, brief.previous_year)
            for c in brief.changes + brief.moved:
                assert c.new == store.get(c.code, Decimal(0))
                assert c.old == before.get(c.code, Decimal(0))
                for value in (c.old, c.new):
                    assert _norm(fmt.number(value, lang)) in text
                diff = ("+" if c.diff > 0 else "") + fmt.number(c.diff, lang)
                assert _norm(diff) in text, (c.code, diff)
        assert brief.entity_name in text.replace(" ", " ") or _norm(brief.entity_name) in text


def test_kazakh_letters_and_embedded_fonts(engine: Engine) -> None:
    entity, year = _budgets(engine)[0]
    pdf = render(gather(engine, entity, year, "kk"))
    _, text = _text(pdf)
    assert re.search("[әғқңөұүһі]", text), "Kazakh letters must survive extraction"
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = []
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object().get(
            "/FontDescriptor"
        )
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
        names.append(str(font["/BaseFont"]))
    assert any("DejaVuSans" in n for n in names)


def test_sources_decisions_and_change_are_on_the_page(engine: Engine) -> None:
    moved_somewhere = False
    for entity, year in _budgets(engine):
        brief = gather(engine, entity, year, "ru")
        _, text = _text(render(brief))
        assert brief.headline.sources and brief.programmes.sources
        for source in brief.headline.sources + brief.programmes.sources + brief.change_sources:
            assert _norm(source) in text
        for d in brief.decisions:
            assert d.number in text and _norm(fmt.day(d.date, "ru")) in text
        if year - 1 in engine.years[entity]:
            assert brief.previous_year == year - 1 and brief.changes
            moved = [abs(c.diff) for c in brief.moved]
            assert moved == sorted(moved, reverse=True) and all(moved)
            moved_somewhere |= bool(moved)
        else:
            assert brief.previous_year is None and not brief.changes
    assert moved_somewhere


def test_renders_to_png(engine: Engine, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    entity, year = _budgets(engine)[-1]
    for lang in LANGS:
        pdf = render(gather(engine, entity, year, lang))
        doc = pdfium.PdfDocument(pdf)
        image = doc[0].render(scale=1.5).to_pil().convert("L")
        path = tmp_path / f"brief-{lang}.png"
        image.save(path)
        width, height = image.size
        assert width < height  # A4 portrait
        dark = sum(image.histogram()[:128])
        assert dark > 5000, "the page has text and a chart"
    print(f"brief PNGs in {tmp_path}")


def test_no_such_budget(engine: Engine) -> None:
    with pytest.raises(NoBudget):
        gather(engine, "Atlantis", None, "en")
    with pytest.raises(NoBudget):
        gather(engine, None, 1990, "en")


def test_cli_writes_the_pdf(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["brief", "--db", str(seed_db), "--lang", "kk", "--entity", "талов", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    pages, text = _text(out.read_bytes())
    assert pages == 1 and "Талов" in text
    bad = runner.invoke(cli, ["brief", "--db", str(seed_db), "--year", "1990"])
    assert bad.exit_code == 1 and "Traceback" not in bad.output
