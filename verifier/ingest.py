"""Bytes, a path or a URL in; an `IngestedDocument` out: the normalised text, its SHA-256 (the
dedup key), language, publication date and metadata. Pure: no database, no network except in
`fetch_url` / `ingest_url`. Anything that cannot be read safely raises `IngestError` (one line,
naming the input) instead of guessing.

Loading (a file's bytes, a URL fetched: `load`, `RawDocument`) is apart from reading the bytes
(`ingest_bytes`), so that untrusted bytes can be read in a limited worker (verifier.sandbox)
after this process fetched them.

`url` and `site` say where verifier got the document: the URL actually fetched (after the
checked redirects) and its host name; None for a file or bytes. What the page says of itself
(its canonical link or og:url, its og:site_name) is kept apart as `claimed_url` /
`claimed_site`, never taken for where it came from (docs/decisions.md §22).

Layout conventions of `text` (offsets of later stages index it):
- txt/md: the decoded file, normalised (`text.normalise_text`); Markdown is kept as written.
- html/docx/pdf: one block (paragraph, heading, table cell, page) per paragraph, blocks
  separated by a blank line, like the plain-text articles.
"""
from __future__ import annotations

import codecs
import hashlib
import http.client
import io
import re
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from verifier import calendar_names as cn
from verifier import fetch
from verifier import text as textmod
from verifier.analysis import DocumentAnalysis, analyse
from verifier.config import get_settings
from verifier.text import Span

FORMATS = ("txt", "md", "html", "docx", "pdf")
LANGUAGES = ("fr", "en")

# Zip-bomb guard for DOCX, checked on the central directory before python-docx reads anything.
# zipfile never inflates an entry beyond its declared size, so the declared sizes are binding.
DOCX_MAX_ENTRIES = 1_000
DOCX_MAX_UNCOMPRESSED = 100 * 1024 * 1024  # and at most DOCX_EXPANSION x the input cap,
DOCX_EXPANSION = 3                          # (but never under DOCX_MIN_UNCOMPRESSED: Word's
DOCX_MIN_UNCOMPRESSED = 2 * 1024 * 1024     # own styles and settings take about 1 MB)
DOCX_MAX_RATIO = 100  # per entry, for entries over DOCX_RATIO_MIN_SIZE
DOCX_RATIO_MIN_SIZE = 1024 * 1024
PDF_MAX_PAGES = 5_000
# PDF content streams, decompressed: per page, and in all (a stream shared by many pages is
# parsed once per page, so it counts once per page), as multiples of the input cap.
PDF_PAGE_CONTENT = 2 * 1024 * 1024
PDF_CONTENT_EXPANSION = 4

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf",
}
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt",
    "text/markdown": "md", "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"\x1f\x8b", "gzip archive"), (b"\x7fELF", "ELF executable"),
    (b"PK\x03\x04", "ZIP archive"), (b"%PDF-", "PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office (OLE) document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"),
]
_BOMS = [  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Single-byte encodings a French or English newsroom file plausibly uses when it is not UTF-8.
_SINGLE_BYTE = ["cp1252", "latin_1", "iso8859_15"]
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc except \t \n \v \f \r


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` starts like ("PNG image", "ZIP archive"...), else None."""
    return next((what for magic, what in _MAGIC if data.startswith(magic)), None)


class IngestError(ValueError):
    """An input that cannot be ingested safely. str() is one line: '<input>: <problem>'."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = _one_line(source, 300)
        self.problem = _one_line(problem, 500)
        super().__init__(f"{self.source}: {self.problem}")

    def __reduce__(self) -> tuple[Any, ...]:  # picklable (multiprocessing, pytest-xdist)
        return (type(self), (self.source, self.problem))


class DocumentTooBig(IngestError):
    """More bytes than the ingestion cap (VERIFIER_MAX_BYTES): the HTTP API answers 413."""


@dataclass(frozen=True)
class IngestedDocument:
    text: str
    sha256: str
    language: str
    published: date | None
    title: str | None
    author: str | None
    site: str | None
    url: str | None
    source_name: str
    format: str
    encoding: str | None
    boilerplate: list[Span] = field(default_factory=list)
    dateline: Span | None = None
    # What an HTML page says of itself (canonical link or og:url; og:site_name), when that is
    # not where it was fetched from: a claim of the page, not verified.
    claimed_url: str | None = None
    claimed_site: str | None = None

    @cached_property
    def analysis(self) -> DocumentAnalysis:
        """The document analysed once (sentences, paragraphs) in its language, with its
        publication date and boilerplate spans: shared by every extractor and check."""
        return analyse(self.text, self.language, self.published,
                       [(s.start, s.end) for s in self.boilerplate])

    def as_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, spans as {start, end, kind}."""
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        out["boilerplate"] = [s._asdict() for s in self.boilerplate]
        out["dateline"] = self.dateline._asdict() if self.dateline else None
        if not include_text:
            del out["text"]
        return out


# ---------------------------------------------------------------------------------- entry points


@dataclass(frozen=True)
class RawDocument:
    """Bytes to read and how they came: a file's name, or the URL asked for (`name`) with the
    URL actually fetched after the redirects (`url`), the format its content type gives and
    its declared charset. Picklable: what a limited worker is sent."""

    data: bytes
    name: str
    url: str | None = None
    format: str | None = None
    declared_encoding: str | None = None

    def how(self) -> dict[str, Any]:
        """The keyword arguments of `ingest_bytes` besides the bytes and the name."""
        return {"url": self.url, "format": self.format,
                "declared_encoding": self.declared_encoding}


def is_url(source: object) -> bool:
    return isinstance(source, str) and re.match(r"(?i)^https?://", source.strip()) is not None


def ingest(source: str | Path, **kw: Any) -> IngestedDocument:
    """A URL (http/https) or a path. `timeout` only matters for a URL."""
    if isinstance(source, str) and is_url(source):
        return ingest_url(source.strip(), **kw)
    kw.pop("timeout", None)
    return ingest_path(source, **kw)


def load(source: str | Path, *, timeout: float | None = None,
         max_bytes: int | None = None) -> RawDocument:
    """The bytes of a URL (fetched) or a path (read), not yet parsed."""
    if isinstance(source, str) and is_url(source):
        return fetch_url(source.strip(), timeout=timeout, max_bytes=max_bytes)
    return read_file(source, max_bytes=max_bytes)


def ingest_raw(raw: RawDocument, **kw: Any) -> IngestedDocument:
    return ingest_bytes(raw.data, name=raw.name, **raw.how(), **kw)


def read_file(path: str | Path, *, max_bytes: int | None = None) -> RawDocument:
    """A file's bytes, refused before reading when past the size cap."""
    p = Path(path)
    limit = _limit(max_bytes)
    try:
        if not p.is_file():
            raise IngestError(str(path), "no such file" if not p.exists() else "not a regular file")
        size = p.stat().st_size
        if size > limit:  # before reading: a huge file is never loaded
            raise DocumentTooBig(p.name, _too_big(size, limit))
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise IngestError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return RawDocument(data, p.name)


def ingest_path(path: str | Path, *, max_bytes: int | None = None, **kw: Any) -> IngestedDocument:
    raw = read_file(path, max_bytes=max_bytes)
    return ingest_raw(raw, max_bytes=_limit(max_bytes), **kw)


def ingest_url(
    url: str, *, timeout: float | None = None, max_bytes: int | None = None, **kw: Any
) -> IngestedDocument:
    """Fetch (`fetch_url`), then read the bytes."""
    raw = fetch_url(url, timeout=timeout, max_bytes=max_bytes)
    return ingest_raw(raw, max_bytes=_limit(max_bytes), **kw)


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int | None = None,
              types: Mapping[str, str] | None = None) -> RawDocument:
    """Fetch with urllib (the address checks and deadline of verifier.fetch, timeout, size cap
    enforced while reading, content-type check); the bytes with the URL finally fetched.
    `types`: the content types accepted and the format each gives (default: the documents
    ingestion reads; a feed or a ClaimReview import accepts others)."""
    accepted = _CONTENT_TYPES if types is None else types
    expected = "HTML" if types is None else ", ".join(sorted(accepted))
    limit = _limit(max_bytes)
    timeout = get_settings().url_timeout if timeout is None else timeout
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(url, f"unsupported URL scheme {scheme!r} (http or https only)")
    request = urllib.request.Request(url, headers={
        "User-Agent": "verifier/0.1 (newsroom fact-checking)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,application/pdf;q=0.5,*/*;q=0.1",
    })
    limit_s = get_settings().url_deadline
    try:
        with fetch.deadline(limit_s) as watch, fetch.opener().open(request, timeout=timeout) as resp:
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else None
            charset = resp.headers.get_content_charset()
            fmt = accepted.get(ctype) if ctype else None
            if ctype and fmt is None:
                raise IngestError(url, f"unsupported content type {ctype!r} (expected {expected})")
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise DocumentTooBig(url, _too_big(int(declared), limit))
            chunks: list[bytes] = []
            total = 0
            while True:
                try:
                    chunk = resp.read1(64 * 1024)  # returns what one read gives: no long wait
                except OSError:
                    if watch.expired:
                        break
                    raise
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise DocumentTooBig(url, f"response exceeds the limit of {limit:,} bytes "
                                           f"({limit / 1048576:.1f} MB)")
                chunks.append(chunk)
            final_url = resp.geturl() or url
        if watch.expired:
            raise IngestError(url, f"cannot fetch: not complete after {limit_s:g} s "
                                   "(VERIFIER_URL_DEADLINE)")
    except IngestError:
        raise
    except fetch.FetchRefused as exc:
        raise IngestError(url, f"refused: {exc.reason}") from exc
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch: {_reason(exc.reason)}") from exc
    except TimeoutError as exc:
        raise IngestError(url, f"cannot fetch: timed out after {timeout:g} s") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, bad port...
        if "watch" in locals() and watch.expired:
            raise IngestError(url, f"cannot fetch: not complete after {limit_s:g} s "
                                   "(VERIFIER_URL_DEADLINE)") from exc
        raise IngestError(url, f"cannot fetch: {_reason(exc)}") from exc
    return RawDocument(b"".join(chunks), url, url=final_url, format=fmt,
                       declared_encoding=charset)


def ingest_bytes(
    data: bytes,
    *,
    name: str,
    lang: str | None = None,
    published: date | None = None,
    max_bytes: int | None = None,
    format: str | None = None,
    url: str | None = None,
    declared_encoding: str | None = None,
) -> IngestedDocument:
    """`format` forces the reader (else: the name's extension, then the content);
    `url` (the URL fetched, after the redirects: the document's `url`, its host the `site`) and
    `declared_encoding` come from `fetch_url`."""
    limit = _limit(max_bytes)
    if lang is not None and lang not in LANGUAGES:
        raise IngestError(name, f"unsupported language {lang!r} (use --lang fr|en)")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise IngestError(name, f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if len(data) > limit:  # before any decoding
        raise DocumentTooBig(name, _too_big(len(data), limit))
    if not data:
        raise IngestError(name, "empty file (0 bytes)")
    fmt = format or _format_for(name, data)
    if fmt not in FORMATS:
        raise IngestError(name, f"unsupported format {fmt!r} (txt, md, html, docx, pdf)")

    meta: dict[str, Any] = {}
    try:
        if fmt in ("txt", "md"):
            raw, encoding = _decode_text(data, name, declared_encoding)
        elif fmt == "html":
            raw, encoding, meta = _read_html(data, name, declared_encoding, url)
        elif fmt == "docx":
            raw, encoding = _read_docx(data, name, limit), None
        else:
            raw, encoding = _read_pdf(data, name, limit), None
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError(name, f"{fmt.upper()} rejected: nested too deeply") from exc
    except Exception as exc:  # a parser's own failure on hostile input is still bad input
        raise IngestError(name, f"corrupt {fmt.upper()}: {_reason(exc)}") from exc

    body = textmod.normalise_text(raw)
    if not body.strip():
        raise IngestError(name, "empty document (only whitespace)" if fmt in ("txt", "md")
                          else f"empty document: the {fmt.upper()} holds no text")

    language = lang or textmod.detect_language(body) or meta.get("language")
    if language not in LANGUAGES:
        raise IngestError(name, "language not recognised (use --lang fr|en)")

    dateline: Span | None = None
    if isinstance(published, datetime):
        published = published.date()
    if published is None:
        published = meta.get("date")
    if published is None:
        found = find_dateline(body)
        if found is not None:
            published, dateline = found

    boilerplate = list(textmod.find_boilerplate(body))
    title = meta.get("title") or _title_from_text(body, boilerplate, dateline)
    return IngestedDocument(
        text=body,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        language=language,
        published=published,
        title=title,
        author=meta.get("author"),
        site=site_of(url),
        url=url,
        source_name=name,
        format=fmt,
        encoding=encoding,
        boilerplate=boilerplate,
        dateline=dateline,
        claimed_url=meta.get("url") if meta.get("url") != url else None,
        claimed_site=meta.get("site") if not _names_host(meta.get("site"), url) else None,
    )


def site_of(url: str | None) -> str | None:
    """The host name of a URL fetched (lower case, without port or user), the document's
    `site`; None without a URL."""
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    return host or None


def _names_host(site: str | None, url: str | None) -> bool:
    """Whether a page's site name is only its host name (or none): what trafilatura falls back
    to from the URL it is given (its host and port, without a leading "www."), not a claim."""
    if not site:
        return True
    if not url:
        return False
    netloc = urllib.parse.urlsplit(url).netloc.lower()
    bare = re.sub(r"^(?:www\.|w[0-9]+\.)", "", netloc)
    return site.lower() in (netloc, bare, site_of(url))


_HEADING_LINE = re.compile(r"^[#\s]*(\S.{0,198}\S)\s*$")


def _title_from_text(body: str, boilerplate: list[Span], dateline: Span | None) -> str | None:
    """The first heading-like line of a plain-text or Markdown article (no final full stop),
    skipping the dateline and boilerplate lines; None when the text opens with a sentence."""
    skip = [(b.start, b.end) for b in boilerplate] + ([(dateline.start, dateline.end)] if dateline else [])
    pos = 0
    for line in body.split("\n")[:8]:
        start, pos = pos, pos + len(line) + 1
        if not line.strip() or any(s <= start < e or start <= s < start + len(line) for s, e in skip):
            continue
        m = _HEADING_LINE.match(line)
        if m and not line.rstrip().endswith((".", "!", "?", "…", ":")):
            return m.group(1)
        return None
    return None


# ------------------------------------------------------------------------------------- helpers


def _one_line(s: str, limit: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _reason(exc: object) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, BaseException):
        msg = str(exc) or type(exc).__name__
        return _one_line(f"{type(exc).__name__}: {msg}" if str(exc) else msg, 200)
    return _one_line(str(exc), 200)


def _limit(max_bytes: int | None) -> int:
    return get_settings().max_bytes if max_bytes is None else max_bytes


def too_big(what: str, size: int, max_bytes: int | None = None) -> DocumentTooBig | None:
    """The refusal of `size` bytes of `what` when they exceed the cap (else None): the same
    one line whether a file, a URL, bytes or an HTTP request body is refused."""
    limit = _limit(max_bytes)
    return DocumentTooBig(what, _too_big(size, limit)) if size > limit else None


def readable_extension(name: str) -> bool:
    """Whether a file name's extension is one ingestion reads (no extension: the content
    decides)."""
    ext = Path(name).suffix.lower()
    return not ext or ext in _EXTENSIONS


def _too_big(size: int, limit: int) -> str:
    return (f"{size:,} bytes ({size / 1048576:.1f} MB) exceed the limit of {limit:,} bytes "
            f"({limit / 1048576:.1f} MB; set VERIFIER_MAX_BYTES)")


def _format_for(name: str, data: bytes) -> str:
    path = urllib.parse.urlsplit(name).path if re.match(r"(?i)^https?://", name) else name
    ext = Path(path).suffix.lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return "html"
    return "txt"


# ---------------------------------------------------------------------------------- plain text


def _decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Strict and in order: BOM, BOM-less UTF-16, UTF-8, the declared charset (HTTP or <meta>),
    then charset-normalizer among Western single-byte encodings. Never decodes with replacement
    characters, so what comes out is what was written."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data if enc == "utf-8-sig" else data[len(bom):]
            try:
                return _check_controls(body.decode(enc), name), enc
            except UnicodeDecodeError as exc:
                raise IngestError(name, f"undecodable: {enc.upper()} byte-order mark but invalid "
                                        f"{enc.upper()} at byte {exc.start:,}") from exc
    what = binary_kind(data)
    if what is not None:
        raise IngestError(name, f"binary data ({what}), not text")
    if b"\x00" in data:
        enc16 = _utf16_without_bom(data)
        if enc16:
            return _check_controls(data.decode(enc16), name), enc16
        raise IngestError(name, "binary data (contains NUL bytes), not text")
    try:  # valid UTF-8 with accents is UTF-8 whatever a header claims (no "Ã©")
        return _check_controls(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    declared_enc = _codec(declared) if declared else None
    if declared_enc:
        try:
            return _check_controls(data.decode(declared_enc), name), declared_enc
        except UnicodeDecodeError:
            pass  # the declaration is wrong; detect instead
    best = from_bytes(data, cp_isolation=_SINGLE_BYTE).best()
    if best is None:
        raise IngestError(name, "undecodable: not UTF-8, UTF-16 or a Western single-byte "
                                "encoding (cp1252, latin-1)")
    enc = codecs.lookup(best.encoding).name
    if enc != "cp1252" and re.search(rb"[\x80-\x9f]", data):
        # 0x80-0x9F are C1 controls in latin-1 but ’ “ ” – … € Œ in cp1252: never mojibake.
        try:
            return _check_controls(data.decode("cp1252"), name), "cp1252"
        except UnicodeDecodeError:
            pass
    return _check_controls(data.decode(enc), name), enc


def _codec(label: str) -> str | None:
    try:
        enc = codecs.lookup(label.strip().strip("'\"")).name
        b"a".decode(enc)  # rejects codecs that are not text encodings (base64, rot13...)
    except (LookupError, ValueError):
        return None
    if enc.startswith(("utf-16", "utf-32", "utf-7")):
        return None  # a BOM-less 8-bit page that says UTF-16 (WHATWG ignores it too)
    # WHATWG: pages labelled latin-1/ASCII are decoded as windows-1252.
    return "cp1252" if enc in ("latin-1", "iso8859-1", "ascii") else enc


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for enc, zeros in (("utf-16-le", odd.count(0)), ("utf-16-be", even.count(0))):
        if zeros >= 0.4 * half:
            try:
                data.decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return None


def _check_controls(text: str, name: str) -> str:
    """Text with many control characters is binary data that happened to decode."""
    bad = len(_CONTROLS.findall(text))
    if bad and (bad > 0.01 * len(text) or "\x00" in text):
        plural = "s" if bad > 1 else ""
        raise IngestError(name, f"binary data ({bad:,} control character{plural}), not text")
    return text


# ---------------------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SENTENCE_LINE = re.compile(r"(?:\S+\s+){7,}\S*[.!?…»\"”)]\s*$")


def _read_html(data: bytes, name: str, declared: str | None,
               url: str | None) -> tuple[str, str, dict[str, Any]]:
    import trafilatura  # heavy import, only when HTML comes in

    if not declared:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    html, encoding = _decode_text(data, name, declared)
    # An XML declaration with an encoding makes lxml refuse an already decoded str.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    kwargs: dict[str, Any] = dict(
        url=url, include_comments=False, include_tables=True, with_metadata=True,
        deduplicate=False, date_extraction_params={"extensive_search": False,
                                                   "original_date": True},
    )
    doc: Any = trafilatura.bare_extraction(html, favor_precision=True, **kwargs)
    if doc is None or not (doc.text or "").strip():
        # Precision mode found no article; the recall mode's answer counts only when it reads
        # like prose, not like a menu (it falls back to any text on the page).
        doc = trafilatura.bare_extraction(html, **kwargs)
        lines = (doc.text or "").splitlines() if doc is not None else []
        if sum(bool(_SENTENCE_LINE.search(line)) for line in lines) < 2:
            raise IngestError(name, "HTML has no article text (only navigation or markup)")
    blocks = [" ".join(line.split()) for line in (doc.text or "").splitlines()]
    meta: dict[str, Any] = {
        # The page's own canonical link / og:url (trafilatura falls back to `url` when there
        # is none) and og:site_name: claims of the page (IngestedDocument.claimed_url).
        "title": _clean(doc.title), "author": _clean(doc.author), "site": _clean(doc.sitename),
        "url": _clean(doc.url), "date": _iso_date(doc.date),
        "language": (doc.language or "").lower()[:2] or _html_lang(html),
    }
    return "\n\n".join(b for b in blocks if b), encoding, meta


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _iso_date(value: str | None) -> date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _html_lang(html: str) -> str | None:
    m = re.search(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2})""", html[:4096], re.I)
    return m.group(1).lower() if m else None


# ---------------------------------------------------------------------------------------- DOCX


def _text_cap(name: str, size: int, limit: int) -> None:
    """The text extracted from a container may not exceed the input cap either."""
    if size > limit:
        raise IngestError(name, f"the text extracted exceeds the limit of {limit:,} bytes "
                                f"({limit / 1048576:.1f} MB; set VERIFIER_MAX_BYTES)")


def _check_zip(data: bytes, name: str, limit: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise IngestError(name, f"corrupt DOCX: not a valid ZIP archive ({_reason(exc)})") from exc
    if len(infos) > DOCX_MAX_ENTRIES:
        raise IngestError(name, f"DOCX rejected: {len(infos):,} entries exceed the limit of "
                                f"{DOCX_MAX_ENTRIES:,} (possible zip bomb)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size >= DOCX_RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > DOCX_MAX_RATIO:
                raise IngestError(name, f"DOCX rejected: entry {info.filename!r} expands "
                                        f"{ratio:,.0f}:1 (limit {DOCX_MAX_RATIO}:1; possible "
                                        "zip bomb)")
    cap = min(DOCX_MAX_UNCOMPRESSED, max(DOCX_EXPANSION * limit, DOCX_MIN_UNCOMPRESSED))
    if total > cap:
        raise IngestError(name, f"DOCX rejected: {total:,} bytes uncompressed exceed the limit "
                                f"of {cap:,} (possible zip bomb)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise IngestError(name, "corrupt DOCX: no word/document.xml (not a Word document)")


def _read_docx(data: bytes, name: str, limit: int) -> str:
    _check_zip(data, name, limit)
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        _docx_blocks(document, blocks, [0, limit, name])
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(name, f"corrupt DOCX: {_reason(exc)}") from exc
    return "\n\n".join(blocks)


def _docx_blocks(container: Any, out: list[str], budget: list[Any]) -> None:
    """Paragraphs and tables in body order; table cells row by row (merged cells once).
    `budget` is [characters so far, cap, name]: past the cap, IngestError at once."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    _docx_blocks(cell, out, budget)
        else:
            para = item.text.strip()
            if para:
                out.append(para)
                budget[0] += len(para) + 2
                _text_cap(budget[2], budget[0], budget[1])


# ----------------------------------------------------------------------------------------- PDF


def _pdf_content_size(page: Any) -> int:
    """Decompressed bytes of a page's content streams."""
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def _read_pdf(data: bytes, name: str, limit: int) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about sloppy files are noise
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(name, "PDF is encrypted (password required)")
        count = len(reader.pages)
        if count > PDF_MAX_PAGES:
            raise IngestError(name, f"PDF rejected: {count:,} pages exceed the limit of "
                                    f"{PDF_MAX_PAGES:,}")
        pages, content, size = [], 0, 0
        for k, page in enumerate(reader.pages, start=1):
            n = _pdf_content_size(page)
            content += n
            if n > PDF_PAGE_CONTENT or content > PDF_CONTENT_EXPANSION * limit:
                raise IngestError(name, f"PDF rejected: page {k} brings the content streams to "
                                        f"{content:,} bytes (limits: {PDF_PAGE_CONTENT:,} a "
                                        f"page, {PDF_CONTENT_EXPANSION * limit:,} in all)")
            pages.append((page.extract_text() or "").strip())
            size += len(pages[-1]) + 2
            _text_cap(name, size, limit)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(name, f"corrupt PDF: {_reason(exc)}") from exc
    if count == 0:
        raise IngestError(name, "corrupt PDF: no pages")
    if not any(p.strip() for p in pages):
        raise IngestError(name, "no text layer (scanned PDF?)")
    return "\n\n".join(p for p in pages if p)


# ------------------------------------------------------------------------------------ dateline

_MONTHS = {**cn.month_numbers("fr", abbreviations=True), **cn.month_numbers("en", abbreviations=True)}
_WEEKDAYS = "|".join(w.lower() for w in (*cn.WEEKDAYS["fr"], *cn.WEEKDAYS["en"], *cn.WEEKDAY_ABBREVIATIONS["en"]))
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WD = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
_DAY = r"(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|2[01])\d\d)"
_DATE_PATTERNS = [
    # jeudi, octobre 16, 2025 / Thursday, October 16, 2025 / Oct. 16th 2025
    re.compile(rf"(?<!\w){_WD}(?P<m>{_MONTH_RE})\.?\s+{_DAY},?\s+{_YEAR}(?!\w)", re.I),
    # 16 octobre 2025 / jeudi 16 octobre 2025 / 1er oct. 2025 / Thursday 16th of October, 2025
    re.compile(rf"(?<!\w){_WD}{_DAY}\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?,?\s+{_YEAR}(?!\w)", re.I),
    # 2025-10-16 (also 2025-10-16T10:30)
    re.compile(rf"(?<![\w/.-]){_YEAR}-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?![\d/.-])"),
    # 16/10/2025, 16.10.2025, 16-10-2025: day first (French and British usage)
    re.compile(rf"(?<![\w/.-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<mn>[01]?\d)(?P=sep){_YEAR}(?![\d/.-])"),
]
_TIME = re.compile(r"(?i)(?<!\w)\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:am|pm))?(?!\w)|(?<!\w)\d{1,2}\s*(?:am|pm)(?!\w)")
_DATELINE_LINES = 5
_DATELINE_MAX_LEN = 120
_DATELINE_MAX_WORDS = 8  # words left on the line besides the date and time ("Publié le ... à")


def parse_date(s: str) -> date | None:
    """A whole string that is one date in a supported form, else None (impossible dates too)."""
    s = s.strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(s)
        if m:
            return _to_date(m)
    return None


def find_dateline(text: str) -> tuple[date, Span] | None:
    """The publication date written on one of the first non-empty lines, and its span (the date
    with its weekday, without prefixes like 'Publié le' or the time). A long line is a
    sentence, not a dateline; an impossible date is not a date."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            break
        if len(line.strip()) > _DATELINE_MAX_LEN:
            continue
        for pattern in _DATE_PATTERNS:
            for m in pattern.finditer(line):
                value = _to_date(m)
                if value is None:
                    continue
                rest = _TIME.sub(" ", line[: m.start()] + " " + line[m.end():])
                if len(re.findall(r"[^\W\d_]+", rest)) > _DATELINE_MAX_WORDS:
                    continue
                return value, Span(start + m.start(), start + m.end(), "dateline")
    return None


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month = _MONTHS[groups["m"].lower()] if groups.get("m") else int(groups["mn"])
    try:
        return date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None
