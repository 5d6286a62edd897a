"""Speaker mentions of quotes: what a mention is (name, pronoun, description), whether it is an
organization or an unnamed source, and which full name it refers to (a light, rule-based
coreference over the article: names, titles, pronouns, definite descriptions of documents).

Pure functions and one small stateful resolver that is fed the quotes in document order.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from verifier.calendar_names import MONTHS, WEEKDAYS
from verifier.extract.quote_lexicon import Lexicon

# words of a mention; a French elided article is a word of its own ("l’ambassadeur")
_WORD = re.compile(r"(?<![\w’'])[lLdD][’'](?=\w)|[^\W_](?:[\w’'&]|[-.](?=\w))*\.?|\S")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# a run of capitalised words (with name particles inside), e.g. "Sergueï Lavrov", "Jean-Yves Le Drian"
# At most one word (what `len(text.split()) <= 1` says, without copying a long sentence for
# each name in it: that was quadratic in a sentence with many names).
_AT_MOST_ONE_WORD = re.compile(r"\s*\S*\s*")
# (a word with its period only when short, a title or an initial: "Prof.", "J."; "Swiatek."
# ends its sentence, and the name after it is another: "... Iga Swiatek. Jasmine Paolini, ...")
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]{0,3}\.(?=[ \u00a0])|[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
_NAME_RUN = re.compile(
    rf"(?<![\w’']){_NAME_WORD}"
    r"(?:[ \u00a0](?:(?:de|du|des|da|di|van|von|der|den|la|le|bin|ben|ibn|al|el|St\.)[ \u00a0])?"
    rf"{_NAME_WORD})*"
)
_MALE_TITLES = {"mr", "mr.", "m", "m.", "monsieur", "sir", "lord", "king", "prince", "father", "le"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "mme", "mme.", "madame", "mlle", "dame",
                  "lady", "queen", "princess", "sister"}
_STOP_CAPS = {"the", "a", "an", "le", "la", "les", "un", "une", "in", "on", "at", "but", "and",
              "for", "this", "that", "these", "his", "her", "their", "its", "our", "it",
              "he", "she", "they", "we", "i", "selon", "pour", "après", "dans", "en", "à", "au",
              "aux", "de", "du", "des", "ce", "cette", "l’", "d’", "mais", "et", "as", "after",
              "when", "while", "if", "so", "still", "meanwhile", "however", "according", "story",
              "article", "read", "more", "continued", "below", "advertisement", "said", "says",
              "il", "elle", "ils", "elles", "nous", "vous", "je", "by", "with", "from", "son", "sa",
              "ses", "ces", "cet", "leur", "leurs", "notre", "nos", "votre", "vos",
              "what", "who", "there", "then", "now", "also", "even", "here", "why", "how",
              "jan", "feb", "mar", "apr", "aug", "sept", "oct", "nov", "dec",
              "d’après", "d'après", "l'", "d'", "toujours", "comme", "lors", "depuis", "chez",
              "côté", "avec", "sans", "sur", "sous", "vers", "contre", "entre", "par", "interrogé",
              "interrogée", "interrogés", "interrogées", "contacté", "contactée", "contactés",
              "joint", "jointe", "cité", "citée", "asked", "speaking", "contacted", "reached",
              *(w.lower() for w in (*WEEKDAYS["en"], *MONTHS["en"], *WEEKDAYS["fr"]))}
_PREP_CUT = {"of", "at", "from", "for", "with", "in", "on", "de", "du", "des", "d’", "d'", "à", "au", "aux",
             "chez", "pour", "who", "qui", "and", "et", ","}
# the particles inside a name ("Marine Le Pen", "Charles de Gaulle"): no name starts with one
NAME_PARTICLES = {"de", "du", "des", "le", "la", "van", "von", "der", "den", "da", "di", "del", "bin",
              "ben", "ibn", "al", "el"}
# the lower-case particles that may continue a name run ("Ursula von der Leyen", "Rafael van
# der Vaart", "Luis de la Fuente" is cut at "la": an article there is rather a complement's)
_INNER_PARTICLES = {"de", "van", "von", "der", "den", "ter", "ten", "bin", "al", "da", "di", "del", "dos", "das"}
# prepositions whose object is a complement or an addressee, never the head of a description
_GOVERNING = {"of", "for", "to", "with", "by", "from", "about", "against", "de", "du", "des", "d’",
              "d'", "à", "au", "aux", "avec", "par", "pour", "contre", "chez", "auprès", "sur"}
# what may stand between such a preposition and a name: determiners, "ex", "former"
_BEFORE_NAME = {"le", "la", "les", "l’", "l'", "the", "a", "an", "un", "une", "son", "sa", "ses",
                "his", "her", "their", "leur", "ex", "l’ex", "l'ex", "former", "late", "ancien",
                "ancienne", "feu", "then", "current", "actuel", "actuelle"}
_DEFINITE = {"the", "this", "that", "le", "la", "l’", "l'", "ce", "cet", "cette", "les", "these",
             "those", "ces"}


# a name right after one of these is someone addressed, a platform or a newspaper, not a speaker
_OBJECT_BEFORE = {"to", "told", "tells", "tell", "with", "on", "in", "at", "by", "from", "for",
                  "against", "about", "à", "au", "aux", "avec", "sur", "dans", "par", "pour",
                  "contre", "chez", "auprès", "reçu", "rencontré", "met", "meets", "interviewed",
                  "asked", "thanked", "remercié", "interrogé", "interrogée", "critiqué", "criticized",
                  "criticised", "attacked", "attaqué", "accusé", "accused", "blamed"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str                 # "name" | "pronoun" | "nominal"
    name: str | None          # the proper name as written, titles stripped
    speaker_type: str         # "person" | "organization"
    anonymous: bool
    gender: str | None        # "m" | "f" | None
    plural: bool
    document: bool            # a text speaking for an institution (communiqué, statement)
    definite: bool
    titles: tuple[str, ...] = ()


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _is_cap(w: str) -> bool:
    return bool(_UPPER.match(w))


def strip_titles(words: list[str], lex: Lexicon) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (titles, name): "Foreign Affairs Minister Chrystia Freeland"
    -> (["Foreign", "Affairs", "Minister"], ["Chrystia", "Freeland"])."""
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in lex.titles:
            last_title = i
    return words[: last_title + 1], words[last_title + 1:]


# an age before a name or a noun: "the 28-year-old Krejcikova", "19-years-old", "72 ans"
YEAR_OLD_RE = re.compile(r"(?i)\d{1,3}[-\u2011 ]years?[-\u2011 ]old|\d{1,3}[-\u2011 ]ans")


def _after_age(content: list[tuple[int, int, str]], run: list[tuple[int, int, str]]) -> bool:
    """Does the capitalised run follow an age ("the 28-year-old Krejcikova")? Then it is a name."""
    i = next((k for k, w in enumerate(content) if w is run[0]), None)
    return i is not None and i > 0 and bool(YEAR_OLD_RE.fullmatch(content[i - 1][2]))


def _after_title(content: list[tuple[int, int, str]], run: list[tuple[int, int, str]],
                 lex: Lexicon) -> bool:
    """Is the one capitalised word `run` a surname after a title in lower case ("le premier
    ministre Carney", "la ministre Joly")?"""
    k = next((i for i, t in enumerate(content) if t is run[0]), 0)
    return len(run) == 1 and k > 0 and content[k - 1][2] in lex.titles


def analyse_mention(doc: str, start: int, end: int, lex: Lexicon) -> Mention:
    text = doc[start:end]
    ws = _words(text)
    low = [w.lower() for _, _, w in ws]
    if len(ws) == 1 and low[0] in lex.pronouns:
        g, n = lex.pronouns[low[0]]
        org = low[0] == "it"
        return Mention(start, end, text, "pronoun", None, "organization" if org else "person",
                       low[0] == "on", g if g in "mf" else None, n == "p", False, False)
    # the part before the first preposition / relative / apposition holds the head
    cut = len(ws)
    for i, w in enumerate(low):
        if i > 0 and w in _PREP_CUT:
            cut = i
            break
    head_ws = ws[:cut]
    # skip a leading determiner
    i0 = 0
    while i0 < len(head_ws) and low[i0] in lex.determiners | lex.indefinite:
        i0 += 1
    definite = bool(low) and low[0] in _DEFINITE
    content = head_ws[i0:]
    caps_runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for t in content:
        w = t[2]
        if _is_cap(w) or (cur and w.lower() in _INNER_PARTICLES):
            cur.append(t)
        else:
            if cur:
                caps_runs.append(cur)
            cur = []
    if cur:
        caps_runs.append(cur)
    # the head decides between a person and an organisation, not its complements ("la cheffe
    # du Parti vert", "the chief executive of the company" are people)
    org = bool(set(low[:cut]) & lex.org) or low[-1:] == ["it"]
    document = bool(set(w.lower() for _, _, w in content[:3]) & lex.document)
    name = None
    titles: tuple[str, ...] = ()
    gender = None
    if caps_runs and _modifier_run(content, caps_runs[-1]):
        # "the French interior ministry", "Texas state prosecutors", "la Première ministre":
        # the capitalised words qualify a lower-case head noun; the mention is a description
        caps_runs = []
    tail = len(ws)
    while tail > 0 and _is_cap(ws[tail - 1][2]):
        tail -= 1
    if 0 < tail <= len(ws) - 2 and ws[tail - 1][2].isalpha() and ws[tail - 1][2].islower() \
            and low[tail - 1] not in _PREP_CUT and low[tail - 1] not in lex.determiners \
            and cut < len(ws):
        # "Heart and Stroke senior manager Erin Kim": the name closing the description
        caps_runs = [list(ws[tail:])]
        content = list(ws[:tail]) + caps_runs[0]
    if caps_runs and ((content and caps_runs[0][0] is content[0]) or len(caps_runs[-1]) >= 2
                      or _after_title(content, caps_runs[-1], lex) or _after_age(content, caps_runs[-1])):
        run = [w for _, _, w in caps_runs[-1]]
        # drop trailing particles
        while run and run[-1].lower() in ("de", "van", "von", "le", "la", "da"):
            run.pop()
        tit, nm = strip_titles(run, lex)
        nm = _drop_acronyms(nm)
        if nm and all(w.lower().rstrip(".") in lex.titles for w in run) and cut < len(ws):
            # "Secretary of State for Scotland Douglas Alexander": the title and its complement
            # describe the name at the end, which is no title
            tit, nm = run, []
        if nm and all(w.lower().rstrip(".") in lex.titles for w in run) and low[:1] and low[0] in _DEFINITE \
                and (ws[0][2][:1].islower() or start == 0 or _SENTENCE_END_BEFORE.search(doc, max(0, start - 6), start)):
            # "le Président de la République", "le Chef de l'Etat": a capitalised title is a
            # description of its holder, not a name
            tit, nm = run, []
        nm = _caps_surname(nm) or nm
        # titles written before the run in lower case ("le ministre Nasser Bourita")
        pre = [w for _, _, w in content if not _is_cap(w) and w.lower() in lex.titles]
        titles = tuple(w.lower().rstrip(".") for w in pre + tit)
        if nm:
            name = " ".join(nm)
        for title in titles:
            if title in _MALE_TITLES or title + "." in _MALE_TITLES:
                gender = "m"
            elif title in _FEMALE_TITLES or title + "." in _FEMALE_TITLES:
                gender = "f"
        if name and (name.isupper() and len(name) > 1 and " " not in name):
            org = True  # an acronym: RCMP, EDC, ONU
        if name and set(n.lower() for n in nm) & lex.org:
            org = True
        elif name and titles and len(nm) >= 2 and not name.isupper():
            org = False   # "Police spokesman Tom Reed": the title's holder, not the police
    if name is None and len(ws) >= 3:
        # "le ministre de la Défense Shaoul Mofaz", "the spokesperson for Y, John Smith"
        k = len(ws)
        while k > 0 and (_is_cap(ws[k - 1][2]) or (k < len(ws) and low[k - 1] in ("de", "van", "von", "da"))):
            k -= 1
        run = [w for _, _, w in ws[k:]]
        # "the biographer of Winston Churchill", "the author of the report for X", "a spokesman
        # for Mayor Eric Adams", "la députée à Élisabeth Borne": a name (after its titles) right
        # after a preposition is governed by it, a complement or an addressee, not the speaker
        governed = k > 0 and low[k - 1] in _GOVERNING and len(strip_titles(run, lex)[1]) < 3
        if k > 0 and len(run) >= 3 and low[k - 1] in _PREP_CUT | lex.determiners:
            run = run[1:]   # the complement of the title: "de la Défense"
        if run and run[0].lower() in ("de", "van", "von", "da"):
            # "l'auteur du programme de Jean-Luc Mélenchon": a name after "de" is the noun's
            # complement, not the speaker; "le président de Renaissance Gabriel Attal" has one
            # more capitalised word before the name
            run = run[2:] if len(run) >= 4 else []
            if run and run[0].lower() in NAME_PARTICLES:
                run = []   # "de Marine Le Pen", "de Charles de Gaulle": one name, cut inside
        elif governed:
            run = []
        if k > 0 and len(run) >= 2 and not set(w.lower() for w in run) & lex.org \
                and not any(w.isupper() and len(w) > 1 for w in run):
            tit, nm = strip_titles(run, lex)
            if len(nm) >= 2:
                name = " ".join(nm)
                org = False
                document = False
    anonymous = False
    if name is None and _SAME_SOURCE_RE.search(text):
        # "la même source", "the same source": the previous source again (see Resolver)
        return Mention(start, end, text, "same", None, "person", False, None, False, False, True)
    if name is None:
        first = low[0] if low else ""
        if first in ("d’", "d'", "l’", "l'") and len(low) > 1:
            first += low[1]   # "d'autres responsables", "l'un d'eux"
        heads = set(w.lower() for _, _, w in content)
        if (first in lex.indefinite and not document) or (heads & {"source", "sources", "anonymous",
                                                                  "unnamed", "anonymat",
                                                                  "informations"}):
            anonymous = True
        elif first in lex.anonymous or (i0 == 0 and low and low[0] in lex.anonymous):
            anonymous = True
    kind = "name" if name else "nominal"
    plural = bool(low) and (low[0] in ("les", "des", "ces", "these", "those", "several", "many",
                                        "some", "two", "three", "plusieurs", "deux", "trois")
                            or (kind == "nominal" and low[-1].endswith("s")
                                and low[-1] not in lex.document
                                and low[0] not in _SINGULAR_DET))   # "le député insoumis"
    return Mention(start, end, text, kind, name, "organization" if (org or document) else "person",
                   anonymous, gender, plural, document, definite, titles)


_SAME_SOURCE_RE = re.compile(r"(?i)\b(?:même|same)\s+(?:source|sources|interlocuteur|"
                             r"interlocutrice|official|spokesperson|spokesman|spokeswoman)\b")


# ", the chief executive," / ", le numéro deux du réseau." : an apposition closed by punctuation
_APPOSITION = re.compile(r",[ \u00a0]*[^\s,.;:]+(?:[ \u00a0]+[^\s,.;:]+){0,7}[ \u00a0]*(?:[,.;)\n]|$)")
_APPOSITION_END = re.compile(r"[.;:\n]|,\s+(?:a|ont|said|says|who|qui)\b")
_SINGULAR_DET = {"le", "la", "l’", "l'", "un", "une", "ce", "cet", "cette", "son", "sa", "a", "an",
                 "this", "that", "his", "her"}
_COMPLEMENT_RE = re.compile(r"(?i)\s(?:de|du|des|d’|d'|of)\s*\S")
_EN_GENDER_PRON = re.compile(r"(?i)\b(he|she)\b")
_FR_GENDER_PRON = re.compile(r"(?i)(?<![\w’'-])(il|elle)(?![\w’'])")


# the text before a mention ends a sentence: "Le" there is an article, not part of a name
# ("Le Maire" in mid-sentence is a name)
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?:»”\n]|^)[\s\u00a0]*$")
# a sentence opening with a definite description, up to its verb ("Le Chef de l'Etat a ...")
_SUBJECT_DESCRIPTION = re.compile(
    r"(?:Le|La|L[’']|The)[ \u00a0]*(?:[^\s,.;:]+[ \u00a0]+){0,7}?[^\s,.;:]+(?=[ \u00a0]+(?:a|avait|"
    r"est|était|sera|s[’']est|se|has|had|was|is|will)[ \u00a0])")
# the same after an opening adverbial: lower-case article, or an English verb in -ed
_SUBJECT_DESCRIPTION_AFTER = re.compile(
    r"(?:[Ll]e|[Ll]a|[Ll][’']|[Tt]he)[ \u00a0]*(?:[^\s,.;:]+[ \u00a0]+){0,7}?[^\s,.;:]+(?=[ \u00a0]+"
    r"(?:a|avait|est|était|sera|s[’']est|se|has|had|was|is|will|[a-z]{3,}ed)[ \u00a0])")
# events and meetings, which open a sentence as its subject but never speak: a pronoun after
# "La rencontre s'est tenue à Washington." is the person of the sentence before
_EVENTS = {"meeting", "call", "talks", "conversation", "discussion", "visit", "summit", "conference",
           "session", "ceremony", "event", "debate", "hearing", "interview", "vote", "trip",
           "rencontre", "réunion", "entretien", "appel", "visite", "sommet",
           "conférence", "séance", "cérémonie", "événement", "évènement", "débat", "audience",
           "scrutin", "voyage", "échange", "échanges", "discussions", "entrevue"}
# an opening adverbial before the subject: "Writing on X, ", "Dans une interview au Monde, "
_OPENING_ADVERBIAL = re.compile(r"[^,.;:!?\n«»\"“”]{2,60},[ \u00a0]+")
_AUX_BETWEEN = re.compile(r"(?i)(?<![\w’'])(?:a|ont|est|sont|avait|avaient|sera|has|have|had|was|"
                          r"were|is|are|will)(?![\w’'])")


def _describes(head: re.Pattern[str], before: str) -> bool:
    """Does the head noun in the words before a name describe it ("the spokesperson for the
    utility, Jane Roe"), rather than being the subject of a verb whose object the name is
    ("Le chef de l'État a reçu Mme X")?"""
    m = _last_match(head, before)
    return m is not None and not _AUX_BETWEEN.search(before, m.end())


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):   # noqa: B007 (the last one is kept)
        pass
    return found


# the usual names of one office, which articles use in turn for the same person
_OFFICE_NAMES = [re.compile(r"(?i)(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") for alts in (
    (r"chef de l[’']\s*[ée]tat", r"pr[ée]sident(?:e)? de la r[ée]publique", r"head of state"),
    (r"premi(?:er|ère) ministre", r"cheff?e? du gouvernement", r"prime minister",
     r"head of government"),
    (r"garde des sceaux", r"ministre de la justice", r"justice minister"),
)]


def _caps_surname(nm: list[str]) -> list[str] | None:
    """A name whose surname is written in capitals ("Bassirou Diomaye FAYE", "Macky SALL"), as
    French and West African styles do, with the capitals in title case; None when the capitals
    are not a surname after given names (an acronym, a headline)."""
    caps = [i for i, w in enumerate(nm) if w.isupper() and len(w) > 1]
    if not caps:
        return nm
    if caps[0] == 0 or caps != list(range(caps[0], len(nm))) or any(
            w.isupper() for w in nm[:caps[0]]):
        return None
    return nm[:caps[0]] + ["-".join(p.capitalize() for p in w.split("-")) for w in nm[caps[0]:]]


# letters after a name: honours, offices, degrees ("Lucy Rigby KC MP", "Jane Roe CBE")
_POSTNOMINALS = {"KC", "QC", "SC", "TD", "MP", "MSP", "MLA", "MPP", "MNA", "MEP", "MS", "PC", "CBE", "OBE", "MBE",
                 "KBE", "DBE", "CMG", "FRS", "PhD", "MD"}


def _drop_acronyms(nm: list[str]) -> list[str]:
    """A party or union acronym before a person's name is a label: "LFI Antoine Léaument";
    letters after it are post-nominals: "Lucy Rigby KC MP"."""
    i = 0
    while i < len(nm) - 2 and nm[i].isupper() and len(nm[i]) > 1:
        i += 1
    j = len(nm)
    while j > i + 2 and nm[j - 1].rstrip(".,") in _POSTNOMINALS:
        j -= 1
    return nm[i:j]


def _modifier_run(content: list[tuple[int, int, str]], run: list[tuple[int, int, str]]) -> bool:
    """Is the capitalised run followed, in the head, by a lower-case noun it qualifies?"""
    after = False
    for t in content:
        if t is run[-1]:
            after = True
            continue
        if after and t[2][:1].isalpha() and t[2][:1].islower() and t[2].lower() not in (
                "de", "van", "von", "da", "le", "la", "jr", "sr"):
            return True
    return False


_PARTICLE_WORDS = {w.capitalize() for w in NAME_PARTICLES} | NAME_PARTICLES


_EX_RE = re.compile(r"^(?:[ld][’'])?(?:ex-?)?")   # "l'ex-président" -> "président"


def _governed(prev: list[str], lex: Lexicon) -> bool:
    """Do the words before a name end with a preposition that governs it, past determiners,
    "ex-", "former" and lower-case titles ("avec l'ex-président", "du président", "of
    Governor")?"""
    j = len(prev) - 1
    while j >= 0 and prev[j][-1:].isalpha() and (
            prev[j].lower() in _BEFORE_NAME or _EX_RE.sub("", prev[j].lower()) in lex.titles | {""}):
        j -= 1
    if j < 0:
        return False
    w = prev[j].lower()
    return w in ("de", "du", "des", "of") or (j < len(prev) - 1 and w in _GOVERNING | _OBJECT_BEFORE)


@dataclass
class _Entity:
    pos: int
    reference: str | None
    speaker_type: str
    gender: str | None
    plural: bool
    document: bool
    text: str = ""
    named: bool = True     # the reference is a name, not the description as written


@dataclass
class Resolver:
    """Resolves speaker mentions to full names, fed in document order."""

    doc: str
    lex: Lexicon
    names: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    history: list[_Entity] = field(default_factory=list)
    gender_of: dict[str, str] = field(default_factory=dict)
    # how the latest mention was resolved: a short reason and the antecedent's position (None
    # when the mention itself holds the name); read by the quote extractor's confidence
    how: str = ""
    antecedent: int | None = None
    addressed: set[int] = field(default_factory=set)   # names after a preposition or "told"
    quoted: list[tuple[int, int]] = field(default_factory=list)   # quotations: no names there
    sentence_starts: list[int] = field(default_factory=list)
    subjects: dict[int, str] = field(default_factory=dict)   # sentence start -> name opening it
    gender_sure: set[str] = field(default_factory=set)  # gender from a title or an article

    def __post_init__(self) -> None:
        lex = self.lex
        qstarts = [a for a, _ in self.quoted]
        for m in _NAME_RUN.finditer(self.doc):
            qi = bisect_right(qstarts, m.start()) - 1
            if qi >= 0 and m.start() < self.quoted[qi][1]:
                continue   # a name inside a quotation ("Too Late Powell") is the speaker's word
            words = m.group().split()
            for wi, w in enumerate(words):
                if w.endswith(".") and len(w) > 4 and wi < len(words) - 1 \
                        and w[:-1].lower() not in lex.titles:
                    words = words[:wi + 1]
                    break
            words = [w.rstrip(".") if len(w) > 4 and w[:-1].lower() not in lex.titles else w
                     for w in words]
            # leading sentence words that are capitalised but not names
            k = 0
            while k < len(words) and (words[k].lower().rstrip(".") in _STOP_CAPS or (
                    words[k] == "Getty" and k + 1 < len(words) and words[k + 1] == "Images")
                    or words[k] == "Images" and k > 0 and words[k - 1] == "Getty"):
                k += 1   # ("Getty Images Kevin Vickers at ...": a photo credit before a caption)
            words = words[k:]
            while len(words) > 1 and words[0].endswith(("'s", "’s")):
                words = words[1:]   # "Italy's Jasmine Paolini": a possessive modifier
            if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 3:
                words = [*words[:-1], words[-1][:-2]]   # "Vincent Kompany's side": the name
            if not words:
                continue
            tit, nm = strip_titles(words, lex)
            nm = _drop_acronyms(nm)
            while nm and nm[0][:1].islower():
                nm = nm[1:]   # "Ministre du Tourisme": the complement of a title is no name
            prev = self.doc[max(0, m.start() - 30):m.start()].split()
            after_prep = bool(prev) and prev[-1].lower() in _OBJECT_BEFORE
            if (after_prep or prev and prev[-1].lower() in ("de", "of", "du", "des", "la", "le", "l’", "l'", "d’", "d'")) \
                    and len(nm) >= 3 and not tit:
                # "explique au Figaro Jean Dupont", "l'ambassadeur de Yougoslavie Borislav
                # Milosevic": a medium or a place, then the name
                nm = nm[1:]
                while nm and nm[0][:1].islower():
                    nm = nm[1:]   # "du Programme de Modernisation": no name left
                after_prep = False
            elif not after_prep and _governed(prev, lex):
                # "le gouvernement du président Macky Sall", "en froid avec l'ex-président X",
                # "the office of Governor Kathy Hochul": a person mentioned in a complement,
                # not the subject that a later "il" / "he" continues
                after_prep = True
            de = next((i for i, w in enumerate(nm[1:-2], 1) if w in ("de", "du")), None)
            if de is not None and nm[de + 1] not in _PARTICLE_WORDS:
                # "Cabinet Performance de Victor Ndiaye": a full name after "de" is the person
                nm = nm[de + 1:]
            if len(nm) < 2 or set(w.lower() for w in nm) & lex.org:
                continue
            cased = _caps_surname(nm)
            if cased is None:
                continue
            name = " ".join(cased)
            self.names.append((m.start(), name, tuple(t.lower().rstrip(".") for t in tit)))
            si = bisect_right(self.sentence_starts, m.start()) - 1
            if si >= 0 and _AT_MOST_ONE_WORD.fullmatch(self.doc, self.sentence_starts[si],
                                                        m.start()):
                self.subjects.setdefault(self.sentence_starts[si], name)   # "Powell declined"
            if after_prep:
                self.addressed.add(m.start())   # "told Jane Roe", "au Parisien", "sur France Inter"
            for t in tit:
                tl = t.lower()
                if tl in _MALE_TITLES or tl.rstrip(".") in ("mr", "m"):
                    self.gender_of.setdefault(name, "m")
                    self.gender_sure.add(name)
                elif tl in _FEMALE_TITLES or tl.rstrip(".") in ("mrs", "ms", "mme"):
                    self.gender_of.setdefault(name, "f")
                    self.gender_sure.add(name)
        self._surname_subjects()
        self._guess_genders()

    def _surname_subjects(self) -> None:
        """Sentences opening with the surname of a person named before ("Powell declined")."""
        last = {full.split()[-1]: full for _, full, _ in self.names}
        for start in self.sentence_starts:
            if start in self.subjects:
                continue
            w = self.doc[start:start + 40].split(maxsplit=1)
            word = w[0].rstrip(",.’'s") if w else ""
            if word in last and self.doc.find(last[word]) < start:
                self.subjects[start] = last[word]

    def _guess_genders(self) -> None:
        """The article or title before a name's first mention ("la ministre X", "le député
        X"), else the first third-person pronoun after it, gives its likely gender."""
        fr = self.lex.lang == "fr"
        pron = _FR_GENDER_PRON if fr else _EN_GENDER_PRON
        seen: set[str] = set()
        for pos, name, _ in self.names:
            if name in seen or name in self.gender_of:
                continue
            seen.add(name)
            if fr:
                before = self.doc[max(0, pos - 50):pos].lower().replace(",", " ").split()[-6:]
                art = next((w for i, w in enumerate(before[:-1]) if w in ("le", "la", "un", "une")
                            and before[i + 1] in self.lex.titles), None)
                if art:
                    self.gender_of[name] = "f" if art in ("la", "une") else "m"
                    self.gender_sure.add(name)
                    continue
            window = self.doc[pos + len(name): pos + len(name) + 250]
            window = re.split(r"[«“\"]", window, maxsplit=1)[0]   # not the words of a quotation
            m = pron.search(window)
            if m:
                self.gender_of[name] = "m" if m.group(1).lower() in ("he", "il") else "f"

    # -- name lookup ------------------------------------------------------------------------
    def full_name(self, name: str, pos: int) -> str:
        parts = name.split()
        last = parts[-1]
        best = None
        for p, full, _ in self.names:
            fp = full.split()
            if full == name:
                continue
            if len(fp) > len(parts) and fp[-len(parts):] == parts or (len(parts) == 1 and last in fp):
                if p < pos:
                    best = full  # most recent before the mention
                elif best is None:
                    best = full
                    break
        return best or name

    def last_name_position(self, pos: int, after: int = -1,
                           keep: Callable[[int], bool] | None = None) -> tuple[int, str] | None:
        """The latest full person name mentioned before pos (and after `after`), with its
        position, leaving out names in an object or adjunct ("told Jane Roe", "à Olaf Scholz",
        "sur France Inter") and, with `keep`, the positions it refuses."""
        for p, full, _ in reversed(self.names):
            if p <= after:
                return None
            if p < pos and p not in self.addressed and (keep is None or keep(p)):
                return p, full
        return None

    def _described_subject(self, pos: int, gender: str | None = None, after: int = -1,
                           plain: bool = False) -> str | None:
        """The person the sentence before pos opens with when it opens (after an adverbial:
        "Writing on X, the opposition leader attacked ...") with a definite description of a
        person ("Le Chef de l'Etat a ensuite réitéré ... Il a demandé"), resolved through the
        office's names in the article, or with `plain` the description as written when the
        article gives it no name ("la députée"); same paragraph only, after offset `after`,
        and never when the sentence holding pos opens with a name of its own."""
        si = bisect_right(self.sentence_starts, pos) - 1
        if si < 1:
            return None
        cur, prev = self.sentence_starts[si], self.sentence_starts[si - 1]
        if prev <= after or "\n" in self.doc[prev:pos] or cur in self.subjects:
            return None
        m = _SUBJECT_DESCRIPTION.match(self.doc, prev)
        if not m and plain:
            # "The Prime Minister raised ...", "Writing on X, the opposition leader attacked"
            a = _OPENING_ADVERBIAL.match(self.doc, prev)
            m = _SUBJECT_DESCRIPTION_AFTER.match(self.doc, a.end() if a else prev)
        if not m:
            return None
        mention = analyse_mention(self.doc, m.start(), m.end(), self.lex)
        if mention.kind != "nominal" or mention.plural or mention.speaker_type != "person" \
                or mention.anonymous or gender and mention.gender and mention.gender != gender:
            return None
        head = _head(mention, self.lex)
        if head in _EVENTS:
            return None   # "The meeting was held in Ottawa. He said": an event says nothing
        ref = self._by_office(mention)
        if ref is None and plain and not mention.name and not (
                _NAME_RUN.search(mention.text, 1) and head not in self.lex.titles | self.lex.anonymous):
            # (not "The record of Prime Minister John Durand": a thing of the person it names,
            # which only a title or a person noun at its head would make a speaker)
            ref = mention.text
        if ref is None:
            return None
        self.antecedent = prev
        return ref

    def _previous_subject(self, pos: int, after: int) -> str | None:
        """The person named at the start of the sentence before pos (in its paragraph, after
        offset `after`), when the sentence holding pos opens with no name of its own."""
        si = bisect_right(self.sentence_starts, pos) - 1
        if si < 1:
            return None
        cur, prev = self.sentence_starts[si], self.sentence_starts[si - 1]
        if prev <= after or cur in self.subjects or "\n" in self.doc[prev:pos]:
            return None
        name = self.subjects.get(prev)
        if name is not None:
            self.antecedent = prev
        return name

    def _last_name_before(self, pos: int, gender: str | None) -> str | None:
        """The latest person named before pos of a compatible gender; one of the same known
        gender among the last three names wins over a nearer one of unknown gender."""
        unknown: tuple[int, str] | None = None
        seen = 0
        for p, full, _ in reversed(self.names):
            if p >= pos or p in self.addressed:
                continue
            seen += 1
            g = self.gender_of.get(full)
            if gender and g and g != gender:
                continue
            if gender and g is None:
                if unknown is None:
                    unknown = (p, full)
                if seen < 3:
                    continue
            if g is not None or unknown is None:
                self.antecedent = p
                return full
            break
        if unknown:
            self.antecedent = unknown[0]
            return unknown[1]
        return None

    def by_head(self, head: str, pos: int, person: bool) -> str | None:
        """The latest entity before pos described with the noun head: an earlier speaker whose
        mention holds it ("le ministère français des Affaires étrangères" ... "le ministère"), or a
        person named next to it ("Yvon Netzer, le n°2 ... l'ingénieur" is not; "X, the spokesperson
        for Y" ... "the spokesperson" is)."""
        hre = re.compile(r"(?i)(?<!\w)" + re.escape(head) + r"(?![\w’'])")
        for e in reversed(self.history):
            if e.pos < pos and e.reference and e.text and hre.search(e.text) \
                    and (e.speaker_type == "person") == person:
                self.antecedent = e.pos
                return e.reference
        if not person:
            return None
        best = None
        for p, full, _ in self.names:
            if p >= pos:
                break
            before, after = self._around(p, full)
            if hre.search(after) or _describes(hre, before):
                best = full
                self.antecedent = p
        if best is None:
            best = self._by_head_after(hre, pos)
        return best

    def _around(self, p: int, full: str) -> tuple[str, str]:
        """The words describing a name at p: before it back to a comma (within its paragraph,
        70 characters), after it up to the end of its apposition (90 characters)."""
        a = self.doc.rfind("\n", 0, p) + 1
        segs = self.doc[max(a, p - 90):p].split(",")
        before = segs.pop()
        while segs and not re.search(r"[.!?;:]", segs[-1]) and all(
                w.lower().rstrip(".") in self.lex.titles or w.lower() in ("son", "sa", "his", "her")
                for w in before.split()):
            # "Le Chef de l'Etat, Son Excellence, Monsieur X": the role before the honorifics
            before = segs.pop()

        at = self.doc.find(full, p, p + 80 + len(full))   # the run may start with a title
        after_s = (at if at >= 0 else p) + len(full)
        stop = _APPOSITION_END.search(self.doc, after_s, after_s + 90)
        after = self.doc[after_s:stop.start() if stop else after_s + 90]
        m = _APPOSITION.match(self.doc, after_s)
        if after.startswith(",") and not m:
            after = ""   # "Air Force One, the president said": a clause, no apposition
        return before, after

    def _by_head_after(self, hre: re.Pattern[str], pos: int) -> str | None:
        """A person named within the next few sentences with the same head noun beside the
        name ("the chief executive of the retailer" ... "Jane Roe, its chief executive")."""
        for p, full, _ in self.names:
            if p <= pos:
                continue
            if p > pos + 600:
                break
            if not re.search(r"[.!?\n]", self.doc[pos:p]):
                continue   # in the mention's own sentence: "la rédactrice du projet de X"
            before, after = self._around(p, full)
            if hre.search(after) or _describes(hre, before):
                self.antecedent = p
                return full
        return None

    def appositive_name(self, end: int) -> str | None:
        """", Name Name" right after a description ("le directeur de la CUGN, René Badot")."""
        m = re.match(r",[ \u00a0]+((?:[A-ZÀ-ÖØ-Þ][\w’'\-]+[ \u00a0]+(?:(?:de|van|von|da|le|la)[ \u00a0]+)?)+[A-ZÀ-ÖØ-Þ][\w’'\-]+)(?=[ \u00a0]*[,.;)]|$)",
                     self.doc[end:end + 60])
        if m and not set(m.group(1).lower().split()) & (self.lex.org | _STOP_CAPS):
            return m.group(1)
        return None

    def _by_title(self, titles: set[str], pos: int) -> str | None:
        for p, full, tit in reversed(self.names):
            if p < pos and set(tit) & titles:
                self.antecedent = p
                return full
        return None

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, m: Mention) -> tuple[str | None, str]:
        """(reference, speaker_type) of a mention; remembers it as the latest speaker. Sets
        `how` (a short reason) and `antecedent` (where the reference was found, None when the
        mention holds it)."""
        ref: str | None
        stype = m.speaker_type
        gender = m.gender
        self.how, self.antecedent = "", None
        if m.kind == "name" and stype == "organization" and m.name and " " not in m.name \
                and _COMPLEMENT_RE.search(m.text):
            # "le Parquet de Francfort": a common noun with its complement, not a name
            ref = _strip_det(m.text, self.lex) if self.lex.lang == "fr" else m.text
            self.how = "organisation as written"
        elif m.kind == "name" and not m.text.startswith(m.name or "") and m.titles == () \
                and (app := self.appositive_name(m.end)):
            # "le président de la région Grand Est, Franck Leroy": the name in apposition
            ref, stype = self.full_name(app, m.start), "person"
            self.how = "named in apposition"
        elif m.kind == "name":
            assert m.name is not None
            ref = self.full_name(m.name, m.start) if stype == "person" else m.name
            self.how = "named" if ref == m.name else "name completed from an earlier mention"
            if ref and gender:
                self.gender_of.setdefault(ref, gender)
            gender = gender or self.gender_of.get(ref or "")
        elif m.kind == "pronoun" and m.anonymous:
            ref, self.how = None, "anonymous source"     # "on"
        elif m.kind == "pronoun":
            ref, stype, gender = self._resolve_pronoun(m)
            self.how = "pronoun resolved" if ref else "pronoun unresolved"
        elif m.kind == "same":
            prev = self.history[-1] if self.history else None
            ref = prev.reference if prev else None
            stype = prev.speaker_type if prev else stype
            self.how, self.antecedent = "the previous source", prev.pos if prev else None
            if prev is None:
                self.how = "description, no name"
        elif m.anonymous:
            ref = None
            self.how = "anonymous source"
        elif not m.document and (app := self.appositive_name(m.end)):
            # "le directeur des services techniques de la CUGN, René Badot"
            ref, stype = self.full_name(app, m.start), "person"
            self.how = "named in apposition"
        elif m.document or stype == "organization":
            ref = self._resolve_organisation(m)
        else:
            ref = self._resolve_description(m)
            if gender is None and stype == "person" and self.how == "description, no name":
                gender = _article_gender(m)   # "le président du tribunal"
        self.history.append(_Entity(m.start, ref, stype, gender, m.plural, m.document, m.text,
                                    self.how != "description, no name"))
        return ref, stype

    def _resolve_organisation(self, m: Mention) -> str | None:
        ref = None
        head = _head(m, self.lex)
        if m.definite and head and not m.document:
            # "the company said", "le ministère": the organisation named earlier with that noun
            ref = self.by_head(head, m.start, False)
            self.how = "organisation named earlier"
        if ref is None and m.definite and m.document:
            for e in reversed(self.history):
                if e.document or e.speaker_type == "organization":
                    ref, self.antecedent = e.reference, e.pos
                    self.how = "document of an earlier source"
                    break
        if ref is None:
            # French references drop the article ("ministère de l'Intérieur"), English ones keep
            # the mention as written ("the paramedics union"), as the two annotations do
            ref = _strip_det(m.text, self.lex) if self.lex.lang == "fr" else m.text
            self.how, self.antecedent = "organisation as written", None
        return ref

    def _by_office(self, m: Mention) -> str | None:
        """The person the article names with the same office under any of its usual names
        ("le Président de la République" ... "Le Chef de l'Etat, X"): the latest before the
        mention, else the first after it."""
        group = next((g for g in _OFFICE_NAMES if g.search(m.text)), None)
        if group is None or m.plural or not m.definite:
            return None
        for e in reversed(self.history):
            if e.pos < m.start and e.named and e.reference and e.text and group.search(e.text):
                self.antecedent = e.pos
                return e.reference
        found = None
        for p, full, _ in self.names:
            if p > m.start and found is not None:
                break
            before, after = self._around(p, full)
            if self._next_to(group, before, after):
                found = (p, full)
        if found:
            self.antecedent = found[0]
            return found[1]
        return None

    def _next_to(self, office: re.Pattern[str], before: str, after: str) -> bool:
        """Is the office written right beside a name: before it, with only honorifics between
        ("le Chef de l'Etat, Son Excellence M. X"), or as its apposition (", chef de l'Etat")?"""
        last = _last_match(office, before)
        if last is not None and all(w.lower().rstrip(".") in self.lex.titles or w.lower() in (
                "son", "sa", "his", "her") for w in re.findall(r"[^\s,]+", before[last.end():])):
            return True
        head = re.match(r"[\s,\u00a0]*(?:(?:le|la|l[’']|the|an?)[\s\u00a0]*)?", after, re.I)
        return bool(office.match(after, head.end() if head else 0))

    def _resolve_description(self, m: Mention) -> str | None:
        ref = self._by_office(m)
        if ref is not None:
            self.how = "office of a person named in the article"
            return ref
        low = set(m.text.lower().split())
        if m.definite and low & self.lex.titles and not m.plural:
            ref = self._by_title(low & self.lex.titles, m.start)
            self.how = "title of a person named earlier"
            if ref is None:
                for e in reversed(self.history):
                    if e.speaker_type == "person" and not e.plural and e.reference:
                        # "Jean-Luc Mélenchon a ... Le député insoumis a promis": the previous
                        # speaker, in the same paragraph only (a new paragraph brings new people)
                        if "\n" not in self.doc[e.pos:m.start] and e.named and self._same_gender(m, e):
                            ref, self.antecedent = e.reference, e.pos
                            self.how = "title taken as the previous speaker"
                        break
        app = self.appositive_name(m.end)
        if ref is None and app:
            ref = self.full_name(app, m.start)
            self.how = "named in apposition"
        head = _head(m, self.lex)
        if ref is None and m.definite and head and not m.plural:
            ref = self.by_head(head, m.start, True)
            self.how = "description of a person named earlier"
        if ref is None and m.definite and not m.plural and head and head.lower() in _ROLE_HEADS \
                and head.lower() not in self.lex.titles:
            # (a title keeps to its paragraph, above: a new paragraph brings new office holders)
            ref = self._role_of_previous_speaker(m)
        if ref is None:
            ref = m.text
            self.how, self.antecedent = "description, no name", None
        return ref

    def _same_gender(self, m: Mention, e: _Entity) -> bool:
        """Can mention m ("le président", "la dirigeante") be the person of entry e? Not when
        both genders are known and differ."""
        eg = e.gender or self.gender_of.get(e.reference or "")
        mg = m.gender or _article_gender(m)
        return not (mg and eg and mg != eg)

    def _role_of_previous_speaker(self, m: Mention) -> str | None:
        """A role description ("le responsable du syndicat", "the exhausted skipper", "l'édile")
        with no head of its own earlier: the previous named speaker, in this paragraph or the one
        before, when no other person was named since."""
        pos = m.start
        for e in reversed(self.history):
            if e.pos >= pos or e.speaker_type != "person" or e.plural or not e.reference:
                continue
            if not e.named or self.doc.count("\n", e.pos, pos) > 2 or len(e.reference.split()) < 2 \
                    or not self._same_gender(m, e):
                return None   # (a one-word reference may be a newspaper: "rapporte L'Indépendant")
            named = self.last_name_position(pos)
            if named is not None and named[0] > e.pos and named[1] != e.reference:
                return None   # someone else was named since: the role may be theirs
            self.antecedent = e.pos
            self.how = "title taken as the previous speaker"
            return e.reference
        return None

    def remember(self, pos: int, ref: str | None, stype: str) -> None:
        self.history.append(_Entity(pos, ref, stype, self.gender_of.get(ref or ""), False, False))

    def _resolve_pronoun(self, m: Mention) -> tuple[str | None, str, str | None]:
        g = m.gender
        if m.text.lower() == "it":
            for e in reversed(self.history):
                if e.speaker_type == "organization":
                    self.antecedent = e.pos
                    return e.reference, "organization", None
            return None, "organization", None
        if m.plural:
            for e in reversed(self.history[-6:]):
                if e.plural or e.speaker_type == "organization":
                    self.antecedent = e.pos
                    return e.reference, e.speaker_type, e.gender
            if self.history:
                e = self.history[-1]
                self.antecedent = e.pos
                return e.reference, e.speaker_type, e.gender
            return None, "person", None
        if m.text.lower() in ("lequel", "laquelle"):
            # a relative pronoun: the person named last, whatever their role in the sentence
            for p, full, _ in reversed(self.names):
                if p < m.start:
                    self.antecedent = p
                    return full, "person", g
        # singular he / she / il / elle: the nearest compatible earlier speaker, else person name
        for e in reversed(self.history[-8:]):
            if e.speaker_type != "person" or e.plural or not e.reference:
                continue
            eg = e.gender or self.gender_of.get(e.reference)
            if g and eg and eg != g:
                continue
            subject = self._previous_subject(m.start, e.pos)
            if subject and subject != e.reference and (not g or self.gender_of.get(subject) in (None, g)):
                # "Powell declined to comment. "...," he said": the subject just named
                return subject, "person", g
            described = self._described_subject(m.start, g, e.pos, plain=True)
            if described and described != e.reference:
                # "Writing on X, the opposition leader attacked the budget. "...," he wrote"
                return described, "person", g
            named = self.last_name_position(m.start)
            if named and named[0] > e.pos and named[1] != e.reference and g and eg is None \
                    and named[1] in self.gender_sure and self.gender_of.get(named[1]) == g:
                # "Karim" (gender unknown) quoted, then "la maire, Sophie Camard": "elle" is her
                self.antecedent = named[0]
                return named[1], "person", g
            if not e.named and named and named[0] > e.pos and (
                    not g or self.gender_of.get(named[1]) in (None, g)):
                # "le porte-parole" (no name) then "Alfons Goetzfrid" named: "il" is the name
                self.antecedent = named[0]
                return named[1], "person", g
            if g and e.reference:
                self.gender_of.setdefault(e.reference, g)
            self.antecedent = e.pos
            return e.reference, "person", g
        ref = self._described_subject(m.start, g, plain=True)
        if ref is None:
            last, last_at = self._last_name_before(m.start, g), self.antecedent
            subject = self._previous_subject(m.start, -1)
            sg = self.gender_of.get(subject) if subject else None
            if subject and (not g or sg == g or sg is None and (last is None or self.gender_of.get(last) != g)):
                ref = subject   # "Turgis a devancé Pidcock et Gee. « ... », a-t-il dit": the subject
            else:
                ref = last
                if last is not None:
                    self.antecedent = last_at   # (the subject's lookup moved it)
        if ref and g:
            self.gender_of.setdefault(ref, g)
        return ref, "person", g


# the gender a French description's article gives it ("le président", "la dirigeante")
_ARTICLE_GENDER = {"le": "m", "la": "f", "du": "m", "au": "m", "ce": "m", "cette": "f"}
def _article_gender(m: Mention) -> str | None:
    """The gender the article opening a French description gives it, if any."""
    first = m.text.split(maxsplit=1)[:1]
    return _ARTICLE_GENDER.get(first[0].lower()) if first else None


# head nouns of a role that a description gives the person an article follows, beside the
# titles of the lexicon: "le responsable", "l'édile", "the skipper", "the bank boss"
_ROLE_HEADS = {"responsable", "dirigeant", "dirigeante", "patron", "patronne", "chef", "cheffe",
               "édile", "élu", "élue", "entraîneur", "entraîneuse", "sélectionneur", "capitaine",
               "leader", "syndicaliste", "militant", "militante", "avocat", "avocate", "skipper",
               "captain", "boss", "coach", "manager", "chief", "head", "founder", "fondateur",
               "fondatrice", "champion", "championne", "star", "veteran", "vétéran"}


def _head(m: Mention, lex: Lexicon) -> str | None:
    """Head noun of a description: its last word before a preposition ("the director of X" ->
    director; "le ministère français des ..." -> ministère is the first content noun in French)."""
    ws = [w for _, _, w in _words(m.text)]
    low = [w.lower() for w in ws]
    cut = len(ws)
    for i, w in enumerate(low):
        if i > 0 and (w in _PREP_CUT or w == ","):
            cut = i
            break
    content = [w for w in low[:cut] if w not in lex.determiners and w not in lex.indefinite
               and w[:1].isalpha() and w not in ("l’", "l'")]
    if not content:
        return None
    h = content[0] if lex.lang == "fr" else content[-1]
    h = re.sub(r"^[ld][’']", "", h)
    return h if len(h) > 2 else None


def _strip_det(text: str, lex: Lexicon) -> str:
    ws = text.split(maxsplit=1)
    if len(ws) == 2 and ws[0].lower() in lex.determiners:
        return ws[1]
    m = re.match(r"(?i)(l’|l'|d’|d')(.+)", text)
    if m:
        return m.group(2)
    return text


# connectives that open a sentence before its subject without a comma ("Cependant le ministre a
# estimé que ...", "C'est pourquoi le Président a demandé ..."): not part of the speaker
_CONNECTIVE_RE = re.compile(
    r"(?i)(?:(?:cependant|pourtant|toutefois|néanmoins|ainsi|enfin|ensuite|alors|désormais|donc|"
    r"mais|or|et|puis|aussi|d[’']ailleurs|par[ \u00a0]+ailleurs|en[ \u00a0]+outre|de[ \u00a0]+plus|"
    r"dès[ \u00a0]+lors|c[’']est[ \u00a0]+pourquoi|c[’']est[ \u00a0]+ainsi[ \u00a0]+que|however|"
    r"meanwhile|still|yet|nevertheless|nonetheless|moreover|also|then|so|and|but|thus|therefore|"
    r"hence)[ \u00a0]+)+(?=\S)")
# a name or a description followed by the person it was said to: "la députée à Élisabeth Borne"
_TO_NAME_RE = re.compile(r"[ \u00a0]+(?:à|to)[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w’'\-.]*"
                         r"(?:[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w’'\-.]*)+$")
_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "he", "she", "they"}


def trim_speaker(doc: str, s: int, e: int, lex: Lexicon) -> tuple[int, int]:
    """The noun phrase of a speaker span found by the quote extractor: without a connective
    before it ("Cependant le ministre", "C'est pourquoi le Président de la République"), the
    clause after a subject pronoun ("Il nie toute implication" -> "Il"), the end of the sentence
    before one ("... à Washington D.C. Il" -> "Il"), or the person spoken to ("la députée à
    Élisabeth Borne" -> "la députée")."""
    m = _CONNECTIVE_RE.match(doc, s, e)
    if m and m.end() < e:
        s = m.end()
    ws = _words(doc[s:e])
    if len(ws) >= 2:
        first, second, last = ws[0][2].lower(), ws[1][2], ws[-1][2].lower()
        if first in _SUBJECT_PRONOUNS and second[:1].islower() and second.lower() not in (
                "et", "and", "ou", "or", "aussi", "also", "même", "-même", "himself", "herself",
                "themselves", "both", "all", "tous", "toutes", "deux"):
            return s + ws[0][0], s + ws[0][1]   # "Il nie toute implication"
        if last in _SUBJECT_PRONOUNS and ws[-2][2].endswith("."):
            return s + ws[-1][0], s + ws[-1][1]   # "... D.C. Il"
    t = _TO_NAME_RE.search(doc, s, e)
    before = doc[s:t.start()].split() if t else []
    if t and t.end() == e and before and (_is_cap(before[-1]) or before[-1].lower() in lex.titles):
        e = t.start()   # (after a name or a title only: "un diplomate présent à Moscou" stays)
    return s, e
