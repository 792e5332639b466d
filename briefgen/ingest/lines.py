"""Text -> lines with their spans and shape: the units clutter classification works on.

Every non-blank line is one unit, stripped of surrounding whitespace, so each unit is a verbatim slice of
the text. Hard-wrapped text (most lines filled to a similar width of 40-100 characters, paragraphs running
on without blank lines) is the exception: consecutive lines of one paragraph are joined into one unit,
still a verbatim slice (it keeps its single newlines, which sentence splitting treats as spaces).
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from briefgen.ingest import phrases

_RUN = re.compile(r"[^\r\n]+")
_END = re.compile(r"[.!?…。][\"'”’»)\]*_]*$")
_SOFT_END = re.compile(r"[:;,][\"'”’»)\]*_]*$")
_TRUNCATED = re.compile(r"[,;:]\s*(?:\.\.\.|…)$")
_TAIL = re.compile(r"[.!?…][\"'”’»)\]]?(\s+)((?:\S+\s+){0,3}\S+)\s*$")
_KEY = re.compile(r"[^\W_]+")


def key(text: str) -> str:
    """Lower-cased words without punctuation: how lines and phrases are compared."""
    return " ".join(_KEY.findall(text.lower()))


class Line(NamedTuple):
    start: int
    end: int
    text: str  # == source[start:end]
    words: int
    prose: bool  # shaped like body text: ends a sentence, or long
    gap_before: bool  # a blank line (or the start of the text) precedes it
    ended: bool = False  # ends a sentence (".", "!", "?", "…", closing marks after them; not "...")


def is_prose(text: str, words: int) -> bool:
    """Body-shaped: ends with sentence punctuation (not a truncation mark), or is long enough anyway."""
    tail = text[-12:]  # the patterns are anchored at the end: no need to scan a whole paragraph
    if _END.search(tail):
        return not _TRUNCATED.search(tail)
    if _SOFT_END.search(tail):
        return words >= 8
    return words >= 20


def split_lines(text: str, start: int = 0) -> list[Line]:
    """The non-blank lines of ``text`` from ``start`` on, stripped, with hard-wrapped paragraphs joined."""
    raw: list[tuple[int, int, bool]] = []
    last_end = start
    for m in _RUN.finditer(text, start):
        chunk = m.group(0)
        stripped = chunk.strip()
        if not stripped:
            continue
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        sep = text[last_end : m.start()]
        gap = not raw or sep.count("\n") + sep.count("\r") - sep.count("\r\n") > 1
        raw.append((start, start + len(stripped), gap))
        last_end = m.end()
    width = wrap_width(text, raw)
    raw = _join_wrapped(raw, width) if width else _join_broken(text, raw)
    return [_line(text, start, end, gap) for start, end, gap in _split_tails(text, raw)]


def _join_broken(text: str, raw: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Join a line to the previous one when a single line break cut a sentence: no blank line between
    them, the previous line ends without punctuation and this one starts with a lower-case letter."""
    out = [raw[0]] if raw else []
    for start, end, gap in raw[1:]:
        p_start, p_end, p_gap = out[-1]
        last = text[p_end - 1]
        if not gap and (last.isalnum() or last == ",") and text[start].islower():
            out[-1] = (p_start, end, p_gap)
        else:
            out.append((start, end, gap))
    return out


def _split_tails(text: str, raw: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """A known clutter phrase glued after a line's last sentence ("… in April. Share this article")
    becomes a line of its own, so the sentence stays body text and the phrase is dropped as clutter."""
    out = []
    for start, end, gap in raw:
        m = _TAIL.search(text, max(start, end - 60), end)
        tail = key(m[2]) if m else ""
        sentence = m is not None and len(text[start : m.start(1)].split()) >= 6  # not "© 2026 Outlet."
        if m and sentence and (tail in phrases.LINE or tail in phrases.CUT):
            out += [(start, m.start(1), gap), (m.start(2), end, False)]
        else:
            out.append((start, end, gap))
    return out


def _line(text: str, start: int, end: int, gap: bool) -> Line:
    body = text[start:end]
    words = len(body.split()) if len(body) < 300 else body.count(" ") + 1  # long lines: close enough
    return Line(start, end, body, words, is_prose(body, words), gap, ended(body))


_ENDED = re.compile(r"[.!?…][\"'”’»)\]]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")


def ended(text: str) -> bool:
    """Whether ``text`` ends a sentence (a truncation mark does not)."""
    tail = text[-8:]
    return bool(_ENDED.search(tail)) and not _ELLIPSIS.search(tail)


def wrap_width(text: str, raw: list[tuple[int, int, bool]]) -> int | None:
    """The fill width when the text is clearly hard-wrapped, else None."""
    if len(raw) < 6:
        return None
    lengths = sorted(end - start for start, end, _ in raw)
    width = lengths[int(len(lengths) * 0.9) - 1]
    if not 40 <= width <= 100:
        return None
    full = [end - start >= width * 0.75 for start, end, _ in raw]
    runs = sum(1 for i in range(len(raw) - 1) if full[i] and not raw[i + 1][2] and not _ends(text, raw[i]))
    return width if runs >= len(raw) * 0.3 else None


def _ends(text: str, span: tuple[int, int, bool]) -> bool:
    return bool(_END.search(text[max(span[0], span[1] - 12) : span[1]]))


def _join_wrapped(raw: list[tuple[int, int, bool]], width: int) -> list[tuple[int, int, bool]]:
    """Join a line to the previous one when that one was filled to the width and no blank line parts them."""
    out = [raw[0]]
    for (p_start, p_end, _), (start, end, gap) in itertools.pairwise(raw):
        if p_end - p_start >= width * 0.75 and not gap:
            out[-1] = (out[-1][0], end, out[-1][2])
        else:
            out.append((start, end, gap))
    return out
