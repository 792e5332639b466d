"""Claim groups that last from build to build: a rebuild groups only the sentences that are new.

A topic's grouping (``GroupState``) is kept in the build store. The next build keeps each claim's
sentences that are still there, places those claims first, and lets only the new sentences join
them or start claims, exactly as ``briefgen.select.claims.group_claims`` would (same similarity,
fitted on today's sentences; same join tests). A nightly rebuild after 100 new articles therefore
compares 100 articles' sentences, not the archive's.

The result depends on the order articles arrived in, as any online clustering does: an old claim is
never split by a newer sentence. So the grouping is redone from scratch once the sentences added or
removed since the last full grouping reach ``REGROUP_SHARE`` of it, and whenever the topics or the
selection code change (``state_key``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefgen.select.claims import Claim, Grouper, ranks, relevance_order
from briefgen.select.relevance import Candidate
from briefgen.select.similarity import Similarity
from briefgen.settings import Topic

log = logging.getLogger(__name__)

REGROUP_SHARE = 0.2  # added + removed sentences, as a share of the last full grouping, that force a new one

Ident = tuple[str, str, int]
"""A sentence across builds: article id, hash of the ingested article, sentence index."""


@dataclass(frozen=True)
class GroupState:
    """A topic's claim groups as a build left them."""

    groups: tuple[tuple[Ident, ...], ...]  # each claim's sentences, most relevant first
    dropped: frozenset[Ident]  # support sentences that joined no claim (not searched again)
    base: int  # sentences grouped by the last full grouping
    changed: int  # sentences added or removed since then


class GroupMemory(Protocol):
    """Where groupings are kept between builds, encoded (the build store)."""

    def load_grouping(self, topic: str, key: str) -> str | None: ...

    def save_grouping(self, topic: str, key: str, data: str) -> None: ...


def recall(memory: GroupMemory, topic: str, key: str) -> GroupState | None:
    """The grouping ``memory`` kept for ``topic`` under ``key``; None if none or unreadable."""
    data = memory.load_grouping(topic, key)
    if data is None:
        return None
    try:
        return decode(data)
    except ValueError as exc:
        log.warning("kept claims of %s unreadable (%s); grouping anew", topic, exc)
        return None


def state_key(topics: Sequence[Topic]) -> str:
    """What a kept grouping depends on besides the sentences: every topic's definition (they decide
    which sentences are candidates) and the selection code and data."""
    return hashlib.sha256(f"{_code_digest()}:{tuple(topics)!r}".encode()).hexdigest()


@functools.cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("data/*.tsv")]):  # code and its gazetteer
        digest.update(path.read_bytes())
    return digest.hexdigest()


def regroup(
    cands: Sequence[Candidate],
    dates: Mapping[str, dt.date | None],
    ident: Callable[[Candidate], Ident],
    previous: GroupState | None,
) -> tuple[tuple[Claim, ...], Similarity, GroupState]:
    """Claims as ``group_claims`` gives them, starting from ``previous`` when it is close enough to
    today's sentences; the grouping to keep for the next build."""
    ids = [ident(c) for c in cands]
    at = {x: i for i, x in enumerate(ids)}
    grouper, order = Grouper(cands, dates), relevance_order(cands)
    rank = ranks(order)
    start = _kept(previous, at, len(cands)) if previous is not None else None
    todo, base, changed = order, len(cands), 0
    if previous is not None and start is not None:
        kept, dropped, changed = start
        done = {i for g in kept for i in g} | set(dropped)
        todo, base = [i for i in order if i not in done], previous.base
        wanted = grouper.keys_of(todo)
        for members in sorted((sorted(g, key=rank.__getitem__) for g in kept), key=lambda g: rank[g[0]]):
            grouper.place(members, wanted)
        grouper.dropped.extend(dropped)
        log.debug("kept %d claims; grouping %d new sentence(s)", len(kept), len(todo))
    for i in todo:
        grouper.add(i)
    claims = grouper.claims(rank)
    groups = tuple(tuple(ids[m] for m in sorted(g, key=rank.__getitem__)) for g in grouper.groups)
    return claims, grouper.sim, GroupState(groups, frozenset(ids[i] for i in grouper.dropped), base, changed)


def _kept(
    previous: GroupState, at: Mapping[Ident, int], total: int
) -> tuple[list[list[int]], list[int], int] | None:
    """The previous claims' sentences still here, its dropped ones, and the sentences changed since
    the last full grouping; None when that is too many to go on from."""
    kept = [g for g in ([at[x] for x in group if x in at] for group in previous.groups) if g]
    dropped = [at[x] for x in previous.dropped if x in at]
    known = sum(len(g) for g in previous.groups) + len(previous.dropped)
    present = sum(len(g) for g in kept) + len(dropped)
    changed = previous.changed + (known - present) + (total - present)
    if changed > REGROUP_SHARE * max(1, previous.base):
        log.debug("%d sentences changed since the last full grouping: grouping anew", changed)
        return None
    return kept, dropped, changed


def encode(state: GroupState) -> str:
    """``state`` as compact JSON (each article named once)."""
    articles: dict[tuple[str, str], int] = {}

    def short(x: Ident) -> list[int]:
        return [articles.setdefault((x[0], x[1]), len(articles)), x[2]]

    groups = [[short(x) for x in g] for g in state.groups]
    dropped = [short(x) for x in sorted(state.dropped)]
    data = {"articles": list(articles), "groups": groups, "dropped": dropped}
    return json.dumps({**data, "base": state.base, "changed": state.changed}, separators=(",", ":"))


def decode(text: str) -> GroupState:
    """The state ``encode`` wrote; ValueError if it is not one."""
    try:
        data = json.loads(text)
        articles = [(str(a), str(h)) for a, h in data["articles"]]

        def full(x: list[int]) -> Ident:
            return (*articles[int(x[0])], int(x[1]))

        groups = tuple(tuple(full(x) for x in g) for g in data["groups"])
        return GroupState(groups, frozenset(full(x) for x in data["dropped"]), int(data["base"]),
                          int(data["changed"]))  # fmt: skip
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"not a kept grouping: {exc}") from exc
