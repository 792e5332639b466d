"""Quotation spans in an article body: curly, straight and French guillemets, single curly quotes used as
quotation marks (not apostrophes), and quotations that run over several paragraphs (the English habit
of reopening each paragraph with a quotation mark and closing only the last one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_CLOSERS = {"“": "”", "«": "»", '"': '"', "‘": "’", "„": "“"}
_MARK = re.compile(r"[“”«»\"‘’„]")
_OPENING_CONTEXT = " \t\n([{—–-:/"


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks (offset into the body)
    end: int  # the closing mark (exclusive end of the quoted text)
    chain: int  # quotes continued across paragraphs share a chain number


def _opens(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in '"‘':
        return before in _OPENING_CONTEXT and not after.isspace()
    return True


def _closes(text: str, i: int, mark: str) -> bool:
    if mark != "’":
        return True
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _paragraph_quotes(body: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotes in body[start:end], and where a quote left open at the paragraph's end began."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _MARK.finditer(body, start, end):
        i, ch = m.start(), m.group(0)
        if open_at is not None:
            if ch == closer and _closes(body, i, ch):
                found.append((open_at + 1, i))
                open_at = None
        elif ch in _CLOSERS and _opens(body, i, ch):
            open_at, closer = i, _CLOSERS[ch]
    return found, open_at


def _paragraphs(body: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in body.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def find_quotes(body: str) -> tuple[Quote, ...]:
    """Every quotation in ``body``. An unclosed quotation counts only when the next paragraph reopens one."""
    out: list[Quote] = []
    chain = 0
    carried = False
    paragraphs = _paragraphs(body)
    for n, (p_start, p_end) in enumerate(paragraphs):
        closed, open_at = _paragraph_quotes(body, p_start, p_end)
        for q_start, q_end in closed:
            out.append(Quote(q_start, q_end, chain))
            carried = False
            chain += 1
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is not None and body[nxt : nxt + 1] in _CLOSERS:
                out.append(Quote(open_at + 1, p_end, chain))
                carried = True
                continue
        if carried:
            chain += 1
            carried = False
    return tuple(out)


def spans_in(quotes: Sequence[Quote], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quoted spans overlapping body[start:end], clipped to it."""
    return tuple((max(q.start, start), min(q.end, end)) for q in quotes if q.start < end and q.end > start)


def mask(text: str, offset: int, quotes: Sequence[Quote]) -> str:
    """``text`` (found at ``offset`` in the body) with quoted characters replaced by "x"."""
    inside = [q for q in quotes if q.start < offset + len(text) and q.end > offset]
    if not inside:
        return text
    chars = list(text)
    for q in inside:
        for i in range(max(q.start - offset, 0), min(q.end - offset, len(chars))):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)
