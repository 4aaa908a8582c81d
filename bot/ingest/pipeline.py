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
from pathlib import Path

from bot import DEFAULT_DB
from bot.classifier import Classifier
from bot.classifier import default as default_classifier
from bot.ingest import places
from bot.ingest.ocr import looks_like_ocr, parse_ocr
from bot.ingest.read import Source, read_bytes, read_document
from bot.ingest.validate import validate
from bot.model import SUMMARY_KEYS, ParseResult, Problem, UnusableDocument

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


def parse_source(source: Source, path: str, classifier: Classifier | None = None) -> ParseResult:
    """Parse a read document and validate every budget in it."""
    classifier = classifier or default_classifier()
    doc_id = source.sha[:16]
    if looks_like_ocr(source.text):
        result = parse_ocr(source.text, doc_id=doc_id, path=path, classifier=classifier)
    else:
        from bot.ingest import clean

        if source.html:
            result = clean.parse_html(source.html, doc_id=doc_id, path=path)
        else:
            result = clean.parse_text(source.text, doc_id=doc_id, path=path)
    if not result.budgets:
        raise UnusableDocument("no budget figures found in this document")
    name_entities(result)
    for budget in result.budgets:
        for line in budget.lines:
            if not line.name_kk:
                names = classifier.names(line.code)
                line.name_kk, line.name_ru, line.name_en = names["kk"], names["ru"], names["en"]
        doc = next((d for d in result.documents if d.doc_id == budget.doc_id), None)
        given = {ln.code for ln in budget.lines if ln.section == "summary"}
        partial = bool(doc and doc.kind == "amendment" and not given >= set(SUMMARY_KEYS))
        repairs, problems = validate(budget, partial=partial)
        result.repairs.extend(repairs)
        result.problems.extend(problems)
    return result


def name_entities(result: ParseResult) -> None:
    """Key every budget by its entity's English name; fill kk/ru/en names of entities
    and issuers, so that a Kazakh and a Russian decision about one place meet."""
    keys: dict[str, str] = {}  # the name as the document gives it -> the entity key
    for budget in result.budgets:
        if not budget.entity:
            result.problems.append(
                Problem("", budget.year, "", "the budget holder's name could not be read")
            )
            continue
        kind = budget.entity_kind or "rural_district"
        names = places.names(places.place_for(budget.entity), kind)
        key = keys.setdefault(budget.entity, names["en"])
        result.entities[key] = {"kind": kind, **{f"name_{k}": v for k, v in names.items()}}
        budget.entity = key
    for problem in result.problems:
        problem.entity = keys.get(problem.entity, problem.entity)
    for doc in result.documents:
        if doc.issuer and not doc.issuer_names:
            kind = next(k for rx, k in _KIND_OF_ISSUER if rx.search(doc.issuer))
            doc.issuer_names = places.names(places.place_for(doc.issuer), kind)


def parse_file(path: str | Path, classifier: Classifier | None = None) -> ParseResult:
    """Read and parse one file; raises ``UnusableDocument`` with a one-line reason."""
    return parse_source(read_document(Path(path)), str(path), classifier)


def parse_upload(data: bytes, filename: str) -> ParseResult:
    """Parse an uploaded file's bytes (the Telegram admin upload)."""
    return parse_source(read_bytes(data, filename), filename)


def ingest_paths(
    paths: Iterable[str | Path],
    db_path: str | Path = DEFAULT_DB,
    on_done: Callable[[Report], None] | None = None,
) -> list[Report]:
    """Parse and store each file; a file that fails leaves the store as it was."""
    from bot.ingest import sandbox
    from bot.store.schema import load_classifier, open_db
    from bot.store.write import store_result

    classifier = default_classifier()
    db = open_db(db_path)
    load_classifier(db, classifier)
    reports = []
    for path in paths:
        try:
            # Parsed in a capped child process: no file can take this process down.
            result = sandbox.parse_path(path)
            stored = store_result(db, result)
            report = Report(str(path), True, result=result, stored=stored)
        except UnusableDocument as exc:
            report = Report(str(path), False, reason=str(exc))
        except Exception as exc:  # a parser bug must not take the other files down
            report = Report(str(path), False, reason=f"could not be parsed ({type(exc).__name__})")
        reports.append(report)
        if on_done:
            on_done(report)
    db.close()
    return reports


def store_parsed(result: ParseResult, db_path: str | Path = DEFAULT_DB) -> dict[str, int]:
    """Store an already parsed (and previewed) result atomically — the admin's "Confirm"."""
    from bot.store.schema import load_classifier, open_db
    from bot.store.write import store_result

    db = open_db(db_path)
    try:
        if "classifier" not in db.table_names() or not db["classifier"].count:
            load_classifier(db, default_classifier())
        return store_result(db, result)
    finally:
        db.close()
