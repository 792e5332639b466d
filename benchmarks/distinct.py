"""The share of distinct sentences in a corpus folder: how much a cache keyed by sentence can reuse.

    python benchmarks/distinct.py benchmarks/data/n10000             # regex split on sentence ends
    python benchmarks/distinct.py benchmarks/data/n1000 --segment    # briefgen's own splitter (slower)

Counts body sentences: front matter, the headline line, bylines, credits and clutter lines (short
or without a final stop) and datelines are left out, as briefgen's ingestion leaves them out.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpusgen.sources import _language, split_sentences

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' -]+(?:, [^—()]{4,30}?)?(?: \([^)]*\))? [—-] ")
_FINAL = re.compile(r"[.!?…][\"”»’']?$")


def body_paragraphs(text: str, markdown: bool) -> list[str]:
    if markdown:
        text = _FRONT.sub("", text)
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    if not markdown:
        blocks = blocks[1:]  # the headline
    kept = (_DATELINE.sub("", b) for b in blocks if not b.startswith("("))
    return [b for b in kept if len(b.split()) >= 8 and _FINAL.search(b)]


class Tally:
    """Sentences seen and how many of them are distinct (kept as 8-byte digests)."""

    def __init__(self, split: Callable[[list[str]], Iterable[str]] | None = None) -> None:
        self.split = split or (lambda paras: (s for p in paras for s in split_sentences(p)))
        self.total, self.articles = 0, 0
        self.seen: set[bytes] = set()

    def add(self, text: str, markdown: bool) -> None:
        self.articles += 1
        for sentence in self.split(body_paragraphs(text, markdown)):
            self.total += 1
            self.seen.add(hashlib.blake2b(sentence.encode(), digest_size=8).digest())

    @property
    def share(self) -> float:
        return len(self.seen) / self.total if self.total else 1.0

    def line(self) -> str:
        return (
            f"distinct: {len(self.seen):,} of {self.total:,} body sentences distinct"
            f" ({100 * self.share:.1f}%) in {self.articles:,} articles"
        )


def segment_split(paras: list[str]) -> list[str]:
    """briefgen's splitter (nupunkt and its repairs) over the paragraphs as one body."""
    from briefgen.models import Article
    from briefgen.segment import split_sentences as segment

    body = "\n\n".join(paras)
    article = Article("a", "a.txt", None, None, None, None, _language(body), body)
    return [s.text for s in segment(article)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--segment", action="store_true", help="split with briefgen.segment, not a regex")
    args = parser.parse_args(argv)
    tally = Tally(segment_split if args.segment else None)
    for path in sorted(args.folder.rglob("article-*")):
        tally.add(path.read_text(encoding="utf-8"), path.suffix == ".md")
    print(tally.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
