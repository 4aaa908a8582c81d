"""Parse clean Kazakh or Russian budget decisions as published on adilet.zan.kz.

Input is the saved HTML page (appendices as ``<table>``) or its plain-text copy (cells
separated by tabs, or standing on lines of their own). Both are flattened to one
sequence of text lines and table ``Row`` objects, then read by
:class:`bot.ingest.clean.parser.CleanParser`:

- ``meta``      — number, date, issuer and its territory, what the decision amends;
- ``entities``  — whose budget a phrase names (kind, parent);
- ``points``    — point-1 items, sub-headings, years;
- ``amend``     — points restated in full, figures replaced;
- ``appendix``  — appendix tables into coded lines (the public table reader).
"""

from __future__ import annotations

import re

from bot.ingest.clean.appendix import AppendixReader, group_rows
from bot.ingest.clean.parser import CleanParser, Part
from bot.ingest.clean.points import summary_key as _summary_key
from bot.ingest.tables import Row, html_table_grid
from bot.ingest.vocab import load
from bot.model import ParseResult, UnusableDocument


def parse_text(text: str, *, doc_id: str, path: str) -> ParseResult:
    """Parse the plain-text copy of a clean decision (tabs or one cell per line)."""
    if not text or not text.strip():
        raise UnusableDocument("the document is empty")
    lines = [
        " ".join(ln.split()) if "\t" not in ln else ln.strip("\r\n ") for ln in text.splitlines()
    ]
    parts: list[Part] = [ln for ln in lines if ln.strip()]
    return CleanParser(parts, doc_id, path).run()


def parse_html(html: str, *, doc_id: str, path: str) -> ParseResult:
    """Parse a saved adilet HTML page; tables are read cell by cell with rowspan/colspan."""
    from bs4 import BeautifulSoup

    from bot.ingest.read import html_to_text

    if not html or not html.strip():
        raise UnusableDocument("the document is empty")
    soup = BeautifulSoup(html, "html.parser")
    tables: list[list[list[str]]] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is not None:
            continue
        tables.append(html_table_grid(table))
        table.replace_with(soup.new_string(f"\n@@TABLE{len(tables) - 1}@@\n"))
    parts: list[Part] = []
    for line in html_to_text(str(soup)).splitlines():
        m = re.fullmatch(r"\s*@@TABLE(\d+)@@\s*", line)
        if m:
            parts.extend(Row(cells=cells, positional=True) for cells in tables[int(m.group(1))])
        elif line.strip():
            parts.append(" ".join(line.split()))
    return CleanParser(parts, doc_id, path).run()


def summary_key(text: str, lang: str | None = None) -> str | None:
    """The summary key a label names, in ``lang`` or in any language."""
    for code in (lang,) if lang else ("kk", "ru"):
        key = _summary_key(text, load(code))
        if key:
            return key
    return None


__all__ = ["AppendixReader", "CleanParser", "group_rows", "parse_html", "parse_text", "summary_key"]
