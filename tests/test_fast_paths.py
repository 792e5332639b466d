"""Fast paths of claim grouping answer exactly as the plain code would: the word prefilters in front
of the fact patterns (event days, figures after a month, negation and plans) only skip searches that
cannot match, and the grouping's similarity is the similarity."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.select import claims, facts, figures, timeline

WORDS = [
    # dates: months, abbreviations, weekdays, relative days, the words before a year
    "May", "may", "mai", "Sept.", "sept", "September", "décembre", "Août", "août", "Jan", "June", "juin",
    "Monday", "monday's", "mardi", "Tuesday's", "yesterday", "today", "hier", "aujourd'hui", "aujourd’hui",
    "in", "en", "since", "depuis", "by", "until", "of", "on", "last", "le", "ce",
    # negation and plans
    "not", "NOT", "Never", "no", "didn't", "won't", "don’t", "pas", "jamais", "guère", "GUÈRE", "n'en",
    "ne", "plus", "will", "shall", "is", "were", "to", "due", "set", "expected", "plans", "plan",
    "intends", "next", "week", "upcoming", "va", "vont", "doit", "devrait", "prévoit", "semaine",
    "prochaine", "mois", "prochain",
    # figures and clutter
    "2025", "1999", "2025-06-24", "24", "1er", "31", "1,189", "1 189,5", "40", "million", "5th", "x2025",
    "mondayish", "Mayor", "nomay", "_may", "maybe", "İ", "K", "—", ",", ".", "(", "«", "»", "“", "”",
]  # fmt: skip
SPACES = [" ", "  ", "\n", "\u00a0", "\u202f", ", ", ". "]

sentences = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _every_pattern(folded: str) -> list[tuple[str, re.Pattern[str]]]:
    return list(timeline._PATTERNS)


@settings(max_examples=400, deadline=None)
@given(sentences, st.booleans())
def test_event_days_are_those_every_pattern_finds(text: str, ahead: bool) -> None:
    day = dt.date(2026, 3, 12)
    fast = timeline.event_date(text, day, ahead)
    original, timeline._patterns = timeline._patterns, _every_pattern
    try:
        assert fast == timeline.event_date(text, day, ahead)
    finally:
        timeline._patterns = original


_DATE_BEFORE = re.compile(rf"(?:{figures._MONTHS})\s*$", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(sentences, st.integers(min_value=0, max_value=200))
def test_a_month_before_a_number_is_read_as_the_whole_prefix_search_reads_it(text: str, at: int) -> None:
    assert figures._after_month(text, at) == bool(_DATE_BEFORE.search(text[:at]))


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_negation_and_plans_are_what_the_patterns_find(text: str) -> None:
    expected = (bool(facts._NEGATION.search(text)), bool(facts._FUTURE.search(text)))
    assert facts._modality.__wrapped__(text) == expected


def test_the_prefilters_still_find_what_they_guard() -> None:
    """Written cases the generated ones might miss: each fact is found through its prefilter."""
    day = dt.date(2026, 3, 12)  # a Thursday
    assert timeline.event_date("Talks resumed on Monday in Rabat.", day) is not None
    signed, today, year = (
        timeline.event_date(text, day)
        for text in ("Le texte a été signé le 24 juin 2025.", "Il est arrivé aujourd’hui à Alger.",
                     "The unit was set up in 2019.")
    )  # fmt: skip
    assert signed is not None and signed.date == dt.date(2025, 6, 24)
    assert today is not None and today.date == day
    assert year is not None and year.precision == "year"
    assert timeline.event_date("The unit has 2019 officers.", day) is None
    assert facts._modality("Officials didn't confirm the figure.") == (True, False)
    assert facts._modality("Le poste n'existe plus.") == (True, False)
    assert facts._modality("The envoy is expected to arrive.") == (False, True)
    assert facts._modality("The envoy arrived.") == (False, False)
    assert figures.figures("The pact was signed on May 31 by 40 officers.", "en") == frozenset({(40.0, 1)})


feature_sets = st.frozensets(st.sampled_from(["a", "b", "c", "d", "e", "q:x y", "f", "g"]), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(feature_sets, min_size=2, max_size=8), st.data())
def test_grouping_similarity_is_the_similarity(sets: list[frozenset[str]], data: st.DataObject) -> None:
    """``Grouper.similar`` (masses summed once per sentence) is ``Similarity.__call__``, to the bit."""
    grouper = claims.Grouper([SimpleNamespace(features=fs) for fs in sets])  # type: ignore[misc]
    i = data.draw(st.integers(0, len(sets) - 1))
    j = data.draw(st.integers(0, len(sets) - 1))
    assert grouper.similar(i, j) == grouper.sim(sets[i], sets[j])
