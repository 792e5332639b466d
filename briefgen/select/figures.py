"""The figures a sentence states: "1,189 Moroccans", "1,2 million d'euros", "40 per cent".

Two sentences that share their words but give different figures state different facts ("207 Tunisians
are waiting for a pass" is not "1,189 Moroccans are waiting for a pass"). A figure is a number written
in digits with its scale word, read by the article's language (English "1,189.5", French "1 189,5");
four-digit years and the day of a date are left to the event date. A figure keeps its significant
digits: two figures are one when the more precise, rounded to the other's digits, is the other, so a
rounded restatement ("nearly 1,200" for 1,189; "more than 200" for 207) still states the fact while
121 and 129 million, or 9 and 10 boats, do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

Figure = tuple[float, int]
"""A figure's value and its number of significant digits as written."""

_SCALES = {
    "thousand": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
    "milliard": 1e9, "milliards": 1e9, "bn": 1e9,
}  # fmt: skip
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre"
)
_GROUP = {"en": ",", "fr": r"[  \u202f.]"}  # thousands separators; the other mark is the decimal one
_DECIMAL = {"en": ".", "fr": ","}


@lru_cache(maxsize=4)
def _pattern(lang: str) -> re.Pattern[str]:
    group, dec = _GROUP[lang], re.escape(_DECIMAL[lang])
    number = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    scale = "|".join(sorted(_SCALES, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,/:-])(?P<n>{number})(?:\s*(?P<s>{scale})\b|(?![\w/]|[.,:]\d))"
        rf"(?!\s+(?:{_MONTHS})\b)",
        re.IGNORECASE,
    )


_DIGIT = re.compile(r"\d")
_MONTH_AT_END = re.compile(rf"(?:{_MONTHS})$", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_LONGEST_MONTH = max(map(len, _MONTHS.split("|")))


def _after_month(text: str, at: int) -> bool:
    """Does a month's name end ``text[:at]``, spaces aside ("October 31")? Only the prefix's last few
    characters are read: a month's name is at most ``_LONGEST_MONTH`` long."""
    return bool(_MONTH_AT_END.search(text[:at].rstrip()[-_LONGEST_MONTH:]))


def _figure(text: str, lang: str, scale: str | None) -> Figure:
    digits = re.sub(_GROUP[lang], "", text).replace(_DECIMAL[lang], ".")
    written = digits.replace(".", "").lstrip("0")
    significant = len(written if "." in digits else written.rstrip("0")) or 1
    return float(digits) * _SCALES.get((scale or "").lower(), 1.0), significant


@lru_cache(maxsize=100_000)
def figures(text: str, lang: str) -> frozenset[Figure]:
    """The figures ``text`` states (``lang``: "fr" reads French numbers, anything else English)."""
    if not _DIGIT.search(text):
        return frozenset()  # every figure is written in digits
    lang = "fr" if lang == "fr" else "en"
    out = set()
    for m in _pattern(lang).finditer(text):
        n = m["n"]
        if not m["s"] and _YEAR.fullmatch(n):
            continue  # a year
        if len(n) <= 2 and _after_month(text, m.start()):
            continue  # "October 31": a day of a date
        out.add(_figure(n, lang, m["s"]))
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _rounded(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}") if value else 0.0


def same_figure(a: Figure, b: Figure) -> bool:
    """One figure, the more precise rounded to the other's significant digits."""
    if a[1] > b[1]:
        a, b = b, a  # the less precise first (a tie keeps the given order)
    return _rounded(b[0], a[1]) == a[0]


@lru_cache(maxsize=100_000)
def other_figures(a: frozenset[Figure], b: frozenset[Figure]) -> bool:
    """Each sentence gives a figure the other does not ("593 passes in 7 weeks" / "287 passes in 7
    weeks"); a sentence whose figures all recur in the other (a shorter restatement) may state it."""
    return bool(a and b) and _unmatched(a, b) and _unmatched(b, a)


def _unmatched(xs: frozenset[Figure], ys: frozenset[Figure]) -> bool:
    """Some figure of ``xs`` is none of ``ys``."""
    for x in xs:
        for y in ys:
            if same_figure(x, y):
                break
        else:
            return True
    return False
