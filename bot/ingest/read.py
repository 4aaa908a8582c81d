"""Read a decision file (txt, html, docx, pdf) into text, plus HTML where tables exist.

Why a separate step: the parsers in ``bot.ingest.clean`` work on one text or one
HTML page and must never see bytes. Everything that can make a file unusable
(empty, binary garbage, scanned PDF without a text layer, oversized) is caught
here and raised as ``UnusableDocument`` with a one-line reason for the user,
so no caller ever shows a traceback.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.model import UnusableDocument

MAX_BYTES = 20 * 1024 * 1024
Kind = Literal["txt", "html", "docx", "pdf"]

_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Source:
    """A readable document: its text, its HTML when tables survive, and its hash."""

    text: str
    html: str | None
    kind: Kind
    sha: str  # sha256 hex of the original bytes


def read_document(path: Path) -> Source:
    """Read ``path``; raise ``UnusableDocument`` when it holds nothing we can read."""
    path = Path(path)
    if not path.is_file():
        raise UnusableDocument(f"{path.name}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnusableDocument(
            f"{path.name}: file is larger than 20 MB ({size // (1024 * 1024)} MB)"
        )
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, filename: str) -> Source:
    """Read an upload's bytes; the suffix of ``filename`` (or the content) picks the reader."""
    name = filename or "upload"
    if len(data) > MAX_BYTES:
        raise UnusableDocument(f"{name}: file is larger than 20 MB")
    if not data.strip():
        raise UnusableDocument(f"{name}: the file is empty")
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if suffix == ".docx" or (suffix not in _HTML_SUFFIXES and data[:2] == b"PK"):
        text, html = _read_docx(data, name)
        return Source(text=text, html=html, kind="docx", sha=sha)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return Source(text=_read_pdf(data, name), html=None, kind="pdf", sha=sha)
    if suffix == ".doc":
        raise UnusableDocument(
            f"{name}: old Word .doc files are not supported; save it as .docx or .txt"
        )
    text = _decode(data, name)
    if suffix in _HTML_SUFFIXES or _looks_like_html(text):
        return Source(text=html_to_text(text), html=text, kind="html", sha=sha)
    return Source(text=text, html=None, kind="txt", sha=sha)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<table" in head or "<!doctype html" in head or "<body" in head


def _decode(data: bytes, name: str) -> str:
    """Decode text bytes: UTF-8 (with or without BOM), else cp1251; refuse binary."""
    if b"\x00" in data[:65536]:
        raise UnusableDocument(f"{name}: this is a binary file, not a text document")
    text: str | None = None
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # pragma: no cover - cp1251 decodes almost anything
        raise UnusableDocument(f"{name}: the text encoding could not be recognised")
    _refuse_garbage(text, name)
    return text


def _refuse_garbage(text: str, name: str) -> None:
    """Refuse text that is mostly control characters or has no letters at all."""
    sample = text[:100000]
    if not sample.strip():
        raise UnusableDocument(f"{name}: the file is empty")
    bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t\f\v")
    letters = sum(1 for ch in sample if ch.isalpha())
    if bad > 0.05 * len(sample) or (letters < 0.2 * len(sample.strip()) and letters < 20):
        raise UnusableDocument(f"{name}: the file does not contain readable text")
    if bad > 0.02 * len(sample):
        raise UnusableDocument(f"{name}: the file looks like binary data, not text")


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: paragraphs on lines, table cells separated by tabs."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [" ".join(c.get_text(" ", strip=True).split()) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + "\t".join(cells) + "\n"))
    for br in soup.find_all("br"):
        br.replace_with(soup.new_string("\n"))
    for block in soup.find_all(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table"]):
        block.insert_before(soup.new_string("\n"))
        block.insert_after(soup.new_string("\n"))
    lines = [
        " ".join(line.split()) if "\t" not in line else line.strip()
        for line in soup.get_text().splitlines()
    ]
    return "\n".join(line for line in lines if line)


def _read_docx(data: bytes, name: str) -> tuple[str, str]:
    """Text and HTML of a .docx: paragraphs and tables in document order.

    Tables become ``<table>`` so that the HTML parser reads their columns; merged
    cells (python-docx repeats them) are emitted once with a colspan.
    """
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise UnusableDocument(f"{name}: not a readable .docx file ({type(exc).__name__})") from exc

    text_parts: list[str] = []
    html_parts: list[str] = ["<html><body>"]
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            line = para.text.strip()
            if line:
                text_parts.append(line)
                html_parts.append(f"<p>{html_lib.escape(line)}</p>")
        elif tag == "tbl":
            table = Table(child, document)
            html_parts.append("<table>")
            for row in table.rows:
                cells: list[tuple[str, int]] = []
                previous = None
                for cell in row.cells:
                    if previous is not None and cell._tc is previous:
                        text, span = cells[-1]
                        cells[-1] = (text, span + 1)
                        continue
                    previous = cell._tc
                    cells.append((" ".join(cell.text.split()), 1))
                text_parts.append("\t".join(c for c, _ in cells))
                html_parts.append(
                    "<tr>"
                    + "".join(
                        f'<td colspan="{span}">{html_lib.escape(c)}</td>'
                        if span > 1
                        else f"<td>{html_lib.escape(c)}</td>"
                        for c, span in cells
                    )
                    + "</tr>"
                )
            html_parts.append("</table>")
    html_parts.append("</body></html>")
    text = "\n".join(text_parts)
    if not text.strip():
        raise UnusableDocument(f"{name}: the .docx file contains no text")
    return text, "\n".join(html_parts)


def _read_pdf(data: bytes, name: str) -> str:
    """Text layer of a PDF; a scan without one is refused politely."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise UnusableDocument(f"{name}: not a readable PDF file ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    if sum(ch.isalpha() for ch in text) < 20:
        raise UnusableDocument(
            f"{name}: the PDF has no text layer (a scan); please send the text or an OCR'd copy"
        )
    return text
