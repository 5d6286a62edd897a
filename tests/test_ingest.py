"""verifier.ingest: encodings, HTML, DOCX, PDF, URL, datelines, limits, bad input.
Every fixture is generated here (in tmp_path or in memory) from the seed article."""
from __future__ import annotations

import http.server
import io
import os
import pickle
import socket
import threading
import time
import zipfile
import zlib
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.ingest import (
    IngestedDocument,
    IngestError,
    find_dateline,
    ingest,
    ingest_bytes,
    ingest_path,
    ingest_url,
    parse_date,
)
from verifier.text import normalise_text

SEED = Path(__file__).parent / "data" / "seed-maroc-russie-fr.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SHA256 = "e28a71b3376b5aff03f5098eadfca6fcca3d70cb833ce52d7f4b3f5224414919"


def seed_without_emoji() -> str:
    """The seed minus the lines cp1252 cannot hold (flag and dove emoji)."""
    lines = []
    for line in SEED_TEXT.split("\n"):
        try:
            line.encode("cp1252")
        except UnicodeEncodeError:
            continue
        lines.append(line)
    return "\n".join(lines)


def assert_one_line_error(exc: pytest.ExceptionInfo[IngestError], name: str, *words: str) -> None:
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{name}: "), msg
    for word in words:
        assert word.lower() in msg.lower(), msg


# ------------------------------------------------------------------------------ plain text


def test_seed_utf8_path() -> None:
    doc = ingest_path(SEED)
    assert isinstance(doc, IngestedDocument)
    assert doc.text == SEED_TEXT
    assert doc.sha256 == SEED_SHA256
    assert (doc.format, doc.encoding, doc.language) == ("txt", "utf-8", "fr")
    assert doc.published == date(2025, 10, 16)
    assert doc.dateline is not None
    assert doc.text[doc.dateline.start:doc.dateline.end] == "jeudi, octobre 16, 2025"
    assert doc.source_name == "seed-maroc-russie-fr.txt"
    assert any(doc.text[s.start:s.end].startswith("À lire aussi") for s in doc.boilerplate)


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"),
    ("utf-16-be-bom", "utf-16-be"),
])
def test_seed_in_unicode_encodings_gives_same_text(tmp_path: Path, encoding: str,
                                                   expected: str) -> None:
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + SEED_TEXT.encode("utf-16-be")
    else:
        data = SEED_TEXT.encode(encoding)
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(data)
    doc = ingest_path(path)
    assert doc.text == SEED_TEXT
    assert doc.sha256 == SEED_SHA256
    assert doc.encoding == expected
    assert doc.published == date(2025, 10, 16) and doc.language == "fr"
    assert doc.boilerplate


def test_windows_1252_keeps_accents_apostrophes_and_guillemets(tmp_path: Path) -> None:
    text = seed_without_emoji() + "\n« Nous y sommes », a-t-il dit. Œuvre ; coût : 5 €.\n"
    utf8 = ingest_bytes(text.encode("utf-8"), name="a.txt")
    path = tmp_path / "seed-cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = ingest_path(path)
    assert doc.encoding == "cp1252"
    assert doc.text == text
    for ch in "é’«»Œ€":
        assert ch in doc.text
    assert "â€" not in doc.text and "\x92" not in doc.text  # no mojibake, no C1 control
    assert doc.sha256 == utf8.sha256
    assert doc.published == date(2025, 10, 16) and doc.language == "fr"


def test_latin1_without_cp1252_bytes() -> None:
    text = "Le président a été élu à Paris, où il a déclaré que la fête était finie."
    doc = ingest_bytes(text.encode("latin-1"), name="l.txt")
    assert doc.text == text
    assert doc.encoding in ("cp1252", "latin-1", "iso8859-15")


def test_declared_charset_never_beats_valid_utf8() -> None:
    text = "Le président a été élu à Paris, où il a déclaré que la fête était finie."
    doc = ingest_bytes(text.encode("utf-8"), name="x", format="txt", declared_encoding="latin-1")
    assert (doc.text, doc.encoding) == (text, "utf-8")
    doc = ingest_bytes(text.encode("cp1252"), name="x", format="txt", declared_encoding="latin-1")
    assert (doc.text, doc.encoding) == (text, "cp1252")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    text = "Le président a été élu à Paris, où il a déclaré que la fête était finie."
    doc = ingest_bytes(text.encode(encoding), name="x.txt")
    assert (doc.text, doc.encoding) == (text, encoding)


def test_crlf_and_markdown() -> None:
    md = "# Titre\r\n\r\nLe président a dit que la réforme est prête pour la rentrée.\r\n"
    doc = ingest_bytes(md.encode("utf-8"), name="draft.md")
    assert doc.format == "md"
    assert doc.text == md.replace("\r\n", "\n")
    assert "\r" not in doc.text


def test_same_bytes_same_document() -> None:
    data = SEED.read_bytes()
    assert ingest_bytes(data, name="a.txt") == ingest_bytes(data, name="a.txt")


def test_user_overrides_win() -> None:
    doc = ingest_bytes(SEED.read_bytes(), name="a.txt", lang="en", published=date(2020, 1, 2))
    assert doc.language == "en"
    assert doc.published == date(2020, 1, 2)
    assert doc.dateline is None  # the date did not come from the text


def test_language_not_recognised() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_bytes(b"12345 67890 !!!", name="n.txt")
    assert_one_line_error(exc, "n.txt", "language not recognised", "--lang")
    assert ingest_bytes(b"12345 67890 !!!", name="n.txt", lang="fr").language == "fr"


def test_english_text() -> None:
    text = "Thursday, October 16, 2025\n\nThe minister said that the plan was ready for the vote."
    doc = ingest_bytes(text.encode(), name="e.txt")
    assert doc.language == "en"
    assert doc.published == date(2025, 10, 16)


# ------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize("line, expected, span_text", [
    ("jeudi, octobre 16, 2025", date(2025, 10, 16), "jeudi, octobre 16, 2025"),
    ("16 octobre 2025", date(2025, 10, 16), "16 octobre 2025"),
    ("jeudi 16 octobre 2025", date(2025, 10, 16), "jeudi 16 octobre 2025"),
    ("Publié le 16/10/2025 à 10h30", date(2025, 10, 16), "16/10/2025"),
    ("October 16, 2025", date(2025, 10, 16), "October 16, 2025"),
    ("Thursday, October 16, 2025", date(2025, 10, 16), "Thursday, October 16, 2025"),
    ("2025-10-16", date(2025, 10, 16), "2025-10-16"),
    ("Mis à jour le 1er févr. 2024 à 08:15", date(2024, 2, 1), "1er févr. 2024"),
    ("Published 3 March 2025, 9:00 am", date(2025, 3, 3), "3 March 2025"),
    ("29 février 2024", date(2024, 2, 29), "29 février 2024"),
])
def test_dateline_forms(line: str, expected: date, span_text: str) -> None:
    text = f"{line}\n\nLe ministre a déclaré que la réunion était terminée."
    found = find_dateline(text)
    assert found is not None
    value, span = found
    assert value == expected
    assert text[span.start:span.end] == span_text


@pytest.mark.parametrize("text", [
    "31 février 2025\n\nLe ministre a parlé.",              # impossible date
    "29 février 2025\n\nLe ministre a parlé.",              # not a leap year
    "32/10/2025\n\nLe ministre a parlé.",
    "Le 16 octobre 2025, le Maroc et la Russie ont signé un accord historique à Moscou, dit-on.",
    "Aucune date ici.\n\nLe ministre a parlé.",
    "octobre 2025\n\nLe ministre a parlé.",                 # a month is not a day
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_only_in_first_lines() -> None:
    text = "\n\n".join(["Une ligne de texte."] * 6 + ["16 octobre 2025"])
    assert find_dateline(text) is None


def test_parse_date() -> None:
    assert parse_date("jeudi, octobre 16, 2025") == date(2025, 10, 16)
    assert parse_date("31 février 2025") is None
    assert parse_date("hier") is None


def test_impossible_dateline_gives_no_published_date() -> None:
    doc = ingest_bytes("31 février 2025\n\nLe ministre a dit que la réunion est finie.".encode(),
                       name="d.txt")
    assert doc.published is None and doc.dateline is None


# ------------------------------------------------------------------------------------ HTML

ARTICLE_PARAGRAPHS = [
    "À Moscou, Nasser Bourita et Sergueï Lavrov ont tenu, ce jeudi, une rencontre de haut "
    "niveau visant à consolider le partenariat stratégique entre le Maroc et la Russie.",
    "Selon le communiqué du ministère marocain des Affaires étrangères, les deux ministres se "
    "sont félicités de la qualité des échanges et de la dynamique de coopération.",
    "Nous considérons la Russie comme un partenaire proche et cher, a déclaré Nasser Bourita "
    "dans son allocution d’ouverture.",
]


def article_html(body: str | None = None) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    article = body if body is not None else f"""<article>
<h1>Maroc – Russie : un mémorandum d’entente diplomatique</h1>
{paragraphs}
</article>"""
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Maroc – Russie : un mémorandum d’entente diplomatique | Le Journal du Test</title>
<meta property="og:title" content="Maroc – Russie : un mémorandum d’entente diplomatique">
<meta property="og:site_name" content="Le Journal du Test">
<meta property="og:url" content="https://journal.example/maroc-russie">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2025-10-16T10:30:00+01:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Rubrique Monde du menu</a></li>
<li><a href="/sport">Sport et pétanque</a></li></ul></nav>
{article}
<aside class="related"><h2>Articles liés</h2><ul>
<li><a href="/a">Un article lié sur les tomates de Bretagne</a></li></ul></aside>
<section id="comments" class="comments"><h3>Commentaires</h3>
<div class="comment"><p>Un commentaire de lecteur furieux sur la pétanque et le climat qui ne
sert à rien du tout, signé Gérard.</p></div></section>
<footer><p>© Le Journal du Test, mentions légales</p></footer>
</body></html>"""


def test_html_article_body_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    doc = ingest_path(path)
    assert doc.format == "html" and doc.language == "fr"
    for p in ARTICLE_PARAGRAPHS:
        assert p in doc.text
    assert doc.text.index("Moscou") < doc.text.index("Selon") < doc.text.index("Nous considérons")
    for junk in ("Rubrique Monde", "pétanque", "tomates", "Commentaires", "Gérard",
                 "mentions légales"):
        assert junk not in doc.text
    assert doc.title == "Maroc – Russie : un mémorandum d’entente diplomatique"
    assert doc.author == "Jeanne Martin"
    # A file was fetched from nowhere: no url nor site; what the page says of itself is kept
    # apart, as its claim (docs/decisions.md §22).
    assert doc.url is None and doc.site is None
    assert doc.claimed_url == "https://journal.example/maroc-russie"
    assert doc.claimed_site == "Le Journal du Test"
    assert doc.published == date(2025, 10, 16)
    assert doc.dateline is None  # the date came from the metadata


def test_html_in_cp1252_declared_latin1() -> None:
    html = article_html().replace('charset="utf-8"', 'charset="iso-8859-1"')
    doc = ingest_bytes(html.encode("cp1252", errors="strict"), name="page.htm")
    assert "d’ouverture" in doc.text and "Sergueï" in doc.text
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize("encoding, label", [("utf-16", "utf-8"), ("utf-8", "utf-16"),
                                             ("utf-8", "base64"), ("utf-8", "no-such-charset")])
def test_html_charset_labels_that_lie(encoding: str, label: str) -> None:
    html = article_html().replace('charset="utf-8"', f'charset="{label}"')
    doc = ingest_bytes(html.encode(encoding), name="page.html")
    assert ARTICLE_PARAGRAPHS[2] in doc.text


def test_html_without_metadata_date_uses_dateline() -> None:
    html = ("<html><body><article><p>Publié le 16/10/2025 à 10h30</p>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS) + "</article></body></html>")
    doc = ingest_bytes(html.encode(), name="p.html")
    assert doc.published == date(2025, 10, 16)
    assert doc.dateline is not None
    assert doc.text[doc.dateline.start:doc.dateline.end] == "16/10/2025"


def test_html_without_article_text() -> None:
    html = """<html lang="en"><head><title>Home | Site</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<div class="menu"><a href="/login">Log in</a> <a href="/sub">Subscribe</a></div>
<footer><p>© 2025 Example Media. All rights reserved.</p></footer></body></html>"""
    with pytest.raises(IngestError) as exc:
        ingest_bytes(html.encode(), name="home.html")
    assert_one_line_error(exc, "home.html", "no article text")


def test_html_sniffed_without_extension() -> None:
    doc = ingest_bytes(article_html().encode(), name="download")
    assert doc.format == "html"


# ------------------------------------------------------------------------------------ DOCX


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    half = len(paragraphs) // 2
    for p in paragraphs[:half]:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    for p in paragraphs[half:]:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_table_in_order(tmp_path: Path) -> None:
    paragraphs = [line for line in SEED_TEXT.split("\n") if line.strip()]
    table = [["Ministre", "Pays"], ["Nasser Bourita", "Maroc"], ["Sergueï Lavrov", "Russie"]]
    path = tmp_path / "seed.docx"
    path.write_bytes(make_docx(paragraphs, table))
    doc = ingest_path(path)
    assert doc.format == "docx" and doc.encoding is None
    blocks = doc.text.split("\n\n")
    half = len(paragraphs) // 2
    cells = [c for row in table for c in row]
    assert blocks == paragraphs[:half] + cells + paragraphs[half:]
    assert doc.published == date(2025, 10, 16) and doc.language == "fr"
    assert doc.dateline is not None and doc.dateline.start == 0
    assert doc.boilerplate


def test_docx_zip_bomb_rejected_before_parsing() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zeros = bytes(1024 * 1024)
        with zf.open("word/media/bomb.bin", "w", force_zip64=True) as fh:
            for _ in range(200):  # 200 MB of zeros, streamed
                fh.write(zeros)
    with pytest.raises(IngestError) as exc:
        ingest_bytes(buf.getvalue(), name="report.docx")
    assert_one_line_error(exc, "report.docx", "DOCX rejected", "zip bomb")


def test_docx_too_many_entries() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(1_200):
            zf.writestr(f"word/x{i}.xml", "")
    with pytest.raises(IngestError) as exc:
        ingest_bytes(buf.getvalue(), name="report.docx")
    assert_one_line_error(exc, "report.docx", "1,200 entries exceed the limit of 1,000")


def test_docx_corrupt() -> None:
    good = make_docx(["Le président a parlé de la réforme des retraites hier soir."])
    for data in (b"PK\x03\x04 this is not a zip", good[: len(good) // 2], b"hello"):
        with pytest.raises(IngestError) as exc:
            ingest_bytes(data, name="broken.docx")
        assert_one_line_error(exc, "broken.docx", "corrupt DOCX")


def test_zip_that_is_not_a_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "bonjour")
    with pytest.raises(IngestError) as exc:
        ingest_bytes(buf.getvalue(), name="x.docx")
    assert_one_line_error(exc, "x.docx", "word/document.xml")


# ------------------------------------------------------------------------------------- PDF


def _pdf_string(s: str) -> bytes:
    raw = s.encode("cp1252")  # WinAnsiEncoding is cp1252 for these characters
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]] | None = None, drawings: int = 0, *,
             raw_streams: list[bytes] | None = None, shared: int = 0) -> bytes:
    """A minimal, valid PDF written by hand: Helvetica with WinAnsiEncoding, one text line per
    entry of each page; `drawings` pages holding only a filled rectangle (no text layer);
    `raw_streams`, content streams given as they are (Flate-compressed); `shared` more pages
    that all use the first page's content stream."""
    streams: list[bytes] = []
    for lines in pages or []:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        streams.append(b"\n".join(ops))
    streams += [b"0.5 g 100 100 300 200 re f"] * drawings
    flate = len(streams)
    streams += raw_streams or []
    n = len(streams) + shared
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(n))
        + b"] /Count " + str(n).encode() + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, stream in enumerate(streams + [b""] * shared):
        content = 5 + 2 * i if i < len(streams) else 5
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       f"<< /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>".encode())
        if i >= len(streams):
            objects.append(b"<< >>")  # keeps the numbering: pages are 4, 6, 8...
            continue
        if i >= flate:
            stream = zlib.compress(stream, 9)
        filt = b" /Filter /FlateDecode" if i >= flate else b""
        objects.append(b"<< /Length " + str(len(stream)).encode() + filt + b" >>\nstream\n"
                       + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def _words(n: int, seed: int = 1) -> str:
    import random

    rnd = random.Random(seed)
    vocab = "le la les un une des ministre accord pays réforme vote loi budget projet".split()
    return " ".join(rnd.choice(vocab) for _ in range(n))


def test_pdf_content_stream_expanding_past_the_page_limit_is_refused() -> None:
    stream = b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * 500_000 + b"ET"  # 3.5 MB inflated
    data = make_pdf(raw_streams=[stream])
    assert len(data) < 100_000
    started = time.monotonic()
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="small.pdf")
    assert_one_line_error(exc, "small.pdf", "PDF rejected: page 1")
    assert time.monotonic() - started < 10


def test_pdf_pages_sharing_one_big_stream_are_counted_per_page() -> None:
    stream = b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * 100_000 + b"ET"  # 0.7 MB, under a page
    data = make_pdf(raw_streams=[stream], shared=40)
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="shared.pdf", max_bytes=1_000_000)
    assert_one_line_error(exc, "shared.pdf", "PDF rejected", "in all")


def test_pdf_extracted_text_is_capped() -> None:
    stream = b"BT /F1 12 Tf 72 720 Td 14 TL\n" + b"\n".join(
        _pdf_string(_words(12, k)) + b" Tj T*" for k in range(60)) + b"\nET"
    data = make_pdf(raw_streams=[stream] * 20)  # 20 pages of text, Flate-compressed
    assert len(data) < 60_000
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="long.pdf", max_bytes=60_000)
    assert_one_line_error(exc, "long.pdf", "text extracted exceeds the limit")


def test_docx_expanding_past_a_small_multiple_of_the_cap_is_refused() -> None:
    """3 MB of paragraph XML without text, from 150 KB: under the per-entry ratio guard, over
    the cap on what a DOCX may expand to."""
    import random

    rnd = random.Random(3)
    ids = [f"{rnd.getrandbits(32):08X}" for _ in range(16)]
    body = "".join(f'<w:p w:rsidR="{rnd.choice(ids)}" w:rsidRDefault="{rnd.choice(ids)}"/>'
                   for _ in range(55_000))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f"{body}</w:body></w:document>")
    src = zipfile.ZipFile(io.BytesIO(make_docx(["Bonjour."])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, xml if info.filename == "word/document.xml"
                        else src.read(info.filename))
    data = buf.getvalue()
    assert len(data) < 200_000 and len(xml) > 2_500_000
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="big.docx", max_bytes=200_000)  # uncompressed cap: 2 MB
    assert_one_line_error(exc, "big.docx", "DOCX rejected", "uncompressed exceed the limit")


def test_docx_extracted_text_is_capped() -> None:
    data = make_docx([_words(40, k) for k in range(400)])
    text_size = len(" ".join(_words(40, k) for k in range(400)).encode())
    assert text_size > len(data) + 1
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="long.docx", max_bytes=len(data) + 1)
    assert_one_line_error(exc, "long.docx", "text extracted exceeds the limit")


def test_pdf_two_pages_in_order(tmp_path: Path) -> None:
    page1 = ["jeudi, octobre 16, 2025", "Le ministre a déclaré que l’accord était signé.",
             "Selon le communiqué, les deux pays ont tenu une réunion (à Moscou)."]
    page2 = ["Sur la deuxième page, la coopération est « stratégique » pour le Maroc.",
             "Nous voulons la paix, a conclu un diplomate."]
    path = tmp_path / "article.pdf"
    path.write_bytes(make_pdf([page1, page2]))
    doc = ingest_path(path)
    assert doc.format == "pdf" and doc.language == "fr"
    positions = [doc.text.index(line) for line in page1 + page2]
    assert positions == sorted(positions)
    assert "\n\n" in doc.text[positions[2]:positions[3]]  # a page break is a paragraph break
    assert doc.published == date(2025, 10, 16)


def test_pdf_without_text_layer() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_bytes(make_pdf(drawings=2), name="scan.pdf")
    assert_one_line_error(exc, "scan.pdf", "no text layer (scanned PDF?)")


def test_pdf_corrupt() -> None:
    good = make_pdf([["Le ministre a déclaré que la réunion était terminée."]])
    for data in (b"%PDF-1.4\nnothing else here", b"not a pdf at all", good[:40]):
        with pytest.raises(IngestError) as exc:
            ingest_bytes(data, name="broken.pdf")
        assert_one_line_error(exc, "broken.pdf")


# ------------------------------------------------------------------------------- bad input


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as exc:
        ingest_path(path)
    assert_one_line_error(exc, "empty.txt", "empty")


def test_whitespace_only() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_bytes(b" \n\t\r\n  \n", name="blank.txt")
    assert_one_line_error(exc, "blank.txt", "empty document")


def test_png_bytes() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    for name in ("image.png", "photo.txt"):
        with pytest.raises(IngestError) as exc:
            ingest_bytes(png, name=name)
        assert_one_line_error(exc, name, "binary")


def test_control_characters_are_binary() -> None:
    data = bytes(range(1, 32)) * 20 + "Le ministre a dit que la réunion est finie.".encode()
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="weird.txt")
    assert_one_line_error(exc, "weird.txt", "binary")


def test_undecodable_bytes() -> None:
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0xFE, 0x83]) * 50  # nothing a text holds
    with pytest.raises(IngestError) as exc:
        ingest_bytes(data, name="junk.txt")
    assert_one_line_error(exc, "junk.txt")
    assert "binary" in str(exc.value) or "undecodable" in str(exc.value)


def test_invalid_utf16_after_bom() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00", name="u16.txt")
    assert_one_line_error(exc, "u16.txt", "undecodable")


def test_twenty_megabytes_over_default_cap(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERIFIER_MAX_BYTES", raising=False)
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)  # sparse: fast to make
    with pytest.raises(IngestError) as exc:
        ingest_path(path)
    assert_one_line_error(exc, "huge.txt", "exceed the limit", "10,485,760")
    with pytest.raises(IngestError) as exc:
        ingest_bytes(b"a" * (20 * 1024 * 1024), name="huge.txt")
    assert_one_line_error(exc, "huge.txt", "exceed the limit")


def test_size_cap_from_environment_and_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEED.read_bytes()
    monkeypatch.setenv("VERIFIER_MAX_BYTES", "1000")
    with pytest.raises(IngestError):
        ingest_bytes(data, name="seed.txt")
    assert ingest_bytes(data, name="seed.txt", max_bytes=10_000).sha256 == SEED_SHA256


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as exc:
        ingest(str(tmp_path / "nope.txt"), timeout=3)
    assert "no such file" in str(exc.value)
    again = pickle.loads(pickle.dumps(exc.value))
    assert isinstance(again, IngestError) and str(again) == str(exc.value)


def test_ingest_dispatches_paths(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    assert ingest(str(path), timeout=3).sha256 == SEED_SHA256
    assert ingest(path, lang="fr").as_dict(include_text=False)["published"] == "2025-10-16"


def test_bad_language_override() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_bytes(SEED.read_bytes(), name="s.txt", lang="de")
    assert_one_line_error(exc, "s.txt", "--lang fr|en")


# -------------------------------------------------------------------------------------- URL


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Handler.seen.append(self.path)
        if self.path == "/drip":  # two bytes at a time: never a read timeout, never done
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(200):
                try:
                    self.wfile.write(b"ab")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        if self.path.startswith("/redirect-to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/redirect-to/"):].replace("|", "/"))
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if self.path != "/chunked-big":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    _Handler.routes = {
        "/article": ("text/html; charset=utf-8", article_html().encode()),
        "/image": ("image/png", b"\x89PNG\r\n\x1a\n"),
        "/big": ("text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        "/chunked-big": ("text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        "/seed.txt": ("text/plain; charset=utf-8", SEED.read_bytes()),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    before = os.environ.get("VERIFIER_ALLOW_HOSTS")
    os.environ["VERIFIER_ALLOW_HOSTS"] = "127.0.0.1"  # the test server, on this machine
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        if before is None:
            os.environ.pop("VERIFIER_ALLOW_HOSTS", None)
        else:
            os.environ["VERIFIER_ALLOW_HOSTS"] = before
        httpd.shutdown()
        httpd.server_close()


def test_url_html(server: str) -> None:
    doc = ingest(f"{server}/article")
    assert doc.format == "html"
    assert doc.source_name == f"{server}/article"
    assert ARTICLE_PARAGRAPHS[0] in doc.text and "tomates" not in doc.text
    assert doc.published == date(2025, 10, 16)
    # The URL fetched and its host, not the og:url the page gives itself (kept as its claim).
    assert doc.url == f"{server}/article" and doc.site == "127.0.0.1"
    assert doc.claimed_url == "https://journal.example/maroc-russie"
    assert doc.claimed_site == "Le Journal du Test"


def test_url_after_redirects_is_the_url_fetched(server: str) -> None:
    """A redirect (checked like the first request) ends at the URL stored; a page that names
    no other URL than the one fetched claims nothing."""
    _Handler.routes["/plain-article"] = ("text/html; charset=utf-8", article_html().replace(
        '<meta property="og:url" content="https://journal.example/maroc-russie">', "").replace(
        '<meta property="og:site_name" content="Le Journal du Test">', "").encode())
    port = server.rsplit(":", 1)[1]
    doc = ingest_url(f"{server}/redirect-to/http:||127.0.0.1:{port}|plain-article")
    assert doc.url == f"{server}/plain-article" and doc.site == "127.0.0.1"
    assert doc.claimed_url is None and doc.claimed_site is None
    assert doc.source_name == f"{server}/redirect-to/http:||127.0.0.1:{port}|plain-article"


def test_url_plain_text(server: str) -> None:
    doc = ingest_url(f"{server}/seed.txt")
    assert doc.sha256 == SEED_SHA256 and doc.format == "txt"


def test_url_errors(server: str) -> None:
    cases = [("/image", "content type 'image/png'"), ("/missing", "HTTP 404"),
             ("/big", "exceed the limit"), ("/chunked-big", "exceeds the limit")]
    for route, words in cases:
        with pytest.raises(IngestError) as exc:
            ingest_url(f"{server}{route}", max_bytes=1000)
        assert_one_line_error(exc, f"{server}{route}", words)


def test_unreachable_url() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(IngestError) as exc:
        ingest(url, timeout=5)
    assert_one_line_error(exc, url, "cannot fetch")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "127.1",
                                  "[::1]", "[::ffff:127.0.0.1]", "10.0.0.1", "192.168.1.1",
                                  "169.254.169.254", "0.0.0.0", "[fe80::1]", "224.0.0.1"])
def test_internal_addresses_are_refused(server: str, host: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERIFIER_ALLOW_HOSTS")
    port = server.rsplit(":", 1)[1]
    _Handler.seen.clear()
    url = f"http://{host}:{port}/article"
    with pytest.raises(IngestError) as exc:
        ingest_url(url, timeout=3)
    assert_one_line_error(exc, url, "internal address")
    assert _Handler.seen == []  # nothing was sent


def test_redirect_to_an_internal_address_is_refused(server: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The first host is allowed (by name), the redirect goes to another internal host."""
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "localhost")
    port = server.rsplit(":", 1)[1]
    _Handler.seen.clear()
    target = f"http:||127.0.0.1:{port}|article"
    url = f"http://localhost:{port}/redirect-to/{target}"
    with pytest.raises(IngestError) as exc:
        ingest_url(url, timeout=3)
    assert "internal address" in str(exc.value)
    assert _Handler.seen == [f"/redirect-to/{target}"]  # the article was never asked for


def test_https_to_http_redirect_is_refused() -> None:
    import urllib.error
    import urllib.request

    from verifier.fetch import _Redirects

    req = urllib.request.Request("https://news.example.org/a")
    with pytest.raises(urllib.error.URLError, match="https to http"):
        _Redirects().redirect_request(req, None, 302, "Found", {}, "http://news.example.org/a")


def test_a_dripping_server_meets_the_deadline(server: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_URL_DEADLINE", "2")
    started = time.monotonic()
    with pytest.raises(IngestError) as exc:
        ingest_url(f"{server}/drip", timeout=5)
    assert_one_line_error(exc, f"{server}/drip", "not complete after 2 s")
    assert time.monotonic() - started < 10


def test_url_scheme_refused() -> None:
    with pytest.raises(IngestError) as exc:
        ingest_url("file:///etc/passwd")
    assert "http or https only" in str(exc.value)


# ------------------------------------------------------------------------------- properties

_NAMES = st.sampled_from(["f.txt", "f.md", "f.html", "f.docx", "f.pdf", "f", "f.bin"])
_PREFIXES = st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>",
                             b"\xff\xfe", b"\xef\xbb\xbf", b"jeudi, octobre 16, 2025\n\n",
                             b'<html><head><meta charset="rot13"><body><p>',
                             b'<html><head><meta charset="utf-16"><body><p>'])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, data=st.binary(max_size=2000), name=_NAMES)
def test_arbitrary_bytes_give_document_or_ingest_error(prefix: bytes, data: bytes,
                                                       name: str) -> None:
    try:
        doc = ingest_bytes(prefix + data, name=name)
    except IngestError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{name}: ")
    else:
        assert doc.text.strip() and doc.language in ("fr", "en")
        assert doc == ingest_bytes(prefix + data, name=name)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="cp1252"), max_size=300))
def test_utf8_and_cp1252_agree(text: str) -> None:
    """Whenever both decode, the same text gives the same sha256 in UTF-8 and cp1252."""
    text = "Le ministre a dit que la fête est finie et que les gens sont là. " + text
    try:
        a = ingest_bytes(text.encode("utf-8"), name="a.txt", lang="fr")
        b = ingest_bytes(text.encode("cp1252"), name="b.txt", lang="fr")
    except IngestError:
        return
    if b.encoding == "cp1252":
        assert a.sha256 == b.sha256


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=400),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips(text: str, encoding: str) -> None:
    """Any printable text in a Unicode encoding comes back exactly (normalised), or is refused."""
    text = "Le ministre a dit que la fête est finie et que les gens sont là.\n" + text
    try:
        doc = ingest_bytes(text.encode(encoding), name="t.txt", lang="fr")
    except IngestError:
        return
    assert doc.text == normalise_text(text)
