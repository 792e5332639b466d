"""The selection steps end to end: date window -> relevance -> claims -> ranking -> MMR pick."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from briefgen.models import AnalysedArticle
from briefgen.select.alone import display_text
from briefgen.select.claims import Claim
from briefgen.select.coverage import POOL, Caps, concept_weights, select_claims
from briefgen.select.ordering import rank_best, score_bound
from briefgen.select.rank import RankedClaim, rank_claim
from briefgen.select.regroup import GroupMemory, Ident, encode, recall, regroup, state_key
from briefgen.select.relevance import (
    OTHER_TOPIC,
    ArticleScan,
    Candidate,
    SentenceMemo,
    scan_article,
    topic_candidates,
)
from briefgen.select.scanstore import ScanMemory, recall_scans
from briefgen.select.similarity import Similarity
from briefgen.settings import Topic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    """The articles a memo may use, in id order."""

    articles: tuple[AnalysedArticle, ...]
    skipped: int  # left out by the date window
    undated: int


@dataclass(frozen=True)
class Selection:
    topic: Topic
    window: Window
    candidates: tuple[Candidate, ...]  # every sentence matching the topic, accepted or not
    ranked: tuple[RankedClaim, ...]  # claims best first: every one, or those that could be picked
    chosen: tuple[RankedClaim, ...]  # picked claims, in pick order
    why_not: Mapping[tuple[str, int], str]  # claim representative key -> reason it was not picked
    similarity: Similarity


def date_window(corpus: Sequence[AnalysedArticle], memo_date: dt.date, since: dt.date | None) -> Window:
    """Articles dated on or before ``memo_date`` (and on or after ``since``); undated ones are kept."""

    def inside(d: dt.date | None) -> bool:
        return d is None or (d <= memo_date and (since is None or d >= since))

    kept = sorted((a for a in corpus if inside(a.article.date)), key=lambda a: (a.article.id, a.article.path))
    undated = sum(1 for a in kept if a.article.date is None)
    return Window(tuple(kept), len(corpus) - len(kept), undated)


def _with_topic(topic: Topic, topics: Sequence[Topic]) -> tuple[tuple[Topic, ...], int]:
    names = [t.name for t in topics]
    if topic.name in names:
        listed = list(topics)
        listed[names.index(topic.name)] = topic
        return tuple(listed), names.index(topic.name)
    return (*topics, topic), len(names)


ScanCache = dict[tuple[str, str, int], ArticleScan]
"""Article scans shared by the topics of one build: each scan already covers every topic."""


class Memory(GroupMemory, ScanMemory, Protocol):
    """The build store as selection uses it: the scans and claim groups kept between builds."""


def _scans(
    window: Window, topics: tuple[Topic, ...], cache: ScanCache | None, memory: ScanMemory | None
) -> list[ArticleScan]:
    """Each window article's scan: from ``cache``, else kept in ``memory``, else made now."""
    cache = {} if cache is None else cache
    tkey = hash(topics)

    def key(a: AnalysedArticle) -> tuple[str, str, int]:
        return (a.article.id, a.article.content_hash, tkey)

    missing = [a for a in window.articles if key(a) not in cache]
    if missing and memory is not None:
        cache.update(zip(map(key, missing), recall_scans(missing, topics, memory), strict=True))
    memo: SentenceMemo = {}
    for a in missing:
        if key(a) not in cache:
            cache[key(a)] = scan_article(a, topics, memo)
    return [cache[key(a)] for a in window.articles]


def lone_cap(topic: Topic, accepted: Sequence[Candidate]) -> int:
    """The topic's single-source cap per article (``Topic.max_single_source_per_article``)."""
    if topic.max_single_source_per_article is not None:
        return topic.max_single_source_per_article
    articles = len({c.article_id for c in accepted if c.matched})
    return max(2, -(-topic.budget // max(1, articles)))


def _claims(
    name: str, topics: tuple[Topic, ...], window: Window, accepted: Sequence[Candidate],
    dates: Mapping[str, dt.date | None], memory: GroupMemory | None,
) -> tuple[tuple[Claim, ...], Similarity]:  # fmt: skip
    """The accepted sentences grouped into claims, from the last build's claims when ``memory`` has them."""

    def ident(c: Candidate) -> Ident:
        return (c.article_id, window.articles[c.position].article.content_hash, c.sentence.index)

    key = state_key(topics) if memory is not None else ""
    previous = recall(memory, name, key) if memory is not None else None
    claims, sim, state = regroup(accepted, dates, ident, previous)
    if memory is not None:
        memory.save_grouping(name, key, encode(state))
    return claims, sim


def yielded(c: Candidate) -> bool:
    """Cut only by the other-topic rule."""
    return c.rejected is not None and c.rejected.startswith(OTHER_TOPIC)


def run(
    topic: Topic,
    topics: Sequence[Topic],
    corpus: Sequence[AnalysedArticle],
    memo_date: dt.date,
    since: dt.date | None = None,
    cache: ScanCache | None = None,
    complete: bool = False,
    memory: Memory | None = None,
) -> Selection:
    """Select ``topic``'s claims; pass one ``cache`` to every topic of a build to scan articles once.
    ``ranked`` holds the claims that could reach the picking pool, or every claim when ``complete``.
    With ``memory`` (the build store) articles are scanned once for these topics
    (``briefgen.select.scanstore``) and the claims of the last build are kept, so only new sentences
    are grouped (``briefgen.select.regroup``)."""
    window = date_window(corpus, memo_date, since)
    all_topics, t = _with_topic(topic, topics)
    scans = _scans(window, all_topics, cache, memory)
    candidates = topic_candidates(t, all_topics, window.articles, scans)
    accepted = [c for c in candidates if c.rejected is None]
    if not any(c.matched for c in accepted):  # never empty only because other topics claimed it all
        candidates = tuple(replace(c, rejected=None) if yielded(c) else c for c in candidates)
        accepted = [c for c in candidates if c.rejected is None]
    dates = {a.article.id: a.article.date for a in window.articles}
    claims, sim = _claims(topic.name, all_topics, window, accepted, dates, memory)
    dups = {a.article.id: a.article.duplicate_of for a in window.articles}

    def shown(c: Candidate) -> str | None:
        return display_text(window.articles[c.position], c.sentence)

    ranked = rank_best(
        claims,
        lambda c: rank_claim(c, sim, dates, dups, memo_date, shown),
        lambda c: score_bound(c, dates, dups, memo_date),
        None if complete else max(1, topic.budget) * POOL,
    )
    weights = concept_weights(accepted, dups)
    chosen, why = select_claims(ranked, sim, Caps(topic.budget, lone_cap(topic, accepted)), weights)
    log.debug("%s: %d candidates, %d accepted, %d claims, %d chosen",
              topic.name, len(candidates), len(accepted), len(claims), len(chosen))  # fmt: skip
    return Selection(topic, window, candidates, tuple(ranked), chosen, why, sim)
