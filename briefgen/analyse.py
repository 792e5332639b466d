"""Ingest, segment and attribute a corpus: the shared front half of every command."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.attribute import attribute_article
from briefgen.errors import CorpusError
from briefgen.ingest import IngestOptions, Skipped, read_corpus
from briefgen.models import AnalysedArticle, Article
from briefgen.parallel import pool_map, workers
from briefgen.progress import report
from briefgen.segment import split_sentences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    articles: tuple[AnalysedArticle, ...]
    skipped: tuple[Skipped, ...]


def analyse_article(article: Article, aliases: Mapping[str, str] | None = None) -> AnalysedArticle:
    """Split one article into sentences and attribute each."""
    sentences = split_sentences(article)
    return AnalysedArticle(article, sentences, attribute_article(article, sentences, aliases))


PARALLEL_FROM = 200  # below this many articles a process pool costs more than it saves


def _analyse_chunk(job: tuple[Sequence[Article], Mapping[str, str] | None]) -> list[AnalysedArticle]:
    articles, aliases = job
    return [analyse_article(a, aliases) for a in articles]


def analyse_many(
    articles: Sequence[Article], aliases: Mapping[str, str] | None = None
) -> tuple[AnalysedArticle, ...]:
    """Analyse ``articles`` in order, on every core when there are many."""
    processes = workers(8)
    if len(articles) >= PARALLEL_FROM and processes > 1:
        size = max(16, len(articles) // (processes * 4))
        jobs = [(articles[i : i + size], aliases) for i in range(0, len(articles), size)]
        total = len(articles)
        chunks = pool_map(
            _analyse_chunk,
            jobs,
            processes,
            what="analysis",
            done=lambda k: report("analysing", min(k * size, total), total),
        )
        if chunks is not None:
            return tuple(a for chunk in chunks for a in chunk)
    out = []
    for article in articles:
        out.append(analyse_article(article, aliases))
        report("analysing", len(out), len(articles))
    return tuple(out)


def analyse_corpus(
    root: Path, options: IngestOptions | None = None, aliases: Mapping[str, str] | None = None
) -> Analysis:
    """Every usable article under ``root``; raises CorpusError when none is usable."""
    result = read_corpus(root, options)
    if result.skipped:
        log.warning("%d file(s) skipped; %d article(s) read", len(result.skipped), len(result.articles))
    if not result.articles:
        raise CorpusError(f"{root}: no usable articles found")
    return Analysis(analyse_many(result.articles, aliases), result.skipped)
