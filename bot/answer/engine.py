"""The answer engine: a question in, an exact figure with its source out.

One question goes through four small steps, each in its own module:

1. :mod:`bot.answer.understand` reads it (language, years, cues, line, place);
2. :mod:`bot.answer.followup` fills in what a follow-up leaves out from the chat's context;
3. :mod:`bot.answer.route` decides what to answer — a :class:`~bot.answer.route.Plan`;
4. the intent's module in :mod:`bot.answer.intents` carries the plan out with the reply
   composer (:mod:`bot.answer.compose`) over a read view of the store
   (:mod:`bot.answer.budgets`).

:class:`Engine` is the typed public API the CLI and the bot use; nothing Telegram-specific.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from bot import DEFAULT_DB
from bot.answer import fmt
from bot.answer.budgets import Budgets
from bot.answer.cite import cite
from bot.answer.compose import Composer
from bot.answer.context import Context
from bot.answer.followup import follow, stands_alone
from bot.answer.glossary import Term
from bot.answer.glossary import load as load_glossary
from bot.answer.intents import REGISTRY
from bot.answer.intents import unknown as unknown_intent
from bot.answer.intents.catalog import build as build_catalog
from bot.answer.model import Reply
from bot.answer.route import DEFAULT_TOP, Plan, route
from bot.answer.understand import Reader, Reading
from bot.bytecache import ByteLRU, text_bytes
from bot.classifier import Classifier
from bot.classifier import default as default_classifier
from bot.codes import depth
from bot.langs import LANGS
from bot.store import queries

READINGS_BYTES = 8 * 1024 * 1024

ExportRow = dict[str, str | int | Decimal]
ChartSeries = dict[str, str | int | list[str] | list[Decimal]]


class Engine:
    """Answers questions about the budgets in one store."""

    def __init__(
        self,
        db_path: str | Path = DEFAULT_DB,
        classifier: Classifier | None = None,
        default_entity: str | None = None,
    ) -> None:
        self.classifier = classifier or default_classifier()
        self.store = Budgets(db_path, self.classifier, default_entity)
        self.db = self.store.db
        self._cache = self.store._cache  # the per-(entity, year) line cache (bench empties it)
        self.glossary: dict[str, Term] = load_glossary()
        self.figure_first = frozenset(k for k, t in self.glossary.items() if t.figure_first)
        self.reader = Reader(
            self.classifier,
            {
                k: {lang: list(t.terms.get(lang, ())) for lang in LANGS}
                for k, t in self.glossary.items()
            },
            self.store.entity_names(),
            self.store.district_names(),
        )
        self.composer = Composer(self.store, self.glossary, self.reader)
        # Reading a question is half of answering it and does not depend on the chat: "а в
        # 2025?" asked in a thousand conversations is read once (readings are not changed
        # after they are made; a follow-up gets a copy with the context filled in).
        self._readings: ByteLRU[Reading] = ByteLRU(READINGS_BYTES, _reading_bytes)

    # ------------------------------------------------------------ the store, read-only
    @property
    def default_entity(self) -> str | None:
        return self.store.default_entity

    @property
    def years(self) -> dict[str, list[int]]:
        """Budget holder → the years the store has its budget for."""
        return self.store.years

    @property
    def documents(self) -> dict[str, dict[str, object]]:
        return self.store.documents

    @property
    def budgets(self) -> dict[str, dict[str, object]]:
        return self.store.budgets

    def available_years(self, entity: str | None = None) -> list[int]:
        return self.store.available_years(entity)

    def entity_name(self, entity: str | None, lang: str) -> str:
        return self.store.entity_name(self.store.resolve(entity), lang)

    def resolve_entity(self, entity: str | None) -> str | None:
        return self.store.resolve(entity)

    def has_children(self, code: str, year: int | None = None, entity: str | None = None) -> bool:
        """Whether a breakdown of ``code`` would show more than the line itself."""
        entity = self.store.resolve(entity)
        have = self.store.available_years(entity)
        if not entity or not have:
            return False
        y = year if year in have else have[-1]
        yb = self.store.year_budget(entity, y)
        return any(self.store.children(yb, ln.code) for ln in self.store.lines_for(yb, code))

    def examples(self, lang: str) -> list[str]:
        return self.composer.examples(lang)

    def detect_language(self, text: str, prefer: str = "ru") -> str:
        """The language of ``text`` (kk, ru, en) as the engine reads questions."""
        return self.reader.read(text, prefer=prefer).lang if text.strip() else prefer

    # ------------------------------------------------------------ questions
    def ask(
        self,
        query: object,
        lang: str | None = None,
        today: date | None = None,
        context: Context | None = None,
        prefer: str | None = None,
    ) -> Reply:
        """Answer one question (a follow-up of ``context``); never raises on bad input.

        ``lang`` fixes the reply language; without it the question's language is detected,
        ``prefer`` (the asker's own language) breaking a tie."""
        reading = self.read(query, lang=lang, today=today, prefer=prefer)
        reply = self.run(self.plan(reading, context))
        reply.stands_alone = stands_alone(reading)
        reply.lang_from_words = reading.lang_from_words
        return reply

    def read(
        self,
        query: object,
        lang: str | None = None,
        today: date | None = None,
        prefer: str | None = None,
    ) -> Reading:
        """The reader's reading of ``query``, remembered for the next chat that sends it."""
        key = (query, lang, today or date.today(), prefer) if isinstance(query, str) else None
        found = self._readings.get(key) if key is not None else None
        if found is not None:
            return found
        try:
            reading = self.reader.read(query, lang=lang, today=today, prefer=prefer)
        except Exception:  # pragma: no cover - understanding must never take the bot down
            return Reading(
                query=query if isinstance(query, str) else "", text="", lang=lang or "ru"
            )
        if key is not None:
            self._readings.put(key, reading)
        return reading

    def plan(self, reading: Reading, context: Context | None = None) -> Plan:
        """What to answer for ``reading`` in ``context`` (no reply is made)."""
        followed = follow(reading, context)
        if followed is None:
            return Plan(
                intent="unknown",
                query=reading.query,
                lang=reading.lang,
                text=reading.text,
                reason="clarify",
            )
        return route(followed, self.store, self.figure_first)

    def run(self, plan: Plan) -> Reply:
        """Carry ``plan`` out: its intent's module, then the composer's last touches."""
        handler = unknown_intent.answer if plan.reason else REGISTRY[plan.intent]
        return self.composer.finish(handler(self.composer, plan), plan)

    def answer(self, r: Reading) -> Reply:
        return self.run(self.plan(r))

    # ------------------------------------------------------------ one intent, directly
    def _direct(self, intent: str, lang: str, query: str = "", **fields: object) -> Reply:
        plan = Plan(intent=intent, query=query, lang=lang, text=query)
        return self.run(replace(plan, **fields))  # type: ignore[arg-type]

    def amount(
        self, code: str, years: list[int], lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        return self._direct("amount", lang, query, code=code, years=tuple(years), entity=entity)

    def overview(
        self, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        years = (year,) if year else ()
        return self._direct("overview", lang, query, years=years, entity=entity)

    def compare(
        self,
        years: list[int],
        lang: str,
        code: str | None = None,
        entity: str | None = None,
        query: str = "",
        against: str | None = None,
    ) -> Reply:
        return self._direct(
            "compare", lang, query, years=tuple(years), code=code, entity=entity, against=against
        )

    def top(
        self,
        year: int | None,
        lang: str,
        n: int = DEFAULT_TOP,
        entity: str | None = None,
        query: str = "",
        code: str | None = None,
        smallest: bool = False,
    ) -> Reply:
        years = (year,) if year else ()
        return self._direct(
            "top", lang, query, years=years, n=n, entity=entity, code=code, smallest=smallest
        )

    def breakdown(
        self, code: str, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        years = (year,) if year else ()
        return self._direct("breakdown", lang, query, code=code, years=years, entity=entity)

    def share(
        self, code: str, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        years = (year,) if year else ()
        return self._direct("share", lang, query, code=code, years=years, entity=entity)

    def catalog(self, lang: str, query: str = "", entity: str | None = None) -> Reply:
        return self._direct("catalog", lang, query, entity=entity)

    def help(self, lang: str, query: str = "", thanks: bool = False) -> Reply:
        return self._direct("help", lang, query, thanks=thanks)

    def explain(self, term: str, lang: str, query: str = "") -> Reply:
        return self._direct("explain", lang, query or term, term=term)

    def build_catalog(self, lang: str, entity: str | None) -> Reply:
        return build_catalog(self.composer, lang, entity)

    # ------------------------------------------------------------ data for the bot
    def export_rows(self, year: int | None = None, entity: str | None = None) -> list[ExportRow]:
        """Rows for a CSV/XLSX export: entity, year, code, kk/ru/en names, amount, source."""
        rows: list[ExportRow] = []
        for row in queries.export_lines(self.db, year=year, entity=entity):
            names = self.classifier.names(row["code"])
            doc = self.documents.get(row.get("doc_id") or "")
            source = (
                cite(
                    doc,
                    self.budgets.get(row.get("budget_id") or ""),
                    row.get("source") or "",
                    "ru",
                )
                if doc
                else (row.get("source") or "")
            )
            rows.append(
                {
                    "entity": row["entity"],
                    "year": row["year"],
                    "code": row["code"],
                    "name_kk": names["kk"],
                    "name_ru": names["ru"],
                    "name_en": names["en"],
                    "amount": Decimal(int(row["amount_tenge"] or 0)) / 1000,
                    "source": source,
                }
            )
        return rows

    def chart_series(
        self,
        kind: str,
        lang: str,
        year: int | None = None,
        code: str | None = None,
        entity: str | None = None,
    ) -> ChartSeries:
        """Data for a chart: ``kind="groups"`` (spending by group in a year) or ``"line"``
        (one classifier entry's amounts across years). Returns title, labels, values (Decimal)."""
        entity = self.store.resolve(entity)
        t = fmt.tr(lang)
        unit = t.gettext("thousand ₸")
        if entity is None:
            return {"title": "", "labels": [], "values": [], "unit": unit}
        have = self.store.available_years(entity)
        if kind == "line" and code:
            labels: list[str] = []
            values: list[Decimal] = []
            for y in have:
                lines = self.store.lines_for(self.store.year_budget(entity, y), code)
                if lines:
                    labels.append(str(y))
                    values.append(sum((ln.amount for ln in lines), Decimal(0)))
            return {
                "title": self.store.entry_name(code, lang),
                "labels": labels,
                "values": values,
                "unit": unit,
                "entity": self.store.entity_name(entity, lang),
            }
        y = year if year in have else (have[-1] if have else None)
        if y is None:
            return {"title": "", "labels": [], "values": [], "unit": unit}
        yb = self.store.year_budget(entity, y)
        groups = sorted(
            (ln for ln in yb.lines if ln.section == "expense" and depth(ln.code) == 1),
            key=lambda ln: -ln.amount,
        )
        return {
            "title": t.gettext("Spending by area, {year}").format(year=y),
            "labels": [self.store.line_name(ln.code, lang, ln.name_printed) for ln in groups],
            "values": [ln.amount for ln in groups],
            "unit": unit,
            "entity": self.store.entity_name(entity, lang),
            "year": y,
        }


def _reading_bytes(r: Reading) -> int:
    """A Reading's footprint, roughly: its texts and words plus its objects."""
    return text_bytes(r.query, r.text, *r.words, *r.unexplained) + 1500 + 120 * len(r.topics)
