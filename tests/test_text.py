"""Tests for verifier.text: normalisation, sentence segmentation, language detection and
boilerplate marking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.text import (
    Sentence,
    Span,
    detect_language,
    find_boilerplate,
    normalise_text,
    paragraphs,
    split_sentences,
)

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed-maroc-russie-fr.txt").read_text(encoding="utf-8")
GOLD = json.loads((DATA / "seed-maroc-russie-fr.gold.json").read_text(encoding="utf-8"))
FTIB = [
    json.loads(line)
    for line in (DATA / "text" / "ftib-texts.jsonl").read_text(encoding="utf-8").splitlines()
]
NBSP, NNBSP = "\u00a0", "\u202f"


def texts(text: str, lang: str = "fr") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


# --------------------------------------------------------------------------------------------
# normalise_text
# --------------------------------------------------------------------------------------------


def test_normalise_is_identity_on_seed():
    assert normalise_text(SEED) is SEED or normalise_text(SEED) == SEED
    assert "XXIᵉ" in normalise_text(SEED)  # no NFKC
    assert "🇲🇦🤝🇷🇺" in normalise_text(SEED)


def test_normalise_gold_offsets_stay_valid():
    text = normalise_text(SEED)
    for q in GOLD["quotes"]:
        assert text[q["quote_start"] : q["quote_end"]] == q["quote"]
    for b in GOLD["boilerplate"]:
        assert text[b["start"] : b["end"]] == b["text"]


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("\ufeffBonjour\r\nle monde\rfin", "Bonjour\nle monde\nfin"),
        ("a\x00b", "ab"),
        ("e\u0301te\u0301", "été"),  # NFD -> NFC
        ("page\x0cnext", "page\nnext"),
        ("XXIᵉ siècle ﬁn", "XXIᵉ siècle ﬁn"),  # compatibility characters kept (no NFKC)
        ("tab\tkept", "tab\tkept"),
        ("ligne\u2028suivante", "ligne\nsuivante"),
    ],
)
def test_normalise_cases(raw, clean):
    assert normalise_text(raw) == clean


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_normalise_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\x00" not in once and "\ufeff" not in once


# --------------------------------------------------------------------------------------------
# split_sentences: the seed
# --------------------------------------------------------------------------------------------

SEED_SENTENCES = [
    (0, 23),
    (24, 45),
    (47, 100),
    (102, 222),
    (224, 296),
    (298, 465),
    (466, 628),
    (630, 690),
    (692, 744),
    (745, 964),
    (966, 1133),
    (1135, 1285),
    (1286, 1546),
    (1548, 1580),
    (1582, 1790),
    (1791, 1958),
    (1960, 2184),
    (2186, 2232),
    (2234, 2317),
    (2318, 2470),
    (2472, 2543),
    (2545, 2728),
    (2729, 2849),
    (2851, 2930),
    (2932, 2964),
    (2966, 3046),
    (3047, 3239),
    (3241, 3362),
    (3363, 3600),
    (3602, 3639),
    (3641, 3836),
    (3837, 4012),
    (4014, 4200),
    (4202, 4230),
    (4232, 4445),
    (4446, 4613),
]


def test_seed_sentence_offsets():
    sents = split_sentences(SEED, "fr")
    assert [(s.start, s.end) for s in sents] == SEED_SENTENCES
    for s in sents:
        assert SEED[s.start : s.end] == s.text


def test_seed_sentences_read_as_sentences():
    sents = texts(SEED)
    assert sents[0] == "jeudi, octobre 16, 2025"
    assert sents[1] == "InternationalNational"
    assert sents[2] == "Maroc – Russie : un mémorandum d’entente diplomatique"
    assert "Pour Sergueï Lavrov, ces échanges prennent une dimension particulière :" in sents
    assert sents[21].startswith("Nous accordons une attention toute spéciale")
    assert sents[21].endswith("a-t-il souligné.")
    assert sents[22] == (
        "La Russie reste prête à contribuer à la résolution des crises régionales, aux côtés "
        "des États partenaires,a-t-il ajouté."
    )
    assert sents[-1].endswith("du XXIᵉ siècle.")


def test_seed_quotes_fall_inside_one_sentence():
    sents = split_sentences(SEED)
    for q in GOLD["quotes"]:
        owners = [s for s in sents if s.start <= q["quote_start"] and q["quote_end"] <= s.end]
        assert len(owners) == 1, q["quote"]


def test_seed_paragraphs_and_headings():
    sents = split_sentences(SEED)
    by_start = {s.start: s for s in sents}
    # blank lines separate paragraphs; a single newline does not
    assert by_start[298].paragraph == by_start[466].paragraph
    assert by_start[1135].paragraph == by_start[1286].paragraph
    assert by_start[2545].paragraph == by_start[2729].paragraph
    assert by_start[2472].paragraph < by_start[2545].paragraph
    assert [s.paragraph for s in sents] == sorted(s.paragraph for s in sents)
    # a heading line is a sentence of its own
    texts = [s.text for s in sents]
    assert "Un cadre institutionnel renforcé" in texts
    assert "🕊️ Une alliance de confiance" in texts
    paras = paragraphs(SEED)
    assert paras[0] == Span(0, 45, "paragraph")
    assert len(paras) == max(s.paragraph for s in sents) + 1


def test_single_newline_paragraphs_when_no_blank_lines():
    text = "\nTitre du jour.\nPremière phrase. Deuxième phrase.\nAutre paragraphe.\n"
    sents = split_sentences(text)
    assert [(s.text, s.paragraph) for s in sents] == [
        ("Titre du jour.", 0),
        ("Première phrase.", 1),
        ("Deuxième phrase.", 1),
        ("Autre paragraphe.", 2),
    ]


def test_punctuation_only_lines_separate_paragraphs():
    # Gender Gap Tracker preprocessing: every newline became ".\n " -> " ." lines
    text = 'First paragraph. Still first.\n .\n Second one.\n .\n "Third," she said.'
    sents = split_sentences(text, "en")
    assert [(s.text, s.paragraph) for s in sents] == [
        ("First paragraph.", 0),
        ("Still first.", 0),
        (".", 0),
        ("Second one.", 1),
        (".", 1),
        ('"Third," she said.', 2),
    ]


# --------------------------------------------------------------------------------------------
# split_sentences: hard cases
# --------------------------------------------------------------------------------------------

CASES = [
    # French titles and abbreviations
    ("M. Dupont est arrivé. Il a parlé.", ["M. Dupont est arrivé.", "Il a parlé."]),
    (
        "Mme Martin, MM. Durand et Petit et Mlle Roux sont venus. M. Le Pen aussi.",
        ["Mme Martin, MM. Durand et Petit et Mlle Roux sont venus.", "M. Le Pen aussi."],
    ),
    # English titles
    (
        "Dr. Smith met Mr. Jones and Mrs. Brown. Ms. Green was absent.",
        ["Dr. Smith met Mr. Jones and Mrs. Brown.", "Ms. Green was absent."],
    ),
    (
        "Prof. Nguyen lives on St. Catherine Street. She teaches.",
        ["Prof. Nguyen lives on St. Catherine Street.", "She teaches."],
    ),
    (
        "He was born on Jan. 5, 1990. Gen. Smith and Sen. Jones came, as did Rep. Lee and Gov. Brown.",
        [
            "He was born on Jan. 5, 1990.",
            "Gen. Smith and Sen. Jones came, as did Rep. Lee and Gov. Brown.",
        ],
    ),
    (
        "Lt. Dan served. Apple Inc. announced results. Acme Ltd. and Foo Co. merged into Bar Corp. The deal closed.",
        [
            "Lt. Dan served.",
            "Apple Inc. announced results.",
            "Acme Ltd. and Foo Co. merged into Bar Corp.",
            "The deal closed.",
        ],
    ),
    # dotted acronyms: by the following word
    ("The U.S. economy grew. The U.K. did not.", ["The U.S. economy grew.", "The U.K. did not."]),
    (
        "He moved to the U.S. The move was hard.",
        ["He moved to the U.S.", "The move was hard."],
    ),
    # etc., e.g., i.e., cf.
    (
        "Il a acheté des pommes, des poires, etc. Puis il est parti.",
        ["Il a acheté des pommes, des poires, etc.", "Puis il est parti."],
    ),
    (
        "Bring fruit, pears, etc. and nuts. Then go.",
        ["Bring fruit, pears, etc. and nuts.", "Then go."],
    ),
    (
        "Use a standard, e.g. ISO 8601. It is simple, i.e. Unicode-friendly.",
        ["Use a standard, e.g. ISO 8601.", "It is simple, i.e. Unicode-friendly."],
    ),
    (
        "Certains animaux, p. ex. Le chat, dorment. Cf. Le chapitre 3.",
        ["Certains animaux, p. ex. Le chat, dorment.", "Cf. Le chapitre 3."],
    ),
    # av. J.-C. / apr. J.-C.
    (
        "César est né en 100 av. J.-C. Il est mort en 44 av. J.-C. à Rome.",
        ["César est né en 100 av. J.-C.", "Il est mort en 44 av. J.-C. à Rome."],
    ),
    (
        "Le christianisme s'est diffusé vers 50 apr. J.-C. dans l'Empire.",
        ["Le christianisme s'est diffusé vers 50 apr. J.-C. dans l'Empire."],
    ),
    # vol., no., No. 1, p.
    (
        "See vol. 2, no. 5 of the review. He was ranked No. 1 in the world. Next.",
        ["See vol. 2, no. 5 of the review.", "He was ranked No. 1 in the world.", "Next."],
    ),
    (
        "Dans l'enquête (voir p. 12), le Dr. House témoigne. Rien.",
        ["Dans l'enquête (voir p. 12), le Dr. House témoigne.", "Rien."],
    ),
    # initials
    (
        "P. Smith et al. found it. Smith et al. The study was long. Il a couru 10 km. Jean a gagné.",
        [
            "P. Smith et al. found it.",
            "Smith et al.",
            "The study was long.",
            "Il a couru 10 km.",
            "Jean a gagné.",
        ],
    ),
    (
        "J. R. R. Tolkien wrote it. George W. Bush read it. Malcolm X. He spoke.",
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it.", "Malcolm X.", "He spoke."],
    ),
    # numbers
    (
        "Le taux est passé de 1,5 % à 3.2 %. Il y avait 1.000.000 de votants.",
        ["Le taux est passé de 1,5 % à 3.2 %.", "Il y avait 1.000.000 de votants."],
    ),
    (
        f"Rendez-vous à 10{NBSP}h{NBSP}30. La séance commence à 11 h. Le train part.",
        [f"Rendez-vous à 10{NBSP}h{NBSP}30.", "La séance commence à 11 h.", "Le train part."],
    ),
    (
        "Sales rose to $1,234.56 million. Profits fell 3.5%.",
        ["Sales rose to $1,234.56 million.", "Profits fell 3.5%."],
    ),
    (
        "The meeting starts at 3 p.m. on Monday. Lunch is at 10 a.m. Tuesday.",
        ["The meeting starts at 3 p.m. on Monday.", "Lunch is at 10 a.m. Tuesday."],
    ),
    (
        "The meeting ended at 3 p.m. The board then voted.",
        ["The meeting ended at 3 p.m.", "The board then voted."],
    ),
    # ellipses
    (
        "Il hésita… puis il partit. Et alors... Rien ne se passa.",
        ["Il hésita… puis il partit.", "Et alors...", "Rien ne se passa."],
    ),
    (
        "Wait... what happened? Nobody knows… Nothing.",
        ["Wait... what happened?", "Nobody knows…", "Nothing."],
    ),
    (
        "Il a dit que […] Le texte continue. Elle était veuve depuis... 1950.",
        ["Il a dit que […] Le texte continue.", "Elle était veuve depuis... 1950."],
    ),
    # French quotes with NBSP / narrow NBSP / plain spaces / none
    (
        f"Il a dit{NBSP}: «{NBSP}Bonjour.{NBSP}» Puis il est parti.",
        [f"Il a dit{NBSP}: «{NBSP}Bonjour.{NBSP}»", "Puis il est parti."],
    ),
    (
        f"Elle a crié{NNBSP}: «{NNBSP}Attention{NNBSP}!{NNBSP}» Tout le monde s'est arrêté.",
        [f"Elle a crié{NNBSP}: «{NNBSP}Attention{NNBSP}!{NNBSP}»", "Tout le monde s'est arrêté."],
    ),
    (
        "Il a conclu : « C'est terminé. » Le public a applaudi.",
        ["Il a conclu : « C'est terminé. »", "Le public a applaudi."],
    ),
    (
        "Il a répondu « c'est fini.» Elle est partie.",
        ["Il a répondu « c'est fini.»", "Elle est partie."],
    ),
    (
        "L'OTAN parle de «beaucoup de précaution». Les Russes aussi.",
        ["L'OTAN parle de «beaucoup de précaution».", "Les Russes aussi."],
    ),
    # quotations spanning sentences
    (
        "« C'est fini. Nous partons », a-t-il dit. Personne n'a répondu.",
        ["« C'est fini. Nous partons », a-t-il dit.", "Personne n'a répondu."],
    ),
    (
        'He said: "We won. We are happy." Then he left.',
        ['He said: "We won. We are happy."', "Then he left."],
    ),
    (
        "“We won. We are happy,” she said. Fans cheered.",
        ["“We won. We are happy,” she said.", "Fans cheered."],
    ),
    (
        "« Pourquoi ? » demanda-t-il. Silence.",
        ["« Pourquoi ? » demanda-t-il.", "Silence."],
    ),
    (
        '"Why did you go?" Kim asked. Nobody answered.',
        ['"Why did you go?" Kim asked.', "Nobody answered."],
    ),
    ('"It\'s over." The crowd left.', ['"It\'s over."', "The crowd left."]),
    # line and paragraph breaks, headings
    (
        "Titre sans point\n\nPremier paragraphe. Deuxième phrase.\nTroisième ligne",
        ["Titre sans point", "Premier paragraphe.", "Deuxième phrase.", "Troisième ligne"],
    ),
    (
        "🇲🇦 Diplomatie\nLe texte suit : la fin\nEt encore.",
        ["🇲🇦 Diplomatie", "Le texte suit : la fin", "Et encore."],
    ),
    # the seed's missing space after a comma
    (
        "La Russie reste prête, aux côtés des États partenaires,a-t-il ajouté. Fin.",
        ["La Russie reste prête, aux côtés des États partenaires,a-t-il ajouté.", "Fin."],
    ),
    # URLs and e-mail addresses
    (
        "Voir https://www.example.com/a.b?c=1. Écrivez à jean.dupont@example.fr pour plus d'infos.",
        [
            "Voir https://www.example.com/a.b?c=1.",
            "Écrivez à jean.dupont@example.fr pour plus d'infos.",
        ],
    ),
    (
        "Consultez www.lemonde.fr. Le site est gratuit.",
        ["Consultez www.lemonde.fr.", "Le site est gratuit."],
    ),
    # roman numerals
    (
        "Louis XIV régna longtemps. Le roi Louis XVI fut exécuté. Chapitre IV. La suite.",
        [
            "Louis XIV régna longtemps.",
            "Le roi Louis XVI fut exécuté.",
            "Chapitre IV.",
            "La suite.",
        ],
    ),
    ("Il a vécu au XXIᵉ siècle. Il est parti.", ["Il a vécu au XXIᵉ siècle.", "Il est parti."]),
    # enumerations and datelines
    ("1. Introduction\n2. Méthode", ["1. Introduction", "2. Méthode"]),
    ("WASHINGTON. _ Les Utah Jazz ont gagné.", ["WASHINGTON. _ Les Utah Jazz ont gagné."]),
    ("INGLEWOOD, Calif. -- Amanda Nunes won.", ["INGLEWOOD, Calif. -- Amanda Nunes won."]),
    # lowercase continuation, iPhone, ?!
    (
        "Elle a obtenu son Ph.D. en 2010. The iPhone sold well. iPhone sales rose.",
        ["Elle a obtenu son Ph.D. en 2010.", "The iPhone sold well.", "iPhone sales rose."],
    ),
    ("Is it true?! Yes!! Absolutely.", ["Is it true?!", "Yes!!", "Absolutely."]),
    (
        "Mr. and Mrs. Smith arrived at 5 p.m. They sat down.",
        ["Mr. and Mrs. Smith arrived at 5 p.m.", "They sat down."],
    ),
    ("Il aime les pommes, les poires, etc.", ["Il aime les pommes, les poires, etc."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split_cases(text, expected):
    sents = split_sentences(text, "fr")
    assert [s.text for s in sents] == expected
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_case_table_is_large_enough():
    assert len(CASES) >= 35


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []
    assert split_sentences("  Un mot  ") == [Sentence(2, 8, "Un mot", 0)]


# --------------------------------------------------------------------------------------------
# split_sentences: properties
# --------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("aAbéÉ zZ.!?…«»\"“”’'(),;:\n\t-_0123456789")
    + [NBSP, NNBSP, "M.", "U.S.", "etc.", "J.-C.", "p.m.", "...", ". »", '."', "\n\n", " .\n "]
)
_TEXTS = st.one_of(st.text(), st.lists(_ALPHABET, max_size=80).map("".join))


def _check_sentences(text: str, sents: list[Sentence]) -> None:
    prev_end = 0
    prev_para = 0
    covered = bytearray(len(text))
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.paragraph >= prev_para
        prev_end, prev_para = s.end, s.paragraph
        for i in range(s.start, s.end):
            covered[i] = 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i], (i, ch)


@given(_TEXTS)
@settings(max_examples=500, deadline=None)
def test_split_properties(text):
    _check_sentences(text, split_sentences(text, "fr"))
    clean = normalise_text(text)
    _check_sentences(clean, split_sentences(clean, "en"))


@given(_TEXTS)
@settings(max_examples=200, deadline=None)
def test_paragraph_properties(text):
    paras = paragraphs(text)
    for a, b in zip(paras, paras[1:], strict=False):
        assert a.end <= b.start
    for s in split_sentences(text):
        assert s.paragraph < max(1, len(paras))


def test_ftib_texts_split_sanely():
    for doc in FTIB:
        text = doc["text"]
        sents = split_sentences(text)
        _check_sentences(text, sents)
        # one line per paragraph in this corpus
        lines = [ln for ln in text.split("\n") if ln.strip()]
        assert max(s.paragraph for s in sents) == len(lines) - 1


# --------------------------------------------------------------------------------------------
# detect_language
# --------------------------------------------------------------------------------------------


def test_language_seed_and_ftib():
    assert detect_language(SEED) == "fr"
    for doc in FTIB:
        assert detect_language(doc["text"]) == "fr", doc["id"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le chat dort sur le canapé depuis ce matin.", "fr"),
        ("Il a dit qu'il viendrait demain avec sa sœur.", "fr"),
        ("L'État n'a pas répondu aux questions d'un journaliste.", "fr"),
        ("« Nous partons », a-t-il dit.", "fr"),
        ("« Nous partons. »", None),  # too few function words
        ("Emmanuel Macron", None),
        ("The cat has been sleeping on the sofa since this morning.", "en"),
        ("He said that he would come tomorrow with his sister.", "en"),
        ("It's not what they've told us, isn't it?", "en"),
        (
            "Justice Sean Dunphy directed the station to provide the e-mail addresses of its "
            "member-donors to a consultant and founder of the group.",
            "en",
        ),
        ("Der Hund ist im Garten und die Katze schläft auf dem Sofa.", None),
        ("El perro está en el jardín y el gato duerme en el sofá con los niños.", None),
        ("Il cane è nel giardino e il gatto dorme sul divano con i bambini.", None),
        ("O cão está no jardim e o gato dorme no sofá com as crianças.", None),
        ("", None),
        ("Bonjour", None),
        ("OK", None),
        ("12345 67890 3.14 2,71 100%", None),
        ("\x89PNG\x1a\x00\x00\x0dIHDR\x00\x00\x01\x00\x08\x06\x00\x00\x00\\r\xa8f", None),
        ("a1b2c3d4e5f6 0x7f 0xff 0x00 == != && || >> <<", None),
    ],
)
def test_language_short(text, lang):
    assert detect_language(text) == lang


def test_language_mixed_english_with_french_quote():
    text = (
        'The premier said the province would not back down. "C\'est notre choix," he told '
        "reporters in Quebec City on Tuesday, adding that the law was popular with voters "
        "and that the federal government had no say in the matter."
    )
    assert detect_language(text) == "en"


# --------------------------------------------------------------------------------------------
# find_boilerplate
# --------------------------------------------------------------------------------------------


def test_seed_boilerplate_equals_gold():
    got = find_boilerplate(SEED)
    want = [Span(b["start"], b["end"], b["kind"]) for b in GOLD["boilerplate"]]
    assert got == want
    for span in got:
        assert SEED[span.start : span.end] == SEED[span.start : span.end].strip()


@pytest.mark.parametrize(
    "line, kind",
    [
        ("InternationalNational", "category_labels"),
        ("PolitiqueÉconomieSociété", "category_labels"),
        ("Politique / Monde", "category_labels"),
        ("News > World > Canada", "category_labels"),
        ("Économie | Entreprises", "category_labels"),
        ("Culture • Cinéma", "category_labels"),
        ("À lire aussi : La Russie a fait le bilan de ses relations avec le Maroc", "related_link"),
        ("A lire aussi: Le budget 2026 en cinq chiffres", "related_link"),
        ("Lire aussi Le budget 2026 en cinq chiffres", "related_link"),
        ("LIRE AUSSI. Le budget 2026 en cinq chiffres", "related_link"),
        ("Voir aussi : notre dossier spécial", "related_link"),
        ("Read more: Budget won't be balanced until 2040", "related_link"),
        ("READ MORE: Budget won't be balanced until 2040", "related_link"),
        ("Read also: The budget in five numbers", "related_link"),
        ("Read also The budget in five numbers", "related_link"),
        ("Related: The budget in five numbers", "related_link"),
        ("RELATED: The budget in five numbers", "related_link"),
        ("See also: The budget in five numbers", "related_link"),
        ("Also on HuffPost:", "related_link"),
        ("Partager", "ui"),
        ("Share this article", "ui"),
        ("Publicité", "ui"),
        ("Advertisement", "ui"),
        ("Story continues below advertisement.", "ui"),
        ("The mayor said the bridge would reopen in May. (Jane Roe/The Canadian Press)", "caption"),
        ("Le maire a inauguré la passerelle samedi. (Photo : Jean Martin)", "caption"),
        ("Des manifestants devant la préfecture, mardi. (Crédit photo : AFP)", "caption"),
        ("Jane Roe / PA Images via Getty Images The mayor at the opening of the bridge in May.", "caption"),
        ("Jean Martin/AFP Le maire lors de l'inauguration de la passerelle.", "caption"),
    ],
)
def test_boilerplate_lines(line, kind):
    text = f"Un titre.\nPremière phrase de l'article.\n\n{line}\n\nSuite de l'article."
    spans = find_boilerplate(text)
    start = text.index(line)
    assert spans == [Span(start, start + len(line), kind)]


@pytest.mark.parametrize(
    "line",
    [
        "Related to this, the minister said no.",
        "PARIS / AFP - Le président a déclaré que la France tiendrait ses engagements.",
        "Reuters reported on Monday that the talks had stalled.",
        "Read more books, she said.",
        "See also the report published on Monday.",
        "Advertisement revenue fell by 10 per cent.",
        "International news is changing fast.",
        "Le National a gagné dimanche.",
        "Culture et société",
        "Un cadre institutionnel renforcé",
        "Politique, économie et culture sont liées.",
        "Share prices fell on Tuesday.",
        "Partager les richesses reste un défi.",
        "Publicité mensongère : l'entreprise condamnée.",
        "Sales rose (and profits fell) in 2024.",
        "La loi (votée en 2023/2024) entre en vigueur.",
        "Le ministre a répondu (voir la vidéo).",
    ],
)
def test_boilerplate_no_false_positive(line):
    text = f"Un titre.\nPremière phrase de l'article.\n\n{line}\n\nSuite de l'article."
    assert find_boilerplate(text) == []


def test_boilerplate_nothing_in_ftib():
    for doc in FTIB:
        assert find_boilerplate(doc["text"]) == [], doc["id"]


def test_boilerplate_single_label_only_at_top():
    assert find_boilerplate("International\nLe titre.\nLe texte.") == [
        Span(0, 13, "category_labels")
    ]
    body = "Le titre.\nUn texte.\nUn autre.\nEncore un.\nInternational\nFin."
    assert find_boilerplate(body) == []
