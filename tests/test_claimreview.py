"""ClaimReview in (issue 15): `verifier precedents import` reads Fact Check Tools API responses
(one, or pages as JSON lines), schema.org DataFeeds (also in an @graph), and saved fact-check
pages (JSON-LD, microdata, RDFa; files or URLs, parsed in the limited worker), deduplicated by
review URL with the publisher, rating, dates, claimant and language kept; bad input is one line,
exit 2, nothing stored. The files in tests/data/claimreview/ were written for these tests from
the published schemas (tests/data/claimreview/README.md). On SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from verifier import services
from verifier.db.models import AuditEvent, Precedent
from verifier.db.store import Store, open_store
from verifier.reference import claimreview, precedents
from verifier.reference.feeds import parse_feed

from .conftest import DATA
from .test_linear import assert_linear
from .test_untrusted_input import serve

CR = DATA / "claimreview"
ROOT = Path(__file__).parents[1]
OWNER = services.store_owner("test")


@pytest.fixture(autouse=True)
def _private_vector_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the `semantic` extra installed, imports and checks embed texts: keep them out of
    the user's vector cache."""
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))


def run_cli(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess, importing this checkout's package."""
    full = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    full |= {"VERIFIER_DATABASE_URL": db, "PYTHONPATH": str(ROOT), "VERIFIER_SEMANTIC": "0"}
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True,
                          text=True, env=full | (env or {}), timeout=120, check=False)


def rows(store: Store) -> list[tuple[object, ...]]:
    """Every stored precedent, every field a review can change."""
    with store.read() as s:
        return [(p.collection, p.external_id, p.url, p.claim, p.title, p.verdict, p.reviewed_on,
                 p.language, p.publisher_name, p.publisher_site, p.claimant, p.claim_date)
                for p in s.exec(select(Precedent).order_by(col(Precedent.id))).all()]


def events(store: Store) -> int:
    with store.read() as s:
        return len(s.exec(select(AuditEvent)).all())


def by_url(store: Store) -> dict[str, Precedent]:
    with store.read() as s:
        return {p.url or "": p for p in s.exec(select(Precedent)).all()}


# --- the three shapes, parsed (pure) -------------------------------------------------------------

def test_a_fact_check_tools_api_response() -> None:
    got = precedents.read_precedent_file((CR / "factcheck-api.json").read_bytes(),
                                         name="factcheck-api.json")
    assert got.format == "claimreview"
    assert [r.url for r in got.rows] == ["https://checks.example.org/2025/03/bus-lanes",
                                         "https://verif.example.net/2025/03/voies-de-bus",
                                         "https://checks.example.org/2025/01/unemployment"]
    first = got.rows[0]
    assert (first.claim, first.verdict, first.reviewed_on, first.language) == (
        "Northtown's new bus lanes doubled commuting times", "False", date(2025, 3, 5), "en")
    assert (first.publisher_name, first.publisher_site) == ("Example Checks", "checks.example.org")
    assert (first.claimant, first.claim_date) == ("A Northtown radio host", date(2025, 3, 1))
    assert first.title == "Bus lanes did not double commuting times in Northtown"
    # The same claim reviewed by a second publisher: its own precedent, its own language.
    assert (got.rows[1].verdict, got.rows[1].language, got.rows[1].claimant) == (
        "Faux", "fr", "A Northtown radio host")


def test_pages_of_api_responses_as_json_lines() -> None:
    got = precedents.parse_precedents((CR / "factcheck-api-pages.jsonl").read_bytes(),
                                      name="pages.jsonl")
    assert [r.publisher_site for r in got] == ["checks.example.org", "checks.example.org",
                                               "verif.example.net"]
    assert got[2].claim == "Le prix du ticket de tramway de Sudville a triplé depuis 2020"
    # A review on two pages (the API pages overlap) is one row: the newest review date.
    page = json.loads((CR / "factcheck-api-pages.jsonl").read_text().splitlines()[0])
    again = json.loads(json.dumps(page))
    again["claims"][0]["claimReview"][0] |= {"reviewDate": "2025-03-09", "textualRating": "Mostly false"}
    data = "\n".join(json.dumps(p) for p in (page, again, page)).encode()
    got = precedents.parse_precedents(data, name="overlap.jsonl")
    assert [(r.url, r.verdict, r.reviewed_on) for r in got] == [
        ("https://checks.example.org/2025/03/bus-lanes", "Mostly false", date(2025, 3, 9))]


@pytest.mark.parametrize("name", ["datafeed.jsonld", "datafeed-graph.jsonld"])
def test_a_schema_org_data_feed(name: str) -> None:
    got = precedents.parse_precedents((CR / name).read_bytes(), name=name)
    for r in got:
        assert r.url and r.verdict and r.reviewed_on and r.language and r.claimant
        assert r.publisher_name and r.publisher_site and r.claim_date
    if name == "datafeed.jsonld":
        assert [(r.url, r.verdict, r.claim_date) for r in got] == [
            ("https://checks.example.org/2025/04/river-bridge", "False", date(2025, 4, 8)),
            # the claim's date from its first appearance
            ("https://checks.example.org/2025/03/bus-lanes", "False", date(2025, 3, 1))]
    else:
        assert [(r.verdict, r.language, r.claimant) for r in got] == [
            ("Plutôt faux", "fr", "Un élu d'opposition")]


@pytest.mark.parametrize(("name", "url", "verdict", "claimant"), [
    ("page-jsonld.html", "https://checks.example.org/2025/02/bridge-closure", "Misleading",
     "A neighbourhood newsletter"),
    ("page-microdata.html", "https://checks.example.org/2025/04/river-bridge", "False",
     "A councillor of Northtown"),
    ("page-rdfa.html", "https://verif.example.net/2025/02/tramway-sudville", "Plutôt faux",
     "Un élu d'opposition"),
])
def test_a_saved_fact_check_page(name: str, url: str, verdict: str, claimant: str) -> None:
    got = precedents.read_precedent_file((CR / name).read_bytes(), name=name)
    assert got.format == "claimreview" and len(got.rows) == 1
    r = got.rows[0]
    assert (r.url, r.verdict, r.claimant) == (url, verdict, claimant)
    assert r.reviewed_on and r.claim_date and r.language and r.publisher_name and r.publisher_site


def test_a_review_without_its_own_url_gets_the_page_fetched() -> None:
    page = (CR / "page-jsonld.html").read_bytes().replace(
        b'"url": "https://checks.example.org/2025/02/bridge-closure",', b"")
    got = precedents.read_precedent_file(page, name="p.html", url="https://checks.example.org/p")
    assert [(r.url, r.publisher_site) for r in got.rows] == [
        ("https://checks.example.org/p", "checks.example.org")]


# --- through the CLI: counts, deduplication, changed ratings ---------------------------------------

def test_import_the_three_shapes_then_again_nothing_changes(db_url: str) -> None:
    """Real CLI processes: each shape imported with its count; the same files again import
    nothing ("N already known") and change no stored row."""
    store = open_store(db_url)
    lines = []
    for name in ("factcheck-api.json", "datafeed.jsonld", "page-rdfa.html", "page-jsonld.html",
                 "factcheck-api-pages.jsonl", "page-microdata.html", "datafeed-graph.jsonld"):
        res = run_cli("precedents", "import", str(CR / name), "--no-embed", db=db_url)
        assert res.returncode == 0, res.stderr
        lines.append(res.stdout.strip())
    assert lines == [
        "imported 3 precedents into factcheck-api (3 imported, 0 already known)",
        "imported 1 precedents into datafeed (1 imported, 1 already known)",  # bus lanes: known
        "imported 1 precedents into page-rdfa (1 imported, 0 already known)",
        "imported 1 precedents into page-jsonld (1 imported, 0 already known)",
        "imported 1 precedents into factcheck-api-pages (1 imported, 2 already known)",
        "imported 0 precedents into page-microdata (0 imported, 1 already known)",
        "imported 0 precedents into datafeed-graph (0 imported, 1 already known)",
    ]
    before, n_events = rows(store), events(store)
    assert len(before) == 7 and len({r[2] for r in before}) == 7  # one row per review URL
    for name in ("factcheck-api.json", "datafeed.jsonld", "page-microdata.html"):
        res = run_cli("precedents", "import", str(CR / name), "--no-embed", db=db_url)
        assert res.returncode == 0 and "(0 imported, " in res.stdout, res.stdout + res.stderr
    assert rows(store) == before
    assert events(store) == n_events + 3  # each import is audited, nothing else is written
    river = by_url(store)["https://checks.example.org/2025/04/river-bridge"]
    assert (river.collection, river.publisher_name, river.publisher_site, river.claimant,
            river.claim_date, river.language, river.verdict, river.reviewed_on) == (
        "datafeed", "Example Checks", "checks.example.org", "A councillor of Northtown",
        date(2025, 4, 8), "en", "False", date(2025, 4, 12))
    # Searchable like any precedent.
    hits = services.sources.search_precedents(
        OWNER, [("q", "The spring flood reached the arches of the old bridge")], db=store)
    assert hits and hits[0][2].url == "https://checks.example.org/2025/04/river-bridge"


def test_a_new_rating_for_a_known_review_updates_it_and_an_older_one_does_not(store: Store) -> None:
    """§33: the same review URL with another rating or a later review date replaces the stored
    rating and dates (the audit event keeps the old and the new); an older review date, or
    the same rating and date, changes nothing."""
    services.sources.import_precedents(OWNER, CR / "datafeed.jsonld", embed=False, db=store)
    doc = json.loads((CR / "datafeed.jsonld").read_text())
    review = doc["dataFeedElement"][0]["item"][0]
    review["reviewRating"]["alternateName"] = "Mostly false"
    review["datePublished"] = "2025-04-20"
    res = services.sources.import_precedents(OWNER, json.dumps(doc).encode(), name="update.json",
                                             embed=False, db=store)
    assert (res.imported, res.known, res.updated) == (0, 1, 1)
    assert res.summary() == "0 imported, 1 already known, 1 updated"
    assert res.to_json() == {"imported": 0, "collection": "update", "embedded": None,
                             "known": 1, "updated": 1, "replaced": None}
    river = by_url(store)["https://checks.example.org/2025/04/river-bridge"]
    assert (river.verdict, river.reviewed_on, river.collection) == (
        "Mostly false", date(2025, 4, 20), "datafeed")
    with store.read() as s:
        last = s.exec(select(AuditEvent).order_by(col(AuditEvent.seq).desc())).first()
    assert last is not None and last.action == "precedents.import"
    assert last.new["changes"] == [{"url": "https://checks.example.org/2025/04/river-bridge",
                                    "collection": "datafeed",
                                    "verdict": ["False", "Mostly false"],
                                    "reviewed_on": ["2025-04-12", "2025-04-20"]}]
    # The feed's original (older) version again: known, nothing goes back.
    before = rows(store)
    res = services.sources.import_precedents(OWNER, CR / "datafeed.jsonld", embed=False, db=store)
    assert (res.imported, res.known, res.updated) == (0, 2, 0)
    assert rows(store) == before


def test_a_list_still_replaces_its_collection(store: Store) -> None:
    services.sources.import_precedents(OWNER, b"id\tclaim\n1\tOne\n2\tTwo\n", name="l.tsv",
                                       embed=False, db=store)
    res = services.sources.import_precedents(OWNER, b"id\tclaim\n3\tThree\n", name="l.tsv",
                                             embed=False, db=store)
    assert (res.imported, res.known, res.replaced) == (1, 0, 2)
    assert [r[1] for r in rows(store)] == ["3"]


# --- bad input: one line, exit 2, nothing stored -------------------------------------------------

BAD = {
    "malformed.json": (b'{"claims": [{"text": "x", ', "not valid JSON"),
    "malformed.jsonl": (b'{"claims": []}\n{"claims": [\n', "not valid JSON (line 2"),
    "no-claimreview.json": (b'{"@context": "https://schema.org", "@type": "WebPage"}',
                            "no ClaimReview object found"),
    "about.html": ((CR / "page-without-claimreview.html").read_bytes(),
                   "no ClaimReview object found in the page (JSON-LD, microdata or RDFa)"),
    "report.pdf": (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "binary data (PDF document)"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (PNG image)"),
    "notes.md": (b"# Notes\n\nNothing to import here.\n", "unknown precedent format"),
    "huge.json": (b'{"claims": [' + b'{"text": "padding"},' * 40_000 + b'{}]}',
                  "exceed the limit of 500,000 bytes"),
    "utf16.tsv": ("id\tclaim\n1\tUn texte\n".encode("utf-16-le"), "not UTF-8"),
    "no-claim.json": (b'{"@type": "ClaimReview", "url": "https://x.example/1"}',
                      "has no claimReviewed"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_one_line_exit_2_and_store_nothing(name: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    store = open_store(db)
    services.sources.import_precedents(OWNER, CR / "factcheck-api.json", embed=False, db=store)
    before, n_events = rows(store), events(store)
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    res = run_cli("precedents", "import", str(path), "--no-embed", db=db,
                  env={"VERIFIER_MAX_BYTES": "500000"})
    assert res.returncode == 2, (res.stdout, res.stderr)
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err, err
    assert err.startswith("error: ") and res.stdout == ""
    assert rows(store) == before and events(store) == n_events


# --- URLs: the fetch rules of URL ingestion, the page read in the limited worker ----------------

@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "127.0.0.1")  # the test server, on this machine
    routes = {f"/{p.name}": ("text/html; charset=utf-8", p.read_bytes())
              for p in CR.glob("page-*.html")}
    routes["/feed.json"] = ("application/json", (CR / "factcheck-api.json").read_bytes())
    routes["/logo.png"] = ("image/png", b"\x89PNG\r\n\x1a\n")
    with serve(routes) as base:
        yield base


def test_import_a_fact_check_page_by_url(pages: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    env = {"VERIFIER_ALLOW_HOSTS": "127.0.0.1"}
    res = run_cli("precedents", "import", f"{pages}/page-microdata.html", "--no-embed", db=db,
                  env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "imported 1 precedents into 127.0.0.1 (1 imported, 0 already known)"
    res = run_cli("precedents", "import", f"{pages}/feed.json", "--no-embed", db=db, env=env)
    assert res.stdout.strip() == "imported 3 precedents into 127.0.0.1 (3 imported, 0 already known)"
    res = run_cli("precedents", "import", f"{pages}/page-without-claimreview.html", db=db, env=env)
    assert res.returncode == 2 and "no ClaimReview object found in the page" in res.stderr
    res = run_cli("precedents", "import", f"{pages}/logo.png", db=db, env=env)
    assert res.returncode == 2 and "unsupported content type 'image/png'" in res.stderr
    res = run_cli("precedents", "import", f"{pages}/missing.html", db=db, env=env)
    assert res.returncode == 2 and "HTTP 404" in res.stderr
    # Without the test's setting, the address checks of URL ingestion refuse 127.0.0.1.
    res = run_cli("precedents", "import", f"{pages}/page-rdfa.html", db=db,
                  env={"VERIFIER_ALLOW_HOSTS": ""})
    assert res.returncode == 2 and "127.0.0.1 is an internal address" in res.stderr
    assert len(rows(open_store(db))) == 4


def test_pages_are_parsed_in_the_limited_worker(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages (extruct, lxml) are read in the limited worker: with its memory limit at 64 MB,
    too little for the worker to load the parsers, a page is "too complex" in one line and
    nothing is stored, while a JSON file the CLI user names is read in the process."""
    monkeypatch.setenv("VERIFIER_EXTRACT_MEMORY_MB", "64")
    store = open_store(f"sqlite:///{tmp_path / 'claims.db'}")
    with pytest.raises(services.PrecedentError, match="page-jsonld.html: document too complex"):
        services.sources.import_precedents(OWNER, CR / "page-jsonld.html", embed=False, db=store)
    assert rows(store) == []
    res = services.sources.import_precedents(OWNER, CR / "datafeed.jsonld", embed=False, db=store)
    assert res.imported == 2
    # Bytes from a browser or an API are untrusted whatever their format: the worker too.
    with pytest.raises(services.PrecedentError, match="document too complex"):
        services.sources.import_precedents(OWNER, (CR / "datafeed.jsonld").read_bytes(),
                                           name="feed.json", embed=False, db=store)


def test_new_and_updated_reviews_get_their_sentence_vectors(store: Store) -> None:
    """With the semantic extra: the new reviews' claims and titles are embedded at import;
    an import that adds or changes nothing embeds nothing; an updated review (which may sit in
    another collection) gets every precedent's vectors looked up, so dense retrieval, which
    needs all of them, stays on."""
    if not precedents.semantic_enabled():
        pytest.skip("the semantic extra is not installed")
    res = services.sources.import_precedents(OWNER, CR / "datafeed.jsonld", db=store)
    assert res.embedded == 4  # two claims, two titles
    res = services.sources.import_precedents(OWNER, CR / "datafeed.jsonld", db=store)
    assert (res.imported, res.embedded) == (0, None)
    services.sources.import_precedents(OWNER, CR / "factcheck-api.json", db=store)
    doc = json.loads((CR / "datafeed.jsonld").read_text())
    doc["dataFeedElement"][0]["item"][0] |= {"datePublished": "2025-05-01",
                                             "claimReviewed": "The flood reached the arches"}
    res = services.sources.import_precedents(OWNER, json.dumps(doc).encode(), name="u.json",
                                             db=store)
    assert res.updated == 1 and res.embedded == len({t for r in rows(store) for t in r[3:5] if t})


# --- hostile input: never a crash, one line; every parser linear in its input -------------------

_KEYS = ["@type", "@graph", "@id", "claims", "claimReview", "text", "url", "dataFeedElement",
         "item", "claimReviewed", "reviewRating", "alternateName", "author", "itemReviewed",
         "datePublished", "publisher", "site", "name", "inLanguage", "reviewDate", "claimDate",
         "firstAppearance", "textualRating", "languageCode"]
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["ClaimReview", "schema:ClaimReview", "DataFeed", "http://[::1",
                       "2025-13-45", "https://x.example/a", "", " "]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(_KEYS), children, max_size=6), max_leaves=40)


@given(_JSON)
@settings(max_examples=300, deadline=None)
def test_any_json_gives_reviews_or_one_line(doc: object) -> None:
    try:
        got = precedents.parse_precedents(json.dumps(doc).encode(), name="x.json")
    except precedents.PrecedentError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.json: ")
    else:
        assert got and all(r.claim.strip() and r.external_id for r in got)


@pytest.mark.parametrize(("data", "message"), [
    (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    (b'{"claims": [{"text": "x", "claimDate": ' + b"9" * 5000 + b"}]}", "not valid JSON"),
    (b'{"@graph": [{"@type": "ClaimReview", "claimReviewed": {"name": []}}]}',
     "has no claimReviewed"),
])
def test_hostile_json_is_one_line(data: bytes, message: str) -> None:
    with pytest.raises(precedents.PrecedentError, match=message) as caught:
        precedents.parse_precedents(data, name="x.json")
    assert "\n" not in str(caught.value)


def _datafeed(n: int) -> str:
    review = json.loads((CR / "datafeed.jsonld").read_text())["dataFeedElement"][0]["item"][0]
    return json.dumps({"@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [review | {"url": f"https://x.example/{i}"}]}
        for i in range(n)]})


def _api_pages(n: int) -> str:
    page = (CR / "factcheck-api.json").read_text().replace("\n", "")
    return "\n".join([page] * n)


def _rdfa_chain(n: int) -> str:
    """RDFa as extruct gives it: a ClaimReview whose author is node n, node i referring to
    nodes i-1, i-2 and i-3 (compacting each reference anew would take exponential time)."""
    nodes: list[dict[str, object]] = [{
        "@id": "cr", "@type": ["https://schema.org/ClaimReview"],
        "https://schema.org/claimReviewed": [{"@value": "A claim"}],
        "https://schema.org/author": [{"@id": f"_:n{n - 1}"}]}]
    for i in range(n):
        nodes.append({"@id": f"_:n{i}", "@type": ["https://schema.org/Thing"],
                      "https://schema.org/name": [{"@value": f"node {i}"}],
                      "https://schema.org/about": [{"@id": f"_:n{j}"}
                                                   for j in range(max(0, i - 3), i)]})
    return json.dumps(nodes)


def _rss(n: int) -> str:
    items = "".join(f"<item><title>Item {i}</title><link>https://x.example/{i}</link></item>"
                    for i in range(n))
    return f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>"


@pytest.mark.parametrize(("parse", "make"), [
    (lambda s: precedents.parse_precedents(s.encode(), name="f.json"), _datafeed),
    (lambda s: precedents.parse_precedents(s.encode(), name="p.jsonl"), _api_pages),
    (lambda s: claimreview._compact_rdfa(json.loads(s)), _rdfa_chain),
    (lambda s: parse_feed(s.encode(), name="f.xml"), _rss),
], ids=["datafeed", "api-pages", "rdfa-references", "rss"])
def test_parsers_are_linear(parse: Callable[[str], object], make: Callable[[int], str]) -> None:
    assert_linear(parse, make)
