"""The answer engine: a question in, an exact figure with its source out.

:class:`Engine` reads the store's small tables (documents, entities, budgets, years)
once; budget lines are fetched per entity and year through an index and kept in a small
cache, so one engine answers many questions cheaply. Every method returns a
:class:`~bot.answer.model.Reply` or plain data — nothing Telegram-specific.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.lists import format_list

from bot import DEFAULT_DB
from bot.answer import fmt
from bot.answer.cite import cite
from bot.answer.glossary import Term
from bot.answer.glossary import load as load_glossary
from bot.answer.lexicon import LANGS
from bot.answer.model import Item, Reply
from bot.answer.text import fold, tokens
from bot.answer.understand import Reader, Reading
from bot.bytecache import ByteLRU, text_bytes
from bot.classifier import Classifier, Entry
from bot.classifier import default as default_classifier
from bot.store import queries
from bot.store.schema import open_db

INCOME_PARTS = ("tax", "non_tax", "capital", "transfers")
# Point-1 income keys and the EBK categories that carry the same figure in an appendix; the
# appendix line is preferred because it exists for every year, the point-1 line for some.
CATEGORY_OF = {"tax": "1", "non_tax": "2", "capital": "3", "transfers": "4"}
SUMMARY_OF = {v: k for k, v in CATEGORY_OF.items()}
OVERVIEW_KEYS = ("income_total", *INCOME_PARTS, "expense_total", "deficit", "financing")
TOTALS = frozenset({"income_total", "expense_total"})  # umbrella topics: any narrower one wins
OVERVIEW_TOPICS = TOTALS | {"deficit"}  # two of them named together ask for the overview
SUGGEST_RATIO = 0.75  # a reading this close to the best is offered as "did you mean"
MAX_CHOICES = 4  # "did you mean" lines offered instead of an answer to a vague word
OVERVIEW_GROUPS = 3
DEFAULT_TOP = 5
CACHE_BYTES = 64 * 1024 * 1024
CATALOG_ROWS = 15
CHANGED_LINES = 5  # a comparison of whole budgets lists the spending lines that changed most


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


def _budget_bytes(yb: YearBudget) -> int:
    """A year's budget in memory: ~560 bytes of objects per line (Line, Decimal, dict and
    list slots) plus its strings; on the seed store this is 10 % above what tracemalloc
    measures (126 KB estimated, 114 KB measured for 132 lines)."""
    return 600 + sum(
        560 + text_bytes(ln.code, ln.source, ln.name_printed, ln.budget_id, ln.doc_id)
        for ln in yb.lines
    )


def _depth(code: str) -> int:
    return code.count(".") + 1


class Engine:
    """Answers questions about the budgets in one store."""

    def __init__(
        self,
        db_path: str | Path = DEFAULT_DB,
        classifier: Classifier | None = None,
        default_entity: str | None = None,
    ) -> None:
        self.db = open_db(db_path, readonly=True)
        self.classifier = classifier or default_classifier()
        self.documents = queries.documents(self.db)
        self.entities = queries.entities(self.db)
        self.budgets = {b["budget_id"]: b for b in queries.budgets(self.db)}
        self.years = (
            queries.years_with_lines(self.db) if queries.has_table(self.db, "lines") else {}
        )
        for entity in self.years:
            self.entities.setdefault(entity, {"entity": entity})
        self.default_entity = default_entity or (
            max(sorted(self.years), key=lambda e: len(self.years[e])) if self.years else None
        )
        self.glossary: dict[str, Term] = load_glossary()
        self.reader = Reader(
            self.classifier,
            {
                k: {lang: list(t.terms.get(lang, ())) for lang in LANGS}
                for k, t in self.glossary.items()
            },
            self._entity_names(),
        )
        # bounded in bytes: "the budget cache can grow to ~210 MB" when counted in entries
        self._cache: ByteLRU[YearBudget] = ByteLRU(CACHE_BYTES, _budget_bytes)
        self._catalogs: dict[tuple[str, str | None], Reply] = {}
        self._entries: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------------ data
    def _entity_names(self) -> dict[str, list[tuple[str, str]]]:
        names: dict[str, list[tuple[str, str]]] = {}
        for key, row in self.entities.items():
            names[key] = [(lang, str(row.get(f"name_{lang}") or "")) for lang in LANGS]
            names[key].append(("kk", key))
        for b in self.budgets.values():  # the district's name picks its rural districts too
            doc = self.documents.get(b.get("doc_id") or "")
            if doc and b.get("entity") in names:
                for lang in LANGS:
                    issuer = str(doc.get(f"issuer_{lang}") or "")
                    if issuer and (lang, issuer) not in names[b["entity"]]:
                        names[b["entity"]].append((lang, issuer))
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

    def _entries_in_force(self, entity: str) -> frozenset[str]:
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

    def line_name(self, code: str, lang: str, printed: str = "") -> str:
        entry = self.classifier.entry_for_line(code)
        return entry.name(lang) if entry else (printed or code)

    def lines_for(self, yb: YearBudget, code: str) -> list[Line]:
        """Lines a classifier entry names in one year's budget (category before point-1 key)."""
        if code in CATEGORY_OF:
            return yb.by_entry.get(CATEGORY_OF[code]) or yb.by_entry.get(code, [])
        return yb.by_entry.get(code) or yb.by_entry.get(SUMMARY_OF.get(code, ""), [])

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

    def entity_name(self, entity: str | None, lang: str) -> str:
        if not entity:
            return ""
        row = self.entities.get(entity, {})
        return str(row.get(f"name_{lang}") or row.get("name_ru") or entity)

    def _entity(self, entity: str | None) -> str | None:
        return entity if entity in self.years else self.default_entity

    def available_years(self, entity: str | None = None) -> list[int]:
        entity = self._entity(entity)
        return list(self.years.get(entity or "", []))

    # ------------------------------------------------------------ helpers
    def _item(self, year: int, line: Line, lang: str, entity: str) -> Item:
        return Item(
            year, line.code, self.line_name(line.code, lang, line.name_printed), line.amount, entity
        )

    def _row(self, line: Line, lang: str, approx: bool = False) -> str:
        """``name: amount`` for lists; lists carry shares, so no rounded figure in brackets."""
        return (
            f"{self.line_name(line.code, lang, line.name_printed)}: "
            f"{fmt.money(line.amount, lang, approx=approx)}"
        )

    def _sources(self, lines: list[Line], lang: str) -> list[str]:
        out: list[str] = []
        for line in lines:
            doc = self.documents.get(line.doc_id)
            if doc is None:
                continue
            text = cite(doc, self.budgets.get(line.budget_id), line.source, lang)
            if text not in out:
                out.append(text)
        return out

    def _with_sources(self, reply: Reply, lines: list[Line]) -> Reply:
        reply.sources = self._sources(lines, reply.lang)
        if reply.sources:
            t = fmt.tr(reply.lang)
            label = t.ngettext("Source:", "Sources:", len(reply.sources))
            reply.text += "\n\n" + label + "\n" + "\n".join(f"• {s}" for s in reply.sources)
        return reply

    def _years_list(self, years: list[int], lang: str) -> str:
        return format_list([str(y) for y in years], locale=lang) if years else "—"

    def _no_data(self, reply: Reply, entity: str | None, missing: list[int]) -> Reply:
        t = fmt.tr(reply.lang)
        have = self.available_years(entity)
        if not have:
            reply.text = t.gettext("The store has no budgets yet.")
            return reply
        reply.text = t.ngettext(
            "There is no budget data for {years}.",
            "There is no budget data for {years}.",
            len(missing),
        ).format(years=self._years_list(missing, reply.lang))
        reply.text += " " + t.ngettext(
            "{entity} has a budget for {years}.",
            "{entity} has budgets for {years}.",
            len(have),
        ).format(
            entity=self.entity_name(entity, reply.lang), years=self._years_list(have, reply.lang)
        )
        reply.suggestions = self.examples(reply.lang)
        return reply

    def _no_line(self, reply: Reply, entity: str, years: list[int], code: str, name: str) -> Reply:
        """The line is not in this year's budget: say so, and where it is."""
        t = fmt.tr(reply.lang)
        reply.text = t.gettext("The {entity} budget for {years} has no line «{name}».").format(
            entity=self.entity_name(entity, reply.lang),
            years=self._years_list(years, reply.lang),
            name=name,
        )
        elsewhere = [y for y in self.years_holding(entity, code) if y not in years]
        if elsewhere:
            reply.text += " " + t.gettext("It is in the budget for {years}.").format(
                years=self._years_list(elsewhere, reply.lang)
            )
        return reply

    def _header(self, entity: str, years: list[int], lang: str) -> str:
        return (
            fmt.tr(lang)
            .gettext("{entity}, {years}")
            .format(entity=self.entity_name(entity, lang), years=self._years_list(years, lang))
        )

    def _default_year_note(self, year: int, lang: str) -> str:
        return (
            fmt.tr(lang)
            .gettext("No year was given, so this is {year}, the latest year in the store.")
            .format(year=year)
        )

    def examples(self, lang: str) -> list[str]:
        t = fmt.tr(lang)
        return [
            t.gettext("How much was spent on roads in 2024?"),
            t.gettext("Budget overview 2025"),
            t.gettext("Compare street lighting in 2023 and 2024"),
        ]

    def _resolve_years(
        self, reading_years: tuple[int, ...], entity: str, want: int
    ) -> tuple[list[int], list[int], bool]:
        """(years to answer, years asked for but missing, whether the year was defaulted)."""
        have = self.available_years(entity)
        if reading_years:
            present = [y for y in reading_years if y in have]
            missing = [y for y in reading_years if y not in have]
            return present, missing, False
        return have[-want:], [], True

    # ------------------------------------------------------------ entry
    def ask(self, query: object, lang: str | None = None, today: date | None = None) -> Reply:
        """Answer one question; never raises on bad input."""
        try:
            reading = self.reader.read(query, lang=lang, today=today)
        except Exception:  # pragma: no cover - understanding must never take the bot down
            reading = Reading(
                query=query if isinstance(query, str) else "", text="", lang=lang or "ru"
            )
        return self.answer(reading)

    def answer(self, r: Reading) -> Reply:
        # "roads or lighting, which is more": weighs two lines when two are named, else nothing
        versus = "versus" in r.cues
        if versus:
            r = replace(r, cues=r.cues - {"versus"})
        lang = r.lang
        cues = r.cues
        if r.empty:
            return self._unknown(r, empty=True)
        topic, suggestions = self._pick_topic(r)
        if "share" in r.cues and topic is not None:
            # "долю доходов составляют налоги": the total names the denominator, so a line
            # read through its word ("налог на доходы") yields to the one the rest names
            denominator = frozenset().union(
                *(h.words for h in r.topics if h.key in TOTALS and h.full)
            )
            hit = next((h for h in r.topics if h.key == topic.code), None)
            if (
                hit is not None
                and topic.code not in TOTALS
                and denominator
                and denominator < hit.words
            ):
                rest = replace(r, topics=[h for h in r.topics if not h.words & denominator])
                if any(h.full for h in rest.topics):
                    topic, suggestions = self._pick_topic(rest)
                    r = rest
        entity = self._entity(r.entity)
        if r.place is not None and r.entity is None:
            return self._other_place(r)
        r = self._expand_years(r, entity)
        cues = r.cues
        glossary = r.glossary[0].key if r.glossary else None
        # "hello", "рахмет", "thanks": a polite reply, unless the question asks something else
        courtesy = cues & {"help", "thanks"}
        if (
            courtesy
            and topic is None
            and not r.years
            and glossary is None
            and not cues - {"help", "thanks", "amount"}
        ):
            return self.help(lang, query=r.query, thanks="help" not in courtesy)
        if "catalog" in cues and topic is None:
            missing = [y for y in r.years if y not in self.available_years(entity)]
            if missing:
                reply = Reply(query=r.query, lang=lang, intent="catalog", years=list(r.years))
                return self._no_data(reply, entity, missing)
            return self.catalog(lang, query=r.query, entity=r.entity)
        only_glossary = glossary is not None and not r.unexplained and not r.years
        topic_hit = next((h for h in r.topics if topic and h.key == topic.code), None)
        # "зарплата акима", "what does the akim's office spend": budget lines name words the
        # term does not, so the question asks for a figure, not a definition
        glossary_covers = topic_hit is None or (
            bool(r.glossary)
            and frozenset().union(*(h.words for h in r.topics)) <= r.glossary[0].words
        )
        # "доходы", "revenue" name a figure as well as a term: explained only when asked
        # "what is …", and only when the term is all the question names
        figure_first = glossary is not None and self.glossary[glossary].figure_first
        if glossary and (
            (
                "explain" in cues
                and (not r.years or topic is None)
                and (not figure_first or (glossary_covers and not r.unexplained))
            )
            or (
                only_glossary
                and not figure_first
                and not cues - {"explain"}
                and (topic is None or (len(r.words) <= 3 and glossary_covers))
            )
        ):
            return self.explain(glossary, lang, query=r.query)
        if "explain" in cues and topic is None and not r.years and r.unexplained:
            return self._unknown(r, explain=True)
        if entity is None:
            reply = Reply(query=r.query, lang=lang, intent="unknown")
            return self._no_data(reply, None, list(r.years))
        code = topic.code if topic else None
        if code in OVERVIEW_TOPICS and self._several_totals(r):
            code = None  # "revenue and spending": the year's overview (or their comparison)
        if code in TOTALS and r.unexplained and not cues - {"amount"}:
            # "spent on education": the umbrella word matched, the subject did not
            return self._unknown(r)
        if code in TOTALS and not cues - {"amount"} and topic_hit is not None:
            # "spent on the streets": a word names several narrower lines and none of them
            # wholly; the total would answer a question nobody asked
            section = "income" if code == "income_total" else "expense"
            vague = sorted(
                {
                    i
                    for h in r.topics
                    if h.key not in TOTALS
                    and (e := self.classifier.by_code.get(h.key)) is not None
                    and e.section == section
                    for i in h.words
                }
                - topic_hit.words
            )
            if vague:
                return self._unknown(
                    replace(r, unexplained=[r.words[i] for i in vague]),
                    choices=self._choices(r, set(vague), entity),
                )
        if topic is not None and topic_hit is not None and not topic_hit.full:
            # "улицы": a word that is part of several lines' names and the whole of none
            choices = self._choices(r, set(topic_hit.words), entity)
            if len(choices) > 1:
                return self._unknown(
                    replace(r, unexplained=[r.words[i] for i in sorted(topic_hit.words)]),
                    choices=choices,
                )
        if (
            topic is None
            and r.unexplained
            and not cues & {"overview", "top", "bottom", "breakdown"}
        ):
            return self._unknown(r)
        if (
            topic is not None
            and topic_hit is not None
            and not topic_hit.full
            and r.unexplained
            and not cues
            and topic.code not in self._present(entity)
        ):
            # "футбол нәтижесі кеше": no question asked, one word shared with a line this budget
            # never had and the rest unknown: nothing was asked about the budget
            return self._unknown(r)
        other = (
            self._second_line(r, topic, topic_hit, entity)
            if versus or "compare" in cues or (not cues - {"amount"} and not suggestions)
            else None
        )
        if other is not None:
            # "landscaping vs lighting 2024": two lines side by side in the years asked
            reply = self.compare(
                list(r.years), lang, code=other[0], entity=entity, query=r.query, against=other[1]
            )
        elif "compare" in cues or len(r.years) >= 2:
            years = list(r.years)
            if len(years) == 1:
                have = self.available_years(entity)
                prev = [y for y in have if y < years[0]]
                years = [prev[-1], years[0]] if prev else years
            reply = self.compare(years, lang, code=code, entity=entity, query=r.query)
        elif cues & {"top", "bottom"}:
            reply = self.top(
                self._one_year(r),
                lang,
                n=r.n or DEFAULT_TOP,
                entity=entity,
                query=r.query,
                code=code,
                smallest="bottom" in cues and "top" not in cues,
            )
        elif "share" in cues and code and code not in TOTALS:  # "кіріс бөлігі": revenue
            reply = self.share(code, self._one_year(r), lang, entity=entity, query=r.query)
        elif "breakdown" in cues or (
            "overview" in cues and code and self._has_parts(code, r.years, entity)
        ):
            # "сводка по доходам": a summary of a line is what it consists of
            reply = self.breakdown(
                code or "expense_total", self._one_year(r), lang, entity=entity, query=r.query
            )
        elif code is None:
            reply = self.overview(self._one_year(r), lang, entity=entity, query=r.query)
        else:
            reply = self.amount(code, list(r.years), lang, entity=entity, query=r.query)
        if suggestions and reply.items:
            t = fmt.tr(lang)
            names = [self.classifier.by_code[c].name(lang) for c in suggestions]
            reply.suggestions = names
            reply.text += "\n\n" + t.gettext("Did you mean: {choices}?").format(
                choices="; ".join(f"«{n}»" for n in names)
            )
        return reply

    def _choices(self, r: Reading, words: set[int], entity: str) -> list[str]:
        """Lines of the budget that the question words at ``words`` partly name, best first."""
        present = self._entries_in_force(entity)
        hits = [
            h
            for h in r.topics
            if h.key not in TOTALS and h.key in present and h.words & words and not h.full
        ]
        if not hits:
            return []
        best = max(h.score for h in hits)
        out: list[str] = []
        for h in hits:
            if h.score >= SUGGEST_RATIO * best and h.key not in out:
                out.append(h.key)
        return out[:MAX_CHOICES]

    def _second_line(
        self, r: Reading, topic: Entry | None, topic_hit: Any, entity: str | None
    ) -> tuple[str, str] | None:
        """Two different lines named by words of their own ("дороги или освещение",
        "жол мен жарық"), in the order the question names them; None unless both are wholly
        named, neither is a total and neither contains the other."""
        if topic is None or topic_hit is None or not topic_hit.full or entity is None:
            return None
        if topic.code in TOTALS or not topic_hit.words:
            return None
        present = set(self._entries_in_force(entity))
        present |= {SUMMARY_OF[c] for c in present if c in SUMMARY_OF}
        present |= {CATEGORY_OF[c] for c in present if c in CATEGORY_OF}
        candidates = sorted(
            (
                h
                for h in r.topics
                if h.full
                and h.words
                and h.key != topic.code
                and h.key not in TOTALS
                and h.key in present
                and not h.words & topic_hit.words
                and (e := self.classifier.by_code.get(h.key)) is not None
                and e.name_ru != topic.name_ru
            ),
            key=lambda h: (len(h.words), h.score),
            reverse=True,
        )
        if not candidates:  # the usual case: spare loading every year's lines
            return None
        years = self.available_years(entity)
        mine = {
            ln.code for y in years for ln in self.lines_for(self.year_budget(entity, y), topic.code)
        }
        for h in candidates:
            theirs = {
                ln.code for y in years for ln in self.lines_for(self.year_budget(entity, y), h.key)
            }
            if not theirs or not mine:
                continue
            nested = any(
                a == b or a.startswith(b + ".") or b.startswith(a + ".")
                for a in mine
                for b in theirs
            )
            if nested:
                continue
            if min(h.words) < min(topic_hit.words):
                return h.key, topic.code
            return topic.code, h.key
        return None

    @staticmethod
    def _several_totals(r: Reading) -> bool:
        """Two of revenue, spending and deficit, each named by its own words."""
        named: dict[str, frozenset[int]] = {}
        for h in r.topics:
            if h.key in OVERVIEW_TOPICS and h.full and h.key not in named:
                named[h.key] = h.words
        found = list(named.values())
        return any(not (a & b) for i, a in enumerate(found) for b in found[i + 1 :])

    def _has_parts(self, code: str, years: tuple[int, ...], entity: str) -> bool:
        """Whether the line ``code`` names is divided further in the year asked (or latest)."""
        have = self.available_years(entity)
        year = years[-1] if years else (have[-1] if have else None)
        if year not in have:
            return False
        yb = self.year_budget(entity, year)
        return any(self._children(yb, ln.code) for ln in self.lines_for(yb, code))

    def _one_year(self, r: Reading) -> int | None:
        return r.years[-1] if r.years else None

    def _present(self, entity: str) -> set[str]:
        """Codes in force in ``entity``'s budget, with their summaries and categories."""
        present = set(self._entries_in_force(entity))
        present |= {SUMMARY_OF[c] for c in present if c in SUMMARY_OF}
        present |= {CATEGORY_OF[c] for c in present if c in CATEGORY_OF}
        return present

    def _pick_topic(self, r: Reading) -> tuple[Entry | None, list[str]]:
        """The best classifier entry for the question and close alternatives."""
        if not r.topics:
            return None, []
        entity = self._entity(r.entity)
        present = self._present(entity) if entity else set()
        scored = []
        for hit in r.topics:
            entry = self.classifier.by_code.get(hit.key)
            if entry is None:
                continue
            # An umbrella topic ("расходы") yields to a narrower one that explains other words
            # ("расходы на дороги"), but not to one that only shares its word.
            narrower = any(
                h is not hit and h.full and h.key not in TOTALS and not h.words <= hit.words
                for h in r.topics
            )
            yields = entry.code in TOTALS and narrower
            score = hit.score * (1.0 if entry.code in present else 0.6)
            summary = entry.kind == "summary"
            depth = _depth(entry.path or entry.code)  # a tie goes to the more specific line
            scored.append(
                ((not yields, len(hit.words), hit.full, score, summary, depth), entry, hit)
            )
        if not scored:
            return None, []
        scored.sort(key=lambda s: s[0], reverse=True)
        (_, best_words, _, best_score, _, _), best, best_hit = scored[0]
        alternatives = [
            e.code
            for (_, n_words, _, score, _, _), e, hit in scored[1:]
            if n_words >= best_words
            and hit.words & best_hit.words
            and score >= SUGGEST_RATIO * best_score
            and e.code in present
            and e.code not in TOTALS
            and e.name_ru != best.name_ru
        ][:2]
        return best, alternatives

    # ------------------------------------------------------------ intents
    def amount(
        self, code: str, years: list[int], lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        """The amount of the line(s) a classifier entry names, for the given or latest year."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="amount", code=code, entity=entity)
        if entity is None:
            return self._no_data(reply, None, years)
        present, missing, defaulted = self._resolve_years(tuple(years), entity, 1)
        reply.years = present or list(years)
        if not present:
            return self._no_data(reply, entity, missing)
        t = fmt.tr(lang)
        entry = self.classifier.by_code.get(code)
        name = entry.name(lang) if entry else code
        used: list[Line] = []
        rows: list[str] = []
        for year in present:
            lines = self.lines_for(self.year_budget(entity, year), code)
            for line in lines:
                reply.items.append(self._item(year, line, lang, entity))
                used.append(line)
                rows.append(
                    t.gettext("{year}: {amount}").format(
                        year=year, amount=fmt.money(line.amount, lang)
                    )
                )
        if not used:
            return self._no_line(reply, entity, present, code, name)
        reply.text = self._header(entity, present, lang) + "\n" + f"{name}\n" + "\n".join(rows)
        if missing:
            reply.text += "\n" + t.gettext("No data for {years}.").format(
                years=self._years_list(missing, lang)
            )
        if defaulted:
            reply.text += "\n\n" + self._default_year_note(present[-1], lang)
        return self._with_sources(reply, used)

    def _year_for(self, reply: Reply, year: int | None) -> Reply | tuple[int, YearBudget, bool]:
        """The one year an answer is about — (year, its budget, whether it was defaulted) —
        or the finished reply saying there is no such budget. ``reply.entity`` is resolved."""
        entity = reply.entity
        if entity is None:
            return self._no_data(reply, None, [year] if year else [])
        present, missing, defaulted = self._resolve_years((year,) if year else (), entity, 1)
        if not present:
            reply.years = [year] if year else []
            return self._no_data(reply, entity, missing)
        y = present[-1]
        reply.years = [y]
        return y, self.year_budget(entity, y), defaulted

    def overview(
        self, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        """A year's summary: revenue and its parts, spending, deficit, biggest areas with shares."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="overview", entity=entity)
        found = self._year_for(reply, year)
        if isinstance(found, Reply):
            return found
        y, yb, defaulted = found
        t = fmt.tr(lang)
        used: list[Line] = []
        rows = [
            t.gettext("Budget of {entity} for {year}").format(
                entity=self.entity_name(entity, lang), year=y
            )
        ]
        for key in OVERVIEW_KEYS:
            line = yb.by_code.get(CATEGORY_OF.get(key, "")) or yb.by_code.get(key)
            if line is None:
                continue
            if key in INCOME_PARTS and line.amount == 0:
                continue
            reply.items.append(self._item(y, line, lang, entity))
            used.append(line)
            indent = "   " if key in INCOME_PARTS else ""
            if key == "deficit":
                label = t.gettext("Deficit") if line.amount < 0 else t.gettext("Surplus")
                if line.amount == 0:
                    label = t.gettext("Deficit (surplus)")
            else:
                label = self.line_name(line.code, lang)
            rows.append(f"{indent}{label}: {fmt.money(line.amount, lang)}")
        total = yb.by_code.get("expense_total")
        groups = sorted(
            (
                ln
                for ln in yb.lines
                if ln.section == "expense" and _depth(ln.code) == 1 and ln.amount > 0
            ),
            key=lambda ln: -ln.amount,
        )[:OVERVIEW_GROUPS]
        if groups:
            rows.append("")
            rows.append(t.gettext("Biggest areas of spending:"))
            for i, ln in enumerate(groups, 1):
                share = (
                    f" ({fmt.percent(ln.amount / total.amount, lang)})"
                    if total and total.amount
                    else ""
                )
                rows.append(f"{i}. {self._row(ln, lang)}{share}")
                reply.items.append(self._item(y, ln, lang, entity))
                used.append(ln)
        if len(rows) == 1:
            rows.append(t.gettext("No summary lines for this year."))
        reply.text = "\n".join(rows)
        if defaulted:
            reply.text += "\n\n" + self._default_year_note(y, lang)
        return self._with_sources(reply, used)

    def compare(
        self,
        years: list[int],
        lang: str,
        code: str | None = None,
        entity: str | None = None,
        query: str = "",
        against: str | None = None,
    ) -> Reply:
        """A line (or revenue, spending and deficit) across years, with absolute and % change;
        with ``against``, two lines side by side (the latest year when none is given), saying
        which is larger and by how much."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="compare", code=code, entity=entity)
        if entity is None:
            return self._no_data(reply, None, years)
        want = 1 if against and code else 2
        present, missing, _ = self._resolve_years(tuple(sorted(set(years))), entity, want)
        reply.years = present or sorted(set(years))
        if not present:
            return self._no_data(reply, entity, missing)
        t = fmt.tr(lang)
        codes = [code] if code else ["income_total", "expense_total", "deficit"]
        if against and code:
            codes.append(against)
        totals: dict[str, dict[int, Decimal]] = {}
        used: list[Line] = []
        rows = [self._header(entity, present, lang)]
        for c in codes:
            entry = self.classifier.by_code.get(c)
            rows.append("")
            rows.append(entry.name(lang) if entry else c)
            previous: Decimal | None = None
            for year in present:
                lines = self.lines_for(self.year_budget(entity, year), c)
                if not lines:
                    rows.append(t.gettext("{year}: no such line").format(year=year))
                    previous = None
                    continue
                amount = sum((ln.amount for ln in lines), Decimal(0))
                totals.setdefault(c, {})[year] = amount
                for ln in lines:
                    reply.items.append(self._item(year, ln, lang, entity))
                    used.append(ln)
                row = t.gettext("{year}: {amount}").format(
                    year=year, amount=fmt.money(amount, lang)
                )
                if previous is not None:
                    row += " — " + fmt.change(previous, amount, lang)
                rows.append(row)
                previous = amount
        if code is None and len(present) > 1:
            rows.extend(self._changed_lines(entity, present[0], present[-1], lang, used))
        if len(codes) == 2:
            rows.extend(self._versus_rows(codes, totals, present, lang))
        if missing:
            rows.append("")
            rows.append(
                t.gettext("No data for {years}.").format(years=self._years_list(missing, lang))
            )
        if len(present) == 1 and len(codes) == 1:
            rows.append("")
            rows.append(
                t.gettext("Only one year to compare; the store has {years}.").format(
                    years=self._years_list(self.available_years(entity), lang)
                )
            )
        reply.text = "\n".join(rows)
        return self._with_sources(reply, used)

    def _versus_rows(
        self, codes: list[str], totals: dict[str, dict[int, Decimal]], years: list[int], lang: str
    ) -> list[str]:
        """For each year with both lines: which is larger and by how much."""
        t = fmt.tr(lang)
        names = {c: (e.name(lang) if (e := self.classifier.by_code.get(c)) else c) for c in codes}
        rows = [""]
        for year in years:
            a, b = (totals.get(c, {}).get(year) for c in codes)
            if a is None or b is None:
                continue
            if a == b:
                rows.append(
                    t.gettext("{year}: «{first}» and «{second}» are equal.").format(
                        year=year, first=names[codes[0]], second=names[codes[1]]
                    )
                )
                continue
            big, small = (codes[0], codes[1]) if a > b else (codes[1], codes[0])
            rows.append(
                t.gettext("{year}: «{larger}» is more than «{smaller}» by {difference}.").format(
                    year=year,
                    larger=names[big],
                    smaller=names[small],
                    difference=fmt.money(abs(a - b), lang),
                )
            )
        return rows if len(rows) > 1 else []

    def _changed_lines(
        self, entity: str, first: int, last: int, lang: str, used: list[Line]
    ) -> list[str]:
        """Rows for the spending programmes whose amount changed most from ``first`` to
        ``last`` ("по каким статьям рост"); a programme is followed by its classifier entry,
        so a line that moved between sub-functions is still the same line."""
        t = fmt.tr(lang)
        sides: list[dict[str, tuple[Decimal, list[Line]]]] = []
        for year in (first, last):
            by_entry: dict[str, tuple[Decimal, list[Line]]] = {}
            for ln in self._leaves(self.year_budget(entity, year), "expense"):
                entry = self.classifier.entry_for_line(ln.code)
                key = entry.code if entry else ln.code
                amount, lines = by_entry.get(key, (Decimal(0), []))
                by_entry[key] = (amount + ln.amount, [*lines, ln])
            sides.append(by_entry)
        before, after = sides
        changes = []
        for key in {*before, *after}:
            a, b = before.get(key), after.get(key)
            delta = (b[0] if b else Decimal(0)) - (a[0] if a else Decimal(0))
            if delta:
                changes.append((-abs(delta), key, a, b))
        if not changes:
            return [
                "",
                t.gettext("No spending line changed from {first} to {last}.").format(
                    first=first, last=last
                ),
            ]
        rows = [
            "",
            t.gettext("Spending lines that changed most, {first} → {last}:").format(
                first=first, last=last
            ),
        ]
        for _, _key, a, b in sorted(changes)[:CHANGED_LINES]:
            lines = (b or a or (Decimal(0), []))[1]
            name = self.line_name(lines[0].code, lang, lines[0].name_printed)
            if a and b:
                row = t.gettext("{name}: {before} → {after} ({change})").format(
                    name=name,
                    before=fmt.money(a[0], lang, approx=False),
                    after=fmt.money(b[0], lang, approx=False),
                    change=fmt.change(a[0], b[0], lang),
                )
            elif b:
                row = t.gettext("{name}: new in {year}, {amount}").format(
                    name=name, year=last, amount=fmt.money(b[0], lang, approx=False)
                )
            elif a:
                row = t.gettext("{name}: not in the {year} budget (was {amount})").format(
                    name=name, year=last, amount=fmt.money(a[0], lang, approx=False)
                )
            rows.append(f"• {row}")
            used.extend((a[1] if a else []) + (b[1] if b else []))
        return rows

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
        """The N biggest spending programmes (or revenue sources, if asked about revenue);
        with ``smallest`` the N smallest non-zero ones, smallest first."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="top", entity=entity)
        found = self._year_for(reply, year)
        if isinstance(found, Reply):
            return found
        y, yb, defaulted = found
        n = max(1, min(int(n), 20))
        entry = self.classifier.by_code.get(code or "")
        income = (entry is not None and entry.section == "income") or code in {
            "income_total",
            *INCOME_PARTS,
        }
        leaves = self._leaves(yb, "income" if income else "expense")
        ranked = sorted(
            (ln for ln in leaves if ln.amount > 0),
            key=lambda ln: ln.amount if smallest else -ln.amount,
        )[:n]
        total = yb.by_code.get("income_total" if income else "expense_total")
        n = len(ranked) or n  # "the 5 biggest" of a budget with 4 items says 4
        t = fmt.tr(lang)
        if smallest:
            title = (
                t.ngettext(
                    "The smallest source of revenue in {year}:",
                    "The {n} smallest sources of revenue in {year}:",
                    n,
                )
                if income
                else t.ngettext(
                    "The smallest spending item in {year}:",
                    "The {n} smallest spending items in {year}:",
                    n,
                )
            )
        else:
            title = (
                t.ngettext(
                    "The biggest source of revenue in {year}:",
                    "The {n} biggest sources of revenue in {year}:",
                    n,
                )
                if income
                else t.ngettext(
                    "The biggest spending item in {year}:",
                    "The {n} biggest spending items in {year}:",
                    n,
                )
            )
        rows = [self.entity_name(entity, lang), title.format(n=n, year=y)]
        for i, ln in enumerate(ranked, 1):
            share = (
                f" ({fmt.percent(ln.amount / total.amount, lang)})"
                if total and total.amount
                else ""
            )
            rows.append(f"{i}. {self._row(ln, lang)}{share}")
            reply.items.append(self._item(y, ln, lang, entity))
        if defaulted:
            rows.append("")
            rows.append(self._default_year_note(y, lang))
        reply.text = "\n".join(rows)
        return self._with_sources(reply, ranked)

    def _leaves(self, yb: YearBudget, section: str) -> list[Line]:
        """The most detailed lines of a section (programmes, income subclasses)."""
        codes = [ln.code for ln in yb.lines if ln.section == section]
        return [
            ln
            for ln in yb.lines
            if ln.section == section and not any(c.startswith(ln.code + ".") for c in codes)
        ]

    def _children(self, yb: YearBudget, code: str) -> list[Line]:
        """Lines one level below ``code``; an administrator level is looked through."""
        if code == "income_total":
            return [ln for ln in yb.lines if ln.section == "income" and _depth(ln.code) == 1]
        if code == "expense_total":
            return [ln for ln in yb.lines if ln.section == "expense" and _depth(ln.code) == 1]
        category = {"tax": "1", "non_tax": "2", "capital": "3", "transfers": "4"}.get(code)
        if category:
            code = category
        out: list[Line] = []
        for ln in yb.lines:
            if ln.code.startswith(code + ".") and _depth(ln.code) == _depth(code) + 1:
                if ln.section == "expense" and _depth(ln.code) == 3:
                    out.extend(self._children(yb, ln.code) or [ln])
                else:
                    out.append(ln)
        if len(out) == 1:  # a single child says nothing new: show what it consists of
            return self._children(yb, out[0].code) or out
        return out

    def breakdown(
        self, code: str, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        """A line and the lines it consists of, with shares."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="breakdown", code=code, entity=entity)
        found = self._year_for(reply, year)
        if isinstance(found, Reply):
            return found
        y, yb, defaulted = found
        t = fmt.tr(lang)
        parents = self.lines_for(yb, code)
        entry = self.classifier.by_code.get(code)
        name = entry.name(lang) if entry else code
        if not parents:
            return self._no_line(reply, entity, [y], code, name)
        used: list[Line] = []
        rows = [self._header(entity, [y], lang)]
        for parent in parents:
            reply.items.append(self._item(y, parent, lang, entity))
            used.append(parent)
            rows.append(f"{name}: {fmt.money(parent.amount, lang)}")
            children = self._children(yb, parent.code)
            if not children:
                rows.append(t.gettext("This line is not divided further."))
            for ln in children:
                share = (
                    f" ({fmt.percent(ln.amount / parent.amount, lang)})" if parent.amount else ""
                )
                rows.append(f"• {self._row(ln, lang)}{share}")
                reply.items.append(self._item(y, ln, lang, entity))
                used.append(ln)
        if defaulted:
            rows.append("")
            rows.append(self._default_year_note(y, lang))
        reply.text = "\n".join(rows)
        return self._with_sources(reply, used)

    def share(
        self, code: str, year: int | None, lang: str, entity: str | None = None, query: str = ""
    ) -> Reply:
        """A line's share of total revenue or total spending."""
        entity = self._entity(entity)
        reply = Reply(query=query, lang=lang, intent="share", code=code, entity=entity)
        found = self._year_for(reply, year)
        if isinstance(found, Reply):
            return found
        y, yb, defaulted = found
        t = fmt.tr(lang)
        entry = self.classifier.by_code.get(code)
        name = entry.name(lang) if entry else code
        lines = self.lines_for(yb, code)
        if not lines:
            return self._no_line(reply, entity, [y], code, name)
        income = code in {"income_total", *INCOME_PARTS} or (
            entry is not None and entry.section == "income"
        )
        total_key = "income_total" if income else "expense_total"
        if code == total_key:
            total_key = "expense_total" if income else "income_total"
        total = yb.by_code.get(total_key)
        amount = sum((ln.amount for ln in lines), Decimal(0))
        for ln in lines:
            reply.items.append(self._item(y, ln, lang, entity))
        used = list(lines)
        rows = [self._header(entity, [y], lang), f"{name}: {fmt.money(amount, lang)}"]
        if total is not None and total.amount:
            reply.items.append(self._item(y, total, lang, entity))
            used.append(total)
            of_total = (
                t.gettext("That is {share} of total revenue ({total}).")
                if total_key == "income_total"
                else t.gettext("That is {share} of total spending ({total}).")
            )
            rows.append(
                of_total.format(
                    share=fmt.percent(amount / total.amount, lang),
                    total=fmt.money(total.amount, lang, approx=False),
                )
            )
        if defaulted:
            rows.append("")
            rows.append(self._default_year_note(y, lang))
        reply.text = "\n".join(rows)
        return self._with_sources(reply, used)

    def catalog(self, lang: str, query: str = "", entity: str | None = None) -> Reply:
        """Which budgets and years the store holds, and the decisions they come from.

        The text is built once per language (the store is read-only); a store of thousands
        of budgets lists the first :data:`CATALOG_ROWS` and counts the rest.
        """
        cached = self._catalogs.get((lang, entity))
        if cached is None:
            cached = self._catalogs[(lang, entity)] = self._build_catalog(lang, entity)
        return replace(
            cached,
            query=query,
            years=list(cached.years),
            sources=list(cached.sources),
            suggestions=list(cached.suggestions),
        )

    def _build_catalog(self, lang: str, entity: str | None) -> Reply:
        t = fmt.tr(lang)
        reply = Reply(query="", lang=lang, intent="catalog", entity=entity)
        if not self.years:
            reply.text = t.gettext("The store has no budgets yet.")
            return reply
        rows = [t.gettext("Budgets I can answer about:")]
        entities = [entity] if entity in self.years else sorted(self.years)
        all_years: set[int] = set()
        for e in entities:
            all_years.update(self.years[e])
        for e in entities[:CATALOG_ROWS]:
            years = self.years[e]
            rows.append(
                "• "
                + t.ngettext(
                    "{entity}: {years} ({n} year)", "{entity}: {years} ({n} years)", len(years)
                ).format(
                    entity=self.entity_name(e, lang),
                    years=self._years_list(years, lang),
                    n=len(years),
                )
            )
        if len(entities) > CATALOG_ROWS:
            rest = len(entities) - CATALOG_ROWS
            rows.append(
                t.ngettext("… and {n} more budget", "… and {n} more budgets", rest).format(n=rest)
            )
        shown = set(entities[:CATALOG_ROWS])
        docs: dict[str, None] = {}  # ordered, and membership is O(1) at thousands of budgets
        for b in self.budgets.values():
            doc_id = b.get("doc_id") or ""
            if b.get("entity") in shown and doc_id in self.documents:
                docs.setdefault(doc_id)
        reply.years = sorted(all_years)
        reply.text = "\n".join(rows)
        reply.sources = [cite(self.documents[d], None, "", lang) for d in list(docs)[:CATALOG_ROWS]]
        if reply.sources:
            label = t.ngettext("Source:", "Sources:", len(reply.sources))
            reply.text += "\n\n" + label + "\n" + "\n".join(f"• {s}" for s in reply.sources)
        reply.suggestions = self.examples(lang)
        return reply

    def help(self, lang: str, query: str = "", thanks: bool = False) -> Reply:
        """What the bot can do; with ``thanks``, a short reply to thanks or goodbye."""
        t = fmt.tr(lang)
        examples = self.examples(lang)
        if thanks:
            text = t.gettext("You're welcome! Ask me about the budget any time.")
            return Reply(query=query, lang=lang, intent="help", text=text, suggestions=examples)
        text = t.gettext(
            "I answer questions about local budgets with exact figures from the maslikhat's "
            "decisions and name the decision each figure comes from. Ask about a line and a "
            "year, a year's overview, a comparison of years, the biggest items, a breakdown, "
            "a share, or what a term means."
        )
        text += "\n\n" + t.gettext("For example:") + "\n" + "\n".join(f"• {e}" for e in examples)
        return Reply(query=query, lang=lang, intent="help", text=text, suggestions=examples)

    def explain(self, term: str, lang: str, query: str = "") -> Reply:
        """A glossary entry by key (``subvention``) or by any of its words."""
        t = fmt.tr(lang)
        found = self.glossary.get(term)
        if found is None:
            hits = self.reader.glossary.search(
                [w for w in self.reader.read(term, lang=lang).words] or [term]
            )
            found = self.glossary.get(hits[0].key) if hits else None
        reply = Reply(query=query or term, lang=lang, intent="explain")
        if found is None or not (found.texts.get(lang) or found.texts.get("ru")):
            reply.text = t.gettext(
                "I have no explanation for this term yet. I can explain: {terms}."
            ).format(terms=", ".join(g.title(lang) for g in self.glossary.values()))
            return reply
        reply.text = (
            f"{found.title(lang).capitalize()}\n{found.texts.get(lang) or found.texts['ru']}"
        )
        reply.code = found.key
        return reply

    def _expand_years(self, r: Reading, entity: str | None) -> Reading:
        """Years said without a year number: "all years", "по годам", "үш жылда" — every
        year of the budget holder; "за последние два года" — the last N; "roads 24",
        "дороги 24 и 25" — two-digit numbers written alone, when each is a year the store
        has (never inside a top-N question)."""
        cues = r.cues - {"all_years", "last_years"}
        if entity is None or r.years:
            return replace(r, cues=cues) if cues != r.cues else r
        have = self.available_years(entity)
        if "all_years" in r.cues:
            return replace(r, years=tuple(have), is_range=True, cues=cues)
        if "last_years" in r.cues and not r.cues & {"top", "bottom"}:
            counts = (
                [r.n]
                if r.n
                else [self.reader.numbers[w] for w in r.words if w in self.reader.numbers]
            )
            if counts and counts[0] >= 2:  # "последние 5 лет" with three in the store: all three
                return replace(r, years=tuple(have[-counts[0] :]), n=None, cues=cues)
        r = replace(r, cues=cues) if cues != r.cues else r
        if not r.cues & {"top", "bottom"}:
            years = sorted({2000 + n for n in r.bare_numbers})
            if years and all(y in have for y in years):
                return replace(r, years=tuple(years), n=None, is_range=len(years) > 2)
        return r

    def _other_place(self, r: Reading) -> Reply:
        """A place the store has no budget for: say so and name the budgets it has."""
        t = fmt.tr(r.lang)
        reply = Reply(query=r.query, lang=r.lang, intent="unknown", years=list(r.years))
        have = "; ".join(
            f"{self.entity_name(e, r.lang)} ({self._years_list(list(ys), r.lang)})"
            for e, ys in sorted(self.years.items())
        )
        reply.text = t.gettext(
            "I have no budget data for {place}. I can answer about: {budgets}."
        ).format(place=r.place.get(r.lang) or next(iter(r.place.values())), budgets=have)
        reply.suggestions = self.examples(r.lang)
        return reply

    def _unknown(
        self,
        r: Reading,
        empty: bool = False,
        explain: bool = False,
        choices: list[str] | None = None,
    ) -> Reply:
        """Nothing to answer: say so and offer examples — or, when the words partly name
        several budget lines (``choices``, classifier codes), offer those lines instead."""
        t = fmt.tr(r.lang)
        intent = "explain" if explain else "unknown"
        reply = Reply(query=r.query, lang=r.lang, intent=intent)
        if empty:
            text = t.gettext("Please ask a question about the budget in words.")
        elif explain:
            text = t.gettext(
                "I have no explanation for this term yet. I can explain: {terms}."
            ).format(terms=", ".join(g.title(r.lang) for g in self.glossary.values()))
        else:
            originals = {fold(w): w for w in tokens(r.text.lower())}
            shown = " ".join(originals.get(w, w) for w in r.unexplained[:5]) or r.text
            if len(shown) > 60:  # a pasted essay is not echoed back whole
                shown = shown[:59] + "…"
            if choices:
                names = [self.classifier.by_code[c].name(r.lang) for c in choices]
                reply.text = t.gettext(
                    "«{words}» can mean several budget lines. Did you mean: {choices}?"
                ).format(words=shown, choices="; ".join(f"«{n}»" for n in names))
                # each choice is a question the bot answers, with the year that was asked
                when = " ".join(str(y) for y in r.years)
                reply.suggestions = [f"{n} {when}".strip() for n in names]
                return reply
            text = t.gettext("I could not find «{words}» in the budget.").format(words=shown)
        examples = self.examples(r.lang)
        text += (
            "\n\n" + t.gettext("Try, for example:") + "\n" + "\n".join(f"• {e}" for e in examples)
        )
        reply.text = text
        reply.suggestions = examples
        return reply

    # ------------------------------------------------------------ data for the bot
    def export_rows(
        self, year: int | None = None, entity: str | None = None
    ) -> list[dict[str, Any]]:
        """Rows for a CSV/XLSX export: entity, year, code, kk/ru/en names, amount, source."""
        rows = []
        for row in queries.export_lines(self.db, year=year, entity=entity):
            names = self.classifier.names(row["code"])
            doc = self.documents.get(row.get("doc_id") or "")
            source = (
                cite(
                    doc, self.budgets.get(row.get("budget_id") or ""), row.get("source") or "", "ru"
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
    ) -> dict[str, Any]:
        """Data for a chart: ``kind="groups"`` (spending by group in a year) or ``"line"``
        (one classifier entry's amounts across years). Returns title, labels, values (Decimal)."""
        entity = self._entity(entity)
        t = fmt.tr(lang)
        if entity is None:
            return {"title": "", "labels": [], "values": [], "unit": t.gettext("thousand ₸")}
        have = self.available_years(entity)
        if kind == "line" and code:
            labels, values = [], []
            for y in have:
                lines = self.lines_for(self.year_budget(entity, y), code)
                if lines:
                    labels.append(str(y))
                    values.append(sum((ln.amount for ln in lines), Decimal(0)))
            entry = self.classifier.by_code.get(code)
            return {
                "title": entry.name(lang) if entry else code,
                "labels": labels,
                "values": values,
                "unit": t.gettext("thousand ₸"),
                "entity": self.entity_name(entity, lang),
            }
        y = year if year in have else (have[-1] if have else None)
        if y is None:
            return {"title": "", "labels": [], "values": [], "unit": t.gettext("thousand ₸")}
        yb = self.year_budget(entity, y)
        groups = sorted(
            (ln for ln in yb.lines if ln.section == "expense" and _depth(ln.code) == 1),
            key=lambda ln: -ln.amount,
        )
        return {
            "title": t.gettext("Spending by area, {year}").format(year=y),
            "labels": [self.line_name(ln.code, lang, ln.name_printed) for ln in groups],
            "values": [ln.amount for ln in groups],
            "unit": t.gettext("thousand ₸"),
            "entity": self.entity_name(entity, lang),
            "year": y,
        }
