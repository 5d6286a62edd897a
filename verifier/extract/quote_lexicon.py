"""Lexicons of the quote extractor: reporting-verb (cue) forms and closed word lists per language.

The word lists live in ``lexicon/{lang}-cues.txt``, ``{lang}-cues-incise.txt`` and
``{lang}-speaker-words.txt`` (see their headers for origin). Grammar words that the patterns need
(auxiliaries, negation, pronouns) are kept here, as they are part of the rules, not of the data.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DIR = Path(__file__).with_name("lexicon")


def _read(name: str) -> list[str]:
    path = _DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.lower())
    return out


def _sections(name: str) -> dict[str, frozenset[str]]:
    sec: dict[str, set[str]] = {}
    cur = ""
    for line in _read(name):
        if line.startswith("[") and line.endswith("]"):
            cur = line[1:-1]
            sec.setdefault(cur, set())
        else:
            sec.setdefault(cur, set()).add(line)
    return {k: frozenset(v) for k, v in sec.items()}


@dataclass(frozen=True)
class Lexicon:
    lang: str
    cues: frozenset[str]          # single-token cue forms
    incise: frozenset[str]        # cue forms accepted only after the quote (incise)
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first token -> multiword cue tails
    titles: frozenset[str]
    org: frozenset[str]
    document: frozenset[str]
    anonymous: frozenset[str]
    indefinite: frozenset[str]
    adjunct: frozenset[str]
    aux: frozenset[str]
    adverbs: frozenset[str]
    negation: frozenset[str]
    pronouns: dict[str, tuple[str, str]]   # pronoun -> (gender m/f/n/?, number s/p)
    first_person: frozenset[str]
    subordinators: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    object_verbs: frozenset[str]  # cues that take a noun object, so need "that"/":"/a mark


_EN_AUX = {"has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "did",
           "does", "do", "is", "was", "were", "are", "been", "be", "'s", "’s", "must", "shall"}
_EN_ADV = {"also", "later", "previously", "recently", "repeatedly", "once", "then", "again",
           "further", "earlier", "first", "still", "reportedly", "publicly", "privately", "often",
           "frequently", "always", "simply", "just", "even", "has", "had", "have", "already",
           "initially", "finally", "only", "clearly", "flatly", "quickly", "openly", "long",
           "subsequently", "separately", "since"}
_EN_NEG = {"not", "never", "n't", "n’t", "no", "neither", "nor", "cannot", "didn't", "didn’t",
           "doesn't", "doesn’t", "don't", "don’t", "won't", "won’t", "wouldn't", "wouldn’t",
           "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "refused", "declined",
           "refuses", "declines", "refusing", "declining", "couldn't", "couldn’t"}
_EN_PRON = {"he": ("m", "s"), "she": ("f", "s"), "they": ("?", "p"), "it": ("n", "s")}
_EN_SUB = {"that", "and", "but", "because", "while", "when", "as", "which", "where", "if",
           "after", "before", "since", "although", "though", "so", "whether", "or", "nor", "until",
           "unless", "once", "whom", "whose", "what", "how", "why", "than", "however", "yet"}
_EN_DET = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
           "one", "some", "several", "two", "three", "many", "another", "other", "each", "every",
           "no", "any"}
_EN_PREP = {"of", "for", "about", "with", "to", "by", "in", "on", "at", "from", "as", "into",
            "over", "under", "against", "during", "after", "before", "through", "and", "but",
            "or", "up", "out", "off", "down", "back", "away", "so", "like", "than", "upon",
            "around", "across", "between", "among", "towards", "toward", "within", "without",
            "not", "goodbye", "yes", "no", "hello", "sorry", "thanks", "nothing", "anything",
            "something", "much", "more", "less", "little", "enough", "too", "very", "only"}
_EN_OBJECT = {"announced", "announce", "announces", "announcing", "confirmed", "confirm", "confirms",
              "confirming", "reported", "report", "reports", "reporting", "acknowledged",
              "acknowledge", "acknowledges", "acknowledging", "admitted", "admit", "admits",
              "admitting", "predicted", "predict", "predicts", "predicting", "indicated",
              "indicate", "indicates", "indicating", "highlighted", "mentioned", "mention",
              "mentions", "mentioning", "recalled", "recall", "recalls", "recalling", "repeated",
              "repeat", "repeats", "repeating", "added", "add", "adding", "adds", "posted",
              "tweeted", "tweet", "tweets", "tweeting", "denounced", "denounce", "denounces",
              "denouncing", "lamented", "lament", "laments", "criticizes", "slammed", "slams",
              "hailed", "promised",
              "promise", "promises", "promising", "urged", "urge", "urges", "urging", "pledged",
              "pledge", "pledges", "pledging", "vowed", "vow", "vows", "vowing", "asked", "ask",
              "asks", "asking", "answered", "answer", "answers", "wrote", "write", "writes",
              "writing", "stressed", "stress", "stresses", "emphasized", "emphasised", "revealed",
              "reveal", "reveals", "estimated", "estimate", "estimates", "estimating", "complained",
              "complain", "complains", "complaining", "noted", "note", "notes", "echoed", "echoes",
              "echo", "cautioned", "caution", "countered", "plead", "pleaded", "recounted",
              "recounts", "described", "describe", "describes", "criticized", "criticize",
              "affirmed", "affirm", "affirms", "testified", "testify", "testifies", "testifying",
              "remarked", "observed", "hinted", "maintained", "maintain", "maintains"}
_TELL = {"told", "tell", "tells", "telling", "assured", "assure", "assures", "reminded", "remind",
         "reminds", "warned", "warn", "warns", "warning", "informed", "inform", "informs",
         "advised", "advise", "advises", "promised", "urged", "reassured", "notified", "asked",
         "asks", "ask", "urging", "asking", "advising", "reminding", "informing",
         "assuring"}

_FR_AUX = {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "eurent",
           "avoir", "ayant", "est", "sont", "était", "étaient", "sera", "seront", "serait",
           "seraient", "fut", "furent", "être", "étant", "va", "vont", "allait", "allaient",
           "vient", "viennent", "venait", "venaient", "doit", "doivent", "devait", "devaient",
           "peut", "peuvent", "pouvait", "pouvaient", "a-t-il", "a-t-elle", "ont-ils",
           "ont-elles", "avait-il", "avait-elle", "est-il", "est-elle"}
_FR_ADV = {"ensuite", "toujours", "désormais", "finalement", "nouveau", "brièvement", "surtout",
           "officiellement", "solennellement", "expressément", "personnellement", "directement",
           "également", "aussi", "encore", "déjà", "d’ailleurs", "d'ailleurs", "notamment",
           "ainsi", "alors", "bien", "même", "toutefois", "cependant", "enfin", "longuement",
           "publiquement", "récemment", "souvent", "par", "ailleurs", "pour", "sa", "part",
           "quant", "à", "lui", "elle", "de", "son", "côté", "en", "outre", "clairement",
           "fermement", "vivement", "immédiatement", "aussitôt", "plusieurs", "fois", "hier",
           "tenu", "tient", "tiennent", "tenaient", "tenait", "fait", "voulu", "souhaité",
           "cherché", "insisté", "pris", "soin", "voulait", "veut", "veulent", "souhaite",
           "souhaitait", "su", "pu", "dû", "jamais", "pas", "plus", "guère", "point",
           "nullement", "ne", "n’", "n'", "s’", "s'", "se", "l’", "l'", "le", "la", "les", "leur", "y", "me", "m’", "m'", "nous", "vous", "t’", "t'"}
_FR_NEG = {"ne", "n’", "n'", "pas", "jamais", "nullement", "guère", "point", "refusé", "refuse",
           "refusait", "refusent", "sans"}
_FR_PRON = {"il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p"),
            "lequel": ("m", "s"), "laquelle": ("f", "s"),
            "lui": ("m", "s"), "eux": ("m", "p"), "on": ("?", "s")}
_FR_SUB = {"que", "qu’", "qu'", "et", "mais", "car", "lorsque", "lorsqu’", "quand", "où", "dont",
           "si", "comme", "puisque", "tandis", "alors", "ou", "ni", "or", "donc", "afin",
           "quoique", "bien"}
_FR_DET = {"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "de", "d’", "d'", "ce", "cet",
           "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "plusieurs",
           "deux", "trois", "certains", "certaines", "quelques"}
_FR_PREP = {"de", "d’", "d'", "à", "au", "aux", "en", "dans", "sur", "pour", "par", "avec", "sans",
            "et", "ou", "mais", "du", "des", "vers", "chez", "contre", "entre", "parmi", "sous",
            "le", "la", "les", "l’", "l'", "un", "une", "ce", "cette", "ces"}


def _phrases(forms: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for f in forms:
        parts = f.split()
        if len(parts) > 1:
            out.setdefault(parts[0], []).append(tuple(parts[1:]))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_VOWEL_A_O = ("a", "â", "o")


def _fr_stem_before(stem: str, ending: str) -> str:
    """Spelling of a first-group stem before an ending: "annonc" + "a" -> "annonça",
    "jug" + "ait" -> "jugeait"."""
    if ending.startswith(_VOWEL_A_O):
        if stem.endswith("c"):
            return stem[:-1] + "ç"
        if stem.endswith("g"):
            return stem + "e"
    return stem


def _fr_conjugated(lemma: str) -> list[str]:
    """The forms a reporting verb takes in news copy (third person of the present, imperfect,
    simple past, future and conditional; participles; infinitive) of a regular French verb: first
    group in -er ("lâcher", with "asséner" -> "assène", "annoncer" -> "annonça", "juger" ->
    "jugea") or second group in -ir ("renchérir")."""
    if lemma.endswith("er") and len(lemma) > 3:
        stem = lemma[:-2]
        # "asséner", "répéter", "lever": é or e before the last consonant(s) turns è in the
        # present ("assène", "répète", "lève")
        grave = stem
        for i in range(len(stem) - 1, 0, -1):
            if stem[i] in "aeiouyéèêëîïôûù":
                if stem[i] in "ée" and i < len(stem) - 1:
                    grave = stem[:i] + "è" + stem[i + 1:]
                break
        out = [lemma, grave + "e", grave + "ent", stem + "é"]
        for ending in ("ait", "aient", "a", "èrent", "ant"):
            out.append(_fr_stem_before(stem, ending) + ending)
        for ending in ("a", "ont", "ait", "aient"):
            out.append(lemma + ending)
            if grave != stem:
                out.append(grave + "er" + ending)   # "assènera" (1990 spelling) beside "assénera"
        return out
    if lemma.endswith("ir") and len(lemma) > 3:
        stem = lemma[:-2]
        return [lemma, stem + "it", stem + "issent", stem + "issait", stem + "issaient", stem + "irent",
                stem + "i", stem + "issant", lemma + "a", lemma + "ont", lemma + "ait", lemma + "aient"]
    raise ValueError(f"not a regular French verb: {lemma!r}")


def _fr_expanded(forms: list[str]) -> list[str]:
    """Lines "+lemma" of a French list stand for the forms of that regular verb."""
    out: list[str] = []
    for f in forms:
        out.extend(_fr_conjugated(f[1:]) if f.startswith("+") else (f,))
    return list(dict.fromkeys(out))


def _fr_agreed(forms: list[str]) -> list[str]:
    """French past participles agree with a feminine or plural subject ("s'est indignée",
    "se sont insurgés", "se sont dits", "s'est dite"): each single-word form in -é or -it also
    in -e, -s, -es; in -is ("promis") also in -e, -es."""
    have = set(forms)
    out = list(forms)
    for f in forms:
        if " " in f or len(f) <= 2:
            continue
        if f.endswith("é") and len(f) > 3 or f.endswith("it"):   # indigné, dit, écrit
            more: tuple[str, ...] = (f + "e", f + "s", f + "es")
        elif f.endswith("is") and len(f) > 4:                   # promis, admis
            more = (f + "e", f + "es")
        else:
            continue
        out.extend(x for x in more if x not in have)
        have.update(more)
    return out


@cache
def load_lexicon(lang: str) -> Lexicon:
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language for quote extraction: {lang!r} (use 'fr' or 'en')")
    cues = _read(f"{lang}-cues.txt")
    incise = _read(f"{lang}-cues-incise.txt")
    if lang == "fr":
        cues, incise = _fr_agreed(_fr_expanded(cues)), _fr_agreed(_fr_expanded(incise))
    sec = _sections(f"{lang}-speaker-words.txt")
    single = frozenset(c for c in cues if " " not in c)
    if lang == "en":
        return Lexicon(lang, single, frozenset(c for c in incise if " " not in c),
                       _phrases(cues + incise), sec["title"], sec["org"], sec["document"],
                       sec["anonymous"], sec["indefinite"], sec["adjunct"], frozenset(_EN_AUX),
                       frozenset(_EN_ADV), frozenset(_EN_NEG), _EN_PRON,
                       frozenset({"i", "we", "you", "me", "us"}), frozenset(_EN_SUB),
                       frozenset(_EN_DET), frozenset(_EN_PREP), frozenset(_EN_OBJECT | _TELL))
    return Lexicon(lang, single, frozenset(c for c in incise if " " not in c),
                   _phrases(cues + incise), sec["title"], sec["org"], sec["document"],
                   sec["anonymous"], sec["indefinite"], sec["adjunct"], frozenset(_FR_AUX),
                   frozenset(_FR_ADV), frozenset(_FR_NEG), _FR_PRON,
                   frozenset({"je", "j’", "j'", "nous", "vous", "tu", "moi"}), frozenset(_FR_SUB),
                   frozenset(_FR_DET), frozenset(_FR_PREP), frozenset())


TELL_VERBS = frozenset(_TELL)
