"""Informative features of a sentence, for telling whether two sentences report the same fact.

A sentence's features are its content stems (stop words and reporting cues removed, a few common news
paraphrases mapped to one form) plus the word pairs it quotes: outlets quoting the same words report
the same statement.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from briefgen.select.terms import STOPWORDS, stem, stop_stems, words

CUES = frozenset(
    [
        "announc",
        "confirm",
        "indic",
        "describ",
        "emphas",
        "emphasis",
        "stress",
        "note",
        "add",
        "state",
        "told",
        "tell",
        "report",
        "accord",
        "declar",
        "underlin",
        "highlight",
        "explain",
        "warn",
        "suggest",
        "character",
        "frame",
        "present",
        "dire",
        "affirm",
        "annonc",
        "indiqu",
        "precis",
        "soulign",
        "ajout",
    ]
)  # reporting verbs: they say who speaks, not what the fact is

_SAME = (
    ("restart", "resum resumpt restart reactiv reviv relaunch restor reinstat reestablish renew reopen"),
    ("cooper", "cooper collabor coordin"),
    ("mechan", "mechan framework"),
    ("migrat", "migrat immigr"),
    ("repatri", "repatri readmiss"),
    ("tension", "tension friction strain"),
    ("deterior", "deterior worsen"),
    ("support", "support back endors recognit recogn"),
)  # common news paraphrases mapped to one feature ("restart" ~ "reactivate" ~ "revive")
PARAPHRASE: Mapping[str, str] = MappingProxyType({v: k for k, vs in _SAME for v in vs.split()})
QUOTED = "q:"  # prefix of quoted word-pair features
_QUOTE = re.compile(r"[“«\"]([^”»\"]{3,200})[”»\"]")


def _quote_features(text: str, lang: str) -> set[str]:
    """Word pairs inside quotation marks: outlets quoting the same words report the same statement."""
    out: set[str] = set()
    for q in _QUOTE.findall(text):
        ws = words(q)
        pairs = [(a, b) for a, b in itertools.pairwise(ws) if a not in STOPWORDS or b not in STOPWORDS]
        out.update(f"{QUOTED}{stem(a, lang)}_{stem(b, lang)}" for a, b in pairs)
    return out


def features(stems: Sequence[str], text: str = "", lang: str = "en") -> frozenset[str]:
    """Informative features of a sentence: content stems (paraphrases merged) and quoted word pairs."""
    stop = stop_stems(lang)
    base = {PARAPHRASE.get(s, s) for s in stems if len(s) > 1 and s not in stop and s not in CUES}
    return frozenset(base | _quote_features(text, lang)) if text else frozenset(base)
