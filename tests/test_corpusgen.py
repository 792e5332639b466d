"""The "distinct" benchmark corpus (``benchmarks/generate.py --kind distinct``): deterministic, mostly
distinct sentences, the intended mix of kinds, and text the real pipeline turns into a memo."""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from briefgen.cli import app

ROOT = Path(__file__).parents[1]
SEED = 1


def bench(name: str) -> ModuleType:
    """A module of ``benchmarks/`` (imported as ``tests/interruptkit.py`` imports the generator)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    return __import__(name, fromlist=["*"])


@pytest.fixture(scope="module")
def thousand() -> list[Any]:
    distinct = bench("corpusgen.distinct")
    return [distinct.generate_distinct(SEED, i) for i in range(1000)]


@cache
def topics() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "config" / "briefgen.yaml").read_text(encoding="utf-8"))["topics"]


def terms(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` at a word start, longer forms included ("Algeria" matches "Algerian")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)


def body_sentences(article: Any) -> list[str]:
    split = bench("corpusgen.sources").split_sentences
    return [s for line in article.lines if len(line.split()) >= 8 for s in split(line)]


def test_an_article_depends_only_on_seed_and_index() -> None:
    generate = bench("corpusgen.distinct").generate_distinct
    first = generate(7, 345).text()
    for i in (0, 900, 344, 346):
        generate(7, i)
    assert generate(7, 345).text() == first
    assert generate(8, 345).text() != first
    assert generate(7, 346).text() != first


def test_add_continues_a_folder_exactly_as_a_larger_n(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate = bench("generate")
    whole, grown = tmp_path / "whole", tmp_path / "grown"
    common = ["--kind", "distinct", "--seed", "5", "--out"]
    assert generate.main(["--n", "60", *common, str(whole)]) == 0
    assert generate.main(["--n", "35", *common, str(grown)]) == 0
    assert generate.main(["--add", "25", *common, str(grown)]) == 0
    files = {p.relative_to(whole): p.read_bytes() for p in sorted(whole.rglob("*")) if p.is_file()}
    assert len(files) == 60
    assert {p.relative_to(grown): p.read_bytes() for p in sorted(grown.rglob("*")) if p.is_file()} == files
    assert "body sentences distinct" in capsys.readouterr().out


def test_at_least_nine_in_ten_sentences_are_distinct(thousand: list[Any]) -> None:
    tally = bench("distinct").Tally()
    for article in thousand:
        tally.add(article.text(), article.markdown)
    assert tally.total > 25_000
    assert tally.share >= 0.9, tally.line()


def test_kinds_languages_and_formats_come_in_the_intended_shares(thousand: list[Any]) -> None:
    share = Counter(a.kind for a in thousand)
    assert 0.03 <= share["duplicate"] / 1000 <= 0.07
    assert 0.25 <= share["offtopic"] / 1000 <= 0.35
    assert 0.20 <= sum(a.lang == "fr" for a in thousand) / 1000 <= 0.30
    assert 0.02 <= sum(a.markdown for a in thousand) / 1000 <= 0.06
    per_topic = Counter(a.topic for a in thousand if a.kind == "topic")
    assert set(per_topic) == set(topics())
    assert min(per_topic.values()) >= 0.15 * share["topic"]


def test_a_topic_article_matches_its_topic_and_an_offtopic_one_no_topic_context(thousand: list[Any]) -> None:
    body_paragraphs = bench("distinct").body_paragraphs  # datelines and credits name wire agencies
    for article in thousand:
        text = "\n".join(body_paragraphs(article.text(), article.markdown))
        if article.kind == "topic":
            topic = topics()[article.topic]
            assert terms(topic["include"]).search(text), (article.index, article.topic)
            assert "context" not in topic or terms(topic["context"]).search(text), article.index
        elif article.kind == "offtopic":
            for topic in topics().values():
                assert not terms(topic.get("context") or topic["include"]).search(text), article.index


def test_sizes_and_sentence_counts_are_those_of_news_articles(thousand: list[Any]) -> None:
    sizes = [len(a.text().encode()) for a in thousand]
    assert 3300 <= statistics.median(sizes) <= 4700
    assert min(sizes) >= 2500 and max(sizes) <= 6000
    counts = [len(body_sentences(a)) for a in thousand if a.kind == "topic"]
    assert min(counts) >= 25 and max(counts) <= 45


def test_a_syndicated_copy_repeats_an_article_written_shortly_before(thousand: list[Any]) -> None:
    plain = bench("corpusgen.syndicate").plain  # a copy may drop an accent and swap quotation marks

    def norm(sentence: str) -> str:
        return plain(sentence.replace("’", "'").replace("“", '"').replace("”", '"'))

    sentences = [{norm(s) for s in body_sentences(a)} for a in thousand]
    for article in (a for a in thousand if a.kind == "duplicate"):
        copy = sentences[article.index]
        earlier = range(max(0, article.index - 200), article.index)
        assert max(len(copy & sentences[j]) for j in earlier) >= 0.5 * len(copy), article.index


def test_a_small_distinct_corpus_gives_a_readmissions_memo_with_named_speakers(tmp_path: Path) -> None:
    bench("generate").write_articles(ROOT / "corpus", tmp_path / "corpus", SEED, 0, 150, "distinct")
    config = bench("probes").write_config(tmp_path, tmp_path / "corpus")
    result = CliRunner().invoke(
        app, ["memo", "-c", str(config), "-t", "readmissions", "-f", "json", "--date", "2024-01-05"]
    )
    assert result.exit_code == 0, result.output
    memo = json.loads((tmp_path / "out" / "readmissions-2024-01-05.json").read_text(encoding="utf-8"))
    assert len(memo["items"]) >= 5
    named = [i["attribution"] for i in memo["items"] if i["attribution"] and not i["attribution"]["unnamed"]]
    assert len({a["speaker"] for a in named}) >= 2
    paths = {s["id"]: Path(s["path"]) for s in memo["sources"]}
    for item in memo["items"]:
        for citation in item["citations"]:
            assert citation["sentence"] in paths[citation["source"]].read_text(encoding="utf-8")


def test_a_topic_article_names_its_event_and_a_copy_its_original(thousand: list[Any]) -> None:
    for article in thousand:
        if article.kind == "duplicate":
            original = thousand[article.root]
            assert article.root < article.index and original.kind != "duplicate"
            assert (article.event, article.figures) == (original.event, original.figures)
        else:
            assert article.root == article.index
            assert (article.kind == "topic") == bool(article.event) == bool(article.figures)
            assert not article.event or article.event.split(":")[2] == article.topic


def test_grouping_measures_count_pairs_across_originals_and_events() -> None:
    from types import SimpleNamespace as Fake

    grouping = bench("grouping")
    # 3 is a copy of 0; 4 is off-topic
    known = {
        0: Fake(root=0, event="e1"),
        1: Fake(root=1, event="e1"),
        2: Fake(root=2, event="e2"),
        3: Fake(root=0, event="e1"),
        4: Fake(root=4, event=""),
    }

    def member(i: int) -> Fake:
        return Fake(article_id=f"000-article-{i:06d}", key=(f"000-article-{i:06d}", 0))

    claim = Fake(members=tuple(member(i) for i in (0, 3, 1, 2)))
    assert grouping.pair_precision([claim], known) == (2, 5)  # 0-3 is one original; 0-1 and 3-1 agree
    off = Fake(members=(member(4), member(1)))
    assert grouping.pair_precision([off], known) == (0, 1)  # an off-topic article shares no event
    pairs = {(member(0).key, member(1).key), (member(1).key, member(2).key)}
    assert grouping.together([claim], pairs) == 2
    assert grouping.together([Fake(members=(member(0), member(1))), Fake(members=(member(2),))], pairs) == 1
