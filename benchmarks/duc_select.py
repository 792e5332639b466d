#!/usr/bin/env python3
"""DUC 2007 selection loop in one process: analyse each topic's documents once (cached), then select.

    python benchmarks/duc_select.py ../shared/dev/duc2007 [--topics N] [--cache /tmp/duc.pickle]

The scorer ``../shared/eval/duc.py`` runs the ``briefgen`` command per topic (about a minute); this loop
reuses its topic terms, word cut and ROUGE so a selection change can be measured in seconds. The figures
it prints match the scorer's for the same code (the scorer remains the reference).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
import time
from pathlib import Path

from briefgen.analyse import analyse_corpus
from briefgen.commands import parse_date
from briefgen.models import MemoHeader
from briefgen.select import select_memo
from briefgen.settings import Topic

HEADER = MemoHeader("", "", "", "")


def _scorer(root: Path):
    sys.path.insert(0, str(root.parent.parent / "eval"))
    import duc  # type: ignore[import-not-found]

    return duc


def _corpora(root: Path, topics: dict, cache: Path) -> dict:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    out = {t: analyse_corpus(root / "docs" / t).articles for t in topics}
    cache.write_bytes(pickle.dumps(out))
    return out


def summary(topic: str, info: dict, corpus: tuple, duc) -> str:
    terms = duc.include_terms(info["title"], info["narrative"])
    t = Topic(topic.lower(), info["title"], info["narrative"], tuple(terms), (), duc.MAX_ITEMS)
    date = parse_date(max(d["date"] for d in info["docs"])[:10]) or dt.date.today()
    memo = select_memo(t, (t,), corpus, date, HEADER)
    return " ".join(i.text for i in memo.items if i.section != "timeline")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--topics", type=int, default=100)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/briefgen-duc.pickle"))
    ap.add_argument("-v", action="store_true", help="print each topic's figures")
    args = ap.parse_args()
    duc = _scorer(args.root)
    topics = json.loads((args.root / "topics.json").read_text(encoding="utf-8"))
    names = sorted(topics)[: args.topics]
    corpora = _corpora(args.root, {t: topics[t] for t in names}, args.cache)
    r2 = su4 = 0.0
    took = 0.0
    for name in names:
        refs = [p.read_text(encoding="utf-8") for p in sorted((args.root / "refs" / name).glob("*.txt"))]
        start = time.perf_counter()
        text = summary(name, topics[name], corpora[name], duc)
        took += time.perf_counter() - start
        a, b = duc.rouge(duc.cut(text), refs)
        r2, su4 = r2 + a, su4 + b
        if args.v:
            print(f"{name} {a:.4f}/{b:.4f}")
    print(f"briefgen R2={r2 / len(names):.4f} SU4={su4 / len(names):.4f} ({len(names)} topics, "
          f"selection {took:.1f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
