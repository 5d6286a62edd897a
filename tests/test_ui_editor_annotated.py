"""The editor reads the draft annotated: the draft first, each claim numbered, its note beside
its line saying what to fix for that claim (not a generic sentence per group); quotes of the
headline with their speaker; every piece of the draft and of the notes escaped."""
from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as hs

from verifier.claims import CheckedClaim, Finding, PassageEvidence, QuoteClaim, TemporalClaim
from verifier.ui import findings, highlight

from .test_ui_highlight import HOSTILE, visible
from .test_ui_support import SEED, Seeded, html_of, seeded, sign_in

__all__ = ["seeded"]


def check(at, text: str):  # type: ignore[no-untyped-def]
    at.text_area(key="editor_text").input(text)
    at.button(key="editor_check").click().run()
    assert not at.exception, at.exception
    return at


def _rows(out: str) -> list[tuple[str, str]]:
    """(line text, notes text) of each row of the annotated draft."""
    body = out.split('<div class="vf-doc vf-annotated">', 1)[1]
    cells = re.findall(r'<div class="vf-(line|notes)[^"]*">(.*?)</div>(?=<div class="vf-(?:line|notes)|</div>$)',
                       body, flags=re.S)
    lines = [visible(c) for kind, c in cells if kind == "line"]
    notes = [visible(c) for kind, c in cells if kind == "notes"]
    return list(zip(lines, notes, strict=True))


def test_each_note_sits_in_the_row_of_the_line_its_claim_starts_in() -> None:
    text = "Titre\n\nUne ligne avec huit ans dedans.\nUne autre ligne, sans rien.\nEt la fin, 2016."
    a, b = text.index("huit ans"), text.index("2016")
    spans = [highlight.Span(a, a + 8, "temporal", "contradicted", 0),
             highlight.Span(b, b + 4, "temporal", "consistent", 1)]
    notes = [highlight.Note(1, a, a + 8, "✗ Contradicted", "contradicted", "Write « neuf ans »"),
             highlight.Note(2, b, b + 4, "✓ Consistent", "consistent")]
    rows = _rows(highlight.annotated_html(text, spans, notes))
    assert [r[0] for r in rows] == ["Titre", "Une ligne avec huit ans1 dedans.",
                                    "Une autre ligne, sans rien.", "Et la fin, 20162."]
    assert [r[1] for r in rows] == ["", "1 ✗ ContradictedWrite « neuf ans »", "", "2 ✓ Consistent"]


def test_the_annotated_draft_escapes_the_text_and_the_notes() -> None:
    text = f"{HOSTILE}\n\nhuit ans {HOSTILE}"
    a = text.index("huit ans")
    out = highlight.annotated_html(
        text, [highlight.Span(a, a + 8, "temporal", "<b>", 0, HOSTILE)],
        [highlight.Note(1, a, a + 8, HOSTILE, "contradicted", HOSTILE, (HOSTILE,), HOSTILE)])
    assert "<script" not in out and "<img" not in out and "<a " not in out and "<b>" not in out
    assert set(re.findall(r"<(/?\w+)", out)) <= {"style", "/style", "div", "/div", "mark",
                                                  "/mark", "span", "/span"}
    # Twice in the text; the note's head, fix and line (its tip is an escaped attribute).
    assert visible(out.split("</style>")[-1]).count(html.unescape(HOSTILE)) == 5
    assert f'title="{html.escape(HOSTILE, quote=True)}"' in out


def test_a_note_says_what_to_fix_for_its_claim_and_a_quote_who_said_it() -> None:
    claim = TemporalClaim(text="huit ans", start=0, end=8, timex_type="DURATION", value="P8Y")
    checked = CheckedClaim(claim, Finding(finding="contradicted", explanation="9 years, not 8."))
    note = findings.note_for(3, checked, "Write « neuf ans » instead of « huit ans »: …")
    assert (note.head, note.fix) == ("✗ Contradicted · date or duration",
                                     "Write « neuf ans » instead of « huit ans »: …")
    quote = QuoteClaim(text="« Q »", start=0, end=5, speaker="un diplomate", anonymous=True)
    moved = PassageEvidence(source_title="s.txt", source_url=None, source_sha256=None, start=0,
                            end=1, score=100,
                            method="align", cls="verbatim", speaker="M. LAVROV",
                            misattributed=True)
    checked = CheckedClaim(quote, Finding(finding="contradicted", explanation="Misattributed.",
                                          evidence=(moved,)))
    note = findings.note_for(1, checked, "Attribute these words to M. LAVROV: …", headline=True)
    assert note.head == "✗ Misattributed quote"
    assert note.lines == ("In the headline, said by un diplomate",)
    # Without a specific fix, the group's, and the explanation.
    note = findings.note_for(1, checked, None)
    assert note.fix is not None and note.fix.startswith("Quote the speaker's exact words")
    assert "Misattributed." in note.lines


def test_the_seed_is_annotated_with_specific_fixes(seeded: Seeded) -> None:
    at = check(sign_in("eddie"), SEED.read_text(encoding="utf-8"))
    page = html_of(at)
    assert 'class="vf-doc vf-annotated"' in page
    notes = visible(page)
    assert "Write « neuf ans » instead of « huit ans »: Morocco–Russia Deepened Strategic " \
           "Partnership (signing of the declaration) dates from 15 March 2016" in notes
    assert "Quote the words the source has: « Nous considérons la Russie comme un partenaire " \
           "proche et cher, un acteur sérieux sur la scène internationale, et surtout un " \
           "négociateur honnête et fiable »" in notes
    assert "Attribute these words to M. LAVROV" in notes
    assert "Correct the claim to match the evidence" not in notes  # the old generic advice
    # One numbered note per claim, in order.
    n = len(re.findall(r'class="vf-note ', page))
    assert n >= 11 and all(f'id="note-{i}"' in page for i in range(1, n + 1))
    # The draft comes first; the evidence is folded below it.
    kinds = [el.type for el in at.main]
    assert [e.label for e in at.expander] == ["Evidence behind the notes"]
    assert kinds.index("html") < kinds.index("expander")


def test_headline_quotes_are_shown_with_their_speaker(seeded: Seeded) -> None:
    draft = ("« Un partenaire digne de confiance » : Bourita salue la Russie\n\n"
             "Moscou, 16 octobre 2025. Le ministre Nasser Bourita a rencontré Sergueï Lavrov, "
             "huit ans après la signature du Partenariat stratégique approfondi.\n")
    at = check(sign_in("eddie"), draft)
    shown = [t.value for t in at.text if t.value.startswith("Quoted in the headline:")]
    assert shown and shown[0].splitlines()[1].startswith(
        "« Un partenaire digne de confiance » — Bourita (Nasser Bourita) · ")
    assert "In the headline, said by Bourita (Nasser Bourita)" in visible(html_of(at))

_spans = hs.lists(hs.tuples(hs.integers(0, 50), hs.integers(0, 50), hs.text(max_size=12)),
                  max_size=6)


@settings(max_examples=150, deadline=None)
@given(text=hs.text(alphabet=hs.sampled_from(list("ab <>&\"'\n«»é")), max_size=50), raw=_spans)
def test_the_annotated_lines_are_the_document_text(text: str, raw: list) -> None:
    """Whatever the text and the notes: the lines shown are the text's non-blank lines, and
    the only tags are the module's own."""
    spans, notes = [], []
    for i, (a, b, words) in enumerate(raw):
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        spans.append(highlight.Span(a, b, "quote", "contradicted", i))
        notes.append(highlight.Note(i + 1, a, b, words, "contradicted", words, (words,), words))
    out = highlight.annotated_html(text, spans, notes)
    assert set(re.findall(r"<(/?\w+)", out)) <= {"style", "/style", "div", "/div", "mark",
                                                  "/mark", "span", "/span"}
    body = re.sub(r'<span class="vf-n">\d+</span>', "", out.split("</style>")[-1])
    lines = [visible(c) for c in re.findall(r'<div class="vf-line[^"]*">(.*?)</div><div class="vf-notes',
                                             body, flags=re.S)]
    assert lines[:len([ln for ln in text.split("\n") if ln.strip()])] == \
        [ln for ln in text.split("\n") if ln.strip()]
