"""The in-memory knowledge base: `KnowledgeBase` answers dated questions over `FactRecord`s
(who held an office on a day, which country presided a council in a month, when an event
happened) and matches names written in several languages and spellings to one canonical
entity. Pure: no database (verifier.db.facts.load_knowledge_base builds one from the store)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from verifier.reference.facts import (
    Entity,
    FactRecord,
    PackInfo,
    fold,
    merge_names,
    normalise_name,
)
from verifier.reference.packs import parse_pack


class EntityMatch(NamedTuple):
    name: str
    score: float
    partial: bool = False  # a person named by part of their name only ("Erdogan")


class Mention(NamedTuple):
    start: int
    end: int
    name: str
    type: str | None
    adjective: bool


# Fuzzy matching thresholds: below MIN_FUZZY_LEN characters only exact (normalised) names
# match, so "ONU" or "Lula" never fuzzily becomes something else; single words need a higher
# score than multi-word names.
MIN_FUZZY_LEN = 6
FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_ONE_WORD = 92.0


# A person named by part of their name ("le président Erdogan", "Bassirou Diomaye Faye" for
# Bassirou Diomaye Diakhar Faye) matches with this score when no other person of the knowledge
# base answers to the same part; the checks never contradict on such a match (check/knowledge).
PARTIAL_NAME_SCORE = 90.0
MIN_PARTIAL_WORD = 4

# Two fuzzy candidates of the same type closer than this (0-100) are ambiguous: no match.
FUZZY_MARGIN = 3.0


def _ambiguous(names: Sequence[str], type_of: Callable[[str], str | None]) -> bool:
    """Several distinct entities of one type answer to the same name (two Castros)."""
    if len(set(names)) < 2:
        return False
    types = [type_of(n) for n in names]
    return len(set(types)) < len(types)


def _same_surname(a: str, b: str) -> bool:
    """Whether two normalised multi-word names end with similar words: a fuzzy match may
    forgive a transliterated first name (Sergueï / Sergey) but not another last word
    (Jong-un / Jong-il; George W. Bush / George H. W. Bush keep their own initials)."""
    wa, wb = a.split(), b.split()
    if fuzz.ratio(wa[-1], wb[-1]) < 80:
        return False
    if len(wa) > 1 and len(wb) > 1 and len(wa[-2]) <= 3 and len(wb[-2]) <= 3:
        return wa[-2] == wb[-2]  # "jong un" / "jong il" split: un != il
    return True


def _writes_part(words: list[str], name: list[str]) -> bool:
    """Do `words` write part of the full `name`: a later name alone, or the first and last
    names with names between left out, in order?"""
    if len(words) >= len(name):
        return False
    if len(words) == 1:
        return words[0] in name[1:]
    if words[0] != name[0] or words[-1] != name[-1]:
        return False
    it = iter(name)
    return all(w in it for w in words)


def _space_key(s: str) -> str:
    return re.sub(r"[\s\-\u00a0]+", " ", s)


def _covers(fact: FactRecord, at: date) -> bool:
    return (fact.valid_from is None or fact.valid_from <= at) and \
           (fact.valid_to is None or at <= fact.valid_to)


class KnowledgeBase:
    """Facts and entity names in memory; pure queries, no database."""

    def __init__(self, facts: Iterable[FactRecord], packs: Iterable[PackInfo] = ()):
        self.facts: list[FactRecord] = list(facts)
        self.packs: dict[str, PackInfo] = {p.name: p for p in packs}
        self.entities: dict[str, Entity] = {}
        for fact in self.facts:
            for name, info in ((fact.aliases or {}).get("entities") or {}).items():
                ent = self.entities.setdefault(name, Entity(name=name))
                ent.type = ent.type or info.get("type")
                merge_names(ent.aliases, info.get("names") or {})
                merge_names(ent.adjectives, info.get("adjectives") or {})
            for name in (fact.subject, fact.object if fact.predicate != "event" else None):
                if name:
                    self.entities.setdefault(name, Entity(name=name))
        self._index: dict[str, set[str]] = {}
        self._adjectives: dict[str, set[str]] = {}
        for ent in self.entities.values():
            for alias in [ent.name, *(a for names in ent.aliases.values() for a in names)]:
                key = normalise_name(alias)
                if key:
                    self._index.setdefault(key, set()).add(ent.name)
            for adj in (a for names in ent.adjectives.values() for a in names):
                key = normalise_name(adj)
                if key:
                    self._adjectives.setdefault(key, set()).add(ent.name)
        self._keys = list(self._index)
        self._mention_re: re.Pattern[str] | None = None
        self._institution_offices: dict[str, list[str]] | None = None
        self._mention_forms: dict[str, list[tuple[str, bool, bool]]] = {}
        self._name_words: dict[str, dict[str, list[list[str]]]] | None = None

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def from_pack(cls, *packs: str | Path | bytes) -> KnowledgeBase:
        facts: list[FactRecord] = []
        for p in packs:
            facts.extend(parse_pack(p).facts)
        return cls(facts)

    @classmethod
    def demo(cls) -> KnowledgeBase:
        from importlib import resources
        return cls.from_pack((resources.files("verifier") / "data" / "demo" / "facts.yaml").read_bytes())

    def __len__(self) -> int:
        return len(self.facts)

    # --- packs and what they cover -------------------------------------------------------

    def covered_until(self, pack: str) -> date | None:
        """The last day pack `pack` speaks for (its covered_until, else its build date); None
        when the pack says neither (a hand-written pack: no limit is assumed)."""
        info = self.packs.get(pack)
        return info.ends() if info else None

    def beyond_coverage(self, at: date, packs: Iterable[str] | None = None) -> PackInfo | None:
        """The pack (of `packs`, or of every pack the knowledge base knows) that ends before
        `at`, the earliest-ending one; None when every pack covers `at` or says no end. A check
        finding on a date past it says "cannot confirm: the pack ends on ...", never
        "contradicted" (check/assess.py:knowledge_check)."""
        names = set(packs) if packs is not None else set(self.packs)
        ended = [p for n in names if (p := self.packs.get(n)) is not None
                 and p.ends() is not None and p.ends() < at]  # type: ignore[operator]
        return min(ended, key=lambda p: (p.ends(), p.name)) if ended else None

    def packs_used(self) -> list[PackInfo]:
        """The packs whose facts this knowledge base holds, by name (with their build dates)."""
        names = {f.pack for f in self.facts} | set(self.packs)
        return [self.packs.get(n) or PackInfo(name=n) for n in sorted(names)]

    # --- names ----------------------------------------------------------------------------

    def entity_type(self, name: str) -> str | None:
        ent = self.entities.get(name)
        return ent.type if ent else None

    def match_entity(self, name: str, *, types: Sequence[str] | None = None) -> EntityMatch | None:
        """The canonical entity a name refers to, with a score 0-100; None when nothing is
        close enough. Exact normalised matches (accents, case, articles, apostrophes and
        punctuation ignored) score 100; otherwise a token-sort ratio over all names and
        aliases, only for names of at least MIN_FUZZY_LEN characters, above FUZZY_CUTOFF
        (FUZZY_CUTOFF_ONE_WORD for one-word names)."""
        key = normalise_name(name)
        if not key:
            return None

        def allowed(n: str) -> bool:
            return types is None or self.entity_type(n) in types

        exact = sorted(n for n in self._index.get(key, ()) if allowed(n))
        if exact:
            own = [n for n in exact if normalise_name(n) == key]
            if len(own) == 1:  # an entity's own name beats another's alias ("President", not
                return EntityMatch(own[0], 100.0)  # the Chair whose French alias is "président")
            if _ambiguous(exact, self.entity_type):
                return None  # "Castro" for Fidel and Raúl: which one is not for us to guess
            return EntityMatch(exact[0], 100.0)
        if len(key) < MIN_FUZZY_LEN:
            return self._partial_person(key, types)
        one_word = " " not in key
        cutoff = FUZZY_CUTOFF_ONE_WORD if one_word else FUZZY_CUTOFF
        scored: dict[str, float] = {}
        for cand, score, _ in process.extract(key, self._keys, scorer=fuzz.token_sort_ratio,
                                              score_cutoff=cutoff, limit=10):
            if one_word != (" " not in cand) and score < 95:
                continue  # "Lavrov" must not fuzzily match a two-word name
            if not one_word and (len(key.split()) != len(cand.split())
                                 or not _same_surname(key, cand)):
                # Fuzzy matching forgives spelling (Sergueï / Sergey), not a missing or other
                # word: "George Bush" is not "George W. Bush", "Kim Jong-un" not "Kim Jong-il".
                continue
            for n in self._index[cand]:
                if allowed(n) and score > scored.get(n, 0.0):
                    scored[n] = float(score)
        if not scored:
            return self._partial_person(key, types)
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN \
                and _ambiguous([n for n, _ in ranked[:2]], self.entity_type):
            return None  # two entities of one kind equally close: no guess
        return EntityMatch(*ranked[0])

    def _partial_person(self, key: str, types: Sequence[str] | None) -> EntityMatch | None:
        """The one person whose name the normalised `key` writes in part: its surname or a
        later name alone ("erdogan", "diomaye": never the first name alone), or its first and
        last names with some of the names between left out ("bassirou diomaye faye"). None when
        no person, or more than one, answers to it (two Castros, two Bushes)."""
        words = key.split()
        if (types is not None and "person" not in types) or \
                (len(words) == 1 and len(words[0]) < MIN_PARTIAL_WORD):
            return None
        found = {person for person, names in self._person_names().get(words[-1], {}).items()
                 if any(_writes_part(words, n) for n in names)}
        if len(found) != 1:
            return None
        return EntityMatch(found.pop(), PARTIAL_NAME_SCORE, partial=True)

    def _person_names(self) -> dict[str, dict[str, list[list[str]]]]:
        """word -> person -> the person's names (normalised, as word lists) holding it."""
        if self._name_words is None:
            index: dict[str, dict[str, list[list[str]]]] = {}
            for ent in self.entities.values():
                if ent.type != "person":
                    continue
                for alias in [ent.name, *(a for names in ent.aliases.values() for a in names)]:
                    ws = normalise_name(alias).split()
                    for w in set(ws):
                        index.setdefault(w, {}).setdefault(ent.name, []).append(ws)
            self._name_words = index
        return self._name_words

    def match_adjective(self, word: str) -> str | None:
        """The country a demonym names ("russe", "Russian" -> Russia), if the KB knows it."""
        names = sorted(self._adjectives.get(normalise_name(word), ()))
        return names[0] if names else None

    def _compile_mentions(self) -> re.Pattern[str]:
        if self._mention_re is None:
            forms: dict[str, list[tuple[str, bool, bool]]] = {}
            for ent in self.entities.values():
                aliases = [ent.name, *(a for v in ent.aliases.values() for a in v)]
                for alias in aliases:
                    f = _space_key(fold(alias.strip()))
                    if len(f) >= 2:
                        forms.setdefault(f, []).append((ent.name, alias.isupper(), False))
                for adj in (a for v in ent.adjectives.values() for a in v):
                    f = _space_key(fold(adj.strip()))
                    if len(f) >= 3:
                        forms.setdefault(f, []).append((ent.name, False, True))
            self._mention_forms = forms
            alts = sorted(forms, key=len, reverse=True)
            body = "|".join(re.sub(r"(?:\\ |\\-|\s|-)+", r"[\\s\\-\\u00a0]+", re.escape(a))
                            for a in alts) or r"(?!x)x"
            self._mention_re = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")
        return self._mention_re

    def find_mentions(self, text: str, *, types: Sequence[str] | None = None,
                      adjectives: bool = False) -> list[Mention]:
        """Non-overlapping mentions of known names (longest first) in `text`, accent- and
        case-insensitive except for acronyms, which must be written in capitals."""
        pattern = self._compile_mentions()
        folded = fold(text)
        out: list[Mention] = []
        for m in pattern.finditer(folded):
            cands = self._mention_forms.get(_space_key(m.group()), [])
            for name, acronym, is_adj in cands:
                if acronym and not text[m.start():m.end()].isupper():
                    continue
                if is_adj and not adjectives:
                    continue
                if types is not None and self.entity_type(name) not in types:
                    continue
                out.append(Mention(m.start(), m.end(), name, self.entity_type(name), is_adj))
                break
        return out

    # --- dated queries ----------------------------------------------------------------------

    def _resolve(self, name: str, types: Sequence[str] | None = None) -> str | None:
        m = self.match_entity(name, types=types)
        return m.name if m else None

    def facts_about(self, name: str, predicate: str | None = None) -> list[FactRecord]:
        return [f for f in self.facts if name in (f.subject, f.object, (f.extra or {}).get("about"))
                and (predicate is None or f.predicate == predicate)]

    def when(self, event_name: str) -> FactRecord | None:
        """The dated fact (event or adoption) of an event, by any of its names."""
        name = self._resolve(event_name, ("event", "resolution"))
        if name is None:
            mentions = self.find_mentions(event_name, types=("event", "resolution"))
            if not mentions:
                return None
            name = mentions[0].name
        for f in self.facts:
            if f.subject == name and f.predicate in ("event", "adopted"):
                return f
        return None

    def office_holders_at(self, office: str, at: date, of: str | None = None) -> list[FactRecord]:
        office_name = self._resolve(office, ("office",)) or office
        of_name = (self._resolve(of) or self.match_adjective(of) or of) if of else None
        return [f for f in self.facts
                if f.predicate == "holds_office" and f.object == office_name and _covers(f, at)
                and (of_name is None or (f.extra or {}).get("of") == of_name)]

    def office_holder_at(self, office: str, at: date, of: str | None = None) -> FactRecord | None:
        """Who held `office` (of a country or institution) on `at`; None when the KB has no
        record, or when several holders match and `of` was not given."""
        holders = self.office_holders_at(office, at, of)
        return holders[0] if len(holders) == 1 else None

    def offices_of(self, person: str, at: date | None = None) -> list[FactRecord]:
        """The offices a person held on `at` (every recorded office when `at` is None)."""
        name = self._resolve(person, ("person",))
        if name is None:
            return []
        return [f for f in self.facts if f.predicate == "holds_office" and f.subject == name
                and (at is None or _covers(f, at))]

    def offices_at_institution(self, institution: str) -> list[str]:
        """The offices the knowledge base records holders of at an institution (the `of` of its
        holds_office facts), the most held first: what "the president of the IMF" can be."""
        if self._institution_offices is None:
            counts: dict[str, dict[str, int]] = {}
            for f in self.facts:
                of = (f.extra or {}).get("of")
                if f.predicate == "holds_office" and of and f.object:
                    per = counts.setdefault(of, {})
                    per[f.object] = per.get(f.object, 0) + 1
            self._institution_offices = {of: sorted(per, key=lambda o: (-per[o], o)) for of, per in counts.items()}
        return list(self._institution_offices.get(institution, ()))

    def is_name_of(self, entity: str, written: str) -> bool:
        """Whether `written` is the entity's name or one of its aliases (compared normalised)."""
        ent = self.entities.get(entity)
        key = normalise_name(written)
        return ent is not None and bool(key) and any(
            normalise_name(a) == key for a in (ent.name, *(a for v in ent.aliases.values() for a in v)))

    def presiding_at(self, institution: str, at: date) -> FactRecord | None:
        """The presides fact (institution presided by a country) covering `at`."""
        name = self._resolve(institution, ("institution",))
        if name is None:
            return None
        for f in self.facts:
            if f.predicate == "presides" and f.subject == name and _covers(f, at):
                return f
        return None

    def dated_facts_about(self, name: str) -> list[tuple[FactRecord, date]]:
        """(fact, the day it records) for facts that happen on a day: an event, an adoption,
        the last day of a mandate."""
        out = []
        for f in self.facts_about(name):
            if f.predicate in ("event", "adopted") and f.valid_from:
                out.append((f, f.valid_from))
            elif f.predicate == "mandate" and f.valid_to:
                out.append((f, f.valid_to))
        return out


    # --- lookups for the claims of issue 16 ------------------------------------------------

    def resolution_by_number(self, number: str | int) -> FactRecord | None:
        """The adoption fact of the resolution with this number ("2756" -> Resolution 2756
        (2024) adopted on 31 October 2024), if the knowledge base has one."""
        rx = re.compile(rf"(?<!\d){int(number)}(?!\d)")
        found = [f for f in self.facts if f.predicate == "adopted" and rx.search(f.subject)]
        return min(found, key=lambda f: f.valid_from or date.max) if found else None

    def mandates_of(self, mission: str) -> list[FactRecord]:
        """Every recorded mandate of a mission (one per renewal), earliest first."""
        name = self._resolve(mission, ("mission", "institution")) or mission
        return sorted((f for f in self.facts if f.predicate == "mandate" and f.subject == name),
                      key=lambda f: (f.valid_from or f.valid_to or date.min))

    def memberships_at(self, institution: str, at: date, country: str | None = None) -> list[FactRecord]:
        """The member_of facts of an institution covering `at` (of one country when given)."""
        inst = self._resolve(institution, ("institution",)) or institution
        who = (self._resolve(country, ("country",)) or country) if country else None
        return [f for f in self.facts if f.predicate == "member_of" and f.object == inst
                and _covers(f, at) and (who is None or f.subject == who)]

    def memberships_of(self, country: str, institution: str) -> list[FactRecord]:
        """Every recorded seat of a country in an institution, earliest first."""
        inst = self._resolve(institution, ("institution",)) or institution
        who = self._resolve(country, ("country",)) or country
        return sorted((f for f in self.facts if f.predicate == "member_of" and f.object == inst
                       and f.subject == who), key=lambda f: f.valid_from or date.min)

    def visits_of(self, person: str, place: str | None = None) -> list[FactRecord]:
        """Dated events a person took part in (their `participants`), at `place` when given
        (compared by canonical name or normalised spelling), earliest first."""
        who = self._resolve(person, ("person",)) or person

        def same_place(value: str | None) -> bool:
            if place is None:
                return True
            if not value:
                return False
            a = self._resolve(place, ("place", "country")) or place
            b = self._resolve(value, ("place", "country")) or value
            return a == b or normalise_name(a) == normalise_name(b)

        return sorted((f for f in self.facts if f.predicate == "event" and f.valid_from
                       and who in ((f.extra or {}).get("participants") or [])
                       and same_place((f.extra or {}).get("place"))),
                      key=lambda f: f.valid_from or date.min)

_demo_kb: KnowledgeBase | None = None


def demo_knowledge_base() -> KnowledgeBase:
    """The bundled demo pack as a KnowledgeBase, parsed once per process (treat as read-only)."""
    global _demo_kb
    if _demo_kb is None:
        _demo_kb = KnowledgeBase.demo()
    return _demo_kb
