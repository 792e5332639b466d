"""The ingestion stage's own values: options in, articles and skipped files out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
