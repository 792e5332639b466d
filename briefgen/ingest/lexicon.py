"""The word lists of ``data/lexicon.txt`` (stopwords of English and French, auxiliaries, pronouns, page
vocabulary, month and weekday names, time units), read once on first use."""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).with_name("data")


@functools.cache
def lists() -> dict[str, frozenset[str]]:
    """Every list of the lexicon file by name."""
    found: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in (DATA / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in found.items()}


def words(name: str) -> frozenset[str]:
    """One list of ``data/lexicon.txt`` by its name ("stop-en", "ui", "month"...)."""
    return lists()[name]
