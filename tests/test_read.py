"""File readers: each format, and every way a file can be unusable."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from bot.ingest.clean import parse_html, parse_text
from bot.ingest.limits import Limits
from bot.ingest.read import read_bytes, read_document
from bot.model import UnusableDocument

FIX = Path(__file__).parent / "fixtures" / "decisions"


def test_txt_utf8(tmp_path: Path) -> None:
    src = FIX / "kk_rural_base.txt"
    got = read_document(src)
    assert got.kind == "txt" and got.html is None
    assert got.text == src.read_text(encoding="utf-8")
    assert got.sha == hashlib.sha256(src.read_bytes()).hexdigest()


def test_txt_bom_and_cp1251() -> None:
    text = "Решение маслихата: 1) доходы – 60 033 тысяч тенге"
    assert read_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt").text == text
    assert read_bytes(text.encode("cp1251"), "a.txt").text == text


def test_html_keeps_html_and_gives_text() -> None:
    got = read_document(FIX / "ru_rural_base.html")
    assert got.kind == "html" and got.html is not None and "<table" in got.html
    assert "Утвердить бюджет Жанаталапского сельского округа" in got.text
    assert "Налоговые поступления\t4 210" in got.text  # tables as tab rows


def test_html_text_parses_like_html() -> None:
    """The HTML's flattened text goes through the text parser to the same figures."""
    got = read_document(FIX / "ru_rural_base.html")
    a = parse_text(got.text, doc_id="x", path="p")
    b = parse_html(got.html or "", doc_id="x", path="p")
    assert [(x.entity, x.year, [(ln.code, ln.amount) for ln in x.lines]) for x in a.budgets] == [
        (x.entity, x.year, [(ln.code, ln.amount) for ln in x.lines]) for x in b.budgets
    ]


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("О бюджете Жанаталапского сельского округа на 2024-2026 годы")
    table = document.add_table(rows=2, cols=5)
    for i, text in enumerate(
        ["Категория", "Класс", "Подкласс", "Наименование", "Сумма, тысяч тенге"]
    ):
        table.rows[0].cells[i].text = text
    for i, text in enumerate(["1", "", "", "Налоговые поступления", "4 210"]):
        table.rows[1].cells[i].text = text
    document.add_paragraph("Председатель маслихата")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables() -> None:
    got = read_bytes(_docx_bytes(), "decision.docx")
    assert got.kind == "docx"
    lines = got.text.splitlines()
    assert lines[0].startswith("О бюджете")
    assert "1\t\t\tНалоговые поступления\t4 210" in lines
    assert lines[-1] == "Председатель маслихата"
    assert (
        got.html is not None
        and "<table>" in got.html
        and "<td>Налоговые поступления</td>" in got.html
    )


def _pdf_bytes(with_text: bool) -> bytes:
    """A minimal one-page PDF, with or without a text layer (Latin: no font files needed)."""
    stream = (
        b"BT /F1 12 Tf 72 720 Td (Budget of the rural district for 2024, income 60033) Tj ET"
        if with_text
        else b""
    )
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_pdf_with_text_layer() -> None:
    got = read_bytes(_pdf_bytes(True), "d.pdf")
    assert got.kind == "pdf" and "income 60033" in got.text


def test_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(UnusableDocument, match="no text layer"):
        read_bytes(_pdf_bytes(False), "scan.pdf")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "empty.txt"),
        (b"   \n\n  ", "blank.txt"),
        (bytes(range(256)) * 40, "garbage.bin"),
        (b"\x00\x01\x02binary\x00\x00" * 100, "nul.txt"),
        (b"PK\x03\x04 not really a zip", "broken.docx"),
        (b"%PDF-1.4 broken", "broken.pdf"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "picture.png"),
    ],
)
def test_unusable_bytes(data: bytes, name: str) -> None:
    with pytest.raises(UnusableDocument) as err:
        read_bytes(data, name)
    message = str(err.value)
    assert message and "\n" not in message


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("маслихат " * 500, encoding="utf-8")
    with pytest.raises(UnusableDocument, match="larger than 1000 bytes"):
        read_document(path, Limits(max_bytes=1000))


def test_real_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.seek(20 * 1024 * 1024 + 10)
        fh.write(b"x")
    with pytest.raises(UnusableDocument, match="20 MB"):
        read_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnusableDocument):
        read_document(tmp_path / "nope.txt")


def test_registry_picks_the_reader_by_content_then_name() -> None:
    """ "Today an .xlsx goes to the .docx reader" (issue 7): formats are one registry."""
    from openpyxl import Workbook

    book = io.BytesIO()
    Workbook().save(book)
    for name in ("budget.xlsx", "budget.docx", "budget.zip"):
        with pytest.raises(UnusableDocument, match="spreadsheets are not read"):
            read_bytes(book.getvalue(), name)
    assert read_bytes(_pdf_bytes(True), "misnamed.docx").kind == "pdf"
    assert read_bytes(_docx_bytes(), "misnamed.txt").kind == "docx"
    html = (FIX / "ru_rural_base.html").read_bytes()
    assert read_bytes(html, "page.txt").kind == "html"
    with pytest.raises(UnusableDocument, match=r"old Word \.doc"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")


def test_html_to_text_is_one_pass_over_nested_and_unclosed_markup() -> None:
    from bot.ingest.read import html_to_text

    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<p>Решение<br>маслихата<p>второй"
        "<table><tr><td>1<td>Налоги <b>и</b> сборы<td>4 210"
        "<tr><td>2</td><td><table><tr><td>вложенная</td></tr></table></td><td>5</td></tr>"
        "</table><div>конец &amp; всё</div></body></html>"
    )
    assert html_to_text(page).splitlines() == [
        "Решение",
        "маслихата",
        "второй",
        "1\tНалоги и сборы\t4 210",
        "2\tвложенная\t5",
        "конец & всё",
    ]
