"""The countries a sentence names, by their names or their cities' (``data/places.tsv``, written by
``briefgen.select.places_build``): what tells "Spain and Senegal signed an accord in Dakar" from
"Italy and Senegal signed an accord in Mbour", whose words are nearly all the same.

A place is read where a capitalised word starts a name of the gazetteer written whole, the longest
name first ("Saint-Louis", "Sahara occidental"); an elided article or a possessive is no part of it
("l'Espagne", "Spain's"). A city's name opening the sentence is not read (a capitalised "Split" or
"Reading" there is as likely a word); a country's name is. About 12 µs a sentence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*")  # a word opening with a capital
_OPENERS = " \t\"“«‘'(—–-"  # what may come before a sentence's first word


class Gazetteer(NamedTuple):
    names: dict[str, tuple[str, bool]]  # name as written -> (country code, names the country itself)
    starting: dict[str, tuple[str, ...]]  # a name's first word -> the names it starts, longest first


@cache
def gazetteer() -> Gazetteer:
    text = resources.files("briefgen.select").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    names: dict[str, tuple[str, bool]] = {}
    starting: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, code, kind = line.split("\t")
            names[form] = (code, kind == "country")
            first = _WORD.match(form)
            if first is not None and form[:1].isupper():
                starting.setdefault(first.group(), []).append(form)
    return Gazetteer(names, {w: tuple(sorted(f, key=len, reverse=True)) for w, f in starting.items()})


@lru_cache(maxsize=100_000)
def countries(text: str) -> frozenset[str]:
    """The ISO codes of the countries ``text`` names, itself or by one of its cities."""
    table = gazetteer()
    found: set[str] = set()
    end = 0
    for m in _CAPITALISED.finditer(text):
        at = m.start()
        if at < end:
            continue  # inside a name already read ("Saint-Louis")
        for name in table.starting.get(m.group(), ()):
            after = at + len(name)
            if text.startswith(name, at) and not text[after : after + 1].isalpha():
                code, country = table.names[name]
                if country or text[:at].strip(_OPENERS):
                    found.add(code)
                    end = after
                break
    return frozenset(found)


def other_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each of two sentences names a country the other does not: two facts, however alike their words
    (one naming more than the other, or none, is one telling with more detail)."""
    return bool(a - b) and bool(b - a)
