"""ClaimReview in: the shapes fact-checkers publish their reviews in, read as precedent rows
(pure; docs/claimreview-and-feeds.md).

- **JSON-LD** (schema.org): ClaimReview objects alone, in a list, in an `@graph`, or in a
  `DataFeed` (`dataFeedElement[]`, each a ClaimReview or a `DataFeedItem` whose `item` holds
  them).
- **Google Fact Check Tools API** responses (`claims[].claimReview[]`), one response or several
  pages of responses, one JSON value per line.
- **Saved fact-check pages** (HTML): the ClaimReview they embed as JSON-LD, microdata or RDFa,
  read by extruct (lxml). Called in the limited worker (verifier.sandbox) by the services.

Each review keeps its URL (the key precedents are deduplicated by), the claim, the review's
title, rating, date and language, the publisher (name, site), the claimant and the claim's
date. Every walk is over the parsed document once: linear in its size."""
from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any


class PrecedentError(ValueError):
    """A precedent file that cannot be imported; str() is one line naming the file."""


@dataclass(frozen=True)
class PrecedentRow:
    external_id: str
    claim: str
    title: str | None = None
    verdict: str | None = None
    url: str | None = None
    reviewed_on: date | None = None
    language: str | None = None
    publisher_name: str | None = None
    publisher_site: str | None = None
    claimant: str | None = None
    claim_date: date | None = None


def parse_date(value: Any) -> date | None:
    """The date of an ISO 8601 date or date-time (its first ten characters), else None."""
    if not value or not isinstance(value, str | date):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


# ------------------------------------------------------------------------------ JSON documents


def json_documents(data: str, *, origin: str) -> list[Any]:
    """The JSON values of `data`: one document, or one per non-empty line (pages of API
    responses concatenated as JSON lines)."""
    try:
        return [json.loads(data)]
    except json.JSONDecodeError as exc:
        first = exc
    except RecursionError:
        raise PrecedentError(f"{origin}: JSON nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise PrecedentError(f"{origin}: not valid JSON ({_first_line(exc)})") from None
    lines = [(n, line) for n, line in enumerate(data.splitlines(), 1) if line.strip()]
    if len(lines) < 2:
        raise PrecedentError(f"{origin}: not valid JSON ({first.msg} at line {first.lineno})")
    docs = []
    for n, line in lines:
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise PrecedentError(f"{origin}: not valid JSON (line {n}: {exc.msg})") from None
        except ValueError as exc:
            raise PrecedentError(f"{origin}: not valid JSON (line {n}: {_first_line(exc)})") from None
        except RecursionError:
            raise PrecedentError(f"{origin}: JSON nested too deeply (line {n})") from None
    return docs


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _type_names(obj: dict[str, Any]) -> set[str]:
    """The @type of a node without its vocabulary: "ClaimReview", "schema:ClaimReview" and
    "https://schema.org/ClaimReview" are all ClaimReview."""
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names
            if isinstance(n, str)}


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _text(value: Any) -> str | None:
    """A plain string property (the first of a list; a node's name), stripped; else None."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        s = str(value).strip()
        return s or None
    return None


def _site(url: Any) -> str | None:
    """The host name of an http(s) URL ("checks.example.org"), else None."""
    u = _text(url)
    if not u:
        return None
    try:
        parts = urllib.parse.urlsplit(u)
        host = parts.hostname
    except ValueError:  # "http://[::1" and other unparsable URLs
        return None
    return host if parts.scheme.lower() in ("http", "https") and host else None


def _nodes(doc: Any) -> Iterator[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """Every review in a parsed document as ("schema", ClaimReview node, None) or ("google",
    review, claim): through lists, @graph, DataFeed elements and their items, and the `claims`
    of an API response. Iterative (no recursion limit on hostile nesting)."""
    stack = [doc]
    while stack:
        d = stack.pop()
        if isinstance(d, list):
            stack.extend(reversed(d))
            continue
        if not isinstance(d, dict):
            continue
        claims = d.get("claims")
        if isinstance(claims, list):
            for c in claims:
                if isinstance(c, dict) and isinstance(c.get("claimReview"), list):
                    for r in c["claimReview"]:
                        if isinstance(r, dict):
                            yield "google", r, c
        types = _type_names(d)
        if "ClaimReview" in types or ("claimReviewed" in d and not types & {"DataFeed"}):
            yield "schema", d, None
            continue
        for key in ("item", "dataFeedElement", "@graph"):
            if key in d:
                stack.append(d[key])


def _schema_row(obj: dict[str, Any], n: int, origin: str) -> PrecedentRow:
    item = _first(obj.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    claim = _text(obj.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        raise PrecedentError(f"{origin}: ClaimReview {n} has no claimReviewed")
    rating = _first(obj.get("reviewRating"))
    verdict = (_text(rating.get("alternateName")) or _text(rating.get("name"))
               if isinstance(rating, dict) else None)
    author = _first(obj.get("author")) or _first(obj.get("publisher"))
    pub_name = _text(author) if author is not None else None
    pub_site = _site(author.get("url")) if isinstance(author, dict) else None
    appearance = _first(item.get("firstAppearance")) or _first(item.get("appearance"))
    claim_date = parse_date(_text(item.get("datePublished")))
    if claim_date is None and isinstance(appearance, dict):
        claim_date = parse_date(_text(appearance.get("datePublished")))
    url = _text(obj.get("url"))
    lang = obj.get("inLanguage")
    return PrecedentRow(
        external_id=str(_text(obj.get("@id")) or url or f"claimreview-{n}"), claim=claim,
        title=_text(obj.get("headline")) or _text(obj.get("name")), verdict=verdict, url=url,
        reviewed_on=parse_date(_text(obj.get("datePublished"))),
        language=_text(lang.get("alternateName") or lang.get("name"))
        if isinstance(lang, dict) else _text(lang),
        publisher_name=pub_name, publisher_site=pub_site or _site(url),
        claimant=_text(item.get("author")), claim_date=claim_date)


def _google_row(review: dict[str, Any], claim: dict[str, Any], n: int,
                origin: str) -> PrecedentRow:
    text = _text(claim.get("text"))
    if not text:
        raise PrecedentError(f"{origin}: claim {n} of the API response has no text")
    url = _text(review.get("url"))
    publisher = review.get("publisher")
    publisher = publisher if isinstance(publisher, dict) else {}
    return PrecedentRow(
        external_id=url or f"claimreview-{n}", claim=text, title=_text(review.get("title")),
        verdict=_text(review.get("textualRating")), url=url,
        reviewed_on=parse_date(_text(review.get("reviewDate"))),
        language=_text(review.get("languageCode")), publisher_name=_text(publisher.get("name")),
        publisher_site=_text(publisher.get("site")) or _site(url),
        claimant=_text(claim.get("claimant")), claim_date=parse_date(_text(claim.get("claimDate"))))


def _newest_by_url(rows: list[PrecedentRow]) -> list[PrecedentRow]:
    """One row per review URL (the newest review date; the first of equals), and external ids
    made unique (a second review of the same @id gets '#n'), in the order first seen."""
    by_key: dict[str, PrecedentRow] = {}
    ids: set[str] = set()
    for n, r in enumerate(rows, 1):
        if r.url:
            old = by_key.get(r.url)
            if old is None or (r.reviewed_on and (not old.reviewed_on
                                                  or r.reviewed_on > old.reviewed_on)):
                by_key[r.url] = r if old is None else _with_id(r, old.external_id)
            if old is None:
                ids.add(r.external_id)
            continue
        ext = r.external_id if r.external_id not in ids else f"{r.external_id}#{n}"
        ids.add(ext)
        by_key[f"\0{ext}"] = _with_id(r, ext)
    return list(by_key.values())


def _with_id(r: PrecedentRow, ext: str) -> PrecedentRow:
    return r if r.external_id == ext else PrecedentRow(**{**r.__dict__, "external_id": ext})


def rows_of(docs: list[Any], *, origin: str) -> list[PrecedentRow]:
    """The reviews of parsed JSON documents (any of the shapes of the module doc); raises
    PrecedentError when there is none."""
    rows: list[PrecedentRow] = []
    for doc in docs:
        for shape, node, claim in _nodes(doc):
            n = len(rows) + 1
            rows.append(_google_row(node, claim, n, origin) if shape == "google" and claim
                        else _schema_row(node, n, origin))
    if not rows:
        raise PrecedentError(f"{origin}: no ClaimReview object found")
    return _newest_by_url(rows)


def parse_json(data: str, *, origin: str) -> list[PrecedentRow]:
    """The reviews of a JSON or JSON-lines file."""
    return rows_of(json_documents(data, origin=origin), origin=origin)


# ------------------------------------------------------------------------------ HTML pages

_SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/")
# How deep references are followed from a ClaimReview (itemReviewed -> author -> name needs 2;
# a chain of references in a hostile page stops here, as ids).
_RDFA_DEPTH = 6


def _compact_rdfa(nodes: list[Any]) -> list[dict[str, Any]]:
    """extruct's RDFa (expanded JSON-LD: full property IRIs, values as lists of {"@value"} or
    {"@id"}) as plain nested schema.org nodes. Each node is compacted once (shared, not copied,
    where several refer to it; a reference back to a node being compacted stays an id): linear
    in the number of properties, whatever the references."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n, dict) and isinstance(n.get("@id"), str)}
    done: dict[str, dict[str, Any]] = {}
    busy: set[str] = set()

    def value(v: Any, depth: int) -> Any:
        if not isinstance(v, dict):
            return None
        if "@value" in v:
            return v["@value"]
        ref = v.get("@id")
        target = by_id.get(ref) if isinstance(ref, str) else None
        if target is None or not target.get("@type") or ref in busy or depth >= _RDFA_DEPTH:
            return ref
        return compact(target, depth + 1)

    def compact(node: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        key = node.get("@id")
        if isinstance(key, str) and key in done:
            return done[key]
        out: dict[str, Any] = {"@type": [_strip(t) for t in _list(node.get("@type"))
                                         if isinstance(t, str)]}
        if isinstance(key, str):
            out["@id"] = key
            busy.add(key)
            done[key] = out
        for prop, values in node.items():
            if prop.startswith("@") or not prop.startswith(_SCHEMA_PREFIXES):
                continue
            got = [x for x in (value(v, depth) for v in _list(values)) if x is not None]
            if got:
                out[_strip(prop)] = got[0] if len(got) == 1 else got
        if isinstance(key, str):
            busy.discard(key)
        return out

    return [compact(n) for n in nodes if isinstance(n, dict)
            and "ClaimReview" in {_strip(t) for t in _list(n.get("@type")) if isinstance(t, str)}]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _strip(iri: str) -> str:
    for p in _SCHEMA_PREFIXES:
        if iri.startswith(p):
            return iri[len(p):]
    return iri


def parse_html(data: bytes, *, origin: str, base_url: str | None = None) -> list[PrecedentRow]:
    """The ClaimReview a saved fact-check page embeds (JSON-LD, microdata, RDFa), read by
    extruct; a review without a URL of its own gets the page's (`base_url`)."""
    import extruct  # lxml and rdflib: loaded only when a page is read

    try:
        found = extruct.extract(data, base_url=base_url, syntaxes=["json-ld", "microdata", "rdfa"],
                                uniform=True, errors="ignore")
    except Exception as exc:  # noqa: BLE001 - lxml/rdflib errors on hostile markup
        raise PrecedentError(f"{origin}: cannot read the page ({type(exc).__name__})") from None
    docs = list(found.get("json-ld") or []) + list(found.get("microdata") or [])
    docs += _compact_rdfa(list(found.get("rdfa") or []))
    try:
        rows = rows_of(docs, origin=origin)
    except PrecedentError as exc:
        if str(exc).endswith("no ClaimReview object found"):
            raise PrecedentError(f"{origin}: no ClaimReview object found in the page "
                                 "(JSON-LD, microdata or RDFa)") from None
        raise
    if base_url:
        rows = [r if r.url else PrecedentRow(**{**r.__dict__, "url": base_url,
                                                "external_id": base_url,
                                                "publisher_site": r.publisher_site
                                                or _site(base_url)})
                for r in rows]
    return _newest_by_url(rows)
