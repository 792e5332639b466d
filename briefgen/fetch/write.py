"""Write one fetched item as ``<corpus>/<date>-<title-slug>.md`` with YAML front matter, atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

MAX_STEM = 76
"""Longest file name stem; with ``.md`` and a collision suffix the name stays near 80 characters."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class FetchedItem:
    title: str
    publisher: str
    date: dt.date | None
    url: str
    lang: str
    text: str
    fetched: dt.datetime


def front_matter(item: FetchedItem) -> str:
    """The YAML block the ingest stage reads (title, publisher, date, url, lang, fetched)."""
    meta = {
        "title": item.title or None,
        "publisher": item.publisher or None,
        "date": item.date.isoformat() if item.date else None,
        "url": item.url,
        "lang": item.lang or None,
        "fetched": item.fetched.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{dumped}---\n"


def document(item: FetchedItem) -> str:
    body = item.text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return f"{front_matter(item)}\n{body}\n"


def slug(text: str, limit: int) -> str:
    """ASCII ``[a-z0-9-]`` only, accents folded, cut at a word boundary within ``limit``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def file_stem(item: FetchedItem) -> str:
    prefix = item.date.isoformat() if item.date else "undated"
    words = slug(item.title, MAX_STEM - len(prefix) - 1)
    if not words:  # a title with no Latin letters or digits: name the file after its URL
        words = "item-" + hashlib.sha1(item.url.encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{words}"


def free_path(folder: Path, stem: str) -> Path:
    """``stem.md``, else ``stem-2.md``, ``stem-3.md``... whichever does not exist yet."""
    candidate = folder / f"{stem}.md"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.md"
        number += 1
    return candidate


def write_item(folder: Path, item: FetchedItem) -> Path:
    """Write the item under a fresh name: temp file in the same folder, fsync, then ``os.replace``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = free_path(folder, file_stem(item))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".briefgen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(document(item))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the article from other readers of the corpus
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
