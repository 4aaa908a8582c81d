"""Budget-classification (EBK) codes: the one reading of a code every layer shares.

Why: the classifier, both parsers, the validator and the answer engine each used to
split ``"07.3.124.008"`` their own way, and a financing category ``8`` once became
functional group ``08`` (Culture) because one of them padded it. Here a code is a
value with its parts, kind, level, parent and section, and a table cell becomes a
child code in exactly one place.

Forms (as the store keeps them):

- receipts — income categories 1–4 and the financing categories 5–8:
  ``category[.class[.subclass]]``: ``1``, ``1.04``, ``1.04.4``, ``8.01.1``;
- expenditure: ``group[.subfunction[.admin[.programme]]]``: ``07``, ``07.3``,
  ``07.3.124``, ``07.3.124.008`` (groups are two digits, ``16`` is loan repayment);
- point-1 summary keys: ``income_total`` … ``financing``.

The classifier names administrators and programmes without their group path
(``124``, ``124.008``); :meth:`Code.entry_keys` gives the keys to look them up by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.model import SUMMARY_KEYS

RECEIPT = "receipt"
EXPENDITURE = "expenditure"
SUMMARY = "summary"

# Width of each level's part: category 1, class 2, subclass 1; group 2, sub-function 1,
# administrator 3, programme 3.
_WIDTH = {RECEIPT: (1, 2, 1), EXPENDITURE: (2, 1, 3, 3)}
# "Categories 5–8 are financing, never functional groups 05–08."
CATEGORY_SECTION = {
    "1": "income",
    "2": "income",
    "3": "income",
    "4": "income",
    "5": "net_lending",
    "6": "fin_assets",
    "7": "financing",
    "8": "financing",
}
FINANCING_GROUPS = frozenset({"16"})
CELL = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True, order=True)
class Code:
    """One EBK code (or a summary key) of a budget line."""

    kind: str  # receipt | expenditure | summary
    parts: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.parts)

    @property
    def level(self) -> int:
        """0 for a category or group, 1 for a class or sub-function, …"""
        return len(self.parts) - 1

    @property
    def head(self) -> str:
        return self.parts[0]

    @property
    def parent(self) -> Code | None:
        if self.kind == SUMMARY or len(self.parts) == 1:
            return None
        return Code(self.kind, self.parts[:-1])

    @property
    def section(self) -> str:
        """The part of the budget the code itself names (the table may say more:
        lending by functional group is expenditure-coded but belongs to net lending)."""
        if self.kind == SUMMARY:
            return SUMMARY
        if self.kind == RECEIPT:
            return CATEGORY_SECTION.get(self.head, "income")
        return "financing" if self.head in FINANCING_GROUPS else "expense"

    @property
    def is_top(self) -> bool:
        return self.kind != SUMMARY and len(self.parts) == 1

    def child(self, cell: str) -> Code:
        """The code one level down whose own part is the table cell ``cell``."""
        return Code(self.kind, (*self.parts, _pad(self.kind, len(self.parts), cell)))

    def at_level(self, level: int, cell: str) -> Code:
        """Replace the part at ``level`` (dropping anything deeper) by ``cell``."""
        if level > len(self.parts):
            raise ValueError(f"{self} has no level {level - 1} to hang a part on")
        return Code(self.kind, (*self.parts[:level], _pad(self.kind, level, cell)))

    def entry_keys(self) -> tuple[str, ...]:
        """Classifier keys naming this line, most specific first:
        ``07.3.124.008`` → (``07.3.124.008``, ``124.008``); ``07.3.124`` → (…, ``124``)."""
        full = str(self)
        if self.kind == EXPENDITURE and len(self.parts) == 4:
            return full, f"{self.parts[2]}.{self.parts[3]}"
        if self.kind == EXPENDITURE and len(self.parts) == 3:
            return full, self.parts[2]
        return (full,)


def _pad(kind: str, level: int, cell: str) -> str:
    widths = _WIDTH[kind]
    if level >= len(widths):
        raise ValueError(f"{kind} codes have {len(widths)} levels, not {level + 1}")
    n = int(cell)
    return f"{n:0{widths[level]}d}"


def top(kind: str, cell: str) -> Code:
    """A category (receipts) or functional group (expenditure) from a table cell."""
    return Code(kind, (_pad(kind, 0, cell),))


def parse(text: str) -> Code | None:
    """Read a stored line code; None for anything that is not one.

    ``"8"`` is a category, ``"08"`` a group: the width of the head decides, so a
    code must be written as the store writes it.
    """
    text = text.strip()
    if text in SUMMARY_KEYS:
        return Code(SUMMARY, (text,))
    parts = tuple(text.split("."))
    if not parts or not all(p.isdigit() for p in parts):
        return None
    kind = RECEIPT if len(parts[0]) == 1 else EXPENDITURE if len(parts[0]) == 2 else None
    if kind is None or len(parts) > len(_WIDTH[kind]):
        return None
    if any(len(p) != w for p, w in zip(parts, _WIDTH[kind], strict=False)):
        return None
    return Code(kind, parts)


def depth(text: str) -> int:
    """How many parts a stored code has: 1 for a category, a group or a summary key,
    4 for a programme (``07.3.124.008``)."""
    return text.count(".") + 1


def parent_of(text: str) -> str | None:
    """The stored code of ``text``'s parent, or None (a top code, a summary key, junk)."""
    code = parse(text)
    parent = code.parent if code else None
    return str(parent) if parent else None


def is_code_cell(cell: str) -> bool:
    """A table cell holding one part of a code (``1``, ``04``, ``124``)."""
    return bool(CELL.match(cell.strip()))
