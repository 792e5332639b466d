"""Rank only the claims that can reach the picking pool: bound each claim's score cheaply, rank the claims
in order of their bounds and stop once no bound left can beat the pool's weakest exact score.

Ranking a claim verifies a citation per source and compares its members (``briefgen.select.rank``);
the pool the coverage step reads holds only the best ``budget x POOL`` claims. A claim's score is
bounded from its members alone (the representative and the citations are members): the best relevance
and attribution among them, the number of independent sources among them, the recency of the newest.
The claims ranked are therefore exactly those the full ranking would put in the pool, in the same
order; ``explain`` still ranks every claim.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Callable, Mapping, Sequence

from briefgen.select.claims import Claim
from briefgen.select.rank import (
    SUPPORT,
    UNDATED_RECENCY,
    RankedClaim,
    attribution_bonus,
    recency,
    root_of,
)


def score_bound(
    claim: Claim,
    dates: Mapping[str, dt.date | None],
    duplicate_of: Mapping[str, str | None],
    memo_date: dt.date,
) -> float:
    """No ranking of ``claim`` scores more (``rank.rank_claim``'s formula over every member)."""
    members = claim.members
    relevance = max(c.relevance for c in members)
    sources = len({root_of(c.article_id, duplicate_of) for c in members})
    bonus = max(attribution_bonus(c.attribution) for c in members)
    rec = max(recency([dates.get(c.article_id) for c in members], memo_date), UNDATED_RECENCY)
    return round(math.sqrt(relevance) * (1 + SUPPORT * math.log2(sources)) * (1 + bonus) * rec, 6)


def order_key(r: RankedClaim) -> tuple[float, str, int]:
    return (-r.score, r.representative.article_id, r.representative.sentence.index)


def rank_best(
    claims: Sequence[Claim],
    rank: Callable[[Claim], RankedClaim],
    bound: Callable[[Claim], float],
    keep: int | None,
) -> list[RankedClaim]:
    """The claims ranked best first: all of them when ``keep`` is None, else at least the best ``keep``
    (exactly those and their order; a few more that were ranked before the bound closed them out)."""
    if keep is None:
        return sorted(map(rank, claims), key=order_key)
    bounds = [bound(c) for c in claims]
    weakest: list[float] = []  # min-heap of the best ``keep`` exact scores so far
    done = []
    for i in sorted(range(len(claims)), key=bounds.__getitem__, reverse=True):
        if len(weakest) >= keep and bounds[i] < weakest[0]:
            break  # every claim left is bounded below the pool: none can enter it
        ranked = rank(claims[i])
        done.append(ranked)
        if len(weakest) < keep:
            heapq.heappush(weakest, ranked.score)
        elif ranked.score > weakest[0]:
            heapq.heapreplace(weakest, ranked.score)
    return sorted(done, key=order_key)
