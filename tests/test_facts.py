"""The facts knowledge base (packs, storage, queries, alias matching), factual-claim extraction
and the `verifier facts` CLI."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import select
from typer.testing import CliRunner

from verifier.cli.facts import facts_app
from verifier.db.audit import verify_chain
from verifier.db.facts import import_pack, list_facts, load_knowledge_base
from verifier.db.models import AuditEvent, Fact
from verifier.db.store import Store
from verifier.extract.facts import FactClaim, extract_facts
from verifier.reference.facts import normalise_name
from verifier.reference.kb import KnowledgeBase
from verifier.reference.packs import PackError, parse_pack

FACTS = Path(__file__).parent / "data" / "facts"
SEED_PATH = Path(__file__).parent / "data" / "seed-maroc-russie-fr.txt"
DEMO = Path(__file__).parent.parent / "verifier" / "data" / "demo" / "facts.yaml"
SEED_DATE = date(2025, 10, 16)


DEMO_KB = KnowledgeBase.demo()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return DEMO_KB


# --- knowledge-base queries -------------------------------------------------------------------


@pytest.mark.parametrize("office, of, at, holder", [
    ("President", "Russia", date(2010, 1, 1), None),
    ("President", "Russia", date(2025, 10, 16), "Vladimir Putin"),
    ("président", "Russie", date(2005, 6, 1), "Vladimir Putin"),
    ("President", "Russian Federation", date(2012, 5, 7), "Vladimir Putin"),
    ("Foreign Minister", "Russia", date(2025, 10, 16), "Sergey Lavrov"),
    ("ministre des Affaires étrangères", "Maroc", date(2025, 10, 16), "Nasser Bourita"),
    ("Minister of Foreign Affairs", "Morocco", date(2016, 1, 1), None),
    ("Minister of Foreign Affairs", "Morocco", date(2017, 4, 5), "Nasser Bourita"),
    ("roi", "Maroc", date(2025, 10, 16), "Mohammed VI"),
    ("King", None, date(1999, 7, 22), None),
    ("chef de la diplomatie", "russe", date(2004, 3, 9), "Sergey Lavrov"),
])
def test_office_holder_at(kb: KnowledgeBase, office: str, of: str | None, at: date, holder: str | None) -> None:
    fact = kb.office_holder_at(office, at, of=of)
    assert (fact.subject if fact else None) == holder


@pytest.mark.parametrize("person, at, offices", [
    ("Poutine", date(2010, 1, 1), []),
    ("Vladimir Putin", date(2025, 10, 16), ["President"]),
    ("Sergueï Lavrov", date(2025, 10, 16), ["Minister of Foreign Affairs"]),
    ("Bourita", date(2016, 1, 1), []),
    ("Mohammed VI", date(2000, 1, 1), ["King"]),
    ("Nobody Known", date(2025, 1, 1), []),
])
def test_offices_of(kb: KnowledgeBase, person: str, at: date, offices: list[str]) -> None:
    assert [f.object for f in kb.offices_of(person, at)] == offices


PRESIDENCIES_2025 = ["Algeria", "China", "Denmark", "France", "Greece", "Guyana", "Pakistan",
                     "Panama", "Republic of Korea", "Russia", "Sierra Leone", "Slovenia"]


@pytest.mark.parametrize("month, country", list(enumerate(PRESIDENCIES_2025, 1)))
def test_presidency_per_month_2025(kb: KnowledgeBase, month: int, country: str) -> None:
    for day in (1, 15, 28):
        fact = kb.presiding_at("UN Security Council", date(2025, month, day))
        assert fact is not None and fact.object == country
        assert fact.source_url == "https://www.un.org/securitycouncil/content/presidency"


@pytest.mark.parametrize("name", ["CSNU", "Conseil de sécurité de l’ONU", "UNSC",
                                  "Conseil de sécurité des Nations unies", "the Security Council"])
def test_presiding_at_by_alias(kb: KnowledgeBase, name: str) -> None:
    assert kb.presiding_at(name, date(2025, 10, 31)).object == "Russia"  # type: ignore[union-attr]
    assert kb.presiding_at(name, date(2026, 1, 15)) is None


@pytest.mark.parametrize("event, day", [
    ("Partenariat stratégique approfondi", date(2016, 3, 15)),
    ("la signature du Partenariat stratégique approfondi entre le roi Mohammed VI et Vladimir Poutine", date(2016, 3, 15)),
    ("Deepened Strategic Partnership", date(2016, 3, 15)),
    ("résolution 2797", date(2025, 10, 31)),
    ("S/RES/2756 (2024)", date(2024, 10, 31)),
])
def test_when(kb: KnowledgeBase, event: str, day: date) -> None:
    fact = kb.when(event)
    assert fact is not None and fact.valid_from == day and fact.source_url


def test_when_unknown(kb: KnowledgeBase) -> None:
    assert kb.when("la chute du mur de Berlin") is None


@pytest.mark.parametrize("name, canonical", [
    ("Poutine", "Vladimir Putin"),
    ("Vladimir Poutine", "Vladimir Putin"),
    ("Путин", "Vladimir Putin"),
    ("PUTIN", "Vladimir Putin"),
    ("Vladimir Poutin", "Vladimir Putin"),      # typo: fuzzy
    ("Sergueï Lavrov", "Sergey Lavrov"),
    ("Serguei Lavrov", "Sergey Lavrov"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("CSNU", "UN Security Council"),
    ("UNSC", "UN Security Council"),
    ("le Conseil de sécurité de l'ONU", "UN Security Council"),
    ("United Nations Security Council", "UN Security Council"),
    ("Fédération de Russie", "Russia"),
    ("la Russie", "Russia"),
    ("Russian Federation", "Russia"),
    ("Maroc", "Morocco"),
    ("le Maroc", "Morocco"),
    ("Partenariat stratégique approfondi", "Morocco–Russia Deepened Strategic Partnership"),
    ("Deepened Strategic Partnership", "Morocco–Russia Deepened Strategic Partnership"),
    ("ministre des Affaires étrangères", "Minister of Foreign Affairs"),
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("roi Mohammed VI", "Mohammed VI"),
])
def test_match_entity(kb: KnowledgeBase, name: str, canonical: str) -> None:
    m = kb.match_entity(name)
    assert m is not None and m.name == canonical and 0 < m.score <= 100


@pytest.mark.parametrize("name", [
    "table", "Moscou", "russe", "Russe", "ONU", "UN", "roi des belges", "Lavrof", "Poutina Nova",
    "Mo", "VI", "Conseil", "le", "", "   ", "Sahara", "Vladimir", "Nasser", "Sécurité",
    "Sierra", "Partenariat", "Rus",
])
def test_match_entity_rejects(kb: KnowledgeBase, name: str) -> None:
    assert kb.match_entity(name) is None


def test_match_entity_by_type(kb: KnowledgeBase) -> None:
    assert kb.match_entity("Russie", types=("person",)) is None
    assert kb.match_entity("Russie", types=("country",)).name == "Russia"  # type: ignore[union-attr]


@pytest.mark.parametrize("word, country", [("russe", "Russia"), ("Russian", "Russia"),
                                           ("marocain", "Morocco"), ("Moroccan", "Morocco"),
                                           ("table", None)])
def test_match_adjective(kb: KnowledgeBase, word: str, country: str | None) -> None:
    assert kb.match_adjective(word) == country


def test_find_mentions_keeps_offsets(kb: KnowledgeBase) -> None:
    text = "Le Conseil de sécurité de l’ONU, présidé par la Russie, et le CSNU ; onu"
    found = kb.find_mentions(text)
    assert [(text[m.start:m.end], m.name) for m in found] == [
        ("Conseil de sécurité de l’ONU", "UN Security Council"), ("Russie", "Russia"),
        ("CSNU", "UN Security Council")]


@given(st.text(max_size=40))
def test_normalise_name_idempotent(s: str) -> None:
    once = normalise_name(s)
    assert normalise_name(once) == once


@given(st.text(max_size=30))
def test_match_entity_scores_in_range(s: str) -> None:
    m = DEMO_KB.match_entity(s)
    assert m is None or 0 <= m.score <= 100


# --- packs: parsing and validation -------------------------------------------------------------


def test_demo_pack_is_valid_and_sourced() -> None:
    pack = parse_pack(DEMO)
    assert pack.name == "demo"
    assert len(pack.facts) >= 22
    for f in pack.facts:
        assert f.source_title and f.source_url and f.source_url.startswith("http")


def test_csv_pack(tmp_path: Path) -> None:
    pack = parse_pack(FACTS / "offices.csv")
    assert pack.name == "offices" and len(pack.facts) == 2
    kb = KnowledgeBase(pack.facts)
    assert kb.office_holder_at("Chancellor", date(2024, 1, 1), of="Germany").subject == "Olaf Scholz"  # type: ignore[union-attr]
    assert kb.office_holder_at("Chancellor", date(2025, 10, 1)).subject == "Friedrich Merz"  # type: ignore[union-attr]
    assert kb.match_entity("Scholz").name == "Olaf Scholz"  # type: ignore[union-attr]


@pytest.mark.parametrize("name, message", [
    ("bad-missing-subject.yaml", "fact 2 (line 6): missing subject"),
    ("bad-date.yaml", "fact 1 (line 3): valid_from '2015-13-45' is not a date"),
    ("bad-yaml.yaml", "invalid YAML at line"),
    ("bad-order.yaml", "valid_to 2019-01-01 is before valid_from 2020-01-01"),
    ("bad-predicate.yaml", "unknown predicate 'likes'"),
    ("bad-date.csv", "fact 2 (line 3): valid_from 'May 2025' is not a date"),
])
def test_bad_pack_one_line_error(name: str, message: str) -> None:
    with pytest.raises(PackError) as info:
        parse_pack(FACTS / name)
    text = str(info.value)
    assert "\n" not in text
    assert name in text and message in text


@pytest.mark.parametrize("body, message", [
    (b"- just\n- a list\n", "a pack must be a mapping"),
    (b"pack: x\nfacts: []\n", "no facts"),
    (b"pack: x\nfacts:\n  - {subject: A, predicate: presides, object: B, valid_from: 2020-01-01}\n",
     "missing valid_to"),
    (b"pack: x\nfacts:\n  - {subject: A, predicate: holds_office, valid_from: 2020-01-01}\n",
     "missing object"),
    (b"pack: x\nfacts:\n  - {subject: A, predicate: event, valid_from: 2020-01-01, source_url: ftp://x}\n",
     "is not an http"),
    (b"pack: x\nfacts:\n  - {subject: A, predicate: event, valid_from: 2020-01-01, colour: red}\n",
     "unknown key 'colour'"),
    (b"\xff\xfe\x00", "not UTF-8"),
])
def test_bad_pack_bytes(body: bytes, message: str) -> None:
    with pytest.raises(PackError, match=message):
        parse_pack(body, name="upload.yaml")


# --- packs: storage (SQLite and PostgreSQL) -------------------------------------------------------


def _snapshot(store: Store) -> list[tuple]:
    with store.read() as session:
        return [(f.id, f.pack, f.subject, f.predicate, f.object, f.valid_from, f.valid_to)
                for f in list_facts(session=session)]


def test_import_and_reimport(store: Store) -> None:
    with store.write() as session:
        r1 = import_pack(session=session, path_or_bytes=FACTS / "small.yaml", actor="tester")
        import_pack(session=session, path_or_bytes=DEMO, actor="tester")
    assert (r1.pack, r1.facts, r1.replaced) == ("small", 2, 0)
    with store.read() as session:
        assert len(list_facts(session=session, pack="small")) == 2
        demo_rows = list_facts(session=session, pack="demo")
        kb = load_knowledge_base(session)
    assert kb.office_holder_at("président", date(2025, 10, 16), of="française").subject == "Emmanuel Macron"  # type: ignore[union-attr]
    assert kb.match_entity("Accord de Paris").name == "Paris Agreement"  # type: ignore[union-attr]
    assert kb.office_holder_at("President", SEED_DATE, of="Russia").id is not None  # type: ignore[union-attr]
    # re-import replaces the pack's facts, and only that pack's
    with store.write() as session:
        r2 = import_pack(session=session, path_or_bytes=FACTS / "small-v2.yaml", actor="tester")
    assert (r2.facts, r2.replaced) == (1, 2)
    with store.read() as session:
        assert [f.subject for f in list_facts(session=session, pack="small")] == ["Paris Agreement"]
        assert len(list_facts(session=session, pack="demo")) == len(demo_rows)
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "facts.import")
                              .order_by(AuditEvent.seq)).all()
        assert [e.new["facts"] for e in events] == [2, len(demo_rows), 1]
        assert events[-1].old == {"pack": "small", "facts": 2} and events[-1].actor == "tester"
        assert verify_chain(session).ok


@pytest.mark.parametrize("bad", ["bad-missing-subject.yaml", "bad-date.yaml", "bad-yaml.yaml",
                                 "bad-order.yaml", "bad-predicate.yaml"])
def test_bad_pack_changes_nothing(store: Store, bad: str) -> None:
    with store.write() as session:
        import_pack(session=session, path_or_bytes=FACTS / "small.yaml", actor="tester")
    before = _snapshot(store)
    with store.read() as session:
        audit_before = len(session.exec(select(AuditEvent)).all())
    with pytest.raises(PackError), store.write() as session:
        import_pack(session=session, path_or_bytes=FACTS / bad, actor="tester")
    assert _snapshot(store) == before
    with store.read() as session:
        assert len(session.exec(select(AuditEvent)).all()) == audit_before


def test_failure_after_delete_rolls_back(store: Store) -> None:
    """A crash mid-import (after the old rows are deleted) leaves the old pack in place."""
    with store.write() as session:
        import_pack(session=session, path_or_bytes=FACTS / "small.yaml", actor="tester")
    before = _snapshot(store)
    with pytest.raises(RuntimeError), store.write() as session:
        import_pack(session=session, path_or_bytes=FACTS / "small-v2.yaml", actor="tester")
        raise RuntimeError("disk full")
    assert _snapshot(store) == before


# --- CLI ------------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_import_and_list(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    res = runner.invoke(facts_app, ["import", str(DEMO), str(FACTS / "offices.csv"), "--db", db])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("demo\t") and "facts stored" in lines[0]
    assert lines[1].startswith("offices\t2 facts stored")
    res = runner.invoke(facts_app, ["list", "--pack", "offices", "--format", "json", "--db", db])
    assert res.exit_code == 0
    rows = json.loads(res.output)
    assert {r["subject"] for r in rows} == {"Olaf Scholz", "Friedrich Merz"}
    res = runner.invoke(facts_app, ["list", "--db", db])
    assert "Sierra Leone" in res.output


def test_cli_bad_pack_exits_2_and_stores_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    res = runner.invoke(facts_app, ["import", str(FACTS / "small.yaml"), str(FACTS / "bad-date.yaml"), "--db", db])
    assert res.exit_code == 2
    assert "bad-date.yaml" in res.output and len(res.output.strip().splitlines()) == 1
    res = runner.invoke(facts_app, ["list", "--db", db])
    assert "no facts stored" in res.output


def test_cli_help_everywhere() -> None:
    assert facts_app.info.help
    for cmd in facts_app.registered_commands:
        assert (cmd.help or (cmd.callback.__doc__ or "")).strip(), cmd.name
    res = runner.invoke(facts_app, ["import", "--help"])
    assert res.exit_code == 0 and "Pack files" in res.output


# --- factual-claim extraction ---------------------------------------------------------------------


EXTRACTION_CASES = [
    # (text, predicate, claim text, subject, object, of) with the demo KB
    ("Une rencontre entre le roi Mohammed VI et Vladimir Poutine.", "holds_office",
     "roi Mohammed VI", "Mohammed VI", "King", None),
    ("Le ministre des Affaires étrangères Nasser Bourita est arrivé.", "holds_office",
     "ministre des Affaires étrangères Nasser Bourita", "Nasser Bourita", "Minister of Foreign Affairs", None),
    ("Le ministre russe des Affaires étrangères Sergueï Lavrov a parlé.", "holds_office",
     "ministre russe des Affaires étrangères Sergueï Lavrov", "Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
    ("Sergueï Lavrov, chef de la diplomatie russe, a souligné l'enjeu.", "holds_office",
     "Sergueï Lavrov, chef de la diplomatie russe", "Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
    ("Nasser Bourita, ministre marocain des Affaires étrangères, a déclaré.", "holds_office",
     "Nasser Bourita, ministre marocain des Affaires étrangères", "Nasser Bourita", "Minister of Foreign Affairs", "Morocco"),
    ("Le président russe Vladimir Poutine a reçu le roi.", "holds_office",
     "président russe Vladimir Poutine", "Vladimir Putin", "President", "Russia"),
    ("President Putin met the king on Tuesday.", "holds_office",
     "President Putin", "Vladimir Putin", "President", None),
    ("Russian Foreign Minister Sergey Lavrov said talks went well.", "holds_office",
     "Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
    ("Russia's Foreign Minister Sergei Lavrov arrived.", "holds_office",
     "Russia's Foreign Minister Sergei Lavrov", "Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
    ("Vladimir Putin, the Russian president, said so.", "holds_office",
     "Vladimir Putin, the Russian president", "Vladimir Putin", "President", "Russia"),
    ("King Mohammed VI of Morocco received the delegation.", "holds_office",
     "King Mohammed VI of Morocco", "Mohammed VI", "King", "Morocco"),
    ("Moroccan Foreign Minister Nasser Bourita flew to Moscow.", "holds_office",
     "Moroccan Foreign Minister Nasser Bourita", "Nasser Bourita", "Minister of Foreign Affairs", "Morocco"),
    ("Le Conseil de sécurité de l’ONU, actuellement présidé par la Russie, doit voter.", "presides",
     "Conseil de sécurité de l’ONU, actuellement présidé par la Russie", "UN Security Council", "Russia", None),
    ("The UN Security Council, currently presided over by Russia, will vote.", "presides",
     "UN Security Council, currently presided over by Russia", "UN Security Council", "Russia", None),
    ("Russia holds the rotating presidency of the Security Council this month.", "presides",
     "Russia holds the rotating presidency of the Security Council", "UN Security Council", "Russia", None),
    ("Sous la présidence de la Russie, le Conseil de sécurité a adopté un texte.", "presides",
     "Sous la présidence de la Russie, le Conseil de sécurité", "UN Security Council", "Russia", None),
    ("La Russie, présidente en exercice du Conseil de sécurité, a convoqué une réunion.", "presides",
     "Russie, présidente en exercice du Conseil de sécurité", "UN Security Council", "Russia", None),
    ("Sous la présidence russe du Conseil de sécurité, le débat a eu lieu.", "presides",
     "présidence russe du Conseil de sécurité", "UN Security Council", "Russia", None),
    ("The Deepened Strategic Partnership was signed in Moscow on 15 March 2016.", "event",
     "Deepened Strategic Partnership was signed in Moscow on 15 March 2016",
     "Morocco–Russia Deepened Strategic Partnership", None, None),
    ("Le Partenariat stratégique approfondi, signé à Moscou le 15 mars 2016, reste la référence.", "event",
     "Partenariat stratégique approfondi, signé à Moscou le 15 mars 2016",
     "Morocco–Russia Deepened Strategic Partnership", None, None),
    ("La résolution 2797, adoptée le 31 octobre 2025, prolonge le mandat.", "event",
     "résolution 2797, adoptée le 31 octobre 2025", "Resolution 2797 (2025)", None, None),
    ("Resolution 2797 was adopted on October 31, 2025.", "event",
     "Resolution 2797 was adopted on October 31, 2025", "Resolution 2797 (2025)", None, None),
]


@pytest.mark.parametrize("text, predicate, span, subject, obj, of", EXTRACTION_CASES)
def test_extract_facts_with_kb(kb: KnowledgeBase, text: str, predicate: str, span: str,
                               subject: str, obj: str | None, of: str | None) -> None:
    claims = [c.to_claim().to_json() for c in extract_facts(text, lang="fr", published=SEED_DATE, kb=kb)]
    match = [c for c in claims if c["predicate"] == predicate]
    assert len(match) == 1, claims
    c = match[0]
    assert c["kind"] == "factual" and c["text"] == span == text[c["start"]:c["end"]]
    assert (c["subject"], c["object"], c.get("of")) == (subject, obj, of)
    assert c["resolved"] is True
    s, e = c["subject_span"]
    assert text[s:e] == c["subject_text"]
    if predicate == "event":
        assert c["at"] in ("2016-03-15", "2025-10-31")
    else:
        assert c["at"] == "2025-10-16"


@pytest.mark.parametrize("text, subject, obj", [
    ("Le président français Emmanuel Macron a reçu la délégation.", "Emmanuel Macron", "President"),
    ("la chancelière Angela Merkel a répondu.", "Angela Merkel", "Chancellor"),
    ("Le Premier ministre Aziz Akhannouch a présidé la séance.", "Aziz Akhannouch", "Prime Minister"),
    ("Le secrétaire général de l'ONU António Guterres a salué l'accord.", "António Guterres", "Secretary-General"),
    ("Secretary-General António Guterres welcomed the vote.", "António Guterres", "Secretary-General"),
    ("La porte-parole Maria Zakharova a réagi.", "Maria Zakharova", "Spokesperson"),
    ("German Chancellor Friedrich Merz arrived.", "Friedrich Merz", "Chancellor"),
    ("Le ministre de l'Intérieur Abdelouafi Laftit a annoncé.", "Abdelouafi Laftit", "Minister of the Interior"),
    ("Sergueï Lavrov, chef de la diplomatie russe, a souligné.", "Sergueï Lavrov", "Minister of Foreign Affairs"),
])
def test_extract_offices_without_kb(text: str, subject: str, obj: str) -> None:
    claims = [c.to_claim().to_json() for c in extract_facts(text, lang="fr", published=SEED_DATE, kb=None)]
    offices = [c for c in claims if c["predicate"] == "holds_office"]
    assert [(c["subject"], c["object"]) for c in offices] == [(subject, obj)]
    assert offices[0]["resolved"] is False


@pytest.mark.parametrize("text", [
    "Les deux ministres se sont félicités de la qualité des échanges.",
    "Selon le communiqué du ministère marocain des Affaires étrangères, tout va bien.",
    "Le roi a reçu les ministres.",
    "The president said nothing.",
    "Le gouvernement, présidé par le roi, a tenu un conseil.",
    "Une réunion présidée par le roi Mohammed VI.",
    "The agreement was signed yesterday.",
    "Nasser Bourita et Sergueï Lavrov ont signé un mémorandum d’entente.",
    "Le ministre a tenu le 5 mars 2024 une réunion.",
    "Ils ont signé le 3 mai 2020 un accord.",
    "Selon le président, Vladimir Poutine a tort.",
    "The Kremlin said on 15 March 2016 that talks went well.",
])
def test_extract_facts_negatives(kb: KnowledgeBase, text: str) -> None:
    claims = [c.to_claim().to_json() for c in extract_facts(text, lang="fr", published=SEED_DATE, kb=kb)]
    assert [c for c in claims if c["predicate"] in ("presides", "event")] == []
    if "Mohammed VI" not in text:
        assert claims == []


def test_extract_facts_without_kb_keeps_names_as_written() -> None:
    text = "Le Conseil de sécurité de l’ONU, actuellement présidé par la Russie, doit voter."
    (c,) = [x.to_claim().to_json() for x in extract_facts(text, lang="fr", published=SEED_DATE, kb=None)]
    assert (c["subject"], c["object"], c["resolved"]) == ("Conseil de sécurité de l’ONU", "Russie", False)


def test_seed_factual_claims(kb: KnowledgeBase, seed_text: str) -> None:
    claims = [c.to_claim().to_json() for c in extract_facts(seed_text, lang="fr", published=SEED_DATE, kb=kb,
                                                  skip=[(24, 45), (2851, 2930)])]
    got = {(c["predicate"], c["subject"], c["object"]) for c in claims}
    assert got == {("holds_office", "Mohammed VI", "King"),
                   ("presides", "UN Security Council", "Russia")}
    for c in claims:
        assert seed_text[c["start"]:c["end"]] == c["text"]


def test_skip_spans_are_respected(kb: KnowledgeBase) -> None:
    text = "À lire aussi : le roi Mohammed VI reçoit.\nLe roi Mohammed VI parle."
    claims = extract_facts(text, lang="fr", published=SEED_DATE, kb=kb, skip=[(0, 41)])
    assert [c.start for c in claims] == [text.rindex("roi")]


def test_fact_claim_is_frozen() -> None:
    c = FactClaim(text="x", start=0, end=1, predicate="event", subject="x", object=None,
                  subject_span=(0, 1), object_span=None, at=None)
    with pytest.raises(AttributeError):
        c.start = 3  # type: ignore[misc]


def test_fact_rows_round_trip_aliases(store: Store) -> None:
    with store.write() as session:
        import_pack(session=session, path_or_bytes=DEMO, actor="tester")
    with store.read() as session:
        rows = session.exec(select(Fact).where(Fact.subject == "Vladimir Putin")).all()
        kb = load_knowledge_base(session)
    assert rows and all("Vladimir Putin" in (r.aliases or {})["entities"] for r in rows)
    assert kb.match_entity("Poutine").name == "Vladimir Putin"  # type: ignore[union-attr]
    assert kb.match_adjective("russe") == "Russia"


def test_reimporting_a_pack_whose_facts_are_cited(db_url: str, tmp_path: Path) -> None:
    """The seed's "huit ans" cites the demo pack's 2016 partnership fact; re-importing the pack
    (same facts) keeps the row and the link; a pack without that fact removes the row, and the
    evidence keeps its copy of the fact. Through the CLI, on SQLite and PostgreSQL."""
    from sqlmodel import select as sel

    from verifier.db.models import Claim, Evidence, Fact
    from verifier.db.store import open_store

    from .test_cli import run

    assert run("facts", "import", str(DEMO), db=db_url).exit_code == 0
    assert run("check", str(SEED_PATH), db=db_url).exit_code == 1
    store = open_store(db_url)

    def cited() -> tuple[int | None, dict]:
        with store.read() as s:
            huit = s.exec(sel(Claim).where(Claim.text == "huit ans")).one()
            ev = [e for e in s.exec(sel(Evidence).where(Evidence.claim_id == huit.id)).all()
                  if e.kind == "fact"][0]
            return ev.fact_id, {"title": ev.source_title, "detail": ev.detail}

    fact_id, copy = cited()
    assert fact_id is not None
    assert run("facts", "import", str(DEMO), db=db_url).exit_code == 0
    assert cited() == (fact_id, copy)  # same fact, same row
    text = DEMO.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("  - subject: Morocco–Russia Deepened"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- ")),
               len(lines))
    smaller = tmp_path / "demo.yaml"
    smaller.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    res = run("facts", "import", str(smaller), db=db_url)
    assert res.exit_code == 0, res.output
    after_id, after_copy = cited()
    assert after_id is None and after_copy == copy  # the evidence keeps what it cited
    with store.read() as s:
        assert s.get(Fact, fact_id) is None
    shown = run("check", str(SEED_PATH), "--dry-run", "--format", "json", db=db_url)
    assert shown.exit_code in (0, 1)


# --- issue 16: titles, honorifics, copulas, coordination, counterparts, dates -----------------


@pytest.mark.parametrize("text, published, span, subject, obj, of, at, dated_by, former", [
    ("Le Chef de l’Etat, Son Excellence Monsieur Mohammed VI a présidé la séance.", SEED_DATE,
     "Chef de l’Etat, Son Excellence Monsieur Mohammed VI", "Mohammed VI", "President", None, "2025-10-16", "publication", False),
    ("En 2016, le président russe était Vladimir Poutine.", SEED_DATE,
     "président russe était Vladimir Poutine", "Vladimir Putin", "President", "Russia", "2016", "statement", False),
    ("In 2016 Russia's president was Vladimir Putin.", SEED_DATE,
     "Russia's president was Vladimir Putin", "Vladimir Putin", "President", "Russia", "2016", "statement", False),
    ("L'ex-président Vladimir Poutine a parlé.", SEED_DATE,
     "président Vladimir Poutine", "Vladimir Putin", "President", None, "2025-10-16", "publication", True),
    ("Lors de sa visite en mars 2016, le roi Mohammed VI a signé.", SEED_DATE,
     "roi Mohammed VI", "Mohammed VI", "King", None, "2016-03", "sentence", False),
    ("Nasser Bourita, ministre marocain des Affaires étrangères, a reçu son homologue russe, Sergueï Lavrov.", SEED_DATE,
     "homologue russe, Sergueï Lavrov", "Sergey Lavrov", "Minister of Foreign Affairs", "Russia", "2025-10-16", "publication", False),
])
def test_office_forms_of_issue_16(kb: KnowledgeBase, text: str, published: date, span: str, subject: str,
                                  obj: str, of: str | None, at: str, dated_by: str, former: bool) -> None:
    claims = [c for c in extract_facts(text, lang="fr", published=published, kb=kb) if c.text == span]
    assert len(claims) == 1, [c.text for c in extract_facts(text, lang="fr", published=published, kb=kb)]
    c = claims[0]
    assert (c.subject, c.object, c.of, c.at, c.dated_by, c.former) == (subject, obj, of, at, dated_by, former)


@pytest.mark.parametrize("text, expected", [
    ("King Mohammed VI of Morocco received the delegation.", [("Mohammed VI", "King", "Morocco")]),
    ("Lat Diop est l'ex Directeur Général de la LONASE et Ministre des Sports.",
     [("Lat Diop", "Director General", "LONASE"), ("Lat Diop", "Minister of Sports", None)]),
    ("Monsieur Mamadou Ba, ancien Ministre de l’Economie, des Finances et du Plan, est mort.",
     [("Mamadou Ba", "Minister of Finance", None)]),
    ("In Moscow, the ambassador of Yugoslavia Borislav Milosevic said so.",
     [("Borislav Milosevic", "Ambassador", "Yugoslavia")]),
    ("Mais à Moscou, l'ambassadeur a affirmé.", []),
])
def test_office_forms_without_kb(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = [(c.subject, c.object, c.of) for c in extract_facts(text, lang="fr", published=SEED_DATE, kb=None)
           if c.predicate == "holds_office"]
    assert got == expected


def test_the_pipeline_dates_facts_with_the_temporal_claims_it_made(kb: KnowledgeBase) -> None:
    from verifier.extract.pipeline import extract_claims
    text = "En 2016, le président russe était Vladimir Poutine."
    claims = extract_claims(text, lang="fr", published=SEED_DATE, kb=kb)
    (timex,) = [c for c in claims if c.kind == "temporal"]
    (fact,) = [c for c in claims if c.kind == "factual"]
    assert (timex.value, fact.at) == ("2016", "2016")


def test_a_counterpart_mirrors_an_office_of_its_own_sentence_without_a_date() -> None:
    text = "Nasser Bourita, ministre marocain des Affaires étrangères, a reçu son homologue russe, Sergueï Lavrov."
    got = [(c.subject, c.object, c.of) for c in extract_facts(text, lang="fr", published=None, kb=None)]
    assert got[-1] == ("Sergueï Lavrov", "Minister of Foreign Affairs", "Russia")


@pytest.mark.parametrize("text", [
    "Il a félicité le Gouvernement, le Ministre de la Justice notamment.",
    "Il a demandé au Garde des Sceaux, Ministre de la Justice de prendre des mesures.",
    "Au chapitre des Communes du Sénégal, le Chef de l’Etat a parlé.",
    "Mais à Moscou, l'ambassadeur a affirmé.",
    "Pour le Luxembourg, la députée a voté.",
])
def test_a_noun_with_its_article_is_no_holder(kb: KnowledgeBase, text: str) -> None:
    assert extract_facts(text, lang="fr", published=SEED_DATE, kb=kb) == []


def _keys_by_definition(text: str, max_words: int = 6) -> set[str]:
    """candidate_keys as its docstring defines it: normalise_name of every word n-gram."""
    import re

    from verifier.reference.facts import fold

    words = re.findall(r"[\w'’]+", fold(text))
    return {k for i in range(len(words)) for n in range(1, max_words + 1) if i + n <= len(words)
            for k in [normalise_name(" ".join(words[i:i + n]))] if k}


@given(st.lists(st.sampled_from(["le", "La", "les", "the", "A", "an", "l'", "d'", "L’ONU", "'x",
                                 "aujourd'hui", "Côte", "d'Ivoire", "_", "Smith-Jones", "'",
                                 "président", "Lavrov", "''le", "d'abord", "l'a", "É.", "x_y"]),
                max_size=12))
def test_candidate_keys_are_the_normalised_ngrams(words: list[str]) -> None:
    """The fast path (each word normalised once) gives exactly the keys of the definition,
    articles, elisions and punctuation-only words included."""
    from verifier.db.facts import candidate_keys

    text = " ".join(words)
    assert candidate_keys(text) == _keys_by_definition(text)


def test_candidate_keys_of_the_seed_are_the_normalised_ngrams() -> None:
    from verifier.db.facts import candidate_keys

    from .conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    assert candidate_keys(text) == _keys_by_definition(text)
