"""HTML -> PDF with WeasyPrint, fetching nothing but the templates' own files.

WeasyPrint is imported here only, on first use: ``briefgen --help`` and the JSON/Markdown formats do
not pay its 0.7 s import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

log = logging.getLogger(__name__)


class RefusedFetch(ValueError):
    """A resource outside the template folders was asked for."""


def allowed_path(url: str, roots: Sequence[Path]) -> Path:
    """The local file ``url`` names when it lies inside one of ``roots``; RefusedFetch otherwise."""
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        raise RefusedFetch(f"refused to fetch {url[:80]!r}: only template assets are loaded")
    path = Path(unquote(parsed.path)).resolve()
    if not any(path.is_relative_to(root.resolve()) for root in roots) or not path.is_file():
        raise RefusedFetch(f"refused to fetch {url[:80]!r}: outside the template folders")
    return path


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher

    class AssetFetcher(URLFetcher):
        """Serves files inside the template folders; refuses every other URL (http, data, file)."""

        def __init__(self, roots: Sequence[Path]) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.roots = tuple(roots)
            self.fetched: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            allowed_path(url, self.roots)
            self.fetched.append(url)
            return super().fetch(url, headers)

    return AssetFetcher


def make_fetcher(roots: Sequence[Path]) -> Any:
    return _fetcher_class()(roots)


def html_to_pdf(html: str, base: Path, roots: Sequence[Path], created: dt.date) -> bytes:
    """Render ``html`` (whose relative URLs resolve against ``base``) to PDF bytes, reproducibly."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=make_fetcher(roots)).render()
    stamp = f"{created.isoformat()}T00:00:00Z"
    document.metadata.created = stamp
    document.metadata.modified = stamp
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    data: bytes = document.write_pdf(pdf_identifier=identifier)
    return data
