"""Article scans kept in the build store (``briefgen.select.scanstore``): read back equal, made once,
made again when the article, the topics or the kept data change."""

from __future__ import annotations

import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.select import scanstore
from briefgen.select.relevance import scan_article
from briefgen.select.scanstore import decode, encode, recall_scans
from briefgen.store import Store
from tests.test_regroup import corpus
from tests.test_select import TOPICS


class Memory:
    """The build store's scan table, in memory."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def load_scans(self, keys: Sequence[str]) -> dict[str, str]:
        return {k: self.kept[k] for k in keys if k in self.kept}

    def save_scans(self, fresh: Mapping[str, str], keep: Collection[str]) -> None:
        self.kept = {k: v for k, v in {**self.kept, **fresh}.items() if k in keep}


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []

    def scan(item, topics, memo=None):  # type: ignore[no-untyped-def]
        made.append(item.article.id)
        return scan_article(item, topics, memo)

    monkeypatch.setattr(scanstore, "scan_article", scan)
    return made


def test_a_kept_scan_reads_back_equal() -> None:
    for item in corpus(4):
        scan = scan_article(item, TOPICS)
        back = decode(encode(scan))
        assert scan.sentences and back == scan
        words = [w for x in back.sentences for w in (*x.stems, *x.features)]
        assert all(w is sys.intern(w) for w in words)  # shared, as the stemmer's are


def test_articles_are_scanned_once_and_again_when_they_or_the_topics_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles, memory = corpus(5), Memory()
    made = counting(monkeypatch)
    first = recall_scans(articles, TOPICS, memory)
    assert len(made) == 5 and len(memory.kept) == 5
    assert recall_scans(articles, TOPICS, memory) == first and len(made) == 5
    edited = replace(articles[2], article=replace(articles[2].article, title="Readmission talks"))
    recall_scans([*articles[:2], edited, *articles[3:]], TOPICS, memory)
    assert made[5:] == ["a02"] and len(memory.kept) == 5  # the old scan of a02 is forgotten
    wider = (replace(TOPICS[0], include=(*TOPICS[0].include, "flights")), TOPICS[1])
    recall_scans(articles, wider, memory)
    assert len(made) == 11


def test_an_unreadable_kept_scan_is_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    articles, memory = corpus(2), Memory()
    made = counting(monkeypatch)
    first = recall_scans(articles, TOPICS, memory)
    for key in memory.kept:
        memory.kept[key] = "[1, 2"
    assert recall_scans(articles, TOPICS, memory) == first and len(made) == 4
    with pytest.raises(ValueError):
        decode('{"not": "a scan"}')


def test_the_store_keeps_scans_prunes_the_rest_and_drops_them_with_the_analyses(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store.open(path, "fp") as store:
        store.save_scans({"a": "1", "b": "2"}, keep=["a", "b"])
        store.save_scans({"c": "3"}, keep=["a", "c"])
        assert store.load_scans(["a", "b", "c"]) == {"a": "1", "c": "3"}
    with Store.open(path, "other analysis code") as store:
        assert store.load_scans(["a", "c"]) == {}
