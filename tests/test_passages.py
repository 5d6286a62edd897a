"""Passages of a source: sentences with exact offsets and speaker turns."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.reference.passages import split_passages, turn_label


@pytest.mark.parametrize("line, label", [
    ("M. LAVROV : Nous sommes prêts.", "M. LAVROV"),
    ("Sergueï Lavrov : La Russie soutient.", "Sergueï Lavrov"),
    ("Q: What about the treaty?", "Q"),
    ("MR. SMITH: We agree.", "MR. SMITH"),
    ("LAVROV: Yes, of course.", "LAVROV"),
    ("Question : Que pensez-vous du Sahara ?", "Question"),
    ("Note: this is an editor's note.", None),
    ("Selon le ministère : tout va bien.", None),
    ("the president said: we will win.", None),
])
def test_turn_labels(line: str, label: str | None) -> None:
    m = turn_label(line)
    assert (m.group("label") if m else None) == label


TRANSCRIPT = """Transcription de la conférence de presse.

M. LAVROV : Nous sommes prêts à coopérer. Mais pas à n'importe quel prix.

Question : Que pensez-vous du Sahara ?

Sergueï Lavrov : La Russie soutient une solution politique.

MR. SMITH: We agree.
Q: Really?
LAVROV: Yes.
"""


def test_transcript_turns() -> None:
    ps = split_passages(TRANSCRIPT)
    assert [(p.text, p.speaker) for p in ps] == [
        ("Transcription de la conférence de presse.", None),
        ("Nous sommes prêts à coopérer.", "M. LAVROV"),
        ("Mais pas à n'importe quel prix.", "M. LAVROV"),
        ("Que pensez-vous du Sahara ?", "Question"),
        ("La Russie soutient une solution politique.", "Sergueï Lavrov"),
        ("We agree.", "MR. SMITH"),
        ("Really?", "Q"),
        ("Yes.", "LAVROV"),
    ]
    assert [p.seq for p in ps] == list(range(len(ps)))
    assert all(TRANSCRIPT[p.start:p.end] == p.text for p in ps)


def test_article_without_turns_has_no_speakers() -> None:
    text = "Note: ceci n'est pas un dialogue. Le ministre est arrivé hier.\nIl repart demain."
    assert all(p.speaker is None for p in split_passages(text))


@given(st.text(alphabet=st.sampled_from(list("abc XYZ:.\n?!«»éà")), max_size=200))
@settings(max_examples=100, deadline=None)
def test_offsets_always_exact(text: str) -> None:
    ps = split_passages(text)
    for p in ps:
        assert text[p.start:p.end] == p.text and p.start < p.end
    assert [p.start for p in ps] == sorted(p.start for p in ps)
