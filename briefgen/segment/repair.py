"""Repairs to a body's sentence cuts (the offsets where sentences start), each for a class of cases a
Punkt model gets wrong on news prose:

- quotations: a cut inside a quotation is moved to just after its closing mark when only closing
  punctuation stands between them, else removed (a quoted passage of several sentences stays whole);
- continuations: a cut before a lower-case word is removed ("Yahoo! in the", "“Great!” she said");
- initials: "you and I. Did" is cut after the initial when a function word follows it (an initial
  followed by a name, "Albert I. Jones", is not; nor a French "M." before a name);
- enumerations: a paragraph listing two or more numbered or lettered items inline ("1) … 2) …",
  "a. … b. …", "• 9. … • 10. …") is cut before each item and never just after an item's marker.

Candidates are found with ``str.find`` rather than regular expressions: they are rare, and a scan for
them must cost little next to the Punkt model itself.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence

from briefgen.segment.quotes import Quoted, find_all, quote_spans

_CLOSING = "\"'”’»›)]"
_BULLETS = "•⁃▪◦"
STARTERS = frozenset(
    """a an the this that these those there here it its he she they we you i his her their our my
    did do does is was were are has had have will would can could should may might must but and or so
    yet then in on at for from with by as if when while after before since what who how why where which
    le la les un une des ce cette ces il elle ils elles nous vous on je mais et ou donc puis en dans pour
    avec par sur selon depuis lors quand si""".split()
)

Marker = tuple[int, int, int]  # start (bullet included), end (after "." or ")"), value (1 for "1" or "a")


def repair(text: str, cuts: Iterable[int], breaks: Sequence[int], lang: str = "en") -> list[int]:
    """The sentence starts of ``text`` after every repair: ``cuts`` come from a Punkt model, ``breaks``
    are where paragraphs start (always kept)."""
    stops = find_all(text, (". ", ".\n"))
    markers = _enumeration(text, stops, breaks)
    candidates = [*cuts, *_initial_cuts(text, stops, lang)]
    starts = {start for start, _, _ in markers}
    if markers:
        candidates = [c for c in candidates if not any(s < c <= e + 1 for s, e, _ in markers)]
        candidates += starts
    quoted = Quoted(quote_spans(text, breaks))
    out = set(breaks)
    for cut in candidates:
        if cut in out or cut <= 0 or cut >= len(text):
            continue
        moved = cut if cut in starts else _out_of_quote(text, cut, quoted)
        if moved is not None and moved < len(text) and (moved in starts or not text[moved].islower()):
            out.add(moved)
    return sorted(out)


def _end_before(text: str, cut: int) -> int:
    """The exclusive end of the sentence before ``cut`` (whitespace left out)."""
    end = cut
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _out_of_quote(text: str, cut: int, quoted: Quoted) -> int | None:
    """``cut``, or where it lands once moved past closing marks, or None when it lies inside a quotation."""
    end = _end_before(text, cut)
    if end not in quoted and cut not in quoted:
        return cut
    i = end
    while i < len(text) and text[i] in _CLOSING:
        i += 1
    if i == end or i >= len(text) or not text[i].isspace():
        return None
    while i < len(text) and text[i].isspace():
        i += 1
    return None if i in quoted or _end_before(text, i) in quoted else i


def _initial_cuts(text: str, stops: list[tuple[int, str]], lang: str) -> list[int]:
    """Cuts after a capital letter and a full stop when a function word follows ("you and I. Did")."""
    out = []
    for i, _ in stops:
        if i < 1 or not text[i - 1].isupper() or (i >= 2 and (text[i - 2].isalnum() or text[i - 2] == ".")):
            continue
        if lang == "fr" and text[i - 1] == "M":
            continue
        start = i + 2
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
        if end > start and text[start].isupper() and text[start:end].lower() in STARTERS:
            out.append(start)
    return out


def _enumeration(text: str, stops: list[tuple[int, str]], breaks: Sequence[int]) -> list[Marker]:
    """The item markers of inline enumerations: two or more in one paragraph (paragraphs start at
    ``breaks``), numbered or lettered in sequence."""
    ends = sorted([i for i, _ in stops] + [i for i, _ in find_all(text, (") ",))])
    found = [m for m in (_marker(text, i) for i in ends if _could_mark(text, i)) if m is not None]
    out: list[Marker] = []
    run: list[Marker] = []
    for m in [*found, None]:
        if run and (m is None or _paragraph(breaks, m[0]) != _paragraph(breaks, run[0][0])):
            if len(run) >= 2 and all(b[2] == a[2] + 1 for a, b in itertools.pairwise(run)):
                out += run
            run = []
        if m is not None:
            run.append(m)
    return out


def _could_mark(text: str, i: int) -> bool:
    """A cheap first look: an item marker's "." or ")" (or ".)") follows a digit or a lone lower-case
    letter."""
    if text[i] == ")" and text[i - 1 : i] == ".":
        i -= 1  # "2.)"
    before = text[i - 1 : i]
    return before.isdigit() or (before.islower() and not text[i - 2 : i - 1].isalnum())


def _paragraph(breaks: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(breaks, offset)


def _marker(text: str, i: int) -> Marker | None:
    """The item marker ending with the "." or ")" at ``text[i]`` ("2.", "2)", "2.)", "b.", "• 10.")."""
    end = i + 1
    if text[i] == ")" and i and text[i - 1] == ".":
        i -= 1
    start = i
    while start > 0 and i - start < 2 and text[start - 1].isdecimal():
        start -= 1
    if start == i and i and text[i - 1].islower() and text[i - 1].isascii():
        start -= 1
    if start == i:
        return None
    token = text[start:i]
    value = int(token) if token.isdecimal() else ord(token) - ord("a") + 1
    lead = start
    while lead > 0 and text[lead - 1] == " ":
        lead -= 1
    if lead > 0 and text[lead - 1] in _BULLETS:
        return lead - 1, end, value
    before = text[start - 1] if start else " "
    return (start, end, value) if before.isspace() else None
