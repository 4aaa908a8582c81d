"""Reading amounts as decisions print them, exactly (``Decimal``, never float).

Handles thousands grouped by spaces (``60 033``) or not (``60033``), a decimal
comma (``366814,4``), signs written as ``- 6 929,0``, ``(-) 735`` or ``– -847``
after the label's dash, and the unit that follows (``мың теңге``,
``тысяч тенге`` — thousands; plain ``тенге`` — tenge).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.ingest.fold import skeleton

SPACES = "\u00a0\u202f\u2009 "
DASHES = "-\u2013\u2014\u2212\u2012"
_GROUPED = rf"\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?:[,.]\d+)?"
_PLAIN = r"\d+(?:[,.]\d+)?"
NUMBER = re.compile(rf"(?<![\d,.])(?:{_GROUPED}|{_PLAIN})(?![\d])")
_SIGN_BEFORE = re.compile(rf"(\(\s*[{DASHES}]\s*\)|[{DASHES}])\s*$")
# Skeletons of unit words (see bot.ingest.fold): "мың"/"тысяч..." mean thousands.
_THOUSAND = re.compile(r"^\W*(мын|тыс)")
_TENGE = re.compile(r"^\W*(тен[гтрі]|тг)")


@dataclass(frozen=True)
class Amount:
    value: Decimal  # thousand tenge
    printed: str  # the figure as printed, sign included


def to_decimal(figure: str) -> Decimal:
    """``"60 033"`` → 60033, ``"366814,4"`` → 366814.4."""
    cleaned = "".join(ch for ch in figure if ch not in SPACES).replace(",", ".")
    return Decimal(cleaned)


def read_cell(text: str) -> Amount | None:
    """Read a table cell: the figure with a sign attached (``-847``, ``(-) 735``)."""
    match = NUMBER.search(text)
    if not match:
        return None
    value = to_decimal(match.group(0))
    sign = _SIGN_BEFORE.search(text[: match.start()])
    start = sign.start() if sign else match.start()
    return Amount(-value if sign else value, text[start : match.end()].strip())


def read_after_label(text: str) -> Amount | None:
    """Read the amount of a point-1 line's tail, e.g. ``– - 6 929,0 мың теңге``.

    The first dash after the label separates it from the figure; a second dash,
    or ``(-)``, is the minus sign. With no separator, a dash is a minus.
    """
    match = NUMBER.search(text)
    if not match:
        return None
    value = to_decimal(match.group(0))
    before = text[: match.start()].rstrip()
    negative = False
    paren = re.search(rf"\(\s*[{DASHES}]\s*\)$", before)
    if paren:
        negative = True
        start = paren.start()
    else:
        dashes = re.search(rf"[{DASHES}](?:\s*[{DASHES}])*$", before)
        start = match.start()
        if dashes:
            count = sum(ch in DASHES for ch in dashes.group(0))
            separator_elsewhere = bool(re.search(rf"[{DASHES}:]", before[: dashes.start()]))
            # "кредитование -12 291": a hyphen or minus sign set apart from the label and
            # touching the figure is its sign; an en or em dash there is the separator
            attached = (
                count == 1
                and dashes.group(0) in "-\u2212"
                and text[match.start() - 1 : match.start()] in "-\u2212"
                and before[: dashes.start()][-1:].isspace()
            )
            negative = count >= 2 or (count == 1 and separator_elsewhere) or attached
            if negative:
                start = dashes.end() - 1
    unit = skeleton(text[match.end() :])
    if _TENGE.match(unit) and not _THOUSAND.match(unit):
        value = value / 1000
    printed = text[start : match.end()].strip()
    return Amount(-value if negative else value, printed)
