"""Wikidata importers (SPARQL JSON results, JSON dump lines) on small files written from the
published formats (tests/data/wikidata/README.md), their provenance in the store on SQLite
and PostgreSQL, and bad input refused in one line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from verifier import services
from verifier.db.models import Fact
from verifier.db.store import Store
from verifier.reference.kb import KnowledgeBase
from verifier.reference.packs import PackError, parse_pack
from verifier.reference.wikidata import (
    WikidataError,
    _day,
    read_dump_lines,
    read_sparql_json,
)

from .conftest import DATA

SPARQL = DATA / "wikidata" / "sparql-officeholders.json"
DUMP = DATA / "wikidata" / "dump-lines.json"
OWNER = services.store_owner("test")


def test_sparql_results_give_office_terms_memberships_and_names() -> None:
    facts = read_sparql_json(SPARQL.read_bytes(), pack="wd", retrieved=date(2026, 11, 30))
    terms = sorted((f.subject, f.valid_from, f.valid_to) for f in facts if f.predicate == "holds_office")
    assert terms == [("Dmitry Medvedev", date(2008, 5, 7), date(2012, 5, 7)),
                     ("Vladimir Putin", date(2000, 5, 7), date(2008, 5, 7)),
                     ("Vladimir Putin", date(2012, 5, 7), None)]
    assert all(f.object == "President of Russia" and f.extra == {"of": "Russia"}
               for f in facts if f.predicate == "holds_office")
    member = next(f for f in facts if f.predicate == "member_of")
    assert (member.subject, member.object, member.valid_from) == ("Morocco", "African Union",
                                                                  date(2017, 1, 30))
    # Every fact keeps its source: dataset, entity id, retrieval date, licence, the item's URL.
    putin = next(f for f in facts if f.subject == "Vladimir Putin")
    assert (putin.dataset, putin.source_ref, putin.retrieved, putin.licence) == (
        "wikidata", "Q7747", date(2026, 11, 30), "CC0-1.0")
    assert putin.source_url == "https://www.wikidata.org/wiki/Q7747"
    # Labels and aliases in French name the same person.
    kb = KnowledgeBase(facts)
    assert kb.match_entity("Vladimir Poutine") == ("Vladimir Putin", 100.0, False)
    assert kb.match_entity("Maroc").name == "Morocco"  # type: ignore[union-attr]
    assert [f.subject for f in kb.office_holders_at("President of Russia", date(2010, 1, 1))] \
        == ["Dmitry Medvedev"]


def test_dump_lines_give_positions_officeholders_heads_memberships_and_events() -> None:
    facts = read_dump_lines(DUMP.read_text(encoding="utf-8").splitlines(), pack="wd")
    got = {(f.subject, f.predicate, f.object, (f.extra or {}).get("of"), f.valid_from, f.valid_to)
           for f in facts}
    assert got == {
        # P39 position held; "of" from the office's jurisdiction P1001
        ("Sergey Lavrov", "holds_office", "Minister of Foreign Affairs of Russia", "Russia",
         date(2004, 3, 9), None),
        # P35 / P6 on the country (the deprecated P6 statement is left out)
        ("Vladimir Putin", "holds_office", "head of state", "Russia", date(2012, 5, 7), None),
        ("Mikhail Mishustin", "holds_office", "head of government", "Russia", date(2020, 1, 16), None),
        # P463 member of
        ("Russia", "member_of", "United Nations Security Council", None, date(1991, 12, 24), None),
        # P1308 officeholder on the office
        ("George W. Bush", "holds_office", "President of the United States", None,
         date(2001, 1, 20), date(2009, 1, 20)),
        ("George H. W. Bush", "holds_office", "President of the United States", None,
         date(1989, 1, 20), date(1993, 1, 20)),
        # P585 point in time
        ("2016 state visit", "event", "", None, date(2016, 3, 15), None)}
    kb = KnowledgeBase(facts)
    # French labels and English aliases: three spellings, one person.
    for name in ("Sergueï Lavrov", "Sergei Lavrov", "Sergey Lavrov"):
        assert kb.match_entity(name, types=("person",)).name == "Sergey Lavrov"  # type: ignore[union-attr]
    assert kb.match_entity("Conseil de sécurité des Nations unies").name \
        == "United Nations Security Council"  # type: ignore[union-attr]
    # Two Bushes: each by his own name, neither by a name that fits both.
    assert kb.match_entity("George W. Bush").name == "George W. Bush"  # type: ignore[union-attr]
    assert kb.match_entity("George H. W. Bush").name == "George H. W. Bush"  # type: ignore[union-attr]
    assert kb.match_entity("George Bush", types=("person",)) is None


def test_dates_keep_their_precision() -> None:
    assert _day("+2017-05-14T00:00:00Z") == date(2017, 5, 14)
    assert _day("+2017-05-00T00:00:00Z", precision=10) == date(2017, 5, 1)
    assert _day("+2017-05-00T00:00:00Z", precision=10, end=True) == date(2017, 5, 31)
    assert _day("+2016-00-00T00:00:00Z", precision=9, end=True) == date(2016, 12, 31)
    assert _day("+1800-00-00T00:00:00Z", precision=7) is None  # a century says no day
    assert _day("-0044-03-15T00:00:00Z") is None and _day("nonsense") is None


@pytest.mark.parametrize("data, problem", [
    (b"\x89PNG\r\n", "not JSON"),
    (b'{"head": {"vars": []}, "results": []}', "needs results.bindings"),
    (b'{"head": {"vars": ["person"]}, "results": {"bindings": [{"person": 3}]}}', "has no value"),
])
def test_bad_sparql_results_are_refused_in_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(WikidataError, match=problem):
        read_sparql_json(data)


def test_bad_dump_lines_are_refused_in_one_line() -> None:
    with pytest.raises(WikidataError, match="line 2: not a JSON entity"):
        read_dump_lines(["[", '{"id": "Q1", "claims": {', "]"])
    with pytest.raises(WikidataError, match="line 1: an entity needs an id"):
        read_dump_lines(['{"claims": {}},'])
    # Through the pack reader: one line naming the file, nothing stored.
    with pytest.raises(PackError, match=r"^x\.json: line 2: not a JSON entity"):
        parse_pack(b'[\n{"id": "Q1", "claims": \n]', name="x.json", fmt="wikidata")
    with pytest.raises(PackError, match="no facts"):
        parse_pack(b'[\n{"type": "item", "id": "Q1", "claims": {}}\n]', name="x.json")


def test_wikidata_files_are_imported_with_their_source(store: Store, tmp_path: Path) -> None:
    """`facts import` takes Wikidata files as they are: the service finds the format, keeps
    the retrieval date, licence and entity id of every fact, and the pack row its licence."""
    results = services.sources.import_packs(OWNER, [SPARQL, DUMP], names=["wd-sparql", "wd-dump"],
                                            retrieved=date(2026, 11, 30), db=store)
    assert [(r.pack, r.facts) for r in results] == [("wd-sparql", 4), ("wd-dump", 7)]
    with store.read() as session:
        rows = session.exec(select(Fact).where(Fact.pack == "wd-dump")).all()
    assert {(r.dataset, r.retrieved, r.licence) for r in rows} == {
        ("wikidata", date(2026, 11, 30), "CC0-1.0")}
    assert {r.source_ref for r in rows if r.subject == "Vladimir Putin"} == {"Q159"}
    listed = {p["pack"]: p for p in services.sources.loaded_packs(OWNER, db=store)}
    assert listed["wd-dump"]["licence"] == "CC0-1.0" and listed["wd-dump"]["facts"] == 7


def test_people_sharing_a_surname_are_never_confused() -> None:
    """Two Castros, two Kims, two Bushes in one pack: each by his full name (a transliteration
    forgiven), nobody by the surname they share, a near name, or a name missing a word."""
    from verifier.reference.facts import FactRecord

    def term(person: str, office: str, of: str, start: date, end: date | None,
             *aliases: str) -> FactRecord:
        return FactRecord(pack="p", subject=person, predicate="holds_office", object=office,
                          valid_from=start, valid_to=end, extra={"of": of},
                          aliases={"entities": {person: {"type": "person",
                                                         "names": {"": list(aliases)}}}})

    kb = KnowledgeBase([
        term("Fidel Castro", "President", "Cuba", date(1976, 12, 2), date(2008, 2, 24), "Castro"),
        term("Raúl Castro", "President", "Cuba", date(2008, 2, 24), date(2018, 4, 19), "Castro"),
        term("Kim Jong-il", "Supreme Leader", "North Korea", date(1994, 7, 8), date(2011, 12, 17)),
        term("Kim Jong-un", "Supreme Leader", "North Korea", date(2011, 12, 17), None),
        term("George H. W. Bush", "President", "United States", date(1989, 1, 20), date(1993, 1, 20)),
        term("George W. Bush", "President", "United States", date(2001, 1, 20), date(2009, 1, 20)),
        term("Sergey Lavrov", "Minister of Foreign Affairs", "Russia", date(2004, 3, 9), None)])
    person = ("person",)
    found = {q: (m.name if (m := kb.match_entity(q, types=person)) else None) for q in (
        "Fidel Castro", "Raul Castro", "Castro", "Kim Jong Un", "Kim Jong-il", "Kim Jong",
        "Kim Jong-ul", "George W. Bush", "George H.W. Bush", "George Bush", "Bush",
        "Sergueï Lavrov", "Sergei Lavrov", "Serguei Lavrov")}
    assert found == {
        "Fidel Castro": "Fidel Castro", "Raul Castro": "Raúl Castro", "Castro": None,
        "Kim Jong Un": "Kim Jong-un", "Kim Jong-il": "Kim Jong-il", "Kim Jong": None,
        "Kim Jong-ul": None, "George W. Bush": "George W. Bush",
        "George H.W. Bush": "George H. W. Bush", "George Bush": None, "Bush": None,
        "Sergueï Lavrov": "Sergey Lavrov", "Sergei Lavrov": "Sergey Lavrov",
        "Serguei Lavrov": "Sergey Lavrov"}
    assert kb.offices_of("Castro", date(2010, 1, 1)) == []  # no guess, no office
    assert [f.subject for f in kb.offices_of("Raul Castro", date(2010, 1, 1))] == ["Raúl Castro"]
