"""Facts of the knowledge base as plain records, the names they use, and the evidence shape
of a fact. Pure: packs are parsed in verifier.reference.packs, queried in memory by
verifier.reference.kb.KnowledgeBase, and stored as Fact rows by verifier.db.facts.

A `FactRecord` has the fields of the stored row that the knowledge base and the checks use;
`id` is None until the fact is stored. `aliases` holds {"entities": {name: {"type", "names",
"adjectives"}}} for the entities the fact names, so each record is self-contained; `extra`
holds the keys of `EXTRA_KEYS` the pack gave (of, place, participants, about, resolution,
note). See verifier.reference.packs for the predicates (`PREDICATES`) and the pack format."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from verifier.claims import FactEvidence

PREDICATES: dict[str, dict[str, Any]] = {
    "event": {"object": False, "valid_from": True, "valid_to": False,
              "types": ("event", None)},
    "holds_office": {"object": True, "valid_from": True, "valid_to": False,
                     "types": ("person", "office")},
    "presides": {"object": True, "valid_from": True, "valid_to": True,
                 "types": ("institution", "country")},
    "mandate": {"object": False, "valid_from": False, "valid_to": True,
                "types": ("mission", "institution")},
    "adopted": {"object": True, "valid_from": True, "valid_to": False,
                "types": ("resolution", "institution")},
    # a country's seat in an institution: `seat` permanent | non-permanent (issue 16); the
    # permanent members' seats need no start date
    "member_of": {"object": True, "valid_from": False, "valid_to": False,
                  "types": (None, "institution")},
}
ENTITY_TYPES = ("person", "country", "institution", "office", "event", "mission", "resolution",
                "place")
# Keys of a fact entry that are kept in FactRecord.extra (and Fact.extra in the store).
EXTRA_KEYS = ("of", "place", "participants", "about", "resolution", "note", "seat")


@dataclass(frozen=True, kw_only=True)
class FactRecord:
    """One fact, as parsed from a pack or read from the store."""
    id: int | None = None
    pack: str
    subject: str
    predicate: str
    object: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    source_title: str | None = None
    source_url: str | None = None
    aliases: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None
    # Provenance (docs/facts-packs.md): the dataset, the entity id or row in it, the day it
    # was retrieved, its licence. None for hand-written packs that do not say.
    dataset: str | None = None
    source_ref: str | None = None
    retrieved: date | None = None
    licence: str | None = None


@dataclass(frozen=True, kw_only=True)
class PackInfo:
    """A stored pack as the knowledge base and the shells see it: its build date, the last day
    its facts cover (a claim dated after it cannot be settled by the pack), licence, sources."""
    name: str
    facts: int = 0
    built: date | None = None
    covered_until: date | None = None
    licence: str | None = None
    description: str | None = None
    sources: tuple[dict[str, Any], ...] = ()

    def ends(self) -> date | None:
        """The last day the pack speaks for: covered_until, else its build date."""
        return self.covered_until or self.built


# --------------------------------------------------------------------------------------------
# Name normalisation
# --------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|the|a|an)\s+|[ld]')")
_NON_WORD = re.compile(r"[^\w']+")


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """One character, lowercased without its accents; always one character (offsets stay)."""
    if c in "’‘ʼ`´":
        return "'"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """Lowercase without accents, same length as `text` (so offsets into it stay valid)."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The key names are compared by: lowercase, no accents, straight apostrophes, no leading
    article (le, la, les, l', the, a, an), punctuation and hyphens as spaces. Idempotent."""
    s = fold(name.translate(_APOSTROPHES)).strip()
    s = _NON_WORD.sub(" ", s.replace("_", " ")).strip()
    prev = None
    while prev != s:  # "A'0" -> "a 0" -> "0": an article can appear once apostrophes go
        prev = s
        s = _LEADING_ARTICLE.sub("", s).strip(" '")
        if _LEADING_ARTICLE.match(s) is None:
            s = re.sub(r"\s+", " ", s.replace("'", " ")).strip()
    return s


# --------------------------------------------------------------------------------------------
# Entities: a canonical name, its type, its aliases and adjectives per language
# --------------------------------------------------------------------------------------------


@dataclass
class Entity:
    name: str
    type: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"type": self.type, "names": self.aliases, "adjectives": self.adjectives}


def merge_names(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    """Add the names of `more` ({lang: names}) to `into`, each name once per language."""
    for lang, names in more.items():
        bucket = into.setdefault(lang, [])
        for n in names:
            if n not in bucket:
                bucket.append(n)


# The score of a fact found by its date, event or period rather than by a name (0-100, like
# every evidence score).
FOUND_BY_DATE = 100.0


def fact_evidence(fact: FactRecord, *, score: float, method: str) -> FactEvidence:
    """The evidence of the check contract for one fact; `score` 0-100 (how well the claim's
    names matched the fact's: KnowledgeBase.match_entity's score; FOUND_BY_DATE when no name
    was matched), kept to one decimal."""
    return FactEvidence(fact_id=fact.id, pack=fact.pack, subject=fact.subject,
                        predicate=fact.predicate, object=fact.object or None,
                        valid_from=fact.valid_from.isoformat() if fact.valid_from else None,
                        valid_to=fact.valid_to.isoformat() if fact.valid_to else None,
                        source_title=fact.source_title, source_url=fact.source_url,
                        score=round(float(score), 1), method=method,
                        extra=dict(fact.extra) if fact.extra else None)



# --------------------------------------------------------------------------------------------
# Facts read as sentences
# --------------------------------------------------------------------------------------------


def _day(d: date | str | None) -> str:
    from verifier.calendar_names import month_name

    if isinstance(d, str):
        try:
            return _day(date.fromisoformat(d[:10]))
        except ValueError:
            return d
    return f"{d.day} {month_name(d.month)} {d.year}" if d else ""


def _during(valid_from: date | str | None, valid_to: date | str | None) -> str:
    if valid_from and valid_to:
        return f"from {_day(valid_from)} to {_day(valid_to)}"
    if valid_from:
        return f"since {_day(valid_from)}"
    if valid_to:
        return f"until {_day(valid_to)}"
    return ""


def fact_sentence(subject: str, predicate: str, obj: str | None = None,
                  valid_from: date | str | None = None, valid_to: date | str | None = None,
                  extra: dict[str, Any] | None = None) -> str | None:
    """A fact of a pack as an English sentence, for people reading the knowledge base ("Russia
    presided over the UN Security Council from 1 October 2025 to 31 October 2025."), or None
    for a predicate this does not know how to say (show its subject, relation and object)."""
    extra = extra or {}
    during = _during(valid_from, valid_to)
    if predicate == "event" and valid_from:
        place = f" in {extra['place']}" if extra.get("place") else ""
        what = f": {obj}" if obj else " took place"
        return f"{subject}{what} on {_day(valid_from)}{place}."
    if predicate == "holds_office" and obj:
        of = f" of {extra['of']}" if extra.get("of") else ""
        verb = "was" if valid_to else "has been" if valid_from else "is"
        return f"{subject} {verb} {obj}{of}" + (f" {during}." if during else ".")
    if predicate == "presides" and obj:
        return f"{obj} presides over the {subject}" + (f" {during}." if during else ".")
    if predicate == "mandate":
        by = f" (given by the {obj})" if obj else ""
        res = f", set by {extra['resolution']}" if extra.get("resolution") else ""
        return f"The mandate of {subject}{by} runs {during}{res}." if during else None
    if predicate == "member_of" and obj:
        return f"{subject} is a member of {obj}" + (f" {during}." if during else ".")
    if predicate == "adopted" and obj and valid_from:
        about = f" about {extra['about']}" if extra.get("about") else ""
        return f"{subject}{about} was adopted by the {obj} on {_day(valid_from)}."
    return None
