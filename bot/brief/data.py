"""What a brief says, gathered from the store through the answer engine's reads.

Officials put the brief in front of a meeting, so every figure on it is a line in
force of the store (``Decimal`` thousand tenge, never recomputed or rounded) and
every table knows the decisions its lines come from. Nothing here lays anything
out: :mod:`bot.brief.pdf` draws what :func:`gather` returns, and tests compare the
same figures with the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bot.answer.budgets import Line, YearBudget
from bot.answer.cite import cite
from bot.answer.engine import Engine
from bot.codes import depth

TOP_PROGRAMMES = 6  # a rural district has a handful; a district's page stays one page
MOVED_LINES = 5
# Point-1 keys shown under the income and spending groups, in a decision's order.
BALANCE_KEYS = ("net_lending", "fin_assets_saldo", "deficit", "financing")


@dataclass(frozen=True)
class Row:
    """One figure of the brief: a line in force, named in the brief's language."""

    code: str
    name: str
    amount: Decimal  # thousand tenge, exactly as stored
    level: int = 0  # 0 = a total, 1 = a part of it


@dataclass(frozen=True)
class Change:
    """A line in two consecutive years (absent in one of them = 0)."""

    code: str
    name: str
    old: Decimal
    new: Decimal

    @property
    def diff(self) -> Decimal:
        return self.new - self.old


@dataclass(frozen=True)
class Decision:
    """The decision a budget comes from, or an amendment of it."""

    number: str
    date: str  # ISO
    issuer: str
    scope: str = ""  # the parts an amendment restated ("point 1, appendix 1")
    in_force: bool = False  # this amendment gives the edition in force


@dataclass
class Table:
    """A titled group of rows and the decisions (cited) its rows come from."""

    key: str  # headline | programmes | change
    rows: list[Row] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Brief:
    entity: str
    entity_name: str
    kind: str
    year: int
    lang: str
    headline: Table
    programmes: Table
    groups: list[Row]  # spending by group: the chart
    previous_year: int | None = None
    changes: list[Change] = field(default_factory=list)  # totals, then the lines that moved most
    moved: list[Change] = field(default_factory=list)
    change_sources: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    def figures(self) -> list[Decimal]:
        """Every amount the brief prints (tests check each against the store)."""
        out = [r.amount for r in self.headline.rows + self.programmes.rows]
        for c in self.changes + self.moved:
            out += [c.old, c.new, c.diff]
        return out


class NoBudget(LookupError):
    """The store has no budget for that place and year; the message says what it has."""


def _sources(engine: Engine, lines: list[Line], lang: str) -> list[str]:
    out: list[str] = []
    for line in lines:
        doc = engine.documents.get(line.doc_id)
        if doc is None:
            continue
        text = cite(doc, engine.budgets.get(line.budget_id), line.source, lang)
        if text not in out:
            out.append(text)
    return out


def _row(engine: Engine, line: Line, lang: str, level: int = 0) -> Row:
    name = engine.store.line_name(line.code, lang, line.name_printed)
    return Row(line.code, name, line.amount, level)


def _first(yb: YearBudget, *codes: str) -> Line | None:
    """The first of ``codes`` the budget has (an appendix total before its point-1 copy)."""
    for code in codes:
        if code in yb.by_code:
            return yb.by_code[code]
    return None


def _headline(engine: Engine, yb: YearBudget, lang: str) -> Table:
    lines: list[tuple[Line, int]] = []
    income = _first(yb, "income_total")
    if income:
        lines.append((income, 0))
    categories = [ln for ln in yb.lines if ln.section == "income" and depth(ln.code) == 1]
    if not categories:  # a budget given by point 1 only names its categories by summary key
        categories = [
            yb.by_code[k] for k in ("tax", "non_tax", "capital", "transfers") if k in yb.by_code
        ]
    lines += [(ln, 1) for ln in categories]
    expense = _first(yb, "expense_total")
    if expense:
        lines.append((expense, 0))
    lines += [(ln, 1) for ln in _groups(yb)]
    lines += [(yb.by_code[k], 0) for k in BALANCE_KEYS if k in yb.by_code]
    return Table(
        "headline",
        [_row(engine, ln, lang, level) for ln, level in lines],
        _sources(engine, [ln for ln, _ in lines], lang),
    )


def _groups(yb: YearBudget) -> list[Line]:
    return [ln for ln in yb.lines if ln.section == "expense" and depth(ln.code) == 1]


def _programmes(yb: YearBudget) -> list[Line]:
    """Spending programmes (``group.sub.admin.prog``), largest first, ties in document order."""
    progs = [ln for ln in yb.lines if ln.section == "expense" and depth(ln.code) == 4]
    return sorted(progs, key=lambda ln: -ln.amount)


def _changes(
    engine: Engine, old: YearBudget, new: YearBudget, lang: str
) -> tuple[list[Change], list[Change], list[Line]]:
    totals: list[Change] = []
    used: list[Line] = []
    for key in ("income_total", "expense_total", "deficit"):
        a, b = old.by_code.get(key), new.by_code.get(key)
        if a is None or b is None:
            continue
        used += [a, b]
        totals.append(Change(key, engine.store.line_name(key, lang), a.amount, b.amount))
    before = {ln.code: ln for ln in _programmes(old)}
    after = {ln.code: ln for ln in _programmes(new)}
    moved: list[Change] = []
    for code in list(after) + [c for c in before if c not in after]:
        a, b = before.get(code), after.get(code)
        line = b or a
        assert line is not None
        change = Change(
            code,
            engine.store.line_name(code, lang, line.name_printed),
            a.amount if a else Decimal(0),
            b.amount if b else Decimal(0),
        )
        if change.diff:
            moved.append(change)
            used += [x for x in (a, b) if x is not None]
    moved.sort(key=lambda c: -abs(c.diff))
    return totals, moved[:MOVED_LINES], used


def _decisions(engine: Engine, lines: list[Line], lang: str) -> list[Decision]:
    out: list[Decision] = []
    for doc_id in dict.fromkeys(ln.doc_id for ln in lines):
        doc = engine.documents.get(doc_id)
        if doc is None:
            continue
        issuer = str(doc.get(f"issuer_{lang}") or doc.get("issuer") or "")
        editions = {
            str(engine.budgets[ln.budget_id].get("edition") or "")
            for ln in lines
            if ln.doc_id == doc_id and ln.budget_id in engine.budgets
        }
        out.append(Decision(str(doc.get("number") or ""), str(doc.get("date") or ""), issuer))
        for a in doc.get("amendments") or []:
            if not isinstance(a, dict):
                continue
            out.append(
                Decision(
                    str(a.get("number") or ""),
                    str(a.get("date") or ""),
                    str(a.get("issuer") or issuer) if lang == doc.get("lang") else issuer,
                    str(a.get("scope") or ""),
                    str(a.get("number") or "") in editions,
                )
            )
    return out


def resolve_entity(engine: Engine, text: str | None) -> str | None:
    """An entity key from any of its names (any language, any case, a part of it)."""
    if not text:
        return engine.default_entity
    wanted = text.strip().casefold()
    names: dict[str, list[str]] = {
        key: [key, *(str(row.get(f"name_{x}") or "") for x in ("kk", "ru", "en"))]
        for key, row in engine.store.entities.items()
    }
    for key, all_names in names.items():
        if any(n.casefold() == wanted for n in all_names if n):
            return key
    for key, all_names in names.items():
        if any(wanted in n.casefold() for n in all_names if n):
            return key
    return None


def gather(engine: Engine, entity: str | None, year: int | None, lang: str) -> Brief:
    """The brief of ``entity``'s budget for ``year`` (the latest year when None)."""
    key = resolve_entity(engine, entity)
    years = engine.available_years(key) if key in engine.years else []
    if key is None or not years:
        raise NoBudget(entity or "")
    if year is None:
        year = years[-1]
    if year not in years:
        raise NoBudget(f"{entity or key} {year}")
    yb = engine.store.year_budget(key, year)
    headline = _headline(engine, yb, lang)
    progs = _programmes(yb)[:TOP_PROGRAMMES]
    programmes = Table(
        "programmes",
        [_row(engine, ln, lang) for ln in progs],
        _sources(engine, progs, lang),
    )
    row = engine.store.entities.get(key, {})
    brief = Brief(
        entity=key,
        entity_name=engine.entity_name(key, lang),
        kind=str(row.get("kind") or ""),
        year=year,
        lang=lang,
        headline=headline,
        programmes=programmes,
        groups=[_row(engine, ln, lang) for ln in sorted(_groups(yb), key=lambda x: -x.amount)],
        decisions=_decisions(engine, yb.lines, lang),
    )
    if year - 1 in years:
        old = engine.store.year_budget(key, year - 1)
        brief.previous_year = year - 1
        brief.changes, brief.moved, used = _changes(engine, old, yb, lang)
        brief.change_sources = _sources(engine, used, lang)
    return brief
