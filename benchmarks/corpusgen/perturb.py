"""Perturbations that make recombined text differ from its source: names, dates, numbers, clutter."""

from __future__ import annotations

import datetime as dt
import random
import re

from corpusgen.sources import _MONTHS, MONTH, month_name, month_number

# Invented people; swapped in for names found in the sample corpus.
NAME_POOL = (
    "Claire Moreau",
    "Karim Benali",
    "Youssef Amrani",
    "Sophie Lambert",
    "Nadia Haddad",
    "Olivier Mercier",
    "Samir Bouzid",
    "Hélène Girard",
    "Rachid Tazi",
    "Julien Faure",
    "Leila Mansouri",
    "Thomas Renaud",
    "Amina Cherif",
    "Marc Delorme",
    "Farid Ouali",
)
# First names that mark "First Last" as a person (general knowledge, not taken from any text).
FIRST_NAMES = frozenset(
    """Ahmed Abdelmadjid Abdelaziz Ali Amina Anne Bruno Catherine Claire Christophe Dominique Édouard
    Elisabeth Emmanuel Farid François Gabriel Gérald Hassan Hélène Jean Jean-Noël Jean-Yves Jérôme Julien
    Karim Laurent
    Leila Manuel Marc Marie Michel Mohamed Mohammed Nadia Nasser Nicolas Nourredine Olivier Pierre Rachid
    Rachida Samir Ségolène Sophie Stéphane Thomas Xavier Youssef Yves Aziz Boualem Kamel Abdelkader
    Abdellatif Aziz Amar Salah Sébastien Valérie Bernard Philippe Florence""".split()
)
_PERSON = re.compile(r"\b([A-ZÀ-Ý][\w'-]+) ((?:de |d'|el-|al-|Ben |Ould )?[A-ZÀ-Ý][\w'-]+)\b")
_DATE_OR_NUMBER = re.compile(
    rf"(?P<d>\b\d{{1,2}}) (?P<m>{MONTH})(?: (?P<y>\d{{4}}))?"
    rf"|(?P<m2>\b{MONTH}) (?P<d2>\d{{1,2}}\b)(?:, (?P<y2>\d{{4}}))?"
    r"|(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<num>\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b)"
)

CLUTTER = (
    "Advertisement",
    "ADVERTISEMENT",
    "Share",
    "Share this article",
    "Share on Facebook",
    "Tweet",
    "Subscribe to our newsletter",
    "Read more:",
    "Related articles",
    "Sign up for our daily briefing",
    "Continue reading below",
    "Most read",
    "Comments (12)",
    "Listen to this article",
)
PHOTO = ("Photo: {a}/Staff photographer", "Photo credit: {a}", "Image: {a} archive", "(Photo by {p} / {a})")
AGENCIES = ("Wire Desk", "Maghreb Press Service", "Mediterranean News", "Euro Desk", "Agence Centrale")
CITIES = ("PARIS", "ALGIERS", "RABAT", "TUNIS", "MARSEILLE", "BRUSSELS", "CASABLANCA", "ORAN", "LYON")


def swap_names(paragraphs: list[list[str]], rng: random.Random, share: float = 0.5) -> None:
    """Replace about ``share`` of the people named (full name and bare surname) by pool names, in place."""
    found = {
        f"{m[1]} {m[2]}": m[2]
        for p in paragraphs
        for s in p
        for m in _PERSON.finditer(s)
        if m[1] in FIRST_NAMES
    }
    mapping: dict[str, str] = {}
    for full, surname in sorted(found.items()):
        if rng.random() < share:
            new = rng.choice(NAME_POOL)
            mapping[full] = new
            mapping.setdefault(surname, new.split()[-1])
    if not mapping:
        return
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) + r")\b"
    )
    for p in paragraphs:
        p[:] = [pattern.sub(lambda m: mapping[m[1]], s) for s in p]


def format_date(date: dt.date, style: int) -> str:
    if style == 0:
        return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
    if style == 1:
        return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"
    return date.isoformat()


def _shift_date(m: re.Match[str], delta: dt.timedelta, year: int) -> str:
    try:
        if m["iso"]:
            return (dt.date.fromisoformat(m["iso"]) + delta).isoformat()
        if m["d"]:
            new = dt.date(int(m["y"] or year), month_number(m["m"]), int(m["d"])) + delta
            return f"{new.day} {month_name(new.month, m['m'])}" + (f" {new.year}" if m["y"] else "")
        new = dt.date(int(m["y2"] or year), month_number(m["m2"]), int(m["d2"])) + delta
        return f"{month_name(new.month, m['m2'])} {new.day}" + (f", {new.year}" if m["y2"] else "")
    except ValueError:
        return m[0]


def _shift_number(text: str, rng: random.Random, share: float) -> str:
    value = float(text.replace(",", ""))
    if (1900 <= value <= 2100 and "." not in text) or rng.random() >= share:
        return text  # years and most numbers stay
    new = value * rng.uniform(0.7, 1.3)
    if "." in text:
        return f"{new:.{len(text.split('.')[1])}f}"
    new_int = max(1, round(new))
    return f"{new_int:,}" if "," in text else str(new_int)


def shift_dates_numbers(
    paragraphs: list[list[str]], delta: dt.timedelta, year: int, rng: random.Random, share: float = 0.3
) -> None:
    """Move every date by ``delta`` and rescale about ``share`` of the other numbers, in place."""

    def replace(m: re.Match[str]) -> str:
        if m["num"]:
            return _shift_number(m["num"], rng, share)
        return _shift_date(m, delta, year)

    for p in paragraphs:
        p[:] = [_DATE_OR_NUMBER.sub(replace, s) for s in p]


def clutter_line(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(PHOTO).format(a=rng.choice(AGENCIES), p=rng.choice(NAME_POOL))
    return rng.choice(CLUTTER)


def dateline(date: dt.date, rng: random.Random) -> str:
    """``PARIS, 4 March 2025 (Wire Desk) —`` in one of a few house styles."""
    city, agency = rng.choice(CITIES), rng.choice(AGENCIES)
    style = rng.randrange(3)
    if style == 0:
        return f"{city}, {format_date(date, 0)} ({agency}) —"
    if style == 1:
        return f"{city} ({agency}) —"
    return f"{city} —"


def byline(date: dt.date, rng: random.Random) -> str:
    return f"By {rng.choice(NAME_POOL)} | {rng.choice(AGENCIES)} | {format_date(date, rng.randrange(3))}"
