"""Cheap pre-checks that refuse a hostile file before any parser sees it.

Why: "a .docx zip bomb of 0.8 MB grew to 6 GB of memory", "HTML nested 100k deep
ran past 200 s", "a PDF of 50k pages took 68 s". Each check here reads only what it
must (the zip's central directory, the PDF's page objects, HTML tags as a flat
scan) and costs milliseconds; a file over any limit is refused with one line that
names the limit. The sandbox (``bot.ingest.sandbox``) is the second wall: whatever
slips past these checks still meets a memory, CPU-time and wall-clock cap.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, fields

from bot.model import UnusableDocument

MB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Every bound on one file; defaults fit real decisions with a wide margin.

    A real decision is a .docx of 30-60 zip entries and < 2 MB of XML, a PDF of
    2-40 pages, an HTML page of a few thousand elements nested < 30 deep.
    """

    max_bytes: int = 20 * MB  # what the Bot API lets a bot download
    zip_entries: int = 1000
    zip_total: int = 100 * MB  # declared uncompressed size of all entries
    zip_ratio: int = 200  # uncompressed / compressed, for entries above 1 MB
    pdf_pages: int = 1000
    html_elements: int = 100_000
    html_depth: int = 500
    text_chars: int = 20 * MB  # text a reader may hand to the parsers
    memory_mb: int = 300  # address space of the parsing child
    cpu_seconds: int = 30  # CPU time of the parsing child
    wall_seconds: int = 30  # wall-clock time the parent waits for it

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridable as ``BUDGET_PARSE_<FIELD>`` (e.g. BUDGET_PARSE_MEMORY_MB)."""
        return cls(
            **{f.name: _env_int(f"BUDGET_PARSE_{f.name.upper()}", f.default) for f in fields(cls)}  # type: ignore[arg-type]
        )

    def as_env(self) -> dict[str, str]:
        return {f"BUDGET_PARSE_{f.name.upper()}": str(getattr(self, f.name)) for f in fields(self)}


def refuse(name: str, why: str) -> UnusableDocument:
    return UnusableDocument(f"{name}: {why}")


def _mb(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n} bytes"


def check_size(size: int, name: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise refuse(name, f"file is larger than {_mb(limits.max_bytes)} ({size // MB} MB)")


def check_zip(data: bytes, name: str, limits: Limits) -> None:
    """Entry count, total declared uncompressed size and compression ratio.

    zipfile stops reading an entry at its declared size (a lying header ends in a
    CRC error), so the central directory's sizes bound what a reader can inflate.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise refuse(name, f"not a readable .docx file ({type(exc).__name__})") from exc
    if len(infos) > limits.zip_entries:
        raise refuse(name, f"the archive has more than {limits.zip_entries} entries")
    total = sum(i.file_size for i in infos)
    if total > limits.zip_total:
        raise refuse(
            name, f"the archive unpacks to more than {_mb(limits.zip_total)} ({total // MB} MB)"
        )
    for info in infos:
        if info.file_size > MB and info.file_size > limits.zip_ratio * max(info.compress_size, 1):
            raise refuse(
                name,
                f"an archive entry is compressed more than {limits.zip_ratio}:1 (a zip bomb?)",
            )


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_COUNT = re.compile(rb"/Count\s+(\d{1,12})")


def check_pdf(data: bytes, name: str, limits: Limits) -> None:
    """Page objects and the largest ``/Count`` of a page tree, read from the raw bytes.

    Pages hidden in compressed object streams escape this scan; the reader checks
    the page count again before extracting text (``check_pdf_pages``).
    """
    pages = len(_PAGE.findall(data))
    declared = max((int(m) for m in _COUNT.findall(data)), default=0)
    check_pdf_pages(max(pages, declared), name, limits)


def check_pdf_pages(pages: int, name: str, limits: Limits) -> None:
    if pages > limits.pdf_pages:
        raise refuse(name, f"the PDF has more than {limits.pdf_pages} pages ({pages})")


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
# Elements that never hold others, and ones a browser closes by itself: neither
# deepens the tree when left unclosed, as adilet pages often leave <p> and <td>.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
# Tags a browser closes by itself when a sibling opens (adilet pages often leave
# <p>, <td> and <tr> unclosed): opening one closes an open one of its group, up to
# the boundary element, so a flat page of unclosed cells never looks deep.
_IMPLIED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "p": (frozenset({"p"}), frozenset({"div", "td", "th", "li", "body"})),
    "li": (frozenset({"li"}), frozenset({"ul", "ol"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "option": (frozenset({"option"}), frozenset({"select"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
}


def check_html(text: str, name: str, limits: Limits) -> None:
    """Element count and nesting depth from one flat scan of the tags (linear: every
    stack walk is bounded by the depth limit)."""
    count = 0
    stack: list[str] = []
    for m in _TAG.finditer(text):
        closing, tag, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if tag in stack:
                while stack and stack.pop() != tag:
                    pass
            continue
        count += 1
        if count > limits.html_elements:
            raise refuse(name, f"the HTML has more than {limits.html_elements:,} elements")
        if selfclose or tag in _VOID:
            continue
        if tag in _IMPLIED:
            group, boundary = _IMPLIED[tag]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] in boundary:
                    break
                if stack[i] in group:
                    del stack[i:]
                    break
        stack.append(tag)
        if len(stack) > limits.html_depth:
            raise refuse(name, f"the HTML is nested more than {limits.html_depth} levels deep")


def check_text(text: str, name: str, limits: Limits) -> None:
    if len(text) > limits.text_chars:
        raise refuse(
            name, f"the document's text is longer than {limits.text_chars // MB} million characters"
        )
