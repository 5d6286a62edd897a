"""Quote alignment: a transcript and an article quoting it in every way (pure), the seed
article as its own source, property tests, and the store-level part on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from verifier.check.align import (
    CLASSES,
    align_quote,
    check_speaker,
    names_match,
    normalise_quote,
    quote_finding,
)
from verifier.db import audit, fts
from verifier.db import passages as stored_passages
from verifier.db.models import Claim, Document, Evidence
from verifier.reference import index, passages

DATA = Path(__file__).parent / "data"
TRANSCRIPT = (DATA / "match" / "transcript-fr.txt").read_text(encoding="utf-8")
LAVROV = "Sergueï Lavrov"

# (quote as the article gives it, expected class, speaker reference, expected finding)
CASES = [
    ("Nous sommes prêts à coopérer avec le Maroc sur tous les dossiers régionaux, mais pas au "
     "détriment de nos partenaires historiques", "verbatim", LAVROV, "consistent"),
    ("« Nous sommes prêts à coopérer avec le Maroc sur tous les dossiers régionaux mais pas au "
     "détriment de nos partenaires historiques »", "minor", LAVROV, "consistent"),
    ("Nous sommes prêts à travailler avec le Maroc sur tous les dossiers régionaux",
     "altered", LAVROV, "contradicted"),
    ("Nous sommes prêts à coopérer avec le Maroc sur tous les dossiers régionaux",
     "truncated", LAVROV, "partial"),
    ("Les échanges ont doublé en cinq ans… nous ne signerons pas d'accord de libre-échange "
     "cette année", "spliced", LAVROV, "contradicted"),
    ("Nous sommes prêts à coopérer avec le Maroc et salue une relation ancienne et solide",
     "spliced", LAVROV, "contradicted"),
    ("Nous ne signerons", "truncated", LAVROV, "partial"),
    ("La Russie refuse toute solution imposée par les Occidentaux au Sahara", "not_found",
     LAVROV, "no_evidence"),
    ("Le Maroc remercie la Russie pour son soutien constant", "verbatim", "Nasser Bourita",
     "consistent"),
]


@pytest.mark.parametrize("quote, cls, reference, finding", CASES)
def test_transcript_quotes(quote: str, cls: str, reference: str, finding: str) -> None:
    al = align_quote(quote, TRANSCRIPT)
    assert al.cls == cls, al
    ok = check_speaker(al.speaker, reference)
    assert quote_finding(al, ok)[0] == finding
    if cls not in ("not_found", "translated"):
        assert al.source_start is not None and al.source_end is not None
        assert 0 <= al.source_start < al.source_end <= len(TRANSCRIPT)
        assert al.speaker and names_match(al.speaker, reference) == 100


def test_altered_diff_and_offsets() -> None:
    al = align_quote("Nous sommes prêts à travailler avec le Maroc", TRANSCRIPT)
    assert [d.to_json() for d in al.diff] == [["=", "Nous sommes prêts à"], ["-", "coopérer"],
                                              ["+", "travailler"], ["=", "avec le Maroc"]]
    assert TRANSCRIPT[al.source_start:al.source_end] == "Nous sommes prêts à coopérer avec le Maroc"


def test_spliced_parts() -> None:
    al = align_quote("Les échanges ont doublé en cinq ans… nous ne signerons pas d'accord de "
                     "libre-échange cette année", TRANSCRIPT)
    assert len(al.parts) == 2
    first = al.parts[0]
    assert TRANSCRIPT[first.source_start:first.source_end] == "Les échanges ont doublé en cinq ans"
    assert any(d.op == "-" and "doubler encore" in d.text for d in al.diff)


def test_misattributed() -> None:
    quote = "Le Maroc remercie la Russie pour son soutien constant"
    al = align_quote(quote, TRANSCRIPT)
    assert al.speaker == "M. BOURITA"
    assert not check_speaker(al.speaker, LAVROV)
    finding, why = quote_finding(al, check_speaker(al.speaker, LAVROV))
    assert finding == "contradicted" and "Misattributed" in why


def test_question_turn_is_not_the_minister() -> None:
    al = align_quote("comment voyez-vous l'avenir des échanges commerciaux entre vos deux pays",
                     TRANSCRIPT)
    assert al.cls == "verbatim" and al.speaker == "Question"
    assert not check_speaker(al.speaker, LAVROV)


def test_translated() -> None:
    al = align_quote("We are ready to cooperate with Morocco on all the regional issues",
                     TRANSCRIPT)
    assert al.cls == "translated" and al.score is None
    assert quote_finding(al)[0] == "partial"


@pytest.mark.parametrize("quote", ["Nous sommes", "la Russie soutient", "Maroc"])
def test_short_quotes_need_exact_words(quote: str) -> None:
    assert align_quote(quote, TRANSCRIPT).cls in ("verbatim", "minor", "truncated")
    assert align_quote(quote + " jamais", TRANSCRIPT).cls == "not_found"


def test_names_match() -> None:
    assert check_speaker("LAVROV", "Sergueï Lavrov")
    assert check_speaker("M. LAVROV", "Serguei Lavrov")
    assert check_speaker("MR. SMITH", "John Smith")
    assert not check_speaker("M. BOURITA", "Sergueï Lavrov")
    assert not check_speaker("Q", "Sergueï Lavrov")
    assert check_speaker(None, "Sergueï Lavrov") and check_speaker("LAVROV", None)


# --- the seed article as its own source ------------------------------------------------------

def _seed() -> tuple[str, list[dict]]:
    text = (DATA / "seed-maroc-russie-fr.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "seed-maroc-russie-fr.gold.json").read_text(encoding="utf-8"))
    return text, gold["quotes"]


def test_seed_quotes_verbatim() -> None:
    text, quotes = _seed()
    assert quotes
    for q in quotes:
        al = align_quote(q["quote"], text)
        assert al.cls == "verbatim", (q["quote"], al)
        assert (al.source_start, al.source_end) == (q["quote_start"], q["quote_end"])


def test_seed_quote_altered() -> None:
    text, quotes = _seed()
    q = next(q["quote"] for q in quotes if "honnête" in q["quote"])
    al = align_quote(q.replace("honnête", "sincère"), text)
    assert al.cls == "altered"
    assert [d.to_json() for d in al.diff if d.op != "="] == [["-", "honnête"], ["+", "sincère"]]
    assert quote_finding(al)[0] == "contradicted"


# --- property tests ---------------------------------------------------------------------------

_words = st.lists(st.sampled_from(
    "nous sommes prêts le Maroc la Russie coopérer dossiers the minister said will not sign "
    "accord commerce 2030 l'avenir d’élever « » , . ; : ! ? …".split()), min_size=1, max_size=30)


@given(_words)
@settings(max_examples=60, deadline=None)
def test_normalise_idempotent(ws: list[str]) -> None:
    s = " ".join(ws)
    assert normalise_quote(normalise_quote(s)) == normalise_quote(s)


@given(st.lists(st.sampled_from("nous sommes prêts à coopérer avec le Maroc sur tous les "
                                "dossiers régionaux la Russie soutient une solution".split()),
                min_size=1, max_size=25))
@settings(max_examples=60, deadline=None)
def test_self_alignment_is_verbatim(ws: list[str]) -> None:
    s = " ".join(ws) + "."
    al = align_quote(s, s)
    assert al.cls == "verbatim", al
    assert al.score == 100.0


@given(st.text(min_size=0, max_size=80), st.text(min_size=0, max_size=300))
@settings(max_examples=80, deadline=None)
def test_align_score_range(quote: str, source: str) -> None:
    al = align_quote(quote, source)
    assert al.cls in CLASSES
    assert al.score is None or 0.0 <= al.score <= 100.0


@given(st.text(max_size=40), st.text(max_size=40))
@settings(max_examples=80, deadline=None)
def test_names_match_range_and_symmetry(a: str, b: str) -> None:
    s = names_match(a, b)
    assert 0.0 <= s <= 100.0
    assert s == names_match(b, a)


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=20), st.text(max_size=40))
@settings(max_examples=50, deadline=None)
def test_passage_index_scores(texts: list[str], query: str) -> None:
    idx = index.PassageIndex.build(texts)
    for hit in idx.search(query, k=3):
        assert 0.0 <= hit.score <= 100.0 and 0 <= hit.index < len(texts)


def test_passage_index_agrees_with_brute_force() -> None:
    sents = [p.text for p in passages.split_passages(TRANSCRIPT)]
    idx = index.PassageIndex.build(sents)
    for s in sents:
        q = " ".join(s.split()[1:6])
        best = idx.search(q, k=1)[0]
        i, score = index.brute_force_best(q, sents)
        assert best.score == score


# --- the store: passages, full-text search, evidence --------------------------------------------

def _store_source(store, text: str, title: str = "Transcription") -> int:
    import hashlib

    with store.write() as s:
        doc = Document(kind="source", sha256=hashlib.sha256(text.encode()).hexdigest(),
                       title=title, url="https://example.org/transcript", language="fr", text=text)
        s.add(doc)
        s.flush()
        n = stored_passages.store_passages(session=s, document=doc)
        assert n >= 6
        return doc.id  # type: ignore[return-value]


def test_store_passages_and_search(store) -> None:
    doc_id = _store_source(store, TRANSCRIPT)
    with store.read() as s:
        spans = stored_passages.document_passages(session=s, document_id=doc_id)
        assert all(TRANSCRIPT[p.start:p.end] == p.text for p in spans)
        assert {p.speaker for p in spans} >= {"M. LAVROV", "M. BOURITA", "Question"}
        hits = fts.search_passages(session=s, query="Le Maroc remercie la Russie", limit=5)
        assert hits
        top = next(p for p in spans if "remercie" in p.text)
        from verifier.db.models import Passage
        first = s.get(Passage, hits[0][0])
        assert first is not None and first.seq == top.seq
        assert fts.search_passages(session=s, query="zzzz qqqq", limit=5) == []
        assert fts.search_passages(session=s, query='"OR" NEAR( -', limit=5) == []


def test_quote_evidence_rows(store) -> None:
    doc_id = _store_source(store, TRANSCRIPT)
    quote = "Nous sommes prêts à travailler avec le Maroc sur tous les dossiers régionaux"
    with store.write() as s:
        doc = s.get(Document, doc_id)
        art = Document(kind="article", sha256="a" * 64, language="fr", text=quote)
        s.add(art)
        s.flush()
        claim = Claim(document_id=art.id, kind="quote", start=0, end=len(quote), text=quote,
                      reference=LAVROV)
        s.add(claim)
        s.flush()
        m = stored_passages.match_quote(session=s, quote=quote)
        assert m is not None and m.document.id == doc_id
        ev = stored_passages.add_quote_evidence(session=s, claim_id=claim.id, match=m)
        audit.append(s, actor="test", action="match", claim_id=claim.id)
        assert doc is not None
    with store.read() as s:
        row = s.exec(select(Evidence).where(Evidence.id == ev.id)).one()
        assert row.kind == "passage" and row.source_sha256 == doc.sha256
        assert TRANSCRIPT[row.start:row.end].startswith("Nous sommes prêts à coopérer")
        assert row.method and row.score and 80 <= row.score < 100
        assert row.detail["class"] == "altered"
        assert ["-", "coopérer"] in row.detail["diff"] and ["+", "travailler"] in row.detail["diff"]
        assert row.passage_id is not None
