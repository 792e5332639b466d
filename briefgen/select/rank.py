"""Rank claims: representative, verified citations, independent support, attribution, recency.

score = sqrt(relevance) x (1 + SUPPORT x log2(independent sources)) x (1 + attribution bonus) x recency

A claim's representative is its best sentence that reads alone; each other source is cited with its
best sentence that states the representative's fact (``briefgen.select.states``). A source none of
whose sentences does is "see also": related, shown, never counted. Picking among ranked claims is
``briefgen.select.coverage``'s job.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.models import Attribution
from briefgen.select.claims import Claim
from briefgen.select.features import QUOTED
from briefgen.select.relevance import Candidate
from briefgen.select.similarity import Similarity
from briefgen.select.states import why_not

SUPPORT = 0.5
NAMED, UNNAMED = 0.25, 0.10  # attribution bonuses: named speaker > unnamed source > none
HALF_LIFE = 30.0  # days
UNDATED_RECENCY = 0.8
MAX_CITATIONS = 8  # sources cited per item (best first); a story copied by hundreds of outlets stays readable
MAX_SEE_ALSO = 3  # related sources shown per item


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
    see_also: tuple[Candidate, ...] = ()  # other sources' related sentences: shown, not counted

    @property
    def representative(self) -> Candidate:
        return self.citations[0]


Quality = tuple[bool, int, bool, float, float, str, int]
CHECKED_PER_SOURCE = 3  # sentences of one source tried against the representative (best first)


def by_source(claim: Claim, sim: Similarity) -> list[list[Candidate]]:
    """Each source article's members of ``claim``, best first; sources in order of their best member."""
    per: dict[str, list[tuple[Quality, Candidate]]] = {}
    for c, central in zip(claim.members, centrality(claim, sim), strict=True):
        per.setdefault(c.article_id, []).append((quality(c, central), c))
    groups = [sorted(v, key=lambda qc: qc[0], reverse=True) for v in per.values()]
    groups.sort(key=lambda v: v[0][0], reverse=True)
    return [[c for _, c in g] for g in groups]


def verified(
    rep: Candidate, groups: Sequence[Sequence[Candidate]], sim: Similarity,
    dates: Mapping[str, dt.date | None],
) -> tuple[list[Candidate], list[Candidate]]:  # fmt: skip
    """The representative and each other source's best sentence stating its fact; and the sources
    with only related sentences (their best one each)."""
    cites, related = [rep], []
    for g in groups:
        if g[0].article_id == rep.article_id:
            continue
        hit = next((c for c in g[:CHECKED_PER_SOURCE] if why_not(rep, c, sim.weights, dates) is None), None)
        if hit is not None:
            cites.append(hit)
        else:
            related.append(g[0])
    return cites, related


def rank_claim(
    claim: Claim,
    sim: Similarity,
    dates: Mapping[str, dt.date | None],
    duplicate_of: Mapping[str, str | None],
    memo_date: dt.date,
    shown: Callable[[Candidate], str | None] = lambda c: c.sentence.text,
) -> RankedClaim:
    groups = by_source(claim, sim)
    rep, text = groups[0][0], None
    for g in groups:  # the best sentence that can be shown as a line of its own
        if (text := shown(g[0])) is not None:
            rep = g[0]
            break
    cites, related = verified(rep, groups, sim, dates)
    independent = len({root_of(c.article_id, duplicate_of) for c in cites})
    cites = cites[:MAX_CITATIONS]  # the count above still covers every source
    relevance = max(c.relevance for c in claim.members)  # support-only members have relevance 0
    bonus = attribution_bonus(rep.attribution)
    rec = recency([dates.get(c.article_id) for c in cites], memo_date)
    score = math.sqrt(relevance) * (1 + SUPPORT * math.log2(independent)) * (1 + bonus) * rec
    return RankedClaim(
        claim, tuple(cites), independent, relevance, bonus, rec, round(score, 6), text,
        tuple(related[:MAX_SEE_ALSO]),
    )  # fmt: skip


def speaker_of(c: Candidate) -> str | None:
    """The named speaker's id (None for unattributed or unnamed sources)."""
    a = c.attribution
    return a.speaker_id if a is not None and not a.unnamed and a.speaker_id else None
