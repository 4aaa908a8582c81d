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
    """Paragraphs on lines; each outermost table row one line, cells joined by tabs.

    Rows and cells close as a browser closes them: a ``<tr>`` or ``<td>`` left open
    ends when the next one of the row's own table starts; tables nested in a cell
    only add their text to that cell.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.cells: list[list[str]] | None = None  # the open outermost row's cells
        self.nested = 0  # tables open inside that row's cells
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif self.cells is None:
            if tag == "tr":
                self.cells, self.in_cell = [], False
            elif tag == "br" or tag in _BLOCK:
                self.out.append("\n")
        elif tag == "table":
            self.nested += 1
        elif self.nested == 0 and tag == "tr":
            self._end_row()
            self.cells = []
        elif self.nested == 0 and tag in _CELL:
            self.cells.append([])
            self.in_cell = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.cells is None:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif self.cells is None:
            if tag in _BLOCK:
                self.out.append("\n")
        elif tag == "table":
            if self.nested:
                self.nested -= 1
            else:  # the row's own table closed with the row still open
                self._end_row()
                self.out.append("\n")
        elif self.nested == 0 and tag == "tr":
            self._end_row()
        elif self.nested == 0 and tag in _CELL:
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cells is None:
            self.out.append(data)
        elif self.in_cell and self.cells:
            self.cells[-1].append(data)  # text between cells of a row is dropped

    def _end_row(self) -> None:
        cells = self.cells or []
        self.cells, self.nested, self.in_cell = None, 0, False
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
