"""From a file to validated budgets, and into the store: the library behind the CLI.

``parse_file`` reads and parses one decision (store untouched); ``ingest_paths``
parses many and stores each one atomically. The steps — read, pick a parser
(garbled OCR or clean text/HTML), name the entities, validate — are each a module
of their own; this one only strings them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from bot import DEFAULT_DB
from bot.classifier import Classifier
from bot.classifier import default as default_classifier
from bot.ingest import places
from bot.ingest.ocr import looks_like_ocr, parse_ocr
from bot.ingest.read import Source, read_bytes, read_document
from bot.ingest.validate import validate

if TYPE_CHECKING:  # the store is not imported into the parsing sandbox
    from sqlite_utils import Database

from bot.model import (
    SUMMARY_KEYS,
    Budget,
    Line,
    ParseResult,
    Problem,
    Replacement,
    UnusableDocument,
)

_KIND_OF_ISSUER = (
    (re.compile(r"қалалық|городск", re.IGNORECASE), "maslikhat_city"),
    (re.compile(r".*"), "maslikhat_district"),
)


@dataclass
class Report:
    """What happened to one file: stored, or refused with a one-line reason."""

    path: str
    ok: bool
    reason: str = ""
    result: ParseResult | None = None
    stored: dict[str, int] = field(default_factory=dict)


def parse_source(
    source: Source,
    path: str,
    classifier: Classifier | None = None,
    *,
    defer: bool = False,
) -> ParseResult:
    """Parse a read document and validate every budget in it.

    Figures an amending decision replaces ("цифры «A» заменить цифрами «B»") can only be
    placed over the amended decision in a store: with ``defer`` they are left pending in
    ``result.replacements`` for whoever stores the result (``apply_replacements``);
    without it, a decision that only replaces figures is refused in one line naming the
    decision it amends, and in one that also restates figures each is reported.
    """
    classifier = classifier or default_classifier()
    doc_id = source.sha[:16]
    # "Repairs only where the text came through OCR": a clean text is the law as adopted.
    ocr = looks_like_ocr(source.text)
    if ocr:
        result = parse_ocr(source.text, doc_id=doc_id, path=path, classifier=classifier)
    else:
        from bot.ingest import clean

        if source.html:
            result = clean.parse_html(source.html, doc_id=doc_id, path=path)
        else:
            result = clean.parse_text(source.text, doc_id=doc_id, path=path)
    name_entities(result)
    if result.replacements and not defer:
        refuse_unapplied(result)
    if not result.budgets and not result.replacements:
        raise UnusableDocument("no budget figures found in this document")
    for budget in result.budgets:
        for line in budget.lines:
            if not line.name_kk:
                names = classifier.names(line.code)
                line.name_kk, line.name_ru, line.name_en = names["kk"], names["ru"], names["en"]
        doc = next((d for d in result.documents if d.doc_id == budget.doc_id), None)
        given = {ln.code for ln in budget.lines if ln.section == "summary"}
        partial = bool(doc and doc.kind == "amendment" and not given >= set(SUMMARY_KEYS))
        repairs, problems = validate(budget, partial=partial, repair=ocr)
        result.repairs.extend(repairs)
        result.problems.extend(problems)
    return result


def name_entities(result: ParseResult) -> None:
    """Key every budget by its entity's English name; fill kk/ru/en names of entities,
    their parents and issuers, so that a Kazakh and a Russian decision about one place
    meet and every entity knows its parent (district of a village, region of a district)."""
    keys: dict[str, str] = {}  # the name as the document gives it -> the entity key

    def register(name: str, kind: str, parent: str) -> str:
        names = places.names(places.place_for(name), kind)
        key = keys.setdefault(name, names["en"])
        entry = {"kind": kind, **{f"name_{k}": v for k, v in names.items()}, "parent": parent}
        if not result.entities.get(key, {}).get("parent"):
            result.entities[key] = entry
        return key

    budgets = {id(b): b for b in [*result.budgets, *(r.budget for r in result.replacements)]}
    for budget in budgets.values():
        if not budget.entity:
            result.problems.append(
                Problem("", budget.year, "", "the budget holder's name could not be read")
            )
            continue
        parent = ""
        for name, kind in reversed(budget.lineage):  # region first, then district
            parent = register(name, kind, parent)
        budget.parent = parent
        budget.entity = register(budget.entity, budget.entity_kind or "rural_district", parent)
    for problem in result.problems:
        problem.entity = keys.get(problem.entity, problem.entity)
    for doc in result.documents:
        if doc.issuer and not doc.issuer_names:
            kind = next(k for rx, k in _KIND_OF_ISSUER if rx.search(doc.issuer))
            doc.issuer_names = places.names(places.place_for(doc.issuer), kind)


def _base_name(result: ParseResult) -> str:
    doc = result.documents[0]
    return f"decision {doc.amends}" if doc.amends else "the decision it amends"


class MissingBase(UnusableDocument):
    """The decision whose figures are replaced is not in the store (yet)."""


def refuse_unapplied(result: ParseResult) -> None:
    """No store to apply them over: refuse a decision that only replaces figures; in a
    decision that also restates figures, report each one that is not applied."""
    if not result.budgets:
        raise UnusableDocument(
            f"this decision replaces figures of {_base_name(result)}; it can be read only "
            "over that decision: add that decision first"
        )
    for rep in result.replacements:
        result.problems.append(
            Problem(
                rep.budget.entity,
                rep.budget.year,
                rep.key,
                f"{rep.source}: figure {rep.old} replaced by {rep.printed} not applied "
                f"without {_base_name(result)}",
                rep.source,
            )
        )


def apply_replacements(db: Database, result: ParseResult) -> None:
    """Apply "цифры «A» заменить цифрами «B»" over the amended decision in the store.

    The base must be stored; the old figure must be the figure in force of exactly one
    summary line of that budget (the one the wording names, when it names one) — that
    line gets the new figure as an edition of this decision. Anything else refuses the
    whole decision in one line: a half-applied amendment would leave stale figures in
    force without a word.
    """
    doc = result.documents[0]
    base = doc.amends
    when = base.date.isoformat() if base and base.date else ""
    found = base and list(
        db.query(
            "select doc_id from documents where number = ? and (date = ? or ? = '')",
            [base.number, when, when],
        )
    )
    if not found:
        raise MissingBase(
            f"this decision replaces figures of {_base_name(result)}, which is not in the "
            "store; add that decision first"
        )
    base_ids = [r["doc_id"] for r in found]
    for rep in result.replacements:
        _place_by_base(db, result, rep, base_ids)
        b = rep.budget
        in_force = _in_force_without(db, b.entity, b.year, doc.doc_id, doc.date)
        matches = [code for code, value in in_force.items() if value == rep.old]
        key = rep.key if rep.key in matches else (matches[0] if len(matches) == 1 else "")
        if not key:
            raise UnusableDocument(
                f"{rep.source}: the figure {rep.old} this decision replaces is not a single "
                f"figure in force of {b.entity} {b.year} under {_base_name(result)}; "
                "nothing stored"
            )
        names = default_classifier().names(key)
        b.lines.append(
            Line(
                code=key,
                amount=rep.new,
                section="summary",
                source=rep.source,
                printed=rep.printed,
                name_printed=rep.text,
                name_kk=names["kk"],
                name_ru=names["ru"],
                name_en=names["en"],
            )
        )
        if all(b is not other for other in result.budgets):
            result.budgets.append(b)


def _in_force_without(
    db: Database, entity: str, year: int, doc_id: str, before: date | None
) -> dict[str, Decimal]:
    """The summary figures in force without this decision's own lines — as the amended
    text stood when it was amended (ingesting the same amendment again finds the same
    figures it replaced, not its own)."""
    rows = db.query(
        "select l.code, l.amount_tenge, b.edition_date, d.date from lines l "
        "join budgets b on b.budget_id = l.budget_id join documents d on d.doc_id = l.doc_id "
        "where l.entity = ? and l.year = ? and l.section = 'summary' and l.doc_id != ? "
        "and l.current in (0, 1)",
        [entity, year, doc_id],
    )
    cutoff = before.isoformat() if before else "9999"
    newest: dict[str, tuple[str, str, Decimal]] = {}
    for r in rows:
        edition = str(r["edition_date"] or r["date"] or "")
        if edition > cutoff:
            continue  # a later edition is not what this decision amended
        stamp = (edition, str(r["date"] or ""))
        if r["code"] not in newest or stamp > newest[r["code"]][:2]:
            newest[r["code"]] = (*stamp, Decimal(r["amount_tenge"]) / 1000)
    return {code: value for code, (_, _, value) in newest.items()}


def _place_by_base(
    db: Database, result: ParseResult, rep: Replacement, base_ids: list[str]
) -> None:
    """ "в пункте 2: цифры …" of a decision covering several budgets: point 2 of the base
    says whose budget it is, whatever the amending decision's title names."""
    marks = ",".join("?" * len(base_ids))
    owners = list(
        db.query(
            f"select distinct l.entity, e.kind, e.parent from lines l join entities e "
            f"on e.entity = l.entity where l.doc_id in ({marks}) and l.source = ? "
            f"and l.year = ?",
            [*base_ids, rep.source, rep.budget.year],
        )
    )
    if len(owners) != 1 or owners[0]["entity"] == rep.budget.entity:
        return
    owner = owners[0]
    doc_id = result.documents[0].doc_id
    for other in result.replacements:  # one budget per entity and year
        b = other.budget
        if (b.entity, b.year) == (owner["entity"], rep.budget.year) and b.doc_id == doc_id:
            rep.budget = b
            return
    rep.budget = Budget(
        owner["entity"], owner["kind"], rep.budget.year, doc_id, parent=owner["parent"] or ""
    )


def parse_file(
    path: str | Path, classifier: Classifier | None = None, *, defer: bool = False
) -> ParseResult:
    """Read and parse one file; raises ``UnusableDocument`` with a one-line reason."""
    return parse_source(read_document(Path(path)), str(path), classifier, defer=defer)


def parse_upload(data: bytes, filename: str, *, defer: bool = False) -> ParseResult:
    """Parse an uploaded file's bytes (the Telegram admin upload)."""
    return parse_source(read_bytes(data, filename), filename, defer=defer)


def ingest_paths(
    paths: Iterable[str | Path],
    db_path: str | Path = DEFAULT_DB,
    on_done: Callable[[Report], None] | None = None,
) -> list[Report]:
    """Parse and store each file; a file that fails leaves the store as it was."""
    from bot.ingest import sandbox
    from bot.store.schema import load_classifier, open_db

    classifier = default_classifier()
    db = open_db(db_path)
    load_classifier(db, classifier)
    reports: list[Report] = []
    waiting: list[tuple[int, ParseResult]] = []  # replacements whose base comes later
    for path in paths:
        try:
            # Parsed in a capped child process: no file can take this process down.
            result = sandbox.parse_path(path)
            report = _store(db, result, str(path))
        except MissingBase:
            waiting.append((len(reports), result))
            reports.append(Report(str(path), False))
            continue
        except UnusableDocument as exc:
            report = Report(str(path), False, reason=str(exc))
        except Exception as exc:  # a parser bug must not take the other files down
            report = Report(str(path), False, reason=f"could not be parsed ({type(exc).__name__})")
        reports.append(report)
        if on_done:
            on_done(report)
    # "whichever arrives first": an amendment met before its base is stored after it
    for index, result in waiting:
        try:
            reports[index] = _store(db, result, reports[index].path)
        except UnusableDocument as exc:
            reports[index] = Report(reports[index].path, False, reason=str(exc))
        if on_done:
            on_done(reports[index])
    db.close()
    return reports


def _store(db: Database, result: ParseResult, path: str) -> Report:
    """Apply the figures a decision replaces over the store, then store it atomically."""
    from bot.store.write import store_result

    if result.replacements:
        apply_replacements(db, result)
    return Report(path, True, result=result, stored=store_result(db, result))


def store_parsed(result: ParseResult, db_path: str | Path = DEFAULT_DB) -> dict[str, int]:
    """Store an already parsed (and previewed) result atomically — the admin's "Confirm"."""
    from bot.store.schema import load_classifier, open_db
    from bot.store.write import store_result

    db = open_db(db_path)
    try:
        if "classifier" not in db.table_names() or not db["classifier"].count:
            load_classifier(db, default_classifier())
        if result.replacements:
            apply_replacements(db, result)
        return store_result(db, result)
    finally:
        db.close()
