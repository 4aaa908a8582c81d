"""HTML pages (saved from adilet.zan.kz): text for the text parser, the page for tables.

``html_to_text`` is one streaming pass over the tags (``html.parser`` events, no
tree), so its time is linear in the input: the old tree-editing version moved every
row with ``replace_with`` (a list search per row) and grew quadratically — a 19.9 MB
table ran past 200 s.
"""

from __future__ import annotations

from html.parser import HTMLParser

from bot.ingest.limits import Limits, check_html
from bot.ingest.readers import Read, Reader
from bot.ingest.readers.text import decode

_SKIP = frozenset({"script", "style", "head", "template"})
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table"})
_CELL = frozenset({"td", "th"})


class _Text(HTMLParser):
    """Paragraphs on lines; each outermost table row one line, cells joined by tabs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.row_depth = 0  # open <tr>, counting rows nested in a row's cells
        self.cells: list[list[str]] | None = None  # the outermost row's cells
        self.in_cell = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "tr":
            if self.row_depth == 0:
                self.cells = []
                self.in_cell = 0
            self.row_depth += 1
        elif tag in _CELL and self.cells is not None:
            if self.row_depth == 1:
                self.cells.append([])
            self.in_cell += 1
        elif self.cells is None and (tag == "br" or tag in _BLOCK):
            self.out.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.cells is None:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "tr" and self.row_depth:
            self.row_depth -= 1
            if self.row_depth == 0:
                self._end_row()
        elif tag in _CELL and self.in_cell:
            self.in_cell -= 1
        elif (self.cells is None and tag in _BLOCK) or (tag == "table" and self.row_depth == 0):
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cells is not None:
            if self.in_cell and self.cells:
                self.cells[-1].append(data)  # text between cells of a row is dropped
            return
        self.out.append(data)

    def _end_row(self) -> None:
        cells = self.cells or []
        self.cells = None
        self.in_cell = 0
        row = "\t".join(" ".join(" ".join(parts).split()) for parts in cells)
        self.out.append("\n" + row + "\n")

    def text(self) -> str:
        if self.cells is not None:  # a row left open at the end of the page
            self._end_row()
        return "".join(self.out)


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: paragraphs on lines, table cells separated by tabs."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [
        " ".join(line.split()) if "\t" not in line else line.strip()
        for line in parser.text().splitlines()
    ]
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<table" in head or "<!doctype html" in head or "<body" in head


def _sniff(data: bytes) -> bool:
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _precheck(data: bytes, name: str, limits: Limits) -> None:
    check_html(data.decode("latin-1"), name, limits)  # tags are ASCII in any encoding


def _read(data: bytes, name: str, limits: Limits) -> Read:
    page = decode(data, name, limits)
    return Read(html_to_text(page), page)


READER = Reader(
    kind="html",
    suffixes=frozenset({".html", ".htm", ".xhtml"}),
    sniff=_sniff,
    precheck=_precheck,
    read=_read,
)
