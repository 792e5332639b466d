"""Pick claims by concept coverage (Gillick & Favre 2009, solved greedily) weighted by the memo's preferences.

A concept is a pair of adjacent content stems ("secur_talk"); its weight is the number of independent
sources whose topic sentences state it, so what several outlets report weighs more, and a concept
already covered by a picked claim adds nothing again. A claim a source restates (its lead, body and
close all name the signing) gains ``RESTATED`` per restatement, up to ``RESTATED_CAP``: a story only one
outlet covers has no concept stated twice across sources, so without it that outlet's items would be
chosen by the words they happen to share with another story. Each step picks the claim with the largest

    prior ^ PRIOR x (1 + weight of its concepts not yet covered + restatements) / words ^ LENGTH

where ``prior`` is the claim's rank score over the best one (relevance, independent support,
attribution, recency: ``briefgen.select.rank``). A claim too similar to a picked one is never picked
(the memo does not say one thing twice), a topic's ``max_single_source_per_article`` caps the
single-source items one article may give, and each pick shown in an article's words discounts that
article's next ones by ``SPREAD`` (diversity of sources, after Lin & Bilmes 2011).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.select.features import CUES
from briefgen.select.rank import RankedClaim, root_of, speaker_of
from briefgen.select.relevance import Candidate
from briefgen.select.similarity import Similarity
from briefgen.select.terms import stems, stop_stems

PRIOR = 2.0  # weight of the rank score against coverage
LENGTH = 0.25  # long sentences pay for their words (0: not at all, 1: gain per word)
LONE_CONCEPT = 0.0
RESTATED = 1.0  # gain per restatement of a claim by a source it already has (lead, body, close)
RESTATED_CAP = 2  # restatements counted
QUERY = 0.0  # weight of a concept only one source states
REDUNDANT = 0.45  # similarity to a picked claim above which a claim repeats it
REDUNDANT_SAME_SPEAKER = 0.30  # two outlets reporting one named speaker on overlapping words
MIN_SCORE = 0.05  # a claim scoring less than this share of the best one is too weak for the memo
SPREAD = 0.6  # each pick shown in an article's words discounts its next ones: the memo reads many sources
POOL = 25  # claims per budget slot examined
NOT_ALONE = "no sentence of it reads alone (it starts inside a quotation or with an unresolved reference)"


def concepts(c: Candidate) -> frozenset[str]:
    """Adjacent content-stem pairs of a sentence (stop words and reporting cues are not content)."""
    return _concepts(c.stems, c.lang)


@lru_cache(maxsize=200_000)
def _concepts(stems: tuple[str, ...], lang: str) -> frozenset[str]:
    stop = stop_stems(lang)
    content = [s for s in stems if s not in stop and s not in CUES and len(s) > 1]
    return frozenset(f"{a}_{b}" for a, b in itertools.pairwise(content))


def concept_weights(cands: Sequence[Candidate], duplicate_of: Mapping[str, str | None]) -> dict[str, float]:
    """Each concept's number of independent sources among the topic sentences (LONE_CONCEPT for one)."""
    sources: dict[str, set[str]] = {}
    query: set[str] = set()
    for c in cands:
        if c.matched:
            root = root_of(c.article_id, duplicate_of)
            for k in concepts(c):
                sources.setdefault(k, set()).add(root)
            query.update(term_stems(c.terms, c.lang))
    out = {k: (float(len(v)) if len(v) > 1 else LONE_CONCEPT) for k, v in sources.items()}
    if QUERY:
        for k in out:
            a, b = k.split("_", 1)
            if a in query or b in query:
                out[k] *= 1 + QUERY
    return out


def restated(r: RankedClaim) -> int:
    """Sentences of the claim beyond one per source: how often its sources restate it."""
    return len(r.claim.members) - len({c.article_id for c in r.claim.members})


@lru_cache(maxsize=4096)
def term_stems(terms: tuple[str, ...], lang: str) -> frozenset[str]:
    return frozenset(s for t in terms for s in stems(t, lang))


@dataclass(frozen=True)
class Caps:
    """A topic's limits on what one pick may add."""

    budget: int
    max_lone_per_article: int


def _blocked(overlap: float, same: float, lone: int, cap: int, shared: bool = False) -> str | None:
    if shared:
        return "its line shares a sentence with a chosen item's line"
    if overlap >= REDUNDANT or same >= REDUNDANT_SAME_SPEAKER:
        return f"repeats a chosen claim (similarity {max(overlap, same):.2f})"
    if cap and lone >= cap:
        return f"per-article cap: already {lone} single-source items from this article"
    return None


def lone_source(r: RankedClaim) -> str | None:
    """The article a single-source claim rests on (None when several independent sources report it)."""
    return r.representative.article_id if r.independent == 1 else None


def _key(r: RankedClaim) -> tuple[float, str, int]:
    return (-r.score, r.representative.article_id, r.representative.sentence.index)


class _State:
    """What the picks so far cover, and how close each pool claim is to them."""

    def __init__(self, pool: Sequence[RankedClaim], sim: Similarity) -> None:
        self.pool, self.sim = pool, sim
        self.shown = [r.representative.features for r in pool]  # compared as the memo shows them
        self.speakers = [speaker_of(r.representative) for r in pool]
        self.overlap = [0.0] * len(pool)
        self.same = [0.0] * len(pool)  # highest similarity to a pick of the same named speaker
        self.covered: set[str] = set()
        self.lone: Counter[str | None] = Counter()
        self.shown_from: Counter[str] = Counter()  # picks shown in each article's words
        self.picked: list[int] = []
        self.printed: list[str] = []  # the lines picked so far (a line may hold two sentences)

    def shares(self, i: int) -> bool:
        """The claim's line and a picked one overlap: one would print a sentence the other prints."""
        r = self.pool[i]
        line, own = r.text or r.representative.sentence.text, r.representative.sentence.text
        return any(own in p or line.endswith(p) or p in line for p in self.printed)

    def take(self, best: int, open_: Sequence[int]) -> None:
        self.picked.append(best)
        self.printed.append(self.pool[best].text or self.pool[best].representative.sentence.text)
        self.lone[lone_source(self.pool[best])] += 1
        self.shown_from[self.pool[best].representative.article_id] += 1
        self.covered |= concepts(self.pool[best].representative)
        for i in open_:
            s = self.sim(self.shown[i], self.shown[best])
            self.overlap[i] = max(self.overlap[i], s)
            if self.speakers[i] is not None and self.speakers[i] == self.speakers[best]:
                self.same[i] = max(self.same[i], s)


def _value(r: RankedClaim, top: float, state: _State, weights: Mapping[str, float]) -> float:
    gain = math.fsum(weights.get(k, 0.0) for k in concepts(r.representative) - state.covered)
    gain += RESTATED * min(restated(r), RESTATED_CAP)
    words = max(1, len(r.representative.sentence.text.split()))
    spread = SPREAD ** state.shown_from[r.representative.article_id]
    return (max(r.score, 0.0) / top) ** PRIOR * (1.0 + gain) * spread / words**LENGTH


def select_claims(
    ranked: Sequence[RankedClaim], sim: Similarity, caps: Caps, weights: Mapping[str, float]
) -> tuple[tuple[RankedClaim, ...], dict[tuple[str, int], str]]:
    """The picked claims in pick order, and why each other claim (by its representative's key) was not."""
    pool = sorted(ranked, key=_key)[: max(1, caps.budget) * POOL]
    top = pool[0].score if pool and pool[0].score > 0 else 1.0
    state = _State(pool, sim)
    why = {i: "too weak beside the chosen claims" for i, r in enumerate(pool) if r.score < MIN_SCORE * top}
    why.update({i: NOT_ALONE for i, r in enumerate(pool) if r.text is None})
    while len(state.picked) < caps.budget:
        open_ = [i for i in range(len(pool)) if i not in why and i not in state.picked]
        best, best_val = -1, -math.inf
        for i in open_:
            src = lone_source(pool[i])
            lone = state.lone[src] if src else 0
            shared = state.shares(i)
            if reason := _blocked(state.overlap[i], state.same[i], lone, caps.max_lone_per_article, shared):
                why[i] = reason
                continue
            val = _value(pool[i], top, state, weights)
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break
        state.take(best, [i for i in open_ if i != best and i not in why])
    return tuple(pool[i] for i in state.picked), _reasons(ranked, pool, state.picked, why, caps.budget)


def _reasons(
    ranked: Sequence[RankedClaim], pool: Sequence[RankedClaim], picked: list[int], why: dict[int, str],
    budget: int,
) -> dict[tuple[str, int], str]:  # fmt: skip
    rest = "over the topic's budget" if len(picked) == budget else "too weak beside the chosen claims"
    reasons = {r.representative.key: "outside the ranking pool" for r in ranked}
    reasons.update({r.representative.key: why.get(i, rest) for i, r in enumerate(pool)})
    for i in picked:
        del reasons[pool[i].representative.key]
    return reasons
