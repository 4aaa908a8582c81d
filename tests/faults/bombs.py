"""Hostile files, generated small and fast in the test (never checked-in blobs).

A zip bomb is built without ever holding or compressing its inflated size: one
chunk is deflated once with a full flush (which resets the compressor, so the
bytes are self-contained) and the compressed bytes are repeated — the stream
inflates to the chunk N times. The zip container is written by hand so the entry
can carry those raw deflate bytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def _deflate(data: bytes, final: bool) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def deflate_repeat(
    prefix: bytes, chunk: bytes, times: int, suffix: bytes
) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + chunk*times + suffix; returns (bytes, crc32, size)."""
    block = _deflate(chunk, False)
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    body = _deflate(prefix, False) + block * times + _deflate(suffix, True)
    return body, crc, len(prefix) + len(chunk) * times + len(suffix)


def zip_raw(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate bytes, crc32, uncompressed size) entries."""
    out = io.BytesIO()
    central = []
    for name, body, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(body), size, len(encoded), 0
        )
        out.write(header + encoded + body)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(body),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    cd = b"".join(central)
    out.write(cd)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), start, 0)
    )
    return out.getvalue()


def _docx_parts() -> dict[str, bytes]:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOC_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'.encode()
)
DOC_TAIL = b"</w:body></w:document>"


def docx_with(
    document_xml: tuple[bytes, bytes, int, bytes], extra: list[tuple[str, bytes, int, bytes]] = ()
) -> bytes:  # type: ignore[assignment]
    """A .docx whose word/document.xml is prefix + chunk*times + suffix (and extra parts)."""
    entries = []
    for name, data in _docx_parts().items():
        if name == "word/document.xml":
            continue
        entries.append((name, *_plain(data)))
    entries.append(("word/document.xml", *deflate_repeat(*document_xml)))
    for name, chunk, times, tail in extra:
        entries.append((name, *deflate_repeat(b"", chunk, times, tail)))
    return zip_raw(entries)


def _plain(data: bytes) -> tuple[bytes, int, int]:
    return _deflate(data, True), zlib.crc32(data), len(data)


MB = 1024 * 1024
PARA = b"<w:p><w:r><w:t>budget line 12 345,6</w:t></w:r></w:p>"


def docx_xml_bomb(inflated_mb: int) -> bytes:
    """A .docx whose document.xml inflates to ``inflated_mb`` MB of paragraphs."""
    chunk = PARA * (MB // len(PARA))
    return docx_with((DOC_HEAD, chunk, inflated_mb, DOC_TAIL))


def docx_zero_part(gb: int = 2) -> bytes:
    """A small valid .docx plus one part of ``gb`` GB of zeros (about 1 MB per GB)."""
    chunk = b"\0" * MB
    return docx_with(
        (DOC_HEAD, b"<w:p><w:r><w:t>budget</w:t></w:r></w:p>", 1, DOC_TAIL),
        [("word/media/zeros.bin", chunk, gb * 1024 - 1, b"\0")],
    )


def docx_many_paragraphs(n: int = 200_000) -> bytes:
    """A .docx of ``n`` short paragraphs (about 100 KB)."""
    per = 1000
    return docx_with((DOC_HEAD, b"<w:p><w:r><w:t>1</w:t></w:r></w:p>" * per, n // per, DOC_TAIL))


def html_nested(depth: int = 100_000) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"budget" + b"</div>" * depth + b"</body></html>"


def html_table(size_mb: float = 19.9) -> bytes:
    row = b"<tr><td>1</td><td>01</td><td>Budget line</td><td>12 345,6</td></tr>\n"
    rows = int(size_mb * MB) // len(row)
    return b"<html><body><table>" + row * rows + b"</table></body></html>"


def pdf_pages(pages: int, operators: int = 1) -> bytes:
    """A PDF of ``pages`` pages sharing one content stream of ``operators`` text draws."""
    stream = b"BT /F1 12 Tf 72 720 Td " + b"(Budget 2024 income 60033) Tj " * operators + b"ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, filled below
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    first = len(objs) + 1
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objs[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    )
    objs.extend([page] * pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Budget 2024"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_xxe() -> bytes:
    """A .docx whose document.xml declares an external entity (XXE) reading /etc/passwd."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + DOC_HEAD.split(b"?>", 1)[1]
    )
    return docx_with((head, b"<w:p><w:r><w:t>budget &xxe;</w:t></w:r></w:p>", 1, DOC_TAIL))


def docx_billion_laughs() -> bytes:
    entities = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 10)
    )
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d ['
        + entities
        + b"]>"
        + DOC_HEAD.split(b"?>", 1)[1]
    )
    return docx_with((head, b"<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", 1, DOC_TAIL))


def pdf_stream_bomb(inflated_mb: int = 1024) -> bytes:
    """A one-page PDF whose FlateDecode content stream inflates to ``inflated_mb`` MB."""
    raw, _, _ = deflate_repeat(b"BT /F1 12 Tf 72 720 Td ", b" " * MB, inflated_mb, b"ET")
    adler = 1
    chunk = b" " * MB
    adler = zlib.adler32(b"BT /F1 12 Tf 72 720 Td ", adler)
    for _ in range(inflated_mb):
        adler = zlib.adler32(chunk, adler)
    adler = zlib.adler32(b"ET", adler)
    body = b"\x78\xda" + raw + struct.pack(">I", adler)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
