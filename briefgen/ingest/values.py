"""The ingestion stage's own values: options in, articles and skipped files out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from briefgen.models import Article


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20_000_000
    """Files larger than this are skipped with a warning."""
    clutter: tuple[str, ...] = ()
    """Extra clutter phrases: a line equal to one (or starting with one) is dropped."""


@dataclass(frozen=True)
class Skipped:
    """A file (or a record of one) that gave no article, and why, in one line."""

    path: str
    reason: str


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class Meta:
    """Metadata a format states outright (front matter, JSON fields, HTML tags); None when it is silent."""

    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None
    lang: str | None = None


class SkipFile(Exception):
    """Raised while reading one file: the file is skipped with ``str(exc)`` as its reason."""


Parsed = tuple[tuple[Article, ...], tuple[tuple[int, ...], ...]]
"""A file's articles (before duplicate marking) and their MinHash signatures."""


class ParsedCache(Protocol):
    """Where ``read_corpus`` keeps each file's parse, keyed by a hash of its bytes, path and options."""

    def get_parsed(self, keys: Sequence[str]) -> Mapping[str, Parsed]:
        """The cached parses among ``keys`` (missing keys are left out)."""
        ...

    def put_parsed(self, fresh: Mapping[str, Parsed], keep: Collection[str]) -> None:
        """Remember the ``fresh`` parses; forget those of keys in neither ``fresh`` nor ``keep``."""
        ...

    def get_stamps(self, stamps: Sequence[str]) -> Mapping[str, str]:
        """The parse keys recorded for these file stamps (path, options, size, times, inode)."""
        ...

    def put_stamps(self, stamps: Mapping[str, str]) -> None:
        """Record these stamp -> parse key pairs and forget every other."""
        ...
