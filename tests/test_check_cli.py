"""`verifier check` on the seed with the bundled facts pack: the acceptance of the temporal and
facts issue, through the real command, in JSON and in the table."""
from __future__ import annotations

import json

import pytest
from sqlmodel import select

from verifier.db import audit
from verifier.db.models import Claim, Evidence
from verifier.db.store import open_store

from .conftest import SEED
from .test_cli import run, snapshot


def by_text(claims: list[dict], text: str) -> dict:
    found = [c for c in claims if c["text"] == text]
    assert len(found) == 1, (text, [c["text"] for c in claims])
    return found[0]


@pytest.fixture
def checked(db_url: str) -> tuple[str, dict, int]:
    assert run("demo", db=db_url).exit_code == 0
    result = run("check", str(SEED), "--format", "json", db=db_url)
    return db_url, json.loads(result.stdout), result.exit_code


def test_seed_findings_in_json(checked: tuple[str, dict, int]) -> None:
    _, out, code = checked
    assert code == 1  # because of the contradiction
    claims = out["claims"]
    dateline = by_text(claims, "jeudi, octobre 16, 2025")
    assert (dateline["value"], dateline["role"], dateline["finding"]) == ("2025-10-16", "dateline", "consistent")
    ce_jeudi = by_text(claims, "ce jeudi")
    # resolved from the publication date: nothing outside the text confirms it (decisions §18)
    assert (ce_jeudi["value"], ce_jeudi["finding"]) == ("2025-10-16", "no_evidence")
    assert ce_jeudi["explanation"].startswith("Resolved to Thursday 16 October 2025")
    assert ce_jeudi["evidence"] == []

    huit = by_text(claims, "huit ans")
    assert (huit["value"], huit["finding"]) == ("P8Y", "contradicted")
    assert huit["anchor"]["text"].startswith("la signature du Partenariat stratégique approfondi")
    assert "9 years, 7 months" in huit["explanation"]
    ev = [e for e in huit["evidence"] if e["kind"] == "fact"]
    assert ev and ev[0]["valid_from"] == "2016-03-15" and ev[0]["source_url"].startswith("http")

    presidency = [c for c in claims if c["kind"] == "factual" and c["predicate"] == "presides"]
    assert len(presidency) == 1 and "actuellement présidé par la Russie" in presidency[0]["text"]
    assert presidency[0]["finding"] == "consistent" and "October 2025" in presidency[0]["explanation"]

    fin = by_text(claims, "la fin du mois")
    assert (fin["value"], fin["mod"], fin["resolved_day"]) == ("2025-10", "END", "2025-10-31")
    assert fin["finding"] == "consistent" and fin.get("prediction") is True
    assert "2797" in fin["explanation"]

    assert not [c for c in claims if c["text"] == "2024"]  # inside "À lire aussi": boilerplate
    assert out["ready_to_publish"] is False and out["summary"]["contradicted"] == 1


def test_seed_findings_in_the_table(db_url: str) -> None:
    assert run("demo", db=db_url).exit_code == 0
    result = run("check", str(SEED), db=db_url)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if line.rstrip().endswith("huit ans"))
    assert "contradicted" in lines[row] and "9 years, 7 months" in lines[row + 1]
    assert any("présidé par la Russie" in line and "consistent" in line for line in lines)
    assert any("la fin du mois" in line and "consistent" in line for line in lines)
    assert "NOT READY TO PUBLISH" in result.stdout


def test_check_stores_findings_and_evidence_and_keeps_reviews(checked: tuple[str, dict, int]) -> None:
    db_url, out, _ = checked
    store = open_store(db_url)
    with store.read() as session:
        huit = session.exec(select(Claim).where(Claim.text == "huit ans")).one()
        assert huit.finding == "contradicted"
        evidence = session.exec(select(Evidence).where(Evidence.claim_id == huit.id)).all()
        assert any(e.kind == "fact" and e.source_url for e in evidence)
        ids_before = sorted((c.id, c.version) for c in session.exec(select(Claim)).all())
        total = len(ids_before)
    with store.write() as session:
        huit = session.get(Claim, huit.id)
        huit.status, huit.verdict = "reviewed", "False"
        audit.append(session, actor="test", action="verdict", claim_id=huit.id, new={"verdict": "False"})
    # Checking again keeps every claim (same ids; nothing changed, so the same versions) and
    # the reviewed one untouched.
    again = run("check", str(SEED), "--format", "json", db=db_url)
    assert again.exit_code == 1
    with store.read() as session:
        claims = session.exec(select(Claim)).all()
        assert len(claims) == total
        assert sorted((c.id, c.version) for c in claims if c.id != huit.id) == [
            (i, v) for i, v in ids_before if i != huit.id]
        kept = [c for c in claims if c.text == "huit ans"]
        assert len(kept) == 1 and kept[0].id == huit.id and kept[0].verdict == "False"
        assert audit.verify_chain(session).ok


def test_dry_run_stores_nothing(db_url: str) -> None:
    assert run("demo", db=db_url).exit_code == 0
    before = snapshot(db_url)
    result = run("check", str(SEED), "--dry-run", "--published", "2025-11-05", "--format", "json", db=db_url)
    assert result.exit_code == 1
    presidency = [c for c in json.loads(result.stdout)["claims"] if c.get("predicate") == "presides"]
    assert presidency[0]["finding"] == "contradicted" and "Sierra Leone" in presidency[0]["explanation"]
    assert snapshot(db_url) == before


def test_clean_text_exits_0(db_url: str, tmp_path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Le roi Mohammed VI a reçu le ministre jeudi 16 octobre 2025 à Rabat, "
                    "a indiqué le communiqué publié le même jour.", encoding="utf-8")
    result = run("check", str(path), "--published", "2025-10-16", db=db_url)
    assert result.exit_code == 0, result.stdout
    assert "No contradiction found." in result.stdout


def test_seed_quotes_verbatim_against_the_seed_itself(db_url: str) -> None:
    result = run("check", str(SEED), "--source", str(SEED), "--format", "json", db=db_url)
    quotes = [c for c in json.loads(result.stdout)["claims"] if c["kind"] == "quote"]
    assert len(quotes) >= 6
    assert {c["fidelity"] for c in quotes} == {"verbatim"}
    assert {c["finding"] for c in quotes} == {"consistent"}


def test_altered_quote_is_found_with_its_diff_and_stored(db_url: str, tmp_path) -> None:
    altered = tmp_path / "altered.txt"
    altered.write_text(SEED.read_text(encoding="utf-8").replace("honnête", "sincère"), encoding="utf-8")
    result = run("check", str(altered), "--source", str(SEED), "--format", "json", db=db_url)
    assert result.exit_code == 1
    claims = json.loads(result.stdout)["claims"]
    bad = [c for c in claims if c["kind"] == "quote" and c["finding"] == "contradicted"]
    assert len(bad) == 1 and "sincère" in bad[0]["text"] and bad[0]["fidelity"] == "altered"
    diff = bad[0]["evidence"][0]["diff"]
    assert ["-", "honnête"] in diff and ["+", "sincère"] in diff
    store = open_store(db_url)
    with store.read() as session:
        claim = session.exec(select(Claim).where(Claim.text == bad[0]["text"])).one()
        ev = session.exec(select(Evidence).where(Evidence.claim_id == claim.id,
                                                 Evidence.kind == "passage")).one()
        seed_sha = json.loads((SEED.parent / "seed-maroc-russie-fr.gold.json").read_text())["text_sha256"]
        assert ev.source_sha256 == seed_sha and ev.method.startswith("align")
        assert ev.detail["class"] == "altered" and ["-", "honnête"] in ev.detail["diff"]
        assert SEED.read_text(encoding="utf-8")[ev.start:ev.end].startswith("Nous considérons")


def test_earlier_fact_checks_become_evidence(db_url: str, tmp_path) -> None:
    tsv = tmp_path / "checked.tsv"
    tsv.write_text(
        "id\tclaim\ttitle\tverdict\turl\tdate\n"
        "fc-1\tLe Maroc et la Russie ont signé un partenariat stratégique approfondi en 2016, "
        "entre le roi Mohammed VI et Vladimir Poutine\tMaroc-Russie : le partenariat de 2016\t"
        "True\thttps://factcheck.example.org/fc-1\t2024-03-02\n"
        "fc-2\tLa Tour Eiffel mesure 500 mètres\tNon\tFalse\thttps://factcheck.example.org/fc-2\t2023-01-01\n",
        encoding="utf-8")
    assert run("precedents", "import", str(tsv), "--no-embed", db=db_url).exit_code == 0
    draft = tmp_path / "draft.txt"

    def precedents_of(text: str) -> list[dict]:
        draft.write_text(text, encoding="utf-8")
        out = json.loads(run("check", str(draft), "--published", "2025-10-16", "--format", "json",
                             "--dry-run", db=db_url).stdout)
        found = [e for c in out["claims"] for e in c["evidence"] if e["kind"] == "precedent"]
        assert found, out["claims"]
        return found

    precedents = precedents_of("Le Maroc et la Russie ont signé un partenariat stratégique "
                               "approfondi en 2016, entre le roi Mohammed VI et Vladimir "
                               "Poutine, a rappelé le ministre.")
    assert precedents[0]["detail"]["external_id"] == "fc-1"
    assert "checked before: True, 2024-03-02, https://factcheck.example.org/fc-1" in precedents[0]["detail"]["explanation"]
    assert not any(e["detail"]["external_id"] == "fc-2" for e in precedents)
    # The same words (case, punctuation aside): "same claim", no diff.
    assert (precedents[0]["similarity"], precedents[0]["diff"]) == ("identical", [])
    assert precedents[0]["detail"]["explanation"].startswith("same claim, checked before: True")
    # Other words: "similar claim, not identical", with the words that differ, in the table too.
    similar = precedents_of("Le Maroc et la Russie ont conclu un partenariat stratégique "
                            "approfondi en 2016, entre le roi Mohammed VI et Vladimir Poutine, "
                            "a rappelé le ministre.")
    assert similar[0]["similarity"] == "similar"
    assert [d for d in similar[0]["diff"] if d[0] != "="] == [["-", "signé"], ["+", "conclu"]]
    assert similar[0]["detail"]["explanation"].startswith(
        "similar claim, not identical (words differ: signé / conclu), checked before: True")
    table = run("check", str(draft), "--published", "2025-10-16", "--dry-run", db=db_url).stdout
    lines = table.splitlines()
    at = next(i for i, line in enumerate(lines) if "earlier verdict (" in line)
    assert lines[at].strip().startswith("earlier verdict (similar claim, not identical, score ")
    assert lines[at].rstrip().endswith("/100): True https://factcheck.example.org/fc-1")
    assert lines[at + 1].strip() == "words differ: signé / conclu"
