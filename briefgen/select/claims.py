"""Claims, not sentences: group topic sentences that report the same fact.

Each sentence becomes a set of informative features (stems minus stop words and reporting cues, with
a few common news paraphrases mapped to one form). Candidate pairs come from an inverted index on each
sentence's rarest features, so no all-pairs comparison happens; a pair's similarity is an IDF-weighted
blend of Dice and containment. Sentences join claims leader-first in relevance order: a sentence joins
the claim holding its most similar member when that similarity and the similarity to the claim's
leader are high enough, which avoids the chaining of single-link clustering.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from briefgen.select.relevance import Candidate
from briefgen.select.terms import STOPWORDS, stem, stop_stems, words

log = logging.getLogger(__name__)

JOIN = 0.38  # similarity to the closest member needed to join a claim
LEADER = 0.25  # similarity to the claim's leader needed as well
KEYS = 10  # rarest features of a sentence used as index keys
MAX_POSTING = 1000  # keys shared by more sentences than this are too common to generate candidates
MAX_NEIGHBOURS = 40  # compared sentences per new sentence (those sharing the most keys)

SUPPORT_JOIN = 0.42  # stricter bar for sentences without topic terms
QUOTE_BOOST = 2.0  # weight multiplier of quoted word pairs: shared quotes are strong evidence
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
_PARAPHRASE: Mapping[str, str] = MappingProxyType({v: k for k, vs in _SAME for v in vs.split()})
_QUOTE = re.compile(r"[“«\"]([^”»\"]{3,200})[”»\"]")


def _quote_features(text: str, lang: str) -> set[str]:
    """Word pairs inside quotation marks: outlets quoting the same words report the same statement."""
    out: set[str] = set()
    for q in _QUOTE.findall(text):
        ws = words(q)
        pairs = itertools.pairwise(ws)
        out.update(
            f"q:{stem(a, lang)}_{stem(b, lang)}" for a, b in pairs if a not in STOPWORDS or b not in STOPWORDS
        )
    return out


def features(stems: Sequence[str], text: str = "", lang: str = "en") -> frozenset[str]:
    """Informative features of a sentence: content stems (paraphrases merged) and quoted word pairs."""
    stop = stop_stems(lang)
    base = {_PARAPHRASE.get(s, s) for s in stems if len(s) > 1 and s not in stop and s not in CUES}
    return frozenset(base | _quote_features(text, lang)) if text else frozenset(base)


def candidate_features(c: Candidate) -> frozenset[str]:
    return features(c.stems, c.sentence.text, c.lang)


@dataclass(frozen=True)
class Similarity:
    """IDF-weighted set similarity over a fixed collection of sentences."""

    weights: Mapping[str, float]
    masses: dict[frozenset[str], float] = field(default_factory=dict, compare=False, repr=False)
    """Memo of each whole sentence's mass (pure cache: the same set always has the same mass)."""

    @classmethod
    def fit(cls, feats: Sequence[frozenset[str]]) -> Similarity:
        df = Counter(f for fs in feats for f in fs)
        n = len(feats)
        boost = {True: QUOTE_BOOST, False: 1.0}
        return cls(
            MappingProxyType(
                {f: boost[f.startswith("q:")] * (1 + math.log(n / d)) for f, d in sorted(df.items())}
            )
        )

    def mass(self, fs: frozenset[str]) -> float:
        return sum(self.weights.get(f, 1.0) for f in fs)

    def _whole(self, fs: frozenset[str]) -> float:
        m = self.masses.get(fs)
        if m is None:
            m = self.masses[fs] = self.mass(fs)
        return m

    def __call__(self, a: frozenset[str], b: frozenset[str]) -> float:
        shared = a & b
        if not shared:
            return 0.0
        common = self.mass(shared)
        ma, mb = self._whole(a), self._whole(b)
        return (2 * common / (ma + mb) + common / min(ma, mb)) / 2


@dataclass(frozen=True)
class Claim:
    """Sentences reporting one fact; ``members[0]`` is the leader (the most relevant)."""

    members: tuple[Candidate, ...]
    features: tuple[frozenset[str], ...]


def _order(cands: Sequence[Candidate]) -> list[int]:
    return sorted(
        range(len(cands)), key=lambda i: (-cands[i].relevance, cands[i].article_id, cands[i].sentence.index)
    )


def _keys(fs: frozenset[str], sim: Similarity) -> list[str]:
    return sorted(fs, key=lambda f: (-sim.weights.get(f, 1.0), f))[:KEYS]


def _neighbours(keys: list[str], index: Mapping[str, list[int]]) -> list[int]:
    """Earlier sentences sharing the most index keys with this one (at most MAX_NEIGHBOURS)."""
    shared: Counter[int] = Counter()
    for k in keys:
        posting = index.get(k, [])
        if len(posting) <= MAX_POSTING:
            shared.update(posting)
    return sorted(shared, key=lambda j: (-shared[j], j))[:MAX_NEIGHBOURS]


def _best_claim(
    i: int, near: list[int], feats: list[frozenset[str]], owner: list[int], groups: list[list[int]],
    sim: Similarity, bar: float,
) -> int | None:  # fmt: skip
    best: tuple[float, int] | None = None
    for j in near:
        s, g = sim(feats[i], feats[j]), owner[j]
        if s < bar or (best is not None and (s, -g) <= (best[0], -best[1])):
            continue
        if sim(feats[i], feats[groups[g][0]]) >= LEADER:
            best = (s, g)
    return None if best is None else best[1]


def group_claims(cands: Sequence[Candidate]) -> tuple[tuple[Claim, ...], Similarity]:
    """Claims in leader relevance order, and the similarity fitted on these sentences. Support-only
    candidates (no topic term) join a claim or are dropped; a sentence with exactly the features of an
    earlier one (a syndicated copy) joins its claim at once."""
    feats = [candidate_features(c) for c in cands]
    sim = Similarity.fit(feats)
    index: dict[str, list[int]] = {}
    seen: dict[frozenset[str], int] = {}
    owner = [-1] * len(cands)
    groups: list[list[int]] = []
    for i in _order(cands):
        keys = _keys(feats[i], sim)
        bar = SUPPORT_JOIN if cands[i].support_only else JOIN
        g = seen.get(feats[i])
        if g is None:
            g = _best_claim(i, _neighbours(keys, index), feats, owner, groups, sim, bar)
        if g is None and cands[i].support_only:
            continue  # a sentence without topic terms may back a claim, never start one
        if g is None:
            g = len(groups)
            groups.append([])
        groups[g].append(i)
        owner[i] = g
        if feats[i] not in seen:
            seen[feats[i]] = g
            for k in keys:
                index.setdefault(k, []).append(i)
    claims = tuple(Claim(tuple(cands[i] for i in g), tuple(feats[i] for i in g)) for g in groups)
    log.debug("%d sentences -> %d claims", len(cands), len(claims))
    return claims, sim
