"""The clean-text parser: a decision as published (text or HTML) → budgets.

It strings the readers of this package together: metadata and the issuer's territory
(``meta``), points and their items (``points``), whose budget a point approves
(``entities``), amendments (``amend``) and appendix tables (``appendix``). Sums are
not checked here: the validator runs afterwards on the figures exactly as printed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot import classifier as classifier_mod
from bot.classifier import Classifier
from bot.ingest import vocab as vocab_mod
from bot.ingest.clean import amend
from bot.ingest.clean.appendix import AppendixReader, group_rows
from bot.ingest.clean.entities import Entity, budget_holder, display_name
from bot.ingest.clean.meta import detect_lang, find_date, read_document
from bot.ingest.clean.points import (
    Item,
    Point,
    Unread,
    appendix_numbers,
    items,
    split_points,
    year_of,
)
from bot.ingest.numbers import read_cell
from bot.ingest.tables import Row
from bot.model import (
    Budget,
    Document,
    Edition,
    Line,
    ParseResult,
    Problem,
    Replacement,
    UnusableDocument,
)

Part = str | Row


class CleanParser:
    def __init__(
        self, parts: list[Part], doc_id: str, path: str, classifier: Classifier | None = None
    ) -> None:
        self.parts = parts
        self.doc_id = doc_id
        self.path = path
        self.cls = classifier or classifier_mod.default()
        self.lines = [p for p in parts if isinstance(p, str)]
        self.text = "\n".join(self.lines)
        self.vocab = vocab_mod.load(detect_lang(self.text))
        self.problems: list[Problem] = []
        self.budgets: dict[tuple[Entity, int], Budget] = {}
        self.appendix_entity: dict[int, Entity] = {}
        self.issuer: Entity | None = None
        self.replacements: list[Replacement] = []
        self.reader = AppendixReader(self.cls, self.vocab, self._line, self.problems)

    # ------------------------------------------------------------ entry point
    def run(self) -> ParseResult:
        body, appendices = self._split_appendices()
        body_lines = [p for p in body if isinstance(p, str)]
        doc, self.issuer = read_document(
            body_lines, self.text, self.vocab, doc_id=self.doc_id, path=self.path
        )
        self._points(split_points(body_lines), doc)
        for number, region in appendices:
            self._appendix(number, region)
        self._apply_editions(doc)
        budgets = [b for b in self.budgets.values() if b.lines]
        if not budgets and not self.replacements:
            raise UnusableDocument(self._refusal())
        result = ParseResult(documents=[doc], budgets=budgets, problems=self.problems)
        result.rows = {"read": self.reader.rows_read, "stored": self.reader.rows_stored}
        result.replacements = self.replacements
        return result

    def _refusal(self) -> str:
        if not re.search(r"м[аә]слихат", self.text, re.IGNORECASE):
            return "this text is not a maslikhat decision: no budget figures found"
        return "no budget figures found in this decision (no point-1 volumes, no appendix tables)"

    # ------------------------------------------------------------ structure
    def _appendix_number(self, part: Part) -> int | None:
        if not isinstance(part, str) or len(part) > 200:
            return None
        for pattern in self.vocab.appendix:
            m = pattern.match(part)
            if m and not any(p.search(part) for p in self.vocab.restate):
                return int(m.group("n")) if m.group("n") else 1
        return None

    def _split_appendices(self) -> tuple[list[Part], list[tuple[int, list[Part]]]]:
        body: list[Part] = []
        regions: list[tuple[int, list[Part]]] = []
        for part in self.parts:
            number = self._appendix_number(part)
            if number is not None:
                regions.append((number, []))
            elif regions:
                regions[-1][1].append(part)
            else:
                body.append(part)
        return body, regions

    # ------------------------------------------------------------ points
    def _points(self, points: list[Point], doc: Document) -> None:
        last: Entity | None = None
        for point in points:
            if amend.is_replacement(point.text, self.vocab):
                self._replacements(point, doc)
                continue
            head = point.head
            entity = budget_holder(head, self.vocab, self.issuer)
            year = year_of(head, self.vocab)
            if entity is not None:
                for n in appendix_numbers(head, self.vocab):
                    self.appendix_entity[n] = entity
            if not point.has_items(self.vocab):
                continue
            if entity is None:
                entity = last or budget_holder(doc.title, self.vocab, self.issuer) or self.issuer
            last = entity
            self._items(point, entity, year)

    def _items(self, point: Point, entity: Entity | None, year: int | None) -> None:
        source = f"point {point.number}"
        for item in items(point, entity, year, self.vocab):
            who = item.entity
            if isinstance(item, Unread):
                self.problems.append(
                    Problem(
                        who.name if who else "",
                        item.year,
                        item.key,
                        f"{source}: '{item.text[:80]}' has no figure that can be read; left out",
                        source,
                    )
                )
                continue
            if who is None or item.year is None:
                self.problems.append(
                    Problem(
                        who.name if who else "",
                        item.year,
                        item.key,
                        f"{source}: figure {item.amount.printed} found but "
                        f"{'the year' if who else 'whose budget it is'} is unknown; left out",
                        source,
                    )
                )
                continue
            self._summary(who, item, source)

    def _summary(self, who: Entity, item: Item, source: str) -> None:
        assert item.year is not None
        budget = self._budget(who, item.year)
        if any(ln.source == source and ln.code == item.key for ln in budget.lines):
            return  # "в том числе" repeats a figure: the first one wins
        budget.lines.append(
            self._line(
                item.key, item.amount.value, "summary", source, item.amount.printed, item.text
            )
        )

    # ------------------------------------------------------------ "цифры … заменить цифрами …"
    def _replacements(self, point: Point, doc: Document) -> None:
        """Each replaced figure becomes a ``Replacement`` of the amended budget; the store
        applies it over that decision (``bot.ingest.pipeline``), where the old figure
        names the line when the wording does not."""
        quoted = re.search(r"[\"«“]([^\"»”]*бюджет[^\"»”]*)[\"»”]", point.text, re.IGNORECASE)
        base_text = quoted.group(1) if quoted else doc.title
        entity = budget_holder(base_text, self.vocab, self.issuer) or budget_holder(
            doc.title, self.vocab, self.issuer
        )
        year = year_of(base_text, self.vocab) or year_of(doc.title, self.vocab)
        for rep in amend.replacements(point.lines, self.vocab):
            old = read_cell(rep.old)
            if entity is None or year is None or rep.new is None or old is None:
                self.problems.append(
                    Problem(
                        entity.name if entity else "",
                        year,
                        rep.key or "",
                        f'point {point.number}: figure "{rep.old}" replaced by "{rep.new_text}" '
                        "cannot be placed: whose budget or which year is not said; left out",
                    )
                )
                continue
            self.replacements.append(
                Replacement(
                    budget=self._budget(entity, year),
                    key=rep.key or "",
                    old=old.value,
                    new=rep.new.value,
                    printed=rep.new.printed,
                    source=f"point {rep.point or 1}",
                    text=rep.line,
                )
            )

    # ------------------------------------------------------------ appendices
    def _appendix(self, number: int, region: list[Part]) -> None:
        source = f"appendix {number}"
        texts = [p for p in region if isinstance(p, str)]
        # the appendix's own title ("Районный бюджет на 2025 год"), not the decision it
        # belongs to ("от 23 декабря 2024 года № 21-1")
        title, year = "", None
        for text in texts[:10]:
            if not find_date(text) and (year := year_of(text, self.vocab)):
                title = text
                break
        entity = self.appendix_entity.get(number) or budget_holder(title, self.vocab, self.issuer)
        if entity is None:
            holders = {e for e, _ in self.budgets}
            entity = next(iter(holders)) if len(holders) == 1 else None
        rows = group_rows(region)
        if not any(isinstance(r, Row) for r in rows):
            if len(texts) > 3 and any(re.search(r"\d{3}", t) for t in texts):
                self.problems.append(
                    Problem(
                        entity.name if entity else "",
                        year,
                        "",
                        f"{source}: no table could be read in this appendix",
                        source,
                    )
                )
            return
        if entity is None or year is None:
            self.problems.append(
                Problem(
                    entity.name if entity else "",
                    year,
                    "",
                    f"{source}: table found but {'its year' if entity else 'whose budget it is'} "
                    "is unknown; left out",
                    source,
                )
            )
            return
        budget = self._budget(entity, year)
        budget.appendix = budget.appendix or source

        def budget_for(other: int) -> Budget:
            found = self._budget(entity, other)
            found.appendix = found.appendix or source
            return found

        self.reader.read(rows, budget, source, budget_for)

    # ------------------------------------------------------------ helpers
    def _budget(self, entity: Entity, year: int) -> Budget:
        key = (entity, year)
        if key not in self.budgets:
            lineage: list[tuple[str, str]] = []
            node = entity.parent
            while node is not None:
                lineage.append((display_name(node, self.vocab.lang), node.kind))
                node = node.parent
            self.budgets[key] = Budget(
                entity=display_name(entity, self.vocab.lang),
                entity_kind=entity.kind,
                year=year,
                doc_id=self.doc_id,
                parent=lineage[0][0] if lineage else "",
                lineage=tuple(lineage),
            )
        return self.budgets[key]

    def _line(
        self, code: str, value: Decimal, section: str, source: str, printed: str, name: str
    ) -> Line:
        names = self.cls.names(code)
        if not any(names.values()):  # a code the classifier lacks: keep the printed name
            names[self.vocab.lang] = " ".join(name.split())[:300]
        return Line(
            code=code,
            amount=value,
            section=section,
            source=source,
            printed=printed,
            name_printed=name,
            name_kk=names.get("kk", ""),
            name_ru=names.get("ru", ""),
            name_en=names.get("en", ""),
        )

    def _apply_editions(self, doc: Document) -> None:
        """Budgets whose point or appendix is given in an amending decision's edition."""
        for amendment in doc.amendments:
            edition = Edition(amendment.date, amendment.number)
            for scope in amendment.scope.split(", "):
                for budget in self.budgets.values():
                    if budget.edition is None and any(ln.source == scope for ln in budget.lines):
                        budget.edition = edition


def parse_items(parts: list[Part], *, doc_id: str, path: str) -> ParseResult:
    return CleanParser(parts, doc_id, path).run()
