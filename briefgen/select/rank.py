"""Rank claims (relevance, independent support, attribution, recency) and pick them with MMR.

score = sqrt(relevance) x (1 + SUPPORT x log2(independent sources)) x (1 + attribution bonus) x recency

Selection is maximal marginal relevance: each pick maximises LAMBDA x normalised score minus
(1 - LAMBDA) x its highest similarity to a claim already picked; a claim at least REDUNDANT-similar to
a picked one is never picked (the memo does not say the same thing twice).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.models import Attribution
from briefgen.select.claims import Claim, Similarity
from briefgen.select.features import QUOTED
from briefgen.select.relevance import Candidate

SUPPORT = 0.5
NAMED, UNNAMED = 0.25, 0.10  # attribution bonuses: named speaker > unnamed source > none
HALF_LIFE = 30.0  # days
UNDATED_RECENCY = 0.8
LAMBDA = 0.6
REDUNDANT = 0.45
MAX_LONE_PER_ARTICLE = 2  # single-source items one article may contribute: a memo is not one article's story
REDUNDANT_SAME_SPEAKER = 0.30  # two outlets reporting one named speaker on overlapping words: one statement
MIN_GAIN = 0.05  # a claim adding less than this (weak, or close to one already picked) is left out
POOL = 25  # claims per budget slot examined by MMR
MAX_CITATIONS = 8  # sources cited per item (best first); a story copied by hundreds of outlets stays readable


PRONOUNS = frozenset("he she they it we i il elle ils elles on nous the this that these those".split())


def attribution_rank(a: Attribution | None) -> int:
    if a is None:
        return 0
    return 1 if a.unnamed or not a.speaker else 2


def attribution_bonus(a: Attribution | None) -> float:
    return (0.0, UNNAMED, NAMED)[attribution_rank(a)]


def informativeness(c: Candidate) -> float:
    """More distinct content words is better, up to a point; very long sentences lose."""
    n_words = len(c.sentence.text.split())
    return min(_content_words(c.features), 24) - 0.5 * max(0, n_words - 50)


@lru_cache(maxsize=100_000)
def _content_words(feats: frozenset[str]) -> int:
    return sum(1 for f in feats if not f.startswith(QUOTED))


def stands_alone(a: Attribution | None) -> bool:
    """False when the sentence names its speaker only by a pronoun or description ("He said…"): such a
    line needs its neighbours to be understood, so another outlet's wording is shown if there is one."""
    return (
        a is None
        or not a.as_written
        or a.as_written == a.speaker
        or (a.as_written[:1].isupper() and (a.as_written.split()[0].lower() not in PRONOUNS))
    )


@lru_cache(maxsize=100_000)
def whole_quotes(text: str) -> bool:
    """False when a quotation opens or closes outside the sentence ("We will act,” he said.")."""
    curly = text.count("“") == text.count("”")
    return curly and text.count("«") == text.count("»") and text.count('"') % 2 == 0


def quality(c: Candidate, central: float = 0.0) -> tuple[bool, int, bool, float, float, str, int]:
    """Sort key (larger first) for a claim's representative and each source's cited sentence: a sentence
    with topic terms, then attributed (named > unnamed > none), then one that can be read alone (names
    its speaker, holds its quotations whole), then the one closest to the rest of its claim
    (``central``), then the most informative."""
    alone = stands_alone(c.attribution) and whole_quotes(c.sentence.text)
    return (c.matched, attribution_rank(c.attribution), alone,
            round(central + 0.01 * informativeness(c), 6), c.relevance, _neg(c.article_id),
            -c.sentence.index)  # fmt: skip


def centrality(claim: Claim, sim: Similarity, limit: int = 20, scored: int = 60) -> list[float]:
    """Each member's mean similarity to the claim's first ``limit`` members; members past ``scored``
    (a claim copied by dozens of outlets) score 0, which only orders them behind the others."""
    feats = claim.features[:limit]
    if len(claim.members) < 2:
        return [0.0] * len(claim.members)
    head = [
        sum(sim(f, g) for j, g in enumerate(feats) if j != i) / max(1, len(feats) - 1)
        for i, f in enumerate(claim.features[:scored])
    ]
    return head + [0.0] * (len(claim.features) - len(head))


@lru_cache(maxsize=100_000)
def _neg(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text)  # reverses string order in a max()


def recency(dates: Sequence[dt.date | None], memo_date: dt.date) -> float:
    known = [d for d in dates if d is not None]
    if not known:
        return UNDATED_RECENCY
    age = max(0, (memo_date - max(known)).days)
    return 0.6 + 0.4 * 0.5 ** (age / HALF_LIFE)


def root_of(article_id: str, duplicate_of: Mapping[str, str | None]) -> str:
    seen = {article_id}
    while (nxt := duplicate_of.get(article_id)) and nxt not in seen:
        seen.add(nxt)
        article_id = nxt
    return article_id


@dataclass(frozen=True)
class RankedClaim:
    claim: Claim
    citations: tuple[Candidate, ...]  # one per source article; the representative first
    independent: int
    relevance: float
    attribution_bonus: float
    recency: float
    score: float
    text: str | None = None  # what the memo shows: the representative, or it with the sentence before it;
    # None when no sentence of the claim reads alone (``briefgen.select.alone``)

    @property
    def representative(self) -> Candidate:
        return self.citations[0]


def rank_claim(
    claim: Claim,
    sim: Similarity,
    dates: Mapping[str, dt.date | None],
    duplicate_of: Mapping[str, str | None],
    memo_date: dt.date,
    shown: Callable[[Candidate], str | None] = lambda c: c.sentence.text,
) -> RankedClaim:
    best: dict[str, tuple[tuple[bool, int, bool, float, float, str, int], Candidate]] = {}
    for c, central in zip(claim.members, centrality(claim, sim), strict=True):
        q = quality(c, central)
        if c.article_id not in best or q > best[c.article_id][0]:
            best[c.article_id] = (q, c)
    cites = [c for _, c in sorted(best.values(), key=lambda qc: qc[0], reverse=True)]
    text = None
    for k, c in enumerate(cites):  # the best sentence that can be shown as a line of its own
        if (text := shown(c)) is not None:
            cites.insert(0, cites.pop(k))
            break
    independent = len({root_of(c.article_id, duplicate_of) for c in cites})
    cites = cites[:MAX_CITATIONS]  # the count above still covers every source
    relevance = max(c.relevance for c in claim.members)  # support-only members have relevance 0
    bonus = attribution_bonus(cites[0].attribution)
    rec = recency([dates.get(c.article_id) for c in cites], memo_date)
    score = math.sqrt(relevance) * (1 + SUPPORT * math.log2(independent)) * (1 + bonus) * rec
    return RankedClaim(claim, tuple(cites), independent, relevance, bonus, rec, round(score, 6), text)


def speaker_of(c: Candidate) -> str | None:
    """The named speaker's id (None for unattributed or unnamed sources)."""
    a = c.attribution
    return a.speaker_id if a is not None and not a.unnamed and a.speaker_id else None


def _key(r: RankedClaim) -> tuple[float, str, int]:
    return (-r.score, r.representative.article_id, r.representative.sentence.index)


def lone_source(r: RankedClaim) -> str | None:
    """The article a single-source claim rests on (None when several independent sources report it)."""
    return r.representative.article_id if r.independent == 1 else None


def _blocked(overlap: float, same: float, lone: int) -> str | None:
    if overlap >= REDUNDANT or same >= REDUNDANT_SAME_SPEAKER:
        return f"repeats a chosen claim (similarity {max(overlap, same):.2f})"
    if lone >= MAX_LONE_PER_ARTICLE:
        return f"already {lone} single-source items from this article"
    return None


def select_claims(
    ranked: Sequence[RankedClaim], sim: Similarity, budget: int
) -> tuple[tuple[RankedClaim, ...], dict[tuple[str, int], str]]:
    """The picked claims in pick order, and why each other claim (by its representative's key) was not."""
    pool = sorted(ranked, key=_key)[: max(1, budget) * POOL]
    top = pool[0].score if pool and pool[0].score > 0 else 1.0
    shown = [r.representative.features for r in pool]  # MMR compares what the memo would show
    speakers = [speaker_of(r.representative) for r in pool]
    overlap = [0.0] * len(pool)
    same = [0.0] * len(pool)  # highest similarity to a picked claim of the same named speaker
    lone: Counter[str | None] = Counter()
    why: dict[int, str] = {}
    picked: list[int] = []
    while len(picked) < budget:
        best, best_val = -1, -math.inf
        for i, r in enumerate(pool):
            if i in why or i in picked:
                continue
            src = lone_source(r)
            if reason := _blocked(overlap[i], same[i], lone[src] if src else 0):
                why[i] = reason
                continue
            val = LAMBDA * r.score / top - (1 - LAMBDA) * overlap[i]
            if val > best_val:
                best, best_val = i, val
        if best < 0 or best_val < MIN_GAIN:
            break
        picked.append(best)
        lone[lone_source(pool[best])] += 1
        for i in range(len(pool)):
            if i not in why and i not in picked:
                s = sim(shown[i], shown[best])
                overlap[i] = max(overlap[i], s)
                if speakers[i] is not None and speakers[i] == speakers[best]:
                    same[i] = max(same[i], s)
    rest = "over the topic's budget" if len(picked) == budget else "too weak beside the chosen claims"
    reasons = {r.representative.key: why.get(i, rest) for i, r in enumerate(pool)}
    reasons.update(
        dict.fromkeys((r.representative.key for r in ranked), "outside the ranking pool") | reasons
    )
    for i in picked:
        del reasons[pool[i].representative.key]
    return tuple(pool[i] for i in picked), reasons
