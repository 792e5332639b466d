#!/usr/bin/env python3
"""Corroboration precision: does every citation of a multi-source item state the item's fact?

    python benchmarks/corroboration.py [--print] [--label]

Builds every configured topic's memo on the sample corpus, the seeds and ``dev/news`` (from ``../shared``),
then, for each item citing more than one source, looks up a reader's judgement of each citation in
``benchmarks/corroboration_labels.json``: "y" (the cited sentence states the item's fact) or "n"
(related, but not the same fact). Judgements are keyed by a hash of the item text and the cited
sentence, never by their text (the dev files stay outside the repo). ``--print`` shows every item with
its citations and judgements (``?`` where none is stored yet); ``--label`` asks for the missing ones.

Figures: precision = stated / cited over multi-source items, and overstated = items whose
"N independent sources" is larger than the independent sources among its citations judged "y". The
"see also" line is the other side (recall): of the related sentences shown but not counted, how many a
reader judged to state the item's fact after all (a missed corroboration), withheld rightly, or unjudged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from briefgen.analyse import analyse_corpus
from briefgen.config import load_settings
from briefgen.models import Memo, MemoHeader
from briefgen.select import select_memo
from briefgen.select.rank import root_of

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELS = Path(__file__).with_name("corroboration_labels.json")
SETS = (
    ("sample", ROOT / "corpus", dt.date(2026, 2, 25)),
    ("seeds", SHARED / "seeds", dt.date(2026, 2, 25)),
    ("dev-news", SHARED / "dev" / "news" / "text", dt.date(2026, 12, 1)),
)


def key(item_text: str, sentence: str) -> str:
    return hashlib.sha256(f"{item_text}\x00{sentence}".encode()).hexdigest()[:16]


def memos() -> Iterator[tuple[str, Memo, dict[str, str | None]]]:
    settings = load_settings(ROOT / "config" / "briefgen.yaml")
    header = MemoHeader("", "", "", "")
    for name, folder, date in SETS:
        if not folder.is_dir():
            print(f"{name}: {folder} not found, skipped", file=sys.stderr)
            continue
        corpus = analyse_corpus(folder).articles
        dups = {a.article.id: a.article.duplicate_of for a in corpus}
        for topic in settings.topics:
            yield f"{name}/{topic.name}", select_memo(topic, settings.topics, corpus, date, header), dups


def see_also(memo: Memo, labels: dict[str, str]) -> Counter[str]:
    """Judgements of the item's see-also sentences: "y" (missed corroboration), "n", "?"."""
    return Counter(
        labels.get(key(i.text, c.sentence), "?")
        for i in memo.items
        if i.section != "timeline"
        for c in i.see_also
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--print", action="store_true", help="show every multi-source item and its citations")
    ap.add_argument("--label", action="store_true", help="ask for each missing judgement (y/n)")
    args = ap.parse_args()
    labels: dict[str, str] = json.loads(LABELS.read_text()) if LABELS.exists() else {}
    cited = stated = items = overstated = missing = 0
    related: Counter[str] = Counter()
    for where, memo, dups in memos():
        related += see_also(memo, labels)
        for item in memo.items:
            if item.section == "timeline" or len(item.citations) < 2:
                continue
            items += 1
            if args.print or args.label:
                print(f"\n[{where}] ({item.independent_sources} independent) {item.text}")
            good_roots = set()
            for c in item.citations:
                k = key(item.text, c.sentence)
                if args.label and k not in labels and c.sentence != item.text:
                    print(f"   ? [{c.number}] {c.sentence}")
                    labels[k] = input("     states the fact? (y/n) ").strip().lower()[:1] or "n"
                verdict = "y" if c.sentence == item.text else labels.get(k, "?")
                if args.print:
                    print(f"   {verdict} [{c.number}] {c.source}: {c.sentence}   #{k}")
                cited += 1
                stated += verdict == "y"
                missing += verdict == "?"
                if verdict == "y":
                    good_roots.add(root_of(c.source, dups))
            overstated += item.independent_sources > len(good_roots)
    if args.label:
        LABELS.write_text(json.dumps(dict(sorted(labels.items())), indent=0) + "\n")
    print(f"corroboration: {items} multi-source items, {stated}/{cited} citations state the fact "
          f"(precision {stated / max(1, cited):.3f}), {overstated} items overstate their sources, "
          f"{missing} citations not judged yet")  # fmt: skip
    print(f"see also: {sum(related.values())} related sentences shown, not counted: {related['y']} judged to "
          f"state the fact (missed), {related['n']} rightly withheld, {related['?']} not judged")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
