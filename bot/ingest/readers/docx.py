"""Word .docx: paragraphs and tables in document order, tables kept as HTML.

The zip's central directory is checked first (``limits.check_zip``): a 0.8 MB bomb
that inflated to 200 MB of XML took 6 GB of memory in python-docx.
"""

from __future__ import annotations

import html as html_lib
import io

from bot.ingest.limits import Limits, check_text, check_zip, refuse
from bot.ingest.readers import Read, Reader, _zip_names


def _sniff(data: bytes) -> bool:
    return data[:2] == b"PK" and "word/document.xml" in _zip_names(data)


def _read(data: bytes, name: str, limits: Limits) -> Read:
    """Tables become ``<table>`` so that the HTML parser reads their columns; merged
    cells (python-docx repeats them) are emitted once with a colspan."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise  # the sandbox names the memory limit
    except Exception as exc:
        raise refuse(name, f"not a readable .docx file ({type(exc).__name__})") from exc

    text_parts: list[str] = []
    html_parts: list[str] = ["<html><body>"]
    elements = 0

    def count(n: int) -> None:
        nonlocal elements
        elements += n
        if elements > limits.html_elements:
            raise refuse(
                name, f"the document has more than {limits.html_elements:,} paragraphs and cells"
            )

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            count(1)
            line = Paragraph(child, document).text.strip()
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
                    count(1)
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
        raise refuse(name, "the .docx file contains no text")
    check_text(text, name, limits)
    return Read(text, "\n".join(html_parts))


READER = Reader(
    kind="docx",
    suffixes=frozenset({".docx"}),
    sniff=_sniff,
    precheck=check_zip,
    read=_read,
)
