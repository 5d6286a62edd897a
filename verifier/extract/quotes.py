"""Quote and speaker extraction for French and English news text (pure functions).

How it works, in one pass over the text:

1. quotation marks are paired (« », “ ”, „ “, " ", ‘ ’), across paragraphs when a paragraph
   opens a quote that it does not close and the next one continues it;
2. the text is cut into sentences, never inside a quotation; each quotation is one token;
3. in each sentence, attribution patterns are matched around reporting cues (verb forms from
   lexicon/{lang}-cues.txt, "according to", "selon", "d'après", "pour X,"):
   - incise after the quote: ``Q, a déclaré X``, ``Q, a-t-il ajouté``, ``"Q," he said``;
   - speaker and cue before: ``X a affirmé que Q``, ``X said (that) Q``, ``X a déclaré : « Q »``;
   - ``Selon X, Q`` / ``According to X, Q`` / ``Q, according to X``;
   - a quotation with no attribution of its own continues the previous speaker (floating);
4. speakers are resolved to full names in document order (see speakers.py).

Span convention: ``text == doc[start:end]``. A marked quote *includes* its quotation marks
(and whatever punctuation the writer put inside them, e.g. the comma of ``"No more white
bread,"``), the Gender Gap Tracker convention; unmarked, indirect and according-to quotes are
the reported clause without the final sentence punctuation, with the complementizer
(``that ...``, ``que ...``) included when there is one.

An interrupted quote (``"A," he said, "B."``, ``« A, a-t-il dit, B »``) gives one Quote per
part; both carry the speaker, and the second part has ``continues=True``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice

from verifier.analysis import DocumentAnalysis, analyse
from verifier.calendar_names import WEEKDAYS
from verifier.claims import QuoteClaim
from verifier.extract.quote_lexicon import TELL_VERBS, Lexicon, load_lexicon
from verifier.extract.speakers import (
    NAME_PARTICLES,
    YEAR_OLD_RE,
    Mention,
    Resolver,
    analyse_mention,
    trim_speaker,
)

__all__ = ["Quote", "extract_quotes"]


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    reference: str | None
    speaker_type: str | None
    cue: str | None
    quote_type: str            # marked | unmarked | indirect | according_to
    anonymous: bool
    floating: bool
    continues: bool = False    # second part of a quote interrupted by its attribution
    confidence: float = 0.0    # how much to trust the attribution, 0-1 (docs/decisions.md)
    reasons: tuple[str, ...] = ()   # why: the pattern, then how the speaker was resolved

    def to_claim(self) -> QuoteClaim:
        return QuoteClaim(text=self.text, start=self.start, end=self.end, speaker=self.speaker,
                          speaker_start=self.speaker_start, speaker_end=self.speaker_end,
                          reference=self.reference, cue=self.cue, quote_type=self.quote_type,
                          anonymous=self.anonymous, speaker_type=self.speaker_type,
                          floating=self.floating, confidence=self.confidence,
                          reasons=self.reasons)


# ---------------------------------------------------------------------------------------------
# quotation marks

_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "‘": "’"}
_MARK_RE = re.compile(r"[«»“”„\"‘’\n]")


def _pair_marks(text: str) -> list[tuple[int, int, bool]]:
    """Top-level quotation spans ``(start, end, continued)``: start at the opening mark, end
    after the closing mark. A quotation that runs over several paragraphs (the paragraph does
    not close it and the next one opens again with a mark, or closes it) is cut into one span
    per paragraph; every span after the first has ``continued=True``. An unclosed quotation that
    is not continued ends with its paragraph."""
    out: list[tuple[int, int, bool]] = []
    opener = ""
    ostart = -1
    cont = False
    skip_at = -1
    n = len(text)
    marks_at: dict[str, list[int]] = {}   # positions of « » “ ”, for _runs_on (bisect: linear)
    opened_after_colon = False
    depth = 0   # quotations nested in the open one (« and » or “ and ” only)
    for m in _MARK_RE.finditer(text):
        c = m.group()
        i = m.start()
        if i == skip_at:
            continue
        if c == "\n":
            if not opener:
                continue
            depth = 0
            end = i
            while end > ostart and text[end - 1] in " \t":
                end -= 1
            if end - ostart > 1:
                out.append((ostart, end, cont))
            # the next paragraph with text (GGT texts have " ." filler lines)
            j = i
            nxt = None
            while True:
                k = text.find("\n", j + 1)
                seg = text[j + 1: k if k >= 0 else n]
                if seg.strip(" .\t"):
                    nxt = (j + 1 + len(seg) - len(seg.lstrip()), seg.strip())
                    break
                if k < 0:
                    break
                j = k
            closer = _OPEN_CLOSE[opener]
            if nxt and (nxt[1][0] == opener or (opener in "«“„" and nxt[1][0] in "«“„")):
                ostart, skip_at, cont = nxt[0], nxt[0], True
            elif nxt and opener in "«“„" and closer in nxt[1] and (
                    opener not in nxt[1] or nxt[1].find(closer) < nxt[1].find(opener)):
                ostart, cont = nxt[0], True
            elif nxt and opener in "«“\"" and _runs_on(text, i, opener, closer, opened_after_colon, marks_at):
                ostart, cont = nxt[0], True   # a statement over paragraphs, closed once at its end
            else:
                opener = ""
            continue
        if not opener:
            if c == '"' and i > 0 and not text[i - 1].isspace() and (i + 1 >= n or text[i + 1] in " \n.,;"):
                # a closing mark with no opening one in its paragraph: the quotation started
                # with the paragraph (a continued quotation whose opening mark was lost)
                ps = text.rfind("\n", 0, i) + 1
                while ps < i and text[ps] in " \t":
                    ps += 1
                if i - ps > 10 and '"' not in text[ps:i]:
                    out.append((ps, i + 1, True))
                continue
            if c in _OPEN_CLOSE:
                if c == "‘" and (i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([—–-")
                                 or i + 1 < n and text[i + 1].isdigit()):
                    continue  # an apostrophe, or an elided year ("‘19")
                if c == '"' and i + 1 < n and text[i + 1] == "\n":
                    continue
                opener, ostart, cont, depth = c, i, False, 0
                k = i - 1
                while k >= 0 and text[k] in " \t\n\u00a0":
                    k -= 1
                opened_after_colon = k >= 0 and "\n" in text[k:i] and (
                    text[k] == ":" or _STATEMENT_LINE_RE.search(text, text.rfind("\n", 0, k) + 1, k + 1) is not None)
            continue
        closer = _OPEN_CLOSE[opener]
        if c == opener and opener != closer and i > ostart:
            depth += 1   # « ... « nested » ... »
            continue
        if c == closer and depth:
            depth -= 1
            continue
        if c == "’" and opener in "\"“" and i + 1 < n and text[i + 1] == "’":
            out.append((ostart, i + 2, cont))   # closed by two apostrophes: ’’
            opener = ""
            skip_at = i + 1
            continue
        if c == closer or (opener == "„" and c == "”") or (opener == "“" and c == '"'):
            if c == "’" and i + 1 < n and text[i + 1].isalpha():
                continue  # an apostrophe
            out.append((ostart, i + 1, cont))
            opener = ""
    if opener:
        end = n
        while end > ostart and text[end - 1] in " .\n":
            end -= 1
        if end - ostart > 1:
            out.append((ostart, end, cont))
    return out


# a line announcing a statement, its text in the next paragraphs
_STATEMENT_LINE_RE = re.compile(r"(?i)\b(?:(?:déclaration|statement|message|allocution)[ \t]+"
                                r"(?:suivante|suivant|qui[ \t]+suit|ci-dessous|below)|following[ \t]+statement)")


def _runs_on(text: str, i: int, opener: str, closer: str, after_colon: bool,
             marks_at: dict[str, list[int]]) -> bool:
    """Does a quotation left open at the line break i run on over the next paragraphs, French
    and English style (one opening mark, paragraphs that open with no mark, one closing mark at
    the end)? Yes when the next mark of its kind after i is its closing mark, or when no mark of
    its kind follows at all and the quotation opened a line after a colon ("... a fait la
    déclaration suivante :\n« ..."; an excerpt cut before the statement ends)."""
    for ch in (opener, closer):
        if ch not in marks_at:
            marks_at[ch] = [m.start() for m in re.finditer(re.escape(ch), text)]
    o, c = marks_at[opener], marks_at[closer]
    no, nc = bisect_left(o, i), bisect_left(c, i)
    if opener == closer:
        # straight quotes: a statement after a colon, up to a mark that closes (a letter or
        # punctuation before it, a space, a line break or the end after it), or to the end
        if not after_colon:
            return False
        if no == len(o):
            return True
        j = o[no]
        return j > 0 and not text[j - 1].isspace() and (j + 1 >= len(text) or text[j + 1] in " \n\t.,;")
    for _ in range(_NESTED_MAX):
        next_open = o[no] if no < len(o) else None
        next_close = c[nc] if nc < len(c) else None
        if next_close is None:
            return next_open is None and after_colon
        if next_open is None or next_close < next_open:
            return True
        line = text.rfind("\n", 0, next_open) + 1
        if not text[line:next_open].strip() or "\n" in text[next_open:next_close]:
            return False
        # a quotation inside a later paragraph, after words ("Le thème, « ... », nous
        # invite"): nested in the running one, which goes on
        no, nc = bisect_left(o, next_close), bisect_left(c, next_close + 1)
    return False


_NESTED_MAX = 20   # nested quotations looked past (a bound: each line break costs O(1) lookups)


# ---------------------------------------------------------------------------------------------
# sentences and tokens

_ABBR = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
         "sgt", "capt", "cmdr", "insp", "det", "const", "supt", "rev", "hon", "jan", "feb", "mar",
         "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs",
         "m", "mme", "mlle", "me", "pr", "ste", "av", "bd", "p", "pp", "cf", "ex", "fig", "vol",
         "etc", "approx", "dept", "univ", "mt", "ft", "u.s", "u.k", "d.c", "e.g", "i.e", "a.m",
         "p.m", "n.b", "b.c", "n.s", "p.e.i", "n.l", "n.w.t", "ont", "que", "man", "sask", "alta",
        "cpl", "pte", "pfc", "cst", "maj", "adm", "brig", "atty", "msgr", "pres", "gén", "mgr",
        "coun", "cllr", "ald", "amb", "asst", "assoc", "sec", "treas", "lb", "lbs", "oz"}
# a run of final punctuation (then closing marks, French style "réglé. »" too: the sentence
# ends with the quotation when a capital follows), a colon ending its line, a line break. The
# run is matched whole without a lookahead (it cannot backtrack: issue 13, a run of dots was
# cubic); _sentences checks that whitespace or the end follows it.
_BOUND_RE = re.compile(r"[.!?…][ \u00a0\u202f][»”]|[.!?…][.!?…\"”»’)\]]*|:(?=[^\S\n]*\n)|\n")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_](?:[\w’'&]|[-.](?=\w))*|\S")
_ELISION_RE = re.compile(r"(?i)(qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[ldnjmstc])([’'])(?=\w)")
_INVERTED_RE = re.compile(r"(?i)^(.+?)(-t)?-(il|elle|ils|elles|on)$")


# a capitalised subject and a speech verb right after a quotation closed by "!" or "?"
_NAME_SAID_RE = re.compile(r"(?:[A-Z][\w'’.-]*[ \u00a0]+){1,4}(?:said|says|asked|asks|added|adds|told|"
                           r"tells|wrote|writes|recalled|recalls|explained|explains|continued|"
                           r"insisted|noted|replied|shouted|exclaimed|laughed|joked)\b")


def _sentences(text: str, marks: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    out = []
    pos = 0
    mi = 0
    n = len(text)
    for m in _BOUND_RE.finditer(text):
        b = m.end()
        if b < n and m.group()[0] in ".!?…" and not text[b].isspace():
            continue  # "3.5", "U.S.A", "...»x": not the end of a sentence
        while mi < len(marks) and marks[mi][1] <= m.start():
            mi += 1
        if mi < len(marks) and marks[mi][0] < m.start() and b < marks[mi][1]:
            continue  # inside a quotation
        g = m.group()
        if g != "\n" and not g.startswith(":"):
            # abbreviation or initial before the period?
            if g == ".":
                ws = m.start()
                while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] == "."):
                    ws -= 1
                word = text[ws:m.start()].lower()
                if word in _ABBR or (len(word) == 1 and word.isalpha()):
                    continue
            # the next sentence should start with a capital, a digit or a quotation mark
            j = b
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] != "\n" and not (text[j].isupper() or text[j].isdigit()
                                                 or text[j] in "«“\"‘(—–-•*"):
                continue
            if g[-1] in "\"”»’" and g[0] in "!?" and _NAME_SAID_RE.match(text, j):
                continue  # '"I told you all!" Nunes said.': the incise ends the quote's sentence
        s, e = pos, (m.start() if g == "\n" else b)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and text[s:e].strip(" .") != "":
            out.append((s, e))
        pos = b
    s, e = pos, n
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
    return out


@dataclass(slots=True)
class _Tok:
    s: int
    e: int
    raw: str
    low: str
    q: int = -1          # index of the quotation if this token stands for one
    cont: bool = False   # the quotation continues one from the previous paragraph
    pron: tuple[int, int] | None = None   # inverted subject pronoun inside the token (a-t-il)
    core: str = ""       # the verb part of an inverted token


def _tokens(text: str, s: int, e: int, marks: list[tuple[int, int, bool]], mi: int, lang: str
            ) -> list[_Tok]:
    out: list[_Tok] = []
    pos = s
    while True:
        while mi < len(marks) and marks[mi][1] <= pos:
            mi += 1
        nxt = marks[mi][0] if mi < len(marks) and marks[mi][0] < e else e
        for m in _TOKEN_RE.finditer(text, pos, nxt):
            w = m.group()
            a = m.start()
            if lang == "fr":
                el = _ELISION_RE.match(w)
                if el and len(w) > el.end():
                    k = el.end()
                    out.append(_Tok(a, a + k, w[:k], w[:k].lower()))
                    w = w[k:]
                    a += k
                if "-" in w:
                    inv = _INVERTED_RE.match(w)
                    if inv:
                        ps = a + inv.start(3)
                        t = _Tok(a, a + len(w), w, w.lower(), pron=(ps, a + len(w)),
                                 core=inv.group(1).lower())
                        out.append(t)
                        continue
            out.append(_Tok(a, a + len(w), w, w.lower()))
        if nxt >= e:
            break
        qs, qe, qc = marks[mi]
        qe = min(qe, e)
        out.append(_Tok(qs, qe, text[qs:qe], "\"", q=mi, cont=qc))
        pos = qe
        mi += 1
    return out


# ---------------------------------------------------------------------------------------------
# cues

_FR_MODAL = {"tenu", "tient", "tiennent", "tenait", "tenaient", "fait", "font", "faisait", "fera",
             "voulu", "veut", "veulent", "voulait", "souhaité", "souhaite", "souhaitait",
             "cherché", "insisté", "pris", "vient", "viennent", "venait", "faire", "tenir",
             "fait-il", "fait-elle", "empresse", "empressé", "empressée", "empressent",
             "empressés", "empressait"}
_FR_FAIRE_INF = {"savoir", "valoir", "remarquer", "observer", "part", "entendre", "état"}
_FR_INF_END = ("er", "ir", "re", "oir")
_FR_PARTICIPLE_RE = re.compile(r"(?:é|ée|és|ées|[^qg]ue?s?|[^qg]u|i|is)$")
# words that can open a French clause right after "..., a déclaré X, ..." (else it is X's
# apposition: "a déclaré Louise Arbour, procureur du Tribunal ...")
_FR_CLAUSE_START = {"il", "elle", "ils", "elles", "on", "nous", "je", "j’", "j'", "c’", "c'", "ce",
                    "cela", "mais", "et", "car", "puis", "avant", "tout", "en", "qui"}
_EN_PASSIVE_AUX = {"been", "being", "was", "were", "is", "are", "be", "get", "got", "gets", "getting"}
_PASSIVE_AUX = {"est", "sont", "été", "était", "étaient", "sera", "seront", "is", "are", "was",
                "were", "been", "be"}
# before a verb of describing: "was described as", "a été qualifié de" (no one's view given)
_DESCRIBED_PASSIVE = _PASSIVE_AUX | {"being", "'s", "’s", "être", "fut"}
_PROGRESSIVE = {"is", "was", "were", "are", "been", "be", "am", "keeps", "kept", "also", "still",
                "repeatedly", "now", "just", "publicly", "openly", "'s", "’s"}
_EN_PARTICIPLE_CONT = {"adding", "noting", "saying", "insisting", "explaining", "arguing",
                       "warning", "stressing", "suggesting", "claiming", "stating", "writing",
                       "acknowledging", "admitting", "asserting", "emphasizing", "indicating",
                       "promising", "vowing", "pledging", "predicting", "conceding", "denying",
                       "urging", "telling"}
_FR_PARTICIPLE_CONT = {"ajoutant", "soulignant", "estimant", "précisant", "expliquant",
                       "affirmant", "assurant", "rappelant", "indiquant", "insistant",
                       "déclarant", "jugeant", "notant", "relevant", "martelant", "avertissant",
                       "promettant", "plaidant", "réclamant", "demandant", "dénonçant", "regrettant",
                       "reconnaissant", "concédant", "répétant", "prévenant"}
_WEEKDAYS = {w.lower() for lg in ("fr", "en") for w in WEEKDAYS[lg]}
_TIME = {*_WEEKDAYS,
         "yesterday", "today", "tonight", "earlier", "later", "recently", "previously", "again",
         "afterward", "afterwards", "last", "this", "week", "month", "year", "night", "morning",
         "afternoon", "evening", "on", "in", "at", "the", "a", "an", "statement", "interview",
         "email", "e-mail", "release", "repeatedly", "publicly", "privately", "then", "also",
         "hier",
         "ce", "cette", "dans", "un", "une", "lors", "de", "d’", "d'", "son",
         "sa", "conférence", "presse", "entretien", "communiqué", "soir", "matin"}
_OBJ_PRON = {"him", "her", "them", "me", "us", "you", "reporters", "journalists", "lui", "leur",
             "nous", "vous"}
_TITLE_NOUNS = {"book", "books", "film", "films", "movie", "song", "album", "novel", "titled",
                "entitled", "series", "show", "play", "article", "headline", "column",
                "documentary", "poem", "memoir", "magazine", "newspaper", "podcast", "episode",
                "exhibition", "exhibit", "campaign", "program", "programme", "hashtag", "slogan",
                "intitulé", "intitulée", "livre", "roman", "chanson", "série", "émission", "pièce",
                "ouvrage", "revue", "journal", "exposition", "spectacle", "opération"}


@dataclass(slots=True)
class _Cue:
    i: int            # index of the verb token
    la: int           # first token of the verbal chain (aux, adverbs)
    k: int            # token after the cue
    text: str         # cue as written, without an inverted pronoun
    pron: tuple[int, int] | None
    incise_only: bool
    kind: str         # verb | according | participle


# English cue forms that are nouns as well: after a determiner and an adjective, a noun
_EN_NOUN_CUES = {"report", "reports", "figures", "comment", "comments", "claim", "claims", "note",
                 "notes", "answer", "answers", "reply", "replies", "remark", "remarks", "warning",
                 "warnings", "estimate", "estimates", "statement", "statements", "response",
                 "argument", "arguments", "promise", "promises", "suggestion", "tweet", "tweets",
                 "post", "posts", "word", "words", "admission", "explanation", "forecast", "forecasts"}


_EN_NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "one"}
_EN_NOUN_ADJ = {"final", "new", "latest", "initial", "preliminary", "recent", "annual", "monthly",
                "weekly", "quarterly", "full", "first", "last", "previous", "same", "earlier",
                "later", "official", "opening", "closing", "brief", "detailed", "written", "joint",
                "separate", "public", "internal", "independent", "interim", "draft", "provisional",
                "updated", "revised", "further", "similar", "critical", "damning"}


def _find_cues(toks: list[_Tok], lex: Lexicon, doc: str) -> list[_Cue]:
    out: list[_Cue] = []
    fr = lex.lang == "fr"
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.q >= 0:
            i += 1
            continue
        w = t.core or t.low
        # "according to", "selon", "d'après"
        if not fr and w == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append(_Cue(i, i, i + 2, doc[t.s:toks[i + 1].e], None, False, "according"))
            i += 2
            continue
        if fr and (w == "selon" or (w == "après" and i > 0 and toks[i - 1].low in ("d’", "d'"))):
            la = i - 1 if w == "après" else i
            out.append(_Cue(i, la, i + 1, doc[toks[la].s:t.e], None, False, "according"))
            i += 1
            continue
        k = i + 1
        phrase_end = None
        tails = lex.phrases.get(w)
        if tails:
            for tail in tails:
                if all(k + j < n and toks[k + j].low == tw for j, tw in enumerate(tail)):
                    phrase_end = k + len(tail)
                    break
        is_cue = w in lex.cues or phrase_end is not None or (
            fr and w in _FR_FAIRE_INF and i > 0 and toks[i - 1].low in _FR_MODAL)
        incise = not is_cue and w in lex.incise
        if not (is_cue or incise):
            i += 1
            continue
        if fr and i > 0 and toks[i - 1].low in _FR_NOUN_DET and w.endswith(("é", "ée", "és", "ées")):
            i += 1
            continue   # "le chargé de mission", "un appelé": a noun
        if not fr and phrase_end is None and _en_noun_use(toks, i):
            i += 1
            continue   # "Acme shares plunged", "during a call", "his comments": a noun
        if phrase_end:
            k = phrase_end
        # participle continuation (", adding that ...")
        if w in (_FR_PARTICIPLE_CONT if fr else _EN_PARTICIPLE_CONT) and i > 0 and _comma_before(toks[i - 1]):
            out.append(_Cue(i, i, k, doc[t.s:toks[k - 1].e], None, False, "participle"))
            i = k
            continue
        # walk left over the verbal chain: auxiliaries, adverbs, negation, reflexive pronoun
        la = i
        negated = False
        modal = False
        chain_words = lex.aux | lex.adverbs | lex.negation | (_FR_MODAL if fr else set())
        if (p := _paren_before(toks, la, 0)) < la and toks[p - 1].low in chain_words | _TIME_ADJ_WORDS:
            # "has today (18 June 2025) announced": the date in brackets is in the chain
            la = p - 1 if toks[p - 1].low in _TIME_ADJ_WORDS else p
        while la > 0 and toks[la - 1].q < 0 and (toks[la - 1].low in chain_words
                                                 or (toks[la - 1].core and toks[la - 1].core in lex.aux)
                                                 or (not fr and toks[la - 1].low == "to"
                                                     and la > 1 and toks[la - 2].low in lex.negation)
                                                 or toks[la - 1].low.endswith(("n't", "n’t"))
                                                 or _adverb_after_aux(toks, la - 1, lex)):
            lw = toks[la - 1].low
            if lw in lex.negation or lw.endswith(("n't", "n’t")):
                negated = True
            if lw in _FR_MODAL:
                modal = True
            la -= 1
            if i - la > 6:
                break
        paren = (i, i)
        if fr and la > 2 and la == i and toks[la - 1].raw == ",":
            # "Il a, dès lors, demandé ...": an adverbial between commas inside the verb
            j = la - 2
            while j > 0 and la - j <= 8 and toks[j].raw not in (",", ".", ";", ":") and toks[j].q < 0:
                j -= 1
            if j > 0 and toks[j].raw == "," and toks[j - 1].low in lex.aux:
                paren = (j, la)
                la = j - 1
        # a French subject pronoun caught in the chain ("elle a déclaré") is not part of it
        while la < i and toks[la].low in ("lui", "elle", "le", "la", "les", "l’", "l'", "à", "de", "pour", "par", "sa", "son", "en", "quant", "côté", "part", "y") and not (fr and toks[la].low in ("s’", "s'", "se")):
            la += 1
        if fr and k < n and toks[k].low in ("pas", "jamais", "nullement", "guère", "point"):
            negated = True
        if not fr and k < n and toks[k].low in ("not", "never"):
            negated = True
        if negated or _no_speaker_cue(toks, i, la, w, lex):
            i = k
            continue
        if fr and w.startswith(("annon", "dit", "dis")) and la < i and toks[i - 1].low in ("s’", "s'", "se") \
                and not (k < n and (toks[k].low in _THAT or toks[k].low in _FR_STANCE or toks[k].q >= 0)):
            i = k
            continue  # "s'annonce difficile", "se dit de ...": not a report
        if fr:
            if la == i and _FR_PARTICIPLE_RE.search(w) and not t.pron:
                if i > 0 and toks[i - 1].low in ("et", ",") and out and out[-1].kind == "verb" \
                        and out[-1].la < out[-1].i and k < n and toks[k].low in _THAT:
                    # "la souveraine a salué ..., et souhaité que ...": the auxiliary is shared
                    out.append(_Cue(i, i, k, t.raw, None, False, "coord"))
                    i = k
                    continue
                i += 1
                continue  # a participle without auxiliary is an adjective: "les accords conclus"
            if w.endswith(_FR_INF_END) and not modal and not _fr_finite_re(w, lex):
                i += 1
                continue
            if w in _FR_FAIRE_INF and not modal:
                i += 1
                continue
        else:
            # "to say" after a noun/verb, "the said ..." are not attributions
            if i > 0 and toks[i - 1].low == "to" and not negated and la == i:
                i += 1
                continue
            if la == i and i > 0 and (toks[i - 1].low in lex.determiners and not (
                    i > 1 and toks[i - 2].low == "of" and toks[i - 1].low in _EN_NUMBERS) or (
                    w in _EN_NOUN_CUES and i > 1 and toks[i - 2].low in lex.determiners
                    and toks[i - 1].low in _EN_NOUN_ADJ)):
                i += 1
                continue   # "the report", "a statement", "the final figures": a noun
        pron = None
        # cue text without the inverted pronoun
        parts = []
        for j in range(la, k):
            if paren[0] <= j < paren[1]:
                parts.append("")   # the adverbial between commas is not part of the cue
                continue
            tj = toks[j]
            if tj.pron:
                pron = tj.pron
                parts.append(doc[tj.s:tj.pron[0]].rstrip("-").removesuffix("-t"))
            else:
                parts.append(tj.raw)
        cue_text = _join(parts, doc, toks, la, k)
        if paren[1] > paren[0]:
            cue_text = " ".join(cue_text.split())
        out.append(_Cue(i, la, k, cue_text, pron, incise, "verb"))
        i = k
    return out


def _comma_before(t: _Tok) -> bool:
    """A comma, or a quotation that ends with its comma inside the marks (`is "far from it,"
    noting that ...`): the participle after it opens a clause of its own."""
    return t.low == "," or (t.q >= 0 and t.raw.rstrip("\"”»’ \u00a0").endswith(","))


def _adverb_after_aux(toks: list[_Tok], x: int, lex: Lexicon) -> bool:
    """A manner adverb between an auxiliary and its participle ("a tranquillement lâché", "has
    quietly said"); a noun in -ment or -ly before the auxiliary ("le gouvernement a", "the
    family has") is not, as no auxiliary stands before it."""
    w = toks[x].low
    if not (toks[x].raw[:1].islower() and len(w) > 5 and w.endswith("ment" if lex.lang == "fr" else "ly")):
        return False
    p = toks[x - 1] if x > 0 else None
    return p is not None and (p.low in lex.aux or bool(p.core and p.core in lex.aux))


# what stands before an English noun, never before a finite verb: "a call", "his comments",
# "11 million shares", "diary-like notes"
_EN_NOUN_BEFORE = {"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our",
                   "my", "your", "every", "each", "million", "billion", "thousand", "hundred",
                   "several", "many", "few", "more", "fewer", "such"}


def _en_noun_use(toks: list[_Tok], i: int) -> bool:
    """Is the English cue form at token i a noun ("shares", "notes", "call", "comments")? After
    a determiner, a possessive, a number or a "-like" compound it is; before a form of "be" or
    an auxiliary, or before a past form and a preposition ("Acme shares plunged to ...",
    "shares were traded"), it is the subject, not a verb."""
    w = toks[i].low
    if w in ("says", "said", "say"):
        return False   # never a noun ("No 10 says", "what it says is", "a panel says are")
    if i > 0:
        p = toks[i - 1]
        if p.q < 0 and (p.low in _EN_NOUN_BEFORE or p.low.endswith(("-like", "'s", "’s"))
                        and p.low not in _CONTRACTED_SUBJ or p.raw.replace(",", "").isdigit()):
            return True
    if not w.endswith("s") or i + 1 >= len(toks):   # a plural noun: "shares", "notes", "calls"
        return False
    if i == 0:
        return True   # "Shares fell ...": a verb in -s needs its subject before it
    nxt = toks[i + 1]
    if nxt.low == "that" and i + 2 < len(toks) and toks[i + 2].raw[:1].islower() \
            and len(toks[i + 2].low) > 4 and toks[i + 2].low.endswith("ed"):
        return True   # "notes that listed every visitor": a relative clause ("claims that was
        #               wrong" keeps its demonstrative subject)
    if nxt.low in _VP_AUX or nxt.low in ("were", "are"):
        return True
    return len(nxt.low) > 4 and nxt.low.endswith("ed") and i + 2 < len(toks) and (
        toks[i + 2].low in ("to", "by", "in", "on", "after", "as", "for", "from", "at")
        or toks[i + 2].raw in (".", ","))


def _no_speaker_cue(toks: list[_Tok], i: int, la: int, w: str, lex: Lexicon) -> bool:
    """A cue form whose subject speaks not: a passive ("was told", "is said"; "Le Conseil
    d'Etat est chargé d'édicter ...", the subject is tasked), an English gerund or noun ("in
    writing", "a warning"), a French capital after a comma ("Évolution de X, Analyse
    comparative ...": a title word), "dite" after a noun ("l'initiative dite « X »": so-called)."""
    fr = lex.lang == "fr"
    before = toks[i - 1] if i > 0 else None
    if before is None:
        return not fr and w.endswith("ing")   # a sentence-initial gerund ("Speaking to ...")
    if not fr:
        return before.low in _EN_PASSIVE_AUX and not w.endswith("ing") or w.endswith("ing") and (
            la == i or before.low not in _PROGRESSIVE) and before.low != "," \
            and before.low not in _EN_GERUND_PREP   # ("ended by saying ...": the subject's words)
    return before.low in _FR_ETRE and _FR_DIRECTED_RE.fullmatch(w) is not None or la == i and (
        toks[i].raw[:1].isupper() and before.raw == ","
        or w in ("dite", "dites", "dits") and before.low not in lex.pronouns and before.raw[:1].isalpha())


def _fr_finite_re(w: str, lex: Lexicon) -> bool:
    """A present-tense form ending in -re ("assure", "déclare", "considère"), not an infinitive:
    adding -r gives the infinitive of the same verb."""
    if not w.endswith("re"):
        return False
    inf = w + "r"
    k = w.rfind("è")
    inf2 = (w[:k] + "é" + w[k + 1:] + "r") if k >= 0 else inf
    return inf in lex.cues or inf in lex.incise or inf2 in lex.cues or inf2 in lex.incise


def _join(parts: list[str], doc: str, toks: list[_Tok], a: int, b: int) -> str:
    s = parts[0]
    for j in range(a + 1, b):
        sep = "" if toks[j - 1].low.endswith(("’", "'")) else " "
        s += sep + parts[j - a]
    return s


# ---------------------------------------------------------------------------------------------
# noun phrases around a cue

_RELATIVE = {"who", "which", "whose", "whom", "where", "qui", "dont", "où", "lequel", "laquelle",
             "lesquels", "what", "that"}
# the relative pronouns proper ("that", "what", "where" also open other clauses)
_RELATIVE_PRONOUNS = _RELATIVE - {"what", "that", "where", "lesquels"}
_SEPARATORS = (",", "—", "–", "--")
_THAT = {"that", "que", "qu’", "qu'"}
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
           "should", "may", "might", "must", "does", "did", "do", "isn't", "isn’t", "wasn't",
           "wasn’t", "won't", "won’t", "can't", "can’t", "don't", "don’t", "didn't", "didn’t",
           "doesn't", "doesn’t", "aren't", "aren’t", "weren't", "weren’t", "hasn't", "hasn’t",
           "haven't", "haven’t", "wouldn't", "wouldn’t", "couldn't", "couldn’t", "shouldn't",
           "shouldn’t", "need", "needs", "want", "wants", "think", "know", "knew", "got", "get",
           "go", "goes", "went", "make", "makes", "made", "take", "takes", "took", "come",
           "came", "see", "saw", "say", "feel", "felt", "told", "said", "says", "am", "be",
           "remain", "remains", "seem", "seems", "keep", "keeps", "kept", "give", "gives",
           "gave", "let", "put", "set", "lost", "left", "became", "become", "becomes"}
_SUBJ_START = {"he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those"}
# subject words that also open non-clauses ("this afternoon", "tweet it out", "there and back")
_NEEDS_VERB = {"this", "these", "those", "it", "there"}
# forms of "be" before a cue participle make it passive ("were reminded that", "are advised
# to", "isn't mentioned"): the subject is told, not telling
_BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "isn't", "isn’t", "aren't",
             "aren’t", "wasn't", "wasn’t", "weren't", "weren’t", "'s", "’s", "'re", "’re"}
_SPEAK = {"speak", "speaks", "spoke", "speaking", "spoken"}  # "spoke highly of": no content


def _is_boundary(t: _Tok, lex: Lexicon) -> bool:
    if t.q >= 0:
        return True
    if not t.raw[0].isalnum():
        return t.raw not in (".", "’", "'", "&", "-", "$", "%")
    return t.low in lex.subordinators or t.low in ("who", "qui", "said", "says") or (
        lex.lang == "en" and t.low in lex.cues and t.raw[:1].islower()
        and (t.low.endswith("ed") or t.low in _EN_IRREGULAR_PAST))   # "admitted the owner, who"


def _is_sep(t: _Tok) -> bool:
    return t.q >= 0 or t.raw in _SEPARATORS


def _passive(toks: list[_Tok], i: int) -> bool:
    """Is the English cue at token i a passive participle ("they were rudely reminded that",
    "Canadians are still advised to", "isn't explicitly mentioned")?"""
    j = i - 1
    while j >= 0 and (toks[j].low in ("not", "still", "also", "never", "often", "repeatedly")
                      or (toks[j].low.endswith("ly") and toks[j].raw[:1].islower())):
        j -= 1
    return j >= 0 and toks[j].low in _BE_FORMS and toks[i].low.endswith(("ed", "en", "ld", "wn"))


_FR_SINGULAR_DET = {"le", "la", "l'", "l’", "un", "une", "son", "sa", "ce", "cet", "cette"}


def _plural_cue_singular_np(toks: list[_Tok], c: _Cue, r: tuple[int, int]) -> bool:
    """A French plural verb ("soulignent", "ont déclaré") and a singular noun phrase after it
    ("la Fête nationale"): no inverted subject, the noun phrase is the verb's object."""
    v = toks[c.i].low   # (an adverb of the chain, "a fermement déclaré", is no plural verb)
    plural = any(t.low in ("ont", "sont") for t in toks[c.la:c.k]) or (v.endswith("ent") and len(v) > 4)
    return plural and toks[r[0]].low in _FR_SINGULAR_DET \
        and not any(t.low in ("et", "ainsi") for t in toks[r[0]:r[1] + 1])  # "le X et le Y"


def _np_and_name(toks: list[_Tok], a: int, b: int, lex: Lexicon) -> bool:
    """Are French tokens a..b-1 a noun phrase and a name in apposition, no verb ("Le maire,
    Paul Durand", "L'avocat du prévenu, Me Jean Petit")?"""
    c = b - 1
    while c > a and toks[c].raw[:1].isupper() and toks[c].q < 0:
        c -= 1
    return c < b - 1 and toks[c].raw == "," and not any(
        t.q >= 0 or _fr_verbish(t) or t.low in lex.aux
        or t.low in lex.cues and not (x > a and _fr_noun_cue(toks, x, lex))   # ("du prévenu")
        for x, t in enumerate(toks[a:c], a))


def _clausal(toks: list[_Tok], a: int, b: int, lex: Lexicon) -> bool:
    """Does tokens a..b-1 look like a clause (a finite verb), not a bare noun phrase?"""
    if a >= b:
        return False
    if lex.lang == "fr":
        # three words or more with a verb: "Le maire, Paul Durand, a expliqué la réforme" has
        # no quote before its verb
        if b - a < 3:
            return False
        # a noun phrase and a name in apposition: "Le maire, Paul Durand" is a subject
        return not _np_and_name(toks, a, b, lex)
    if (toks[a].low in _SUBJ_START and toks[a].low not in _NEEDS_VERB) or toks[a].low in _THAT:
        return True
    # "this" may be a determiner ("spoke to X this afternoon"), "it" an object ("tweet it
    # out"): a verb must follow
    for t in toks[a:b]:
        w = t.low
        if t.q >= 0:
            return True
        if w in _FINITE or w.endswith(("n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve",
                                       "'ll", "’ll", "'d", "’d")):
            return True
        if len(w) > 4 and w.endswith("ed") and t.raw[0].islower():
            return True
        if w in lex.cues or w in _EN_IRREGULAR_PAST:
            return True
    # "said the UN agreement deals with ...": a verb in -s before a preposition that a noun in
    # -s rarely takes
    return any(toks[x].raw.islower() and len(toks[x].low) > 3 and toks[x].low.endswith("s")
               and not toks[x].low.endswith(("ss", "'s", "’s", "us", "is")) and toks[x + 1].low in _VERB_S_NEXT
               and toks[x - 1].q < 0 and toks[x - 1].raw[:1].isalpha()
               and toks[x - 1].low not in lex.determiners
               for x in range(a + 1, b - 1))


# English past tenses that do not end in -ed ("officers later found three victims")
_EN_IRREGULAR_PAST = {"found", "began", "brought", "bought", "caught", "fell", "held", "led", "met",
                      "paid", "ran", "rose", "sent", "sold", "spent", "stood", "struck", "thought",
                      "won", "wrote", "grew", "built", "broke", "chose", "drove", "fought", "meant",
                      "shot", "spoke", "stole", "taught", "threw", "understood", "wore", "drew",
                      "flew", "forgot", "hid", "rode", "sank", "shook", "spread", "stuck", "sought",
                      "swore", "withdrew", "overtook", "arose", "fled", "lent", "dealt"}
# pronouns that a "who" clause completes ("Those who attended said", "Ceux qui ...")
_WHO_PRONOUNS = {"those", "anyone", "everyone", "someone", "others", "many", "some", "ceux", "celles",
                 "celui", "celle", "tous", "beaucoup"}
# verbs whose quoted object may be one word ('said "no"', 'a répondu « non »')
_SAY_ONE_WORD = {"said", "says", "say", "replied", "replies", "answered", "responded", "répondu",
                 "répond", "dit", "lancé", "lance"}
# past tenses like their present ("The company, which said ..., cut 500 jobs")
_EN_SAME_FORM_PAST = {"cut", "put", "set", "hit", "shut", "quit", "let", "cast", "hurt", "cost"}
_VERB_S_NEXT = {"with", "that", "about", "into", "upon", "a", "an", "the", "no", "its", "their", "his", "her"}


_FR_OBJECT_CLITIC = {"lui", "leur", "les", "l’", "l'", "nous", "vous", "me", "m’", "m'", "te", "t’",
                     "t'"}


def _name_before_appositions(toks: list[_Tok], comma: int, lo: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name opening the clause, then two or more appositions up to the comma before the cue
    ("Tareq Hadad, the co-founder of X, a company based in Y, N.S., says"): the name, when no
    verb, quotation or clause boundary stands between it and the cue."""
    i = comma
    while i > lo and comma - i < 40 and toks[i - 1].q < 0 and (toks[i - 1].raw not in (".", ";", ":", "!", "?") or (
            toks[i - 1].raw == "." and i > lo + 1 and re.fullmatch(r"[A-Z](?:\.[A-Z])*", toks[i - 2].raw))) \
            and toks[i - 1].low not in _FINITE and not (lex.lang == "fr" and _fr_verbish(toks[i - 1])) \
            and toks[i - 1].low not in ("who", "qui", "which", "that", "que", "qu’", "qu'"):
        i -= 1
    if i > lo and not (toks[i - 1].raw in (".", ";", ":", "!", "?") or toks[i - 1].q >= 0):
        return None
    e = i
    while e < comma and e - i < 4 and toks[e].raw[:1].isupper() and toks[e].raw.replace("-", "").isalpha():
        e += 1
    commas = sum(1 for x in range(e, comma + 1) if toks[x].raw == ",")
    if e - i < 2 or e >= comma or toks[e].raw != "," or commas < 3:
        return None
    return i, e


def _person_name(toks: list[_Tok], a: int, b: int) -> bool:
    """Are tokens a..b-1 a name: capitalised words, particles inside ("Bruno Le Maire",
    "Ursula von der Leyen")?"""
    return b > a and toks[a].raw[:1].isupper() and toks[b - 1].raw[:1].isupper() and all(
        t.q < 0 and (t.raw[:1].isupper() or t.low in NAME_PARTICLES) for t in toks[a:b])


def _paren_before(toks: list[_Tok], i: int, lo: int) -> int:
    """The start of a short parenthesis ending right before token i, after a word ("la
    Fédération nationale ... (FNSEA)"); i when there is none."""
    if i - 1 <= lo or toks[i - 1].raw != ")":
        return i
    k = i - 2
    while k > lo and i - k <= 6 and toks[k].raw != "(" and toks[k].q < 0 and toks[k].raw[:1].isalnum():
        k -= 1
    return k if k > lo and toks[k].raw == "(" and k < i - 2 and toks[k - 1].raw[:1].isalnum() else i


def _phrase_inside(toks: list[_Tok], k: int, lo: int) -> bool:
    """Is token k a short quotation inside a phrase, after a lower-case word ("who lost "two belt
    loops" in May")? It is part of that phrase, not words said."""
    if toks[k].q < 0 or len(_WORDS_RE.findall(toks[k].raw)) > 5 or k - 1 < lo:
        return False
    p = toks[k - 1]
    return p.raw[:1].isalpha() and p.raw[:1].islower() or (
        p.raw == "." and k - 2 >= lo and toks[k - 2].low in _ABBR)   # 'lost 16 lbs. "and two belt loops"'


def _left_np(toks: list[_Tok], la: int, lo: int, lex: Lexicon) -> tuple[int, int] | None:
    """Subject noun phrase ending just before token la (an apposition between commas skipped)."""
    j = la
    if j - 1 >= lo and toks[j - 1].low in ("who", "qui", "which"):
        j -= 1
        if j - 1 >= lo and toks[j - 1].low == ",":
            j -= 1
    elif j - 1 >= lo and toks[j - 1].low == "," and (chain := _name_before_appositions(toks, j - 1, lo, lex)):
        return chain
    elif j - 1 >= lo and toks[j - 1].low == ",":
        # NP , apposition , cue   ("Lina Arafeh, a refugee who works in Halifax, said")
        k = j - 2
        while k >= lo and toks[k].low != "," and (toks[k].q < 0 or _phrase_inside(toks, k, lo)) \
                and toks[k].raw not in (";", ":") and j - k < 32 and not (lex.lang == "fr" and toks[k].low == "qui"):
            k -= 1
        if lex.lang == "fr" and k > lo and toks[k].low == "qui" and toks[k - 1].raw[:1].isalnum():
            # "L'envoyé spécial X qui s'est rendu hier à Belgrade, s'est déclaré ...": the
            # relative clause is not closed off by a comma before it
            return _left_np(toks, k, lo, lex)
        if lex.lang == "fr" and k > lo and toks[k].low == "qui" and toks[k - 1].raw == ",":
            k -= 1   # "X, qui s'exprimait à l'issue de ..., a assuré": a relative between commas
        if k < lo or toks[k].low != ",":
            return None
        if lex.lang == "en" and not any(t.low in _RELATIVE_PRONOUNS or t.low == "that" for t in toks[k + 1:j - 1]) \
                and any(t.low in _FINITE or t.low in lex.negation for t in toks[k + 1:j - 1]):
            return None   # ", Rohit did not hesitate in calling out X, asking": a clause, no apposition
        appos = (k + 1, j - 1)
        j = k
        # "His father, Ernie LeBlanc, says": the name in the apposition is the better mention
        i = j
        while i > lo and j - i < 16 and (not _is_boundary(toks[i - 1], lex) or _paren_before(toks, i, lo) < i):
            i = _paren_before(toks, i, lo) if toks[i - 1].raw == ")" else i - 1
        if i < j and appos[1] - appos[0] <= 5 and _person_name(toks, appos[0], appos[1]) \
                and (toks[j - 1].raw[:1].islower() or toks[j - 1].low in lex.titles
                     or (not any(t.raw[:1].isupper() for t in toks[i + 1:j])
                                                       and toks[i].low in lex.determiners | {"his", "her", "their", "its"})
                     or toks[i].low in lex.determiners and i + 1 < j and toks[i + 1].low in lex.titles):
            return appos   # ("Le ministre de l'Économie, Bruno Le Maire, a estimé": the name)
        # "Ernie LeBlanc, father of Jason LeBlanc, 42, says": a second apposition
        if i < j and i - 1 > lo and toks[i - 1].low == "," and toks[i].raw[:1].islower():
            k2 = i - 2
            while k2 >= lo and toks[k2].low != "," and not _is_boundary(toks[k2], lex) and i - k2 < 10:
                k2 -= 1
            if k2 < lo or toks[k2].low == "," or _is_boundary(toks[k2], lex):
                k2 += 1
            if k2 < i - 1 and toks[k2].raw[:1].isupper() and not _fr_adverbial(toks, k2, lex):
                return k2, i - 1
    if lex.lang == "fr":
        # object clitics between the subject and its verb: "La juge lui a ordonné de ..."
        while j - 2 >= lo and toks[j - 1].low in _FR_OBJECT_CLITIC and not _is_boundary(toks[j - 2], lex) \
                and toks[j - 2].raw[:1].isalnum():
            j -= 1
    i = j
    while i > lo and j - i < 12 and (not _is_boundary(toks[i - 1], lex) or _paren_before(toks, i, lo) < i):
        i = _paren_before(toks, i, lo) if toks[i - 1].raw == ")" else i - 1   # "the Department (DfT)"
    while i < j and toks[i].raw in ("-", "–", "—", "•", "*"):
        i += 1   # a list's bullet: "- Il soutient que ..."
    while i < j and toks[i].low in ("still", "meanwhile", "however", "now", "yet", "also", "but",
                                    "and", "so", "then", "instead", "later", "earlier", "et",
                                    "mais", "puis", "enfin", "ensuite"):
        i += 1
    if i >= j:
        return None
    if i > lo and toks[i - 1].raw[0].isalnum() and j - i >= 12:
        return None
    last = toks[j - 1].low
    if last in lex.determiners and not (last in _EN_NUMBERS and j - 2 >= i and toks[j - 2].low == "of") \
            or (last in lex.prepositions and last not in ("out", "up")):
        return None   # (not "the mother of two")
    if last.endswith(("'s", "’s")) and last not in _CONTRACTED_SUBJ:
        return None
    if toks[i].low in lex.first_person or _CONTRACTION_RE.sub("", toks[i].low) in lex.first_person or (i + 1 == j and toks[i].low in ("there", "that", "this", "what", "which", "it’s", "it's", "one")):
        return None
    if toks[i].low in lex.prepositions and toks[i].low not in lex.determiners:
        return None
    if not any(t.raw[0].isalpha() for t in toks[i:j]):
        return None
    if i - 2 >= lo and toks[i - 1].low in ("who", "qui") and toks[i - 2].raw[:1].isalpha():
        # "The president who was accompanied by Jane Roe said": the antecedent speaks; "Those
        # who attended said": the whole phrase
        if toks[i - 2].low in _WHO_PRONOUNS:
            return i - 2, j
        if (ante := _left_np(toks, i, lo, lex)) is not None:
            return ante
    if toks[i].low == "ce" and (x := next((x for x in range(i + 1, min(j, i + 4))
                                           if toks[x].low in ("quoi", "que", "qu’", "qu'", "dont")), None)):
        i = x + 1   # "Ce à quoi le président a répondu": the subject after the relative
        if i >= j:
            return None
    if lex.lang == "en":
        j = _en_time_tail(toks, i, j, lex)
        i = _en_fronted_phrase(toks, i, j, lo, lex)
        if i - 2 >= lo and toks[i - 1].low == "and" and toks[i - 2].raw[:1].isupper() and toks[i].raw[:1].isupper() \
                and j - i <= 3 and (i - 3 < lo or _is_boundary(toks[i - 3], lex)) and toks[i - 2].q < 0:
            i -= 2   # "IMPD and IPS said": both subjects
    return i, j


_EN_TIME_WORDS = {"today", "yesterday", "tonight", "earlier", "later", "also", "early", "late"}
_EN_TIME_UNITS = {"week", "month", "year", "weekend", "night", "morning", "afternoon", "evening",
                  "summer", "spring", "fall", "autumn", "winter", "season", "term"}


def _en_time_tail(toks: list[_Tok], i: int, j: int, lex: Lexicon) -> int:
    """The end of an English subject before the time or source adjunct that ends it ("Acme
    earlier this month said", "The minister on Monday said", "The company in a note said")."""
    for x in range(i + 1, j):
        w = toks[x].low
        rest = [t.low for t in toks[x:j]]
        if w in _EN_TIME_WORDS or w in _WEEKDAYS:
            tail = all(r in _WEEKDAYS or r in _EN_TIME_WORDS or r in ("this", "last", "next", "that", "on")
                       or r in _EN_TIME_UNITS for r in rest)
        elif w in ("last", "this", "next") and len(rest) == 2:
            tail = rest[1] in _EN_TIME_UNITS or rest[1] in _WEEKDAYS
        elif w == "on" and len(rest) == 2:
            tail = rest[1] in _WEEKDAYS
        elif w == "in" and 3 <= len(rest) <= 4:
            tail = rest[1] in ("a", "an", "the", "its", "his", "her", "their") and rest[-1] in lex.document | {
                "note", "email", "interview", "letter", "post", "filing"}
        else:
            tail = False
        if tail and (toks[x - 1].raw[:1].isalnum() or toks[x - 1].raw == ")"):
            return x
    return j


_EN_FRONTED = {"after", "before", "following", "despite", "during", "since", "amid", "upon"}


def _en_fronted_phrase(toks: list[_Tok], i: int, j: int, lo: int, lex: Lexicon) -> int:
    """The start of an English subject after a fronted phrase with no comma ("After the ruling
    Trump said"): the name that ends the noun phrase, when the phrase opens the sentence with a
    preposition and its own noun is lower case and no title."""
    if i - 1 < lo or toks[i - 1].low not in _EN_FRONTED or i - 2 >= lo and toks[i - 2].raw[:1].isalnum():
        return i
    m = max((x for x in range(i, j) if toks[x].raw[:1].islower()), default=None)
    if m is None or m + 1 >= j or toks[m].low in lex.titles or toks[m].low in lex.determiners \
            or not all(t.raw[:1].isupper() for t in toks[m + 1:j]) or j - m - 1 > 4:
        return i
    return m + 1


def _subject_with_relative(toks: list[_Tok], a: int, end: int, lex: Lexicon) -> bool:
    """Is tokens a..end-1 a noun phrase followed by a relative clause or an apposition between
    commas ("The envoy, whose country drafted the text", "Le ministre, un ancien banquier")?
    Then it is the subject of the verb after it, not a quote."""
    c1 = next((x for x in range(a, end) if toks[x].raw == ","), None)
    if c1 is None or c1 == a or c1 + 1 >= end:
        return False
    head = toks[a:c1]
    if len(head) > 8 or any(_verbish(t, lex) or t.q >= 0 for t in head):
        return False
    if len(head) <= 4 and all(t.raw[:1].isupper() for t in head) and toks[c1 + 1].raw[:1].islower() \
            and end - a <= 30 and not any(_verbish(t, lex) or t.q >= 0 or t.low in lex.aux or t.raw in (";", ":")
                                          for t in toks[c1:end]):
        return True   # "Arnaud Martin, président du premier syndicat, la FNSEA,": a name, appositions
    nxt = toks[c1 + 1]
    if nxt.low in _RELATIVE or nxt.low in ("dont", "whose", "lequel", "laquelle"):
        return True
    # NP, apposition (up to the comma before the verb): "Le ministre, un ancien banquier,"
    c2 = next((x for x in range(c1 + 1, end) if toks[x].raw == ","), None)
    if nxt.raw[:1].islower() and end - c1 <= 10 and (c2 is None or c2 == end - 1) and (
            _FR_LONE_PARTICIPLE_RE.fullmatch(nxt.raw) if lex.lang == "fr" else nxt.low.endswith("ed")) \
            and not any(t.q >= 0 or _verbish(t, lex) for t in toks[c1 + 2:end]):
        return True   # a participle phrase: "La tragédie de Mbour, vécue la semaine dernière,"
    if c2 is not None and c2 != end - 1 or any(_verbish(t, lex) for t in toks[c1 + 1:end]):
        return False
    # "Le ministre, un ancien banquier,", "Le député Jean Lassalle, présent,"
    return (nxt.low in lex.determiners and len(head) <= 4) or (
        end - c1 <= 4 and len(head) <= 6 and nxt.raw[:1].islower()
        and (head[0].low in lex.determiners or head[0].raw[:1].isupper()))


def _subject_before_appositions(toks: list[_Tok], comma: int, lex: Lexicon) -> tuple[int, int] | None:
    """A subject at the start of the sentence followed by several appositions or relative
    clauses up to the comma before the cue: "Jean Dupont, maire de Nancy depuis 2014, ancien
    député, a affirmé", "John Smith, 54, a retired firefighter who lives nearby, said"."""
    j = comma
    first_comma = None
    while j > 0 and comma - j < 48:
        t = toks[j - 1]
        if t.q >= 0 or t.raw in (";", ":", "(", ")", "—", "–"):
            return None
        if t.raw == ",":
            first_comma = j - 1
        j -= 1
    if j != 0 or first_comma is None:
        return None
    i = _opening_phrase_end(toks, lex, 0, first_comma)
    if i > 0:
        return None   # an opening adverbial, not a subject
    head = toks[i:first_comma]
    if not head or len(head) > 10 or (toks[i].low in lex.prepositions and toks[i].low not in lex.determiners) \
            or any(_verbish(t, lex) for t in head) or any(t.low in _RELATIVE for t in head):
        return None
    if not (head[0].raw[:1].isupper() or head[0].low in lex.determiners or head[0].low in lex.pronouns):
        return None
    return i, first_comma


_FR_VERBISH = {"est", "sont", "a", "ont", "était", "étaient", "sera", "seront", "serait", "avait",
               "avaient", "fait", "font", "peut", "peuvent", "doit", "doivent", "va", "vont", "faut",
               "n’", "n'", "ne", "y", "c’", "c'", "suis", "sommes", "ai", "avons", "êtes", "avez"}


def _fr_verbish(t: _Tok) -> bool:
    """A token that is most likely a finite French verb (for telling a clause from a phrase)."""
    w = t.low
    return t.q >= 0 or w in _FR_VERBISH or (len(w) > 4 and t.raw[:1].islower() and w.endswith(
        ("ons", "ez", "ait", "aient", "era", "eront", "erait", "eraient", "ira", "iront")))


def _fr_adverbial(toks: list[_Tok], a: int, lex: Lexicon) -> bool:
    """Does token a open a French adverbial ("A Moscou,", "Sur le terrain,", "Hier soir,")?"""
    if lex.lang != "fr":
        return False
    w = toks[a].low
    return w in _PP_START or w in _FR_ADV_OPEN or (
        toks[a].raw == "A" and a + 1 < len(toks) and toks[a + 1].raw[:1].isupper())


_FR_ADV_OPEN = {"à", "au", "aux", "dès", "depuis", "contre", "vers", "chez", "sous", "avec", "sans",
                "parmi", "durant", "hier", "concernant", "outre", "malgré", "face", "grâce",
                *WEEKDAYS["fr"], "aujourd’hui",
                "aujourd'hui", "auprès", "côté", "quant", "entre", "selon"}


_CONTRACTED_SUBJ = {"he's", "he’s", "she's", "she’s", "it's", "it’s", "that's", "that’s", "who's",
                    "who’s", "there's", "there’s"}
_CONTRACTION_RE = re.compile(r"['’](?:d|m|ve|ll|s|re)$")
_NP_STOP_EN = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "can", "could",
               "did", "does", "do", "should", "may", "might", "must", "that", "to"}
_NP_STOP_FR = {"a", "ont", "est", "sont", "était", "avait", "que", "qu’", "qu'", "se", "s’", "ne",
               "n’"}


_FR_PP_OPEN = {"à", "au", "aux", "sur", "dans", "devant", "auprès", "chez", "lors", "pendant",
               "depuis", "en"}


def _fr_adjuncts_before_subject(toks: list[_Tok], k: int, hi: int, lex: Lexicon) -> int:
    """Past up to three adjuncts between a French cue and its inverted subject: "a réagi sur X
    le député ...", "explique au Figaro Jean Dupont", "a déclaré à l'AFP un porte-parole",
    "plaide dans une tribune au Monde l'économiste ...". An adjunct is a preposition, an
    optional article and one capitalised word (a medium) or one or two lower-case nouns; k is
    returned unchanged unless a noun phrase (an article or a capitalised word) follows."""
    j = k
    for _ in range(3):
        if j >= hi or toks[j].low not in _FR_PP_OPEN:
            break
        x = j + 1
        if toks[j].low in ("auprès", "lors") and x < hi and toks[x].low in ("de", "d’", "d'", "du", "des"):
            x += 1
        if x < hi and toks[x].low in ("le", "la", "les", "l’", "l'", "un", "une", "son", "sa", "leur",
                                      "des", "plusieurs", "deux", "trois", "quelques"):
            x += 1   # ("martèle depuis des mois le chef de l'Etat")
        if x < hi and toks[x].raw[:1].isupper() and toks[x].q < 0:
            x += 1
            y = x
            while y < hi and y - x < 2 and toks[y].raw[:1].isupper() and toks[y].q < 0:
                y += 1
            if y > x and y < hi and toks[y].low in lex.determiners:
                x = y   # a medium of several words before an article: "sur France Info la ministre"
        else:
            y = x
            while y < hi and y - x < 2 and toks[y].raw[:1].islower() and toks[y].raw[:1].isalpha() \
                    and toks[y].low not in lex.determiners and toks[y].low not in _FR_PP_OPEN:
                y += 1
            if y == x:
                break
            x = y
        j = x
    if j > k and j < hi and toks[j].q < 0 and (toks[j].low in lex.determiners or toks[j].raw[:1].isupper()):
        return j
    return k


def _name_after_coordination(toks: list[_Tok], x: int, hi: int, lex: Lexicon) -> bool:
    """Do one to three lower-case nouns and then a capitalised name follow ("gas worker Mike
    Wipf"), so that "and" joins two modifiers of the name, not two clauses?"""
    k = x
    while k < hi and k - x < 3 and toks[k].q < 0 and toks[k].raw[:1].islower() and toks[k].raw.isalpha() \
            and toks[k].low not in lex.cues and toks[k].low not in _TIME_ADJ and toks[k].low not in _FINITE:
        k += 1
    return x < k < hi and toks[k].q < 0 and toks[k].raw[:1].isupper()




def _right_np(toks: list[_Tok], k: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """Inverted subject starting at token k ("a déclaré Nasser Bourita dans ...", "said Mike
    Wipf."); it must end the clause (punctuation, end, or an adjunct follows)."""
    fr = lex.lang == "fr"
    if fr:
        # "a indiqué hier soir un communiqué ...", "a déclaré de son côté le ministre ..."
        k0 = k
        while k < hi and k - k0 < 4:
            w = toks[k].low
            if w in _FR_LEAD_SKIP:
                k += 1
            elif w in ("de", "pour") and k + 2 < hi and toks[k + 1].low in ("son", "sa", "leur") \
                    and toks[k + 2].low in ("côté", "part"):
                k += 3
            elif w == "quant" and k + 2 < hi and toks[k + 1].low == "à" and toks[k + 2].low in (
                    "lui", "elle", "eux", "elles"):
                k += 3
            elif len(w) > 6 and w.endswith("ment") and toks[k].raw[:1].islower():
                k += 1   # a manner adverb: "résume sobrement un syndicaliste"
            elif (x := _fr_relative_time(toks, k, hi)) > k:
                k = x    # "avait balayé un peu plus tôt le président"
            else:
                break
        k = _fr_adjuncts_before_subject(toks, k, hi, lex)
    if k >= hi:
        return None
    t = toks[k]
    if t.q >= 0 or not (t.raw[0].isalpha() or YEAR_OLD_RE.fullmatch(t.low)):
        return None   # ("says 19-year-old Ana Ruiz": an age opens the noun phrase)
    first = t.low
    if fr and first in ("de", "d’", "d'") and k + 1 < hi and toks[k + 1].low in lex.determiners | {"l’", "l'"}:
        return None   # "s'est réjoui de la bonne tenue ...": a complement, not an inverted subject
    if first in lex.prepositions and first not in lex.determiners or first in _THAT \
            or first in lex.subordinators or (first in _OBJ_PRON and first not in lex.pronouns) \
            or first in _PP_START or first in _NOT_NP or ("'" in first or "’" in first) and lex.lang == "en" \
            and not (re.fullmatch(r"[A-Z][\w-]+['’]s", t.raw) and first not in _CONTRACTED_SUBJ):
        return None   # "said Campbell's partner, Jason Louth" is a subject; "said it's" is not
    stop = _NP_STOP_FR if lex.lang == "fr" else _NP_STOP_EN
    participle = False
    j = k
    while j < hi and j - k < 14:
        tj = toks[j]
        if tj.q >= 0:
            break
        if not tj.raw[0].isalnum():
            if tj.raw == "." and j > k and (toks[j - 1].low in _ABBR_TITLE or len(toks[j - 1].raw) == 1
                                            and toks[j - 1].raw.isupper() and j + 1 < hi
                                            and toks[j + 1].raw[:1].isupper()):
                j += 1   # a title's abbreviation; a middle initial ("David W. Cash")
                continue
            if tj.raw in ("-", "’", "'", "&"):
                j += 1
                continue
            break
        if j > k and tj.low in ("and", "et", "&") and j + 1 < hi and (
                toks[j + 1].raw[:1].isupper() or _name_after_coordination(toks, j + 1, hi, lex)):
            j += 1   # "said Heart and Stroke manager Erin Kim", "oil and gas worker Mike Wipf"
            continue
        if j > k and (tj.low in lex.adjunct or tj.low in _TIME_ADJ) and not tj.raw[0].isupper():
            break
        if fr and j > k and tj.low == "face" and j + 1 < hi and toks[j + 1].low in ("à", "aux", "au"):
            break   # "a lâché la Tunisienne émue face à la presse"
        if fr and j > k and (tj.low == "à" and j + 1 < hi and (toks[j + 1].low in _FR_TO_WHOM or (
                j + 2 < hi and toks[j + 1].low in ("la", "des", "l’", "l'") and toks[j + 2].low in _FR_TO_WHOM))
                or _fr_relative_time(toks, j, hi) > j):
            break   # "a lâché X à propos des accusés", "a déclaré M. Rousseau à la presse"
        if j > k and tj.low in lex.subordinators:
            break
        if fr and j > k + 1 and tj.raw[:1].islower() and tj.low.endswith(("é", "ée", "és", "ées")) \
                and toks[j - 1].low not in lex.determiners and toks[j - 1].low not in lex.prepositions \
                and not tj.low.startswith(_FR_TITLE_PARTICIPLES):
            participle = True   # "un communiqué de la présidence diffusé à l'issue de ..."
            break
        if tj.low in stop:
            return None
        if not fr and j > k and j + 1 < hi and (tj.low in _FINITE or len(tj.low) > 4 and tj.low.endswith("ed")) \
                and tj.raw[:1].islower() and (toks[j + 1].low in lex.determiners or toks[j + 1].low in _OBJ_PRON):
            return None   # "says the program changed his life": a clause, not an inverted subject
        j += 1
        if first in lex.pronouns:
            break
    if j - k >= 14:
        # "said Acting Assistant Attorney General Jane M. Roe of the Justice Department's
        # Criminal Division": a long title and name, then its complement
        of = next((x for x in range(k + 2, j) if toks[x].low in ("of", "at", "from")
                   and toks[x - 1].raw[:1].isupper()), None)
        return (k, of) if of is not None and not any(t.q >= 0 for t in toks[of:hi]) else None
    if j == k:
        return None
    # what follows must not be a clause of its own, nor a quotation it introduces
    if j < hi and toks[j].q >= 0:
        return None
    if j < hi and toks[j].q < 0 and toks[j].raw[0].isalnum() and not participle and not (
            toks[j].low in lex.adjunct or toks[j].low in _TIME_ADJ
            or fr and toks[j].low in ("alors", "tandis", "quand", "puisque", "car", "à", "face")):
        return None
    if not fr and j + 1 < hi and toks[j].low == "by" and toks[j - 1].low in _ISSUED \
            and any(toks[x].low in lex.document for x in range(k, j)):
        # "said a statement released by the Prime Minister's Office": who issued it
        return _right_np(toks, j + 1, hi, lex) or (k, j)
    return k, j


# participles that are part of a title ("le ministre délégué à l'Industrie", "la secrétaire
# d'État chargée de la Mer"), not the start of a participle phrase
_FR_TITLE_PARTICIPLES = ("délégué", "chargé", "désigné", "associé")
# what "à" introduces after an inverted subject: the topic or the people addressed, no part of
# the name ("le ministre délégué à l'Industrie" keeps its "à")
_FR_TO_WHOM = {"propos", "presse", "journalistes", "afp", "médias", "micro", "antenne"}


def _fr_relative_time(toks: list[_Tok], k: int, hi: int) -> int:
    """The end of a French relative time adverb at token k ("plus tôt", "un peu plus tard",
    "peu après"), k when none."""
    w = [toks[x].low for x in range(k, min(hi, k + 4))]
    for phrase in (("un", "peu", "plus", "tôt"), ("un", "peu", "plus", "tard"), ("plus", "tôt"),
                   ("plus", "tard"), ("peu", "après"), ("peu", "avant")):
        if tuple(w[:len(phrase)]) == phrase:
            return k + len(phrase)
    return k


# time words that a verb chain holds before a date in brackets ("has today (18 June 2025) said")
_TIME_ADJ_WORDS = {"today", "yesterday", "aujourd’hui", "aujourd'hui", "hier"}
_ISSUED = {"released", "issued", "published", "sent", "posted", "distributed", "signed"}


_FR_LEAD_SKIP = {"hier", "soir", "matin", "aujourd’hui", "aujourd'hui", *WEEKDAYS["fr"],
                 "également", "aussi", "encore",
                 "toutefois", "ensuite", "alors", "enfin", "notamment", "cependant", "pourtant",
                 "néanmoins", "d’ailleurs", "d'ailleurs", "aussitôt", "immédiatement"}
_ABBR_TITLE = {"mr", "mrs", "ms", "dr", "prof", "m", "mme", "st", "sen", "gov", "rep", "lt", "gen",
               "sgt", "det", "insp", "const", "supt", "rev", "hon", "capt", "col", "jr", "sr",
               "coun", "cllr", "ald", "amb", "cpl", "cst", "maj", "adm", "brig", "msgr", "pres"}
_TIME_ADJ = {*_WEEKDAYS, "yesterday", "today", "last", "earlier", "later", "hier", "aujourd’hui",
             "aujourd'hui",
             "in", "on", "at", "during", "after", "before", "via", "through", "by", "to", "told",
             "when", "while", "as", "adding", "noting", "speaking", "dans", "lors", "pendant",
             "devant", "sur", "en", "au", "par", "ajoutant", "soulignant", "après", "avant",
             "lorsque", "qui", "who", "that", "which", "ce", "cette", "with", "from", "outside",
             "inside", "tonight", "recently", "again", "repeatedly",
             "following", "because", "but", "and", "though", "although", "this", "avec", "pour",
             "selon", "et", "mais", "lui", "aussi"}
_NOT_NP = {"there", "here", "what", "this", "these", "those", "its", "it", "that", "which", "who",
           "whom", "how", "why", "where", "when", "if", "whether", "not", "never", "also", "so",
           "ce", "cela", "ça", "il", "y"}
_PP_START = {"in", "on", "at", "during", "to", "via", "through", "after", "before", "by", "from",
             "over", "outside", "inside", "while", "when", "last", "this", "earlier", "later",
             "dans", "lors", "devant", "pendant", "à", "au", "sur", "en", "après", "avant", "par"}
# what opens an adjunct between a French cue and its complement ("a déclaré mardi à la presse que")
_FR_ADJUNCT_START = _PP_START | {"à", "aux", "devant", "lors", "hier", "auprès", *WEEKDAYS["fr"]}


# ---------------------------------------------------------------------------------------------
# the extractor

@dataclass(slots=True)
class _Cand:
    s: int
    e: int
    qtype: str
    spk: tuple[int, int] | None
    cue: str | None
    continues: bool = False
    floating: bool = False
    intro: bool = False
    narrator: bool = False   # the writer's own words ('"...," I said'): not a reported quote
    period: bool = False     # an intro closed by a period ("X confirme."): what follows floats
    how: str = ""            # the attribution pattern, for the confidence (see _confidence)


# verbs of telling someone to do something: "urged X to ...", "told workers to ..."
_DIRECTIVE = {"urged", "urges", "urge", "told", "tells", "tell", "asked", "asks", "ask", "advised",
              "advises", "warned", "warns", "reminded", "reminds", "encouraged", "encourages",
              "urging", "telling", "asking", "advising", "warning", "reminding", "encouraging"}
_TRAIL_PUNCT = (".", ",", ";", ":", "!", "?", "—", "–", "-", "--", "…")


def _span(toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
    while a < b and toks[a].q < 0 and toks[a].raw in (",", ":", ";", "—", "–", "-", "--", "."):
        a += 1
    while b > a and toks[b - 1].q < 0 and toks[b - 1].raw in _TRAIL_PUNCT:
        b -= 1
    if b <= a:
        return None
    return toks[a].s, toks[b - 1].e


_FR_NOT_INF = {"hier", "premier", "dernier", "entier", "cher", "léger", "fier", "amer", "hiver", "mer",
               "fer", "super", "leader", "dossier", "quartier", "courrier", "métier", "chantier",
               "papier", "calendrier", "soir", "espoir", "plaisir", "avenir", "désir", "loisir",
               "notre", "votre", "autre", "contre", "entre", "centre", "lettre", "titre", "ministre",
               "membre", "nombre", "libre", "propre", "quatre", "ordre", "cadre", "chiffre",
               "registre", "théâtre", "pire", "sire", "dire", "matin", "prêtre", "maire", "faire",
               "conseiller", "officier", "policier", "pompier", "banquier", "ouvrier", "fermier",
               "trimestre", "semestre", "septembre", "octobre", "novembre", "décembre",
               "plusieurs", "leur", "cour", "tour", "jour", "pour", "sur", "vers", "manière",
               "père", "mère", "frère", "guerre", "terre", "pierre", "affaire", "ère", "arrière",
               "entière", "première", "dernière", "chère", "fière", "colère", "lumière", "matière",
               "mémoire", "histoire", "victoire", "territoire", "devoir", "pouvoir", "savoir"}
_FR_CLITIC = {"ne", "n’", "n'", "pas", "plus", "jamais", "l’", "l'", "le", "la", "les", "lui",
              "leur", "y", "en", "se", "s’", "s'", "m’", "m'", "me", "nous", "vous", "rien"}
_FR_STANCE = {"favorable", "favorables", "opposé", "opposée", "opposés", "opposées", "hostile",
              "hostiles", "prêt", "prête", "prêts", "prêtes", "satisfait", "satisfaite", "satisfaits",
              "confiant", "confiante", "confiants", "inquiet", "inquiète", "inquiets", "optimiste",
              "optimistes", "pessimiste", "pessimistes", "convaincu", "convaincue", "convaincus",
              "persuadé", "persuadée", "persuadés", "certain", "certaine", "certains", "sûr", "sûre",
              "sûrs", "déterminé", "déterminée", "déterminés", "décidé", "décidée", "disposé",
              "disposée", "disposés", "ouvert", "ouverte", "ouverts", "choqué", "choquée", "déçu",
              "déçue", "déçus", "surpris", "surprise", "scandalisé", "scandalisée", "heureux",
              "heureuse", "fier", "fière", "fiers", "partisan", "partisans", "partisane", "contre",
              "pour", "très", "plutôt", "tout", "assez", "particulièrement", "totalement",
              "profondément", "extrêmement", "entièrement"}


# reporting verbs that take an infinitive complement ("a assuré ne pas vouloir ...")
_FR_INF_CUES = ("affirm", "assur", "déclar", "indiqu", "concéd", "concèd", "reconn", "promi", "promet",
                "estim", "dément", "démenti", "annon", "précis", "admet", "admis", "jur", "espér",
                "espèr", "prétend", "confirm", "avou", "expliqu", "soulign", "certifi", "menac",
                "répét", "répèt", "rappel", "racont", "regrett", "propos", "suggér", "suggèr",
                "insist", "ajout", "martel", "répond", "rétorqu", "révél", "signal", "témoign")


_FR_RE_INF = ("dre", "ttre", "aître", "oître", "ire", "vre", "oudre")


def _fr_infinitive(t: _Tok) -> bool:
    return t.q < 0 and t.raw[:1].islower() and _fr_infinitive_word(t.low)


def _fr_infinitive_word(w: str) -> bool:
    """Is the lower-case word w most likely a French infinitive?"""
    if w in ("être", "avoir", "dire", "faire", "savoir", "pouvoir", "devoir", "conclure", "exclure",
             "inclure", "croire", "taire", "plaire", "distraire", "extraire"):
        return True
    return (len(w) > 3 and w.endswith(_FR_INF_END) and w not in _FR_NOT_INF and w.isalpha()
            and (not w.endswith("re") or w.endswith(_FR_RE_INF)))


# verbs of directive speech: "a demandé au ministre de ...", "a invité les élus à ...", "a exhorté
# le Gouvernement à ...": the reported directive is the infinitive and its preposition
_FR_DIRECTIVE_STEMS = ("demand", "invit", "exhort", "charg", "appel", "encourag", "enjoi", "pri",
                       "somm", "ordonn", "conseill", "recommand", "instrui", "incit", "adjur",
                       "suppli", "implor")
_FR_DIRECTIVE_STOP = {"que", "qu’", "qu'", ";", ":", ".", "!", "?", "qui", "dont", "où", "lequel",
                      "laquelle", "lesquels", "lesquelles"}


_FR_INF_ADVERBS = {"davantage", "mieux", "toujours", "encore", "bien", "vite", "aussi", "enfin",
                   "désormais", "dorénavant", "systématiquement"}
_FR_NOUN_DET = {"le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cette", "ces"}


def _fr_directive(toks: list[_Tok], c: _Cue, k: int, hi: int) -> int | None:
    """The token opening a directive's infinitive ("de" / "à") after the person asked, who may
    be a clitic ("lui a demandé de"), an indirect object ("au Premier ministre", "à la
    ministre") or a direct one ("a invité les ministres à"), at most 40 tokens long, with
    no clause, quotation or "que" in it; adverbs may precede the infinitive ("à davantage
    valoriser")."""
    cw = toks[c.i].core or toks[c.i].low
    if not cw.startswith(_FR_DIRECTIVE_STEMS) or (c.la == c.i and c.i > 0 and (
            toks[c.i - 1].low in _FR_NOUN_DET or toks[c.i - 1].low == "en")):
        return None   # "le chargé de mission", "en charge de": a noun
    j = k
    while j < hi and j - k <= 40 and toks[j].q < 0 and toks[j].low not in _FR_DIRECTIVE_STOP:
        if toks[j].low in ("de", "d’", "d'", "à") and j + 1 < hi:
            x = j + 1
            while x < hi and x - j <= 4 and (toks[x].low in _FR_CLITIC or toks[x].low in _FR_INF_ADVERBS
                                             or toks[x].low.endswith("ment") and len(toks[x].low) > 6):
                x += 1
            if x < hi and x > j + 1 and toks[x - 1].low in ("le", "la", "les", "l’", "l'") \
                    and x + 1 < hi and toks[x + 1].low in ("de", "du", "des", "d’", "d'"):
                pass   # "de la tenir" yes, "de l'ordre du jour": an article, not a clitic
            elif x < hi and _fr_infinitive(toks[x]) and hi - x >= 2:
                return j
        j += 1
    return None


def _fr_complement(toks: list[_Tok], c: _Cue, k: int, hi: int, lex: Lexicon) -> tuple[int, str] | None:
    """French complements of a cue other than "que" / ":" / a quotation: an infinitive ("a
    concédé avoir aidé ...", "a promis de ...", "a indiqué ne pas vouloir ..."), the adjective of
    "se dire" / "se déclarer" ("se dit favorable à un « ... »"), or an object holding a quotation
    of four words or more ("a salué ce « moment important dans ... »")."""
    if k >= hi:
        return None
    if (d := _fr_directive(toks, c, k, hi)) is not None:
        return d, "indirect"
    j = k
    if toks[j].low in ("de", "d’", "d'") and j + 1 < hi:
        j += 1
    j0 = j
    while j < hi and j - j0 < 4 and toks[j].low in _FR_CLITIC:
        j += 1
    cw = toks[c.i].core or toks[c.i].low
    det_clitic = any(toks[x].low in ("le", "la", "les", "l’", "l'") for x in range(j0, j))
    if j < hi and _fr_infinitive(toks[j]) and hi - j >= 2 and not (
            det_clitic and j + 1 < hi and toks[j + 1].low in ("de", "du", "des", "d’", "d'")) and (
            cw.startswith(_FR_INF_CUES) or cw in ("dit", "dis", "disent", "nie", "nié", "niait", "nient")):
        return k, "indirect"
    reflexive = any(toks[x].low in ("se", "s’", "s'") for x in range(c.la, c.i))
    if reflexive and (toks[k].low in _FR_STANCE or toks[k].q >= 0):
        # "se dit favorable à ...", "s'est déclaré « très satisfait » de ..."
        end = k
        while end < hi and toks[end].raw not in (",", ";", ":", ".") and end - k < 40:
            end += 1
        has_q = any(toks[x].q >= 0 for x in range(k, end))
        if end - k >= 3 and (has_q or toks[k].low in _FR_STANCE):
            return k, "indirect"
    # an object that is a quotation after its determiner: "a salué ce « ... »"
    j = k
    while j < hi and j - k < 4 and toks[j].q < 0 and toks[j].raw[:1].isalpha() and toks[j].raw[:1].islower() \
            and toks[j].low not in _THAT:
        j += 1
    if j < hi and j == k + 1 and toks[k].low in lex.determiners and toks[j].q >= 0 \
            and _quoted_object(toks, j, cw):
        return j, "object"
    return None


# verbs that judge what they name: their object in quotation marks is the speaker's words even
# when it is one to three words long ("a dénoncé un « choix absurde »")
_JUDGING_STEMS = ("dénon", "fustig", "salu", "qualifi", "déplor", "critiqu", "regrett", "condamn",
                  "réclam", "exig", "vant", "stigmatis", "denounc", "slam", "hail", "decr",
                  "lambast", "condemn", "prais", "criticiz", "criticis", "demand", "blast")


_NAME_ARTICLES = {"le", "la", "les", "l’", "l'", "un", "une", "du", "des", "the", "a", "an"}


def _quoted_object(toks: list[_Tok], j: int, verb: str) -> bool:
    """Is quotation j, the object of speech verb `verb` after its determiner ("a salué ce
    « moment important dans ... »", "a dénoncé un « choix absurde »"), the speaker's words?
    Four words or more, or fewer after a verb that judges; never a title ("« Le Monde »")."""
    t = toks[j]
    words = _WORDS_RE.findall(t.raw)
    if j > 0 and toks[j - 1].low in _NAME_ARTICLES and t.raw[1:].lstrip()[:1].isupper() and len(words) <= 8 \
            and not any(_fr_verbish(x) or x.low in _FINITE for x in _tokens(t.raw, 1, len(t.raw) - 1, [], 0, "fr")):
        return False   # "reconnaît un « État de Nouvelle-Calédonie »": a name, not words said
    if len(words) >= 4:
        return True
    return bool(words) and verb.startswith(_JUDGING_STEMS) and t.raw[1:].lstrip()[:1].islower()


def _words_in(text: str) -> int:
    return len(text.split())


def _title_like(doc: str, s: int, e: int, toks: list[_Tok], qi: int) -> bool:
    inner = doc[s + 1:e - 1].strip()
    ws = inner.split()
    if not ws:
        return True
    caps = sum(1 for w in ws if w[0].isupper() or not w[0].isalpha())
    if len(ws) >= 2 and ws[0][0].isupper() and caps >= 0.6 * len(ws) and len(ws) <= 10 \
            and not inner.rstrip("”\"»’").endswith((".", "!", "?", ",")) and "," not in inner:
        return True
    # "The Kid Who Would Be King.": every content word capitalised
    content = [w for w in ws if len(w.strip(".,!?\"”»’")) > 3]
    if len(ws) >= 3 and ws[0][0].isupper() and content and len(ws) <= 10 and all(
            w[0].isupper() for w in content) and "," not in inner.rstrip(",") and "." not in inner.rstrip("."):
        return True
    for j in range(max(0, qi - 3), qi):
        if toks[j].low in _TITLE_NOUNS:
            return True
    return False


def _viewpoint_before_quotation(toks: list[_Tok], a: int, j0: int, j: int, lex: Lexicon) -> bool:
    """"Pour Berlin, « Q »", "Pour le ministre, « Q »": a viewpoint of one capitalised word or
    of a title (tokens a..j-1) counts when a quotation follows its comma right away."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low == "," and toks[j + 1].q >= 0):
        return False
    return j - a >= 1 and (j > j0 or toks[a].low in ("le", "la", "l’", "l'") and a + 1 < n
                           and toks[a + 1].low in lex.titles)


def _viewpoint_with_apposition(toks: list[_Tok], st: int, lex: Lexicon) -> int | None:
    """"Pour l'économiste X, ancien président du CAE, « Q »": the index of the quotation when
    "Pour" opens a noun phrase and its apposition (no verb, with a name or a title) that end
    with a comma right before a quotation; else None."""
    n = len(toks)
    qj = next((x for x in range(st + 1, min(n, st + 26)) if toks[x].q >= 0), None)
    if qj is None or toks[qj - 1].raw != "," or qj - st < 3:
        return None
    between = toks[st + 1:qj - 1]
    if any(_fr_verbish(t) or t.low in lex.aux for t in between):   # ("analyse" is a noun too)
        return None
    if not any(t.raw[:1].isupper() or t.low in lex.titles for t in between):
        return None
    return qj


def _viewpoint_title_end(toks: list[_Tok], j: int, lex: Lexicon) -> int:
    """"Pour la ministre de la Santé, « Q »": past the title's complement up to the comma when
    a quotation follows it; else j."""
    n = len(toks)
    x = j
    while x < n and x - j < 8 and toks[x].q < 0 and toks[x].raw != "," and not _verbish(toks[x], lex):
        x += 1
    if x < n and toks[x].raw == "," and x + 1 < n and (toks[x + 1].q >= 0 or (
            toks[x + 1].low in lex.determiners or toks[x + 1].low in _FR_SUBJECT_PRONOUNS) and any(
            _fr_verbish(t) or t.low in lex.aux for t in toks[x + 2:])):
        return x   # "Pour le président du MR, « Q »" or ", cette situation n'est plus tenable"
    return j


_FR_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "on", "c’", "c'", "ce", "cela", "ça"}


# what opens a sentence before its subject, up to a comma: sentence adverbs and connectives
_SENT_ADVERBS = {"cependant", "pourtant", "toutefois", "néanmoins", "ainsi", "enfin", "ensuite",
                 "alors", "désormais", "aujourd’hui", "aujourd'hui", "hier", "depuis", "mais",
                 "or", "donc", "certes", "évidemment", "surtout", "bref", "seul", "seule", "seuls",
                 "seules", "ensemble", "however", "meanwhile", "still", "yet", "instead",
                 "nevertheless", "nonetheless", "moreover", "indeed", "alone", "together",
                 "finally", "later", "earlier", "now", "then", "today", "yesterday", "also",
                 "côté", "là", "ici", "puis", "parallèlement", "face", "interrogé", "interrogée",
                 "interrogés", "interrogées", "asked"}
_FR_PARTICIPIAL_RE = re.compile(r"(?:é|ée|és|ées|ant|ants|ante|antes|u|ue|us|ues|is|ise|it|ite)$")
_EN_PARTICIPIAL_RE = re.compile(r"(?:ing|ed|ly)$")


def _opening_phrase_end(toks: list[_Tok], lex: Lexicon, i: int, upto: int) -> int:
    """After an opening adverb, participle or adverbial up to a comma ("Cependant,", "Venu en
    voisin,", "Déplorant « ... »,", "Côté allemand,", "Seul,"): the token after the comma; else i."""
    if i >= upto or toks[i].q >= 0:
        return i
    w = toks[i].low
    lone = i + 1 < upto and toks[i + 1].raw == ","
    opening = w in _SENT_ADVERBS or (lex.lang == "fr" and (_fr_adverbial(toks, i, lex) or (
        _FR_PARTICIPIAL_RE.search(w) and len(w) > 3 and w not in lex.determiners
        and not (i + 1 < upto and toks[i + 1].raw[:1].isupper()) and w not in lex.titles))) or (
        lex.lang == "en" and _EN_PARTICIPIAL_RE.search(w) and len(w) > 4
        and not (i + 1 < upto and toks[i + 1].raw[:1].isupper()))
    if not opening:
        return i
    j = i + 1
    while j < upto and toks[j].raw != "," and j - i < 12 and toks[j].raw not in (";", ":"):
        j += 1
    if j < upto and toks[j].raw == "," and (lone or j - i >= 2):
        return j + 1
    return i


# lower-case words inside a capitalised subject ("Bank of Canada", "Erik ten Hag", "Ursula von der Leyen")
_SUBJECT_PARTICLES = {"of", "de", "du", "des", "and", "ten", "van", "von", "der", "den", "da", "di", "bin", "al", "el"}


def _dateline_end(toks: list[_Tok], i: int, upto: int) -> int:
    """Past a dateline opening the sentence ("NEW DELHI:", "MANCHESTER, England (AP) —"): an
    upper-case place, maybe a region and an agency, then a colon or a dash; i when none."""
    if i >= upto or not (toks[i].raw.isupper() and len(toks[i].raw) > 1 and toks[i].raw.isalpha()):
        return i
    for x in range(i + 1, min(upto, i + 10)):
        t = toks[x]
        if t.raw == ":" or t.raw in _DATELINE_DASH:
            return x + 1
        if t.q >= 0 or not (t.raw[:1].isupper() or t.raw in (",", "(", ")", "/", ".")):
            return i
    return i


def _sentence_subject(toks: list[_Tok], lex: Lexicon, upto: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence: a pronoun or a run of capitalised words (after
    an opening adverb or participle phrase); a label before a colon ("Réforme :") is none."""
    i = _dateline_end(toks, 0, upto)
    while i < upto and toks[i].low in ("but", "and", "mais", "et", "still", "also"):
        i += 1
    i = _opening_phrase_end(toks, lex, i, upto)
    if i < upto and (toks[i].low in _PP_START or toks[i].low in lex.prepositions) and not (
            lex.lang == "fr" and toks[i].low in lex.determiners):
        # an opening adjunct: "In an interview with CNBC on Monday, ..."
        j = i
        while j < upto and toks[j].raw != "," and toks[j].q < 0:
            j += 1
        i = j + 1
    if i >= upto:
        return None
    if toks[i].low in lex.pronouns and toks[i].low not in ("it", "on", "lui", "eux"):
        return i, i + 1
    j = i
    if toks[j].low in lex.determiners:
        j += 1
    k = j
    while k < upto and toks[k].q < 0 and (toks[k].raw[:1].isupper() or (
            toks[k].raw == "." and k > j and (toks[k - 1].low in _ABBR_TITLE or (
                "." in toks[k - 1].raw and len(toks[k - 1].raw) <= 4))) or (   # "U.S."
            toks[k].low in _SUBJECT_PARTICLES and k + 1 < upto and toks[k + 1].raw[:1].isupper()) or (
            # "Former New Brunswick premier Brian Gallant": a lower-case title inside the name
            k > j and toks[k].low in lex.titles and k + 1 < upto and toks[k + 1].raw[:1].isupper())):
        k += 1
    if k > j and (k - j >= 2 or j == i):
        if k - i == 1 and k < len(toks) and toks[k].raw == ":":
            return None   # a label: "Réforme : « ... »"
        if k - j == 1 and k < upto and toks[k].raw[:1].islower() and not _verbish(toks[k], lex) \
                and (_FR_LONE_PARTICIPLE_RE.fullmatch(toks[j].raw) if lex.lang == "fr"
                     else _EN_PARTICIPIAL_RE.search(toks[j].low)):
            return None   # "Venu soutenir les grévistes :", "Speaking to reporters": a participle
        if k - j == 1 and j == i and k < upto and toks[k].raw[:1].islower() and not _verbish(toks[k], lex) \
                and toks[k].low not in lex.prepositions and toks[k].low not in _RELATIVE \
                and toks[k].low not in lex.adverbs and not toks[k].low.endswith("ly"):
            # "Environmental groups have called ...": a capitalised adjective opening the
            # sentence, its noun after it, up to the verb
            v = k
            while v < upto and v - k < 4 and toks[v].q < 0 and toks[v].raw[:1].isalpha() \
                    and toks[v].raw[:1].islower() and not _verbish(toks[v], lex):
                v += 1
            if v < upto and _verbish(toks[v], lex):
                return i, v
        return i, k
    if lex.lang == "fr" and j > i and j < upto and toks[j].low in lex.titles | lex.anonymous:
        # "Le président de l'UIMM", "L'adjoint au maire"
        k = j + 1
        while k < upto and k - j < 8 and toks[k].q < 0 and toks[k].raw[0].isalnum() \
                and not _fr_verbish(toks[k]) and toks[k].low not in ("qui", "se", "s’", "s'") \
                and (toks[k].low not in lex.cues or _fr_noun_cue(toks, k, lex)):   # ("du prévenu")
            k += 1
        return i, k
    if toks[i].low in lex.determiners or toks[i].low in ("the", "a", "an"):
        # "le candidat écologiste a tranché", "the senator praised": a determiner, a few
        # words, then a finite verb
        k = i + 1
        while k < upto and k - i < 10 and toks[k].q < 0 and toks[k].raw[:1].isalpha() \
                and not _verb_at(toks, k, lex) and toks[k].low not in _RELATIVE \
                and not (lex.lang == "fr" and toks[k].low in ("se", "s’", "s'", "ne", "n’", "n'")):
            if toks[k].low in lex.determiners and toks[k].low not in lex.prepositions \
                    and toks[k - 1].low not in lex.prepositions:
                return None   # "The museum bought a painting": a verb in between, no NP
            k += 1
        if i + 1 < k < upto and (_verb_at(toks, k, lex) or lex.lang == "fr" and toks[k].low in (
                "se", "s’", "s'", "ne", "n’", "n'")):
            return i, k   # (a clitic announces the verb: "Le syndicaliste s'en souvient")
        if i + 1 < k < upto and toks[k].raw == ",":
            # "Son homologue de la CFDT, Marylise Léon, se montre ...": past the apposition
            c2 = next((x for x in range(k + 1, min(upto, k + 9)) if toks[x].raw == ","), None)
            v = c2 + 1 if c2 is not None else upto
            while v < upto and toks[v].low in _FR_CLITIC:
                v += 1
            if c2 is not None and v < upto and (_verbish(toks[v], lex) or v > c2 + 1):
                appos = (k + 1, c2)   # (a clitic "se", "ne" announces a verb too)
                if all(t.raw[:1].isupper() for t in toks[appos[0]:appos[1]]):
                    return appos
                return i, k
    return None


_EN_VERBISH_RE = re.compile(r"[a-z]{3,}ed")   # "praised", "blamed" (not "-es": plural nouns)


def _verbish(t: _Tok, lex: Lexicon) -> bool:
    """A token that is likely a finite verb (or its auxiliary)."""
    if t.q >= 0 or not t.raw[:1].islower():
        return False
    if lex.lang == "fr":
        return (_fr_verbish(t) or t.low in lex.aux or t.low in lex.cues) and not _fr_infinitive(t)
    return t.low in _FINITE or bool(_EN_VERBISH_RE.fullmatch(t.low)) or t.low in lex.cues


def _verb_at(toks: list[_Tok], k: int, lex: Lexicon) -> bool:
    """_verbish, except a French speech verb's form after an article (_fr_noun_cue)."""
    return _verbish(toks[k], lex) and not (lex.lang == "fr" and _fr_noun_cue(toks, k, lex))


def _fr_noun_cue(toks: list[_Tok], k: int, lex: Lexicon) -> bool:
    """Is token k a French speech verb's form used as a noun, after an article ("l'avocat du
    prévenu", "le chargé de mission")?"""
    return toks[k].low in lex.cues and k > 0 and toks[k - 1].low in _FR_NOUN_DET


_WORDS_RE = re.compile(r"\w+")


def _inner_incise(doc: str, q: _Tok, lex: Lexicon) -> list[_Cand] | None:
    """« A, a-t-il dit, B » / "A, he said, B": an attribution inside the marks."""
    it = _tokens(doc, q.s + 1, q.e - 1, [], 0, lex.lang)
    n = len(it)
    for c in _find_cues(it, lex, doc):
        if c.kind != "verb":
            continue
        sep = c.la - 1
        if c.pron or (sep >= 1 and it[sep].raw == ","):
            if c.pron:
                spk, after = c.pron, c.k
            else:
                r = _right_np(it, c.k, n, lex)
                if not r:
                    continue
                spk, after = (it[r[0]].s, it[r[1] - 1].e), r[1]
        else:
            # "A, the engineer insisted. B": the subject before the verb, just after a comma
            np_ = _left_np(it, c.la, 0, lex)
            if np_ is None or np_[0] < 2 or it[np_[0] - 1].raw != "," or np_[1] - np_[0] > 6 \
                    or it[np_[0]].low in lex.subordinators:
                continue
            sep, spk, after = np_[0] - 1, (it[np_[0]].s, it[np_[1] - 1].e), c.k
            if after < n and it[after].raw not in (",", ".", "!", "?", "…"):
                continue
        if after < n and it[after].raw in (".", "!", "?", "…") and after + 1 < n \
                and it[after + 1].raw[:1].isupper():
            # « A, prévient-il. B » / "A, he said. B": the incise ends the first sentence
            return [_Cand(q.s, it[sep].e, "marked", spk, c.text, how="incise"),
                    _Cand(it[after + 1].s, q.e, "marked", spk, c.text, continues=True, how="incise")]
        if after + 1 >= n or it[after].raw != ",":
            continue
        return [_Cand(q.s, it[sep].e, "marked", spk, c.text, how="incise"),
                _Cand(it[after + 1].s, q.e, "marked", spk, c.text, continues=True, how="incise")]
    return None


@dataclass(slots=True)
class _Sent:
    """One sentence being analysed: its tokens and cues, the candidates found so far and the
    tokens they claimed (a claimed token is in no other candidate)."""
    doc: str
    toks: list[_Tok]
    lex: Lexicon
    fr: bool
    n: int
    cues: list[_Cue]
    claimed: list[bool]
    cands: list[_Cand]
    _next: list[int] | None = None  # union-find: the first unclaimed token at or after j
    _verbs_by_k: dict[int, list[_Cue]] | None = None

    def _find(self, j: int) -> int:
        nxt = self._next
        if nxt is None:
            nxt = self._next = list(range(self.n + 1))
            for i in range(self.n - 1, -1, -1):
                if self.claimed[i]:
                    nxt[i] = nxt[i + 1]
        root = j
        while nxt[root] != root:
            root = nxt[root]
        while nxt[j] != root:  # path compression
            nxt[j], j = root, nxt[j]
        return root

    def claim(self, a: int, b: int) -> None:
        """Claim tokens [a, b). Each token is marked once over the whole sentence, however many
        cues claim overlapping ranges (linear in the sentence, not in cues x length)."""
        b = min(self.n, b)
        j = self._find(max(0, a))
        while j < b:
            self.claimed[j] = True
            assert self._next is not None
            self._next[j] = j + 1
            j = self._find(j + 1)

    def first_free(self) -> int:
        return self._find(0)

    def verb_cues_ending_at(self, k: int) -> list[_Cue]:
        """The verb cues (not incise-only) whose complement starts at token k: a lookup, so
        that a sentence with many cues stays linear."""
        if self._verbs_by_k is None:
            self._verbs_by_k = {}
            for c in self.cues:
                if c.kind == "verb" and not c.incise_only:
                    self._verbs_by_k.setdefault(c.k, []).append(c)
        return self._verbs_by_k.get(k, [])

    def first_verb_cue(self) -> int:
        return min((c.i for c in self.cues if c.kind == "verb"), default=self.n)

    def last_cue(self, *, participles: bool = True) -> int:
        """The index of the last cue token (of a non-participle cue); -1 when none."""
        return max((c.i for c in self.cues if participles or c.kind != "participle"), default=-1)

    def spk_of(self, r: tuple[int, int] | None) -> tuple[int, int] | None:
        return (self.toks[r[0]].s, self.toks[r[1] - 1].e) if r else None


def _analyse(doc: str, toks: list[_Tok], lex: Lexicon, cues: list[_Cue] | None = None) -> list[_Cand]:
    """The quote candidates of one sentence, phase by phase: a leading attribution ("Selon X,"),
    incises after the quote ("Q, a déclaré X"), reports before it ("X a déclaré que Q"), then
    quotations with no attribution of their own. Each phase leaves the tokens it used claimed.
    ``cues``: the sentence's cues when the caller has found them already."""
    n = len(toks)
    cands: list[_Cand] = []
    if n == 0:
        return cands
    if cues is None:
        cues = _find_cues(toks, lex, doc)
    sent = _Sent(doc, toks, lex, lex.lang == "fr", n, cues, [False] * n, cands)
    _leading_attribution(sent)
    _incises_after(sent)
    _what_said(sent)
    _statement_intro(sent)
    _reports_before(sent)
    _described_as(sent)
    _unattributed_quotations(sent)
    cands[:] = [c for c in cands if not (c.how == "according" and c.spk and _legal_text(doc, c.spk))]
    cands.sort(key=lambda c: c.s)
    return cands


# texts of law: "selon la Constitution", "according to the Act" give a legal basis, not words
_LEGAL_HEADS = {"constitution", "loi", "lois", "règlement", "code", "décret", "ordonnance",
                "statuts", "traité", "law", "laws", "act", "statute", "regulation", "regulations",
                "bylaw", "bylaws", "treaty", "charter"}


def _legal_text(doc: str, spk: tuple[int, int]) -> bool:
    words = re.findall(r"[^\W\d_]+", doc[spk[0]:spk[1]].lower())
    while words and words[0] in ("la", "le", "les", "l", "the", "this", "that", "cette", "ce", "sa", "son", "its"):
        words = words[1:]
    return bool(words) and words[0] in _LEGAL_HEADS


_STATEMENT_NOUNS = {"déclaration", "déclarations", "communiqué", "message", "allocution", "discours",
                    "lettre", "statement", "statements", "remarks", "letter", "address",
                    "speech", "post", "tweet"}
_FOLLOWING = {"suivante", "suivant", "suivantes", "suivants", "following"}
_MADE_VERBS = {"issued", "made", "released", "delivered", "gave", "published", "posted", "sent",
               "issues", "makes", "releases", "delivers", "gives", "publishes", "posts", "sends",
               "fait", "publié", "prononcé", "adressé", "diffusé", "envoyé", "livré", "tenu",
               "publie", "prononce", "adresse", "diffuse", "envoie"}


def _statement_intro(sent: _Sent) -> None:
    """Phase 2c: "X a fait la déclaration suivante :", "X issued the following statement:":
    the quotation that follows (in the next paragraph, over several) is X's."""
    toks, lex, n = sent.toks, sent.lex, sent.n
    if n < 5 or toks[n - 1].raw != ":" or sent.claimed[n - 1]:
        return
    lo = max(0, n - 14)
    d = next((x for x in range(n - 2, lo - 1, -1) if toks[x].low in _STATEMENT_NOUNS
              and (toks[x - 1].low in _FOLLOWING or x + 1 < n and toks[x + 1].low in _FOLLOWING)), None)
    if d is None:
        return
    v = next((x for x in range(d - 1, max(-1, d - 5), -1) if toks[x].low in _MADE_VERBS), None)
    if v is None:
        return
    la = v
    while la > 0 and (toks[la - 1].low in lex.aux or toks[la - 1].low in _INTRO_ADVERBS):
        la -= 1   # "The Prime Minister, Justin Trudeau, today issued"
    np_ = _left_np(toks, la, 0, lex)
    if np_ is None or np_[1] != la:
        np_ = _name_after_dateline(toks, la, lex)
    if np_ is None:
        return
    sent.cands.append(_Cand(-1, -1, "marked", sent.spk_of(np_), toks[v].raw, intro=True, how="intro"))
    sent.claim(np_[0], n)


_DATELINE_DASH = {"-", "—", "–", "--"}
_INTRO_ADVERBS = {"today", "yesterday", "also", "jointly", "aujourd’hui", "aujourd'hui", "hier",
                  "également", "conjointement"}


def _name_after_dateline(toks: list[_Tok], la: int, lex: Lexicon) -> tuple[int, int] | None:
    """The name opening a clause after a dateline ("HALIFAX, le 1er juill. 2025 /CNW/ -
    L'honorable Lena Diab, ministre de ..., des ... et de ..., a fait"): titles, then two to
    five capitalised words, when a dash or the sentence start comes before them."""
    start = 0
    for x in range(la - 1, max(-1, la - 60), -1):
        if toks[x].raw in _DATELINE_DASH:
            start = x + 1
            break
    else:
        if la >= 60:
            return None
    i = start
    if i + 1 < la and toks[i].low in _INTRO_ADVERBS and toks[i + 1].raw == ",":
        i += 2   # "Today, the Honourable Eleanor Olszewski, ..."
        start = i
    while i < la and (toks[i].low.rstrip(".") in lex.titles or toks[i].low in ("l’", "l'", "the")):
        i += 1
    e = i
    while e < la and e - i < 5 and toks[e].raw[:1].isupper() and toks[e].q < 0:
        e += 1
    return (start, e) if e - i >= 2 and e < la and toks[e].raw == "," else None


# "what they said was Y", "what he calls Y", "ce que le ministre appelle Y", "ce qu'elle
# qualifie de Y": the words after the verb are the subject's
_WHAT = {"what", "ce"}
_WHAT_VERBS = {"said", "say", "says", "call", "calls", "called", "describe", "describes",
               "described", "term", "terms", "termed", "dub", "dubs", "dubbed",
               "appelle", "appellent", "appelait", "appelaient", "a appelé", "qualifie", "qualifient",
               "qualifiait", "nomme", "nomment", "décrit", "décrivent"}
_WHAT_LINK = {"was", "is", "were", "are", "as", "de", "d’", "d'", "comme"}
_WHAT_END = {".", ";", "?", "!", ":", "—", "–", "(", ")"}


def _what_said(sent: _Sent) -> None:
    """Phase 2b: "what X said was Y" / "what X calls Y": Y is X's words (to the end of the
    clause); X is a pronoun or a short noun phrase."""
    toks, lex, n, cands = sent.toks, sent.lex, sent.n, sent.cands
    for i in range(n - 3):
        if toks[i].low not in _WHAT or sent.claimed[i]:
            continue
        k = i + 1
        if toks[i].low == "ce":
            if toks[k].low not in ("que", "qu’", "qu'"):
                continue
            k += 1
        v = next((x for x in range(k + 1, min(n, k + 6)) if toks[x].low in _WHAT_VERBS), None)
        if v is None or any(t.q >= 0 or not t.raw[0].isalnum() for t in toks[k:v]) \
                or not toks[k].raw[:1].isalpha() or toks[k].low in lex.prepositions \
                and toks[k].low not in lex.determiners or toks[k].low in _PASSIVE_AUX \
                or not sent.fr and _en_noun_use(toks, v):
            continue   # ("what was described as a routine check": no one's words; "what X
            # could expect during a call": a noun)
        a = v + 1
        if a < n and toks[a].low in _WHAT_LINK:
            a += 1
        b = a
        while b < n and toks[b].raw not in _WHAT_END and not sent.claimed[b]:
            b += 1
        while b > a and toks[b - 1].raw in (",", "."):
            b -= 1
        sp = _span(toks, a, b)
        if not sp or b - a < 1 or any(t.q >= 0 for t in toks[a:b]):
            continue   # a quotation after the verb is read by the other phases
        cands.append(_Cand(sp[0], sp[1], "unmarked", sent.spk_of((k, v)), toks[v].raw, how="report"))
        sent.claim(i, b)


def _leading_attribution(sent: _Sent) -> None:
    """Phase 1: a sentence-initial "Selon X, Q" / "According to X, Q" / "Pour X, Q" (and "De
    l'avis de X,", "Aux yeux de X,", "Comme l'a rappelé X,"): the rest of the sentence is X's."""
    doc, toks, lex, fr, n, cues, cands = sent.doc, sent.toks, sent.lex, sent.fr, sent.n, sent.cues, sent.cands
    claim, spk_of = sent.claim, sent.spk_of
    st = 0
    while st < n and toks[st].low in ("but", "and", "mais", "et", "or", "still", "yet", "so", "also",
                                      "toujours"):
        st += 1
    lead = None
    # "Cependant, selon X, Q", "However, according to X, Q": a sentence adverb first
    comma = next((j for j in range(st, min(n, st + 4)) if toks[j].raw == ","), None)
    adverbial = comma is not None and comma > st and not any(t.q >= 0 for t in toks[st:comma]) and (
        comma == st + 1 and toks[st].low not in lex.determiners or toks[st].low in lex.prepositions)
    starts = (st, comma + 1) if adverbial and comma is not None else (st,)
    for c in cues:
        if c.kind == "according" and c.la in starts:
            lead, st = c, c.la
            break
    if lead is None and fr and st < n and toks[st].low == "pour" and st + 1 < n:
        # viewpoint "Pour X, ..." with a person's name (two capitalised words) or a pronoun
        j = st + 1
        if toks[j].low in ("lui", "elle", "eux", "elles"):
            j += 1
        else:
            if toks[j].low in ("le", "la", "l’", "l'") and j + 1 < n and toks[j + 1].low in lex.titles \
                    and not (j + 2 < n and toks[j + 2].low == "fois"):   # ("Pour la première fois,")
                j = _viewpoint_title_end(toks, j + 2, lex)
            j0 = j
            while j < n and toks[j].raw[:1].isupper() and toks[j].q < 0:
                j += 1
            if j - (st + 1) < 2 and not _viewpoint_before_quotation(toks, st + 1, j0, j, lex):
                j = -1
        if 0 < j < n and toks[j].low == ",":
            lead = _Cue(st, st, st + 1, toks[st].raw, None, False, "according")
        elif _viewpoint_with_apposition(toks, st, lex) is not None:
            lead = _Cue(st, st, st + 1, toks[st].raw, None, False, "according")
    if lead is None and fr and st < n:
        # "De l'avis de X,", "Aux yeux de X,", "À en croire X,", "Comme l'a rappelé X,"
        ws = [t.low for t in toks[st:st + 5]]
        ln = 0
        if ws[:3] == ["de", "l’", "avis"] or ws[:3] == ["de", "l'", "avis"]:
            ln = 3
        elif ws[:2] == ["aux", "yeux"]:
            ln = 2
        elif ws[:3] in (["à", "en", "croire"], ["a", "en", "croire"]):
            ln = 3
        elif ws[:1] == ["comme"]:
            cc = next((cc for cc in cues if cc.kind == "verb" and st < cc.la <= st + 3), None)
            if cc and not cc.pron:
                ln = cc.k - st
        if ln and st + ln < n and toks[st + ln].low in ("de", "d’", "d'") and ws[0] != "à":
            ln += 1
        if ln:
            lead = _Cue(st, st, st + ln, doc[toks[st].s:toks[st + ln - 1].e], None, False, "according")
    if lead is not None:
        k = lead.k
        j = k
        while j < n and toks[j].low != "," and toks[j].q < 0 and j - k < 14:
            j += 1
        if j < n and toks[j].low == "," and j > k:
            # "Selon Paris, Berlin et Rome, Q": a list of sources up to its "et" / "and"
            j2, coord = j + 1, False
            while j2 < n and j2 - j <= 12 and toks[j2].q < 0 and (
                    toks[j2].raw[:1].isupper() or toks[j2].raw == "," or toks[j2].low in ("et", "and", "ou", "or")):
                coord = coord or toks[j2].low in ("et", "and", "ou", "or")
                if coord and toks[j2].raw == ",":
                    break
                j2 += 1
            if coord and j2 < n and toks[j2].raw == "," and toks[j2 - 1].raw[:1].isupper():
                j = j2
            qj = _viewpoint_with_apposition(toks, st, lex) if toks[st].low == "pour" else None
            if qj is None:
                # "Selon le porte-parole de la préfecture, Jean Martin, Q": the name in apposition
                j2 = j + 1
                while j2 < n and j2 - j <= 5 and toks[j2].q < 0 and toks[j2].raw[:1].isupper():
                    j2 += 1
                if j2 - j >= 2 and j2 + 1 < n and toks[j2].raw == ",":
                    qj = j2 + 1
            if qj is None and j + 1 < n and toks[j + 1].low in ("qui", "who", "which", "dont"):
                # "Selon le ministère, qui cite des chiffres provisoires, Q": past the relative
                c2 = next((x for x in range(j + 2, min(n, j + 24)) if toks[x].raw == ","), None)
                qj = c2 + 1 if c2 is not None else None
            q0 = qj if qj is not None else j + 1
            # (up to a colon that opens a quotation of its own: "Pour X, A : « B », a-t-il dit")
            end = next((x for x in range(q0 + 1, n - 1) if toks[x].raw == ":" and toks[x + 1].q >= 0), n)
            sp = _span(toks, q0, end)
            if sp:
                cands.append(_Cand(sp[0], sp[1], "according_to", spk_of((k, j)), lead.text,
                                   intro=end == n and toks[n - 1].raw == ":",
                                   how="viewpoint" if toks[st].low == "pour" else "according"))
                claim(lead.la, end)


def _fr_incise_tail(toks: list[_Tok], c: _Cue, after: int, n: int) -> bool:
    """Can what follows an uninverted French incise verb ("..., le ministère a indiqué") end
    an incise: nothing, or a short adjunct ("mardi", "dans un communiqué"), with no "que", no
    colon, no quotation and no infinitive; a long complement ("a insisté sur l'impératif
    d'asseoir ...") makes the clause before the comma an adverbial, not a quote."""
    end = after
    while end < n and toks[end].raw not in (".", ";", "!", "?"):
        if toks[end].q >= 0 or toks[end].raw == ":" or toks[end].low in _THAT:
            return False
        end += 1
    return end - after <= 6 and not any(_fr_infinitive(t) for t in toks[after:end])


_EN_PARTICLES = {"out", "up", "back", "aloud"}   # ("out loud": two tokens, read below)


def _manner_adverb_last(toks: list[_Tok], k: int, n: int, fr: bool) -> bool:
    """'"...," Bodenhamer said earnestly.', '..., he says matter-of-factly.': an English manner
    adverb that ends the incise; or the verb's particle ('"...," she blurted out.', 'he shot
    back', 'she said out loud')."""
    if fr:
        return False
    w = toks[k].low
    if w == "out" and k + 1 < n and toks[k + 1].low == "loud":
        k += 1
    elif not (w in _EN_PARTICLES or re.fullmatch(r"[a-z-]{3,}ly", w)):
        return False
    return k + 1 >= n or toks[k + 1].raw in (".", ",", "!", "?", ";")


def _appositive_name_after(toks: list[_Tok], r: tuple[int, int], n: int) -> tuple[int, int] | None:
    """A description of a person's relation ("Campbell's partner", "Wise's dad") followed by
    their name between a comma and the end of the clause: the name's tokens."""
    a, b = r
    if not (b + 1 < n and toks[b].raw == "," and any(t.raw.endswith(("'s", "’s")) for t in toks[a:b])):
        return None
    e = b + 1
    while e < n and e - b <= 4 and toks[e].raw[:1].isupper() and toks[e].q < 0:
        e += 1
    if e == b + 1 or e < n and toks[e].raw not in (".", ",", ";", "!", "?"):
        return None
    return b + 1, e


# verbs after which "about" opens an adjunct ('"Q," X said about the withdrawal'), unlike
# "complained about"
_SAY_ABOUT = {"said", "says", "say", "wrote", "writes", "spoke", "speaks", "told", "tells"}


def _said_of(toks: list[_Tok], cue: int, after: int) -> bool:
    """Does token `after` open an adjunct of the speech verb at `cue`: "of" ('"Q," she said of
    the plan'; only there: in "says the topic of citizenship" it belongs to a noun phrase), or
    "about" after a verb of saying?"""
    w = toks[after].low
    return w == "of" or w == "about" and toks[cue].low in _SAY_ABOUT


# English speech verbs whose "on" opens their content, not a time or place ("agreed on the need
# to", "insisted on", "commented on", "called on X to")
_ON_COMPLEMENT = ("agree", "insist", "comment", "focus", "reflect", "elaborat", "call", "touch",
                  "dwell", "remark", "expand", "brief", "updat", "reiterat")


# English verbs of telling whose noun phrase after a quotation is the person told, never an
# inverted subject ('"Q," told reporters'); "warned", "asked", "urged" invert ('"Q," asked the judge')
_NO_INVERSION = {"told", "tell", "tells", "telling", "informed", "inform", "informs", "notified",
                 "reminded", "remind", "reminds", "advised", "advise", "advises", "assure", "assures"}


def _that_follows(toks: list[_Tok], after: int, n: int, lex: Lexicon) -> bool:
    """Does "that" / "que" come after a short adjunct ("said in an email that", "a indiqué
    dans un communiqué que"): the verb reports what follows, it is no incise? (Not "recalled
    of that first day": after a preposition, "that" is a demonstrative.)"""
    j = after
    while j < n and j - after < 8 and toks[j].q < 0 and toks[j].raw not in (",", ".", ";", ":"):
        if toks[j].low in _THAT and j > after and toks[j - 1].low not in lex.prepositions:
            return True
        j += 1
    return False


def _incises_after(sent: _Sent) -> None:
    """Phase 2: an incise after the quote: "Q, a déclaré X" / "Q," he said / "Q, according to
    X"; then the second part of an interrupted quote or ", adding that ..." after it."""
    doc, toks, lex, fr, n, cues, cands = sent.doc, sent.toks, sent.lex, sent.fr, sent.n, sent.cues, sent.cands
    claimed, claim, spk_of = sent.claimed, sent.claim, sent.spk_of
    last_cue, last_verb_cue = sent.last_cue(), sent.last_cue(participles=False)
    for c in cues:
        if claimed[c.i] or c.kind == "participle":
            continue
        spk = None
        after = c.k
        sep = c.la - 1
        if sep < 0 or toks[sep].low in ("qui", "who", "which", "that", "dont", "whose"):
            continue   # "X, qui s'exprimait devant les élus, a assuré ...": a relative clause
        if c.pron:
            if not _is_sep(toks[sep]):
                continue
            spk = c.pron
            if fr and doc[c.pron[0]:c.pron[1]].lower() == "on" and after < n:
                # "a-t-on appris auprès de la direction", "indique-t-on au ministère de ..."
                j = after
                if toks[j].low == "auprès" and j + 1 < n and toks[j + 1].low in ("de", "d’", "d'", "du", "des"):
                    j += 1 if toks[j + 1].low in ("du", "des") else 2
                elif toks[j].low in ("au", "à", "dans", "chez"):
                    j += 1
                else:
                    j = -1
                if j > after:
                    e2 = j
                    while e2 < n and toks[e2].q < 0 and toks[e2].raw not in (",", ".", ";", ":") and e2 - j < 10:
                        e2 += 1
                    if e2 > j:
                        spk = (toks[j].s, toks[e2 - 1].e)
                        after = e2
            if after < n and toks[after].q < 0 and toks[after].raw[0].isalnum() and not (
                    toks[after].low in lex.adjunct or toks[after].low in _TIME_ADJ
                    or _said_of(toks, c.i, after) or _manner_adverb_last(toks, after, n, fr)):
                continue
        elif _is_sep(toks[sep]) and not (not fr and (toks[c.i].low in _NO_INVERSION or c.la < c.i)) \
                and not (c.kind == "verb" and _participle_word(toks[c.i].low, fr)) \
                and (r := _right_np(toks, c.k, n, lex)) and not (fr and _plural_cue_singular_np(toks, c, r)):
            if not fr and (name := _appositive_name_after(toks, r, n)):
                r = name   # "says Campbell's partner, Jason Louth.": the name speaks
            spk = spk_of(r)
            after = r[1]
        else:
            if c.kind == "according":
                continue
            np_ = _left_np(toks, c.la, 0, lex)
            if np_ is not None and np_[0] >= 3 and toks[np_[0] - 1].low in ("and", "et") \
                    and toks[np_[0] - 2].raw[:1].isalpha() and toks[np_[0] - 2].q < 0 \
                    and np_[1] - np_[0] <= 3 and _is_sep(toks[np_[0] - 3]):
                np_ = (np_[0] - 2, np_[1])   # "..., bankers and analysts say."
            if np_ is None or np_[0] == 0 or not _is_sep(toks[np_[0] - 1]) or np_[1] - np_[0] > 9:
                continue
            if toks[np_[0]].low in lex.subordinators or toks[np_[0]].low in lex.aux \
                    or toks[np_[0]].low in _BE_FORMS:
                continue   # "..., be wise to wait for the final report": no noun phrase
            if not fr and toks[c.i].low in TELL_VERBS and after < n and toks[after].q < 0 and (
                    toks[after].low in _OBJ_PRON or toks[after].low in lex.determiners
                    or toks[after].raw[:1].isupper()):
                # the person told, then only adjuncts up to the end of the sentence
                j = after + 1
                while j < n and toks[j].q < 0 and toks[j].raw not in (",", ".", ";", ":") and j - after < 6 \
                        and toks[j].low not in _THAT and toks[j].low not in _TIME_ADJ and toks[j].low not in lex.adjunct:
                    j += 1
                if j >= n or toks[j].raw in (",", ".") or toks[j].low in _TIME_ADJ or toks[j].low in lex.adjunct:
                    after = j
            if after < n and toks[after].q < 0 and toks[after].raw[0].isalnum():
                w = toks[after].low
                if w in _THAT or not (w in _TIME_ADJ or w in lex.adjunct or _said_of(toks, c.i, after)
                                      or _manner_adverb_last(toks, after, n, fr)):
                    continue
                if w in ("on", "upon") and toks[c.i].low.startswith(_ON_COMPLEMENT):
                    continue   # "X, the leaders agreed on the need to ...": the content follows
                if c.incise_only:
                    continue
            if after < n and (toks[after].raw == ":" or toks[after].q >= 0) or _that_follows(toks, after, n, lex):
                continue   # ("Asked about it, a spokesperson said in an email that ...": a report)
            if fr and not _fr_incise_tail(toks, c, after, n):
                continue   # "A ce titre, il a demandé au ministre de ...": a report, no incise
            sep = np_[0] - 1
            spk = spk_of(np_)
        # the quote before the separator: a quotation right before it, or the clause
        a = min(sent.first_free(), sep)
        for j in range(sep - 1, a - 1, -1):
            if toks[j].q < 0 and toks[j].raw in (":", ";", "—", "–", "--"):
                if toks[j].raw != ":" and toks[j].raw != ";" and _dash_inside(toks, a, j, sep, lex):
                    continue
                a = j + 1
                break
        qi = sep if toks[sep].q >= 0 else (sep - 1 if sep >= 1 and toks[sep - 1].q >= 0 else -1)
        if qi > a and toks[a].q < 0 and _opening_phrase_end(toks, lex, a, qi) == qi:
            a = qi   # "Cependant, « Q », a-t-il ajouté": the opening adverb is not quoted
        if qi >= a and qi >= 0 and (qi == a or toks[a].q >= 0):
            s0, e0 = toks[a].s if toks[a].q >= 0 else toks[qi].s, toks[qi].e
            qtype = "marked"
        else:
            end = sep if toks[sep].q < 0 else sep + 1
            sp = _span(toks, a, end)
            mid = (after + 1 < n and toks[after].raw == "," and toks[after + 1].q < 0
                   and toks[after + 1].raw[0].isalpha() and toks[after + 1].low not in _RELATIVE
                   and (_clausal(toks, after + 1, n, lex) or toks[after + 1].raw[0].islower()
                        and not _participle_word(toks[after + 1].low, fr))
                   and a == 0 and not last_cue > after)
            nwords = sum(1 for t in toks[a:end] if t.raw[0].isalnum() or t.q >= 0)
            if not sp or nwords < (2 if mid else 3):
                continue
            if not mid and not _clausal(toks, a, end, lex) or fr and _np_and_name(toks, a, end, lex):
                continue   # ("L'avocat du prévenu, Me Jean Petit, a plaidé la relaxe": the subject)
            if fr and _fr_adverbial(toks, a, lex) and not any(_fr_verbish(t) for t in toks[a:end]):
                continue  # "Devant les membres du Parlement, la reine a salué ...": an adverbial
            if _subject_with_relative(toks, a, end, lex):
                continue  # "The envoy, whose country drafted it, stressed the Council's resolve"
            s0, e0 = sp
            qtype = "unmarked"
        if c.kind == "according":
            qtype = "according_to"
        cands.append(_Cand(s0, e0, qtype, spk, c.text,
                           how="according" if c.kind == "according" else "incise"))
        claim(0, after)
        _after_incise(sent, c, spk, after, qtype, last_verb_cue)


def _dash_inside(toks: list[_Tok], a: int, j: int, b: int, lex: Lexicon) -> bool:
    """Is the dash at j inside the quote that ends at b, not its start? What follows it cannot
    stand alone ("... for a relationship — and many fail, said X"; "... to normal — a
    significant finding, researchers say"), and what precedes it is a clause (not a dateline,
    "OTTAWA — The economy ..., officials said")."""
    after = j + 1
    while after < b and toks[after].q >= 0:
        after += 1
    if after >= b:
        return False
    alone = _clausal(toks, after, b, lex) and toks[after].low not in _COORD
    return not alone and j - a >= 4 and _clausal(toks, a, j, lex) and not any(
        t.raw in ("—", "–", "--") and t.q < 0 for t in toks[a:j])


_COORD = {"and", "but", "or", "et", "mais", "ou"}


def _cleft(toks: list[_Tok]) -> bool:
    """Does the sentence open as a cleft ("It is on Trudeau's watch, Scheer said, that ...")?"""
    return len(toks) > 2 and toks[0].low == "it" and toks[1].low in ("is", "was") or \
        len(toks) > 1 and toks[0].low in ("it's", "it’s")


def _after_incise(sent: _Sent, c: _Cue, spk: tuple[int, int] | None, after: int, qtype: str,
                  last_verb_cue: int) -> None:
    """Phase 2, what follows an incise: the second part of an interrupted quote ("« A », a-t-il
    dit, « B »"; "It would, the minister said, be wise to wait", one quotation around it), or
    ", adding that ..."."""
    doc, toks, lex, fr, n, cands, claim = sent.doc, sent.toks, sent.lex, sent.fr, sent.n, sent.cands, sent.claim
    j = after
    while j < n and toks[j].q < 0 and toks[j].raw not in (",", ".") and j - after < 10:
        j += 1
    if j < n and toks[j].raw == ",":
        j2 = j + 1
        if j2 < n and toks[j2].q >= 0:
            cands.append(_Cand(toks[j2].s, toks[j2].e, "marked", spk, c.text, continues=True, how="incise"))
            claim(j, j2 + 1)
        elif j2 < n and toks[j2].low in (_FR_PARTICIPLE_CONT if fr else _EN_PARTICIPLE_CONT):
            sp = _span(toks, j2 + 1, n)
            if sp and _words_in(doc[sp[0]:sp[1]]) >= 3:
                cands.append(_Cand(sp[0], sp[1], "indirect", spk, toks[j2].raw, how="incise"))
                claim(j, n)
        elif (j2 < n and qtype == "unmarked" and toks[j2].low in _PHRASE_CONT and not last_verb_cue >= j2
              and (sp := _span(toks, j2, n)) and _words_in(doc[sp[0]:sp[1]]) >= 3):
            # "..., she said, especially those still in hospital": a phrase that narrows the
            # words before the incise, the rest of the quote (GGT gives it as a second part)
            cands.append(_Cand(sp[0], sp[1], "unmarked", spk, c.text, continues=True, how="incise"))
            claim(j, n)
        elif (j2 < n and qtype in ("unmarked", "according_to") and toks[j2].q < 0 and toks[j2].raw[:1].islower()
              and not _opens_clause(toks[j2], lex) and _verb_in(toks, j2, n, lex)
              and toks[j2].low not in _RELATIVE and not (not fr and toks[j2].low.endswith("ing"))
              and not last_verb_cue >= j2 and (sp := _span(toks, j2, n))
              and _words_in(doc[sp[0]:sp[1]]) >= 2):
            # "It would, the minister said, be wise to wait": the words after the incise
            # cannot stand alone (a verb, an adjective): one quotation around the
            # interrupting clause (a clause, a phrase after it is a quotation of its own).
            # After "according to X" (a paraphrase) the two English parts stay two quotes, as
            # after a clause ("Some of those concerns, according to experts, include ..."); a
            # French "Il s'agit, selon lui, de ..." is one (as both annotations have it)
            if qtype == "according_to" and not fr:
                cands.append(_Cand(sp[0], sp[1], qtype, spk, c.text, continues=True, how="according"))
            else:
                cands[-1].e = sp[1]
            claim(j, n)
        elif (j2 < n and qtype == "unmarked" and toks[j2].q < 0 and toks[j2].raw[0].isalpha()
              and (toks[j2].low not in _RELATIVE or toks[j2].low == "that" and _cleft(toks))
              and not (not fr and toks[j2].low.endswith("ing"))
              and not (toks[j2].low in _CONJ and j2 + 1 < n and toks[j2 + 1].low in lex.subordinators)
              and _clausal(toks, j2, n, lex)
              and not (fr and j == after and toks[j2].low not in _FR_CLAUSE_START)
              and not last_verb_cue >= j2):
            sp = _span(toks, j2, n)
            if sp and _words_in(doc[sp[0]:sp[1]]) >= 3:
                cands.append(_Cand(sp[0], sp[1], "unmarked", spk, c.text, continues=True, how="incise"))
                claim(j, n)


# words opening a phrase that narrows what precedes it: after an incise, still the speaker's
_PHRASE_CONT = {"especially", "particularly", "including", "notably", "mostly", "mainly", "largely",
                "except", "excluding", "notamment", "surtout", "particulièrement", "principalement",
                "sauf", "hormis"}


def _participle_word(w: str, fr: bool) -> bool:
    """A present participle or a gerund ("estimant", "adding"): after ", X a plaidé la relaxe,"
    it opens a participle clause, not the rest of an interrupted quotation."""
    return w.endswith("ant") if fr else w.endswith("ing")


_CONJ = {"and", "but", "or", "so", "yet", "et", "mais", "ou", "donc", "car", "puis"}


def _opens_clause(t: _Tok, lex: Lexicon) -> bool:
    """Can t start a clause or a phrase of its own (a pronoun, a determiner, a preposition, a
    conjunction, an adverb), so that the words after an incise need nothing before it?"""
    w = t.low
    return (w in lex.determiners or w in lex.prepositions or w in lex.subordinators or w in _CONJ
            or w in _SUBJ_START or w in _FR_CLAUSE_START or w in lex.adjunct or w.endswith("ly")
            or w.endswith("ment") and lex.lang == "fr")


_VERB_WINDOW = 8


def _verb_in(toks: list[_Tok], a: int, b: int, lex: Lexicon) -> bool:
    """Is there a verb among the first tokens of a..b-1 (not an apposition: "Louise Arbour,
    procureur du tribunal")? A window of _VERB_WINDOW tokens: linear however many cues."""
    b = min(b, a + _VERB_WINDOW)
    if lex.lang == "fr":
        return any(_fr_verbish(t) or _fr_infinitive(t) or t.low in lex.aux for t in toks[a:b])
    return any(t.low in _FINITE or t.low in _BE_FORMS or t.low in lex.aux for t in toks[a:b]) \
        or _clausal(toks, a, b, lex)


def _reduced_relative(t: _Tok, lex: Lexicon) -> bool:
    """Is the token before a subject pronoun a noun that the pronoun's clause qualifies, "that"
    left out ("the relationships she thought ...")? Not a conjunction, an adverb, a time word,
    punctuation or a capitalised word."""
    w = t.low
    return t.q < 0 and t.raw.isalpha() and t.raw.islower() and w not in _CONJ and w not in lex.subordinators \
        and w not in lex.adverbs and w not in lex.prepositions and w not in _TIME_ADJ and w not in lex.adjunct \
        and not w.endswith("ly") and w not in _FINITE and w not in lex.cues and w not in lex.determiners \
        and not _EN_VERBISH_RE.fullmatch(w)


def _passive_before_and(toks: list[_Tok], la: int) -> bool:
    """Is the verb coordinated before "and" (tokens before la) a passive ("had been diagnosed
    ... and told")?"""
    if la < 1 or toks[la - 1].low != "and":
        return False
    for x in range(la - 2, max(-1, la - 10), -1):
        if toks[x].raw in (",", ";", ":", ".") or toks[x].q >= 0:
            return False
        if toks[x].low in ("been", "was", "were", "is", "are", "be") and x + 1 < la - 1 \
                and _EN_VERBISH_RE.fullmatch(toks[x + 1].low):
            return True
    return False


# a verb phrase's first word: after "X said" with no subject of its own, the words are about
# the noun the relative clause qualifies ("a move the company said was needed")
_VP_AUX = {"was", "were", "is", "are", "will", "would", "could", "can", "should", "may", "might",
           "had", "has", "have", "must"}


def _relative_speaker(toks: list[_Tok], la: int, lex: Lexicon) -> tuple[int, int] | None:
    """The speaker of a relative clause without its own subject before its verb: "a move the
    company said was needed" -> the company; "a plan officials say will cost" -> officials;
    "which engineers said was unsafe" -> engineers. None when the cue's left side is no such
    clause (a sentence subject: "The company said was ..." is not English)."""
    if la < 2:
        return None
    x = la - 1
    t = toks[x]
    if t.q >= 0 or not t.raw[:1].isalpha():
        return None
    if t.low in lex.pronouns and t.low not in ("it",):
        a = x
    elif t.raw[:1].isupper():
        a = x
        while a > 0 and toks[a - 1].raw[:1].isupper() and toks[a - 1].q < 0 and la - a < 4:
            a -= 1
    else:
        a = x
        if toks[a - 1].low in lex.determiners:
            a -= 1   # "the company"
    if a == 0:
        return None
    before = toks[a - 1]
    if before.low in ("which", "that", "whom") or (
            before.raw[:1].isalpha() and before.raw[:1].islower() and before.q < 0
            and a >= 2 and toks[a - 2].low in lex.determiners and before.low not in lex.determiners
            and not _verbish(before, lex)):
        return a, la
    return None


_EN_GERUND_PREP = {"by", "before", "after"}
_COORD_OR_THAT = _COORD | _THAT | {"nor", "ni"}


def _report_subject(sent: _Sent, c: _Cue) -> tuple[_Cue, tuple[int, int] | None] | None:
    """Phase 3, the speaker of a report: the noun phrase (token range) before the cue, or the
    cue's pronoun (then the range is None); a coordinated cue takes the subject of the verb
    whose auxiliary it shares. None when the cue is no report of its own (a subordinate
    clause of an earlier report, a relative clause)."""
    toks, lex, fr, cues = sent.toks, sent.lex, sent.fr, sent.cues
    claimed = sent.claimed
    np_ = None
    if c.kind == "coord":
        # the subject of the cue whose auxiliary it shares
        prev = [cc for cc in cues if cc.kind == "verb" and cc.i < c.i]
        if not prev:
            return None
        pc = prev[-1]
        np_ = None if pc.pron else (_left_np(toks, pc.la, 0, lex) or _sentence_subject(toks, lex, pc.la))
        if np_ is None and not pc.pron:
            return None
        if pc.pron:
            c = _Cue(c.i, c.la, c.k, c.text, pc.pron, False, "coord")
    elif not c.pron:
        np_ = _left_np(toks, c.la, 0, lex)
        if np_ is None and c.la > 1 and toks[c.la - 1].raw == ",":
            np_ = _subject_before_appositions(toks, c.la - 1, lex)
        if np_ is None and c.la > 0 and toks[c.la - 1].low in ("and", "but", "et", "mais"):
            # "She told reporters that A and argued that B": the sentence's subject, shared;
            # the first report keeps what comes before "and"
            np_ = _sentence_subject(toks, lex, c.la - 1)
            x = next((x for x in range(c.la - 3, np_[0] if np_ else 0, -1)
                      if toks[x].low in lex.subordinators and toks[x].low not in _COORD_OR_THAT), None)
            if np_ is not None and x is not None and (sub := _sentence_subject(toks[x + 1:c.la - 1], lex, c.la - x - 2)):
                np_ = (x + 1 + sub[0], x + 1 + sub[1])   # "Shares fell after the company placed ...
                # and said": the subject of the clause the report is coordinated with
            prev = [cc for cc in cues if cc.kind == "verb" and cc.i < c.la - 1]
            if np_ is None and prev and not prev[-1].pron:
                np_ = _left_np(toks, prev[-1].la, 0, lex)   # (the subject of the first report)
            if np_ is not None:
                c = _Cue(c.i, c.la, c.k, c.text, c.pron, c.incise_only, "coord")
        if np_ is None and c.la > 0 and (
                fr and toks[c.la - 1].low == "en" and toks[c.i].low.endswith("ant")
                or not fr and toks[c.la - 1].low in _EN_GERUND_PREP and toks[c.i].low.endswith("ing")):
            # "X s'est défendu en assurant que ...", "He ended by saying ...": the gerund's
            # subject is the sentence's (shared, as a coordinated verb's: what comes before
            # the gerund is left to the first report)
            np_ = _sentence_subject(toks, lex, c.la - 1)
            if np_ is not None:
                c = _Cue(c.i, c.la - 1, c.k, c.text, c.pron, c.incise_only, "coord")
        if np_ is None:
            return None
    if np_ and np_[0] > 1 and toks[np_[0] - 1].low in ("who", "qui") and toks[np_[0] - 2].raw == ",":
        # "Sarah Buckley, who attended the school across the street, said ...": the phrase
        # after "who" is the relative clause; the speaker is what it is about
        np_ = _left_np(toks, np_[0] - 2, 0, lex) or np_
    if np_ and np_[0] > 0 and toks[np_[0] - 1].low in lex.subordinators and toks[np_[0] - 1].low not in (
            "and", "but", "et", "mais", "that", "que", "qu’", "qu'") and sent.first_verb_cue() < np_[0]:
        return None  # reported speech inside a subordinate clause of an earlier report
    if np_ and any(cc.i < np_[0] and not claimed[cc.i]
                   and (cc.k == np_[0] or cc.k == np_[0] - 1 and toks[cc.k].low in _THAT)
                   for cc in (*sent.verb_cues_ending_at(np_[0]),
                              *sent.verb_cues_ending_at(np_[0] - 1))):
        return None  # "Freeland says Canada has asked China to ...": the outer report holds it
    if np_ and np_[0] > 0 and toks[np_[0] - 1].low in ("what", "which", "whom", "où", "dont", "quoi") \
            and not (np_[0] > 2 and toks[np_[0] - 1].low == "quoi" and toks[np_[0] - 3].low == "ce"):
        return None  # "what he thought was ...": a relative clause, not a report ("Ce à quoi X a
        #              répondu que ..." is one)
    if not fr and np_ and toks[np_[1] - 1].low in lex.pronouns and np_[1] - 1 > 0 \
            and _reduced_relative(toks[np_[1] - 2], lex):
        return None  # "a few relationships she thought she could count on": no "that", a relative
    if not fr and c.kind == "coord" and toks[c.i].low in TELL_VERBS and _passive_before_and(toks, c.la):
        return None  # "had been diagnosed with cancer and told he had": told, not telling
    return c, np_


def _complement_start(sent: _Sent, c: _Cue, w: str, k: int, hi: int) -> int:
    """Phase 3, where a report's complement starts after its cue (token k): past the person
    told ("told reporters"), adjuncts ("said Monday", "a déclaré mardi à la presse que") and a
    comma."""
    toks, lex, fr = sent.toks, sent.lex, sent.fr
    if not fr:
        if w in TELL_VERBS and k < hi and toks[k].low not in _THAT and not _clause_follows(toks, k, hi, lex) \
                and not (toks[k].low in lex.prepositions and toks[k].low not in lex.determiners):
            # (not "asked for a meeting", "warned of a crisis": a preposition and its object)
            # the person told: "told reporters", "told The Globe", "told him"
            j = k
            while j < hi and j - k < 6 and toks[j].q < 0 and toks[j].low not in ("that", ":", ",", ".") and toks[j].low not in _SUBJ_START:
                if j > k and toks[j].low in _CLAUSE_DET and toks[j - 1].low not in lex.determiners:
                    break   # "told MPs the bill would ...": the clause's subject starts
                j += 1
                if toks[j - 1].low in _OBJ_PRON:
                    break
                if j < hi and toks[j - 1].raw[0].islower() and toks[j - 1].low not in lex.determiners and not toks[j].raw[0].isupper():
                    break
            k = j
        # adjuncts before the complement: "said Monday", "said in a statement that"
        if k < hi and (toks[k].low in _PP_START or toks[k].low in _TIME_ADJ) \
                and toks[k].low not in _SUBJ_START and toks[k].low not in _THAT:
            j = k
            while j < hi and j - k < 9 and toks[j].q < 0 and toks[j].low not in _THAT and toks[j].raw not in (",", ":", ".") and not (j > k and toks[j].low in _SUBJ_START):
                j += 1
            if j < hi and j > k and (toks[j].low in _THAT or toks[j].raw in (",", ":") or toks[j].q >= 0 or toks[j].low in _SUBJ_START):
                k = j
            elif (d := _clause_after_adjunct(toks, k, hi, lex)) is not None:
                k = d   # "said on Monday the merger was dead", "said in a statement the plant ..."
        if k < hi and toks[k].raw == ",":
            k += 1
    else:
        if k + 2 < hi and toks[k].raw == ",":
            # "a estimé, lui, que ...", "a rappelé, pour sa part, que ...": a parenthesis
            c2 = next((x for x in range(k + 2, min(hi - 1, k + 6)) if toks[x].raw == ","), None)
            if c2 is not None and toks[c2 + 1].low in _THAT and all(
                    t.low in _FR_PARENTHESIS or t.low in _FR_LEAD_SKIP for t in toks[k + 1:c2]):
                k = c2 + 1
        while k < hi and (toks[k].low in _FR_LEAD_SKIP - _TIME_ADJ or (
                toks[k].low in ("d’", "d'", "par") and k + 1 < hi and toks[k + 1].low == "ailleurs")):
            k += 2 if toks[k].low in ("d’", "d'", "par") else 1   # "prévoit notamment que ..."
        if k < hi and toks[k].low in _FR_ADJUNCT_START:
            j = k
            while j < hi and j - k < 10 and toks[j].q < 0 and toks[j].low not in _THAT and toks[j].raw not in (":", ".") \
                    and not (toks[j].low in lex.aux and j > k and toks[j - 1].raw == ","):
                j += 1
            if j < hi and (toks[j].low in _THAT or toks[j].raw == ":" or toks[j].q >= 0):
                k = j
        if k < hi and w.startswith(_FR_TELL_STEMS) and toks[k].low not in _THAT:
            # the person told: "a informé le Conseil qu'il se rendra ...", "a assuré les
            # agriculteurs que ..."
            j = k
            while j < hi and j - k < 12 and toks[j].q < 0 and toks[j].low not in _THAT \
                    and toks[j].raw not in (".", ";", ":") and not _fr_verbish(toks[j]):
                j += 1
            if k < j < hi and toks[j].low in _THAT:
                k = j
        if k < hi and toks[k].raw == ",":
            k += 1
    return k


def _closes_relative(toks: list[_Tok], a: int, x: int) -> bool:
    """Does the comma at x close a relative clause opened after a ("the plan, which was new,")?"""
    p = next((y for y in range(x - 1, a - 1, -1) if toks[y].raw == ","), None)
    return p is not None and p + 1 < x and toks[p + 1].low in _RELATIVE_PRONOUNS


def _clause_after_adjunct(toks: list[_Tok], k: int, hi: int, lex: Lexicon) -> int | None:
    """Where a that-less English clause starts after a short adjunct of time or place (token k
    opens it): the determiner of the clause's subject ("on Monday the merger was dead", "last
    week the agency would"), when the adjunct holds no verb and the rest is a clause."""
    for j in range(k + 2, min(hi - 2, k + 7)):
        t = toks[j]
        if t.q >= 0 or not t.raw[:1].isalnum() or _verbish(t, lex):
            return None
        if t.low in _CLAUSE_DET and t.low not in ("a", "an") and toks[j - 1].low not in lex.determiners \
                and toks[j - 1].low not in lex.prepositions and _clausal(toks, j, hi, lex) \
                and any(x.low in _FINITE or x.low in _EN_IRREGULAR_PAST or len(x.low) > 4 and x.low.endswith("ed")
                        for x in toks[j + 1:min(hi, j + 6)]):
            return j
    return None


# the words of a parenthesis between a French reporting verb and "que"
_FR_PARENTHESIS = {"lui", "elle", "eux", "elles", "pour", "sa", "son", "leur", "part", "de", "côté",
                   "quant", "à", "toutefois", "cependant", "pourtant", "néanmoins", "aussi",
                   "également", "d’ailleurs", "d'ailleurs", "notamment", "encore", "une", "fois",
                   "lui-même", "elle-même", "eux-mêmes", "elles-mêmes", "autant"}


# French reporting verbs whose direct object is the person told, before "que"
_FR_TELL_STEMS = ("inform", "avert", "averti", "préven", "prévien", "prévenu", "rassur", "convain",
                  "persuad", "assur")


_CLAUSE_DET = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "these"}


# indefinite pronouns that open a that-less clause when a finite verb follows ("said something
# was wrong", "said nothing had changed")
_INDEFINITE_SUBJ = {"something", "nothing", "everything", "anything", "everyone", "nobody", "no-one"}


def _clause_follows(toks: list[_Tok], k: int, hi: int, lex: Lexicon) -> bool:
    """Does a clause start at k (a determiner, a few words, a past-tense verb): "warned the
    central bank risked ..." has no person warned, "warned the committee that" has."""
    if toks[k].low not in ("the", "a", "an", "its", "his", "her", "their"):
        return False
    x = k + 1
    while x < hi and x - k < 5 and toks[x].q < 0 and toks[x].raw[:1].isalpha() \
            and not _EN_VERBISH_RE.fullmatch(toks[x].low) and toks[x].low not in _FINITE:
        if x > k + 1 and toks[x].low in _CLAUSE_DET:
            return False   # "told the court his client was innocent": a second noun phrase
        if toks[x].low in lex.prepositions and toks[x].low not in lex.determiners or toks[x].low in _THAT:
            return False   # "slammed the opposition for bringing hatred": a complement; "told the
            #                Dáil that ...": the person told
        x += 1
    return x < hi and x > k + 1 and toks[x].raw[:1].islower() and (
        bool(_EN_VERBISH_RE.fullmatch(toks[x].low)) or toks[x].low in _FINITE)


def _participle_report(sent: _Sent, c: _Cue, limit: int) -> int:
    """Phase 3, a participle continuing a report (", adding that ...", ", telling investors
    ..."): its clause, with the speaker of an earlier candidate or the sentence's subject.
    Returns the new right limit of the phase."""
    doc, toks, lex = sent.doc, sent.toks, sent.lex
    k = c.k
    if not sent.fr and toks[c.i].low in TELL_VERBS:
        k = _complement_start(sent, c, toks[c.i].low, k, limit)   # ", telling investors (that) ..."
    if k < limit and (_clausal(toks, k, limit, lex) or toks[k].q >= 0):
        sp = _span(toks, k, limit)
        if sp and _words_in(doc[sp[0]:sp[1]]) >= 3:
            subj = None
            for other in sent.cands:
                if other.spk and other.s < toks[c.i].s:
                    subj = other.spk
            if subj is None:
                subj = sent.spk_of(_sentence_subject(toks, lex, c.i))
            sent.cands.append(_Cand(sp[0], sp[1], "indirect", subj, c.text,
                                    floating=subj is None, how="participle"))
            sent.claim(c.la, limit)
            return c.la - 1 if c.la > 0 and toks[c.la - 1].raw == "," else c.la
    return limit


def _incise_cue_reports(sent: _Sent, c: _Cue, limit: int) -> bool:
    """Does a cue accepted mostly as an incise report here: an English one before a "that"
    clause ("believes that A", not "pointed that out"), a French one before "que", an
    infinitive complement or a directive?"""
    toks, lex = sent.toks, sent.lex
    if not sent.fr:
        return c.k + 2 < limit and toks[c.k].low == "that" and _clausal(toks, c.k + 1, limit, lex)
    return c.k < limit and (toks[c.k].low in _THAT or (
        (toks[c.i].core or toks[c.i].low).startswith(_FR_INF_CUES)
        and _fr_complement(toks, c, c.k, limit, lex) == (c.k, "indirect"))
        or _fr_directive(toks, c, c.k, limit) is not None)


def _reports_before(sent: _Sent) -> None:
    """Phase 3: speaker and cue before the quote, right to left so that "X said A, but Y said
    B" and "X said he believed B" give one quote per cue: "X said (that) Q", "X a déclaré que
    Q", "X a salué ce « Q »", and "X confirme." announcing the next sentence's quotation."""
    doc, toks, lex, fr, n, cues, cands = sent.doc, sent.toks, sent.lex, sent.fr, sent.n, sent.cues, sent.cands
    claimed, claim, spk_of = sent.claimed, sent.claim, sent.spk_of
    limit = n
    for c in reversed(cues):
        if claimed[c.i] or c.i >= limit:
            continue
        if c.kind == "participle":
            limit = _participle_report(sent, c, limit)
            continue
        if c.kind not in ("verb", "coord") or (c.incise_only and not _incise_cue_reports(sent, c, limit)):
            continue
        if not fr and _passive(toks, c.i):
            continue
        # "a move the company said was needed": the words of the noun phrase before the verb,
        # to the relative clause's comma ("The bridge, which engineers said was unsafe,")
        rel = _relative_speaker(toks, c.la, lex) if not fr and c.kind == "verb" and not c.pron \
            and c.k < n and (toks[c.k].low in _VP_AUX or toks[c.k].low in _EN_IRREGULAR_PAST or (
                len(toks[c.k].low) > 4 and toks[c.k].low.endswith("ed") and toks[c.k].raw[:1].islower())) else None
        subject = (c, rel) if rel else _report_subject(sent, c)
        if subject is None:
            continue
        c, np_ = subject
        spk = spk_of(np_) if np_ else c.pron
        w = toks[c.i].core or toks[c.i].low
        hi = next((x for x in range(c.k, limit) if toks[x].raw == ","), limit) if rel else limit
        if not rel and c.la >= 2 and toks[c.la - 1].low in ("who", "qui", "which") and toks[c.la - 2].raw == ",":
            # "Smith, who stated that the plan was flawed, left early": the relative clause ends
            # at the comma before the main verb
            hi = next((x for x in range(c.k + 1, limit - 1) if toks[x].raw == ","
                       and (_verb_at(toks, x + 1, lex) or toks[x + 1].low in _EN_IRREGULAR_PAST
                            or toks[x + 1].low in _EN_SAME_FORM_PAST)
                       and toks[x + 1].low not in _THAT
                       and not _closes_relative(toks, c.k, x)), limit)
        k = _complement_start(sent, c, w, c.k, hi)
        if k >= hi or (fr and hi == n and k == n - 1 and toks[k].raw == "."):
            if k < n and toks[k].raw == ":" or (hi == n and n and toks[n - 1].raw == ":" and k >= n - 1):
                pass
            elif fr and hi == n and c.kind == "verb" and np_ and np_[0] == 0 and (k >= n or toks[k].raw == "."):
                # "X confirme." then a quotation in the next sentence: it is X's
                cands.append(_Cand(-1, -1, "marked", spk, c.text, intro=True, period=True, how="intro"))
                claim(c.la, n)
                limit = c.la
                continue
            else:
                continue
        start = k
        intro = False
        if k < n and toks[k].low in _THAT:
            qtype = "indirect"
            if k + 2 == hi == n and toks[k + 1].raw == ":":
                intro = True   # "il a déclaré que :" and the words in the next paragraph
        elif k < n and toks[k].raw == ":":
            start = k + 1
            qtype = "unmarked"
            if start >= hi:
                intro = True
        elif k < n and toks[k].q >= 0:
            if len(_WORDS_RE.findall(toks[k].raw)) < 4 and _title_like(doc, toks[k].s, toks[k].e, toks, k):
                continue   # "a cité « Le Monde »": a title, not words said
            qtype = "marked"
        elif fr:
            fk = _fr_complement(toks, c, k, hi, lex)
            if fk is None:
                if not _object_then_colon(toks, k, hi, n, lex):
                    continue
                intro = True   # "Elle a annoncé le dépôt d'une motion : [next paragraph]"
            elif fk[1] == "object":
                # "a salué ce « moment important dans ... »": the quotation in the object
                t = toks[fk[0]]
                cands.append(_Cand(t.s, t.e, "marked", spk, c.text, how="object"))
                claim(c.la, fk[0] + 1)
                a = np_[0] if np_ else c.la
                limit = a
                continue
            else:
                start, qtype = fk
        elif (not fr and k + 1 < hi and toks[k].low in lex.determiners and toks[k + 1].q >= 0
              and _quoted_object(toks, k + 1, w)):
            # "denounced a "reckless gamble"": the quotation in the object
            t = toks[k + 1]
            cands.append(_Cand(t.s, t.e, "marked", spk, c.text, how="object"))
            claim(c.la, k + 2)
            limit = np_[0] if np_ else c.la
            continue
        elif (not fr and w in _DIRECTIVE and k > c.k and (toks[k].low == "to" or (
                toks[k].low in ("never", "not") and k + 1 < hi and toks[k + 1].low == "to")) and k + 2 < hi
              and toks[k + 1].q < 0 and toks[k + 1].raw[:1].islower()):
            qtype = "indirect"   # "urged Chinese citizens to consider ...", "advised people never to ..."
        else:
            t = toks[k]
            if t.low in ("this", "that") and k + 1 < hi and (toks[k + 1].raw in (",", ".", ";") or (
                    toks[k + 1].low in lex.subordinators or toks[k + 1].low in _PP_START) and toks[k + 1].low not in _THAT):
                continue   # "said this while speaking to journalists": the object pronoun, no content
            comparative = t.low in ("more", "less", "fewer") and k + 2 < hi and toks[k + 1].low == "than" \
                and (toks[k + 2].raw[:1].isdigit() or toks[k + 2].low in _EN_NUMBERS | {"half", "a", "100"})
            pronoun_subject = t.low in _INDEFINITE_SUBJ and k + 1 < hi and toks[k + 1].low in _FINITE
            if t.low in lex.prepositions and not comparative and not pronoun_subject or not t.raw[0].isalnum() \
                    or t.low in _THAT or w in _SPEAK:   # ("says more than 3,000 members have signed": a clause)
                continue
            qtype = "indirect"
            if not _clausal(toks, k, hi, lex) or (w in lex.object_verbs and w not in TELL_VERBS
                                                  and t.low not in _SUBJ_START and not pronoun_subject
                                                  and not _clause_follows(toks, k, hi, lex)):
                if not _object_then_colon(toks, k, hi, n, lex):
                    continue
                intro = True   # "She announced a motion of no confidence: [next paragraph]"
        if intro:
            cands.append(_Cand(-1, -1, "marked", spk, c.text, intro=True, how="intro"))
            claim(c.la, n)
            limit = c.la
            continue
        sp = _span(toks, start, hi)
        if not sp:
            continue
        qs = [x for x in range(start, hi) if toks[x].q >= 0]
        if qs and qs[0] == start and all(toks[x].q < 0 and toks[x].raw in _TRAIL_PUNCT for x in range(start + 1, hi)):
            qtype = "marked"
            sp = (toks[start].s, toks[start].e)
        if _words_in(doc[sp[0]:sp[1]]) < (1 if qtype == "marked" and w in _SAY_ONE_WORD else 2):
            continue   # ('Mr Dutton said "no".': a one-word answer is a quote)
        if fr and qtype == "indirect":
            # "X rappela que ... : « Q »": the quotation after the colon is a quote of its own
            cj = next((x for x in range(start + 3, hi - 1) if toks[x].raw == ":" and toks[x + 1].q >= 0
                       and len(_WORDS_RE.findall(toks[x + 1].raw)) >= 4
                       and all(toks[y].q < 0 and toks[y].raw in _TRAIL_PUNCT for y in range(x + 2, hi))), None)
            if cj is not None and (sp2 := _span(toks, start, cj)):
                cands.append(_Cand(toks[cj + 1].s, toks[cj + 1].e, "marked", spk, c.text, how="report"))
                sp = sp2
        cands.append(_Cand(sp[0], sp[1], qtype, spk, c.text, how="report"))
        claim(c.la, hi)
        a = c.la if c.kind == "coord" else (np_[0] if np_ else c.la)
        while a > 0 and toks[a - 1].raw in (",", "and", "but", "et", "mais"):
            a -= 1
        limit = a


_SHORT_INSIDE = 6


def _unattributed_quotations(sent: _Sent) -> None:
    """Phase 4: quotations with no attribution of their own: an incise inside the marks
    (« A, a-t-il dit, B »), a quotation after a colon ("X a pris la parole : « Q »"), the
    writer's own words, a continuation of the previous speaker (floating); titles, names and
    scare quotes are dropped."""
    doc, toks, lex, fr, n, cands = sent.doc, sent.toks, sent.lex, sent.fr, sent.n, sent.cands
    claimed, spk_of = sent.claimed, sent.spk_of
    words_out = sum(1 for t in toks if t.q < 0 and t.raw[0].isalnum())
    first_word = next((j for j, t in enumerate(toks) if t.q < 0 and t.raw[0].isalnum()), n)
    for j, t in enumerate(toks):
        if t.q < 0 or claimed[j]:
            continue
        nw = len(_WORDS_RE.findall(t.raw))
        if j > 1 and nw < 8 and toks[j - 1].low in _MENTION_NOUNS and (
                toks[j - 2].low in lex.determiners or toks[j - 2].low in ("l’", "l'")):
            continue   # "l'expression « se coucher à plat ventre »", "the term "X"": a mention
        standalone = words_out == 0
        # inside its sentence (words before it, no colon), a short quotation that no speech
        # verb of the sentence nor a subject claims is a phrase quoted (a slogan, a term, a title)
        inside = j > first_word and toks[j - 1].raw != ":"
        if nw < 4 and not (standalone and nw >= 2) and not t.cont:
            if (subj := _short_quote_subject(doc, toks, lex, j)) is not None:
                cands.append(_Cand(t.s, t.e, "marked", spk_of(subj), None, how="object"))
            continue
        if _title_like(doc, t.s, t.e, toks, j):
            continue
        if fr and j > 0 and (toks[j - 1].low in lex.determiners or toks[j - 1].low in ("d’un", "d'un", "d’une", "d'une")) \
                and not any(_fr_verbish(x) for x in _tokens(doc, t.s + 1, t.e - 1, [], 0, "fr")) and (
                doc[t.s + 1:t.e].lstrip()[:1].isupper() or not any(
                x.q < 0 and (x.core or x.low).startswith(_JUDGING_STEMS) and x.low not in lex.determiners
                for x in toks[:j])):
            # "la création d'un « observatoire national de la délinquance »": a name; after a
            # judging verb ("a salué le rôle du médiateur dans la recherche d'une « ... »") the
            # words are the subject's
            continue
        k1 = j + 2 if j + 1 < n and toks[j + 1].raw == "," else j + 1
        if k1 + 1 < n and toks[k1].low in lex.first_person and toks[k1].low not in ("you", "vous") and (
                toks[k1 + 1].low in lex.cues or toks[k1 + 1].low in lex.incise):
            cands.append(_Cand(t.s, t.e, "marked", None, None, narrator=True))
            continue
        if fr and j == 0 and n > 2 and toks[1].raw == ":" and toks[n - 1].raw not in (".", "!", "?") \
                and not any(_fr_verbish(x) for x in toks[2:]):
            continue  # a headline: "« Nous ne lâcherons rien » : la colère des agriculteurs"
        inner = _inner_incise(doc, t, lex)
        if inner:
            cands.extend(inner)
            continue
        if j > 1 and toks[j - 1].raw == ":" and (toks[j - 2].low in lex.cues or toks[j - 2].core in lex.cues) \
                and (prev := next((c for c in reversed(cands) if c.spk is not None and c.e <= t.s), None)):
            # "« Q1 », lance-t-elle, avant d'ajouter : « Q2 »", "before adding: "Q2"": the same speaker
            cands.append(_Cand(t.s, t.e, "marked", prev.spk, toks[j - 2].raw, continues=True, how=prev.how))
            continue
        if j > 0 and toks[j - 1].raw == ":" and (subj := _colon_speaker(toks, lex, j - 1)):
            cands.append(_Cand(t.s, t.e, "marked", spk_of(subj), None, how="colon"))
            continue
        if subj := _clause_subject(toks, lex, j):
            # "X a qualifié le projet de « Q »", "X praised Y's role in seeking "Q"": the
            # subject of the quotation's own clause, not the last person named
            cands.append(_Cand(t.s, t.e, "marked", spk_of(subj), None, how="subject"))
            continue
        if (nw >= _SHORT_INSIDE or not inside or t.cont or sent.cues) and not (
                inside and toks[j - 1].low in _COPULAS) and not (
                inside and not sent.cues and toks[j - 1].low in ("that", "which", "qui")):
            # (not "Le thème est « Q »": a name given; not 'a framework that "reaffirms ..."',
            # the wording of a text quoted in a relative clause with no speech verb)
            cands.append(_Cand(t.s, t.e, "marked", None, None, floating=True))


# nouns naming words as words: the quotation after them is mentioned, not said
_MENTION_NOUNS = {"expression", "expressions", "mot", "mots", "terme", "termes", "formule", "locution",
                  "word", "words", "phrase", "term", "terms"}


# verbs after which a short quotation is the subject's words: "called the plan a "disaster"",
# "what he called "the loneliest moment"", "expressed "deep concern"", "a parlé d'un « gâchis »"
_NAMING_STEMS = (*_JUDGING_STEMS, "call", "describ", "express", "term", "dub", "label", "brand",
                 "parl", "évoqu", "evoqu", "décri", "appel", "promi", "promet", "jur", "jug", "estim",
                 "deem", "consider")


def _short_quote_subject(doc: str, toks: list[_Tok], lex: Lexicon, j: int) -> tuple[int, int] | None:
    """The speaker of a short quotation (one to three words, lower case, no title) that is the
    object of a verb of naming or judging a few words before it; None otherwise."""
    t = toks[j]
    if not t.raw[1:].lstrip()[:1].islower() or _title_like(doc, t.s, t.e, toks, j):
        return None
    verb = None
    for x in range(j - 1, max(-1, j - 8), -1):   # "called Immigration Minister Jane Roe a "Q""
        tx = toks[x]
        if tx.q >= 0 or tx.raw in (",", ";", ":", "(", ")"):
            return None
        if (tx.raw[:1].islower() or x == 0) and tx.low.startswith(_NAMING_STEMS):
            # "a dénoncé un « choix absurde »"; "Déplorant un « manque de moyens », ..." opens
            verb = x
            break
    if verb is None:
        return None
    if toks[verb].low.startswith(("consider", "deem")) and toks[j - 1].low in lex.determiners:
        return None   # "to consider the 'cumulative impact'": a term weighed, not a view given
    if verb > 0 and toks[verb - 1].low in ("what", "ce", "qu’", "qu'", "que") or verb > 1 and \
            toks[verb - 2].low in ("what", "ce"):
        # "in what he called "Q"": the pronoun before the verb
        k = verb - 1
        if toks[k].low in lex.pronouns:
            return k, k + 1
    # "Le président de la région, X, juge « irresponsable » la décision": the noun phrase before
    # the verb when the clause's subject is not found past the apposition
    subj = _clause_subject(toks, lex, j)
    return subj if subj is not None or toks[verb - 1].raw != "," else _left_np(toks, verb, 0, lex)


_AT_SIDE = {"chez", "côté"}


_CE_QUE = {"que", "qu’", "qu'"}


def _ce_que_subject(toks: list[_Tok], lex: Lexicon, colon: int) -> tuple[int, int] | None:
    """"Ce que confirme le préfet : « Q »", "C'est ce qu'a rappelé la ministre : « Q »": the
    subject inverted after the speech verb of a "ce que" clause, up to the colon."""
    if lex.lang != "fr":
        return None
    k = next((x for x in range(min(colon, 4)) if toks[x].low == "ce" and x + 1 < colon
              and toks[x + 1].low in _CE_QUE), None)
    if k is None:
        return None
    v = k + 2
    while v < colon and (toks[v].low in lex.aux or toks[v].low in lex.adverbs):
        v += 1
    if v >= colon or not (toks[v].low in lex.cues or toks[v].core in lex.cues):
        return None
    a = v + 1
    if a < colon and (toks[a].low in lex.determiners or toks[a].raw[:1].isupper()) and colon - a <= 10:
        return a, colon
    return None


def _colon_speaker(toks: list[_Tok], lex: Lexicon, colon: int) -> tuple[int, int] | None:
    """Who speaks in "X : « Q »": the subject when nothing or a clause with a verb stands
    between it and the colon ("Macron : « Q »", "Le ministre a pris la parole : « Q »"); the
    noun phrase after "chez" / "côté" ("Même son de cloche chez Force ouvrière : « Q »",
    "Côté syndical, ... "); None for anything else (an opening adverb is no speaker)."""
    if (inv := _ce_que_subject(toks, lex, colon)) is not None:
        return inv
    subj = _sentence_subject(toks, lex, colon)
    if subj is not None and not (subj == (0, 1) and toks[1].raw[:1].islower() and toks[1].low not in _FR_CLITIC
                                 and not any(_verbish(t, lex) for t in toks[1:colon])):
        return subj   # (a capitalised first word before a verbless phrase is no subject)
    side = next((x for x in range(colon - 1, -1, -1) if toks[x].low in _AT_SIDE), None)
    if side is None:
        return None
    a = side + 1
    if toks[side].low == "côté" and a + 1 < colon and toks[a].low in ("de", "du", "des", "d’", "d'"):
        a += 1
    if a < colon and colon - a <= 6 and all(t.q < 0 and t.raw[0].isalnum() for t in toks[a:colon]) \
            and any(t.raw[:1].isupper() for t in toks[a:colon]):
        return a, colon
    return None


def _clause_subject(toks: list[_Tok], lex: Lexicon, j: int) -> tuple[int, int] | None:
    """The subject of the clause holding quotation j when a finite verb stands between them in
    the main clause (no comma, colon or other quotation in between): "Marine Tondelier a
    qualifié la réforme de « Q »" -> Marine Tondelier; "The senator praised the mayor's work
    in securing "Q"" -> The senator. None when the quotation opens the clause."""
    opening = _opening_phrase_end(toks, lex, 0, len(toks))
    if 0 < opening and j < opening:
        # "Déplorant « Q », le syndicat a annoncé une grève": the subject after the phrase
        subj = _sentence_subject(toks, lex, len(toks))
        return subj if subj is not None and subj[0] >= opening else None
    subj = _sentence_subject(toks, lex, j)
    if subj is None or subj[1] >= j:
        return None
    a, b = subj
    if toks[b].raw == "," and b + 1 < j and _verbish(toks[b + 1], lex) and a > 0 \
            and toks[a - 1].raw == ",":
        b += 1   # "L'économiste, Eric Coquerel, a défendu « Q »": the apposition's comma
    elif toks[b].raw == ",":
        # "President X, who has repeatedly attacked Y, called the decision "Q"": past the
        # relative clause or apposition to the verb
        c2 = next((x for x in range(b + 1, min(j, b + 16)) if toks[x].raw == ","), None)
        if c2 is None:
            return None
        b = c2 + 1
        if b >= j or not _verbish(toks[b], lex) and not _EN_VERBISH_RE.fullmatch(toks[b].low):
            return None
    if toks[b].low in ("qui", "who", "which", "que", "that", ",") or toks[b].q >= 0:
        return None
    verb = False
    for x in range(b, j):
        t = toks[x]
        if t.q >= 0 or t.raw in (";", ":", "—", "–", "(", ")") or t.low in ("who", "whose", "qui", "dont"):
            return None   # (in a relative clause: 'X, who lost "two belt loops"', not X's words)
        verb = verb or _verbish(t, lex) and t.low not in _COPULAS
    if not verb:
        return None   # no verb, or "Le thème de l'année est « Q »": a name given, not words said
    return subj


# verbs of describing someone's view, with the word before the description: "Police described
# the attack as ...", "La ministre a qualifié la réforme de ...", "a décrit la situation comme"
_DESCRIBE = {"described": "as", "describes": "as", "describe": "as", "describing": "as",
             "labelled": "as", "labeled": "as", "branded": "as", "characterized": "as",
             "characterised": "as", "portrayed": "as",
             "décrit": "comme", "décrite": "comme", "décrivent": "comme", "décrivait": "comme",
             "qualifié": "de", "qualifiée": "de", "qualifie": "de", "qualifient": "de", "qualifiait": "de"}
# "called it a ...": a pronoun object, then the words given to it
_CALL = {"called", "calls", "call", "dubbed", "dubs"}
_CALL_OBJECT = {"it", "them", "him", "her", "this", "that"}
_CALL_IDIOM = {"day", "night", "quits", "off", "time"}


def _described_as(sent: _Sent) -> None:
    """Phase 3b: a view given as a description, with no quotation marks: "Authorities described
    his attempt as a carjacking" (the description is the authorities' words), "They called it a
    stopgap that will not last", "Le syndicat a qualifié le plan de recul historique". The
    speaker is the clause subject; not in the passive ("was described as"), not "called for"."""
    toks, lex, n, claimed = sent.toks, sent.lex, sent.n, sent.claimed
    # the verb of the sentence's subject comes early; a bound keeps the subject search (a scan
    # from the start) linear in a pathological sentence
    for v in range(1, min(n - 2, 48)):
        w = toks[v].low
        if claimed[v] or toks[v].q >= 0 or (w not in _DESCRIBE and w not in _CALL):
            continue
        p = v - 1
        while p > 0 and (toks[p].low in lex.adverbs or toks[p].low in lex.negation):
            p -= 1
        if toks[p].low in _DESCRIBED_PASSIVE:
            continue
        if w in _DESCRIBE:
            link = _DESCRIBE[w]
            m = next((x for x in range(v + 1, min(n - 1, v + 10)) if toks[x].low in (link, link[:1] + "’")
                      or (link == "de" and toks[x].low in ("d’", "d'"))), None)
            if m is None or any(t.q >= 0 or not t.raw[0].isalnum() for t in toks[v + 1:m]):
                continue
            c0 = m + 1
        elif sent.fr or v + 3 >= n or toks[v + 1].low not in _CALL_OBJECT \
                or toks[v + 2].low not in ("a", "an", "the") or toks[v + 3].low in _CALL_IDIOM:
            continue
        else:
            c0 = v + 2
        if toks[c0].q >= 0 or claimed[c0]:
            continue   # a quotation: its own rules
        e, stop = c0, min(n, c0 + 60)   # a description, not a page: bounded, so linear
        while e < stop and not claimed[e] and toks[e].q < 0 and toks[e].raw not in (".", ";", ":", "!", "?", "(") \
                and not (toks[e].low in _COORD and e + 1 < n and (toks[e + 1].low in lex.cues or _verbish(toks[e + 1], lex))):
            e += 1
        sp = _span(toks, c0, e)
        if sp is None or e - c0 < 2:
            continue
        subj = _clause_subject(toks, lex, c0)
        if subj is None:
            continue
        sent.cands.append(_Cand(sp[0], sp[1], "indirect", sent.spk_of(subj), toks[v].raw, how="report"))
        sent.claim(v, e)


_COPULAS = {"is", "are", "was", "were", "be", "been", "becomes", "became", "remains", "remained",
            "est", "sont", "était", "étaient", "sera", "seront", "fut", "furent", "serait",
            "seraient", "devient", "deviennent", "devenu", "reste", "restent", "demeure", "demeurent"}


_HEADLINE_RE = re.compile(r"(?i)(?:read more|related|watch|à lire aussi|a lire aussi|lire aussi|voir aussi)\s*:")
_TWEET_RE = re.compile(r"[—–-]{1,2}\s*(?P<name>[A-Z][^\n()—]{1,60}?)\s*\(@\w+\)")
_CAPTION_RE = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){1,7}?[A-Z][\w'’-]+)(?:,(?:[ \t]+[\w'’-]+){1,6})?\.?")
_URL_TAIL_RE = re.compile(r"(?:\s|^)(?:https?://\S+|pic\.twitter\.com/\S+|\S*#\S+)\s*$")


def _line_end(text: str, e: int) -> int:
    k = text.find("\n", e)
    return len(text) if k < 0 else k


def extract_quotes(text: str, *, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """Quotes of ``text`` (French ``lang="fr"`` or English ``"en"``) in document order.

    ``skip``: spans of boilerplate (related links, labels); a quote overlapping one is dropped.
    Raises ValueError for another language.
    """
    return quotes_in(analyse(text, lang, None, skip))


def _caption_cands(text: str, s: int, e: int, ps: int, para_quotes: int, out: list[Quote],
                   lex: Lexicon) -> tuple[list[_Cand], int]:
    """An embedded post ("... — Name (@handle) date") or a pull quote with its speaker's name
    as the paragraph's last sentence ("... backup. Rod Peters, mayor."): the paragraph before is
    the quote (quotes already found in it by the post's text are dropped)."""
    sig = _TWEET_RE.search(text, s, e)
    cap = None if sig else _CAPTION_RE.fullmatch(text, s, e)
    if not (sig or (cap and para_quotes == 0 and not text[e:_line_end(text, e)].strip(" ."))):
        return [], para_quotes
    body_end = sig.start() if sig else s
    while out and out[-1].start >= ps and sig:
        out.pop()
        para_quotes -= 1
    b = body_end
    while b > ps and text[b - 1] in " .\t":
        b -= 1
    while sig and (m2 := _URL_TAIL_RE.search(text, ps, b)):
        b = m2.start()
        while b > ps and text[b - 1] in " .\t":
            b -= 1
    if b - ps > 20 and len(text[ps:b].split()) >= 5:
        g = sig or cap
        assert g is not None
        ns, ne = g.start("name"), g.end("name")
        p0 = ps
        while p0 < b and text[p0] in " \t":
            p0 += 1
        if sig or text[ns:ne].split()[0].lower() not in lex.prepositions | lex.determiners | lex.subordinators:
            return [_Cand(p0, b, "unmarked", (ns, ne), None, how="caption")], para_quotes
    return [], para_quotes


@dataclass
class _DocState:
    """What the document-order pass carries from sentence to sentence."""
    text: str
    resolver: Resolver
    starts: list[int]                 # sentence starts, for counting sentences between offsets
    last: Quote | None = None
    pending_intro: tuple[Quote, int] | None = None
    intro_period: bool = False
    narrator: bool = False            # the latest quotation was the writer's own
    title_speaker: tuple[int, int] | None = None  # "Déclaration du premier ministre X": X

    def hops(self, a: int, b: int) -> int:
        """Sentences between offsets a <= b (0: the same sentence)."""
        return max(0, bisect_right(self.starts, b) - bisect_right(self.starts, a))


def quotes_in(analysis: DocumentAnalysis) -> list[Quote]:
    """Quotes of an analysed document in document order (see `extract_quotes`); a quote
    overlapping one of its boilerplate spans is dropped."""
    text, lang = analysis.text, analysis.language
    lex = load_lexicon(lang)
    marks = _pair_marks(text)
    sents = _sentences(text, marks)
    starts = [a for a, _ in sents]
    st = _DocState(text, Resolver(text, lex, quoted=[(a, b) for a, b, _ in marks],
                                  sentence_starts=starts), starts)
    st.title_speaker = _title_speaker(text, lang)
    out: list[Quote] = []
    mi = 0
    skip = sorted(analysis.boilerplate)
    para_quotes = 0
    para_start = -1
    block: Quote | None = None   # the latest paragraph quoted whole (see _block_paragraph)
    block_end = -1
    for si, (s, e) in enumerate(sents):
        if s < block_end:
            continue   # the rest of a paragraph quoted whole
        if any(a < e and s < b for a, b in skip) or _HEADLINE_RE.match(text, s):
            block = None
            continue
        while mi < len(marks) and marks[mi][1] <= s:
            mi += 1
        ps = text.rfind("\n", 0, s) + 1
        if ps != para_start:
            para_start, para_quotes = ps, 0
        if ps == s and _signed(st, s, _line_end(text, s), out, lex):
            block = None
            continue
        toks = _tokens(text, s, e, marks, mi, lang)
        cands = _analyse(text, toks, lex)
        if ps == s:
            block, block_end = _block_paragraph(st, sents, si, marks, mi, cands, block, lex, out)
            if block is not None:
                if not any(a < block.end and block.start < b for a, b in skip):
                    out.append(block)
                    st.last = block
                st.pending_intro = None
                continue
        if not cands and ps < s:
            cands, para_quotes = _caption_cands(text, s, e, ps, para_quotes, out, lex)
        for c in cands:
            if c.narrator:
                st.narrator = True
                continue
            if st.narrator and c.floating and c.spk is None:
                continue  # the writer's dialogue goes on
            st.narrator = False
            if c.intro and c.s < 0:
                spk_q = _make(text, c, st, lex, None)
                st.pending_intro = (spk_q, si)
                st.intro_period = c.period
                continue
            if c.spk is not None:
                c.spk = _speaker_span(text, c.spk, lex)
                if c.spk is None and not c.intro:
                    c.floating = True
            q = _floating(c, st, si) if c.floating and c.spk is None else \
                _make(text, c, st, lex, st.last if c.continues else None)
            if any(a < q.end and q.start < b for a, b in skip):
                continue
            out.append(q)
            para_quotes += 1
            st.last = q
            if c.intro:
                st.pending_intro = (q, si)
        if cands and not any(c.intro for c in cands):
            pi = st.pending_intro
            st.pending_intro = None if pi and pi[1] < si else pi
    speech = _speech_body(text, lang, marks, skip)
    if speech is not None:
        who, paras = speech
        for a, b in paras:
            if not any(q.start < b and a < q.end for q in out):
                made = _make(text, _Cand(a, b, "unmarked", who, None, how="speech"), st, lex, None)
                out.append(replace(made, speaker=None, speaker_start=None, speaker_end=None,
                                   floating=True))
        out.sort(key=lambda q: q.start)
    return _without_display_copies(text, out)


_INTERTITLE_WORDS = 25
_INTERTITLES_CHECKED = 32


def _without_display_copies(text: str, quotes: list[Quote]) -> list[Quote]:
    """Drop the pull quotes and intertitles that repeat a quotation of the article: a line that
    is a quotation alone, short, with no final punctuation, whose words another quote holds
    ("« Personne n'a eu pitié de moi »" above the paragraph that quotes it with "dit-elle")."""
    def words(s: str) -> str:
        return " ".join(_WORDS_RE.findall(s.lower()))

    drop = set()
    norm: list[str] | None = None   # every quote's words, computed once if a line qualifies
    checked = 0
    for i, q in enumerate(quotes):
        ls = text.rfind("\n", 0, q.start) + 1
        le = text.find("\n", q.end)
        le = len(text) if le < 0 else le
        inner = q.text.strip().strip("«»“”\"‘’„ \u00a0\u202f")
        if text[ls:le].strip() != q.text.strip() or not inner or inner[-1] in ".!?…" \
                or len(_WORDS_RE.findall(inner)) > _INTERTITLE_WORDS:
            continue
        w = words(inner)
        if len(w) < 12:
            continue
        checked += 1
        if checked > _INTERTITLES_CHECKED:
            break   # (a bound: each check reads every quote, so the pass stays linear)
        norm = norm if norm is not None else [words(o.text) for o in quotes]
        if any(j != i and w in o for j, o in enumerate(norm)):
            drop.add(i)
    return [q for i, q in enumerate(quotes) if i not in drop] if drop else quotes


# a quote box's signature on a line of its own: "-- Le très hon. Justin Trudeau, premier
# ministre du Canada", "- Mike Duheme - Commissaire", "— Jane Doe, Mayor of Springfield"
_SIGNATURE_RE = re.compile(r"[—–-]{1,2}[ \t]*(?P<name>[^\n,—–-]{2,60}?)"
                           r"(?:[ \t]*(?:,|[ \t][—–-]{1,2})[ \t]*[^\n]{1,120}?)?[ \t]*\.?")


def _signed(st: _DocState, s: int, e: int, out: list[Quote], lex: Lexicon) -> bool:
    """Is the line s..e a quote box's signature (_SIGNATURE_RE, a capitalised name of at most
    six words)? Then the paragraph before it is the signer's: its quotations without a speaker
    take the name, or the whole paragraph is one quotation when it held none."""
    text = st.text
    if e - s > 200 or text[s] not in "—–-" or (m := _SIGNATURE_RE.fullmatch(text, s, e)) is None:
        return False
    words = m.group("name").split()
    if not 1 < len(words) <= 6 or not (words[0][:1].isupper() and words[-1][:1].isupper()) \
            or any(w[:1].isdigit() for w in words):
        return False
    prev_end = s - 1
    while prev_end > 0 and text[prev_end - 1] in " \t\n":
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    if prev_end - prev_start < 20 or len(text[prev_start:prev_end].split()) < _SPEECH_MIN_WORDS \
            or text[prev_start] in _BULLETS:
        return False   # a list item, not a quote box
    who = m.span("name")
    k = len(out)
    while k > 0 and out[k - 1].start >= prev_start:
        k -= 1   # (out is in document order: the paragraph's quotes are its last ones)
    inside = [x for x in range(k, len(out)) if out[x].end <= prev_end + 1]
    if not inside:
        out.append(_make(text, _Cand(prev_start, prev_end, "unmarked", who, None, how="caption"),
                         st, lex, None))
        st.last = out[-1]
        return True
    for k in inside:
        q = out[k]
        if q.speaker is None:
            made = _make(text, _Cand(q.start, q.end, q.quote_type, who, None, how="caption"), st, lex, None)
            out[k] = replace(made, floating=q.floating, continues=q.continues)
    return True


def _block_paragraph(st: _DocState, sents: list[tuple[int, int]], si: int,
                     marks: list[tuple[int, int, bool]], mi: int, cands: list[_Cand],
                     block: Quote | None, lex: Lexicon, out: list[Quote]) -> tuple[Quote | None, int]:
    """A paragraph quoted whole without quotation marks (a block quotation whose marks the
    page's layout carried): after a lead-in that ends its paragraph with a colon ("Il a
    affirmé :", "She told reporters:"), the next paragraph is the speaker's words; the
    paragraphs after it continue them (floating, like the paragraphs of a statement) while they
    hold no quotation mark and no attribution of their own. ``si`` starts a paragraph and
    ``cands`` are its first sentence's candidates; returns the quote (or None) and the end of
    the paragraph."""
    text = st.text
    s = sents[si][0]
    pe = _line_end(text, s)
    if mi < len(marks) and marks[mi][0] < pe or len(text[s:pe].split()) < 3 or text[s] in _BULLETS:
        return None, -1   # (a list's item is no block quotation)
    pending = st.pending_intro
    if pending is not None and pending[1] == si - 1 and not st.intro_period and \
            not any(c.how in ("incise", "according") for c in cands) and \
            "\n" in text[sents[si - 1][1]:s] and _bare_lead_in(text[slice(*sents[si - 1])], pending[0].cue):
        src = pending[0]   # the lead-in's speaker, cue and confidence; this paragraph its words
        return replace(src, text=text[s:pe], start=s, end=pe, quote_type="unmarked", floating=False,
                       continues=False, reasons=("speech verb and colon ending the previous "
                                                 "paragraph", *src.reasons[1:])), pe
    lead = _lead_in_line(text, s, lex)
    if lead is not None:
        line, spk, how, cue = lead
        while out and out[-1].start >= line and out[-1].end <= s:
            out.pop()   # "Selon le ministre de l'Économie, du Plan et ...": one attribution
        return _make(text, _Cand(s, pe, "unmarked", spk, cue, how=how), st, lex, None), pe
    if block is None or cands or len(text[s:pe].split()) < _BLOCK_MIN_WORDS:
        return None, -1
    if text[block.end:s].strip() or text[block.end:s].count("\n") > 2:
        return None, -1
    k = si
    while k < len(sents) and sents[k][0] < pe:
        a, b = sents[k]
        toks = _tokens(text, a, b, marks, mi, lex.lang)
        cues = _find_cues(toks, lex, text)
        if any(_narrated(toks, c, lex) for c in cues) or _analyse(text, toks, lex, cues):
            return None, -1   # the narrative goes on: someone announced, said, asked...
        k += 1
    n = st.hops(block.start, s)
    return replace(Quote(text[s:pe], s, pe, None, None, None, None, None, None, "unmarked", False,
                         False), reference=block.reference, speaker_type=block.speaker_type,
                   anonymous=block.anonymous, floating=True,
                   confidence=_clip(min(block.confidence, 0.7) - 0.04 * max(0, n - 1)),
                   reasons=("no speech verb", "continues a quotation set as its own paragraphs")), pe


# A line that is an attribution alone, its words in the next line: an incise ("Toutefois,
# précise-t-il", "Cette situation, ajoute-t-elle,") or a source ("Selon le ministre X",
# "According to the agency:")
_INCISE_LINE = re.compile(r"(?:[^\n,]{1,60},[ \t]*)?(?P<cue>[^\W\d_]+(?:-t)?-(?P<who>il|elle|ils|elles))"
                          r"[ \t]*[,:]?[ \t]*")
_SOURCE_LINE = re.compile(r"(?P<cue>Selon|D[’']après|According[ \t]+to)[ \t]+(?P<who>[^\n:]{3,150}?)[ \t]*:?[ \t]*")
# a header line naming who speaks next, with no verb: a title, then a name ("Environment
# Secretary Steve Reed:", "Minister for Housing, Jane Roe:"), as press releases set statements
_SPEAKER_HEADER = re.compile(r"(?P<who>[A-Z][\w’'.-]*(?:,?[ \t]+(?:[A-Z][\w’'.-]*|of|for|and|the|de|du|des|la|le)){2,11})"
                             r"[ \t]*:[ \t]*")


def _lead_in_line(text: str, s: int, lex: Lexicon) -> tuple[int, tuple[int, int], str, str | None] | None:
    """The start, speaker span, pattern and cue of the line before offset s (a paragraph start)
    when that line is an attribution alone (_INCISE_LINE, _SOURCE_LINE, or _SPEAKER_HEADER,
    which has no cue), else None."""
    if s < 2 or text[s - 1] != "\n" or text[s - 2] == "\n":
        return None
    a = text.rfind("\n", 0, s - 1) + 1
    b = s - 1
    if (m := _INCISE_LINE.fullmatch(text, a, b)) is not None and \
            m.group("cue").split("-")[0].lower() in lex.incise | lex.cues:
        return a, m.span("who"), "incise", m.group("cue")
    if (h := _SPEAKER_HEADER.fullmatch(text, a, b)) is not None:
        ws = h.group("who").replace(",", " ").split()
        t = max((i for i, w in enumerate(ws) if w.lower().rstrip(".") in lex.titles), default=-1)
        if 0 <= t <= len(ws) - 3 and all(w[:1].isupper() for w in ws[-2:]):
            return a, h.span("who"), "speech", None   # "Environment Secretary Jane Roe:"
        return None
    m = _SOURCE_LINE.fullmatch(text, a, b)
    if m is None or text[b - 1] in ".!?":
        return None
    ws = m.group("who").split()
    if len(ws) > _SOURCE_MAX_WORDS or any(w.endswith((".", "!", "?", ";")) for w in ws) or any(
            w.lower() in _FR_VERBISH or w.lower() in lex.aux for w in ws):
        return None   # "Selon X, la vision est ...": the words are in the line
    return (a, m.span("who"), "according", m.group("cue")) if ws[0][:1].isupper() or \
        ws[0].lower() in lex.determiners else None


def _narrated(toks: list[_Tok], c: _Cue, lex: Lexicon) -> bool:
    """Is cue c a speech verb of the narrative ("Le préfet a annoncé une enquête"), not of the
    speaker's own words ("les données que nous avons fournies", "en fournissant", "avaient été
    annoncés")?"""
    t = toks[c.i]
    if c.kind != "verb" or t.low.endswith(("ant", "ing")) or c.la > 0 and toks[c.la - 1].low == "en":
        return False
    before = {x.low for x in toks[max(0, c.la - 3):c.la]}
    return not (before & lex.first_person or before & {"été", "been", "be", "being"}
                or any(x.low in _BE_FORMS for x in toks[max(0, c.la - 1):c.i]))


_BULLETS = "-–—•*·▪►"
_SOURCE_MAX_WORDS = 14
_BLOCK_MIN_WORDS = 8   # a shorter line after a block quotation is rather a heading or narrative


def _bare_lead_in(sentence: str, cue: str | None) -> bool:
    """Does the sentence end with its speech verb and a colon, the quotation not begun yet:
    "Il a affirmé :", "He told reporters:", "a déclaré à la presse :", "a déclaré que :", "a
    annoncé le dépôt d'une motion de censure :" (and not "a demandé au ministre d'accorder une
    attention particulière :", "asked the board to consider:", whose words began)?"""
    if not cue or not sentence.endswith(":") or (k := sentence.rfind(cue)) < 0:
        return False
    gap = sentence[k + len(cue):-1].lower().split()
    if gap and gap[-1] in ("que", "that"):
        gap.pop()
    return len(gap) <= _LEAD_IN_GAP and not any(_opens_words(gap, x) for x in range(len(gap)))


_LEAD_IN_GAP = 8


def _opens_words(gap: list[str], x: int) -> bool:
    """Does word x of a lead-in's gap open the reported words: "que", "that", "if", an
    infinitive after "de", "d'", "à", "to" ("d'accorder", "to consider")?"""
    w = gap[x]
    if w in ("que", "that", "if", "si", "whether", "qu’", "qu'") or w[:3] in ("qu’", "qu'"):
        return True
    if w[:2] in ("d’", "d'"):
        return _fr_infinitive_word(w[2:])
    nxt = gap[x + 1] if x + 1 < len(gap) else ""
    return (w in ("de", "à") and _fr_infinitive_word(nxt)) or (w == "to" and nxt.isalpha()
                                                              and nxt not in ("the", "a", "an"))


def _object_then_colon(toks: list[_Tok], k: int, hi: int, n: int, lex: Lexicon) -> bool:
    """Is tokens k..n-1 a short object without a verb, closed by the colon that ends the
    sentence ("a annoncé le dépôt d'une motion de censure :")?"""
    return hi == n and n > k + 1 and toks[n - 1].raw == ":" and n - 1 - k <= _LEAD_IN_GAP and all(
        t.q < 0 and not _verbish(t, lex) and not _fr_infinitive(t) for t in toks[k:n - 1]) and any(
        t.low not in lex.prepositions and t.low not in lex.determiners for t in toks[k:n - 1]) \
        and not any(t.low in _PASSIVE_AUX for t in toks[max(0, k - 4):k])   # "Il est accusé de :"


# A speech's header line among the first lines: "Explanation of Vote by Ambassador X, UK
# Deputy Permanent Representative to the UN, at the UN Security Council meeting on ...",
# "Remarks by the Foreign Secretary at ...", "Intervention de X au Conseil de sécurité".
# (Not "Statement" / "Déclaration": an institution's statement is mostly prose about itself.)
_SPEECH_HEAD = re.compile(r"(?:Explanation[ \t]+of[ \t]+[Vv]ote|Remarks|Speech|Address|"
                          r"Intervention|Discours|Allocution)\b")
# "The statement made by Keir Starmer, the Prime Minister, on 9 October 2025." (a speech's or a
# statement's header line naming the person who made it), "Discours prononcé par X le ..."
_MADE_BY = re.compile(r"(?:The[ \t]+|This[ \t]+)?(?:[Ss]tatement|[Ss]peech|[Rr]emarks|[Aa]ddress|"
                      r"Déclaration|Discours|Allocution)[ \t]+(?:was[ \t]+|were[ \t]+)?"
                      r"(?:made|delivered|given|prononcée?|faite?)[ \t]+(?:by|par)[ \t]+"
                      r"(?P<who>[A-Z][^\n,:;()–—]{1,80}?)(?=[ \t]*[,(;:–—]|[ \t]+(?:on|at|le|à|au)[ \t]|[ \t]*\.?[ \t]*$)")
_SPEECH_HEAD_LINES = 5
_DATELINE_THEN = re.compile(r"[ \t]+[-–—][ \t]+")
# occasions that a speech's title names after "de"/"of", not speakers
_NO_SPEAKER_NAME = re.compile(r"(?i)(?:le[ \t]+|la[ \t]+|l[’']|the[ \t]+)?(?:Nouvel[ \t]+An|New[ \t]+Year|Noël|Christmas|"
                              r"Pâques|Easter|f[êe]te[ \t]+nationale|national[ \t]+day|1er[ \t]+(?:août|mai)|"
                              r"Premier[ \t]+(?:Août|Mai))")
# a transcript's apparatus, not the speaker's words: another header line ("Berne, 10.01.2024 -
# Allocution de X"), the delivery warning ("Seule la version orale fait foi", "Check against
# delivery"); salutations end with a comma ("Monsieur le Président du Conseil national,")
_SPEECH_APPARATUS = re.compile(r"(?i)[-–—][ \t]*(?:Allocution|Discours|Speech|Remarks|Address)[ \t]+(?:de|d[’']|du|by|of)\b|"
                               r"version[ \t]+orale[ \t]+fait[ \t]+foi|(?:texte[ \t]+)?prononcé[ \t]+fait[ \t]+foi|"
                               r"check[ \t]+against[ \t]+delivery")
_TEXT_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a non-blank line, trimmed (linear: no lazy tail)
_SPEECH_MIN_WORDS = 5


def _speech_head(text: str, a: int, b: int) -> int | None:
    """Where the line a..b opens a speech's header, maybe after a dateline ("Berne, 10.01.2024 -
    Allocution de X, ..."); None when it does not."""
    if _SPEECH_HEAD.match(text, a):
        return a
    return next((d.end() for d in _DATELINE_THEN.finditer(text, a, min(b, a + 60))
                 if _SPEECH_HEAD.match(text, d.end())), None)


def _speech_body(text: str, lang: str, marks: Sequence[tuple[int, int, bool]],
                 skip: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """A transcript of one speech: a header line naming its speaker among the first lines,
    then paragraphs with no quotation mark at all. Returns the speaker's span in the header
    and the paragraphs after it (boilerplate and short lines left out), or None."""
    lines = _TEXT_LINE.finditer(text)
    for head in islice(lines, _SPEECH_HEAD_LINES):
        a, b = head.span()
        if (made := _MADE_BY.match(text, a, b)) is not None:
            who: tuple[int, int] | None = made.span("who")
        elif (h := _speech_head(text, a, b)) is not None and (named := _title_speaker(text[h:b], lang)) is not None:
            who = (named[0] + h, named[1] + h)
            if _NO_SPEAKER_NAME.match(text, *who):
                continue   # "Allocution de Nouvel An ...": an occasion, the speaker comes later
        else:
            who = None
        if who is not None and not any(x >= b for x, _, _ in marks):
            body = [(x, y) for x, y in (m.span() for m in lines)
                    if len(text[x:y].split()) >= _SPEECH_MIN_WORDS
                    and not any(u < y and x < v for u, v in skip)
                    and not _SPEECH_APPARATUS.search(text, x, y) and text[y - 1] not in ",;"]
            return who, body
    return None


# a conjunction with its elided pronoun, a demonstrative: never who speaks
_NO_SPEAKER_WORDS = {"s'il", "s'ils", "qu'il", "qu'ils", "qu'elle", "qu'elles", "lorsqu'il",
                     "lorsqu'elle", "puisqu'il", "puisqu'elle", "cela", "ceci", "ça"}
_AGE_RE = re.compile(r"(?i)\d+(?:[ \u00a0-]*(?:ans?|years?|yrs?)(?:[ -]old)?)?")
_FR_ETRE = {"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "été", "soit",
            "soient", "fut", "furent", "être"}
# directives in the passive: the subject receives the request ("est invité à", "sont priés de")
_FR_DIRECTED_RE = re.compile(r"(?:chargé|invité|prié|appelé|tenu|autorisé|sommé|encouragé|exhorté|"
                             r"mandaté|instruit|enjoint)e?s?")
_FR_LONE_PARTICIPLE_RE = re.compile(r"(?i)[a-zà-ÿ]{3,}(?:é|ée|és|ées|ant|u|ue|us|ues)")


def _speaker_span(doc: str, spk: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The speaker span without unbalanced brackets or trailing punctuation, or None when it is
    no noun phrase: a sentence adverb or a participle alone ("Cependant", "Venu", "Déplorant"),
    an age or a number ("19 ans"), a label before a colon ("Réforme :")."""
    s, e = spk
    while e > s and (doc[e - 1] in ",;:. " or doc[e - 1] == ")" and "(" not in doc[s:e]):
        e -= 1
    while s < e and (doc[s] in " ," or doc[s] == "(" and ")" not in doc[s:e]):
        s += 1
    if e <= s:
        return None
    s, e = trim_speaker(doc, s, e, lex)
    t = doc[s:e]
    low = t.lower()
    if _AGE_RE.fullmatch(t) or low in _SENT_ADVERBS or low.replace("’", "'") in _NO_SPEAKER_WORDS:
        return None   # ("S'il a signé ..., il s'agit de ... : « Q »", "Cela montre ...": no one)
    if " " not in t and low not in lex.pronouns and low not in lex.anonymous:
        before = doc[:s].rstrip()[-1:]
        if lex.lang == "fr" and _FR_LONE_PARTICIPLE_RE.fullmatch(t) and t[:1].isupper() \
                and low not in lex.titles and low not in lex.org and (
                low.endswith("ant") or (before in ("", ".", "!", "?", "»", "\n")
                                        and doc[e:e + 2].lstrip().startswith(","))):
            return None   # "Venu, ...", "Déplorant": a participle opening the sentence
        if doc[e:e + 3].lstrip().startswith(":") and low not in lex.titles:
            return None   # "Réforme : « ... »": a label
    return s, e


# The title of a statement, a speech or a message that names who makes it (the document's
# first line only): "Déclaration du premier ministre Carney à l'occasion de ...", "Statement by
# the Foreign Secretary on ...". Its speaker ends before what the statement is about.
_TITLE_SPEAKER = {
    "fr": re.compile(
        r"(?:Déclaration|Allocution|Discours|Message|Intervention|Communiqué|Lettre|Tribune)"
        r"(?: commune| conjointe)?[ \t]+(?:de la |de l['’]|du |des |de |d['’])"
        r"(?P<who>[^\n:–—]{2,90}?)"
        r"(?=[ \t]+(?:à l['’]occasion|à propos|au sujet|sur |concernant|lors |pour |en réponse|"
        r"devant|après|à la suite|en vue|au nom)|[ \t]*[:–—]|[ \t]*\n|[ \t]*$)"),
    "en": re.compile(
        r"(?:Joint[ \t]+)?(?:Statement|Remarks|Speech|Address|Message|Letter|Explanation[ \t]+of[ \t]+"
        r"[Vv]ote)[ \t]+(?:by|from)[ \t]+(?P<who>[^\n:–—]{2,90}?)"
        r"(?=[ \t]+(?:on|at|to|for|following|after|regarding|marking|about|in|ahead)[ \t]|"
        r"[ \t]*[:–—]|[ \t]*\n|[ \t]*$)"),
}


def _title_speaker(text: str, lang: str) -> tuple[int, int] | None:
    """The span of the speaker a statement's title names (the first non-blank line), or None."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line_end = len(text) if end < 0 else end
    if line_end - start > 200 or (rx := _TITLE_SPEAKER.get(lang)) is None:
        return None
    m = rx.match(text, start, line_end)
    if m is None or not any(w[:1].isupper() for w in m.group("who").split()):
        return None
    return m.start("who"), m.end("who")


def _floating(c: _Cand, st: _DocState, si: int) -> Quote:
    """A quotation with no speaker in its sentence: the speaker announced by the previous
    sentence ("X confirme. « Q »"), else the previous quote's speaker unless a person was named
    since (then that person), else nobody."""
    text, last, pending = st.text, st.last, st.pending_intro
    q0 = Quote(text[c.s:c.e], c.s, c.e, None, None, None, None, None, None, c.qtype, False, False)
    if pending and pending[1] >= si - 2:
        src = pending[0]
        why = ("speech verb in the previous sentence",
               f"speaker: {src.reasons[-1]}" if src.reasons else "speaker")
        conf = max(0.05, src.confidence - 0.1)
        if st.intro_period:
            # "X confirme. « Q »": Q is X's, a floating quote (no speaker in its sentence)
            return replace(q0, reference=src.reference, speaker_type=src.speaker_type,
                           anonymous=src.anonymous, floating=True, confidence=conf, reasons=why)
        return replace(q0, speaker=src.speaker, speaker_start=src.speaker_start,
                       speaker_end=src.speaker_end, reference=src.reference,
                       speaker_type=src.speaker_type, cue=src.cue, anonymous=src.anonymous,
                       confidence=conf, reasons=why)
    if last is None and st.title_speaker is not None:
        # a statement titled with its speaker: its first quotation is the speaker's (and the
        # next ones continue it), whoever the statement names before
        # (the title is no speaker span of the quote's own: floating, like "X confirme. « Q »")
        made = _make(text, _Cand(c.s, c.e, c.qtype, st.title_speaker, None, how="title"),
                     st, st.resolver.lex, None)
        return replace(made, speaker=None, speaker_start=None, speaker_end=None, floating=True)
    # the latest person named since the previous quote (in this paragraph), as the subject of
    # a sentence when there was a previous quote ("Paolini ... a félicité Swiatek. « Q »": Paolini)
    since = -1 if last is None else max(last.end, text.rfind("\n", 0, c.s))
    named = st.resolver.last_name_position(
        c.s, since, None if last is None else (lambda p: _subject_position(st, p)))
    if named and c.s - named[0] < 400:
        n = st.hops(named[0], c.s)
        return replace(q0, reference=named[1], speaker_type="person", floating=True,
                       confidence=_clip(0.45 - 0.05 * n),
                       reasons=("no speech verb", f"last person named, {n} sentence(s) before"))
    if last is not None:
        n = st.hops(last.start, c.s)
        same_para = text.rfind("\n", 0, c.s) < last.start
        conf = min(last.confidence, 0.8 if same_para else 0.6) - 0.04 * max(0, n - 1)
        return replace(q0, reference=last.reference, speaker_type=last.speaker_type,
                       anonymous=last.anonymous, floating=True, confidence=_clip(conf),
                       reasons=("no speech verb", "continues the previous quote"
                                + ("" if same_para else " across a paragraph")
                                + (f", {n} sentence(s) later" if n > 1 else "")))
    return replace(q0, confidence=0.1, reasons=("no speech verb", "no speaker found"))


def _subject_position(st: _DocState, pos: int) -> bool:
    """Is the name at pos the subject of its sentence (at most three words before it, none a
    preposition)? A person merely named in between ("a rencontré Jean Castex") does not take
    over the quotations of the person the article follows."""
    k = bisect_right(st.starts, pos) - 1
    before = st.text[st.starts[k] if k >= 0 else 0:pos].split()
    return len(before) <= 3 and not any(w.lower().strip(",") in _NOT_SUBJECT_BEFORE for w in before)


_NOT_SUBJECT_BEFORE = {"à", "au", "aux", "avec", "de", "du", "des", "sur", "dans", "par", "pour",
                       "chez", "contre", "to", "with", "of", "on", "in", "by", "for", "from", "at",
                       "about", "against"}


def _clip(x: float) -> float:
    return round(min(1.0, max(0.05, x)), 2)


# confidence of an attribution, by pattern (_Cand.how) and by how the speaker was resolved
_PATTERN = {
    "incise": (0.9, "speech verb, speaker in the incise"),
    "report": (0.9, "speech verb, speaker is the clause subject"),
    "participle": (0.8, "speech participle, speaker is the sentence subject"),
    "object": (0.8, "speech verb with the quotation as its object"),
    "according": (0.88, "according to"),
    "viewpoint": (0.7, "viewpoint 'pour X'"),
    "colon": (0.7, "no speech verb: quotation after a colon, speaker is the sentence subject"),
    "caption": (0.6, "no speech verb: name after the quotation"),
    "subject": (0.6, "no speech verb, speaker is the clause subject"),
    "intro": (0.85, "speech verb announcing the quotation"),
    "title": (0.7, "no speech verb: a statement whose title names its speaker"),
    "speech": (0.7, "no speech verb: a paragraph of a speech whose header names its speaker"),
    "": (0.6, "attribution"),
}
_RESOLUTION = {
    "named": 0.05, "name completed from an earlier mention": 0.0, "named in apposition": 0.0,
    "anonymous source": 0.0, "organisation as written": -0.03, "organisation named earlier": -0.05,
    "document of an earlier source": -0.08, "title of a person named earlier": -0.08,
    "title taken as the previous speaker": -0.25, "description of a person named earlier": -0.12,
    "description, no name": -0.15, "pronoun resolved": 0.0, "pronoun unresolved": -0.45,
    "office of a person named in the article": -0.05,
}


def _confidence(how: str, st: _DocState, spk_start: int) -> tuple[float, tuple[str, ...]]:
    base, why = _PATTERN.get(how, _PATTERN[""])
    r = st.resolver
    conf = base + _RESOLUTION.get(r.how, 0.0)
    reason = r.how
    if r.antecedent is not None and r.how not in ("named",):
        n = st.hops(r.antecedent, spk_start)
        conf -= (0.04 if r.how == "pronoun resolved" else 0.02) * min(n, 8)
        reason = f"{r.how} across {n} sentence(s)"
    return _clip(conf), (why, reason)


def _make(doc: str, c: _Cand, st: _DocState, lex: Lexicon, prev: Quote | None) -> Quote:
    text = doc[c.s:c.e] if c.s >= 0 else ""
    if c.continues and prev is not None and prev.speaker_start == (c.spk[0] if c.spk else None):
        return Quote(text, c.s, c.e, prev.speaker, prev.speaker_start, prev.speaker_end,
                     prev.reference, prev.speaker_type, prev.cue, c.qtype, prev.anonymous, False,
                     True, prev.confidence, prev.reasons)
    if c.spk is None:
        return Quote(text, c.s, c.e, None, None, None, None, None, c.cue, c.qtype, False, False,
                     c.continues, 0.1, ("no speaker found",))
    m: Mention = analyse_mention(doc, c.spk[0], c.spk[1], lex)
    ref, stype = st.resolver.resolve(m)
    conf, why = _confidence(c.how, st, c.spk[0])
    return Quote(text, c.s, c.e, doc[c.spk[0]:c.spk[1]], c.spk[0], c.spk[1], ref, stype, c.cue,
                 c.qtype, m.anonymous, False, c.continues, conf, why)
