"""Reusing earlier parses: a file whose bytes, path, id and ingest options are unchanged is not parsed
again. The key is a hash of all four, so an edited file, a moved file or a new clutter phrase is parsed
afresh; the cache itself is a ``ParsedCache`` (the build's store).

A file is not even read again when its stamp (size, modification and change times, inode) is the one
recorded with its key. Stamps of files modified in the last two seconds are not recorded: a file can
change again within one tick of its clock, so such a file is read and hashed next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

from briefgen.ingest.files import read_bytes
from briefgen.ingest.values import IngestOptions, Parsed, ParsedCache, SkipFile, Skipped
from briefgen.models import Article

Job = tuple[str, str, IngestOptions]
Outcome = tuple[list[Article], list[tuple[int, ...]], Skipped | None]  # one file: articles, signatures, skip
Keys = tuple[str | None, str | None]  # one file: its stamp and its key


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


RECENT_NS = 2_000_000_000


def file_stamp(job: Job) -> str | None:
    """A hash of the job and its file's size, times and inode; None for a missing or just-written file."""
    path, ident, options = job
    try:
        st = os.stat(path)
    except OSError:
        return None
    if time.time_ns() - st.st_mtime_ns < RECENT_NS:
        return None
    fields = [path, ident, options.max_bytes, list(options.clutter)]
    fields += [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def split_known(jobs: Sequence[Job], cache: ParsedCache) -> tuple[list[Keys], list[Outcome | None]]:
    """Each job's stamp and key, and its cached outcome (None where the file must be parsed)."""
    stamps = [file_stamp(job) for job in jobs]
    stamped = cache.get_stamps([s for s in stamps if s])
    keys = [(s, (s and stamped.get(s)) or file_key(job)) for s, job in zip(stamps, jobs, strict=True)]
    known = cache.get_parsed([k for _, k in keys if k])
    outcomes: list[Outcome | None] = []
    for _, k in keys:
        hit = known.get(k) if k else None
        outcomes.append(None if hit is None else (list(hit[0]), list(hit[1]), None))
    return keys, outcomes


def remember(
    cache: ParsedCache, keys: Sequence[Keys], outcomes: Sequence[Outcome], parsed: Sequence[bool]
) -> None:
    """Store the freshly ``parsed`` outcomes that gave articles, and every stamp; forget the rest."""
    fresh: dict[str, Parsed] = {}
    for (_, k), (found, sigs, skip), new in zip(keys, outcomes, parsed, strict=True):
        if k and new and skip is None:
            fresh[k] = (tuple(found), tuple(tuple(s) for s in sigs))
    cache.put_parsed(fresh, {k for _, k in keys if k})
    cache.put_stamps({s: k for s, k in keys if s and k})
