"""What a sentence asserts, beyond its words: who says it, whether it is negated or a preview, and when.

Two sentences sharing many words may still state different facts. ``compatible`` keeps them apart when

- both name their speaker and the speakers differ (another speaker's statement is another claim);
- one is negated and the other is not ("did not agree" is not "agreed");
- both give a day for their event and the days differ ("will travel on Monday" / "agreed on Tuesday");
- each gives a figure the other does not give, even rounded ("207 Tunisians" / "1,189
  Moroccans": ``briefgen.select.figures``);
- each names a country the other does not name, by its name or a city's ("Spain and Senegal signed…
  in Dakar" / "Italy and Senegal signed… in Mbour": ``briefgen.select.places``);
- one is a preview or plan (future tense, "is expected to", "va", "doit") and the other is not, and
  either names a day: a dated plan is not the dated event;
- what they share lies inside quotation marks only (the words outside the quotes have little in common).

Weekdays in a preview resolve forward from the article's date ("will travel on Monday" in Thursday's
paper is the next Monday); elsewhere they resolve backward (``briefgen.select.timeline``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.select.features import features
from briefgen.select.figures import Figure, figures, other_figures
from briefgen.select.places import countries, other_places
from briefgen.select.relevance import Candidate
from briefgen.select.terms import stems
from briefgen.select.timeline import event_date

OUTSIDE_BAR = 0.2  # similarity of the words outside quotations two sentences must reach
MIN_OUTSIDE = 3  # features outside the quotations below which a sentence is its quotation

_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|no|denied|denies|refused|refuses|rejected|rejects)\b|n't\b"
    r"|\b(?:pas|jamais|aucun|aucune|guère)\b|\bn(?:e\s+|['’])\w+\s+plus\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:to|due\s+to|set\s+to|expected\s+to|scheduled\s+to"
    r"|going\s+to|poised\s+to)|plans?\s+to|intends?\s+to|next\s+(?:week|month|year)|upcoming"
    r"|va|vont|doit|doivent|devrait|devraient|prévoit|prévoient"
    r"|la\s+semaine\s+prochaine|le\s+mois\s+prochain)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“«\"][^”»\"]*[”»\"]")


@dataclass(frozen=True)
class Fact:
    speaker: str | None  # named speaker's id
    negated: bool
    preview: bool
    day: dt.date | None  # the event's day, when the sentence gives one
    outside: frozenset[str] | None  # features of the words outside quotation marks (None: no quotation)
    figures: frozenset[Figure] = frozenset()  # the figures it states
    places: frozenset[str] = frozenset()  # the countries it names (ISO codes)


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


@lru_cache(maxsize=100_000)
def _day(text: str, article_date: dt.date | None, preview: bool) -> dt.date | None:
    when = event_date(text, article_date, ahead=preview)  # a weekday in a plan is the coming one
    return when.date if when is not None and when.precision == "day" else None


@lru_cache(maxsize=50_000)
def _outside(text: str, lang: str) -> frozenset[str] | None:
    if not _QUOTED.search(text):
        return None
    bare = _QUOTED.sub(" ", text)
    return features(stems(bare, lang))


Stance = tuple[str | None, bool, bool]
"""(named speaker, negated, preview): what two sentences with the same words must also share."""


_WORD = re.compile(r"\w+")
_NEGATION_WORDS = frozenset(
    "not never neither nor no denied denies refused refuses rejected rejects"
    " pas jamais aucun aucune guère plus".split()
)  # every word of ``_NEGATION`` ("n't" aside; "plus" for "n'est plus")
_FUTURE_WORDS = frozenset(
    "will shall won is are was were plan plans intend intends next upcoming va vont doit doivent devrait"
    " devraient prévoit prévoient semaine mois".split()
)  # a word every alternative of ``_FUTURE`` holds


@lru_cache(maxsize=100_000)
def _modality(text: str) -> tuple[bool, bool]:
    """(negated, preview). Each pattern is searched only when the sentence holds one of the words it
    cannot match without (its words, lower-cased, as whole words); a text whose lower case changes its
    length (a dotted capital I) is searched as it is."""
    low = text.lower()
    if len(low) != len(text):
        return _negated(text), bool(_FUTURE.search(text))
    words = set(_WORD.findall(low))
    negated = ("n't" in low or not words.isdisjoint(_NEGATION_WORDS)) and _negated(text)
    return negated, not words.isdisjoint(_FUTURE_WORDS) and bool(_FUTURE.search(text))


def stance_of(c: Candidate) -> Stance:
    a = c.attribution
    speaker = a.speaker_id if a is not None and not a.unnamed and a.speaker_id else None
    return (speaker, *_modality(c.sentence.text))


def fact_of(c: Candidate, article_date: dt.date | None) -> Fact:
    text = c.sentence.text
    speaker, negated, preview = stance_of(c)
    day, outside = _day(text, article_date, preview), _outside(text, c.lang)
    return Fact(speaker, negated, preview, day, outside, figures(text, c.lang), countries(text))


def compatible(a: Fact, b: Fact, outside_sim: float) -> str | None:
    """None when two sentences may state one fact, else why they cannot (``outside_sim``: similarity of
    their ``outside`` features, used when both quote and both say something outside their quotes)."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return "another speaker"
    if a.negated != b.negated:
        return "negation"
    if a.day and b.day and abs((a.day - b.day).days) > 1:
        return "another day"
    if a.preview != b.preview and (a.day or b.day):
        return "a plan is not the event"
    if other_figures(a.figures, b.figures):
        return "other figures"
    if other_places(a.places, b.places):
        return "other places"
    if quoting_both(a, b) and outside_sim < OUTSIDE_BAR:
        return "shares only a quotation"
    return None


def quoting_both(a: Fact, b: Fact) -> bool:
    """Both sentences quote, and both say at least ``MIN_OUTSIDE`` things outside their quotations."""
    return (a.outside is not None and b.outside is not None
            and min(len(a.outside), len(b.outside)) >= MIN_OUTSIDE)  # fmt: skip
