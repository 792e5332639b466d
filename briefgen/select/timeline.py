"""Dates of events named in a sentence: explicit dates, month dates and relative weekdays.

Explicit: "June 24, 2025", "24 June 2025", "24 juin 2025", "1er juin 2025", "2025-06-24".
Month precision: "in April 2025", "en avril 2025"; year precision: "in 2024", "depuis 2020". Such a
date sorts at the month's or year's first day, but its ``precision`` says what the text gives, so the
memo shows "April 2025", never "1 April 2025"; ``since`` marks "since December 2020" / "depuis…".
Relative: "on Tuesday", "Tuesday's", "mardi", "yesterday", "hier", "today" resolve against the
article's own date (the most recent such weekday on or before it; in a plan or preview, ``ahead``, the
next one); without an article date they are left unresolved, never guessed. The first resolvable
mention in the sentence wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.select.terms import fold

_MONTHS = (
    ("january", "janvier"), ("february", "fevrier"), ("march", "mars"), ("april", "avril"),
    ("may", "mai"), ("june", "juin"), ("july", "juillet"), ("august", "aout"),
    ("september", "septembre"), ("october", "octobre"), ("november", "novembre"), ("december", "decembre"),
)  # fmt: skip
_DAYS = (
    ("monday", "lundi"), ("tuesday", "mardi"), ("wednesday", "mercredi"), ("thursday", "jeudi"),
    ("friday", "vendredi"), ("saturday", "samedi"), ("sunday", "dimanche"),
)  # fmt: skip
_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
         "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_MONTH_ALT = "|".join(sorted({n for pair in _MONTHS for n in pair} | set(_ABBR), key=lambda s: (-len(s), s)))
_DAY_ALT = "|".join(n for pair in _DAYS for n in pair)

_YEAR_PRE = "in|en|since|depuis|during|throughout|from|until|by"
_M, _D, _Y = rf"(?P<month>{_MONTH_ALT})", r"(?P<day>\d{1,2})", r"(?P<year>\d{4})"
_PATTERNS = (
    ("day", re.compile(rf"\b{_M}\.?\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}\b")),
    ("day", re.compile(rf"\b{_D}(?:er|st|nd|rd|th)?\s+(?:of\s+)?{_M}\.?,?\s+{_Y}\b")),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("month", re.compile(rf"\b(?:(?P<pre>in|en|since|depuis|from|until|by)\s+)?{_M}\s+(?:of\s+)?{_Y}\b")),
    ("year", re.compile(rf"\b(?P<pre>{_YEAR_PRE})\s+(?P<year>(?:19|20)\d\d)\b(?!\s*-)")),
    ("weekday", re.compile(rf"\b(?:(?:on|last|this past|le|ce)\s+)?(?P<weekday>{_DAY_ALT})\b(?:'s)?")),
    ("relday", re.compile(r"\b(?P<rel>yesterday|today|hier|aujourd'hui)\b")),
)


_SINCE = frozenset({"since", "depuis"})
_LETTERS = re.compile(r"[^\W\d_]+")
_YEAR_DIGITS = re.compile(r"\d{4}")
_MONTH_WORDS = frozenset(_MONTH_ALT.split("|"))
_NEEDS = {  # kind -> (needs a year's four digits, one of these words as a whole run of letters or None)
    "day": (True, _MONTH_WORDS),
    "iso": (True, None),
    "month": (True, _MONTH_WORDS),
    "year": (True, frozenset(_YEAR_PRE.split("|"))),
    "weekday": (False, frozenset(_DAY_ALT.split("|"))),
    "relday": (False, frozenset({"yesterday", "today", "hier", "aujourd"})),
}
"""What each pattern cannot match without: every word a pattern names stands between word boundaries
and is made of letters, so it is one of the sentence's runs of letters. Most sentences have none."""


def _patterns(folded: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that may match ``folded``: one pass over its words instead of seven searches."""
    digit = _YEAR_DIGITS.search(folded) is not None
    words = set(_LETTERS.findall(folded))
    out = []
    for kind, pattern in _PATTERNS:
        needs_digits, needed = _NEEDS[kind]
        if (digit or not needs_digits) and (needed is None or not words.isdisjoint(needed)):
            out.append((kind, pattern))
    return out


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    text: str  # the words as written
    precision: str  # "day", "month" or "year"
    since: bool = False  # "since December 2020": the state holds from that date on


def _month(name: str) -> int:
    for i, pair in enumerate(_MONTHS, start=1):
        if name in pair:
            return i
    return _ABBR[name]


def _resolve(kind: str, m: re.Match[str], article_date: dt.date | None) -> dt.date | None:
    g = m.groupdict()
    try:
        if kind == "year":
            return dt.date(int(g["year"]), 1, 1)
        if kind in ("day", "month"):
            return dt.date(int(g["year"]), _month(g["month"]), int(g["day"]) if kind == "day" else 1)
        if kind == "iso":
            return dt.date(int(g["year"]), int(g["month"]), int(g["day"]))
    except (ValueError, KeyError):
        return None
    if article_date is None:
        return None
    if kind == "weekday":
        wd = next(i for i, pair in enumerate(_DAYS) if g["weekday"] in pair)
        return article_date - dt.timedelta(days=(article_date.weekday() - wd) % 7)
    return article_date - dt.timedelta(days=1 if g["rel"] in ("yesterday", "hier") else 0)


def event_date(text: str, article_date: dt.date | None, ahead: bool = False) -> EventDate | None:
    """The first date mention in ``text`` that can be resolved, or None (``ahead``: the sentence is a
    plan or preview, so a bare weekday is the coming one)."""
    folded = fold(text).replace("\u2019", "'")
    if len(folded) != len(text):  # folding changed offsets: fall back to the folded text itself
        text = folded
    found: list[tuple[int, EventDate]] = []
    for kind, pattern in _patterns(folded):
        for m in pattern.finditer(folded):
            if any(start <= m.start() < start + len(e.text) for start, e in found):
                continue
            when = _resolve(kind, m, article_date)
            if when is None:
                continue
            if ahead and kind == "weekday" and article_date is not None and when < article_date:
                when += dt.timedelta(days=7)
            precision = kind if kind in ("month", "year") else "day"
            since = (m.groupdict().get("pre") or "") in _SINCE
            found.append((m.start(), EventDate(when, text[m.start() : m.end()], precision, since)))
    return min(found, key=lambda f: f[0])[1] if found else None
