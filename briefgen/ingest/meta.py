"""Metadata read from the text itself: dates, publisher/wire tags, dateline prefixes, language.

Dates: an ISO date is read directly; other spans shaped like "4 March 2025" or "February 19, 2026" are
read by ``strptime`` when English, else confirmed by dateparser (imported on first use, results
cached), so no month table lives here. A date
that is not found is None, never guessed: a day and month without a year give nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(r"(?<!\w)\d{1,2}(?:st|nd|rd|th|er)?\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}(?!\d)")
_MONTH_DAY_YEAR = re.compile(r"(?<!\w)[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)")
_NAME = re.compile(r"^[A-Z][\w&.'’ -]{1,50}$")
_WIRE_TAG = re.compile(r"^\(([A-Z][\w&.'’ -]{1,40}?)\)\s*(?:[—–-]+\s*)?(?=\S)")
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ'’. -]{1,30}[A-ZÀ-Þ]"  # city in capitals
    r"(?:\s*,\s*(?P<when>[^()—–\n]{1,40}?))?"  # optional date
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"  # optional agency
    r"\s*(?:—|–|--|\s-)\s*(?=\S)"
)
_BY = re.compile(r"^(?:by|par|written by|reporting by)\s", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_EN = frozenset("the and of to in is that for with was on said by as are it from has have were this".split())
_FR = frozenset("le la les des et est une du dans pour que qui sur au aux pas avec été ont sont".split())


@dataclass(frozen=True)
class Prefix:
    """A dateline or wire tag opening a paragraph: its length, and what it says."""

    length: int
    reason: str
    publisher: str | None = None
    date: dt.date | None = None


_STAMP_LEAD = re.compile(r"\A\s*date\s*:?\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?(?=\s|\Z)[ \t]*", re.I)


@dataclass(frozen=True)
class Stamp:
    """A crawler's ``date 2025-08-06`` (or ``date 2024-10``) opening a text: the date it states, how
    much of it (``day``, ``month`` or ``year``), and where the text after it starts."""

    date: dt.date
    precision: str
    end: int


def leading_stamp(text: str) -> Stamp | None:
    """The date stamp opening ``text``, if any; a month or year alone gives the first day of it."""
    m = _STAMP_LEAD.match(text)
    if m is None:
        return None
    try:
        date = dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    precision = "day" if m[3] else "month" if m[2] else "year"
    return Stamp(date, precision, m.end()) if _plausible(date) else None


def find_date(text: str, lang: str = "en") -> tuple[dt.date, int, int] | None:
    """The first full date (day, month, year) in ``text`` and its span, or None. Numeric dates
    ("14/02/2026", "14.02.2026") are read day first in French; in English only when the order shows
    (a part above 12), since 03/04/2026 is March in one country and April in another."""
    if not _YEAR.search(text):
        return None
    for m in _ISO.finditer(text):
        with_date = _iso(m)
        if with_date:
            return with_date, m.start(), m.end()
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            found = _parse(m.group(0))
            if found:
                return found, m.start(), m.end()
    for m in _NUMERIC.finditer(text):
        numeric = _numeric(int(m[1]), int(m[2]), int(m[3]), lang)
        if numeric:
            return numeric, m.start(), m.end()
    return None


_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/.])")


def _numeric(first: int, second: int, year: int, lang: str) -> dt.date | None:
    if first > 12 or (lang == "fr" and second <= 12):
        day, month = first, second
    elif second > 12:
        day, month = second, first
    else:
        return None  # 03/04/2026 in English: no date rather than a wrong one
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _iso(m: re.Match[str]) -> dt.date | None:
    try:
        return _plausible(dt.date(int(m[1]), int(m[2]), int(m[3])))
    except ValueError:
        return None


def _plausible(date: dt.date) -> dt.date | None:
    return date if 1900 <= date.year <= dt.date.today().year + 1 else None


_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_ENGLISH = ("%B %d %Y", "%d %B %Y", "%b %d %Y", "%d %b %Y")


def _english(span: str) -> dt.date | None:
    """``span`` read by the standard library's own English month names (``strptime`` in the C locale
    Python starts in): the common case, without dateparser's start-up cost."""
    flat = " ".join(_ORDINAL.sub("", span).replace(",", " ").replace(".", " ").split())
    for fmt in _ENGLISH:
        try:
            return _plausible(dt.datetime.strptime(flat, fmt).date())
        except ValueError:
            continue
    return None


@functools.lru_cache(maxsize=8192)
def _parse(span: str) -> dt.date | None:
    english = _english(span)
    if english is not None:
        return english
    import dateparser  # slow to start: only for spans in other forms or languages

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        found = dateparser.parse(span, languages=["en", "fr"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return _plausible(found.date()) if found else None


def parse_date_value(value: object) -> dt.date | None:
    """A date from a metadata field (front matter, JSON, HTML): date objects, ISO or written dates."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    found = find_date(value)
    return found[0] if found else None


_STAMP = re.compile(  # "Published on", "Updated", "Mis à jour le": words around a date, not an outlet
    r"(?:last\s+)?(?:published|updated|posted|modified|publié|mis\s+à\s+jour|modifié|date)\b", re.IGNORECASE
)


def dateline_publisher(text: str, start: int, end: int, reject: frozenset[str] = frozenset()) -> str | None:
    """The name glued after (or before) a date on a dateline: ``February 19, 2026Clash Report``.

    Names whose lower-cased form is in ``reject`` (known clutter such as "Share") are passed over.
    """
    for rest in (text[end:], text[:start]):
        for field in re.split(r"\s[|·•]\s", rest):
            name = field.strip(" |-—–,·•:*_\t")
            stamp = _STAMP.match(name)
            if _is_name(name) and not _BY.match(name) and not stamp and name.lower() not in reject:
                return name
    return None


def byline_publisher(text: str, reject: frozenset[str] = frozenset()) -> str | None:
    """The outlet named in a ``By Name | Outlet | date`` line, if any (not in a breadcrumb such as
    ``Home | World | Africa``: three or more fields and neither a byline nor a date)."""
    fields = re.split(r"\s[|·•]\s", text)
    if len(fields) >= 3 and not any(_BY.match(f.strip(" *_")) or find_date(f) for f in fields):
        return None
    for field in fields:
        name = field.strip(" *_")
        if _is_name(name) and not _BY.match(name) and not find_date(name) and name.lower() not in reject:
            return name
    return None


_COPYRIGHT = re.compile(
    r"^\W*(?:©|\(c\)|copyright)\s*©?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(.+?)\s*(?:[.,|]|$)", re.I
)
_RESERVED = re.compile(r"rights\s+reserved|droits\s+réservés", re.I)


def copyright_owner(text: str) -> str | None:
    """The outlet of a site footer such as ``© 2026 Veloria Daily. All rights reserved.`` (a photo
    credit such as ``© Getty Images`` does not say "rights reserved" and names no outlet)."""
    m = _COPYRIGHT.match(text) if _RESERVED.search(text) else None
    name = re.split(r"\s+[-–—]\s+|\s+\d{4}\b", m[1])[0].strip() if m else ""
    return name if _is_name(name) and not _RESERVED.search(name) else None


def _is_name(text: str) -> bool:
    return bool(text and _NAME.match(text) and len(text.split()) <= 6 and not text.isdigit())


def paragraph_prefix(text: str) -> Prefix | None:
    """A wire tag ``(MENAFN)`` or dateline ``PARIS, 4 March 2025 (Wire) —`` opening a paragraph."""
    m = _WIRE_TAG.match(text)
    if m and len(m[1].split()) <= 4 and not m[1].endswith("."):
        return Prefix(m.end(), "wire-tag", publisher=m[1].strip())
    m = _DATELINE.match(text)
    if m:
        when = find_date(m["when"]) if m["when"] else None
        agency = m["agency"].strip() if m["agency"] else None
        return Prefix(m.end(), "dateline", publisher=agency, date=when[0] if when else None)
    return None


def language(text: str) -> str:
    """``fr`` or ``en`` by counting common function words (``en`` when neither shows)."""
    words = text[:3000].lower().split()
    en = sum(map(_EN.__contains__, words))
    fr = sum(map(_FR.__contains__, words))
    return "fr" if fr > en else "en"
