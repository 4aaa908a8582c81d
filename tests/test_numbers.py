"""Number reading as decisions print it: exact Decimals, signs, units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.ingest.numbers import read_after_label, read_cell, to_decimal


@pytest.mark.parametrize(
    ("figure", "value"),
    [
        ("60 033", "60033"),
        ("60033", "60033"),
        ("366814,4", "366814.4"),
        ("1 234 567,89", "1234567.89"),
        ("12\u00a0345", "12345"),
        ("12\u202f345,5", "12345.5"),
        ("0", "0"),
    ],
)
def test_to_decimal(figure: str, value: str) -> None:
    assert to_decimal(figure) == Decimal(value)


@pytest.mark.parametrize(
    ("tail", "value", "printed"),
    [
        ("– 60 033 мың теңге", "60033", "60 033"),
        ("– 60033 мың теңге", "60033", "60033"),
        ("– 366814,4 тысячи тенге", "366814.4", "366814,4"),
        ("349 391 тысяча тенге", "349391", "349 391"),
        ("– -847 мың теңге", "-847", "-847"),
        ("(-) 735 тысяч тенге", "-735", "(-) 735"),
        ("– - 6 929,0 мың теңге", "-6929.0", "- 6 929,0"),
        ("– -280 934 мың теңге", "-280934", "-280 934"),
        ("– 0 тенге", "0", "0"),
        ("– 0", "0", "0"),
        ("– 1 500 тенге", "1.5", "1 500"),
        ("– 2 527 000 теңге", "2527", "2 527 000"),
        ("– 12\u00a0345 тысяч тенге", "12345", "12\u00a0345"),
        ("– 5 376 мың теңге", "5376", "5 376"),
    ],
)
def test_read_after_label(tail: str, value: str, printed: str) -> None:
    amount = read_after_label(tail)
    assert amount is not None
    assert amount.value == Decimal(value)
    assert amount.printed == printed


def test_label_then_dash_is_not_a_minus() -> None:
    amount = read_after_label("кірістер – 60 033 мың теңге")
    assert amount is not None and amount.value == Decimal(60033)
    amount = read_after_label("бюджет тапшылығы (профициті) – -847 мың теңге")
    assert amount is not None and amount.value == Decimal(-847)


def test_thousand_units_are_not_divided() -> None:
    for unit in ("тысяч тенге", "тысячи тенге", "тысяча тенге", "мың теңге"):
        amount = read_after_label(f"– 100 {unit}")
        assert amount is not None and amount.value == Decimal(100), unit


def test_no_figure() -> None:
    assert read_after_label("– нөлге тең") is None
    assert read_cell("Салықтық түсімдер") is None


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("60 033", "60033"),
        ("-847", "-847"),
        ("(-) 735", "-735"),
        ("- 6 929,0", "-6929.0"),
        ("1\u00a0053", "1053"),
        ("366814,4", "366814.4"),
        ("0", "0"),
    ],
)
def test_read_cell(cell: str, value: str) -> None:
    amount = read_cell(cell)
    assert amount is not None and amount.value == Decimal(value)


def test_read_cell_printed() -> None:
    amount = read_cell("-847")
    assert amount is not None and amount.printed == "-847"


def test_read_cell_printed_paren() -> None:
    amount = read_cell("(-) 735")
    assert amount is not None and amount.printed == "(-) 735"
