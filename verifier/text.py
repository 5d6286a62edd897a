"""Text normalisation, sentence segmentation with character offsets, language detection and
boilerplate marking. Pure functions over str; every offset indexes the normalised text.

Design notes
------------
* ``normalise_text`` is the identity on clean text (NFC, ``\\n`` line ends): offsets of gold
  annotations made on a clean file stay valid. NFKC is never applied (it would rewrite
  ``XXIᵉ`` and similar characters).
* ``split_sentences`` is a single regex-driven pass over candidate boundaries (terminal
  punctuation followed by whitespace, and line breaks); each candidate is accepted or rejected
  by a few constant-time look-ups (abbreviation classes, next word, quotation regions).
  A line break always ends a sentence, so headings are sentences of their own.
  Quotation marks (« », “ ”, and straight quotes paired by context) are paired within a line;
  no sentence break is made *inside* a closed quotation, so a quoted passage of several
  sentences stays in the sentence that carries its attribution.
* Paragraphs: when a document separates paragraphs with blank lines (or with lines holding
  only punctuation, such as the `` .`` lines of the Gender Gap Tracker preprocessing), a
  single newline is a line break inside a paragraph; when it (almost) never does, every line
  is a paragraph (one-line-per-paragraph corpora such as the French TimeBank). See
  ``paragraphs``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    kind: str


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

# C0 controls other than TAB and LF, DEL, BOM / zero-width no-break space.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_LINE_ENDS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")


def normalise_text(text: str) -> str:
    """The stored form of a document's text: NFC, '\\n' line ends, no BOM, NUL or other
    control characters (TAB kept). Identity on text that is already clean; idempotent."""
    if _DROP.search(text):
        text = _DROP.sub("", text)
    if _LINE_ENDS.search(text):
        text = _LINE_ENDS.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --------------------------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------------------------

# A separator line: blank, or punctuation only (" ." lines of GGT, "* * *", "-----").
_SEP_CHARS = r"[ \t\u00a0\u202f\u2009.·•*_=~\-–—…]"
_PARA_GAP = re.compile(r"\n(?:" + _SEP_CHARS + r"*\n)+")


def _paragraph_starts(text: str) -> list[int]:
    """Offsets at which paragraphs 1, 2, ... begin (paragraph 0 begins at 0)."""
    body_start = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    gaps = [m for m in _PARA_GAP.finditer(text, body_start, body_end)]
    n_lines = text.count("\n", body_start, body_end)
    n_single = n_lines - sum(m.group().count("\n") for m in gaps)
    if gaps and 2 * len(gaps) >= n_single:
        return [m.end() for m in gaps]
    # Every line is a paragraph; a blank line starts none (paragraphs() omits empty ones, and
    # sentences must count the same way).
    return [m.end() for m in _NEWLINE_BEFORE_TEXT.finditer(text, body_start, body_end)]


_NEWLINE_BEFORE_TEXT = re.compile(r"\n(?=[^\S\n]*\S)")


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans (kind "paragraph"), stripped, in order; empty paragraphs omitted.

    Paragraphs are separated by blank (or punctuation-only) lines when the document uses them
    at least half as often as single line breaks; otherwise every line is a paragraph."""
    bounds = [0, *_paragraph_starts(text), len(text)]
    out: list[Span] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg = text[a:b]
        s = a + len(seg) - len(seg.lstrip())
        e = a + len(seg.rstrip())
        if e > s:
            out.append(Span(s, e, "paragraph"))
    return out


# --------------------------------------------------------------------------------------------
# Sentence segmentation
# --------------------------------------------------------------------------------------------

# Abbreviation classes (keys are the token before the final period, case-sensitive).
_TITLE, _NUM, _NOBREAK, _GENERAL = 1, 2, 3, 4

_ABBR: dict[str, int] = {}
for _w in (
    "M MM Mme Mmes Mlle Mlles Mgr Dr Dre Drs Pr Prof Mr Mrs Ms Messrs Mssrs Gen Sen Rep Gov "
    "Lt Capt Cpt Col Sgt Cpl Maj Adm Cmdr Cdr Rev Hon Pres Supt Insp Det Cst Atty Gén Lieut "
    "Sra Srta Const"
).split():
    _ABBR[_w] = _TITLE
for _w in (
    "No no Nos nos Vol vol vols p pp art Art arts ch chap Chap fig Fig figs tab t n nr "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "janv févr fév avr juil sept oct nov déc"
).split():
    _ABBR[_w] = _NUM
for _w in (
    "e.g i.e eg ie cf Cf vs v av apr env ex Ex resp approx ca cca viz éd coll dir trad suiv sq sqq"
).split():
    _ABBR[_w] = _NOBREAK
for _w in (
    "Inc Ltd Co Corp Bros Jr St Ste Mt Ft Ave Av Blvd Rd Dept Univ Assn Intl Ph.D PhD al "
    # US states and Canadian provinces in datelines and addresses ("INGLEWOOD, Calif. --").
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss "
    "Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo Ont Que Sask Alta Man Nfld"
).split():
    _ABBR[_w] = _GENERAL

# Capitalised words that typically begin a sentence: after a "general" abbreviation
# (Inc., U.S., p.m., an initial) a following capital starts a new sentence only if it is one
# of these; otherwise it is a name (U.S. Army, George W. Bush, 3 p.m. Tuesday).
_STARTERS = frozenset(
    (
        "The A An He She It They We I You This That These Those There Here His Her Their Our "
        "Its My Your But And Or So Yet In On At For With As If When While After Before Since "
        "Although Though Because However Meanwhile Also Then Now Some Many Most All No Not "
        "One Two Three Both Each Every Other Another What Who Why How Where Which According "
        "Last Next Earlier Later During Under Over From By To Still Even Only Such "
        "Le La Les L Un Une Des Du De D Il Elle Ils Elles On Nous Vous Je J Ce Cet Cette Ces "
        "C Mais Et Ou Donc Or Car Ni Selon Pour Dans En Au Aux Par Sur Avec Sans Depuis Après "
        "Avant Lors Si Quand Alors Puis Ainsi Enfin Cependant Pourtant Toutefois Néanmoins "
        "Qu Que Qui Quant Parmi Son Sa Ses Leur Leurs Notre Nos Votre Vos Mon Ma Mes Tout "
        "Tous Toute Toutes Chaque Plusieurs Certains Certaines Aucun Aucune Cela Ceci Ça "
        "Là Ici Déjà Aujourd Hier Demain Désormais"
    ).split()
)

_BOUNDARY = re.compile(
    r"(?P<nl>\n)"
    r"|(?P<p>[.!?…‼⁇⁈⁉]+)(?P<c>(?:[ \t\u00a0\u202f\u2009]*[»”\"’)\]›』」])*)(?=\s|$)"
)
_SPACES = re.compile(r"\s*")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_ENUM = re.compile(r"[(\[]?(?:\d{1,3}|[IVXLCDM]{1,6}|[A-Za-z])[)\]]?$")
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_QUOTE_CHARS = re.compile('[«»“”"\n]')
_OPENING_QUOTES = frozenset("«“\"‘‹'")
# "...?" Kim said. / "..." the minister added.  (a closing quote, then a short subject and a
# reporting verb: the attribution belongs to the quoted sentence)
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes"
    r"|replied|explained|continued|recalled|shouted|tweeted|noted|insisted|argued|warned"
    r"|stated|declared|claimed|admitted|agreed|joked|laughed|posted|responded)\b"
)
_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’ ()-]*$")
_CLOSING_NEXT = frozenset(",;:)]}»”›")
_TOKEN_STOP = frozenset('«“"‘‹([{')


def _quote_regions(text: str) -> tuple[list[int], list[int]]:
    """Outermost closed quotations within a line, as parallel sorted lists of
    (start of opening mark, end of closing mark)."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    # Stack positions of the open marks of each kind: finding the innermost open « for a »
    # is then O(1), and every mark is pushed and popped once (linear in the text; scanning the
    # stack was quadratic on a line of openers of one kind and closers of another).
    where: dict[str, list[int]] = {"«": [], "“": [], '"': []}
    n = len(text)

    def close(k: int, end: int) -> None:
        regions.append((stack[k][1], end))
        del stack[k:]
        for marks in where.values():
            while marks and marks[-1] >= k:
                marks.pop()

    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        i = m.start()
        if ch == "\n":
            stack.clear()
            for marks in where.values():
                marks.clear()
        elif ch == "«" or ch == "“":
            where[ch].append(len(stack))
            stack.append((ch, i))
        elif ch == "»" or ch == "”":
            want = where["«" if ch == "»" else "“"]
            if want:
                close(want[-1], i + 1)
        else:  # straight double quote: opener or closer by context
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            opener_ctx = (
                prev.isspace() or prev in "([{—–-/«“'‘" or (prev in ":," and not nxt.isspace())
            )
            closer_ctx = nxt.isspace() or nxt in ".,;:!?)]}…'’" or i + 1 == n
            if where['"'] and (closer_ctx or not opener_ctx):
                close(where['"'][-1], i + 1)
            elif opener_ctx or not closer_ctx:
                where['"'].append(len(stack))
                stack.append(('"', i))
    if not regions:
        return [], []
    regions.sort()
    starts: list[int] = []
    ends: list[int] = []
    for a, b in regions:
        if ends and a < ends[-1]:
            if b > ends[-1]:
                ends[-1] = b
            continue
        starts.append(a)
        ends.append(b)
    return starts, ends


def _is_break(text: str, m: re.Match[str], sent_start: int, q: int) -> bool:
    """Decide whether the candidate boundary `m` (next non-space character at `q`) ends a
    sentence. Line breaks after the candidate are handled by the caller."""
    nxt = text[q]
    if nxt in _CLOSING_NEXT:
        return False
    nxt2 = text[q + 1] if q + 1 < len(text) else ""
    if nxt.islower():
        # "iPhone", "eBay" start sentences, and so does a bare URL; other lowercase words
        # continue them.
        if not nxt2.isupper() and not text.startswith(("http://", "https://", "www."), q):
            return False
    elif nxt in _OPENING_QUOTES and nxt2.islower():
        return False  # lost 16 lbs. "and two belt loops" ...
    punct = m.group("p")
    closers = m.group("c")
    p = m.start()
    ws = _SPACES.match(text, sent_start)
    sent_start = ws.end() if ws else sent_start
    if (
        closers
        and nxt.isupper()
        and any(c in closers for c in '"”»’')
        and (_ATTRIBUTION.match(text, q))
    ):
        return False  # "Why?" Kim said.
    if nxt in "_-–—" and _DATELINE.match(text, sent_start, p):
        return False  # WASHINGTON. _ Les Utah Jazz ... / EPINAL. - ...
    if punct != ".":
        if "…" in punct or punct.startswith(".."):
            before = text[p - 1] if p else ""
            if before in "([" and (not closers or closers.lstrip()[:1] in ")]"):
                return False  # "(…)", "[...]" elision marks
            if nxt.isdigit():
                return False  # veuve depuis... 1950
        return True
    # Single period: look at the token before it.
    k = p
    lo = max(sent_start, p - 40)
    while k > lo:
        ch = text[k - 1]
        if ch.isspace() or ch in _TOKEN_STOP:
            break
        k -= 1
    token = text[k:p]
    if not token or closers:
        return True
    if _ENUM.match(text, sent_start, p):
        return False  # "1. Introduction", "II. Histoire", "J. Smith" at sentence start
    cls = _ABBR.get(token)
    if cls is None:
        if len(token) == 1:
            cls = _GENERAL if token.isupper() else None
        elif "." in token and _ACRONYM.fullmatch(token):
            cls = _GENERAL
        if cls is None:
            return True  # ordinary word, number, "etc", "J.-C"
    if cls == _TITLE or cls == _NOBREAK:
        return False
    if nxt.isdigit():
        return False
    if cls == _NUM:
        return True
    # _GENERAL (Inc., U.S., p.m., initials): break only before an opening quote or a
    # typical sentence starter.
    if nxt in _OPENING_QUOTES:
        return True
    w = _NEXT_WORD.match(text, q)
    if w is None:
        return False
    after = w.end()
    if len(w.group()) == 1 and text[after : after + 1] == ".":
        return False  # another initial: "J. R. R. Tolkien"
    return w.group() in _STARTERS


def split_sentences(text: str, lang: str = "fr") -> list[Sentence]:
    """Sentences of `text` with exact offsets (`text[s.start:s.end] == s.text`), stripped.

    One pass over candidate boundaries; a line break always ends a sentence. `lang` is
    accepted for API stability; the rules cover French and English news together."""
    out: list[Sentence] = []
    n = len(text)
    if not n:
        return out
    q_starts, q_ends = _quote_regions(text)
    para_starts = _paragraph_starts(text)
    para = 0
    n_para = len(para_starts)
    start = 0
    append = out.append
    spaces = _SPACES.match

    for m in _BOUNDARY.finditer(text):
        if m.lastgroup == "nl":
            end = m.start()
            nxt_start = end + 1
        else:
            e = m.end()
            ws = spaces(text, e)
            q = ws.end() if ws else e
            if q >= n or "\n" in text[e:q]:
                continue  # the line break (or end of text) ends the sentence anyway
            if q_starts:
                i = bisect_right(q_starts, e - 1) - 1
                if i >= 0 and q_starts[i] < e < q_ends[i]:
                    continue  # inside a quotation
            if not _is_break(text, m, start, q):
                continue
            end = e
            nxt_start = q
        seg = text[start:end]
        stripped = seg.strip()
        if stripped:
            s = start + len(seg) - len(seg.lstrip())
            while para < n_para and para_starts[para] <= s:
                para += 1
            append(Sentence(s, s + len(stripped), stripped, para))
        start = nxt_start
    if start < n:
        seg = text[start:]
        stripped = seg.strip()
        if stripped:
            s = start + len(seg) - len(seg.lstrip())
            while para < n_para and para_starts[para] <= s:
                para += 1
            append(Sentence(s, s + len(stripped), stripped, para))
    return out


# --------------------------------------------------------------------------------------------
# Language detection
# --------------------------------------------------------------------------------------------

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        "le la les l un une des du de d au aux et ou mais donc car ni que qu qui quoi dont où "
        "ce cet cette ces c il ils elle elles on nous vous je j tu me m te t se s lui leur "
        "leurs son sa ses mon ma mes ton ta tes notre nos votre vos est sont été être était "
        "étaient sera seront a ont avait avaient avoir fait dans sur sous avec sans pour par "
        "vers chez entre depuis pendant selon après avant contre ne n pas plus moins très "
        "aussi bien tout tous toute toutes même comme si lorsque lorsqu quand alors ainsi "
        "déjà encore y en cela ça aujourd hui hier jusqu puisqu également avons avez".split()
    ),
    "en": frozenset(
        "the a an and or but of to in on at for with by from as about into over after "
        "before between under during without through is are was were be been being am has "
        "have had having do does did will would shall should can could may might must not "
        "no it its he she they we you i him her them us me my his their our your this that "
        "these those there here which who whom whose what when where why how than then so "
        "if because while also just only very said says up out more most some any all "
        "s t ll re ve d m n't".split()
    ),
    # Competitors, so that German, Spanish, Italian, Portuguese or Dutch text is not
    # reported as French or English.
    "de": frozenset(
        "der die das den dem des ein eine einer eines einem und oder aber ist sind war "
        "waren wird werden wurde hat haben hatte nicht auch mit von zu im auf für bei aus "
        "nach sich es sie wir ich du er ihr dass wie noch nur über vor durch zum zur am "
        "diese dieser kein keine".split()
    ),
    "es": frozenset(
        "el los las un una unos unas y o pero de del al en con por para sin sobre entre "
        "es son fue ser está están estaba ha han había que quien cual como más muy también "
        "se su sus lo le les nos yo él ella ellos nosotros este esta estos estas ese esa "
        "no ni cuando donde porque hay".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una e ed o ma di del della dei degli delle da dal dalla "
        "in nel nella con su per tra fra è sono era erano essere ha hanno aveva che chi "
        "non più anche come questo questa quello quella si ci ne al alla sua suo loro".split()
    ),
    "pt": frozenset(
        "o os a as um uma uns umas e ou mas de do da dos das em no na nos nas com por "
        "para sem sobre é são foi ser está estão era que quem como mais muito também se "
        "seu sua seus suas ele ela eles elas não ao aos pelo pela isso este esta".split()
    ),
    "nl": frozenset(
        "de het een en of maar van in op aan met voor door bij uit naar over is zijn was "
        "waren wordt worden heeft hebben had niet ook dat die dit deze wat wie hoe als "
        "er hij zij ze wij we ik je u zich om te tot".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
_FR_ELISION = re.compile(
    r"(?<![^\W\d_])(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=[aeiouyhéèêàâîôû])",
    re.IGNORECASE,
)
_EN_CONTRACTION = re.compile(r"[^\W\d_](?:n['’]t|['’](?:s|re|ve|ll|d|m))(?![^\W\d_])")
_FR_CHARS = re.compile("[èêàçùâîôûëïœ]")
_OTHER_CHARS = re.compile("[ñáíóúäöüßãõìò¿¡]")


def detect_language(text: str) -> str | None:
    """'fr', 'en', or None when the text gives too little evidence for either (fewer than
    three function words, binary-looking text, or text that looks more like German,
    Spanish, Italian, Portuguese or Dutch, or no clear margin between French and English)."""
    sample = text[:50000]
    nonspace = len(sample) - sum(map(sample.count, " \n\t"))
    if not nonspace:
        return None
    low = sample.lower()
    words = _WORD.findall(low)
    letters = sum(map(len, words))
    if letters < 0.5 * nonspace or sample.count("\ufffd") > 5:
        return None
    if not words:
        return None
    scores = {lang: 0.0 for lang in _FUNCTION_WORDS}
    for w in words:
        for lang, fw in _FUNCTION_WORDS.items():
            if w in fw:
                scores[lang] += 1
    # Character cues: elisions and French-only accents; English contractions; letters
    # foreign to both.
    scores["fr"] += 0.5 * len(_FR_ELISION.findall(low))
    scores["en"] += 0.5 * len(_EN_CONTRACTION.findall(low))
    fr_chars = len(_FR_CHARS.findall(low))
    other_chars = len(_OTHER_CHARS.findall(low))
    scores["fr"] += min(fr_chars, len(words)) * 0.25
    if other_chars > fr_chars:
        scores["fr"] *= 0.5
        scores["en"] *= 0.5
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, s1), (_, s2) = ranked[0], ranked[1]
    if best not in ("fr", "en"):
        return None
    hits = sum(w in _FUNCTION_WORDS[best] for w in words)
    if hits < 3:
        return None
    if s1 < 1.5 * s2:  # no clear margin
        return None
    if hits < 0.15 * len(words):  # too little of the text is function words of `best`
        return None
    return best


# --------------------------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------------------------

_SECTION_WORDS = frozenset(
    """
    actualité actualités actu actus info infos international internationale national
    nationale monde france europe afrique maghreb amériques asie moyen-orient régions région
    régional local locale politique politiques économie éco économique société culture
    cultures sport sports santé science sciences tech techno technologie technologies
    high-tech numérique environnement planète climat écologie faits-divers justice éducation
    idées opinion opinions débats débat tribune tribunes éditorial édito chronique chroniques
    people médias musique cinéma livres littérature lifestyle style mode voyage voyages auto
    automobile immobilier emploi finance finances bourse entreprises entreprise business
    diplomatie religion vidéo vidéos photo photos podcast podcasts direct une accueil home
    news world canada us u.s. uk politics markets economy technology sci-tech health
    entertainment arts art life living travel editorials editorial columns column
    weather climate environment education crime investigations investigation video videos
    media books music movies film films tv television food style fashion autos cars
    obituaries latest more insight analysis features feature breaking top stories story
    sécurité défense agriculture énergie transports transport société-culture
    """.split()
)
_SECTION_PHRASES = frozenset(
    {
        "faits divers",
        "à la une",
        "a la une",
        "art de vivre",
        "top stories",
        "world news",
        "breaking news",
        "real estate",
        "personal finance",
        "business news",
        "local news",
        "canada news",
        "us news",
        "u.s. news",
        "sci tech",
        "high tech",
        "moyen orient",
    }
)
_LABEL_SPLIT = re.compile(r"\s*(?:[/>|•·»›]|\s-\s|\s–\s)\s*")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_LINE = re.compile(r"[^\n]+")

_RELATED_FR = re.compile(
    r"(?:[►▶→>»•*\-–—]+\s*)?"
    r"(?:(?:À|A|à|a)\s+)?(?:lire|Lire|LIRE|voir|Voir|VOIR)\s+"
    r"(?:aussi|également|egalement|AUSSI|ÉGALEMENT|EGALEMENT)\b"
    r"|(?:[►▶→>»•*\-–—]+\s*)?(?:À|A)\s+LIRE\b"
    r"|(?:[►▶→>»•*\-–—]+\s*)?(?:Sur|SUR)\s+(?:le|LE)\s+(?:même|MÊME)\s+(?:sujet|SUJET)\b"
)
# English openers are ordinary words, so they need a colon (or nothing) after them, or capitals.
_RELATED_EN = re.compile(
    r"(?:[►▶→>»•*\-–—]+\s*)?"
    r"(?:(?i:read\s+(?:more|next)(?:\s+about)?|see\s+also"
    r"|related(?:\s+(?:stories|articles?|coverage|content|links|reading|videos?))?)"
    r"|Also\s+on\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)"
    r"\s*(?:[:|\-–—]|\.?$)"
    r"|(?:[►▶→>»•*\-–—]+\s*)?(?:RELATED|READ\s+MORE|SEE\s+ALSO|ALSO\s+READ)\b"
    r"|(?:[►▶→>»•*\-–—]+\s*)?(?i:read\s+also|also\s+read)\b"
)
_UI = re.compile(
    r"(?i:partager(?:\s+(?:cet|l['’])\s*article)?|partagez(?:\s+cet\s+article)?|imprimer"
    r"|publicité|share(?:\s+this(?:\s+(?:article|story))?)?|advertisement|advertising"
    r"|story\s+continues\s+below(?:\s+advertisement)?|article\s+continued\s+below"
    r"|continue\s+reading|lire\s+la\s+suite|la\s+suite\s+après\s+cette\s+publicité"
    r"|suite\s+après\s+la\s+publicité|print|tweet|e-?mail\s+this\s+article)"
    r"\s*[.:]?"
)


def _label_pieces(line: str) -> list[str] | None:
    """Split a category line into section names, or None if it is not one."""
    if len(line) > 80 or re.search(r"[,;:!?\"«»“”()]|\.\s|\d", line.rstrip(".")):
        return None
    pieces: list[str] = []
    for chunk in _LABEL_SPLIT.split(line.rstrip(".").strip()):
        if not chunk:
            continue
        if chunk.lower() in _SECTION_PHRASES:
            pieces.append(chunk)
            continue
        for part in _CAMEL.split(chunk):
            for word in part.split():
                pieces.append(word)
    if not pieces:
        return None
    for piece in pieces:
        if piece.lower() not in _SECTION_WORDS and piece.lower() not in _SECTION_PHRASES:
            return None
    return pieces


# a photo credit closing a caption line: "(Adrian Wyld/Canadian Press)", "(Photo : AFP)",
# "(Crédit photo : Jean Dupont)", "(Getty Images)"
_CREDIT = re.compile(
    r"\((?:[A-Z][^()\n/]{1,50}/[^()\n/]{2,50}"
    r"|(?i:photos?|photograph|crédits?(?:\s+photos?)?|credits?|illustration)\s*:\s*[^()\n]{2,60}"
    r"|Getty Images|AFP|Reuters|AP Photo[^()\n]{0,40})\)\.?$")


# a photo credit opening a caption line: "Niall Carson / PA Images via Getty Images Kevin
# Vickers at a ceremony ...", "Sean Kilpatrick/The Canadian Press Prime Minister ..."
_CREDIT_OPEN = re.compile(
    r"[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}[ \t]*/[ \t]*[^\n/]{0,40}?"
    r"\b(?:Getty[ \t]+Images|AFP|Reuters|The[ \t]+Canadian[ \t]+Press|Canadian[ \t]+Press|"
    r"Associated[ \t]+Press|AP[ \t]+Photo|Shutterstock|EPA|PA[ \t]+Images|Bloomberg|Sipa|Hans[ \t]+Lucas)\b"
    r"(?![ \t]*[-–—:(])")   # (not a dateline: "PARIS / AFP - Le président ...")


def find_boilerplate(text: str) -> list[Span]:
    """Lines kept in the text but skipped by extraction: category breadcrumbs
    ("InternationalNational", "Politique / Monde"; kind "category_labels"), related-article
    links ("À lire aussi : ...", "Read more:"; kind "related_link"), interface trailers
    ("Partager", "Advertisement", "Story continues below advertisement"; kind "ui") and photo
    captions, a line ending with its credit ("... said Monday. (Adrian Wyld/Canadian Press)")
    or opening with it ("Niall Carson / PA Images via Getty Images Kevin Vickers at ...");
    kind "caption": the caption repeats the article, its quotes are not the article's).
    Spans are stripped lines."""
    out: list[Span] = []
    content_lines = 0
    for m in _LINE.finditer(text):
        raw = m.group()
        line = raw.strip()
        if not line or not any(c.isalnum() for c in line):
            continue
        content_lines += 1
        s = m.start() + len(raw) - len(raw.lstrip())
        e = s + len(line)
        if len(line) <= 300 and (_RELATED_FR.match(line) or _RELATED_EN.match(line)):
            out.append(Span(s, e, "related_link"))
        elif len(line) <= 60 and _UI.fullmatch(line):
            out.append(Span(s, e, "ui"))
        elif len(line) <= 400 and (_CREDIT.search(line) or _CREDIT_OPEN.match(line)):
            out.append(Span(s, e, "caption"))
        else:
            pieces = _label_pieces(line)
            if pieces is not None and (len(pieces) >= 2 or content_lines <= 3):
                out.append(Span(s, e, "category_labels"))
    return out
