#!/usr/bin/env python3
"""Claim grouping at archive scale, measured against what the generator knows: which event each article
reports, and the figures every report of that event gives.

    python benchmarks/grouping.py --n 1000 [--seed 1] [--caps 40:1000,20:1000] [--scratch DIR]

Writes (or reuses) a distinct-kind corpus of N articles (``generate.py --kind distinct``), analyses it
once into a store in the scratch folder, then groups every configured topic's accepted sentences with
each pair of comparison caps (``claims.MAX_NEIGHBOURS``:``claims.NEIGHBOUR_WORK``; the first pair is the
shipped one unless given). Per topic and caps:

- pair precision: of the member pairs of a claim from different original articles (a syndicated copy is
  its original), the share whose articles report the same event. Two reports of different events in
  one claim are a wrong corroboration, whatever their words share.
- joinable recall: of the pairs of topic sentences from different original articles of one event that
  are similar enough to join and have no fact that keeps them apart (``joinable_pairs``, found by
  comparing every pair within each event), the share grouped in one claim. What the comparison caps
  lose shows here; what similarity alone cannot see (one fact told in other words) does not.
- the grouping time (one process) and the number of claims.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpusgen.distinct import DistinctArticle, generate_distinct  # noqa: E402
from probes import write_config  # noqa: E402

from briefgen.commands.corpus import analysed_corpus  # noqa: E402
from briefgen.config import load_settings  # noqa: E402
from briefgen.select import claims as grouping  # noqa: E402
from briefgen.select import pipeline  # noqa: E402
from briefgen.select.facts import compatible, fact_of, quoting_both  # noqa: E402
from briefgen.select.relevance import Candidate, topic_candidates  # noqa: E402
from briefgen.select.similarity import Similarity  # noqa: E402

_INDEX = re.compile(r"article-(\d+)$")
Pair = tuple[tuple[str, int], tuple[str, int]]


def truth(seed: int, n: int) -> dict[int, DistinctArticle]:
    return {i: generate_distinct(seed, i) for i in range(n)}


def index_of(article_id: str) -> int:
    m = _INDEX.search(article_id)
    return int(m[1]) if m else -1


def pair_precision(claims: Iterable[grouping.Claim], known: dict[int, DistinctArticle]) -> tuple[int, int]:
    """(same-event pairs, pairs) over members of one claim from different original articles."""
    good = total = 0
    for claim in claims:
        arts = [known[index_of(c.article_id)] for c in claim.members]
        for a, b in itertools.combinations(arts, 2):
            if a.root != b.root:
                total += 1
                good += bool(a.event) and a.event == b.event
    return good, total


def joinable_pairs(
    accepted: Sequence[Candidate], known: dict[int, DistinctArticle], dates: Mapping[str, dt.date | None]
) -> set[Pair]:
    """Pairs of topic sentences from different originals of one event that grouping may join: similar
    enough to join (``claims.JOIN``, with the similarity fitted on every accepted sentence) and with no
    fact that keeps them apart (speaker, negation, day, figures, a shared quotation only; not the
    places they name, so that the place rule's cost shows). Found by comparing every such pair within
    each event, which no cap limits."""
    sim = Similarity.fit([c.features for c in accepted])
    by_event: dict[str, list[Candidate]] = defaultdict(list)
    for c in accepted:
        art = known[index_of(c.article_id)]
        if art.event and c.matched:
            by_event[art.event].append(c)
    pairs: set[Pair] = set()
    for members in by_event.values():
        facts = {c.key: fact_of(c, dates.get(c.article_id)) for c in members}
        for a, b in itertools.combinations(members, 2):
            if known[index_of(a.article_id)].root == known[index_of(b.article_id)].root:
                continue
            if sim(a.features, b.features) < grouping.JOIN:
                continue
            fa, fb = replace(facts[a.key], places=frozenset()), replace(facts[b.key], places=frozenset())
            outside = sim.dice(fa.outside, fb.outside) if quoting_both(fa, fb) else 1.0
            if compatible(fa, fb, outside) is None:
                pairs.add((a.key, b.key) if a.key < b.key else (b.key, a.key))
    return pairs


def together(claims: Iterable[grouping.Claim], pairs: set[Pair]) -> int:
    owner = {c.key: k for k, claim in enumerate(claims) for c in claim.members}
    return sum(1 for a, b in pairs if a in owner and owner.get(a) == owner.get(b))


def corpus_folder(scratch: Path, n: int, seed: int) -> Path:
    folder = scratch / f"distinct-{n}-seed{seed}"
    if not (folder / "done").exists():
        generate = [sys.executable, str(HERE / "generate.py"), "--kind", "distinct"]
        subprocess.run([*generate, "--n", str(n), "--out", str(folder), "--seed", str(seed)], check=True)
        (folder / "done").write_text("")
    return folder


def measure(
    config: Path, memo_date: dt.date, known: dict[int, DistinctArticle], caps: list[tuple[int, int]]
) -> None:
    settings = load_settings(config)
    corpus = analysed_corpus(settings)
    window = pipeline.date_window(corpus, memo_date, None)
    dates = {a.article.id: a.article.date for a in window.articles}
    cache: pipeline.ScanCache = {}
    print("| topic | caps | accepted | claims | pair precision | joinable recall | grouping s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for topic in settings.topics:
        topics, t = pipeline._with_topic(topic, settings.topics)
        scans = pipeline._scans(window, topics, cache, None)
        accepted = [c for c in topic_candidates(t, topics, window.articles, scans) if c.rejected is None]
        pairs = joinable_pairs(accepted, known, dates)
        for neighbours, work in caps:
            grouping.MAX_NEIGHBOURS, grouping.NEIGHBOUR_WORK = neighbours, work
            start = time.perf_counter()
            claims, _ = grouping.group_claims(accepted, dates)
            seconds = time.perf_counter() - start
            good, total = pair_precision(claims, known)
            precision = f"{good / max(1, total):.4f} ({total:,})"
            recall = f"{together(claims, pairs) / max(1, len(pairs)):.4f} ({len(pairs):,})"
            sizes = f"{len(accepted):,} | {len(claims):,}"
            row = [topic.name, f"{neighbours}:{work}", sizes, precision, recall, f"{seconds:.2f}"]
            print("| " + " | ".join(row) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--caps", default="", help="NEIGHBOURS:WORK,... (default: the shipped caps)")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/briefgen-grouping"))
    args = parser.parse_args(argv)
    shipped = (grouping.MAX_NEIGHBOURS, grouping.NEIGHBOUR_WORK)
    caps = [tuple(int(x) for x in c.split(":")) for c in args.caps.split(",") if c] or [shipped]
    folder = corpus_folder(args.scratch, args.n, args.seed)
    config = write_config(args.scratch / f"build-{args.n}-seed{args.seed}", folder)
    known = truth(args.seed, args.n)
    memo_date = max(a.date for a in known.values())
    measure(config, memo_date, known, caps)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
