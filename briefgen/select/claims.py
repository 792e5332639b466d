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
import logging
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from math import fsum

from briefgen.select.facts import Fact, Stance, compatible, fact_of, quoting_both, stance_of
from briefgen.select.relevance import Candidate
from briefgen.select.similarity import Similarity

log = logging.getLogger(__name__)

JOIN = 0.38  # similarity to the closest member needed to join a claim
LEADER = 0.25  # similarity to the claim's leader needed as well
KEYS = 10  # rarest features of a sentence used as index keys
MAX_NEIGHBOURS = 40  # compared sentences per new sentence (those sharing the most keys)
NEIGHBOUR_WORK = 1000  # posting entries read per sentence (the shortest postings first; a longer key is
# too common to generate candidates)

SUPPORT_JOIN = 0.42  # stricter bar for sentences without topic terms
CHECKED = 8  # members of a claim a joining sentence must be compatible with (the first, most relevant)


@dataclass(frozen=True)
class Claim:
    """Sentences reporting one fact; ``members[0]`` is the leader (the most relevant)."""

    members: tuple[Candidate, ...]
    features: tuple[frozenset[str], ...]


def relevance_order(cands: Sequence[Candidate]) -> list[int]:
    """Sentence indices, most relevant first (ties by article and place)."""
    return sorted(
        range(len(cands)), key=lambda i: (-cands[i].relevance, cands[i].article_id, cands[i].sentence.index)
    )


def _keys(fs: frozenset[str], sim: Similarity) -> list[str]:
    return sorted(fs, key=lambda f: (-sim.weights.get(f, 1.0), f))[:KEYS]


def _neighbours(keys: list[str], index: Mapping[str, array[int]]) -> list[int]:
    """Earlier sentences sharing the most index keys with this one (at most MAX_NEIGHBOURS; of a tie,
    the earlier), read from the shortest postings first and no more than NEIGHBOUR_WORK entries in all:
    in a large archive a sentence's common keys are left out, not every sentence's work multiplied by
    them. In no particular order (``_best_claim`` orders what it compares)."""
    taken = []
    budget = NEIGHBOUR_WORK
    for posting in sorted((index.get(k, _NONE) for k in keys), key=len):
        if len(posting) > budget:
            break  # the postings left are longer still
        taken.append(posting)
        budget -= len(posting)
    if NEIGHBOUR_WORK - budget >= BULK:
        return _most_shared_bulk(taken)
    shared = Counter(chain.from_iterable(taken))
    if len(shared) <= MAX_NEIGHBOURS:
        return list(shared)
    return sorted(sorted(shared), key=shared.__getitem__, reverse=True)[:MAX_NEIGHBOURS]


BULK = 200  # posting entries from which counting them in numpy is faster than a Counter


def _most_shared_bulk(taken: list[array[int]]) -> list[int]:
    """``_neighbours``' choice counted by numpy (imported only by groupings large enough to need it):
    the same sentences, a sixth of a large grouping's time less."""
    import numpy as np

    entries = np.concatenate([np.frombuffer(p, dtype=np.int64) for p in taken])
    near, shared = np.unique(entries, return_counts=True)
    if len(near) > MAX_NEIGHBOURS:
        near = near[np.lexsort((near, -shared))[:MAX_NEIGHBOURS]]  # most shared keys, then the earliest
    return near.tolist()


_NONE = array("q")


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
    i: int, near: list[int], grouper: Grouper, bar: float,
) -> int | None:  # fmt: skip
    """The claim sentence ``i`` joins: of the claims of its neighbours at least ``bar`` similar, the one
    with the most similar member (the earlier claim of a tie) whose leader is similar enough and whose
    facts agree. Claims are tried from the most similar down, so the first that fits is the answer."""
    groups, similar = grouper.groups, grouper.similar
    scored = grouper.above(i, near, bar)
    scored.sort(reverse=True)
    tried: set[int] = set()
    for _, minus_g in scored:
        g = -minus_g
        if g not in tried:
            tried.add(g)
            if similar(i, groups[g][0]) >= LEADER and grouper.facts.clash(i, groups[g]) is None:
                return g
    return None


class Grouper:
    """Sentences joining claims one at a time, most relevant first (``group_claims``); a rebuild
    places the claims it kept with ``place`` before adding its new sentences (``briefgen.select.regroup``)."""

    def __init__(self, cands: Sequence[Candidate], dates: Mapping[str, dt.date | None] | None = None):
        self.cands = cands
        self.feats = [c.features for c in cands]
        self.sim = Similarity.fit(self.feats)
        self.masses = [self.sim.mass(fs) for fs in self.feats]  # each sentence's summed weights
        self.weight = dict(self.sim.weights).__getitem__  # every feature of these sentences is fitted
        self.facts = _Facts(cands, dates or {}, self.sim)
        self.index: dict[str, array[int]] = {}  # key -> indexed sentences holding it, in index order
        self.seen: dict[frozenset[str], list[tuple[int, int]]] = {}  # features -> (indexed sentence, claim)
        self.owner = [-1] * len(cands)
        self.groups: list[list[int]] = []
        self.dropped: list[int] = []  # support sentences that joined no claim
        self.failed: dict[frozenset[str], int] = {}  # support features that joined nothing -> index size
        self.indexed = 0

    def similar(self, i: int, j: int) -> float:
        """``Similarity.__call__`` of sentences ``i`` and ``j``, their masses summed once for all."""
        shared = self.feats[i] & self.feats[j]
        if not shared:
            return 0.0
        common = fsum(map(self.weight, shared))
        mi, mj = self.masses[i], self.masses[j]
        return (2 * common / (mi + mj) + common / min(mi, mj)) / 2

    def above(self, i: int, near: list[int], bar: float) -> list[tuple[float, int]]:
        """(similarity, minus its claim) of each of the sentences ``near`` at least ``bar`` similar to
        sentence ``i``: ``similar`` in one loop, the same sums in the same order."""
        fi, feats, masses, weight, owner = self.feats[i], self.feats, self.masses, self.weight, self.owner
        mi = masses[i]
        out = []
        for j in near:
            shared = fi & feats[j]
            if shared:
                common = fsum(map(weight, shared))
                mj = masses[j]
                s = (2 * common / (mi + mj) + common / min(mi, mj)) / 2
                if s >= bar:
                    out.append((s, -owner[j]))
        return out

    def _join(self, i: int, g: int) -> None:
        self.groups[g].append(i)
        self.owner[i] = g

    def _index(self, i: int, g: int, keys: list[str]) -> None:
        self.seen.setdefault(self.feats[i], []).append((i, g))
        self.indexed += 1
        for k in keys:
            posting = self.index.get(k)
            if posting is None:
                posting = self.index[k] = array("q")
            posting.append(i)

    def _copied(self, i: int) -> int | None:
        """The claim of an indexed sentence with exactly sentence ``i``'s features and stance (its
        copy), if any; stances are compared only when the features are the same."""
        same = self.seen.get(self.feats[i])
        if not same:
            return None
        stance = self.facts.stance(i)
        return next((g for j, g in same if self.facts.stance(j) == stance), None)

    def place(self, members: Sequence[int], wanted: frozenset[str] | None = None) -> None:
        """A claim kept from an earlier grouping, its members most relevant first. With ``wanted`` (every
        index key the sentences still to add will look up: ``keys_of``), a member sharing none of its
        features with them is indexed under no key, since no posting of its keys will be read."""
        g = len(self.groups)
        self.groups.append([])
        for i in members:
            self._join(i, g)
            if self._copied(i) is None:
                fs = self.feats[i]
                read = wanted is None or not wanted.isdisjoint(fs)
                self._index(i, g, _keys(fs, self.sim) if read else [])

    def keys_of(self, todo: Sequence[int]) -> frozenset[str]:
        """The index keys sentences ``todo`` search under when they are added."""
        return frozenset(k for i in todo for k in _keys(self.feats[i], self.sim))

    def add(self, i: int) -> None:
        """Sentence ``i`` joins the claim it fits best, starts one, or (support only) is dropped."""
        cands, feats = self.cands, self.feats
        g = self._copied(i)
        if g is not None:  # a copy: no search, and nothing new to index
            self._join(i, g)
            return
        if cands[i].support_only and self.failed.get(feats[i]) == self.indexed:
            self.dropped.append(i)
            return  # the same search over the same index would fail again
        keys = _keys(feats[i], self.sim)
        bar = SUPPORT_JOIN if cands[i].support_only else JOIN
        near = _neighbours(keys, self.index)
        g = _best_claim(i, near, self, bar)
        if g is None and cands[i].support_only:
            self.failed[feats[i]] = self.indexed
            self.dropped.append(i)
            return  # a sentence without topic terms may back a claim, never start one
        if g is None:
            g = len(self.groups)
            self.groups.append([])
        self._join(i, g)
        self._index(i, g, keys)

    def claims(self, rank: Sequence[int]) -> tuple[Claim, ...]:
        """The claims in leader relevance order, members most relevant first (``rank``: each
        sentence's place in ``order(cands)``)."""
        groups = sorted((sorted(g, key=rank.__getitem__) for g in self.groups), key=lambda g: rank[g[0]])
        cands, feats = self.cands, self.feats
        return tuple(Claim(tuple(cands[i] for i in g), tuple(feats[i] for i in g)) for g in groups)


def ranks(order: Sequence[int]) -> list[int]:
    """Each sentence's place in ``order``."""
    rank = [0] * len(order)
    for place, i in enumerate(order):
        rank[i] = place
    return rank


def group_claims(
    cands: Sequence[Candidate], dates: Mapping[str, dt.date | None] | None = None
) -> tuple[tuple[Claim, ...], Similarity]:
    """Claims in leader relevance order, and the similarity fitted on these sentences. Support-only
    candidates (no topic term) join a claim or are dropped; a sentence with exactly the features of an
    earlier one (a syndicated copy) joins its claim at once."""
    grouper = Grouper(cands, dates)
    order = relevance_order(cands)
    for i in order:
        grouper.add(i)
    claims = grouper.claims(ranks(order))
    log.debug("%d sentences -> %d claims", len(cands), len(claims))
    return claims, grouper.sim
