"""Count sentences that start or end inside a quotation: the check behind "sentence splitting never cuts a
quotation". Independent of ``briefgen.segment``'s own quotation finder, and deliberately simpler.

python benchmarks/quote_boundaries.py ../shared/dev/news/text [-v]

A paragraph's double quotation marks are followed left to right: “ „ « open (or close, when one is
open and no word follows the mark: "in the region “."), ” » close, a straight " (or two apostrophes
'') opens when none is open and closes when one is. A sentence boundary (a sentence's start or end) at
which a quotation is open counts, except a paragraph's own start and end, which always bound sentences
(a quotation left open there was cut short or goes on in the next paragraph). Single quotes are left
out: they cannot be told from apostrophes this simply. Prints the count (and with -v each case), exits 1
when it is not 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from briefgen.ingest import read_corpus
from briefgen.models import Article
from briefgen.segment import split_sentences

_MARK = re.compile(r"''|[“”„«»\"]")


def open_at(paragraph: str) -> list[bool]:
    """For each offset of ``paragraph`` (and its end), whether a double quotation is open there."""
    state = [False] * (len(paragraph) + 1)
    depth, last = 0, 0
    for m in _MARK.finditer(paragraph):
        for i in range(last, m.start() + 1):
            state[i] = depth > 0
        mark = m.group(0)
        after = paragraph[m.end() : m.end() + 1]
        if mark in "“„«" and depth and not (after.isalnum() or after in "‘'"):
            depth -= 1
        elif mark in "“„«":
            depth += 1
        elif mark in "”»":
            depth = max(0, depth - 1)
        else:
            depth = 0 if depth else 1
        last = m.end()
    for i in range(last, len(paragraph) + 1):
        state[i] = depth > 0
    return state


def cut_quotes(article: Article) -> list[str]:
    """One line per sentence of ``article`` whose start or end lies inside a quotation."""
    out = []
    starts = [0]
    for part in article.body.split("\n\n"):
        starts.append(starts[-1] + len(part) + 2)
    paragraphs = article.body.split("\n\n")
    states = [open_at(p) for p in paragraphs]
    for s in split_sentences(article):
        state, base = states[s.paragraph], starts[s.paragraph]
        start, end = s.start - base, s.end - base
        if (start and state[start]) or (end < len(state) - 1 and state[end]):
            out.append(f"{Path(article.path).name}@{s.start}: {s.text[:50]!r} ... {s.text[-30:]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    result = read_corpus(args.corpus)
    cases = [line for a in result.articles for line in cut_quotes(a)]
    sentences = sum(len(split_sentences(a)) for a in result.articles)
    print(f"sentences starting or ending inside a quotation: {len(cases)} of {sentences}")
    if args.verbose:
        print(*cases, sep="\n")
    return 1 if cases else 0


if __name__ == "__main__":
    sys.exit(main())
