"""Budget-classification codes: one reading for every layer (bot.codes)."""

from __future__ import annotations

import pytest

from bot import codes


@pytest.mark.parametrize(
    ("text", "kind", "level", "section", "parent"),
    [
        ("1", "receipt", 0, "income", None),
        ("1.04.4", "receipt", 2, "income", "1.04"),
        ("8", "receipt", 0, "financing", None),
        ("8.01.1", "receipt", 2, "financing", "8.01"),
        ("5.01.1", "receipt", 2, "net_lending", "5.01"),
        ("6", "receipt", 0, "fin_assets", None),
        ("08", "expenditure", 0, "expense", None),
        ("16.1", "expenditure", 1, "financing", "16"),
        ("12.1.124.013", "expenditure", 3, "expense", "12.1.124"),
        ("deficit", "summary", 0, "summary", None),
    ],
)
def test_parse(text: str, kind: str, level: int, section: str, parent: str | None) -> None:
    code = codes.parse(text)
    assert code is not None and str(code) == text
    assert (code.kind, code.level, code.section) == (kind, level, section)
    assert codes.parent_of(text) == parent


@pytest.mark.parametrize("text", ["", "124.008", "1.4", "07.03", "x", "1.04.4.1", "007"])
def test_not_a_line_code(text: str) -> None:
    assert codes.parse(text) is None


def test_cells_become_children_in_one_place() -> None:
    # "Используемые остатки бюджетных средств" is category 8, never group 08 (Culture)
    assert str(codes.top("receipt", "8")) == "8"
    assert str(codes.top("expenditure", "8")) == "08"
    assert str(codes.top("receipt", "1").child("4").child("4")) == "1.04.4"
    prog = codes.top("expenditure", "12").child("1").child("124").child("13")
    assert str(prog) == "12.1.124.013"
    assert prog.entry_keys() == ("12.1.124.013", "124.013")
    assert str(prog.at_level(1, "2")) == "12.2"
    with pytest.raises(ValueError):
        prog.child("1")
