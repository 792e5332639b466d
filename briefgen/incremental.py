"""Incremental analysis: reuse the store's analysis of every article that has not changed.

An article's cached analysis is keyed by a hash of the ingested article; the whole cache is dropped
when the analysis code (the source of the modules below, their lexicons and model weights), the parsing
pipelines or the speaker aliases change, so upgrading briefgen or editing the aliases never serves a
stale analysis.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen import __version__
from briefgen.analyse import analyse_many
from briefgen.models import AnalysedArticle, Article
from briefgen.store import SCHEMA_VERSION, Store

log = logging.getLogger(__name__)

ANALYSIS_MODULES = (
    "briefgen.models", "briefgen.ingest", "briefgen.packing", "briefgen.analyse", "briefgen.segment",
    "briefgen.attribute",
)  # fmt: skip


@dataclass(frozen=True)
class IncrementalResult:
    articles: tuple[AnalysedArticle, ...]
    analysed: int  # articles analysed in this run (new or changed)
    reused: int  # articles whose analysis came from the store


def _module_files(name: str) -> list[Path]:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    if spec.submodule_search_locations:
        found = (p for loc in spec.submodule_search_locations for p in Path(loc).rglob("*"))
        return sorted(p for p in found if p.suffix in {".py", ".tsv"})  # code, lexicons and weights
    return [Path(spec.origin)] if spec.origin else []


def _pipeline_versions() -> str:
    """The installed spaCy and parsing pipelines attribution falls back on, by the directory their
    version is part of (read without importing them: spaCy takes seconds to import)."""
    from briefgen.attribute.syntax import PIPELINES

    found = []
    for name in ["spacy", *(name for names, _ in PIPELINES.values() for name in names)]:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folder = Path(next(iter(spec.submodule_search_locations)))
            found.append(f"{name}:{sorted(p.name for p in folder.iterdir() if p.is_dir())}")
            about = folder / "about.py"
            found.append(about.read_text(encoding="utf-8") if about.exists() else "")
    return ",".join(found)


def fingerprint(aliases: Mapping[str, str] | None) -> str:
    """What every cached analysis depends on besides the article: code, lexicons and weights, version,
    parsing pipelines, aliases."""
    digest = hashlib.sha256(f"{__version__}:{SCHEMA_VERSION}:{_pipeline_versions()}:".encode())
    digest.update(json.dumps(dict(aliases or {}), sort_keys=True, ensure_ascii=False).encode())
    for name in ANALYSIS_MODULES:
        for path in _module_files(name):
            digest.update(path.name.encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                continue
    return digest.hexdigest()


def analyse_incremental(
    articles: Sequence[Article], store: Store, aliases: Mapping[str, str] | None = None
) -> IncrementalResult:
    """Analyses of ``articles`` in order: cached where unchanged, computed (and stored) otherwise."""
    cached = [store.get(article) for article in articles]
    missing = [a for a, c in zip(articles, cached, strict=True) if c is None]
    fresh = iter(analyse_many(missing, aliases))
    results = [c if c is not None else next(fresh) for c in cached]
    fresh_list = [r for r, c in zip(results, cached, strict=True) if c is None]
    store.put_many(fresh_list)
    dropped = store.prune(articles)
    log.info(
        "analysed %d new or changed article(s), reused %d from the store%s",
        len(fresh_list),
        len(articles) - len(fresh_list),
        f", forgot {dropped} removed" if dropped else "",
    )
    return IncrementalResult(tuple(results), len(fresh_list), len(articles) - len(fresh_list))
