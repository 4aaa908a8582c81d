"""The parse result: plain dataclasses shared by ingest, store and answer.

Amounts are ``Decimal`` in thousand tenge exactly as printed (``366814.4``);
the store keeps them as integer tenge so that nothing ever becomes a float.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

# Point-1 summary keys, in the order a decision lists them.
SUMMARY_KEYS: tuple[str, ...] = (
    "income_total",
    "tax",
    "non_tax",
    "capital",
    "transfers",
    "expense_total",
    "net_lending",
    "fin_assets_saldo",
    "deficit",
    "financing",
)

# The numbered rows 1) … 6) of point 1 and of each appendix.
NUMBERED_KEYS: tuple[str, ...] = (
    "income_total",
    "expense_total",
    "net_lending",
    "fin_assets_saldo",
    "deficit",
    "financing",
)

# Sections of an appendix line.
SECTIONS: tuple[str, ...] = (
    "summary",
    "income",
    "expense",
    "net_lending",
    "fin_assets",
    "financing",
)


@dataclass(frozen=True, order=True)
class Edition:
    """A decision as a citation: its number and date (typed, never re-parsed from text)."""

    date: date | None
    number: str

    def __str__(self) -> str:
        """Language-neutral reference: ``No 28-7 of 2022-12-29``."""
        return f"No {self.number} of {self.date.isoformat()}" if self.date else f"No {self.number}"


@dataclass
class Amendment:
    """A decision that changed the text this document is given in."""

    issuer: str
    number: str
    date: date
    scope: str = ""  # e.g. "point 1, appendix 1"


@dataclass
class Document:
    """Metadata of one source decision."""

    doc_id: str  # sha256 of the source bytes, 16 hex digits
    path: str
    lang: str  # kk | ru
    issuer: str
    number: str
    date: date | None
    title: str
    kind: str = "base"  # base | amendment
    amends: Edition | None = None  # the decision an amending decision changes
    amendments: list[Amendment] = field(default_factory=list)
    issuer_names: dict[str, str] = field(default_factory=dict)  # kk/ru/en, filled by the pipeline


@dataclass
class Line:
    """One budget line: an EBK code path (or a summary key) and its amount."""

    code: str
    amount: Decimal | None
    section: str
    source: str  # "point 1" | "appendix 1" ...
    printed: str = ""  # the amount as printed ("" when the cell was lost)
    name_printed: str = ""  # the row's own text as printed
    name_kk: str = ""
    name_ru: str = ""
    name_en: str = ""
    repaired: bool = False


@dataclass
class Budget:
    """One entity's budget for one year, as one document gives it."""

    entity: str  # nominative, in the document's language; the pipeline makes it the key
    entity_kind: str  # see bot.ingest.vocab.KINDS
    year: int
    doc_id: str
    edition: Edition | None = None  # the amending decision whose text is in force
    parent: str = ""  # the parent entity (district of a village, region of a district)
    # (name, kind) of the parent, grandparent, … as the document names them; the
    # pipeline turns ``parent`` into the parent's entity key and registers each one
    lineage: tuple[tuple[str, str], ...] = ()
    appendix: str = ""  # "appendix 1"
    lines: list[Line] = field(default_factory=list)

    def get(self, code: str) -> Line | None:
        return next((ln for ln in self.lines if ln.code == code), None)


@dataclass
class Repair:
    """A damaged figure replaced by the only value the document's sums allow."""

    entity: str
    year: int
    code: str
    printed: str  # "" when the cell was lost and the sums filled it in
    value: Decimal
    constraint: str
    source: str = ""  # "point 1" | "appendix 2"


@dataclass
class Problem:
    """Something that could not be reconciled; stored as printed and reported."""

    entity: str
    year: int | None
    code: str
    message: str
    source: str = ""


@dataclass
class Replacement:
    """A figure an amending decision replaces ("цифры «A» заменить цифрами «B»"): applied
    only over the amended decision in the store, where the old figure says which line."""

    budget: Budget  # whose budget (lines filled when applied)
    key: str  # the summary key the wording names, or "" when only the old figure can tell
    old: Decimal
    new: Decimal
    printed: str  # the new figure as printed
    source: str  # "point 1"
    text: str  # the line that says it


@dataclass
class ParseResult:
    documents: list[Document] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # entity key -> {"kind", "name_kk", "name_ru", "name_en", "parent"}, filled by the pipeline
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    # appendix rows read against appendix lines stored (clean texts): nothing lost unseen
    rows: dict[str, int] = field(default_factory=dict)
    # figures replaced in a base text, to be applied over that text in the store
    replacements: list[Replacement] = field(default_factory=list)

    def rekey(self, old: str, new: str) -> None:
        """Give entity ``old`` the key ``new`` everywhere in this result."""
        if old in self.entities:
            self.entities[new] = self.entities.pop(old)
        for entry in self.entities.values():
            if entry.get("parent") == old:
                entry["parent"] = new
        for budget in self.budgets:
            budget.entity = new if budget.entity == old else budget.entity
            budget.parent = new if budget.parent == old else budget.parent
        for item in (*self.problems, *self.repairs):
            item.entity = new if item.entity == old else item.entity

    def to_json(self) -> dict[str, Any]:
        """The ``budget-bot parse --json`` contract."""

        def num(value: Decimal | None) -> Any:
            if value is None:
                return None
            return int(value) if value == value.to_integral_value() else float(value)

        def clean(obj: Any) -> Any:
            if isinstance(obj, Decimal):
                return num(obj)
            if isinstance(obj, date):
                return obj.isoformat()
            if isinstance(obj, dict):
                return {k: clean(v) for k, v in obj.items()}
            if isinstance(obj, list):
                return [clean(v) for v in obj]
            return obj

        budgets = []
        for b in self.budgets:
            budgets.append(
                {
                    "entity": b.entity,
                    "entity_kind": b.entity_kind,
                    "year": b.year,
                    "doc_id": b.doc_id,
                    "edition": str(b.edition) if b.edition else "",
                    "parent": b.parent,
                    "appendix": b.appendix,
                    "lines": [
                        {
                            "code": ln.code,
                            "name_kk": ln.name_kk,
                            "name_ru": ln.name_ru,
                            "name_en": ln.name_en,
                            "amount": num(ln.amount),
                            "section": ln.section,
                            "source": ln.source,
                            "printed": ln.printed,
                            "repaired": ln.repaired,
                        }
                        for ln in b.lines
                    ],
                }
            )
        documents = []
        for d in self.documents:
            doc = clean(asdict(d))
            doc["amends"] = str(d.amends) if d.amends else ""
            documents.append(doc)
        return {
            "documents": documents,
            "budgets": budgets,
            "repairs": [clean(asdict(r)) for r in self.repairs],
            "problems": [clean(asdict(p)) for p in self.problems],
            "entities": self.entities,
            "rows": self.rows,
            "replacements": [
                {
                    "entity": r.budget.entity,
                    "year": r.budget.year,
                    "code": r.key,
                    "old": num(r.old),
                    "new": num(r.new),
                    "source": r.source,
                }
                for r in self.replacements
            ],
        }


class UnusableDocument(Exception):
    """A file that holds no budget we can use; the message is one line for the user."""
