"""The date and the publisher an article's own page states, read from the lines around its body.

Each clue is ranked by where it stands and what form it takes, the best kept:

- dates: on the lines between the headline and the body (or opening the first paragraph) first; then
  above the headline (a site's "today" widget comes there); then below the body;
- publisher: a credit (``By A and B, Outlet``, ``From Outlet with agencies``, ``Source: Outlet``, an
  outlet's name alone under the headline) first; then a dateline's agency or a wire tag, and a name
  signing off below the body; then a masthead above the headline; a copyright owner last.

A publisher is outlet-shaped (an acronym, one word, ``The …``/``Le …``, or a name with a word such as
Press, News or Agence) and is never a weekday, a month, a section label, a breadcrumb, a person's name
or a role; the line right above the headline (a section label there) is never read as one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.ingest.lines import Line
from briefgen.ingest.meta import Prefix, byline_publisher, copyright_owner, dateline_publisher, find_date
from briefgen.ingest.phrases import words

NO_DATES = frozenset({"caption", "teaser"})
CREDIT_WORDS = 12
"""Credit and masthead lines are short: longer lines are not read for a publisher (copyright lines
are, whatever their length)."""
_FROM = re.compile(r"^(?:from|de)\s+(.+?)(?:\s+(?:with|avec)\s+.*)?$", re.I)
_SOURCE = re.compile(r"^(?:source|sources|crédit)\s*:\s*(.+)$", re.I)
_BY_COMMA = re.compile(r"^(?:by|par)\s+[^,]+,\s*([^,]+)$", re.I)
_CREDIT_GATE = re.compile(r"^(?i:by|par|from|de|source|sources|crédit)\b|\s[|·•]\s|\d")
_WITH = re.compile(r"^(?:with|avec)\s+", re.I)
_NAME = re.compile(r"^[A-ZÀ-Þ][\w&.'’ -]{0,50}$")
_ARTICLE = re.compile(r"^(?:The|Le|La|Les|L['’])\s?[A-ZÀ-Þ]")


HEADER_PARAGRAPHS = 3
"""Lines among the first body paragraphs (a standfirst, then the date) still count as the header."""


@dataclass(frozen=True)
class Landmarks:
    """Where a page's headline (None without one), body and header end stand, as line indices."""

    headline: int | None
    first: int  # the first body line
    header_end: int  # the last line still read as header: the HEADER_PARAGRAPHS-th body line
    last: int  # the last body line

    @classmethod
    def of(cls, labels: Sequence[str | None]) -> Landmarks:
        headline = next((i for i, label in enumerate(labels) if label == "headline"), None)
        body = [i for i, label in enumerate(labels) if label is None] or [len(labels)]
        return cls(headline, body[0], body[min(len(body), HEADER_PARAGRAPHS) - 1], body[-1])

    def inside(self, i: int) -> bool:
        """Within the body, past the header."""
        return self.header_end < i < self.last


def header_date(
    lines: Sequence[Line], labels: Sequence[str | None], prefixes: Mapping[int, Prefix], lang: str = "en"
) -> dt.date | None:
    """The best-ranked date stated around the body (see the module's docstring)."""
    at = Landmarks.of(labels)
    found: list[tuple[int, int, dt.date]] = []
    for i, line in enumerate(lines):
        stated = prefixes[i].date if i in prefixes else None
        if labels[i] is None and stated:
            found.append((0, i, stated))
        if labels[i] is None or labels[i] in NO_DATES or line.words > 20 or at.inside(i):
            continue
        date = find_date(line.text, lang)
        if date:
            rank = 2 if i > at.last else 1 if at.headline is not None and i < at.headline else 0
            found.append((rank, i, date[0]))
    return min(found)[2] if found else None


def header_publisher(
    lines: Sequence[Line], labels: Sequence[str | None], prefixes: Mapping[int, Prefix]
) -> str | None:
    """The best-ranked outlet named around the body (see the module's docstring)."""
    at = Landmarks.of(labels)
    found: list[tuple[int, int, str]] = []
    for i in range(len(lines)):
        if labels[i] is None:
            tag = prefixes[i].publisher if i in prefixes else None
            if tag:
                found.append((2, i, tag))
        elif not at.inside(i) or labels[i] in ("clutter", "footer"):
            found += [(rank, i, name) for rank, name in _clues(lines, i, labels[i], at)]
    return min(found)[2] if found else None


def _clues(lines: Sequence[Line], i: int, label: str | None, at: Landmarks) -> list[tuple[int, str]]:
    """(rank, outlet) for what line ``i`` (not body text, labelled ``label``) says of the publisher."""
    text = lines[i].text.strip(" •·*-–—_|")
    if "©" in text or "opyright" in text or "(c)" in text or "(C)" in text:
        owner = copyright_owner(text)
        return [(4, owner)] if owner else []
    if lines[i].words > CREDIT_WORDS:
        return []
    credit = _credit(text) if _CREDIT_GATE.search(text) else None
    if credit:
        return [(1, credit)]
    name = _outlet(_WITH.sub("", text)) if label != "caption" else None  # a picture's credit is not one
    if name is None:
        return []
    under_headline = at.headline is not None and at.headline < i < at.first
    if under_headline or (at.headline is None and i < at.first and i < 3):
        return [] if _tag(name, lines, at.first) else [(1 if under_headline else 2, name)]
    if i > at.last:
        return [(2, name)]
    above = at.headline is not None and i < at.headline - 1
    return [(3, name)] if above and i < 5 else []


def _credit(text: str) -> str | None:
    """The outlet of a credit line: ``By A, Outlet``, ``From Outlet with …``, ``Source: Outlet``, or a
    ``By Name | Outlet | date`` or ``date Outlet`` line."""
    for pattern in (_BY_COMMA, _FROM, _SOURCE):
        m = pattern.match(text)
        if m:
            name = _outlet(_strip_roles(m[1].strip(" .")))
            if name:
                return name
    name = byline_publisher(text)
    found = find_date(text)
    if not name and found:
        name = dateline_publisher(text, found[1], found[2])
    return _outlet(name) if name and name != text else None


def _strip_roles(name: str) -> str:
    """The name without trailing role words ("Coastal Times Reporter"); empty when what they follow is
    not itself outlet-shaped beyond one word ("Security Editor": a beat, not an outlet)."""
    ws = name.split()
    stripped = False
    while ws and ws[-1].lower() in words("role"):
        ws.pop()
        stripped = True
    rest = " ".join(ws)
    if stripped and not (_ARTICLE.match(rest) or {w.lower() for w in ws} & words("outlet") or rest.isupper()):
        return ""
    return rest


def _outlet(name: str) -> str | None:
    """``name`` when it is shaped like an outlet's name, else None."""
    name = _strip_roles(name.strip(" .,;:•·*-–—_|"))
    ws = name.split()
    if not ws or len(ws) > 6 or not _NAME.match(name) or any(c.isdigit() for c in name):
        return None
    lowered = {w.lower().strip(".,'’") for w in ws}
    if lowered & (words("weekday") | words("month")) or lowered <= (words("section") | words("ui")):
        return None
    acronym = len(ws) == 1 and name.isupper() and 2 <= len(name) <= 8
    one = len(ws) == 1 and name.isalpha()
    if acronym or one or _ARTICLE.match(name) or lowered & words("outlet"):
        return name
    return None


def _tag(name: str, lines: Sequence[Line], first: int) -> bool:
    """A name whose words the body uses (a topic tag such as "France Mali"), not an outlet."""
    body = " ".join(line.text for line in lines[first : first + 5]).lower()
    return all(w.lower() in body for w in name.split())


_SUFFIX = re.compile(r"^(.{12,}?)\s+[|–—-]\s+([^|–—-]{1,40})$")


def title_without_suffix(title: str, publisher: str | None) -> str:
    """A headline without a site's suffix: " – politics", " | Kelo Press" (a section label or the
    outlet's own name after a dash or a bar)."""
    m = _SUFFIX.match(title)
    if m is None:
        return title
    tail = m[2].strip()
    lowered = {w.lower() for w in tail.split()}
    if (publisher and tail.lower() == publisher.lower()) or lowered <= words("section"):
        return m[1].rstrip()
    return title
