"""JSON (everything about each claim) and schema.org ClaimReview JSON-LD, both streamed: the
opening, then one item per line, then the closing.

ClaimReview choices (docs/verdicts.md explains them, docs/decisions.md §26 records them): one
ClaimReview per claim with a verdict in an article (not a draft, not yet public), except "Not a
claim" (the reviewer found nothing to fact-check: publishing a review of it would say
otherwise); `claimReviewed` is the sentence the
claim stands in (a span such as "huit ans" says nothing on its own), `reviewBody` the reviewer's
note; `reviewRating` always has `alternateName` (the verdict, in the fixed English vocabulary of
models.VERDICTS), `bestRating` 5 and `worstRating` 1; `ratingValue` (1..5) only for the five
verdicts on the truth scale. Misattributed, Altered quote and Unverifiable are not points on
that scale, so they carry no `ratingValue`: a number would claim an order that is not there.
Every value is a plain JSON string: nothing in it is markup."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from verifier.report.context import ExportContext

# The truth scale: verdict -> ratingValue. The other verdicts have no place on it.
RATING_VALUES = {"True": 5, "Mostly true": 4, "Half true": 3, "Mostly false": 2, "False": 1}
# Verdicts that publish no ClaimReview: the span was found not to be a checkable claim.
NOT_PUBLISHED = frozenset({"Not a claim"})
ELLIPSIS = "…"
BEST_RATING, WORST_RATING = 5, 1
FORMAT_VERSION = 1


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def write_json(records: Iterable[dict[str, Any]], out: IO[str], ctx: ExportContext) -> int:
    head = _json({"seq": ctx.head_seq, "hash": ctx.head_hash})
    out.write(f'{{"format":"verifier-export","format_version":{FORMAT_VERSION},'
              f'"generated_at":{_json(ctx.generated_at)},"organisation":{_json(ctx.organisation)},'
              f'"audit_head":{head},"filters":{_json(ctx.filters)},\n"claims":[')
    rows = 0
    for rec in records:
        out.write(("\n" if rows == 0 else ",\n") + _json(rec))
        rows += 1
    out.write(f'\n],\n"rows":{rows}}}\n')
    return rows


def _speaker(name: str, attrs: dict[str, Any]) -> dict[str, Any]:
    kind = attrs.get("speaker_type") or attrs.get("speaker_kind")
    typ = "Organization" if str(kind).lower() in ("organization", "organisation", "org") else "Person"
    return {"@type": typ, "name": name}


def claim_author(rec: dict[str, Any]) -> dict[str, Any] | None:
    """Who made the claim: the speaker of a quote; for a claim the article itself makes, the
    article's author, else its site."""
    c, d = rec["claim"], rec["document"]
    who = c.get("reference") or c.get("speaker")
    if who and not (c.get("attrs") or {}).get("anonymous"):
        return _speaker(who, c.get("attrs") or {})
    if c["kind"] != "quote":
        if d.get("author"):
            return {"@type": "Person", "name": d["author"]}
        if d.get("site"):
            return {"@type": "Organization", "name": d["site"]}
    return None


def first_appearance(rec: dict[str, Any]) -> str | None:
    """Where the claim was first made, when known: an explicit `first_appearance` attribute, or
    for a quote the URL of the source passage it was matched to verbatim or nearly."""
    attrs = rec["claim"].get("attrs") or {}
    if attrs.get("first_appearance"):
        return str(attrs["first_appearance"])
    if rec["claim"]["kind"] == "quote":
        for ev in rec["evidence"]:
            cls = (ev.get("detail") or {}).get("class")
            if ev["kind"] == "passage" and ev.get("source_url") and cls in ("verbatim", "minor"):
                return str(ev["source_url"])
    return None


def rating(verdict: str) -> dict[str, Any]:
    r: dict[str, Any] = {"@type": "Rating", "alternateName": verdict,
                         "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if verdict in RATING_VALUES:
        r["ratingValue"] = RATING_VALUES[verdict]
    return r


def published(rec: dict[str, Any]) -> bool:
    """Whether a claim gets a ClaimReview: it has a verdict, not "Not a claim", and stands in
    an article (a draft is not public yet; a reference source is evidence, not what is
    reviewed)."""
    verdict = rec["claim"].get("verdict")
    return (bool(verdict) and verdict not in NOT_PUBLISHED
            and rec["document"].get("kind", "article") == "article")


def claim_in_sentence(c: dict[str, Any]) -> str:
    """The claim as a reader meets it: its sentence (iter_records(with_sentences=True)), on one
    line, with "…" where a very long sentence was cut; the claim's own text without one."""
    sentence = c.get("sentence")
    if not sentence:
        return " ".join(c["text"].split())
    text = " ".join(sentence["text"].split())
    if sentence.get("cut_before"):
        text = f"{ELLIPSIS} {text}"
    if sentence.get("cut_after"):
        text = f"{text} {ELLIPSIS}"
    return text


def claim_review(rec: dict[str, Any], ctx: ExportContext) -> dict[str, Any]:
    c, d = rec["claim"], rec["document"]
    url = ctx.claim_url(c["id"])
    item: dict[str, Any] = {"@type": "Claim"}
    author = claim_author(rec)
    if author:
        item["author"] = author
    if d.get("published"):
        item["datePublished"] = d["published"]
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    for key, val in (("url", d.get("url")), ("headline", d.get("title")),
                     ("datePublished", d.get("published"))):
        if val:
            appearance[key] = val
    item["appearance"] = appearance
    first = first_appearance(rec)
    if first:
        item["firstAppearance"] = {"@type": "CreativeWork", "url": first}
    review: dict[str, Any] = {
        "@type": "ClaimReview", "@id": url, "url": url, "claimReviewed": claim_in_sentence(c),
        "reviewRating": rating(c["verdict"]), "itemReviewed": item,
        "author": {"@type": "Organization", "name": ctx.organisation, "url": ctx.organisation_url},
        "inLanguage": d.get("language"),
    }
    if c.get("note"):
        review["reviewBody"] = str(c["note"])
    if c.get("reviewed_at"):
        review["datePublished"] = c["reviewed_at"][:10]
    return review


def write_jsonld(records: Iterable[dict[str, Any]], out: IO[str], ctx: ExportContext) -> int:
    """The JSON-LD document: {"@context", "auditHead", "@graph": [ClaimReview, ...]}, one
    ClaimReview per `published` claim. The `auditHead` key is verifier's own (not schema.org;
    consumers ignore it). The caller checked that an organisation signs it (ctx.publishable)."""
    if not ctx.publishable:  # pragma: no cover - refused before anything is written
        raise ValueError("ClaimReview needs the organisation that publishes it")
    out.write('{"@context":"https://schema.org",')
    out.write('"auditHead":' + _json({"seq": ctx.head_seq, "hash": ctx.head_hash}) + ',\n"@graph":[')
    rows = 0
    for rec in records:
        if not published(rec):
            continue
        out.write(("\n" if rows == 0 else ",\n") + _json(claim_review(rec, ctx)))
        rows += 1
    out.write("\n]}\n")
    return rows
