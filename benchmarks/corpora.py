"""The corpora the size rows are measured on: generated ones of each kind, or any folder (``--corpus``).

Each holds N + ``ADDED`` articles. A build is measured cold on a copy without the last ``ADDED`` files
(by path: an archive grows at its end), then again once they are linked back in (the nightly rebuild).
The copy is made of hard links, so even 50,000 articles take a second.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import measure
import probes
from corpusgen.article import article_date

DATA = probes.HERE / "data"
ADDED = 100
KINDS = {"distinct": "d", "recombined": "n"}  # generator kind -> folder prefix under benchmarks/data


@dataclass(frozen=True)
class Corpus:
    label: str  # shown in the rows: the kind, or the folder's name
    folder: Path  # every article, the ADDED new ones included
    n: int  # articles of the cold build
    memo_date: dt.date


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def generated(n: int, kind: str, log: Callable[[str], None] = print) -> Corpus:
    """``data/<d|n><N+ADDED>``: N articles for the cold build and the ADDED ones a rebuild adds."""
    whole = exact(n + ADDED, kind, log)
    return Corpus(kind, whole.folder, n, whole.memo_date)


def exact(n: int, kind: str = "recombined", log: Callable[[str], None] = print) -> Corpus:
    """``data/<d|n><N>``: the first N articles of the seed-1 archive (for rows that build once)."""
    folder = DATA / f"{KINDS[kind]}{n}"
    count = sum(1 for _ in folder.rglob("article-*")) if folder.exists() else 0
    if count != n:
        log(f"generating {n} {kind} articles into {folder}")
        made = measure.run(probes.generate_cmd(folder, n=n, kind=kind), timeout=1800)
        if not made.ok:
            raise SystemExit(f"run.py: generating {folder} failed: {made.failure()}")
    return Corpus(kind, folder, n, article_date(n - 1) + dt.timedelta(days=1))


def given(folder: Path) -> Corpus:
    """Any folder of articles: its last ADDED files are the ones a rebuild adds; the memo is today's."""
    files = _articles(folder)
    if len(files) <= ADDED:
        raise SystemExit(f"run.py: {folder} holds {len(files)} files; more than {ADDED} are needed")
    return Corpus(folder.name, folder, len(files) - ADDED, dt.date.today())


def without_added(corpus: Corpus, scratch: Path) -> tuple[Path, list[tuple[Path, Path]]]:
    """A hard-linked copy of the corpus without its last ADDED files, and (source, place) of each."""
    copy = scratch / f"corpus-{corpus.label}-{corpus.n}"
    shutil.rmtree(copy, ignore_errors=True)
    files = _articles(corpus.folder)
    held = []
    for i, path in enumerate(files):
        target = copy / path.relative_to(corpus.folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        if i < len(files) - ADDED:
            _link(path, target)
        else:
            held.append((path, target))
    return copy, held


def add_back(held: list[tuple[Path, Path]]) -> None:
    for source, target in held:
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(source, target)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system: copy instead
        shutil.copy2(source, target)
