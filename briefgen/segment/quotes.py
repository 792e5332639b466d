"""Quotation spans in a body, for sentence splitting: a sentence never starts or ends inside one.

Three families are followed at once, each with its own open quotation: double marks (“ ” „ and the
straight " or two apostrophes ''), guillemets (« » ‹ ›) and single curly marks (‘ ’). Whether a mark
opens or closes comes from the mark and, for the ambiguous ones, from what stands on either side: a
straight quote or a “ opens after a space or an opening bracket and before a word, closes after a word
and before a space or punctuation; a ’ between letters is an apostrophe (don’t, aujourd’hui). A mark that
cannot close anything open is passed over. A quotation still open at a paragraph's end runs to it (the
convention of a quotation continued in the next paragraph, and of text cut short); a blank line closes
every quotation.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

_MARKS = '“”„"«»‹›‘’'
_FAMILY = {"“": "d", "”": "d", "„": "d", '"': "d", "''": "d", "«": "g", "»": "g", "‹": "g", "›": "g"}
_FAMILY.update({"‘": "s", "’": "s"})
_OPENERS = frozenset("„«‹‘")
_CLOSERS = frozenset("»›")
_SURE = {"«": "open", "„": "open", "‹": "open", "»": "close", "›": "close"}
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,«“‘")


def _role(text: str, i: int, mark: str, is_open: bool) -> str | None:
    """``open``, ``close`` or None (not a quotation mark here) for ``mark`` at ``text[i]``."""
    before = text[i - 1] if i else " "
    j = i + len(mark)
    after = text[j] if j < len(text) else " "
    if mark in _OPENERS:
        return "close" if mark == "‘" and is_open and not after.isalnum() else "open"
    if mark in _CLOSERS:
        return "close"
    if mark == "’":
        return "close" if is_open and not (before.isalnum() and after.isalnum()) else None
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = not before.isspace() or not (after.isalnum() or after in "“‘")
    if is_open and closes:
        return "close"
    if opens:
        return "open"
    return "close" if mark == "”" else None


def find_all(text: str, needles: str | tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, needle) of every occurrence of each needle, in text order. ``str.find`` runs at C speed,
    so text without the needles costs next to nothing (a regular expression would scan it in Python's
    slower engine)."""
    found = []
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            found.append((i, needle))
            i = text.find(needle, i + len(needle))
    found.sort()
    return found


def _marks(text: str) -> list[tuple[int, str]]:
    marks = find_all(text, _MARKS)
    if "''" in text:  # two apostrophes standing for a double quotation mark
        pairs = {i for i, _ in find_all(text, ("''",))}
        marks = sorted([*marks, *((i, "''") for i in pairs)])
    return marks


def quote_spans(text: str, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(opening mark, end of the closing mark) of each quotation in ``text``, in order of opening;
    ``breaks`` are where paragraphs start: every quotation ends at a paragraph's end."""
    spans: list[tuple[int, int]] = []
    opened: dict[str, int] = {}
    limits = iter([*breaks[1:], len(text) + 1])
    limit = next(limits)
    for i, mark in _marks(text):
        while i >= limit:
            spans += [(start, limit) for start in opened.values()]
            opened.clear()
            limit = next(limits)
        family = _FAMILY[mark]
        role = _SURE.get(mark) or _role(text, i, mark, family in opened)
        if role == "open" and family not in opened:
            opened[family] = i
        elif role == "close" and family in opened:
            spans.append((opened.pop(family), i + len(mark)))
    spans += [(start, len(text)) for start in opened.values()]
    return sorted(spans)


class Quoted:
    """The union of a text's quotation spans, asked whether a position lies within one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:  # sorted by start: merge overlapping spans
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, position: int) -> bool:
        """After a quotation's opening mark and before the end of its closing mark (a sentence's start,
        or the exclusive end of the sentence before it)."""
        i = bisect.bisect_left(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]
