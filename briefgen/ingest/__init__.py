"""Ingestion: the files of a corpus folder -> Article values (body text, metadata, dropped lines).

Modules: ``files`` (walk, size cap, binaries), ``decode`` (encodings), ``formats`` (txt, md, html, json),
``lines`` (text -> lines), ``clutter`` (rules, then the line model: ``lineshape`` + ``features`` ->
``linemodel``, trained by ``training`` on ``data/pages.txt``; word lists in ``phrases`` and
``data/lexicon.txt``), ``meta`` (dates, stamps, datelines, language), ``header`` (the page's date and
publisher), ``parse`` (one text -> one Article), ``dedupe`` (syndicated copies).

Each unusable file is logged as one warning line (``path: reason``), listed in ``IngestResult.skipped``,
and the rest goes on. Large corpora are parsed on every core.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import CorpusError
from briefgen.ingest.values import IngestOptions, IngestResult, Meta, ParsedCache, SkipFile, Skipped

if TYPE_CHECKING:
    from briefgen.models import Article

__all__ = ["IngestOptions", "IngestResult", "Meta", "Skipped", "article_id", "parse_text", "read_corpus"]

log = logging.getLogger(__name__)

PARALLEL_ABOVE = 200
"""Corpora with more files than this are parsed in worker processes; smaller ones in-process."""

_Parsed = tuple[list["Article"], list[tuple[int, ...]], Skipped | None]


def article_id(root: Path, path: Path) -> str:
    """A stable id from the file's path under ``root`` (``2026/algiers-talks``-> ``2026-algiers-talks``)."""
    rel = path.relative_to(root).with_suffix("")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(rel.parts)).strip("-") or "article"


def parse_text(
    text: str,
    path: str,
    id: str,
    *,
    meta: Meta | None = None,
    clutter: frozenset[str] = frozenset(),
    markdown: bool = False,
    origin: int | None = 0,
) -> Article:
    """One text -> one Article (see ``briefgen.ingest.parse.parse_text``; imported on first use)."""
    from briefgen.ingest import parse

    return parse.parse_text(text, path, id, meta=meta, clutter=clutter, markdown=markdown, origin=origin)


def read_corpus(
    root: Path, options: IngestOptions | None = None, cache: ParsedCache | None = None
) -> IngestResult:
    """Every article under ``root`` (recursively), in path order, with syndicated copies marked.
    With a ``cache``, unchanged files are not parsed again (``briefgen.ingest.reuse``)."""
    options = options or IngestOptions()
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(f"{root}: corpus folder does not exist or is not a folder")
    from briefgen.ingest import files
    from briefgen.ingest.dedupe import mark_duplicates

    paths = files.corpus_files(root)
    ids = _unique_ids(article_id(root, p) for p in paths)
    jobs = [(str(p), i, options) for p, i in zip(paths, ids, strict=True)]
    articles: list[Article] = []
    signatures: list[tuple[int, ...]] = []
    skipped: list[Skipped] = []
    for found, sigs, skip in _parse_or_reuse(jobs, cache):
        articles += found
        signatures += sigs
        if skip:
            log.warning("%s: skipped (%s)", skip.path, skip.reason)
            skipped.append(skip)
    return IngestResult(mark_duplicates(articles, signatures), tuple(skipped))


def _parse_or_reuse(jobs: list[tuple[str, str, IngestOptions]], cache: ParsedCache | None) -> list[_Parsed]:
    if cache is None:
        return _run(jobs)
    from briefgen.ingest import reuse

    keys, known = reuse.split_known(jobs, cache)
    fresh = iter(_run([job for job, hit in zip(jobs, known, strict=True) if hit is None]))
    outcomes = [hit if hit is not None else next(fresh) for hit in known]
    reuse.remember(cache, keys, outcomes, [hit is None for hit in known])
    log.info(
        "parsed %d file(s), reused %d earlier parse(s)",
        sum(h is None for h in known),
        sum(h is not None for h in known),
    )
    return outcomes


def _unique_ids(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for base in ids:
        new, n = base, 1
        while new in seen:
            n += 1
            new = f"{base}-{n}"
        seen.add(new)
        out.append(new)
    return out


def _run(jobs: list[tuple[str, str, IngestOptions]]) -> list[_Parsed]:
    from briefgen.parallel import pool_map, workers

    processes = workers(4)
    if len(jobs) > PARALLEL_ABOVE and processes > 1:
        chunksize = max(8, len(jobs) // (processes * 8))
        parsed = pool_map(_job, jobs, processes, chunksize, what="parsing")
        if parsed is not None:
            return parsed
    return [_job(job) for job in jobs]


def _job(job: tuple[str, str, IngestOptions]) -> _Parsed:
    path, ident, options = job
    try:
        return read_file(Path(path), ident, options)
    except SkipFile as exc:
        return [], [], Skipped(path, str(exc))


def read_file(path: Path, ident: str, options: IngestOptions) -> _Parsed:
    """The articles of one file (several for JSON with many records) and their signatures."""
    from briefgen.ingest.decode import decode
    from briefgen.ingest.dedupe import signature
    from briefgen.ingest.files import read_bytes
    from briefgen.ingest.formats import documents
    from briefgen.ingest.parse import clutter_keys, parse_text

    text = decode(read_bytes(path, options.max_bytes), str(path))
    docs = documents(path.suffix.lower(), text, str(path))
    extra = clutter_keys(options.clutter)
    articles = []
    for n, doc in enumerate(docs, 1):
        ident_n = ident if len(docs) == 1 else f"{ident}-{n}"
        article = parse_text(
            doc.text, str(path), ident_n, meta=doc.meta, clutter=extra, markdown=doc.markdown,
            origin=doc.offset,
        )  # fmt: skip
        if article.body:
            articles.append(article)
        elif len(docs) > 1:
            log.warning("%s: record %d skipped (no body text: only headlines, clutter or nothing)", path, n)
    if not articles:
        raise SkipFile("no body text (only headlines, clutter or nothing)")
    return articles, [signature(a.body) for a in articles], None
