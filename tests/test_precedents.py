"""Earlier fact-checks: import (TSV with '"' at field starts, ClaimReview JSON-LD), search over
precedents and reviewed claims, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from verifier.db import precedents as db_precedents
from verifier.db.models import AuditEvent, Claim, Document, Precedent, utcnow
from verifier.reference import precedents

DATA = Path(__file__).parent / "data" / "match"


@pytest.fixture(autouse=True)
def _private_vector_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the `semantic` extra installed, search embeds texts: keep them out of the user's
    vector cache."""
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))


def test_tsv_keeps_quotes_at_field_start() -> None:
    rows = precedents.parse_precedents((DATA / "checkthat-sample.tsv").read_bytes(),
                                       name="verified_claims.tsv")
    assert [r.external_id for r in rows] == ["0", "1", "2"]
    assert rows[0].claim.startswith('"Fake news" says')
    assert rows[1].title == '"Miracle" cure?'


def test_csv_and_headerless() -> None:
    rows = precedents.parse_precedents(
        b'id,claim,verdict,url,date\nA1,"Taxes rose, sharply",False,https://x.example/a,2024-03-02\n',
        name="list.csv")
    assert rows[0].claim == "Taxes rose, sharply" and rows[0].reviewed_on == date(2024, 3, 2)
    rows = precedents.parse_precedents(b"7\tThe sky is green\tSky?\n", name="x.tsv")
    assert rows[0].external_id == "7" and rows[0].title == "Sky?"


@pytest.mark.parametrize("data, name, message", [
    (b"", "x.tsv", "no rows"),
    (b"id\tclaim\n1\t\n", "x.tsv", "no claim text"),
    (b"id\tclaim\n1\ta\n1\tb\n", "x.tsv", "appears twice"),
    (b"{not json", "x.json", "not valid JSON"),
    (b'{"@type": "WebPage"}', "x.json", "no ClaimReview"),
    (b"\xff\xfe\x00", "x.tsv", "not UTF-8"),
])
def test_bad_files(data: bytes, name: str, message: str) -> None:
    with pytest.raises(precedents.PrecedentError, match=message):
        precedents.parse_precedents(data, name=name)


@pytest.mark.parametrize("tweet, cleaned", [
    ("No Collusion, No Obstruction! — Donald J. Trump (@realDonaldTrump) March 24, 2019",
     "No Collusion, No Obstruction! Donald J. Trump"),
    ("Look #DefundTheCBC https://t.co/abc pic.twitter.com/xyz", "Look Defund The CBC"),
    ("@JoeBiden lives in a mansion", "Joe Biden lives in a mansion"),
])
def test_clean_query(tweet: str, cleaned: str) -> None:
    assert precedents.clean_query(tweet) == cleaned


@given(st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_clean_query_idempotent(s: str) -> None:
    once = precedents.clean_query(s)
    assert precedents.clean_query(once) == once


def test_import_search_and_replace(store) -> None:
    with store.write() as s:
        n = db_precedents.import_precedents(session=s, path_or_bytes=DATA / "claimreview.jsonld",
                                         actor="tester")
        assert n == 2
        db_precedents.import_precedents(session=s, path_or_bytes=DATA / "checkthat-sample.tsv",
                                     collection="ct", actor="tester")
    with store.read() as s:
        hits = db_precedents.search(session=s, query="Est-ce que le vaccin de la grippe provoque "
                                                  "l'autisme des enfants ?", top=3)
        assert hits and hits[0].verdict == "False"
        assert hits[0].url == "https://factcheck.example/2024/03/02/vaccins"
        assert all(0 <= h.score <= 100 for h in hits)
        query = "Est-ce que le vaccin de la grippe provoque l'autisme des enfants ?"
        ev = precedents.precedent_evidence(hits[0], query=query)
        assert ev.kind == "precedent" and ev.similarity == "similar" and ev.changed_words()
        assert ev.detail.explanation.startswith("similar claim, not identical (words differ: ")
        assert ev.detail.explanation.endswith(", checked before: False, 2024-03-02, "
                                              "https://factcheck.example/2024/03/02/vaccins")
        same = precedents.precedent_evidence(hits[0], query=hits[0].text.upper() + " !")
        assert same.identical and same.diff == () and same.label == "same claim"
        assert same.detail.explanation == ("same claim, checked before: False, 2024-03-02, "
                                           "https://factcheck.example/2024/03/02/vaccins")
        hits = db_precedents.search(session=s, query="Huge ammonite fossil found in British "
                                                  "Columbia! #geology — SG (@sg) May 1, 2020")
        assert hits[0].external_id == "2" and hits[0].collection == "ct"
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "precedents.import")).all()
        assert len(events) == 2
    # Re-import replaces the collection; a bad file changes nothing.
    with store.write() as s:
        db_precedents.import_precedents(session=s, path_or_bytes=b"id\tclaim\n9\tOnly one now\n",
                                     name="x.tsv", collection="ct", actor="tester")
    with pytest.raises(precedents.PrecedentError):
        with store.write() as s:
            db_precedents.import_precedents(session=s, path_or_bytes=b"id\tclaim\n1\t\n",
                                         name="y.tsv", collection="ct", actor="tester")
    with store.read() as s:
        ct = s.exec(select(Precedent).where(Precedent.collection == "ct")).all()
        assert [p.external_id for p in ct] == ["9"]


def test_reviewed_claims_are_precedents(store) -> None:
    with store.write() as s:
        doc = Document(kind="article", sha256="b" * 64, language="fr", text="x")
        s.add(doc)
        s.flush()
        s.add(Claim(document_id=doc.id, kind="factual", start=0, end=1,
                    text="Le chômage a baissé de 2 % en 2024 selon le gouvernement",
                    status="reviewed", verdict="Mostly false", reviewed_by="ana",
                    reviewed_at=utcnow()))
        s.add(Claim(document_id=doc.id, kind="factual", start=0, end=1,
                    text="Le chômage a baissé de 2 % en 2024", status="unreviewed"))
    with store.read() as s:
        hits = db_precedents.search(session=s, query="le chômage aurait baissé de 2 % en 2024")
        assert len(hits) == 1
        assert hits[0].claim_id is not None and hits[0].verdict == "Mostly false"
        ev = precedents.precedent_evidence(hits[0], query="le chômage aurait baissé de 2 % en 2024")
        assert ev.precedent_claim_id == hits[0].claim_id
        assert ev.label == "similar claim, not identical"
        assert [d.to_json() for d in ev.diff] == [["=", "le chômage"], ["-", "a"], ["+", "aurait"],
                                                  ["=", "baissé de 2 en 2024"],
                                                  ["-", "selon le gouvernement"]]
