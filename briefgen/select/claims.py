"""Claims, not sentences: group topic sentences that report the same fact.

Each sentence comes with a set of informative features (``briefgen.select.features``). Candidate
pairs come from an inverted index on each sentence's rarest features, so no all-pairs comparison
happens; a pair's similarity is an IDF-weighted blend of Dice and containment. Sentences join claims
leader-first in relevance order: a sentence joins the claim holding its most similar member when that
similarity and the similarity to the claim's leader are high enough, which avoids the chaining of
single-link clustering. Exact copies join at once; a support sentence whose search already failed is
not searched again until the index has grown.
"""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from briefgen.select.facts import Fact, Stance, compatible, fact_of, quoting_both, stance_of
from briefgen.select.features import QUOTED
from briefgen.select.relevance import Candidate

log = logging.getLogger(__name__)

JOIN = 0.38  # similarity to the closest member needed to join a claim
LEADER = 0.25  # similarity to the claim's leader needed as well
KEYS = 10  # rarest features of a sentence used as index keys
MAX_NEIGHBOURS = 40  # compared sentences per new sentence (those sharing the most keys)
NEIGHBOUR_WORK = 1000  # posting entries read per sentence (the shortest postings first; a longer key is
# too common to generate candidates)

SUPPORT_JOIN = 0.42  # stricter bar for sentences without topic terms
CHECKED = 8  # members of a claim a joining sentence must be compatible with (the first, most relevant)
QUOTE_BOOST = 2.0  # weight multiplier of quoted word pairs: shared quotes are strong evidence


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
                {f: boost[f.startswith(QUOTED)] * (1 + math.log(n / d)) for f, d in sorted(df.items())}
            )
        )

    def mass(self, fs: frozenset[str]) -> float:
        """The summed weights of ``fs`` (1.0 for a feature not fitted), exactly rounded: a set's order
        changes with the process's string hashing, and a plain float sum would change with it."""
        try:
            return math.fsum(map(self.weights.__getitem__, fs))  # every feature fitted: the fast way
        except KeyError:
            return math.fsum(self.weights.get(f, 1.0) for f in fs)

    def _whole(self, fs: frozenset[str]) -> float:
        m = self.masses.get(fs)
        if m is None:
            m = self.masses[fs] = self.mass(fs)
        return m

    def dice(self, a: frozenset[str] | None, b: frozenset[str] | None) -> float:
        """IDF-weighted Dice coefficient (no containment term: a short set gains nothing by being short)."""
        if not a or not b:
            return 0.0
        return 2 * self.mass(a & b) / (self.mass(a) + self.mass(b))

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
    """Earlier sentences sharing the most index keys with this one (at most MAX_NEIGHBOURS), read from
    the shortest postings first and no more than NEIGHBOUR_WORK entries in all: in a large archive a
    sentence's common keys are left out, not every sentence's work multiplied by them."""
    shared: Counter[int] = Counter()
    budget = NEIGHBOUR_WORK
    for posting in sorted((index.get(k, []) for k in keys), key=len):
        if len(posting) > budget:
            break  # the postings left are longer still
        shared.update(posting)
        budget -= len(posting)
    if len(shared) <= MAX_NEIGHBOURS:
        return list(shared)
    return [j for _, j in heapq.nsmallest(MAX_NEIGHBOURS, ((-n, j) for j, n in shared.items()))]


class _Facts:
    """Each sentence's ``Fact``, computed when first compared."""

    def __init__(self, cands: Sequence[Candidate], dates: Mapping[str, dt.date | None], sim: Similarity):
        self.cands, self.dates, self.sim = cands, dates, sim
        self.facts: dict[int, Fact] = {}

    def of(self, i: int) -> Fact:
        f = self.facts.get(i)
        if f is None:
            c = self.cands[i]
            f = self.facts[i] = fact_of(c, self.dates.get(c.article_id))
        return f

    def stance(self, i: int) -> Stance:
        """What two sentences with the same words must also share to be copies: speaker, negation, plan."""
        return stance_of(self.cands[i])

    def clash(self, i: int, members: list[int]) -> str | None:
        """Why sentence ``i`` cannot state the fact of a claim with these members (None if it can)."""
        a = self.of(i)
        for j in members[:CHECKED]:
            b = self.of(j)
            outside = self.sim.dice(a.outside, b.outside) if quoting_both(a, b) else 1.0
            if reason := compatible(a, b, outside):
                return reason
        return None


def _best_claim(
    i: int, near: list[int], feats: list[frozenset[str]], owner: list[int], groups: list[list[int]],
    facts: _Facts, bar: float,
) -> int | None:  # fmt: skip
    sim = facts.sim
    best: tuple[float, int] | None = None
    fits: dict[int, bool] = {}  # claim -> whether sentence i may join it (leader and facts)
    for j in near:
        s, g = sim(feats[i], feats[j]), owner[j]
        if s < bar or (best is not None and (s, -g) <= (best[0], -best[1])):
            continue
        fit = fits.get(g)
        if fit is None:
            fit = fits[g] = sim(feats[i], feats[groups[g][0]]) >= LEADER and facts.clash(i, groups[g]) is None
        if fit:
            best = (s, g)
    return None if best is None else best[1]


def group_claims(
    cands: Sequence[Candidate], dates: Mapping[str, dt.date | None] | None = None
) -> tuple[tuple[Claim, ...], Similarity]:
    """Claims in leader relevance order, and the similarity fitted on these sentences. Support-only
    candidates (no topic term) join a claim or are dropped; a sentence with exactly the features of an
    earlier one (a syndicated copy) joins its claim at once."""
    feats = [c.features for c in cands]
    sim = Similarity.fit(feats)
    facts = _Facts(cands, dates or {}, sim)
    index: dict[str, list[int]] = {}
    seen: dict[tuple[frozenset[str], Stance], int] = {}
    owner = [-1] * len(cands)
    groups: list[list[int]] = []
    failed: dict[frozenset[str], int] = {}  # support features that joined nothing -> index size then
    indexed = 0
    for i in _order(cands):
        same = (feats[i], facts.stance(i))
        g = seen.get(same)
        if g is not None:  # a copy: no search, and nothing new to index
            groups[g].append(i)
            owner[i] = g
            continue
        if cands[i].support_only and failed.get(feats[i]) == indexed:
            continue  # the same search over the same index would fail again
        keys = _keys(feats[i], sim)
        bar = SUPPORT_JOIN if cands[i].support_only else JOIN
        g = _best_claim(i, _neighbours(keys, index), feats, owner, groups, facts, bar)
        if g is None and cands[i].support_only:
            failed[feats[i]] = indexed
            continue  # a sentence without topic terms may back a claim, never start one
        if g is None:
            g = len(groups)
            groups.append([])
        groups[g].append(i)
        owner[i] = g
        seen[same] = g
        indexed += 1
        for k in keys:
            index.setdefault(k, []).append(i)
    claims = tuple(Claim(tuple(cands[i] for i in g), tuple(feats[i] for i in g)) for g in groups)
    log.debug("%d sentences -> %d claims", len(cands), len(claims))
    return claims, sim
