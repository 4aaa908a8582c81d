"""The reply composer: the pieces every intent's reply is made of — the header, the rows,
the sources, the honest note on what the figures are, and the replies for "no such budget",
"no such line", "no year given".

Intents decide *what* to say (:mod:`bot.answer.intents`); this module decides *how* it reads,
in one place, so every answer names its figures the same way.
"""

from __future__ import annotations

from decimal import Decimal

from babel.lists import format_list

from bot.answer import fmt
from bot.answer.budgets import Budgets, Line, YearBudget
from bot.answer.cite import amendment_in_force, cite
from bot.answer.glossary import Term
from bot.answer.model import Item, Reply
from bot.answer.route import Plan
from bot.answer.understand import Reader


class Composer:
    """Builds replies from a read view of the store (``store``) and the glossary."""

    def __init__(self, store: Budgets, glossary: dict[str, Term], reader: Reader) -> None:
        self.store = store
        self.glossary = glossary
        self.reader = reader
        self.catalogs: dict[tuple[str, str | None], Reply] = {}

    def reply(self, plan: Plan, intent: str | None = None) -> Reply:
        """An empty reply for ``plan`` (its line and holder filled in for the buttons)."""
        return Reply(
            query=plan.query,
            lang=plan.lang,
            intent=intent or plan.intent,
            code=plan.code,
            entity=plan.entity,
        )

    def item(self, year: int, line: Line, lang: str, entity: str) -> Item:
        name = self.store.line_name(line.code, lang, line.name_printed)
        return Item(year, line.code, name, line.amount, entity)

    def row(self, line: Line, lang: str, approx: bool = False) -> str:
        """``name: amount`` for lists; lists carry shares, so no rounded figure in brackets."""
        return (
            f"{self.store.line_name(line.code, lang, line.name_printed)}: "
            f"{fmt.money(line.amount, lang, approx=approx)}"
        )

    def sources(self, lines: list[Line], lang: str) -> list[str]:
        out: list[str] = []
        for line in lines:
            doc = self.store.documents.get(line.doc_id)
            if doc is None:
                continue
            text = cite(doc, self.store.budgets.get(line.budget_id), line.source, lang)
            if text not in out:
                out.append(text)
        return out

    def amended(self, lines: list[Line]) -> bool:
        """Whether any of ``lines`` comes from a decision that was amended."""
        for line in lines:
            doc = self.store.documents.get(line.doc_id)
            budget = self.store.budgets.get(line.budget_id)
            if doc is not None and amendment_in_force(doc, budget, line.source):
                return True
        return False

    def with_sources(self, reply: Reply, lines: list[Line]) -> Reply:
        """Name what the figures are (the approved or amended plan) and where they come from."""
        t = fmt.tr(reply.lang)
        if lines:
            note = (
                t.gettext("Amounts are the approved plan as amended by the decision in force.")
                if self.amended(lines)
                else t.gettext("Amounts are the approved plan of the decision in force.")
            )
            reply.text += "\n\n" + note
        reply.sources = self.sources(lines, reply.lang)
        if reply.sources:
            label = t.ngettext("Source:", "Sources:", len(reply.sources))
            reply.text += "\n\n" + label + "\n" + "\n".join(f"• {s}" for s in reply.sources)
        return reply

    def years_list(self, years: list[int], lang: str) -> str:
        return format_list([str(y) for y in years], locale=lang) if years else "—"

    def no_data(self, reply: Reply, entity: str | None, missing: list[int]) -> Reply:
        t = fmt.tr(reply.lang)
        have = self.store.available_years(entity)
        if not have:
            reply.text = t.gettext("The store has no budgets yet.")
            return reply
        reply.text = t.ngettext(
            "There is no budget data for {years}.",
            "There is no budget data for {years}.",
            len(missing),
        ).format(years=self.years_list(missing, reply.lang))
        reply.text += " " + t.ngettext(
            "{entity} has a budget for {years}.",
            "{entity} has budgets for {years}.",
            len(have),
        ).format(
            entity=self.store.entity_name(entity, reply.lang),
            years=self.years_list(have, reply.lang),
        )
        reply.suggestions = self.examples(reply.lang)
        return reply

    def no_line(self, reply: Reply, entity: str, years: list[int], code: str, name: str) -> Reply:
        """The line is not in this year's budget: say so, and where it is."""
        t = fmt.tr(reply.lang)
        reply.text = t.gettext("The {entity} budget for {years} has no line «{name}».").format(
            entity=self.store.entity_name(entity, reply.lang),
            years=self.years_list(years, reply.lang),
            name=name,
        )
        elsewhere = [y for y in self.store.years_holding(entity, code) if y not in years]
        if elsewhere:
            reply.text += " " + t.gettext("It is in the budget for {years}.").format(
                years=self.years_list(elsewhere, reply.lang)
            )
        return reply

    def header(self, entity: str, years: list[int], lang: str) -> str:
        return (
            fmt.tr(lang)
            .gettext("{entity}, {years}")
            .format(entity=self.store.entity_name(entity, lang), years=self.years_list(years, lang))
        )

    def default_year_note(self, year: int, lang: str) -> str:
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

    def resolve_years(
        self, reading_years: tuple[int, ...], entity: str, want: int
    ) -> tuple[list[int], list[int], bool]:
        """(years to answer, years asked for but missing, whether the year was defaulted)."""
        have = self.store.available_years(entity)
        if reading_years:
            present = [y for y in reading_years if y in have]
            missing = [y for y in reading_years if y not in have]
            return present, missing, False
        return have[-want:], [], True

    def year_for(self, reply: Reply, year: int | None) -> Reply | tuple[int, YearBudget, bool]:
        """The one year an answer is about — (year, its budget, whether it was defaulted) —
        or the finished reply saying there is no such budget. ``reply.entity`` is resolved."""
        entity = reply.entity
        if entity is None:
            return self.no_data(reply, None, [year] if year else [])
        present, missing, defaulted = self.resolve_years((year,) if year else (), entity, 1)
        if not present:
            reply.years = [year] if year else []
            return self.no_data(reply, entity, missing)
        y = present[-1]
        reply.years = [y]
        return y, self.store.year_budget(entity, y), defaulted

    def total(self, lines: list[Line]) -> Decimal:
        return sum((ln.amount for ln in lines), Decimal(0))

    def finish(self, reply: Reply, plan: Plan) -> Reply:
        """What every answer gets last: "did you mean" lines next to an answer, and the plain
        sentence that the store holds plans when execution was asked about."""
        t = fmt.tr(plan.lang)
        if plan.execution and reply.items:
            # "сколько фактически исполнено в 2024": the plan figure, said as what it is
            reply.text = (
                t.gettext(
                    "The store holds the approved budget plans, not execution reports, so this "
                    "is the planned amount, not what was actually spent."
                )
                + "\n\n"
                + reply.text
            )
        if plan.suggestions and reply.items:
            names = [self.store.entry_name(c, plan.lang) for c in plan.suggestions]
            reply.suggestions = names
            reply.text += "\n\n" + t.gettext("Did you mean: {choices}?").format(
                choices="; ".join(f"«{n}»" for n in names)
            )
        return reply
