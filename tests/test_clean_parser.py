"""The clean-decision parser on invented adilet-style fixtures (kk/ru, txt/html).

The fixtures' figures are generated consistently; ``expected.json`` holds every
line's code and amount so that each test checks every line, not a sample.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bot.ingest.clean import parse_html, parse_text, summary_key
from bot.ingest.pipeline import parse_file
from bot.model import ParseResult, UnusableDocument

FIX = Path(__file__).parent / "fixtures" / "decisions"
EXPECTED = json.loads((FIX / "expected.json").read_text(encoding="utf-8"))
SUMMARY = (
    "income_total", "tax", "non_tax", "capital", "transfers",
    "expense_total", "net_lending", "fin_assets_saldo", "deficit", "financing",
)  # fmt: skip


def parse(name: str) -> ParseResult:
    path = FIX / name
    text = path.read_text(encoding="utf-8")
    fn = parse_html if path.suffix == ".html" else parse_text
    return fn(text, doc_id="test", path=str(path))


def lines_of(result: ParseResult, entity: str, year: int, source_prefix: str) -> dict[str, Decimal]:
    budget = next(b for b in result.budgets if b.entity == entity and b.year == year)
    out: dict[str, Decimal] = {}
    for ln in budget.lines:
        if ln.source.startswith(source_prefix):
            assert ln.code not in out, f"duplicate {ln.code} in {source_prefix}"
            assert ln.amount is not None
            out[ln.code] = ln.amount
    return out


def as_dec(d: dict[str, str]) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in d.items()}


def comparable(result: ParseResult) -> list[tuple]:
    """Everything but the path, for txt == html comparisons."""
    return [
        (b.entity, b.entity_kind, b.year, b.appendix, b.edition,
         [(ln.code, ln.amount, ln.section, ln.source, ln.name_printed, ln.name_kk)
          for ln in b.lines])
        for b in result.budgets
    ]  # fmt: skip


# ------------------------------------------------------------------ single entity


@pytest.mark.parametrize("name", ["kk_rural_base.txt", "kk_rural_base.html"])
def test_kk_single_metadata(name: str) -> None:
    doc = parse(name).documents[0]
    assert doc.lang == "kk"
    assert doc.issuer == "Сарыарқа аудандық мәслихаты"
    assert doc.number == "30-4"
    assert doc.date is not None and doc.date.isoformat() == "2023-12-27"
    assert doc.title.startswith("2024-2026 жылдарға арналған Сарыарқа ауданы Жаңаталап")
    assert doc.kind == "base" and doc.amends is None
    assert len(doc.amendments) == 1
    amd = doc.amendments[0]
    assert (amd.number, amd.date.isoformat(), amd.issuer) == (
        "5-2",
        "2024-04-12",
        "Сарыарқа аудандық мәслихаты",
    )
    assert amd.scope == "point 1, appendix 1"


@pytest.mark.parametrize("name", ["ru_rural_base.txt", "ru_rural_base.html"])
def test_ru_single_metadata(name: str) -> None:
    doc = parse(name).documents[0]
    assert doc.lang == "ru"
    assert doc.issuer == "Сарыаркинский районный маслихат"
    assert doc.number == "30-4"
    assert doc.date is not None and doc.date.isoformat() == "2023-12-27"
    assert doc.title.startswith("О бюджете Жанаталапского сельского округа")
    assert doc.kind == "base"
    assert [(a.number, a.scope, a.issuer) for a in doc.amendments] == [
        ("5-2", "point 1, appendix 1", "Сарыаркинский районный маслихат")
    ]


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("kk_rural_base.txt", "Жаңаталап ауылдық округі"),
        ("kk_rural_base.html", "Жаңаталап ауылдық округі"),
        ("ru_rural_base.txt", "Жанаталапский сельский округ"),
        ("ru_rural_base.html", "Жанаталапский сельский округ"),
    ],
)
def test_single_every_line(name: str, entity: str) -> None:
    result = parse(name)
    assert {(b.entity, b.entity_kind, b.year) for b in result.budgets} == {
        (entity, "rural_district", y) for y in (2024, 2025, 2026)
    }
    assert lines_of(result, entity, 2024, "point 1") == as_dec(EXPECTED["talap_point1"])
    for n, year in ((1, 2024), (2, 2025), (3, 2026)):
        got = lines_of(result, entity, year, f"appendix {n}")
        assert got == as_dec(EXPECTED["talap"][str(year)]), (name, year)
    b2024 = next(b for b in result.budgets if b.year == 2024)
    assert str(b2024.edition) == "No 5-2 of 2024-04-12" and b2024.appendix == "appendix 1"
    assert next(b for b in result.budgets if b.year == 2025).edition is None
    assert result.problems == []


def test_single_names_sections_and_printed() -> None:
    result = parse("kk_rural_base.txt")
    b = next(b for b in result.budgets if b.year == 2024)
    road = b.get("12.1.124.013")
    assert road is not None and road.section == "expense" and road.source == "appendix 1"
    assert road.name_ru.startswith("Обеспечение функционирования автомобильных дорог")
    assert road.name_en and road.name_kk.startswith("Аудандық маңызы бар қалаларда")
    assert road.printed == "14 000"
    light = b.get("07.3.124.008")
    assert light is not None and light.name_printed == "Елді мекендердегі көшелерді жарықтандыру"
    rest = b.get("8.01.1")
    assert rest is not None and rest.section == "financing"
    assert b.get("1.04.4") is not None and b.get("1.04.4").section == "income"  # type: ignore[union-attr]
    deficit = [ln for ln in b.lines if ln.code == "deficit"]
    assert [ln.source for ln in deficit] == ["point 1", "appendix 1"]
    assert deficit[0].printed == "-1 053" and deficit[0].section == "summary"
    assert deficit[0].name_kk == "Бюджет тапшылығы (профициті)"


@pytest.mark.parametrize(
    ("txt", "html"),
    [
        ("kk_rural_base.txt", "kk_rural_base.html"),
        ("ru_rural_base.txt", "ru_rural_base.html"),
        ("ru_multi_entity.txt", "ru_multi_entity.html"),
    ],
)
def test_txt_equals_html(txt: str, html: str) -> None:
    a, b = parse(txt), parse(html)
    assert comparable(a) == comparable(b)
    da, db = a.documents[0], b.documents[0]
    assert (da.lang, da.issuer, da.number, da.date, da.title, da.kind, da.amendments) == (
        db.lang,
        db.issuer,
        db.number,
        db.date,
        db.title,
        db.kind,
        db.amendments,
    )


def test_kk_and_ru_same_figures() -> None:
    kk, ru = parse("kk_rural_base.txt"), parse("ru_rural_base.html")
    for year in (2024, 2025, 2026):
        a = next(b for b in kk.budgets if b.year == year)
        c = next(b for b in ru.budgets if b.year == year)
        assert [(ln.code, ln.amount, ln.source) for ln in a.lines] == [
            (ln.code, ln.amount, ln.source) for ln in c.lines
        ]


def test_broken_fixture_is_parsed_as_printed() -> None:
    """The deliberately broken fixture keeps the wrong figure for the validator to catch."""
    result = parse("kk_rural_broken.txt")
    b = next(b for b in result.budgets if b.year == 2024)
    assert b.get("1.04.4").amount == Decimal(2600)  # type: ignore[union-attr]
    assert b.get("1.04").amount == Decimal(3060)  # type: ignore[union-attr]


# ------------------------------------------------------------------ multi entity


@pytest.mark.parametrize("name", ["ru_multi_entity.txt", "ru_multi_entity.html"])
def test_multi_entity(name: str) -> None:
    result = parse(name)
    doc = result.documents[0]
    assert (doc.issuer, doc.number, doc.date.isoformat()) == (  # type: ignore[union-attr]
        "Жаркольский районный маслихат",
        "14-2",
        "2023-12-26",
    )
    kinds = {b.entity: b.entity_kind for b in result.budgets}
    assert kinds == {
        "город Каратау": "town",
        "Еркинский сельский округ": "rural_district",
        "Акжарский сельский округ": "rural_district",
    }
    assert len(result.budgets) == 9
    for point, entity in enumerate(
        ("город Каратау", "Еркинский сельский округ", "Акжарский сельский округ"), 1
    ):
        got = lines_of(result, entity, 2024, f"point {point}")
        assert got == as_dec(EXPECTED["multi_point"][entity])
        for k, year in enumerate((2024, 2025, 2026)):
            appx = 3 * (point - 1) + k + 1
            got = lines_of(result, entity, year, f"appendix {appx}")
            assert got == as_dec(EXPECTED["multi"][entity][str(year)]), (entity, year)
    assert result.problems == []


def test_multi_entity_signs() -> None:
    """``(-) 735``-style, ``- 6 929``-style and ``-847``-style deficits all read negative."""
    result = parse("ru_multi_entity.txt")
    for b in result.budgets:
        if b.year != 2024:
            continue
        deficit = next(
            ln for ln in b.lines if ln.code == "deficit" and ln.source.startswith("point")
        )
        assert deficit.amount is not None and deficit.amount < 0
    kar = next(b for b in result.budgets if b.entity == "город Каратау" and b.year == 2024)
    assert next(ln for ln in kar.lines if ln.code == "deficit").printed.startswith("(-)")


# ------------------------------------------------------------------ amendments


def test_kk_point1_amendment() -> None:
    result = parse("kk_amend_point1.txt")
    doc = result.documents[0]
    assert doc.kind == "amendment"
    assert str(doc.amends) == "No 30-4 of 2023-12-27"
    assert (doc.number, doc.date.isoformat(), doc.issuer) == (  # type: ignore[union-attr]
        "5-2",
        "2024-04-12",
        "Сарыарқа аудандық мәслихаты",
    )
    assert [(b.entity, b.year) for b in result.budgets] == [("Жаңаталап ауылдық округі", 2024)]
    got = lines_of(result, "Жаңаталап ауылдық округі", 2024, "point 1")
    assert got == as_dec(EXPECTED["amend_point1"])
    assert all(ln.section == "summary" for ln in result.budgets[0].lines)


def test_ru_replace_amendment() -> None:
    result = parse("ru_amend_replace.txt")
    doc = result.documents[0]
    assert doc.kind == "amendment" and str(doc.amends) == "No 30-4 of 2023-12-27"
    assert (doc.number, doc.date.isoformat()) == ("9-3", "2024-06-20")  # type: ignore[union-attr]
    # replaced figures are applied only over the base decision in the store
    assert not result.budgets
    got = {(r.budget.entity, r.budget.year, r.key, r.old, r.new) for r in result.replacements}
    assert ("Жанаталапский сельский округ", 2024, "income_total", Decimal("72787.5"),
            Decimal("75287.5")) in got  # fmt: skip
    assert ("Жанаталапский сельский округ", 2024, "transfers", Decimal("68457.5"),
            Decimal("70957.5")) in got  # fmt: skip
    assert ("Жанаталапский сельский округ", 2024, "expense_total", Decimal("73840.5"),
            Decimal("76340.5")) in got  # fmt: skip


# ------------------------------------------------------------------ refusals


def test_not_budget_is_refused() -> None:
    with pytest.raises(UnusableDocument) as err:
        parse("not_budget.txt")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text", ["", "   \n", "Hello world, this is a letter.\nNothing here."])
def test_empty_or_foreign_text_is_refused(text: str) -> None:
    with pytest.raises(UnusableDocument):
        parse_text(text, doc_id="x", path="x.txt")
    with pytest.raises(UnusableDocument):
        parse_html(f"<html><body><p>{text}</p></body></html>", doc_id="x", path="x.html")


# ------------------------------------------------------------------ labels and variants


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("1) кірістер – 60 033 мың теңге:", "income_total"),
        ("салықтық емес түсімдер – 0 теңге;", "non_tax"),
        ("трансферттердің түсімдері – 11 525 294,6 мың теңге;", "transfers"),
        ("3) таза бюджеттік кредит беру – - 6 929,0 мың теңге:", "net_lending"),
        ("5) бюджет тапшылығы (профициті) – -847 мың теңге;", "deficit"),
        ("6) бюджет тапшылығы қаржыландыру (профицитін пайдалану) – 573 082,7", "financing"),
        ("налоговым поступлениям – 5 400 415 тысяч тенге;", "tax"),
        ("5) дефицит (профицит) бюджета (-) 735 тысяч тенге;", "deficit"),
        ("IV. Сальдо по операциям с финансовыми активами", "fin_assets_saldo"),
        ("бюджеттік кредиттер – 0 теңге;", None),
    ],
)
def test_summary_labels(label: str, key: str | None) -> None:
    assert summary_key(label) == key


def test_point_variants_inline() -> None:
    """Zero written as words, 'тенге' amounts, several years per point set."""
    text = "\n".join(
        [
            "2024-2026 жылдарға арналған Ақсу ауылдық округінің бюджеті туралы",
            "Абай облысы Үржар аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 шешімі",
            "Үржар аудандық мәслихаты ШЕШТІ:",
            "1. 2024-2026 жылдарға арналған Ақсу ауылдық округінің бюджеті тиісінше "
            "1, 2 және 3-қосымшаларға "
            "сәйкес, оның ішінде 2024 жылға келесі көлемдерде бекітілсін:",
            "1) кірістер – 47 959 мың теңге, соның ішінде:",
            "салықтық түсімдер – 2 527 000 теңге;",
            "2) шығындар – 47 980 мың теңге;",
            "3) таза бюджеттік кредиттеу – нөлге тең;",
            "5) бюджет тапшылығы (профициті) – - 21 мың теңге;",
            "6) бюджет тапшылығын қаржыландыру (профицитін пайдалану) – 21 мың теңге.",
        ]
    )
    result = parse_text(text, doc_id="x", path="x.txt")
    b = result.budgets[0]
    assert (b.entity, b.year, result.documents[0].issuer) == (
        "Ақсу ауылдық округі",
        2024,
        "Үржар аудандық мәслихаты",
    )
    got = {ln.code: ln.amount for ln in b.lines}
    assert got == {
        "income_total": Decimal(47959),
        "tax": Decimal(2527),
        "expense_total": Decimal(47980),
        "net_lending": Decimal(0),
        "deficit": Decimal(-21),
        "financing": Decimal(21),
    }


def test_per_entity_blocks_and_lost_code() -> None:
    """'По городу X:' blocks in one point; a row with an empty code cell is found by its name."""
    text = "\n".join(
        [
            "О бюджетах города Жанатас и Еркинского сельского округа на 2024-2026 годы",
            "Решение Сарысуского районного маслихата Жамбылской области "
            "от 25 декабря 2023 года № 18-4",
            "Сарысуский районный маслихат РЕШИЛ:",
            "1. Утвердить бюджеты города Жанатас и Еркинского сельского округа "
            "на 2024-2026 годы согласно "
            "приложениям 1-6, в том числе на 2024 год в следующих объемах:",
            "По городу Жанатас:",
            "1) доходы – 366814,4 тысячи тенге;",
            "2) затраты – 368941,8 тысяч тенге;",
            "По Еркинскому сельскому округу:",
            "1) доходы – 349 391 тысяча тенге;",
            "2) затраты – 349 391 тысяча тенге;",
            "Приложение 1 к решению Сарысуского районного маслихата от 25 декабря 2023 года № 18-4",
            "Бюджет города Жанатас на 2024 год",
            "Категория\tКласс\tПодкласс\tНаименование\tСумма, тысяч тенге",
            "1) Доходы\t366 814,4",
            "1\t\t\tНалоговые поступления\t1 000",
            "\t01\t\tПодоходный налог\t1 000",
            "\t\t\tИндивидуальный подоходный налог\t1 000",
        ]
    )
    result = parse_text(text, doc_id="x", path="x.txt")
    got = {
        (b.entity, b.entity_kind, b.year): {ln.code: ln.amount for ln in b.lines}
        for b in result.budgets
    }
    assert got[("город Жанатас", "town", 2024)]["income_total"] == Decimal("366814.4")
    assert got[("Еркинский сельский округ", "rural_district", 2024)]["expense_total"] == Decimal(
        349391
    )
    assert got[("город Жанатас", "town", 2024)]["1.01.2"] == Decimal(1000)
    assert got[("город Жанатас", "town", 2024)]["1.01"] == Decimal(1000)


KK_REPLACE_HEAD = [
    'Сарыарқа аудандық мәслихатының 2023 жылғы 27 желтоқсандағы № 30-4 "2024-2026 жылдарға '
    'арналған Сарыарқа ауданы Жаңаталап ауылдық округінің бюджеті туралы" шешіміне өзгерістер '
    "енгізу туралы",
    "Батыс Қазақстан облысы Сарыарқа аудандық мәслихатының 2024 жылғы 20 маусымдағы № 9-3 шешімі",
    "Сарыарқа аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
    '1. Сарыарқа аудандық мәслихатының 2023 жылғы 27 желтоқсандағы № 30-4 "2024-2026 жылдарға '
    'арналған Сарыарқа ауданы Жаңаталап ауылдық округінің бюджеті туралы" шешіміне мынадай '
    "өзгерістер енгізілсін:",
]


def test_kk_replace_amendment() -> None:
    text = "\n".join([
        *KK_REPLACE_HEAD,
        "1-тармақта:",
        '1) тармақшада "72 787,5" деген сандар "75 287,5" деген сандармен ауыстырылсын;',
        'бесінші абзацында "68 457,5" деген сандар "70 957,5" деген сандармен ауыстырылсын;',
        '2) тармақшада "73 840,5" деген сандар "76 340,5" деген сандармен ауыстырылсын.',
        "2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
    ])  # fmt: skip
    result = parse_text(text, doc_id="x", path="x.txt")
    doc = result.documents[0]
    assert (doc.kind, str(doc.amends), doc.number) == ("amendment", "No 30-4 of 2023-12-27", "9-3")
    got = {(r.key, r.old, r.new) for r in result.replacements}
    assert got == {
        ("income_total", Decimal("72787.5"), Decimal("75287.5")),
        ("transfers", Decimal("68457.5"), Decimal("70957.5")),
        ("expense_total", Decimal("73840.5"), Decimal("76340.5")),
    }


def test_unplaceable_replacement_is_refused_in_one_line(tmp_path: Path) -> None:
    text = "\n".join([
        *KK_REPLACE_HEAD,
        '4-тармақта "14 000" деген сандар "16 000" деген сандармен ауыстырылсын.',
    ])  # fmt: skip
    # the clean parser keeps it as a replacement; the pipeline without a store refuses
    assert [(r.key, r.old) for r in parse_text(text, doc_id="x", path="x.txt").replacements] == [
        ("", Decimal(14000))
    ]
    path = tmp_path / "amend.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnusableDocument, match="No 30-4 of 2023-12-27") as err:
        parse_file(path)
    assert "\n" not in str(err.value)
