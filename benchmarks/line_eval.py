"""Line classification against a gold file: which lines a classifier keeps as body text.

python benchmarks/line_eval.py ../shared/dev/news/text ../shared/dev/news/gold.json [--justext] [-v]

A line is furniture in the gold when it is (after folding accents, quotes and spaces) one of the gold's
"boilerplate" or "title_lines" entries, or starts with one of 20 characters or more: the rule the scorer
applies to sentences. Every other non-blank line is body. Figures: furniture lines kept (leaks), body
lines dropped (losses), and apart from those a dropped last line that has no final punctuation (where
an excerpt was cut: a fragment of a sentence). The pipeline (``briefgen.ingest``) keeps a line when it
is not among the dropped lines and its end is in the body. ``--justext`` runs jusText instead, each
line a paragraph of its own, with the stoplist of the text's language, at its default settings (a line
is kept when jusText classes it "good").
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefgen.ingest import parse_text
from briefgen.ingest.meta import language, leading_stamp


def fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def furniture(line: str, entries: list[str]) -> bool:
    f = fold(line)
    return any(f == e or (len(e) >= 20 and f.startswith(e)) for e in entries)


def pipeline(text: str, name: str) -> list[bool]:
    article = parse_text(text, name, name)
    body = fold(article.body)
    dropped = {fold(d.text) for d in article.dropped if d.reason != "stamp"}
    stamp = leading_stamp(text)
    keeps = []
    for n, line in enumerate(lines_of(text)):
        rest = fold(text[stamp.end :].strip().splitlines()[0]) if stamp and n == 0 else fold(line)
        keeps.append(rest not in dropped and rest[-60:] in body)
    return keeps


def justext_keeps(text: str, name: str) -> list[bool]:
    import justext

    lines = lines_of(text)
    lang = "French" if language(text) == "fr" else "English"
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(page.encode(), justext.get_stoplist(lang))
    kept = {fold(p.text) for p in paragraphs if p.class_type == "good"}
    return [fold(line) in kept for line in lines]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def evaluate(corpus: Path, gold: dict, keeps: Callable[[str, str], list[bool]]) -> dict[str, list[str]]:
    """Furniture kept, body lines dropped, and among those a last line cut short (no final punctuation:
    an excerpt's end), counted apart."""
    out: dict[str, list[str]] = {"kept": [], "dropped": [], "cut-short last line dropped": []}
    for name, g in sorted(gold["articles"].items()):
        text = (corpus / name).read_text(encoding="utf-8")
        entries = [fold(e) for e in g.get("boilerplate", []) + g.get("title_lines", [])]
        lines = lines_of(text)
        for n, (line, kept) in enumerate(zip(lines, keeps(text, name), strict=True)):
            bad = furniture(line, entries)
            if bad and kept:
                out["kept"].append(f"{name}: {line[:70]!r}")
            elif not bad and not kept:
                cut = n == len(lines) - 1 and not re.search(r"[.!?…][\"'”’»)]*$", line)
                out["cut-short last line dropped" if cut else "dropped"].append(f"{name}: {line[:70]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--justext", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    found = evaluate(args.corpus, gold, justext_keeps if args.justext else pipeline)
    figures = ", ".join(f"{k} {len(v)}" for k, v in found.items())
    print(f"{'justext' if args.justext else 'briefgen'}: furniture {figures}")
    if args.verbose:
        for k, v in found.items():
            print(f"{k}:", *v, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
