"""Ingest, segment and attribute a corpus: the shared front half of every command."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefgen.attribute import attribute_article
from briefgen.errors import CorpusError
from briefgen.ingest import IngestOptions, Skipped, read_corpus
from briefgen.models import AnalysedArticle, Article
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


def analyse_corpus(
    root: Path, options: IngestOptions | None = None, aliases: Mapping[str, str] | None = None
) -> Analysis:
    """Every usable article under ``root``; raises CorpusError when none is usable."""
    result = read_corpus(root, options)
    if result.skipped:
        log.warning("%d file(s) skipped; %d article(s) read", len(result.skipped), len(result.articles))
    if not result.articles:
        raise CorpusError(f"{root}: no usable articles found")
    return Analysis(tuple(analyse_article(a, aliases) for a in result.articles), result.skipped)
