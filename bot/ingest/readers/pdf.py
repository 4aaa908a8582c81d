"""PDF with a text layer; a scan without one is refused politely.

Pages are counted twice: in the raw bytes before pypdf sees the file
(``limits.check_pdf``), and from the parsed page tree before any text is extracted
(pages hidden in object streams): a PDF of 50k pages once took 68 s.
"""

from __future__ import annotations

import io

from bot.ingest.limits import Limits, check_pdf, check_pdf_pages, check_text, refuse
from bot.ingest.readers import Read, Reader
from bot.model import UnusableDocument


def _read(data: bytes, name: str, limits: Limits) -> Read:
    if not data.startswith(b"%PDF-"):
        raise refuse(name, "not a readable PDF file")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        check_pdf_pages(len(reader.pages), name, limits)
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > limits.text_chars:
                break
    except (UnusableDocument, MemoryError):
        raise
    except Exception as exc:
        raise refuse(name, f"not a readable PDF file ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    check_text(text, name, limits)
    if sum(ch.isalpha() for ch in text) < 20:
        raise refuse(
            name, "the PDF has no text layer (a scan); please send the text or an OCR'd copy"
        )
    return Read(text, None)


READER = Reader(
    kind="pdf",
    suffixes=frozenset({".pdf"}),
    sniff=lambda data: data[:5] == b"%PDF-",
    precheck=check_pdf,
    read=_read,
)
