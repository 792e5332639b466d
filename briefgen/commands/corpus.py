"""The analysed corpus for a command, through the build store: a file that has not changed since an
earlier command or build is neither parsed nor analysed again."""

from __future__ import annotations

import logging
from pathlib import Path

from briefgen.commands import ingest_options
from briefgen.errors import CorpusError
from briefgen.incremental import IncrementalResult, analyse_incremental, fingerprint
from briefgen.ingest import read_corpus
from briefgen.models import AnalysedArticle
from briefgen.settings import Settings
from briefgen.store import Store

log = logging.getLogger(__name__)


def store_path(settings: Settings) -> Path:
    return settings.store or settings.output / "briefgen.sqlite"


def analyse_with_store(settings: Settings, store: Store) -> IncrementalResult:
    """Every usable article of the corpus, analysed or reused; CorpusError when none is usable."""
    result = read_corpus(settings.corpus, ingest_options(settings), cache=store)
    if result.skipped:
        log.warning("%d file(s) skipped; %d article(s) read", len(result.skipped), len(result.articles))
    if not result.articles:
        raise CorpusError(f"{settings.corpus}: no usable articles found")
    return analyse_incremental(result.articles, store, settings.aliases)


def analysed_corpus(settings: Settings) -> tuple[AnalysedArticle, ...]:
    """``analyse_with_store`` for commands that only read: opens and closes the store itself."""
    with Store.open(store_path(settings), fingerprint(settings.aliases)) as store:
        return analyse_with_store(settings, store).articles
