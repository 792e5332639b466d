"""Reusing earlier parses: a file whose bytes, path, id and ingest options are unchanged is not parsed
again. The key is a hash of all four, so an edited file, a moved file or a new clutter phrase is parsed
afresh; the cache itself is anything with ``get_parsed``/``put_parsed`` (the build's store)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from briefgen.ingest.files import read_bytes
from briefgen.ingest.values import IngestOptions, Parsed, ParsedCache, SkipFile, Skipped
from briefgen.models import Article

Job = tuple[str, str, IngestOptions]
Outcome = tuple[list[Article], list[tuple[int, ...]], Skipped | None]  # one file: articles, signatures, skip


def file_key(job: Job) -> str | None:
    """The cache key of one parse job; None when the file cannot be read (its parse says why)."""
    path, ident, options = job
    try:
        data = read_bytes(Path(path), options.max_bytes)
    except SkipFile:
        return None
    digest = hashlib.sha256(json.dumps([path, ident, options.max_bytes, list(options.clutter)]).encode())
    digest.update(data)
    return digest.hexdigest()


def split_known(jobs: Sequence[Job], cache: ParsedCache) -> tuple[list[str | None], list[Outcome | None]]:
    """Each job's key, and its cached outcome (None where the file must be parsed)."""
    keys = [file_key(job) for job in jobs]
    known = cache.get_parsed([k for k in keys if k])
    outcomes: list[Outcome | None] = []
    for k in keys:
        hit = known.get(k) if k else None
        outcomes.append(None if hit is None else (list(hit[0]), list(hit[1]), None))
    return keys, outcomes


def remember(
    cache: ParsedCache, keys: Sequence[str | None], outcomes: Sequence[Outcome], parsed: Sequence[bool]
) -> None:
    """Store the freshly ``parsed`` outcomes that gave articles; forget keys no longer in the corpus."""
    fresh: dict[str, Parsed] = {}
    for k, (found, sigs, skip), new in zip(keys, outcomes, parsed, strict=True):
        if k and new and skip is None:
            fresh[k] = (tuple(found), tuple(tuple(s) for s in sigs))
    cache.put_parsed(fresh, {k for k in keys if k})
