"""Appendix tables → budget lines with full EBK codes.

Why a reader of its own: adilet prints a code one part per column (Санаты | Сыныбы |
Ішкі сыныбы), all parts in one cell, or — in plain-text copies — as loose tokens
before the row's name. A part alone ("8", "04", "124") means nothing without the
rows above it, so the reader keeps the last receipt and expenditure codes and asks
``bot.codes`` for the child each cell makes. Financing categories 5–8 are never
read as functional groups 05–08: in the lending, financial-assets and financing
sections a one-digit part whose category belongs to that section is the category.

Every row is counted: ``rows_read`` against the lines emitted, and a row that cannot
be placed is a problem with its text, never dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rapidfuzz import fuzz

from bot import codes
from bot.classifier import Classifier, Entry
from bot.codes import EXPENDITURE, RECEIPT, Code
from bot.ingest.clean.points import TOP_KEYS, subitem_key, summary_key
from bot.ingest.fold import skeleton_phrase
from bot.ingest.numbers import Amount, read_cell
from bot.ingest.tables import (
    Layout,
    Row,
    header_mode,
    is_header_text,
    layout_from_header,
    rows_from_lines,
)
from bot.ingest.vocab import Vocabulary
from bot.model import Budget, Line, Problem

KEY_SECTION = {
    "income_total": "income",
    "expense_total": "expense",
    "net_lending": "net_lending",
    "fin_assets_saldo": "fin_assets",
    "financing": "financing",
}
FULL_CODE = re.compile(r"\d{1,3}(?:[ .]+\d{1,3})+")
FINANCING_SECTIONS = frozenset({"net_lending", "fin_assets", "financing"})

Item = str | Row
MakeLine = Callable[[str, Decimal, str, str, str, str], Line]


@dataclass
class _State:
    """Where the reader is: table kind, header, the last codes, the current section."""

    mode: str = "income"  # which code kind loose parts continue: income | expense
    layout: Layout | None = None
    header_rows: list[list[str]] = field(default_factory=list)
    receipt: Code | None = None
    expenditure: Code | None = None
    section: str | None = None

    def last(self, kind: str) -> Code | None:
        return self.receipt if kind == RECEIPT else self.expenditure

    def set(self, code: Code) -> str:
        if code.kind == RECEIPT:
            self.receipt, self.mode = code, "income"
        else:
            self.expenditure, self.mode = code, "expense"
        return str(code)


@dataclass
class AppendixReader:
    """Reads the rows of one appendix into a budget (see the module docstring)."""

    cls: Classifier
    vocab: Vocabulary
    make_line: MakeLine
    problems: list[Problem]
    rows_read: int = 0
    rows_stored: int = 0

    def read(
        self,
        rows: list[Item],
        budget: Budget,
        source: str,
        budget_for: Callable[[int], Budget] | None = None,
    ) -> None:
        """Read an appendix's rows (from ``group_rows``) into ``budget``; a table with one
        amount column per year ("Сумма на 2025 год | … 2026 … | … 2027 …") fills
        ``budget_for(year)`` too."""
        state = _State()
        for i, row in enumerate(rows):
            if isinstance(row, str):
                if is_header_text(row):
                    mode = header_mode([row])
                    if mode:
                        state.mode, state.layout = mode, None
                continue
            layout = state.layout
            if layout and layout.years and budget_for and len(row.cells) == layout.width:
                self._row_per_year(row, rows[i + 1 :], state, budget_for, source)
            else:
                self._row(row, rows[i + 1 :], state, budget, source)

    def _row_per_year(
        self,
        row: Row,
        after: list[Item],
        state: _State,
        budget_for: Callable[[int], Budget],
        source: str,
    ) -> None:
        """One row of a several-years table: the same codes, one amount per year. Each year
        is read from the same state so that loose code parts are placed once."""
        assert state.layout is not None
        years = state.layout.years
        before = replace(state)
        after_first: _State | None = None
        for col, year in years.items():
            cells = [c if i not in years or i == col else "" for i, c in enumerate(row.cells)]
            if after_first is not None:
                state.receipt, state.expenditure = before.receipt, before.expenditure
                state.mode, state.section = before.mode, before.section
            self._row(Row(cells, row.positional), after, state, budget_for(year), source)
            if after_first is None:
                after_first = replace(state)
        if after_first is not None:
            state.receipt, state.expenditure = after_first.receipt, after_first.expenditure
            state.mode, state.section = after_first.mode, after_first.section

    # ------------------------------------------------------------ one row
    def _problem(self, budget: Budget, code: str, message: str, source: str) -> None:
        self.problems.append(Problem(budget.entity, budget.year, code, message, source))

    def _row(self, row: Row, after: list[Item], state: _State, budget: Budget, source: str) -> None:
        cells = row.cells
        has_amount = any(
            read_cell(c) is not None and not any(ch.isalpha() for ch in c) for c in cells
        )
        texts = [c for c in cells if c]
        if (texts and all(is_header_text(c) for c in texts)) or (
            not has_amount
            and header_mode(cells) is not None
            and any(is_header_text(c) for c in cells)
        ):
            state.header_rows.append(cells)
            layout = layout_from_header(state.header_rows)
            if layout:
                state.layout, state.mode = layout, layout.mode
            return
        state.header_rows = []
        if not texts:
            return
        if all(re.fullmatch(r"\d{1,2}", c) for c in texts):
            return  # the numbered column heads "1 2 3 4 5 6"
        self.rows_read += 1
        name_idx = next((i for i, c in enumerate(cells) if any(ch.isalpha() for ch in c)), None)
        if name_idx is None:
            self._problem(budget, "", f"{source}: row {texts} has no name; left out", source)
            return
        name = cells[name_idx]
        amount_cell = next(
            (c for c in reversed(cells[name_idx + 1 :]) if read_cell(c) is not None), ""
        )
        amount = read_cell(amount_cell) if amount_cell else None
        layout = state.layout
        parts: list[tuple[int | None, str]]
        positional = (
            layout is not None
            and layout.code_columns()
            and len(cells) == layout.width
            and layout.roles.get("name") == name_idx
        )
        if positional:
            assert layout is not None
            parts = [(lvl, cells[col]) for col, lvl in layout.code_columns() if cells[col]]
            mode: str | None = layout.mode
        else:
            parts = [(None, c) for c in cells[:name_idx] if c]
            mode = None
        if len(parts) == 1 and FULL_CODE.fullmatch(parts[0][1]):
            # all parts in one cell ("1 03 1", "01.1.112.001"): the whole code, from its top
            self._full_code(parts[0][1], name, amount, state, budget, source)
            return
        if not parts:
            self._codeless(name, amount, state, budget, source)
            return
        if any(not codes.is_code_cell(tok) for _, tok in parts):
            self._problem(
                budget,
                "",
                f"{source}: garbled code cells {[t for _, t in parts]} in row '{name}'",
                source,
            )
            if amount is not None:
                self._by_text(name, amount.value, amount.printed, state, budget, source)
            return
        try:
            code = self._place(parts, mode, name, after, state)
        except ValueError:
            self._problem(
                budget,
                "",
                f"{source}: code cells {[t for _, t in parts]} of row '{name}' "
                "do not form a budget code; left out",
                source,
            )
            return
        if amount is None:
            self._problem(budget, code, f"{source}: row '{name}' has no amount; left out", source)
            return
        self._emit(code, amount.value, amount.printed, name, state, budget, source)

    def _full_code(
        self,
        cell: str,
        name: str,
        amount: Amount | None,
        state: _State,
        budget: Budget,
        source: str,
    ) -> None:
        first, *rest = re.split(r"[ .]+", cell.strip())
        kind = RECEIPT if len(first) == 1 else EXPENDITURE
        try:
            code = codes.top(kind, first)
            for part in rest:
                code = code.child(part)
        except ValueError:
            self._problem(
                budget,
                "",
                f"{source}: code cell '{cell}' of row '{name}' is not a budget code; left out",
                source,
            )
            return
        if amount is None:
            self._problem(budget, str(code), f"{source}: row '{name}' has no amount", source)
            return
        self._emit(state.set(code), amount.value, amount.printed, name, state, budget, source)

    def _codeless(
        self, name: str, amount: Amount | None, state: _State, budget: Budget, source: str
    ) -> None:
        key = summary_key(name, self.vocab)
        if key in TOP_KEYS:
            if amount is None:
                self._problem(budget, key, f"{source}: row '{name}' has no amount", source)
                return
            state.section = KEY_SECTION.get(key, state.section)
            state.receipt = state.expenditure = None
            if key == "expense_total":
                state.mode = "expense"
            elif key == "income_total":
                state.mode = "income"
            budget.lines.append(
                self.make_line(key, amount.value, "summary", source, amount.printed, name)
            )
            self.rows_stored += 1
            return
        if subitem_key(name, self.vocab) is not None:
            self.rows_read -= 1  # a structural sub-row: its figure is its code rows' sum
            return
        if amount is None:
            self.rows_read -= 1  # a heading or a note between rows
            return
        self._by_text(name, amount.value, amount.printed, state, budget, source)

    def _emit(
        self,
        code: str,
        value: Decimal,
        printed: str,
        name: str,
        state: _State,
        budget: Budget,
        source: str,
    ) -> None:
        entry = self.cls.entry_for_line(code)
        parsed = codes.parse(code)
        section = parsed.section if parsed else "expense"
        if state.section in FINANCING_SECTIONS:
            section = state.section
        if entry is None:
            self._problem(
                budget,
                code,
                f"{source}: code {code} ('{name}') is not in the classifier; "
                "stored with its printed name",
                source,
            )
        elif max(self._score(name, entry), 0) < 60:
            self._problem(
                budget,
                code,
                f"{source}: row '{name}' does not read like classifier entry {code}",
                source,
            )
        if any(ln.code == code and ln.source == source for ln in budget.lines):
            self._problem(
                budget,
                code,
                f"{source}: code {code} printed twice ('{name}', {printed}); "
                "the second is left out",
                source,
            )
            return
        budget.lines.append(self.make_line(code, value, section, source, printed, name))
        self.rows_stored += 1

    # ------------------------------------------------------------ code placement
    def _score(self, name: str, entry: Entry | None) -> float:
        if entry is None:
            return -1.0
        a = skeleton_phrase(name)
        return max(
            fuzz.ratio(a, skeleton_phrase(entry.name_kk)),
            fuzz.ratio(a, skeleton_phrase(entry.name_ru)),
        )

    def _candidates(self, tok: str, state: _State) -> list[Code]:
        """Readings of one loose code part given the rows above it."""
        rec, exp = state.receipt, state.expenditure
        out: list[Code] = []
        if len(tok) == 1:
            out.append(codes.top(RECEIPT, tok))
            if rec is not None and rec.level >= 1:
                out.append(rec.at_level(2, tok))
            if exp is not None:
                out.append(exp.at_level(1, tok))
            else:
                out.append(codes.top(EXPENDITURE, tok))
        elif len(tok) == 2:
            if rec is not None:
                out.append(rec.at_level(1, tok))
            out.append(codes.top(EXPENDITURE, tok))
        else:
            if exp is not None and exp.level >= 1:
                out.append(exp.at_level(2, tok))
            if exp is not None and exp.level >= 2:
                out.append(exp.at_level(3, tok))
        return out

    def _plausibility(
        self, cand: Code, tok: str, name: str, after: list[Item], state: _State
    ) -> float:
        score = 0.0
        entry = self.cls.entry_for_line(str(cand))
        if entry is not None:
            score += 3 + max(0.0, self._score(name, entry) - 60) / 4
        mode = "income" if cand.kind == RECEIPT else "expense"
        if mode == state.mode:
            score += 2
        nxt = next((r for r in after if isinstance(r, Row)), None)
        nxt_tok = next((c for c in (nxt.cells if nxt else []) if c), "")
        if cand.kind == RECEIPT and cand.level == 0:
            if codes.is_code_cell(nxt_tok) and len(nxt_tok) == 2:
                score += 3
            if state.section and cand.section == state.section:
                score += 2
                if state.section in FINANCING_SECTIONS:
                    score += 6  # category 8 in the financing section, never group 08
        if cand.kind == RECEIPT and cand.level == 2:
            score += 1
        if cand.kind == EXPENDITURE and cand.level == 0:
            if state.section == "income":
                score -= 4
            if tok.startswith("0") or int(tok) >= 10:
                score += 1
            if state.section in FINANCING_SECTIONS and int(tok) >= 10:
                score += 3
        if cand.kind == RECEIPT and cand.level == 1 and not tok.startswith("0"):
            score -= 3
        if cand.kind == EXPENDITURE and cand.level in (2, 3):
            low = name.lower().strip()
            looks_admin = bool(
                re.search(r"(аппараты|бөлімі|басқармасы)$", low)
                or re.match(r"(аппарат|отдел|управлени)", low)
            )
            score += 2 if (cand.level == 2) == looks_admin else 0
        return score

    def _place(
        self,
        parts: list[tuple[int | None, str]],
        mode: str | None,
        name: str,
        after: list[Item],
        state: _State,
    ) -> str:
        """Put the row's code parts on the last code; return the row's full code."""
        first = parts[0][1]
        financing_category = (
            state.section in FINANCING_SECTIONS
            and len(first) == 1
            and codes.CATEGORY_SECTION.get(first) == state.section
        )
        # A financing category printed in an expenditure grid, and the classes under it,
        # are placed by their parts, not by the grid's columns.
        receipt_in_grid = (
            mode == "expense"
            and state.section in FINANCING_SECTIONS
            and (financing_category or (state.mode == "income" and parts[0][0] != 0))
        )
        if mode is not None and not receipt_in_grid and all(lvl is not None for lvl, _ in parts):
            kind = RECEIPT if mode == "income" else EXPENDITURE
            code = state.last(kind)
            for lvl, tok in parts:
                assert lvl is not None
                code = codes.top(kind, tok) if lvl == 0 or code is None else code.at_level(lvl, tok)
            assert code is not None
            return state.set(code)
        cands = self._candidates(first, state) or [codes.top(EXPENDITURE, first)]
        code = max(cands, key=lambda c: self._plausibility(c, first, name, after, state))
        for _, tok in parts[1:]:
            code = code.child(tok)
        return state.set(code)

    def _by_text(
        self, name: str, value: Decimal, printed: str, state: _State, budget: Budget, source: str
    ) -> None:
        """A row whose code cells are empty or garbled: its code from its name and place."""
        kinds = (
            ("category", "class", "subclass")
            if state.mode == "income"
            else ("group", "subfunction", "admin", "programme")
        )
        scored: list[tuple[float, Code, Entry]] = []
        for entry in self.cls.of_kind(*kinds):
            code = self._code_for(entry, state)
            if code is not None:
                scored.append((self._score(name, entry), code, entry))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < 75:
            self._problem(
                budget,
                "",
                f"{source}: row '{name}' ({printed}) has no code and matches no "
                "classifier entry in its place; left out",
                source,
            )
            return
        best_score, code, entry = scored[0]
        runner = next((s for s in scored[1:] if s[1] != code), None)
        if best_score < 90 or (runner and best_score - runner[0] < 5):
            self._problem(
                budget,
                str(code),
                f"{source}: code of row '{name}' inferred from its text "
                f"({entry.code}, similarity {best_score:.0f}); please check",
                source,
            )
        self._emit(state.set(code), value, printed, name, state, budget, source)

    @staticmethod
    def _code_for(entry: Entry, state: _State) -> Code | None:
        """The line code ``entry`` would have here, or None if the hierarchy forbids it."""
        rec, exp = state.receipt, state.expenditure
        if entry.kind in {"admin", "programme"}:
            parts = entry.code.split(".")
            if entry.kind == "admin":
                return exp.at_level(2, parts[0]) if exp is not None and exp.level >= 1 else None
            if exp is not None and exp.level >= 2 and exp.parts[2] == parts[0]:
                return exp.at_level(3, parts[1])
            return None
        code = codes.parse(entry.code)
        if code is None or code.level == 0:
            return code
        last = rec if code.kind == RECEIPT else exp
        if last is None or last.parts[: code.level] != code.parts[: code.level]:
            return None
        return code


def group_rows(region: list[Item]) -> list[Item]:
    """Region items → rows; text lines are grouped, HTML rows pass through."""
    out: list[Item] = []
    pending: list[str] = []
    for item in region:
        if isinstance(item, str):
            pending.append(item)
            continue
        out.extend(rows_from_lines(pending))
        pending = []
        out.append(item)
    out.extend(rows_from_lines(pending))
    return out
