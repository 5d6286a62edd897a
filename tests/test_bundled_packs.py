"""The bundled packs (verifier/data/packs/): rebuilt byte for byte by scripts/build_packs.py,
the Security Council rotation against the published one, dated lookups true and false, the
"cannot confirm: the pack ends on" rule, and the packs in the store on SQLite and
PostgreSQL, through the service and the CLI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from verifier import services
from verifier.db.facts import knowledge_base_for_text
from verifier.db.store import Store
from verifier.reference.kb import KnowledgeBase
from verifier.reference.packs import PackError, bundled_manifest, bundled_names, parse_bundled

ROOT = Path(__file__).resolve().parents[1]
PACKS = ROOT / "verifier" / "data" / "packs"
OWNER = services.store_owner("test")
# The Wikidata extract behind heads-of-state-and-government is not in the repository
# (data/open/SOURCES.md); with it, the rebuild test rebuilds that pack too.
WIKIDATA_HEADS = os.environ.get("VERIFIER_WIKIDATA_HEADS")
# Nor is EveryPolitician's extract of Wikidata behind foreign-ministers (SOURCES.md).
WIKIDATA_MINISTERS = os.environ.get("VERIFIER_WIKIDATA_MINISTERS")


def _kb(*names: str) -> KnowledgeBase:
    facts, infos = [], []
    from verifier.reference.facts import PackInfo

    for name in names or bundled_names(["all"]):
        p = parse_bundled(name)
        facts.extend(p.facts)
        infos.append(PackInfo(name=name, built=p.meta.built, covered_until=p.meta.covered_until,
                              licence=p.meta.licence, facts=len(p.facts)))
    return KnowledgeBase(facts, packs=infos)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return _kb()


def test_the_build_script_reproduces_the_bundled_packs_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "packs"
    out.mkdir()
    shutil.copy(PACKS / "packs.json", out / "packs.json")
    cmd = [sys.executable, str(ROOT / "scripts" / "build_packs.py"), "--out", str(out)]
    if WIKIDATA_HEADS:
        cmd += ["--wikidata-heads", WIKIDATA_HEADS]
    if WIKIDATA_MINISTERS:
        cmd += ["--wikidata-ministers", WIKIDATA_MINISTERS]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    rebuilt = sorted(p.name for p in out.iterdir())
    expected = {"packs.json", "un-security-council.csv", "institution-heads.csv",
                "un-peacekeeping.csv"}
    if WIKIDATA_HEADS:
        expected.add("heads-of-state-and-government.csv")
    if WIKIDATA_MINISTERS:
        expected.add("foreign-ministers.csv")
    assert expected <= set(rebuilt)
    for name in sorted(expected):
        assert (out / name).read_bytes() == (PACKS / name).read_bytes(), name
    # The manifest's counts and digests are those of the files.
    import hashlib
    for name, entry in bundled_manifest().items():
        data = (PACKS / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert data.count(b"\n") - 1 == entry["facts"] == len(parse_bundled(name).facts)
        assert entry["licence"] and entry["built"] and entry["sources"]


def test_a_missing_extract_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_packs.py"), "--out",
                           str(tmp_path), "--wikidata-heads", str(tmp_path / "nope.csv")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.strip().count("\n") == 0
    assert "nope.csv: no such file" in done.stderr and not list(tmp_path.iterdir())


# The published monthly rotation of the Security Council presidency.
PRESIDENCIES = [
    (date(2025, 10, 15), "Russia"), (date(2025, 11, 3), "Sierra Leone"),
    (date(2025, 4, 30), "France"), (date(2025, 1, 1), "Algeria"), (date(2025, 7, 10), "Pakistan"),
    (date(2025, 12, 31), "Slovenia"), (date(2024, 8, 1), "Sierra Leone"),
    (date(2024, 12, 5), "United States"), (date(2023, 4, 1), "Russia"),
    (date(2022, 2, 24), "Russia"), (date(2021, 1, 5), "Tunisia"), (date(2020, 1, 9), "Viet Nam"),
]


@pytest.mark.parametrize("day, country", PRESIDENCIES)
def test_security_council_presidencies_follow_the_published_rotation(
        kb: KnowledgeBase, day: date, country: str) -> None:
    fact = kb.presiding_at("Conseil de sécurité", day)
    assert fact is not None and fact.object == country


@pytest.mark.parametrize("day, not_country", [
    (date(2025, 10, 15), "Sierra Leone"), (date(2025, 11, 3), "Russia"),
    (date(2025, 4, 30), "Denmark"), (date(2024, 7, 1), "France")])
def test_security_council_presidencies_false(kb: KnowledgeBase, day: date, not_country: str) -> None:
    assert kb.presiding_at("UN Security Council", day).object != not_country  # type: ignore[union-attr]


def _holders(kb: KnowledgeBase, office: str, day: date, of: str) -> set[str]:
    return {f.subject for f in kb.office_holders_at(office, day, of)}


# (office, of, day, who held it) from the packs; the false statements are the same lines with
# another person, checked not to be returned.
DATED = [
    ("President", "France", date(2016, 6, 1), "François Hollande", "Emmanuel Macron"),
    ("President", "France", date(2020, 6, 1), "Emmanuel Macron", "François Hollande"),
    ("Chancellor", "Germany", date(2010, 1, 1), "Angela Merkel", "Olaf Scholz"),
    ("Chancellor", "Germany", date(2023, 1, 1), "Olaf Scholz", "Angela Merkel"),
    ("King", "Morocco", date(2016, 3, 15), "Mohammed VI", "Hassan II"),
    ("President", "Russia", date(2010, 1, 1), "Dmitri Medvedev", "Vladimir Putin"),
    ("President", "Algeria", date(2021, 1, 1), "Abdelmadjid Tebboune", "Abdelaziz Bouteflika"),
    ("President", "Senegal", date(2019, 1, 1), "Macky Sall", "Abdoulaye Wade"),
    ("Minister of Foreign Affairs", "Russia", date(2010, 1, 1), "Sergey Lavrov", "Igor Ivanov"),
    ("Minister of Foreign Affairs", "France", date(2019, 1, 1), "Jean-Yves Le Drian", "Laurent Fabius"),
    ("Secretary-General", "United Nations", date(2010, 1, 1), "Ban Ki-moon", "António Guterres"),
    ("Secretary-General", "United Nations", date(2020, 1, 1), "António Guterres", "Ban Ki-moon"),
    ("Managing Director", "International Monetary Fund", date(2015, 1, 1), "Christine Lagarde", "Kristalina Georgieva"),
    ("President", "European Central Bank", date(2021, 1, 1), "Christine Lagarde", "Mario Draghi"),
    ("Chair", "Federal Reserve", date(2019, 1, 1), "Jerome Powell", "Janet Yellen"),
    ("President", "European Commission", date(2016, 1, 1), "Jean-Claude Juncker", "Ursula von der Leyen"),
    ("Chairperson", "African Union Commission", date(2020, 1, 1), "Moussa Faki Mahamat", "Jean Ping"),
    ("President", "World Bank", date(2020, 1, 1), "David Malpass", "Ajay Banga"),
]


@pytest.mark.parametrize("office, of, day, holder, other", DATED)
def test_dated_office_lookups(kb: KnowledgeBase, office: str, of: str, day: date, holder: str,
                              other: str) -> None:
    holders = _holders(kb, office, day, of)
    assert holder in holders and other not in holders
    assert any(f.object == office for f in kb.offices_of(holder, day))


def test_mandates_and_resolutions(kb: KnowledgeBase) -> None:
    dated = {(f.subject, f.predicate, d) for f, d in kb.dated_facts_about("MINURSO")}
    assert ("Resolution 2797 (2025)", "adopted", date(2025, 10, 31)) in dated
    assert ("MINURSO", "mandate", date(2026, 10, 31)) in dated
    assert kb.when("résolution 2797").valid_from == date(2025, 10, 31)  # type: ignore[union-attr]
    assert kb.when("S/RES/690 (1991)").valid_from == date(1991, 4, 29)  # type: ignore[union-attr]
    assert kb.match_entity("FINUL").name == "UNIFIL"  # type: ignore[union-attr]


def test_names_people_share_are_never_guessed(kb: KnowledgeBase) -> None:
    """Two Kims (Kim Dae-jung, Kim Jong-un are no aliases of each other), the Rasmussens, the
    Kirchners: the full name finds each, a shared surname or a near name finds nobody."""
    assert kb.match_entity("Anders Fogh Rasmussen", types=("person",)).name == "Anders Fogh Rasmussen"  # type: ignore[union-attr]
    assert kb.match_entity("Lars Løkke Rasmussen", types=("person",)).name == "Lars Løkke Rasmussen"  # type: ignore[union-attr]
    assert kb.match_entity("Rasmussen", types=("person",)) is None
    assert kb.match_entity("Nestor Kirchner", types=("person",)).name == "Néstor Kirchner"  # type: ignore[union-attr]
    assert kb.match_entity("Cristina Kirchner", types=("person",)).name == "Cristina Kirchner"  # type: ignore[union-attr]
    assert kb.match_entity("Kim Jong-un", types=("person",)) is None
    assert kb.match_entity("Kim Dae-jung", types=("person",)).name == "Kim Dae-jung"  # type: ignore[union-attr]


def test_packs_say_where_they_end(kb: KnowledgeBase) -> None:
    assert kb.covered_until("heads-of-state-and-government") == date(2025, 10, 3)
    assert kb.covered_until("un-security-council") == date(2026, 12, 31)
    assert kb.beyond_coverage(date(2025, 6, 1), ["heads-of-state-and-government"]) is None
    ended = kb.beyond_coverage(date(2025, 11, 1), ["heads-of-state-and-government", "un-security-council"])
    assert ended is not None and ended.name == "heads-of-state-and-government"


def test_a_claim_after_the_pack_ends_is_cannot_confirm_never_contradicted(store: Store) -> None:
    services.sources.import_bundled(OWNER, ["heads-of-state-and-government"], db=store)
    before = services.check_text("Le président François Hollande a reçu le roi Mohammed VI.",
                                 lang="fr", published=date(2016, 3, 15), store=store)
    after = services.check_text("Le président François Hollande a reçu le roi Mohammed VI.",
                                lang="fr", published=date(2026, 3, 15), store=store)
    hollande = [c for c in before.claims if getattr(c.claim, "subject", None) == "François Hollande"]
    assert hollande and hollande[0].result.finding == "consistent"
    late = [c for c in after.claims if getattr(c.claim, "subject", None) == "François Hollande"]
    assert late and late[0].result.finding == "no_evidence"
    assert late[0].result.explanation.startswith(
        "cannot confirm: the pack heads-of-state-and-government ends on 2025-10-03")
    packs = {p["name"]: p for p in after.document["packs"]}
    assert packs["heads-of-state-and-government"]["built"] == "2025-10-03"


def test_foreign_ministers_after_the_pack_ends_or_in_a_gap_are_never_contradicted(store: Store) -> None:
    services.sources.import_bundled(OWNER, ["foreign-ministers", "foreign-ministers-wikidata"], db=store)
    text = "Japanese Foreign Minister Taro Kono met his counterpart."
    checked = {day: [c for c in services.check_text(text, lang="en", published=day, store=store).claims
                     if getattr(c.claim, "subject", None) == "Taro Kono"]
               for day in (date(2015, 6, 1), date(2018, 6, 1), date(2023, 6, 1))}
    assert [c.result.finding for c in checked[date(2015, 6, 1)]] == ["contradicted"]
    assert [c.result.finding for c in checked[date(2018, 6, 1)]] == ["consistent"]
    late = checked[date(2023, 6, 1)]
    assert [c.result.finding for c in late] == ["no_evidence"]
    assert late[0].result.explanation.startswith("cannot confirm: the pack foreign-ministers-wikidata ends on 2022-03-19")
    gap = services.check_text("Le ministre sénégalais des Affaires étrangères Sidiki Kaba a reçu son homologue.",
                              lang="fr", published=date(2005, 6, 1), store=store)
    kaba = [c for c in gap.claims if getattr(c.claim, "subject", None) == "Sidiki Kaba"]
    assert kaba and kaba[0].result.finding != "contradicted"


def test_bundled_import_and_the_document_knowledge_base(store: Store) -> None:
    """All the bundled packs in the store, their pack rows listed with build date and licence;
    a text's knowledge base holds the facts about the names it mentions, not the store."""
    results = services.sources.import_bundled(OWNER, ["all"], db=store)
    assert sorted(r.pack for r in results) == sorted(bundled_manifest())
    listed = {p["pack"]: p for p in services.sources.loaded_packs(OWNER, db=store)}
    assert listed["un-security-council"]["built"] == "2026-12-01"
    assert listed["un-security-council"]["covered until"] == "2026-12-31"
    assert listed["heads-of-state-and-government"]["licence"] == "CC0-1.0"
    total = sum(p["facts"] for p in listed.values())
    with store.read() as session:
        kb = knowledge_base_for_text(session, "Le ministre russe Sergueï Lavrov et Angela Merkel.")
    assert 0 < len(kb) < total / 5
    assert {f.subject for f in kb.offices_of("Sergueï Lavrov")} == {"Sergey Lavrov"}
    assert [f.subject for f in kb.office_holders_at("Chancellor", date(2010, 1, 1), "Allemagne")] \
        == ["Angela Merkel"]
    assert kb.office_holders_at("President", date(2020, 1, 1), "Senegal") == []  # not mentioned
    with pytest.raises(PackError, match="no bundled pack 'nope'"):
        services.sources.import_bundled(OWNER, ["nope"], db=store)


def _cli(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`verifier ...` as a real process on this worktree's package."""
    full = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    full |= {"PYTHONPATH": str(ROOT), "VERIFIER_DATABASE_URL": db} | (env or {})
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True,
                          text=True, timeout=300, env=full)


def test_cli_imports_bundled_packs(db_url: str) -> None:
    out = _cli("facts", "import", "--bundled", "un-security-council", "--bundled",
               "un-peacekeeping", db=db_url)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    facts = {name: entry["facts"] for name, entry in bundled_manifest().items()}
    assert lines[0].startswith(f"un-security-council\t{facts['un-security-council']} facts stored\tbuilt 2026-12-01")
    assert lines[1].startswith(f"un-peacekeeping\t{facts['un-peacekeeping']} facts stored\tbuilt 2026-12-01")
    bad = _cli("facts", "import", "--bundled", "nope", db=db_url)
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "error: no bundled pack 'nope' (one of: all, foreign-ministers, foreign-ministers-wikidata, "
        "heads-of-state-and-government, institution-heads, un-peacekeeping, un-security-council)")
    listed = _cli("facts", "bundled", db=db_url)
    assert listed.returncode == 0
    assert f"un-security-council\t{facts['un-security-council']} facts\tbuilt 2026-12-01" in listed.stdout
    assert _cli("facts", "import", db=db_url).returncode == 2
    # Once the store has users, importing needs an admin's credentials, as for any pack.
    from .conftest import bootstrap_admin, token_env

    bootstrap_admin(db_url)
    refused = _cli("facts", "import", "--bundled", "all", db=db_url)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    ok = _cli("facts", "import", "--bundled", "all", db=db_url, env=token_env(db_url, "adam", "admin"))
    assert ok.returncode == 0, ok.stderr
    assert len(ok.stdout.strip().splitlines()) == len(bundled_manifest())


def test_no_president_is_read_as_a_prime_minister() -> None:
    """Wikidata's head of government of a presidential system is the president: the build
    leaves such terms out, so that the bundled pack never contradicts a real prime minister
    with the president (Senegal, the Republic of Korea, Chad, Burundi had them)."""
    import csv

    path = Path(__file__).resolve().parents[1] / "verifier/data/packs/heads-of-state-and-government.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    presidents: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in rows:
        if r["object"] == "President":
            presidents.setdefault((r["subject"], r["of"]), []).append((r["valid_from"], r["valid_to"] or "9999"))
    both = [(r["subject"], r["of"]) for r in rows if r["object"] in ("Prime Minister", "Head of Government")
            and any(s <= (r["valid_to"] or "9999") and r["valid_from"] <= e
                    for s, e in presidents.get((r["subject"], r["of"]), ()))]
    assert both == []
    senegal_pm = {(r["subject"], r["valid_from"]) for r in rows if r["of"] == "Senegal" and r["object"] == "Prime Minister"}
    # Macky Sall was prime minister (2004-2007) before he was president, never while president.
    assert ("Macky Sall", "2004-04-21") in senegal_pm and ("Macky Sall", "2012-04-02") not in senegal_pm
    assert not any(who == "Bassirou Diomaye Diakhar Faye" for who, _ in senegal_pm)


# Senegal's prime ministers (data/open/heads-supplement.csv): Wikidata gives its presidents as
# heads of government, so the extract alone had only one of them.
@pytest.mark.parametrize("day, holder", [
    (date(2000, 6, 1), "Moustapha Niasse"), (date(2002, 1, 1), "Mame Madior Boye"),
    (date(2005, 1, 1), "Macky Sall"), (date(2010, 1, 1), "Souleymane Ndéné Ndiaye"),
    (date(2013, 6, 1), "Abdoul Mbaye"), (date(2014, 1, 1), "Aminata Touré"),
    (date(2016, 1, 1), "Mohamed Dionne"), (date(2023, 1, 1), "Amadou Ba"),
    (date(2024, 3, 20), "Sidiki Kaba"), (date(2025, 1, 1), "Ousmane Sonko")])
def test_senegal_prime_ministers(kb: KnowledgeBase, day: date, holder: str) -> None:
    assert _holders(kb, "Prime Minister", day, "Sénégal") == {holder}


def test_senegal_had_no_prime_minister_2019_2022(kb: KnowledgeBase) -> None:
    assert _holders(kb, "Prime Minister", date(2020, 6, 1), "Senegal") == set()
    assert _holders(kb, "Prime Minister", date(2025, 1, 1), "Senegal") != {"Amadou Ba"}
    assert kb.match_entity("Mahammed Boun Abdallah Dionne", types=("person",)).name == "Mohamed Dionne"  # type: ignore[union-attr]


# Presidencies from July 1990 on, against published months (press releases, the UN's
# monthly programmes and records of the Council's meetings): (day, who presided, who did not).
PUBLISHED_PRESIDENCIES = [
    (date(1990, 7, 15), "Malaysia", "France"),               # S/PV.2932 thanks Malaysia for July
    (date(1990, 8, 2), "Romania", "Soviet Union"),           # S/PV.2932, resolution 660
    (date(1990, 11, 29), "United States", "Yemen"),          # resolution 678, S/PV.2963
    (date(1992, 1, 31), "United Kingdom", "United States"),  # the first summit, S/PV.3046
    (date(1994, 4, 15), "New Zealand", "Nigeria"),
    (date(2000, 1, 10), "United States", "Bangladesh"),
    (date(2001, 9, 12), "France", "Ireland"),                # resolution 1368
    (date(2003, 2, 14), "Germany", "France"),
    (date(2005, 1, 5), "Argentina", "Brazil"), (date(2005, 2, 1), "Benin", "China"),
    (date(2005, 8, 1), "Japan", "Philippines"), (date(2005, 12, 1), "United Kingdom", "United States"),
    (date(2013, 3, 1), "Russia", "Rwanda"), (date(2013, 4, 1), "Rwanda", "Russia"),
    (date(2016, 10, 3), "Russia", "Senegal"), (date(2018, 10, 1), "Bolivia", "China"),
    (date(2018, 12, 3), "Côte d'Ivoire", "Equatorial Guinea"),
    (date(2023, 5, 1), "Switzerland", "Russia"), (date(2023, 6, 1), "United Arab Emirates", "United Kingdom"),
    (date(2023, 12, 1), "Ecuador", "Albania"), (date(2025, 2, 1), "China", "Algeria"),
    (date(2026, 3, 1), "United States", "United Kingdom"),
]


@pytest.mark.parametrize("day, country, not_country", PUBLISHED_PRESIDENCIES)
def test_presidencies_since_1990_follow_the_published_months(
        kb: KnowledgeBase, day: date, country: str, not_country: str) -> None:
    fact = kb.presiding_at("Conseil de sécurité", day)
    assert fact is not None and fact.object == country and fact.object != not_country


def test_presidencies_before_july_1990_are_not_claimed(kb: KnowledgeBase) -> None:
    """The computed rotation does not match the published months over 1987-1990 (the Federal
    Republic of Germany in July 1987, Malaysia in July 1990): the pack starts in July 1990."""
    assert kb.presiding_at("UN Security Council", date(1990, 6, 15)) is None
    assert kb.presiding_at("UN Security Council", date(1967, 6, 5)) is None
    assert kb.presiding_at("UN Security Council", date(1990, 7, 1)) is not None


def _members(kb: KnowledgeBase, day: date) -> set[str]:
    return {f.subject for f in kb.memberships_at("UN Security Council", day)}


@pytest.mark.parametrize("day, members, not_members", [
    (date(1946, 6, 1), {"Australia", "Brazil", "Egypt", "Mexico", "Netherlands", "Poland", "Soviet Union", "China"}, {"Russia", "Canada"}),
    (date(1962, 10, 22), {"Ghana", "Ireland", "Romania", "Venezuela", "Egypt", "Soviet Union"}, {"Japan"}),
    (date(1984, 9, 1), {"Burkina Faso", "Ukrainian SSR", "Zimbabwe", "India"}, {"Germany", "Australia"}),
    (date(1988, 3, 1), {"Germany", "Algeria", "Senegal", "Yugoslavia"}, {"East Germany", "Canada"}),
    (date(1994, 4, 15), {"Rwanda", "New Zealand", "Czechia", "Russia"}, {"Soviet Union", "Germany"}),
    (date(2012, 10, 16), {"Morocco", "Togo", "Germany", "Pakistan"}, {"Algeria", "Japan"}),
])
def test_security_council_members_since_1946(kb: KnowledgeBase, day: date, members: set[str],
                                             not_members: set[str]) -> None:
    at = _members(kb, day)
    assert members <= at and not (not_members & at)
    assert len(at) == (11 if day.year < 1966 else 15)


def test_elected_terms_and_seats(kb: KnowledgeBase) -> None:
    terms = {(f.valid_from, f.valid_to, (f.extra or {}).get("seat")) for f in kb.memberships_of("Maroc", "UN Security Council")}
    assert (date(2012, 1, 1), date(2013, 12, 31), "non-permanent") in terms
    assert (date(1963, 1, 1), date(1964, 12, 31), "non-permanent") in terms
    seats = {(f.subject, (f.extra or {}).get("seat")) for f in kb.memberships_at("UN Security Council", date(1980, 1, 1))}
    assert ("Soviet Union", "permanent") in seats and ("East Germany", "non-permanent") in seats
    assert kb.match_entity("URSS").name == "Soviet Union"  # type: ignore[union-attr]


# Foreign ministers of the countries the pack holds: (country, day, minister, not the minister).
# The ten countries of the hand-compiled pack foreign-ministers (known until 2025); the others
# come from EveryPolitician's extract of Wikidata (2022, the pack foreign-ministers-wikidata),
# under Wikidata's names.
FOREIGN_MINISTERS = [
    ("Germany", date(2010, 6, 1), "Guido Westerwelle", "Frank-Walter Steinmeier"),
    ("Allemagne", date(2015, 6, 1), "Frank-Walter Steinmeier", "Guido Westerwelle"),
    ("Germany", date(2021, 6, 1), "Heiko Maas", "Annalena Baerbock"),
    ("United Kingdom", date(2015, 6, 1), "Philip Hammond", "William Hague"),
    ("Royaume-Uni", date(2017, 1, 1), "Boris Johnson", "Jeremy Hunt"),
    ("Italy", date(2015, 6, 1), "Paolo Gentiloni", "Federica Mogherini"),
    ("Spain", date(2012, 6, 1), "José Manuel García-Margallo", "Trinidad Jiménez"),
    ("China", date(2015, 6, 1), "Wang Yi", "Yang Jiechi"),
    ("Chine", date(2010, 3, 1), "Yang Jiechi", "Wang Yi"),
    ("Algeria", date(2015, 6, 1), "Ramtane Lamamra", "Mourad Medelci"),
    ("Algérie", date(2020, 1, 1), "Sabri Boukadoum", "Ramtane Lamamra"),
    ("Morocco", date(2010, 6, 1), "Taïeb Fassi Fihri", "Nasser Bourita"),
    ("France", date(2016, 6, 1), "Jean-Marc Ayrault", "Laurent Fabius"),
    ("France", date(2006, 6, 1), "Philippe Douste-Blazy", "Michel Barnier"),
    ("United Kingdom", date(2025, 10, 1), "Yvette Cooper", "David Lammy"),
    ("Russia", date(2010, 1, 1), "Sergey Lavrov", "Igor Ivanov"),
    ("United States", date(2019, 1, 1), "Mike Pompeo", "Rex Tillerson"),
    # countries the hand-compiled list did not hold
    # countries of the Wikidata extract
    ("Senegal", date(2018, 6, 1), "Sidiki Kaba", "Mankeur Ndiaye"),
    ("Sénégal", date(2021, 6, 1), "Aissata Tall Sall", "Amadou Ba"),
    ("Tunisia", date(2017, 6, 1), "Khemaies Jhinaoui", "Othman Jerandi"),
    ("Tunisie", date(2021, 6, 1), "Othman Jerandi", "Khemaies Jhinaoui"),
    ("Brazil", date(2020, 6, 1), "Ernesto Araújo", "Carlos Alberto Franco França"),
    ("Brésil", date(2021, 6, 1), "Carlos Alberto Franco França", "Ernesto Araújo"),
    ("Japan", date(2015, 6, 1), "Fumio Kishida", "Taro Kono"),
    ("Japon", date(2020, 6, 1), "Toshimitsu Motegi", "Taro Kono"),
    ("India", date(2016, 6, 1), "Sushma Swaraj", "Subrahmanyam Jaishankar"),
    ("Mexico", date(2020, 6, 1), "Marcelo Ebrard", "Luis Videgaray Caso"),
    ("Côte d'Ivoire", date(2018, 6, 1), "Marcel Amon-Tanoh", "Charles Koffi Diby"),
    ("Cameroun", date(2013, 6, 1), "Pierre Moukoko Mbonjo", "Lejeune Mbella Mbella"),
    ("Mauritania", date(2020, 6, 1), "Ismail Ould Cheikh Ahmed", "Mohamed Salem Ould Merzoug"),
    ("Netherlands", date(2016, 6, 1), "Bert Koenders", "Stef Blok"),
    ("Republic of Korea", date(2005, 6, 1), "Ban Ki-moon", "Song Minsoon"),
]


@pytest.mark.parametrize("country, day, minister, other", FOREIGN_MINISTERS)
def test_foreign_ministers(kb: KnowledgeBase, country: str, day: date, minister: str, other: str) -> None:
    office = "Secretary of State" if country == "United States" else "Minister of Foreign Affairs"
    holders = _holders(kb, office, day, country)
    assert minister in holders and other not in holders


def test_foreign_ministers_the_data_does_not_settle(kb: KnowledgeBase) -> None:
    """What the extract lacks or leaves in doubt gives no holder (a claim is then not
    contradicted): Senegal 2000-2012 (no term in Wikidata), Mauritius since 2019 (Wikidata had
    two ministers at once: both left out), Gabon in 2008 (Jean Ping's term is known to the year
    only, 1999 to 2008: kept from 2000 to 2007), India's foreign secretaries (a position the
    extract also calls "Minister of Foreign Affairs": not read as the minister)."""
    assert _holders(kb, "Minister of Foreign Affairs", date(2005, 6, 1), "Senegal") == set()
    assert _holders(kb, "Minister of Foreign Affairs", date(2020, 6, 1), "Mauritius") == set()
    assert _holders(kb, "Minister of Foreign Affairs", date(2005, 6, 1), "Gabon") == {"Jean Ping"}
    assert _holders(kb, "Minister of Foreign Affairs", date(2008, 6, 1), "Gabon") == set()
    assert _holders(kb, "Minister of Foreign Affairs", date(2010, 6, 1), "India") == {"S. M. Krishna"}
    assert kb.facts_about("Nirupama Rao") == []
    # the hand-compiled countries come from the hand-compiled pack only
    assert {f.pack for f in kb.facts if f.predicate == "holds_office" and (f.extra or {}).get("of") in
            ("France", "Spain") and f.object == "Minister of Foreign Affairs"} == {"foreign-ministers"}
    assert kb.match_entity("Sergueï Lavrov", types=("person",)).name == "Sergey Lavrov"  # type: ignore[union-attr]


def test_the_foreign_ministers_packs_end_where_their_sources_do(kb: KnowledgeBase) -> None:
    assert kb.covered_until("foreign-ministers-wikidata") == date(2022, 3, 19)
    assert kb.covered_until("foreign-ministers") == date(2025, 10, 31)
    ended = kb.beyond_coverage(date(2023, 3, 1), ["foreign-ministers-wikidata"])
    assert ended is not None and ended.name == "foreign-ministers-wikidata"
    import csv
    wikidata = list(csv.DictReader((PACKS / "foreign-ministers-wikidata.csv").open(encoding="utf-8")))
    hand = list(csv.DictReader((PACKS / "foreign-ministers.csv").open(encoding="utf-8")))
    assert len({r["of"] for r in wikidata}) == 56 and not {r["of"] for r in wikidata} & {r["of"] for r in hand}
    assert all(r["dataset"] == "wikidata" and r["source_ref"].startswith("Q") and r["licence"] == "CC0-1.0"
               and r["retrieved"] >= "2022-03-19" for r in wikidata)
    assert min(r["retrieved"] for r in wikidata) == "2022-03-19"


def test_mandate_renewals_of_the_missions(kb: KnowledgeBase) -> None:
    monusco = {(f.subject, f.predicate, d) for f, d in kb.dated_facts_about("MONUSCO")}
    assert ("Resolution 2765 (2024)", "adopted", date(2024, 12, 20)) in monusco
    assert ("MONUSCO", "mandate", date(2025, 12, 20)) in monusco
    assert ("MONUSCO", "mandate", date(2026, 12, 20)) not in monusco
    assert kb.when("résolution 2765").valid_from == date(2024, 12, 20)  # type: ignore[union-attr]
    assert kb.when("S/RES/1925 (2010)").valid_from == date(2010, 5, 28)  # type: ignore[union-attr]
    ends = {f.valid_to for f in kb.mandates_of("UNMISS")}
    assert ends == {date(2025, 5, 9), date(2026, 4, 30)}
    assert (kb.when("resolution 2811").extra or {}).get("about") == "UNDOF"  # type: ignore[union-attr]
    assert kb.match_entity("FINUL").name == "UNIFIL"  # type: ignore[union-attr]
    assert kb.match_entity("Force des Nations unies chargée d'observer le dégagement").name == "UNDOF"  # type: ignore[union-attr]
    assert (kb.when("résolution 2690").extra or {}).get("about") == "MINUSMA"  # type: ignore[union-attr]
    assert kb.mandates_of("MINUSMA") == []


# Claims in articles, through the extractor and the check, against the bundled packs alone:
# (text, lang, published, finding).
CLAIMS = [
    ("En 2010, le ministre allemand des Affaires étrangères Guido Westerwelle a reçu son homologue.", "fr", date(2010, 6, 1), "consistent"),
    ("En 2010, le ministre allemand des Affaires étrangères Frank-Walter Steinmeier a reçu son homologue.", "fr", date(2010, 6, 1), "contradicted"),
    ("German Foreign Minister Heiko Maas met his counterpart.", "en", date(2010, 6, 1), "contradicted"),
    ("The Security Council met. Japan held the presidency in August 2005.", "en", date(2025, 10, 16), "consistent"),
    ("The Security Council met. China held the presidency in August 2005.", "en", date(2025, 10, 16), "contradicted"),
    ("Le Conseil de sécurité a prolongé le mandat de la MONUSCO jusqu'au 20 décembre 2025 par la résolution 2765.", "fr", date(2024, 12, 21), "consistent"),
    ("Le Conseil de sécurité a prolongé le mandat de la MONUSCO jusqu'au 20 décembre 2026 par la résolution 2765.", "fr", date(2024, 12, 21), "contradicted"),
    ("Le Maroc, membre non permanent du Conseil de sécurité, a voté contre.", "fr", date(2012, 10, 16), "consistent"),
    ("Le Maroc, membre non permanent du Conseil de sécurité, a voté contre.", "fr", date(2015, 10, 16), "contradicted"),
    ("Le Premier ministre Amadou Ba a inauguré le pont.", "fr", date(2023, 3, 1), "consistent"),
    ("Le Premier ministre Ousmane Sonko a inauguré le pont.", "fr", date(2023, 3, 1), "contradicted"),
    # countries that countries.csv does not hold are named in French from CLDR
    ("La Nouvelle-Zélande a assuré la présidence du Conseil de sécurité en avril 1994.", "fr", date(2024, 10, 14), "consistent"),
    ("Le Liban a assuré la présidence du Conseil de sécurité en avril 1994.", "fr", date(2024, 10, 14), "contradicted"),
    ("La Jordanie, membre non permanent du Conseil de sécurité, a voté pour.", "fr", date(2015, 3, 1), "consistent"),
    # foreign ministers of countries the hand-compiled list did not hold (EveryPolitician's
    # extract of Wikidata)
    ("Le ministre sénégalais des Affaires étrangères Sidiki Kaba a reçu son homologue.", "fr", date(2018, 6, 1), "consistent"),
    ("Le ministre sénégalais des Affaires étrangères Mankeur Ndiaye a reçu son homologue.", "fr", date(2018, 6, 1), "contradicted"),
    ("Tunisian Foreign Minister Khemaies Jhinaoui met his counterpart.", "en", date(2017, 6, 1), "consistent"),
    ("Tunisian Foreign Minister Othman Jerandi met his counterpart.", "en", date(2017, 6, 1), "contradicted"),
    ("Le ministre japonais des Affaires étrangères Fumio Kishida a reçu son homologue.", "fr", date(2015, 6, 1), "consistent"),
    ("Japanese Foreign Minister Taro Kono met his counterpart.", "en", date(2015, 6, 1), "contradicted"),
    ("Brazilian Foreign Minister Ernesto Araújo met his counterpart.", "en", date(2020, 6, 1), "consistent"),
]


@pytest.mark.parametrize("text, lang, published, finding", CLAIMS)
def test_claims_settled_by_the_bundled_packs(kb: KnowledgeBase, text: str, lang: str, published: date,
                                             finding: str) -> None:
    from verifier.check.knowledge import check_claims
    from verifier.claims import FactualClaim
    from verifier.extract.pipeline import extract_claims

    claims = [c for c in extract_claims(text, lang=lang, published=published, kb=kb) if isinstance(c, FactualClaim)]
    findings = check_claims(claims, text=text, published=published, kb=kb, lang=lang)
    assert [f.finding for f in findings if f is not None] == [finding], [f.explanation for f in findings if f]
