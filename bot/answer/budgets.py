"""A read view of the store for the answer engine: budgets, years and lines in force.

The small tables (documents, entities, budgets, years) are read once; one entity's lines for
one year are fetched through an index and kept in a bounded cache, so one view answers many
questions cheaply. Nothing here formats text — that is :mod:`bot.answer.compose`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from bot.answer.lexicon import ANSWER_DATA, LANGS, load_text_yaml
from bot.bytecache import ByteLRU, text_bytes
from bot.classifier import Classifier
from bot.codes import depth
from bot.store import queries
from bot.store.schema import open_db

INCOME_PARTS = ("tax", "non_tax", "capital", "transfers")
# Point-1 income keys and the EBK categories that carry the same figure in an appendix; the
# appendix line is preferred because it exists for every year, the point-1 line for some.
CATEGORY_OF = {"tax": "1", "non_tax": "2", "capital": "3", "transfers": "4"}
SUMMARY_OF = {v: k for k, v in CATEGORY_OF.items()}
TOTALS = frozenset({"income_total", "expense_total"})  # umbrella topics: any narrower one wins
CACHE_BYTES = 64 * 1024 * 1024  # the lines cache, weighed per budget (bot.bytecache)
Row = dict[str, object]


@dataclass(frozen=True)
class Line:
    code: str
    section: str
    source: str
    amount: Decimal  # thousand tenge
    budget_id: str
    doc_id: str
    name_printed: str


@dataclass
class YearBudget:
    """One entity's lines in force for one year, indexed by code and by classifier entry."""

    entity: str
    year: int
    lines: list[Line] = field(default_factory=list)
    by_code: dict[str, Line] = field(default_factory=dict)
    by_entry: dict[str, list[Line]] = field(default_factory=dict)


@cache
def short_names(path: Path = ANSWER_DATA / "short_names.yaml") -> dict[str, dict[str, str]]:
    """Short names by classifier code and language (checked: three languages, text)."""
    data = load_text_yaml(path.read_text(encoding="utf-8")) if path.exists() else None
    out: dict[str, dict[str, str]] = {}
    for code, names in (data if isinstance(data, dict) else {}).items():
        if not isinstance(names, dict) or set(names) != set(LANGS):
            raise ValueError(f"{path.name}: {code} needs exactly {', '.join(LANGS)}")
        out[str(code)] = {str(k): str(v) for k, v in names.items()}
    return out


def _budget_bytes(yb: YearBudget) -> int:
    """A year's budget in memory: ~560 bytes of objects per line (Line, Decimal, dict and
    list slots) plus its strings; on the seed store this is 10 % above what tracemalloc
    measures (126 KB estimated, 114 KB measured for 132 lines)."""
    return 600 + sum(
        560 + text_bytes(ln.code, ln.source, ln.name_printed, ln.budget_id, ln.doc_id)
        for ln in yb.lines
    )


class Budgets:
    """What the store holds, read-only."""

    def __init__(
        self, db_path: str | Path, classifier: Classifier, default_entity: str | None = None
    ) -> None:
        self.db = open_db(db_path, readonly=True)
        self.classifier = classifier
        self.documents: dict[str, Row] = queries.documents(self.db)
        self.entities: dict[str, Row] = queries.entities(self.db)
        self.budgets: dict[str, Row] = {b["budget_id"]: b for b in queries.budgets(self.db)}
        self.years: dict[str, list[int]] = (
            queries.years_with_lines(self.db) if queries.has_table(self.db, "lines") else {}
        )
        for entity in self.years:
            self.entities.setdefault(entity, {"entity": entity})
        self.default_entity = default_entity or (
            max(sorted(self.years), key=lambda e: len(self.years[e])) if self.years else None
        )
        # bounded in bytes: "the budget cache can grow to ~210 MB" when counted in entries
        self._cache: ByteLRU[YearBudget] = ByteLRU(CACHE_BYTES, _budget_bytes)
        self._entries: dict[str, frozenset[str]] = {}

    def entity_names(self) -> dict[str, list[tuple[str, str]]]:
        """Every name a budget holder goes by: entity → [(lang, name)]."""
        names: dict[str, list[tuple[str, str]]] = {}
        for key, row in self.entities.items():
            if key not in self.years:
                continue  # a parent the store knows by name only (a region, a district)
            names[key] = [(lang, str(row.get(f"name_{lang}") or "")) for lang in LANGS]
            names[key].append(("kk", key))
        return names

    def district_names(self) -> dict[str, list[tuple[str, str]]]:
        """The names of the district each holder lies in (its decision's issuer): the
        district's name picks its rural districts too."""
        names: dict[str, list[tuple[str, str]]] = {}
        for key, row in self.entities.items():  # the parent the decision names
            parent = self.entities.get(str(row.get("parent") or ""))
            if parent and key in self.years:
                for lang in LANGS:
                    name = str(parent.get(f"name_{lang}") or "")
                    if name and (lang, name) not in names.setdefault(key, []):
                        names[key].append((lang, name))
        for b in self.budgets.values():
            doc = self.documents.get(str(b.get("doc_id") or ""))
            entity = str(b.get("entity"))
            if doc and entity in self.entities:
                for lang in LANGS:
                    issuer = str(doc.get(f"issuer_{lang}") or "")
                    if issuer and (lang, issuer) not in names.setdefault(entity, []):
                        names[entity].append((lang, issuer))
        return names

    def year_budget(self, entity: str, year: int) -> YearBudget:
        key = (entity, year)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        yb = YearBudget(entity, year)
        for row in queries.lines(self.db, entity, year):
            line = Line(
                code=row["code"],
                section=row.get("section") or "",
                source=row.get("source") or "",
                amount=Decimal(int(row["amount_tenge"] or 0)) / 1000,
                budget_id=row.get("budget_id") or "",
                doc_id=row.get("doc_id") or "",
                name_printed=row.get("name_printed") or "",
            )
            yb.lines.append(line)
            yb.by_code.setdefault(line.code, line)
            entry = self.classifier.entry_for_line(line.code)
            if entry is not None:
                yb.by_entry.setdefault(entry.code, []).append(line)
        self._cache.put(key, yb)
        return yb

    def years_holding(self, entity: str, code: str) -> list[int]:
        """Years whose budget has lines for ``code`` (as :meth:`lines_for` finds them).

        One indexed query for the holder's (year, code) pairs instead of loading every
        year's budget: "a missing line loads all 16 years of a district to say where it
        appears"."""
        keys = {CATEGORY_OF[code], code} if code in CATEGORY_OF else {code, SUMMARY_OF.get(code)}
        have = set(self.available_years(entity))
        found = set()
        for year, line_code in queries.year_codes(self.db, entity):
            entry = self.classifier.entry_for_line(line_code)
            if year in have and entry is not None and entry.code in keys:
                found.add(year)
        return sorted(found)

    def entries_in_force(self, entity: str) -> frozenset[str]:
        """Classifier entries with a line in force in any year of ``entity`` (cached)."""
        found = self._entries.get(entity)
        if found is None:
            found = frozenset(
                entry.code
                for code in queries.codes_in_force(self.db, entity)
                if (entry := self.classifier.entry_for_line(code)) is not None
            )
            self._entries[entity] = found
        return found

    def present(self, entity: str) -> set[str]:
        """Codes in force in ``entity``'s budget, with their summaries and categories."""
        present = set(self.entries_in_force(entity))
        present |= {SUMMARY_OF[c] for c in present if c in SUMMARY_OF}
        present |= {CATEGORY_OF[c] for c in present if c in CATEGORY_OF}
        return present

    def line_name(self, code: str, lang: str, printed: str = "") -> str:
        entry = self.classifier.entry_for_line(code)
        return entry.name(lang) if entry else (printed or code)

    def entry_name(self, code: str, lang: str) -> str:
        entry = self.classifier.by_code.get(code)
        return entry.name(lang) if entry else code

    def short_name(self, code: str, lang: str) -> str:
        """The short name a citizen uses, or the official one when there is none."""
        entry = self.classifier.by_code.get(code) or self.classifier.entry_for_line(code)
        short = short_names().get(entry.code if entry else code, {}).get(lang)
        return short or (entry.name(lang) if entry else code)

    def headline(self, code: str, lang: str) -> str:
        """ "Дороги" above "Обеспечение функционирования автомобильных дорог…": the short
        name a citizen uses (``data/answer/short_names.yaml``) with the official one below,
        or the official name alone."""
        entry = self.classifier.by_code.get(code) or self.classifier.entry_for_line(code)
        official = entry.name(lang) if entry else code
        short = short_names().get(entry.code if entry else code, {}).get(lang)
        return f"{short}\n{official}" if short and short != official else official

    def lines_for(self, yb: YearBudget, code: str) -> list[Line]:
        """Lines a classifier entry names in one year's budget (category before point-1 key)."""
        if code in CATEGORY_OF:
            return yb.by_entry.get(CATEGORY_OF[code]) or yb.by_entry.get(code, [])
        return yb.by_entry.get(code) or yb.by_entry.get(SUMMARY_OF.get(code, ""), [])

    def line_codes(self, entity: str, code: str) -> set[str]:
        """The store codes an entry names in any year of ``entity``."""
        return {
            ln.code
            for y in self.available_years(entity)
            for ln in self.lines_for(self.year_budget(entity, y), code)
        }

    def entity_name(self, entity: str | None, lang: str, *, parent: bool = True) -> str:
        """The holder's name with its parent's: "Акжарский сельский округ (Жанибекский
        район)" — there are Акжар rural districts in several districts."""
        if not entity:
            return ""
        row = self.entities.get(entity, {})
        name = str(row.get(f"name_{lang}") or row.get("name_ru") or entity)
        up = str(row.get("parent") or "")
        if parent and up in self.entities and up != entity:
            return f"{name} ({self.entity_name(up, lang, parent=False)})"
        return name

    def holders(self) -> list[str]:
        """Budget holders the store has budgets for."""
        return sorted(self.years)

    def resolve(self, entity: str | None) -> str | None:
        """``entity`` when the store has its budget, else the default one."""
        return entity if entity in self.years else self.default_entity

    def available_years(self, entity: str | None = None) -> list[int]:
        entity = self.resolve(entity)
        return list(self.years.get(entity or "", []))

    def leaves(self, yb: YearBudget, section: str) -> list[Line]:
        """The most detailed lines of a section (programmes, income subclasses)."""
        codes = [ln.code for ln in yb.lines if ln.section == section]
        return [
            ln
            for ln in yb.lines
            if ln.section == section and not any(c.startswith(ln.code + ".") for c in codes)
        ]

    def children(self, yb: YearBudget, code: str) -> list[Line]:
        """Lines one level below ``code``; an administrator level is looked through."""
        if code == "income_total":
            return [ln for ln in yb.lines if ln.section == "income" and depth(ln.code) == 1]
        if code == "expense_total":
            return [ln for ln in yb.lines if ln.section == "expense" and depth(ln.code) == 1]
        code = CATEGORY_OF.get(code, code)
        out: list[Line] = []
        for ln in yb.lines:
            if ln.code.startswith(code + ".") and depth(ln.code) == depth(code) + 1:
                if ln.section == "expense" and depth(ln.code) == 3:
                    out.extend(self.children(yb, ln.code) or [ln])
                else:
                    out.append(ln)
        if len(out) == 1:  # a single child says nothing new: show what it consists of
            return self.children(yb, out[0].code) or out
        return out

    def has_parts(self, code: str, years: tuple[int, ...], entity: str) -> bool:
        """Whether the line ``code`` names is divided further in the year asked (or latest)."""
        have = self.available_years(entity)
        year = years[-1] if years else (have[-1] if have else None)
        if year is None or year not in have:
            return False
        yb = self.year_budget(entity, year)
        return any(self.children(yb, ln.code) for ln in self.lines_for(yb, code))
