"""Train the cue model from PolNeAR (Newell, Margolin & Ruths, LREC 2018): the lexicon and the weights.

    python -m briefgen.attribute.train ../shared/dev/polnear/train

reads ``text/`` and ``ann/`` (brat Cue spans) of the folder, reads the articles the way briefgen does
(ingest, sentences, quotations), and writes ``data/cues.tsv``, ``data/sources.tsv`` and
``data/weights.tsv`` beside this module.
Everything is deterministic (fixed order, seeded shuffles, pure-Python floats), so a run reproduces the
shipped files byte for byte; ``tests/test_cue_model.py`` checks that when the data is present.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.attribute import datafiles, lexicon_build
from briefgen.attribute.cues import Lexicon, lexicon
from briefgen.attribute.detect import read_candidates
from briefgen.attribute.quotes import find_quotes, mask, spans_in
from briefgen.models import Article, Sentence

DATA = Path(__file__).parent / "data"
EPOCHS = 5
L2 = 1e-6
RATE = 0.2
FOLDS = 3
SEED = 13


@dataclass(frozen=True)
class Example:
    features: tuple[str, ...]
    label: bool
    article: int
    sentence: int


@dataclass(frozen=True)
class Annotated:
    article: Article
    sentences: tuple[Sentence, ...]
    cue_chars: frozenset[int]  # body offsets inside an annotated Cue span


def examples(corpus: Sequence[Annotated], table: Lexicon) -> Iterator[Example]:
    """One example per candidate cue of every sentence, labelled by the annotated Cue spans."""
    for a_index, item in enumerate(corpus):
        quotes = find_quotes(item.article.body)
        for s in item.sentences:
            spans = [(b - s.start, e - s.start) for b, e in spans_in(quotes, s.start, s.end)]
            masked = mask(s.text, s.start, quotes)
            for c in read_candidates(s.text, masked, item.article.lang, spans, table):
                label = s.start + c.start in item.cue_chars or s.start + c.end - 1 in item.cue_chars
                yield Example(tuple(c.features), label, a_index, s.index)


def fit(data: Sequence[Example], epochs: int = EPOCHS, seed: int = SEED) -> dict[str, float]:
    """Logistic regression by AdaGrad over ``data`` (deterministic for a given seed)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            ex = data[k]
            z = sum(w.get(f, 0.0) for f in ex.features)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = p - ex.label
            for f in ex.features:
                old = w.get(f, 0.0)
                g = grad + L2 * old
                acc = g2.get(f, 1e-8) + g * g
                g2[f] = acc
                w[f] = old - RATE * g / math.sqrt(acc)
    return w


def _score(w: dict[str, float], feats: Sequence[str]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def choose_threshold(corpus: Sequence[Annotated], data: Sequence[Example]) -> float:
    """The threshold with the best sentence-level F1 on out-of-fold predictions (folds by article)."""
    best: dict[tuple[int, int], float] = {}
    for fold in range(FOLDS):
        train = [ex for ex in data if ex.article % FOLDS != fold]
        w = fit(train)
        for ex in data:
            if ex.article % FOLDS == fold:
                key = (ex.article, ex.sentence)
                best[key] = max(best.get(key, 0.0), _score(w, ex.features))
    positives = {
        (a, s.index)
        for a, item in enumerate(corpus)
        for s in item.sentences
        if any(s.start <= c < s.end for c in item.cue_chars)
    }
    return max((f1_at(t / 100, best, positives), t / 100) for t in range(10, 91, 2))[1]


def f1_at(threshold: float, best: dict[tuple[int, int], float], positives: set[tuple[int, int]]) -> float:
    flagged = {k for k, p in best.items() if p >= threshold}
    tp = len(flagged & positives)
    return 2 * tp / (len(flagged) + len(positives)) if flagged or positives else 0.0


def write_weights(path: Path, w: dict[str, float], threshold: float) -> None:
    lines = [
        "# Cue model weights: feature<TAB>weight (briefgen/attribute/features.py). Written by",
        "# python -m briefgen.attribute.train; do not edit by hand.",
        f"# threshold {threshold:.2f}",
    ]
    lines += [f"{name}\t{value:.4f}" for name, value in sorted(w.items()) if abs(value) >= 5e-5]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a PolNeAR split: text/, ann/ (and MANIFEST.tsv)")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write cues.tsv and weights.tsv")
    parser.add_argument("--threshold", type=float, help="use this threshold instead of cross-validating one")
    args = parser.parse_args(argv)
    corpus = lexicon_build.read_annotated(args.folder)
    classes = lexicon_build.read_classes(DATA / "cue_classes.tsv")
    lexicon_build.write_lexicon(args.out / "cues.tsv", corpus, DATA / "cues_fr.tsv", classes)
    lexicon_build.write_source_heads(args.out / "sources.tsv", lexicon_build.source_heads(args.folder))
    with datafiles.reading_from(args.out):
        data = list(examples(corpus, lexicon()))
    counts = Counter(ex.label for ex in data)
    print(f"{len(corpus)} articles, {len(data)} candidates ({counts[True]} cues)", file=sys.stderr)
    threshold = args.threshold if args.threshold is not None else choose_threshold(corpus, data)
    write_weights(args.out / "weights.tsv", fit(data), threshold)
    print(f"threshold {threshold:.2f}; wrote {args.out}/cues.tsv and weights.tsv", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
