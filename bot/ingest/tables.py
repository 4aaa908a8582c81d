"""Turn appendix tables (HTML grids, tab-separated lines, one-cell-per-line text) into rows.

Why: adilet.zan.kz publishes the same table three ways — an HTML ``<table>``
whose header uses rowspan/colspan, a plain-text copy whose cells are separated
by tabs, and a copy where every cell stands on a line of its own. The clean
parser wants one thing: a sequence of ``Row`` (cells, and whether the cells are
aligned with the header's columns) mixed with ordinary text lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CODE_TOKEN = re.compile(r"^\d{1,3}$")
AMOUNT_LINE = re.compile(
    r"^\(?\s*[-\u2013\u2014\u2212]?\s*\)?\s*[-\u2013\u2014\u2212]?\s*"
    r"\d[\d \u00a0\u202f]*(?:[,.]\d+)?$"
)
_HEADER_WORDS = re.compile(
    r"^(?:санаты|сыныбы|ішкі сыныбы|атауы|сомасы.*|функционалдық топ|кіші функция|"
    r"бюджеттік бағдарламалардың әкімшісі|бағдарлама|бюджеттік сыныптама.*|"
    r"категория|класс|подкласс|наименование|сумма.*|функциональная группа|"
    r"функциональная подгруппа|администратор бюджетных программ|программа|код.*|"
    r"20\d\d\s*жыл\w*\s+сомасы.*)$",
    re.IGNORECASE,
)


@dataclass
class Row:
    """One table row: its cells, and ``positional`` when they align with header columns."""

    cells: list[str]
    positional: bool = False
    open: bool = False  # a tab row still waiting for the rest of a wrapped cell


@dataclass
class Layout:
    """Column roles read from a header.

    Roles: ``cat/class/sub`` or ``grp/subf/adm/prog``, then ``name`` and ``amount``.
    """

    mode: str  # income | expense
    roles: dict[str, int] = field(default_factory=dict)
    width: int = 0
    years: dict[int, int] = field(default_factory=dict)  # amount column -> its year

    def code_columns(self) -> list[tuple[int, int]]:
        """(column, level) for the code columns, level 0 = category / group."""
        order = ("cat", "class", "sub") if self.mode == "income" else ("grp", "subf", "adm", "prog")
        return [(self.roles[r], lvl) for lvl, r in enumerate(order) if r in self.roles]


def clean_cell(text: str) -> str:
    """Collapse whitespace (NBSP included) so that cells compare and print cleanly."""
    return " ".join(text.split())


def is_header_text(text: str) -> bool:
    return bool(_HEADER_WORDS.match(" ".join(text.split())))


def header_mode(texts: list[str]) -> str | None:
    """``income`` for Санаты/Категория heads, ``expense`` for Функционалдық топ/группа heads."""
    joined = " ".join(texts).lower()
    if "функционал" in joined:
        return "expense"
    if "санат" in joined or "категори" in joined:
        return "income"
    return None


def _role(text: str) -> str | None:
    low = " ".join(text.lower().split())
    if not low:
        return None
    if "ішкі сыныбы" in low or "подкласс" in low:
        return "sub"
    if re.search(r"\bсыныбы\b", low) or re.search(r"\bкласс\b", low):
        return "class"
    if "санат" in low or "категори" in low:
        return "cat"
    if "әкімші" in low or "администратор" in low:
        return "adm"
    if "кіші функция" in low or "подгрупп" in low or "подфункц" in low:
        return "subf"
    if "функционал" in low:
        return "grp"
    if "бағдарлама" in low or "программа" in low:
        return "prog"
    if "атауы" in low or "наименовани" in low:
        return "name"
    if "сомасы" in low or "сумма" in low:
        return "amount"
    return None


def layout_from_header(rows: list[list[str]]) -> Layout | None:
    """Column roles from one or more header rows (the lowest text in a column wins)."""
    width = max((len(r) for r in rows), default=0)
    mode = header_mode([c for r in rows for c in r])
    if mode is None:
        # "Бюджеттік сыныптама коды | Атауы | 2024 жылға сомасы …": codes whole in one
        # cell, so no column says receipts or expenditure; the columns still matter
        roles = {_role(c) for r in rows for c in r}
        if not {"name", "amount"} <= roles:
            return None
        mode = "income"
    layout = Layout(mode=mode, width=width)
    for col in range(width):
        texts = [r[col] for r in rows if col < len(r) and r[col].strip()]
        for text in reversed(texts):
            role = _role(text)
            year = re.search(r"\b(20\d\d)\b", text)
            if role == "amount" and year:  # "Сумма на 2025 год": one column per year
                layout.years[col] = int(year.group(1))
            if role and role not in layout.roles:
                layout.roles[role] = col
                break
    if len(layout.years) < 2:
        layout.years = {}
    return layout


def html_table_grid(table: object) -> list[list[str]]:
    """Expand a bs4 ``<table>`` into a rectangular grid; spanned slots are ``""``."""
    grid: dict[tuple[int, int], str] = {}
    n_rows = 0
    width = 0
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]  # type: ignore[attr-defined]
    for r, tr in enumerate(rows):
        n_rows = max(n_rows, r + 1)
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, col) in grid:
                col += 1
            try:
                colspan = max(1, int(cell.get("colspan", 1)))
                rowspan = max(1, int(cell.get("rowspan", 1)))
            except ValueError:
                colspan = rowspan = 1
            text = clean_cell(cell.get_text(" ", strip=True))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, col + dc)] = text if dr == 0 and dc == 0 else ""
            n_rows = max(n_rows, r + rowspan)
            col += colspan
            width = max(width, col)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(n_rows)]


def _continues(line: str) -> bool:
    """A line that carries on the cell above: it starts with a lowercase word
    ("бойынша сальдо", "(профицитін пайдалану)")."""
    first = next((ch for ch in line if ch.isalpha()), "")
    return first.islower()


def rows_from_lines(lines: list[str]) -> list[Row | str]:
    """Group text lines into rows.

    A line with tabs is a row of its own. Otherwise cells stand on lines of their
    own: code tokens (1–3 digits) come before the row's name, its amount right
    after. Header words and other text are passed through as strings so the
    caller can switch between income and expense tables.
    """
    out: list[Row | str] = []
    codes: list[str] = []
    name: str | None = None

    def flush(amount: str | None) -> None:
        nonlocal codes, name
        if name is not None and (amount is not None or codes):
            out.append(Row(cells=[*codes, name, amount or ""]))
        elif name is not None:
            out.append(name)
        codes, name = [], None

    for raw in lines:
        last = out[-1] if out else None
        if isinstance(last, Row) and last.open and name is None and not codes:
            # a tab row whose name cell wrapped onto the next line(s): "4\tСборы за …
            # профессиональной" + "деятельности\t12 660"
            cells = [clean_cell(c) for c in raw.split("\t")]
            if cells[0] and any(ch.isalpha() for ch in cells[0]) and not is_header_text(raw):
                last.cells[-1] = f"{last.cells[-1]} {cells[0]}"
                last.cells.extend(cells[1:])
                last.open = not any(AMOUNT_LINE.match(c) for c in cells[1:])
                continue
            last.open = False
        if "\t" in raw:
            flush(None)
            cells = [clean_cell(c) for c in raw.split("\t")]
            row = Row(cells=cells)
            # open: the row ends in its name, its amount is still to come
            row.open = any(ch.isalpha() for ch in cells[-1]) and not is_header_text(cells[-1])
            out.append(row)
            continue
        line = raw.strip()
        if not line:
            continue
        if is_header_text(line):
            flush(None)
            out.append(line)
            continue
        if name is None:
            if CODE_TOKEN.match(line):
                codes.append(line)
            elif AMOUNT_LINE.match(line):
                codes = []  # a stray figure with no row: drop it
            else:
                name = line
            continue
        if AMOUNT_LINE.match(line):
            flush(line)
        elif any(ch.isalpha() for ch in line) and (codes or _continues(line)):
            name = f"{name} {line}"  # a wrapped name cell
        else:
            flush(None)
            name = line
    flush(None)
    return out
