"""Pieces of the OCR parser on small snippets in the seed's garbled style."""

from __future__ import annotations

from decimal import Decimal

from bot.classifier import default
from bot.ingest import ocr


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.strip("\n").splitlines(), start=1))


def test_tokenize_separates_codes_amounts_and_furniture() -> None:
    tokens = ocr.tokenize(
        lines("""
01 . 33 606
1 2 3 4 5 6
3 Kep canbrrsr 1
OMMYHAIIBIK 0 55
A 6
( -847
""")
    )
    kinds = [(t.kind, t.text if t.kind != "amount" else t.value) for t in tokens]
    assert ("code", "01") in kinds and ("amount", Decimal(33606)) in kinds
    assert ("code", "3") in kinds and ("amount", Decimal(1)) in kinds
    assert ("amount", None) in kinds  # "0 55": digits lost, unreadable, not guessed
    assert ("amount", Decimal(-847)) in kinds
    assert ("amount", Decimal(6)) not in kinds  # splinters of a broken word


def test_fuzzy_match_prefers_the_right_sibling() -> None:
    pool = ocr._pool(default(), "income")
    matcher = ocr.Matcher(pool)
    best = matcher.best("кеже таыыс салыгы", pool)[1]
    assert best is not None and best.code == "1.01.2"  # Жеке табыс салығы, not Табыс салығы
    best = matcher.best("таыыс салыгы", pool)[1]
    assert best is not None and best.code == "1.01"


def test_rows_split_around_wrapped_names_and_named_by_hierarchy() -> None:
    body = lines("""
1 CanILIKTLIK 1501
TyciMaep
01 TabwIc canbIFbl 250
) Kexe TabbIC 250
CaJIBIFBI
3 Kep canbrrsr 1
""")
    pool = ocr._pool(default(), "income")
    matcher = ocr.Matcher(pool)
    rows = ocr.segment(ocr.tokenize(body), matcher, pool)
    named, unnamed = ocr.name_rows(rows, "income", default(), matcher)
    assert [(ln.code, ln.amount) for ln in named] == [
        ("1", 1501),
        ("1.01", 250),
        ("1.01.2", 250),
        ("1.04.3", 1),
    ]
    assert unnamed == []


def test_programme_takes_the_documents_sub_function() -> None:
    body = lines("""
TypfolH YH-KOMMYHaJABIK 29 323
KoMMyHanabIk HIapyanbUIbIK 29323
AynaHIBIK MaHBI3bI Oap Kana , ayblI, KEHT, ayBULIBIK OKPYT OKIMIiHIH anmapaThsl 29323
Enni MEKeHJepIeTi Kemrenepai JKAPBIKTAHIBIPY 2200
""")
    pool = ocr._pool(default(), "expense")
    matcher = ocr.Matcher(pool)
    named, _ = ocr.name_rows(
        ocr.segment(ocr.tokenize(body), matcher, pool), "expense", default(), matcher
    )
    assert [ln.code for ln in named] == ["07", "07.2", "07.2.124", "07.2.124.008"]


def test_looks_like_ocr() -> None:
    assert ocr.looks_like_ocr("CanILIKTLIK TyciMaep 1501 " * 40)
    assert not ocr.looks_like_ocr("Салықтық түсімдер 1501 " * 40)
