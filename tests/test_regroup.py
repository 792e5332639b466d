"""Claim groups kept from build to build (``briefgen.select.regroup``): what a rebuild keeps, what it
groups, and when it groups everything anew."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.commands.build import BuildRequest, build
from briefgen.commands.corpus import store_path
from briefgen.config import load_settings
from briefgen.incremental import fingerprint
from briefgen.models import AnalysedArticle
from briefgen.select import claims, pipeline, regroup
from briefgen.select.regroup import GroupState, decode, encode, recall
from briefgen.store import Store
from tests.buildkit import EXTRA_ARTICLE
from tests.test_select import MEMO_DATE, READMISSIONS, TOPICS, article


class Memory:
    """The build store's grouping table, in memory (no scans kept)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, str]] = {}

    def load_scans(self, keys: Sequence[str]) -> dict[str, str]:
        return {}

    def save_scans(self, fresh: Mapping[str, str], keep: Collection[str]) -> None:
        pass

    def load_grouping(self, topic: str, key: str) -> str | None:
        key_and_data = self.kept.get(topic)
        return key_and_data[1] if key_and_data and key_and_data[0] == key else None

    def save_grouping(self, topic: str, key: str, data: str) -> None:
        self.kept[topic] = (key, data)

    def state(self, topic: str = READMISSIONS.name) -> GroupState:
        return decode(self.kept[topic][1])


STORIES = (
    "Algeria agreed to resume the readmission of its nationals under expulsion orders.",
    "Consular pass delays slowed the repatriation of nationals under expulsion orders.",
    "The readmission backlog of nationals under expulsion orders reached a record in January.",
    "Officials said the repatriation flights under expulsion orders would restart in spring.",
)


def corpus(n: int) -> list[AnalysedArticle]:
    """``n`` articles, each telling two of the stories in its own order."""
    return [
        article(f"a{i:02d}", STORIES[i % 4], STORIES[(i + 1) % 4], date=dt.date(2026, 2, 1 + i % 20))
        for i in range(n)
    ]


def grouped(articles: list[AnalysedArticle], memory: Memory | None = None) -> list[list[tuple[str, int]]]:
    selection = pipeline.run(READMISSIONS, TOPICS, articles, MEMO_DATE, complete=True, memory=memory)
    return [[(m.article_id, m.sentence.index) for m in r.claim.members] for r in selection.ranked]


class Adds:
    """Counts the sentences grouped by search (``Grouper.add``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        add = claims.Grouper.add

        def counted(grouper: claims.Grouper, i: int) -> None:
            self.count += 1
            add(grouper, i)

        monkeypatch.setattr(claims.Grouper, "add", counted)


def test_a_first_build_groups_as_without_memory() -> None:
    articles = corpus(8)
    memory = Memory()
    assert grouped(articles, memory) == grouped(articles)
    state = memory.state()
    assert state.changed == 0 and state.base == sum(len(g) for g in state.groups) + len(state.dropped)


def test_a_rebuild_with_nothing_new_keeps_every_claim_and_searches_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles, memory = corpus(8), Memory()
    first = grouped(articles, memory)
    adds = Adds(monkeypatch)
    assert grouped(articles, memory) == first
    assert adds.count == 0


def test_a_new_article_joins_the_kept_claims_and_only_its_sentences_are_grouped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(regroup, "REGROUP_SHARE", 1.0)
    articles, memory = corpus(8), Memory()
    before = grouped(articles, memory)
    adds = Adds(monkeypatch)
    late = article("z99", STORIES[0], "Readmission flights for nationals under expulsion orders were full.")
    after = grouped([*articles, late], memory)
    assert adds.count == 2
    resumed = next(g for g in after if ("z99", 0) in g)
    assert sorted(g for g in before if ("a00", 0) in g)[0] == [m for m in resumed if m[0] != "z99"]
    assert memory.state().changed == 2


def test_a_rebuild_indexes_only_the_kept_sentences_its_new_ones_can_find(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept sentences sharing no feature with the new ones are indexed under no key: the same claims
    and the same kept grouping as indexing every kept sentence, with fewer postings written."""
    monkeypatch.setattr(regroup, "REGROUP_SHARE", 1.0)
    other = article("b01", "Consular pass fees for fishermen detained in Sfax doubled.")
    articles, late = [*corpus(8), other], article("z99", STORIES[0])
    keyed: list[int] = []
    index = claims.Grouper._index

    def counted(grouper: claims.Grouper, i: int, g: int, keys: list[str]) -> None:
        keyed.append(len(keys))
        index(grouper, i, g, keys)

    monkeypatch.setattr(claims.Grouper, "_index", counted)
    full, lazy = Memory(), Memory()
    grouped(articles, full), grouped(articles, lazy)
    with monkeypatch.context() as m:
        m.setattr(claims.Grouper, "keys_of", lambda grouper, todo: None)
        keyed.clear()
        want = grouped([*articles, late], full)
        every = list(keyed)
    keyed.clear()
    assert grouped([*articles, late], lazy) == want and lazy.kept == full.kept
    assert len(keyed) == len(every) and 0 in keyed and 0 not in every


def test_a_changed_article_leaves_its_claims_and_its_new_text_is_grouped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(regroup, "REGROUP_SHARE", 1.0)
    articles, memory = corpus(8), Memory()
    grouped(articles, memory)
    edited = article("a03", STORIES[2], date=dt.date(2026, 2, 4))
    edited = replace(edited, article=replace(edited.article, content_hash="edited"))
    adds = Adds(monkeypatch)
    grouped([*articles[:3], edited, *articles[4:]], memory)
    assert adds.count == 1
    state = memory.state()
    assert state.changed == 3  # two sentences gone, one new
    kept = {x for g in state.groups for x in g}
    assert ("a03", "edited", 0) in kept and not {("a03", "", 0), ("a03", "", 1)} & kept


def test_more_change_than_the_share_groups_everything_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    articles, memory = corpus(8), Memory()
    grouped(articles, memory)
    more = corpus(12)
    assert grouped(more, memory) == grouped(more)  # 8 new sentences on 16 > REGROUP_SHARE
    state = memory.state()
    assert state.changed == 0 and state.base == 24


def test_other_topics_or_selection_code_start_a_new_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    articles, memory = corpus(8), Memory()
    grouped(articles, memory)
    adds = Adds(monkeypatch)
    wider = replace(READMISSIONS, include=(*READMISSIONS.include, "flights"))
    pipeline.run(wider, TOPICS, articles, MEMO_DATE, memory=memory)
    assert adds.count > 0
    assert regroup.state_key(TOPICS) != regroup.state_key((wider, TOPICS[1]))


def test_a_new_gazetteer_starts_a_new_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    before = regroup.state_key(TOPICS)
    read = Path.read_bytes

    def edited(path: Path) -> bytes:
        return read(path) + (b"Atlantis\tAT\tcity\n" if path.name == "places.tsv" else b"")

    monkeypatch.setattr(Path, "read_bytes", edited)
    regroup._code_digest.cache_clear()
    try:
        assert regroup.state_key(TOPICS) != before
    finally:
        monkeypatch.undo()
        regroup._code_digest.cache_clear()
    assert regroup.state_key(TOPICS) == before


idents = st.tuples(st.text(max_size=6), st.text(max_size=4), st.integers(0, 500))


@given(
    st.lists(st.lists(idents, min_size=1, max_size=4), max_size=5),
    st.frozensets(idents, max_size=4),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_a_kept_grouping_round_trips(
    groups: list[list[tuple[str, str, int]]],
    dropped: frozenset[tuple[str, str, int]],
    base: int,
    changed: int,
) -> None:
    state = GroupState(tuple(tuple(g) for g in groups), dropped, base, changed)
    assert decode(encode(state)) == state


@pytest.mark.parametrize("bad", ["", "[]", "{}", '{"articles": [["a", "h"]], "groups": [[[5, 0]]]}'])
def test_an_unreadable_grouping_is_forgotten_with_a_warning(
    bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    memory = Memory()
    memory.save_grouping("t", "k", bad)
    with caplog.at_level(logging.WARNING):
        assert recall(memory, "t", "k") is None
    assert "grouping anew" in caplog.text


def test_the_store_keeps_a_grouping_per_topic_and_key_and_drops_it_with_the_analyses(tmp_path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path, "fp") as store:
        store.save_grouping("t", "k1", "data")
        assert store.load_grouping("t", "k1") == "data"
        assert store.load_grouping("t", "k2") is None and store.load_grouping("u", "k1") is None
    with Store.open(path, "other analysis code") as store:
        assert store.load_grouping("t", "k1") is None


def test_a_nightly_build_keeps_every_topics_claims_and_groups_the_new_article_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regroup, "REGROUP_SHARE", 1.0)
    settings = load_settings(project)
    build(settings, BuildRequest(memo_date=dt.date(2025, 1, 2), formats=("md",)))
    with Store.open(store_path(settings), fingerprint(settings.aliases)) as store:
        kept = {t.name: store.conn.execute("SELECT key FROM groupings WHERE topic = ?", (t.name,)).fetchone()
                for t in settings.topics}  # fmt: skip
    assert all(kept.values())
    (project.parent / "corpus" / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    grouped_by_search: list[str] = []
    add = claims.Grouper.add

    def counted(grouper: claims.Grouper, i: int) -> None:
        grouped_by_search.append(grouper.cands[i].article_id)
        add(grouper, i)

    monkeypatch.setattr(claims.Grouper, "add", counted)
    build(settings, BuildRequest(memo_date=dt.date(2025, 1, 3), formats=("md",)))
    assert grouped_by_search and set(grouped_by_search) == {"extra"}


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=300), max_size=100).map(lambda p: sorted(set(p))),
        min_size=1,
        max_size=10,
    )
)
def test_neighbours_counted_in_bulk_are_the_ones_a_counter_picks(postings: list[list[int]]) -> None:
    """The neighbours of a sentence are the earlier ones sharing the most index keys (of a tie, the
    earliest), whether counted by a Counter (few postings) or in numpy (a large grouping's)."""
    taken = [claims.array("q", p) for p in postings]
    shared: dict[int, int] = {}
    for p in postings:
        for j in p:
            shared[j] = shared.get(j, 0) + 1
    want = sorted(shared, key=lambda j: (-shared[j], j))[: claims.MAX_NEIGHBOURS]
    assert sorted(claims._most_shared_bulk(taken)) == sorted(want)
    index = {f"k{n}": t for n, t in enumerate(taken)}  # at most 1,000 entries: every posting is read
    assert sorted(claims._neighbours(list(index), index)) == sorted(want)
