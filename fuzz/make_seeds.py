#!/usr/bin/env python3
"""Writes the seed corpus of the `extract` fuzz target: tiny PDFs that reach the extractor's
branches (simple and composite fonts, ToUnicode CMaps, forms, marked content, rotation,
compressed and object streams, an xref stream, broken cross-references). Deterministic; run
from anywhere (the NAVO2030 replica in fixtures/ is given to the fuzzer as a second corpus
directory instead of being copied):

    python3 fuzz/make_seeds.py
"""

import os
import re
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "extract")


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def pdf(objects, version=b"1.7", xref=True, trailer_extra=b""):
    """objects[i] is the body of object i + 1; the catalog is object 1."""
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, body)
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for o in offsets:
            out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        start,
    )
    return out


HELV = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def one_page(content, resources=b"<< /Font << /F1 4 0 R >> >>", more=(), page_extra=b"", compress=False):
    return [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources %s%s >>"
        % (resources, page_extra),
        HELV,
        stream(content, compress=compress),
        *more,
    ]


CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
2 beginbfrange <0024> <003D> <0041> <0044> <0046> [<0061> <0062> <D835DC00>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end
"""

LETTER = b"""BT /F1 9 Tf 72 800 Td (Ministerie van Buitenlandse Zaken) Tj ET
BT /F1 7 Tf 72 760 Td (> Retouradres Postbus 20061 2500 EB Den Haag) Tj ET
BT /F1 10 Tf 72 740 Td (Aan de Voorzitter van de Tweede Kamer) Tj 0 -12 Td (der Staten-Generaal) Tj ET
BT /F1 7 Tf 470 700 Td (Datum) Tj 0 -9 Td (7 april 2021) Tj 0 -9 Td (Betreft) Tj ET
BT /F1 10 Tf 72 640 Td (Geachte voorzitter,) Tj 0 -24 Td [(Hierbij bied ik u het rapport aan, zie Kamerstuk 35 373, nr. 1) -250 (van 25 november 2020.)] TJ
0 -24 Td (1. Inleiding) Tj 0 -12 Td (De reflectiegroep beveelt aan de samenwerking te versterken.) Tj
0 -12 Td (Het kabinet onderschrijft deze aanbeveling.) Tj 0 -24 Td (Hoogachtend,) Tj 0 -24 Td (De Minister van Buitenlandse Zaken,) Tj 0 -24 Td (A. Jansen) Tj ET
BT /F1 8 Tf 280 40 Td (Pagina 1 van 1) Tj ET
"""


def seeds():
    s = {}
    s["seed-hello.pdf"] = pdf(one_page(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"))
    s["seed-letter.pdf"] = pdf(one_page(LETTER, compress=True))
    s["seed-tj-spacing.pdf"] = pdf(
        one_page(
            b"BT /F1 12 Tf 8 Tw 2 Tc 110 Tz 1.5 Ts 14 TL 72 700 Td [(W) 80 (ater) -300 (en)] TJ T* (x) ' 1 2 (y) \" ET"
        )
    )
    # A Type 0 font over Identity-H with a ToUnicode CMap.
    type0 = [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F0 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Demo /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        stream(b"BT /F0 10 Tf 72 700 Td <002B00480003001100440045> Tj ET"),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Demo /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [3 [250] 36 61 600] >>",
        stream(CMAP, compress=True),
    ]
    s["seed-type0-tounicode.pdf"] = pdf(type0)
    # Differences, a form XObject with a matrix, marked content with /ActualText, rotation.
    diff = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 1 /LastChar 3 /Widths [500 500 500] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /A /germandbls] >> >>"
    form = stream(
        b"BT /F2 12 Tf 0 0 Td <010203> Tj ET",
        extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 72 600] /Resources << /Font << /F2 6 0 R >> >>",
    )
    s["seed-form-rotate.pdf"] = pdf(
        one_page(
            b"q 1 0 0 1 0 0 cm /Fm1 Do Q /Span << /ActualText (Actual) >> BDC BT /F1 12 Tf 72 700 Td (Act) Tj ET EMC",
            resources=b"<< /Font << /F1 4 0 R >> /XObject << /Fm1 7 0 R >> >>",
            more=[diff, form],
            page_extra=b" /Rotate 90 /CropBox [10 10 585 832]",
        )
    )
    # Two pages in a page tree with inherited resources; a running footer.
    two = [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /Resources << /Font << /F1 4 0 R >> >> /MediaBox [0 0 612 792] >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
        HELV,
        stream(b"BT /F1 10 Tf 72 700 Td (Eerste pagina) Tj ET BT /F1 8 Tf 300 30 Td (1) Tj ET"),
        b"<< /Type /Page /Parent 2 0 R /Contents [7 0 R 8 0 R] >>",
        stream(b"BT /F1 10 Tf 72 700 Td (Tweede"),
        stream(b"pagina) Tj ET BT /F1 8 Tf 300 30 Td (2) Tj ET"),
    ]
    s["seed-two-pages.pdf"] = pdf(two)
    # An object stream and a cross-reference stream (PDF 1.5).
    objstm_objects = [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    header = b""
    body = b""
    for i, o in enumerate(objstm_objects):
        header += b"%d %d " % (i + 1, len(body))
        body += o + b"\n"
    objstm = header + body
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offsets = {}
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    for num, body_ in [
        (3, page),
        (4, HELV),
        (5, stream(b"BT /F1 12 Tf 72 700 Td (Object streams) Tj ET", compress=True)),
        (6, stream(objstm, extra=b" /Type /ObjStm /N 2 /First %d" % len(header), compress=True)),
    ]:
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body_)
    xref_at = len(out)
    rows = [(0, 0, 65535), (2, 6, 0), (2, 6, 1)]
    rows += [(1, offsets[n], 0) for n in (3, 4, 5, 6)]
    rows += [(0, 0, 0), (1, xref_at, 0)]
    data = b"".join(bytes([t]) + off.to_bytes(4, "big") + gen.to_bytes(2, "big") for t, off, gen in rows)
    out += b"8 0 obj\n" + stream(data, extra=b" /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R", compress=True)
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    s["seed-xref-stream.pdf"] = out
    # A file whose xref offsets are all wrong (rebuilt by scanning) and one without xref.
    broken = pdf(one_page(b"BT /F1 12 Tf 72 700 Td (Repaired) Tj ET"))
    broken = re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", broken)
    s["seed-bad-xref.pdf"] = broken
    s["seed-no-xref.pdf"] = pdf(one_page(b"BT /F1 12 Tf 72 700 Td (No xref) Tj ET"), xref=False)
    # An inline image and a Type 3 font.
    type3 = b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 7 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] >>"
    s["seed-type3-inline-image.pdf"] = pdf(
        one_page(
            b"BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI BT /F3 12 Tf 72 700 Td (aaa) Tj ET",
            resources=b"<< /Font << /F1 4 0 R /F3 6 0 R >> >>",
            more=[type3, stream(b"1000 0 0 0 750 750 d1 0 0 750 750 re f")],
        )
    )
    return s


LETTER_TEXT = """Ministerie van Buitenlandse Zaken
> Retouradres Postbus 20061 2500 EB Den Haag
Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG

Datum 7 april 2021
Betreft Kabinetsappreciatie van het rapport

Geachte voorzitter,

Hierbij bied ik u, mede namens de Minister van Defensie, de appreciatie aan van het
rapport van de reflectiegroep (Kamerstuk 28 676, nr. 360) van 25 november 2020.

1. Inleiding
De reflectiegroep beveelt aan de politieke consultatie te versterken. Het kabinet
onderschrijft deze aanbeveling.

2. Reactie
a) het kabinet zal dit onderzoeken;
b) de regering deelt de analyse niet.¹

¹ Zie Aanhangsel Handelingen II 2020/21, nr. 1028.
\f
Vraag 1
Bent u bekend met het bericht?
Antwoord 1
Ja.

Hoogachtend,

De Minister van Buitenlandse Zaken,

A. Jansen
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in seeds().items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    # The parse target: a first byte of 0 reads the rest as text (Layout::from_text); other
    # bytes drive the layout builder.
    parse_dir = os.path.join(HERE, "corpus", "parse")
    os.makedirs(parse_dir, exist_ok=True)
    with open(os.path.join(parse_dir, "seed-text-letter"), "wb") as f:
        f.write(b"\x00" + LETTER_TEXT.encode())
    with open(os.path.join(parse_dir, "seed-built"), "wb") as f:
        f.write(bytes((i * 2654435761 >> 13) & 0xFF for i in range(4096)))
    print("\n".join(sorted(os.listdir(OUT)) + sorted(os.listdir(parse_dir))))


if __name__ == "__main__":
    main()
