"""Ranking only the claims that can reach the picking pool gives the pool and the picks of a full ranking."""

from __future__ import annotations

import dataclasses
import datetime as dt

from briefgen.select.coverage import POOL
from briefgen.select.ordering import score_bound
from briefgen.select.pipeline import Selection, run
from tests.test_select import MEMO_DATE, NAMED, READMISSIONS, TOPICS, article

SYLLABLES = ("bar", "kel", "mon", "dra", "vus", "tep", "lor", "shi", "gam", "quo", "ner", "fib")
TEMPLATES = (
    "Officials in {0} said the readmission of {1} {2} resumed near {3}.",
    "The repatriation of {0} workers from {1} was delayed by {2} and {3}.",
    "Prefects in {0} issued expulsion orders against {1} {2} traders from {3}.",
    "A consular pass for {0} {1} was refused at {2} and again at {3}.",
)


def _word(n: int) -> str:
    """An invented word of its own for each ``n`` (so every article states its own facts)."""
    a, b = divmod(n, len(SYLLABLES))
    c, a = divmod(a, len(SYLLABLES))
    return (SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c % len(SYLLABLES)]).capitalize()


def _articles(n: int) -> list:
    """``n`` articles, each with its own readmission claim in its own words, some attributed."""
    out = []
    for i in range(n):
        text = TEMPLATES[i % len(TEMPLATES)].format(*(_word(4 * i + k + 13) for k in range(4)))
        day = MEMO_DATE - dt.timedelta(days=i % 40)
        out.append(article(f"a{i:02d}", text, date=day, attributions={0: NAMED} if i % 3 else None))
    return out


def _pool(sel: Selection) -> list[tuple[float, tuple[str, int]]]:
    return [(r.score, r.representative.key) for r in sel.ranked[: max(1, sel.topic.budget) * POOL]]


def test_the_pool_and_the_picks_are_those_of_the_full_ranking() -> None:
    topic = dataclasses.replace(READMISSIONS, budget=1)  # a pool of POOL claims out of many more
    corpus = _articles(80)
    lazy = run(topic, TOPICS, corpus, MEMO_DATE)
    full = run(topic, TOPICS, corpus, MEMO_DATE, complete=True)
    assert len(full.ranked) > 2 * POOL
    assert len(lazy.ranked) < len(full.ranked)  # the bound closed some claims out
    assert _pool(lazy) == _pool(full)
    assert [r.representative.key for r in lazy.chosen] == [r.representative.key for r in full.chosen]


def test_no_claim_scores_above_its_bound() -> None:
    corpus = _articles(40)
    full = run(READMISSIONS, TOPICS, corpus, MEMO_DATE, complete=True)
    dates = {a.article.id: a.article.date for a in corpus}
    dups = {a.article.id: a.article.duplicate_of for a in corpus}
    assert full.ranked
    for r in full.ranked:
        assert r.score <= score_bound(r.claim, dates, dups, MEMO_DATE)
