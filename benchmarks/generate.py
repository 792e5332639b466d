"""Deterministic benchmark corpus: N articles (~4 KB) of one of two kinds.

    python benchmarks/generate.py --n 10000 --out benchmarks/data/n10000 --seed 1
    python benchmarks/generate.py --add 100 --out benchmarks/data/n10000 --seed 1   # 100 more, after the last
    python benchmarks/generate.py --kind distinct --n 10000 --out /tmp/d10000 --seed 1

Article i depends only on (seed, i) (and, for ``recombined``, the sample corpus), so ``--add`` continues
a folder exactly as a larger ``--n`` would have (give the same ``--kind``). About 30% of the articles
are off-topic, 5% near-duplicate syndicated copies, 4% Markdown with front matter.

``recombined`` (the default): the rest recombine sample paragraphs with shuffled sentences, swapped
names, shifted dates and numbers, and clutter lines (advertisements, share buttons, photo credits,
datelines). Few of its sentences are distinct (about 4% at 10,000 articles), so caches keyed by
sentence look far better on it than on a real archive.

``distinct``: every sentence is composed from parts written for it (``corpusgen/parts/*.yaml``:
templates with slots for speaker, cue, action, figures, places, days; invented people and outlets),
a quarter in French; on-topic articles report one of the week's events (five per topic and week) in
their own words, so outlets share facts but rarely a sentence. Over 90% of its sentences are distinct.

The last line printed is the share of distinct body sentences among the articles written
(``benchmarks/distinct.py`` measures a folder).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpusgen.article import Generated, article_date, generate
from corpusgen.distinct import generate_distinct
from corpusgen.sources import load_sources
from distinct import Tally

ROOT = Path(__file__).resolve().parent.parent
_NAME = re.compile(r"article-(\d+)\.(?:txt|md)$")


def existing_count(out: Path) -> int:
    """One past the highest article index already in ``out`` (0 when empty)."""
    indexes = [int(m[1]) for p in out.rglob("article-*") if (m := _NAME.search(p.name))]
    return max(indexes) + 1 if indexes else 0


def _maker(kind: str, sample: Path, seed: int) -> Callable[[int], Generated]:
    if kind == "distinct":
        return lambda index: generate_distinct(seed, index)
    sources = load_sources(sample)
    if not sources:
        print(
            f"generate: no usable sample articles in {sample}; writing off-topic text only", file=sys.stderr
        )
    return lambda index: generate(sources, seed, index)


def write_articles(
    sample: Path,
    out: Path,
    seed: int,
    start: int,
    count: int,
    kind: str = "recombined",
    tally: Tally | None = None,
) -> Counter[str]:
    make = _maker(kind, sample, seed)
    kinds: Counter[str] = Counter()
    for index in range(start, start + count):
        article = make(index)
        path = out / article.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        text = article.text()
        path.write_text(text, encoding="utf-8")
        if tally is not None:
            tally.add(text, article.markdown)
        kinds[article.kind] += 1
        kinds["md" if article.markdown else "txt"] += 1
        if lang := getattr(article, "lang", None):
            kinds[lang] += 1
    return kinds


def last_date(out: Path) -> str:
    """The publication date of the newest article in ``out`` (for choosing a memo date)."""
    return article_date(max(existing_count(out) - 1, 0)).isoformat()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="articles to write into a fresh folder")
    parser.add_argument("--add", type=int, help="instead: add this many articles after the existing ones")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data" / "n10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=Path, default=ROOT / "corpus", help="sample corpus to recombine")
    parser.add_argument(
        "--kind", choices=("distinct", "recombined"), default="recombined", help="how articles are made"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.add is not None:
        start, count = existing_count(args.out), args.add
    else:
        if args.out.exists():
            shutil.rmtree(args.out)
        start, count = 0, args.n
    tally = Tally()
    kinds = write_articles(args.sample, args.out, args.seed, start, count, args.kind, tally)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    elapsed = time.perf_counter() - started
    newest = last_date(args.out)
    print(f"generate: wrote {count} articles ({summary}) to {args.out} in {elapsed:.1f} s; newest {newest}")
    print(f"generate: {tally.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
