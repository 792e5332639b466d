"""Which URLs were fetched already: an index file in the corpus, plus the ``url:`` of every ``.md`` there.

The index remembers items a person has since deleted (they are not fetched again); the front-matter scan
makes the index optional: a missing or damaged index loses nothing that is still in the corpus.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

log = logging.getLogger(__name__)

INDEX_NAME = ".briefgen-fetched"
"""No ``.json`` suffix on purpose: the ingest stage reads ``.json`` files in the corpus as articles."""
_HEAD_CHARS = 16 * 1024


def url_key(url: str) -> str:
    """The URL compared for "already fetched": trimmed, no fragment, scheme and host lowercased."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


class SeenUrls:
    """The set of fetched URLs for one corpus folder; ``save()`` writes the index atomically."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.path = corpus / INDEX_NAME
        self.urls: set[str] = _load_index(self.path) | set(_scan_front_matter(corpus))

    def __contains__(self, url: str) -> bool:
        return url_key(url) in self.urls

    def add(self, url: str) -> None:
        self.urls.add(url_key(url))

    def save(self) -> None:
        self.corpus.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"version": 1, "urls": sorted(self.urls)}, ensure_ascii=False, indent=0)
        fd, tmp = tempfile.mkstemp(dir=self.corpus, prefix=".briefgen-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _load_index(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable fetch index ignored (%s)", path, exc)
        return set()
    urls = data.get("urls") if isinstance(data, dict) else None
    if not isinstance(urls, list):
        log.warning("%s: fetch index has no URL list; ignored", path)
        return set()
    return {url_key(u) for u in urls if isinstance(u, str)}


def _scan_front_matter(corpus: Path) -> list[str]:
    """``url:`` values from the front matter of every ``.md`` under the corpus (no symlinked folders)."""
    found = []
    for folder, _dirs, files in os.walk(corpus):
        for name in files:
            if name.endswith(".md"):
                url = front_matter_url(Path(folder, name))
                if url:
                    found.append(url_key(url))
    return found


def front_matter_url(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(_HEAD_CHARS)
    except OSError:
        return None
    if not head.startswith("---"):
        return None
    end = head.find("\n---", 3)
    if end < 0:
        return None
    try:
        meta = yaml.safe_load(head[3:end])
    except yaml.YAMLError:
        return None
    url = meta.get("url") if isinstance(meta, dict) else None
    return url if isinstance(url, str) and url.strip() else None
