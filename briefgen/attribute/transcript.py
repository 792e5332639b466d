"""Transcript turns: a paragraph that opens with a speaker's name in capitals and a colon is that speaker's
words, as interviews, debates and hearings are printed ("PENCE: Well, …", "« LE DRIAN : Nous … »").

A capitalised word and a colon opening a paragraph is also how pages print their clutter ("UPDATE:",
"WATCH:", "EDITOR'S NOTE:"), so a label is a speaker only when it names a person of the article
("PENCE" for Mike Pence) or when the article is a dialogue: at least two labels taking at least three
turns between them. Every sentence of the turn's paragraph is the speaker's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

_CAP = "A-ZÀ-ÖØ-Þ"
_LABEL = rf"[{_CAP}][{_CAP}'’.-]+(?:[ \u00a0][{_CAP}][{_CAP}'’.-]+){{0,3}}"
_TURN = re.compile(rf"[\"“«]?[ \u00a0]?(?P<label>{_LABEL})[ \u00a0]?:\s+\S")
_PARAGRAPH = re.compile(r"(?:^|\n\n)(?=\S)")

DIALOGUE_LABELS = 2  # labels, and turns between them, that make an article a dialogue
DIALOGUE_TURNS = 3


def turn_label(text: str) -> tuple[int, int] | None:
    """Where the speaker's label is, when ``text`` (a paragraph's opening) opens a turn."""
    m = _TURN.match(text)
    return m.span("label") if m is not None else None


def spoken_name(label: str) -> str:
    """The label as a name is written ("PENCE" -> "Pence", "LE DRIAN" -> "Le Drian")."""
    return " ".join(word.capitalize() if "'" not in word and "’" not in word else word.title()
                    for word in label.split())  # fmt: skip


class Turns:
    """The turns of one article body: which labels are speakers."""

    def __init__(self, body: str, is_person: Callable[[str], bool]) -> None:
        labels: Counter[str] = Counter()
        for m in _PARAGRAPH.finditer(body):
            span = turn_label(body[m.end() : m.end() + 120])
            if span is not None:
                labels[body[m.end() + span[0] : m.end() + span[1]]] += 1
        dialogue = len(labels) >= DIALOGUE_LABELS and sum(labels.values()) >= DIALOGUE_TURNS
        self.speakers = {label for label in labels if dialogue or is_person(spoken_name(label))}

    def speaker(self, text: str) -> tuple[int, int] | None:
        """The span of the label, when ``text`` opens a paragraph with a speaker's turn."""
        span = turn_label(text)
        return span if span is not None and text[span[0] : span[1]] in self.speakers else None
