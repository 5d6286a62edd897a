"""Reference sources as passages: sentences with their offsets and speaker turns.

Pure: `split_passages` cuts a source into `PassageSpan`s. verifier.db.passages stores them
and aligns quotes against the stored sources (the store-level side of verifier.check.align)."""
from __future__ import annotations

import re
from typing import NamedTuple

from verifier.text import split_sentences


class PassageSpan(NamedTuple):
    seq: int
    start: int
    end: int
    text: str
    speaker: str | None


_TITLE = r"(?:M|MM|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr|Pr|Prof|Sen|Rep|Gen|Gov|Pres)\.?"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_TURN = re.compile(
    rf"(?P<label>(?:{_TITLE}\s+)?{_NAME}(?:[ \u00a0](?:{_NAME}|de|du|von|van|al|el|bin)){{0,3}}"
    r"|Q|R|A|Question|Réponse|Answer|Journaliste|Journalist)"
    r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]+(?=\S)",
    re.IGNORECASE,
)
# Labels that precede a colon in ordinary articles without being a speaker turn.
_NOT_SPEAKERS = frozenset(
    "note source sources photo photos crédit credit crédits credits lire aussi voir aussi "
    "update mise à jour titre title résumé summary attention warning avertissement exemple "
    "example par by selon according to with avec contact tags mots-clés keywords".split())


def turn_label(line: str) -> re.Match[str] | None:
    """The speaker label at the start of `line` ("M. LAVROV :", "Q:", "Sergueï Lavrov :")."""
    m = _TURN.match(line)
    if not m:
        return None
    label = m.group("label")
    words = label.replace("\u00a0", " ").split()
    if len(label) > 40 or any(w.lower().strip(".") in _NOT_SPEAKERS for w in words[:1]):
        return None
    # A name is capitalised ("Lavrov") or all capitals ("LAVROV"); IGNORECASE let lower-case
    # words through for the connectors only.
    if not all(w[0].isupper() or w in ("de", "du", "von", "van", "al", "el", "bin") for w in words):
        return None
    return m


def split_passages(text: str, lang: str = "fr") -> list[PassageSpan]:
    """Sentences of a source with offsets into `text`; in a transcript (two or more speaker
    turns), each passage carries the speaker of the turn it belongs to and a sentence that
    opens a turn starts after its label. A turn lasts until the next label."""
    sentences = split_sentences(text, lang)
    labels: list[tuple[int, int, str]] = []  # (line start, text start, label)
    for line in re.finditer(r"(?m)^[ \t]*(.+)$", text):
        m = turn_label(line.group(1))
        if m:
            labels.append((line.start(1), line.start(1) + m.end(), m.group("label")
                           .replace("\u00a0", " ")))
    transcript = len(labels) >= 2
    out: list[PassageSpan] = []
    speaker: str | None = None
    k = 0
    for s in sentences:
        start = s.start
        if transcript:
            while k < len(labels) and labels[k][0] <= s.start:
                speaker = labels[k][2]
                k += 1
            if k and labels[k - 1][0] <= s.start < labels[k - 1][1]:
                start = labels[k - 1][1]  # the sentence opens the turn: drop the label
        if start >= s.end:
            continue  # a fragment of the label itself ("MR." split off "SMITH:")
        out.append(PassageSpan(len(out), start, s.end, text[start:s.end], speaker))
    return out
