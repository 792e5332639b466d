"""The build cache: round trips, invalidation, claim history, migration and corrupt files."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.models import AnalysedArticle, Article, Attribution, DroppedLine, Sentence
from briefgen.packing import pack, unpack
from briefgen.store import SCHEMA_VERSION, Store, article_key

BODY = "The minister said talks would resume.\n\nOfficials were cautious."


def article(body: str = BODY, id: str = "a1") -> Article:
    return Article(
        id=id,
        path=f"corpus/{id}.txt",
        title="Talks resume",
        publisher="Test Wire",
        date=dt.date(2025, 3, 4),
        url=None,
        lang="en",
        body=body,
        headings=((0, "Background"),),
        dropped=(DroppedLine("Advertisement", "clutter"),),
        content_hash="h-" + id,
    )


def analysed(a: Article) -> AnalysedArticle:
    first = Sentence(a.id, 0, 0, 37, a.body[:37], 0)
    second = Sentence(a.id, 1, 39, len(a.body), a.body[39:], 1)
    said = Attribution(
        "indirect", "said", "Ana Ruiz", "ana-ruiz", "The minister", "minister", quotes=((4, 12),)
    )
    return AnalysedArticle(a, (first, second), (said, None))


def test_packed_analysis_round_trips() -> None:
    value = analysed(article())
    assert unpack(value.article, pack(value)) == value


def test_packed_rows_that_do_not_fit_are_refused() -> None:
    value = analysed(article())
    for bad in ("not json", "[[], [null]]", json.dumps([[[0, 0, 10**6, 0]], [None]]), "[1, 2, 3]"):
        with pytest.raises(ValueError):
            unpack(value.article, bad)


def test_cached_analysis_is_returned_for_the_same_article_only(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path, "fp") as store:
        store.put_many([analysed(article())])
    with Store.open(path, "fp") as store:
        assert store.get(article()) == analysed(article())
        assert store.get(article(body=BODY + " More.")) is None
        assert store.get(replace(article(), duplicate_of="a0")) is not None  # the link does not matter
        assert (store.hits, store.misses) == (2, 1)


def test_changed_fingerprint_drops_the_analyses(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path, "code-v1") as store:
        store.put_many([analysed(article())])
    with Store.open(path, "code-v2") as store:
        assert store.cached_count() == 0 and store.get(article()) is None


def test_prune_forgets_articles_no_longer_in_the_corpus(tmp_path: Path) -> None:
    kept, gone = article(id="kept"), article(id="gone")
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        store.put_many([analysed(kept), analysed(gone)])
        assert store.prune([kept]) == 1
        assert store.get(kept) is not None and store.get(gone) is None


def test_unreadable_row_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path, "fp") as store:
        store.put_many([analysed(article())])
        with store.conn:
            store.conn.execute("UPDATE analyses SET data = ?", ('{"sentences": [1], "attributions": []}',))
        assert store.get(article()) is None


def test_claims_are_compared_with_the_latest_earlier_build(tmp_path: Path) -> None:
    day1, day2, day3 = dt.date(2025, 1, 1), dt.date(2025, 1, 2), dt.date(2025, 1, 3)
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        assert store.previous_claims("t", day1) is None
        store.record_claims("t", day1, ["a", "b"])
        store.record_claims("t", day2, ["b", "c"])
        store.record_claims("t", day2, ["c", "d"])  # a rebuild of the same day replaces its claims
        store.record_claims("other", day2, ["z"])
        assert store.previous_claims("t", day2) == (day1, frozenset({"a", "b"}))
        assert store.previous_claims("t", day3) == (day2, frozenset({"c", "d"}))


def test_empty_memo_still_counts_as_a_previous_build(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        store.record_claims("t", dt.date(2025, 1, 1), [])
        assert store.previous_claims("t", dt.date(2025, 1, 2)) == (dt.date(2025, 1, 1), frozenset())


def test_garbage_store_is_moved_aside_and_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"this is not a database, just bytes\x00\x01" * 200)
    with caplog.at_level(logging.WARNING, logger="briefgen.store"), Store.open(path, "fp") as store:
        store.put_many([analysed(article())])
        assert store.get(article()) is not None
    assert "unreadable store" in caplog.text
    assert (tmp_path / "store.sqlite.corrupt").exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_old_schema_is_migrated_without_a_manual_step(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE analyses (key TEXT, blob BLOB)")
        conn.execute("INSERT INTO analyses VALUES ('x', x'00')")
        conn.execute("PRAGMA user_version = 0")
    conn.close()
    with Store.open(path, "fp") as store:
        assert store.cached_count() == 0
        store.put_many([analysed(article())])
        assert store.get(article()) == analysed(article())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_article_key_depends_on_what_analysis_reads() -> None:
    base = article()
    assert article_key(base) == article_key(replace(base, duplicate_of="other"))
    assert article_key(base) == article_key(replace(base, path="/elsewhere/corpus/a1.txt"))
    assert article_key(base) != article_key(replace(base, id="renamed"))
    assert article_key(base) != article_key(replace(base, body=BODY.replace("resume", "restart")))


def test_a_moved_corpus_keeps_its_analyses_and_they_name_the_new_path(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        store.put_many([analysed(article())])
        moved = replace(article(), path="/elsewhere/corpus/a1.txt")
        found = store.get(moved)
        assert found is not None and found.article.path == moved.path
        assert found == analysed(moved)


def test_store_failures_during_a_build_are_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        for table in ("analyses", "builds", "claims"):
            store.conn.execute(f"DROP TABLE {table}")
        with caplog.at_level(logging.WARNING, logger="briefgen.store"):
            assert store.get(article()) is None
            store.put_many([analysed(article())])
            assert store.prune([article()]) == 0
            store.record_claims("t", dt.date(2025, 1, 1), ["a"])
            assert store.previous_claims("t", dt.date(2025, 1, 2)) is None
    assert len(caplog.records) == 5 and all(r.levelno == logging.WARNING for r in caplog.records)


def test_cached_parses_round_trip_and_files_no_longer_listed_are_forgotten(tmp_path: Path) -> None:
    one, two = (article(id="one"),), (article(id="two", body=BODY + " Again."),)
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        store.put_parsed({"k1": (one, ((1, 2, 3),)), "k2": (two, ((4,),))}, keep=())
        assert store.get_parsed(["k1", "k2", "k3"]) == {"k1": (one, ((1, 2, 3),)), "k2": (two, ((4,),))}
        store.put_parsed({}, keep=["k2"])
        assert set(store.get_parsed(["k1", "k2"])) == {"k2"}
        with store.conn:
            store.conn.execute("UPDATE parsed SET data = '[[], []]'")
        assert store.get_parsed(["k2"]) == {}  # a row that does not fit is a miss
    with Store.open(tmp_path / "s.sqlite", "other code") as store:
        store.put_parsed({"k1": (one, ((1,),))}, keep=["k1"])
    with Store.open(tmp_path / "s.sqlite", "new code") as store:
        assert store.get_parsed(["k1"]) == {}


def test_file_stamps_are_replaced_as_a_whole_and_survive_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        store.put_stamps({"s1": "k1", "s2": "k2"})
        assert store.get_stamps(["s1", "s2", "s3"]) == {"s1": "k1", "s2": "k2"}
        store.put_stamps({"s2": "k2b"})
    with Store.open(tmp_path / "s.sqlite", "fp") as store:
        assert store.get_stamps(["s1", "s2"]) == {"s2": "k2b"}
