"""HTML -> PDF with WeasyPrint, fetching nothing but files in the templates' ``assets/`` folders.

WeasyPrint is imported here only, on first use: ``briefgen --help`` and the JSON/Markdown formats do
not pay its import. The PDF is reproducible: its dates come from the memo date and its identifier from
the HTML, so the same memo gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

log = logging.getLogger(__name__)

ASSETS = "assets"


class RefusedFetch(ValueError):
    """A resource outside the template asset folders was asked for."""


def _refuse(url: str, why: str) -> RefusedFetch:
    log.debug("refused %s: %s", url[:200], why)
    return RefusedFetch(f"refused to fetch {url[:80]!r}: {why}")


def allowed_path(url: str, folders: Sequence[Path]) -> Path:
    """The asset file ``url`` names, looked up like templates (first folder that has it); else refuse.

    ``url`` must be a ``file:`` URL inside ``<folder>/assets/`` of one of ``folders`` (after resolving
    ``..`` and symlinks); the same relative path is then served from the first folder that has it.
    """
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        raise _refuse(url, "only template assets are loaded")
    path = Path(unquote(parsed.path)).resolve()
    roots = [folder.resolve() for folder in folders]
    relative = next((path.relative_to(r) for r in roots if path.is_relative_to(r / ASSETS)), None)
    if relative is None:
        raise _refuse(url, "outside the template asset folders")
    for root in roots:
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root / ASSETS) and candidate.is_file():
            return candidate
    raise _refuse(url, "no such template asset")


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):
        """Serves files of the template asset folders itself; refuses every other URL (http, data, file)."""

        def __init__(self, folders: Sequence[Path]) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.folders = tuple(folders)
            self.fetched: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = allowed_path(url, self.folders)
            self.fetched.append(url)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return AssetFetcher


def make_fetcher(folders: Sequence[Path]) -> Any:
    return _fetcher_class()(folders)


def html_to_pdf(html: str, folders: Sequence[Path], created: dt.date, fetcher: Any = None) -> bytes:
    """Render ``html`` to PDF bytes, reproducibly; relative URLs resolve against the first folder."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    base = folders[0].resolve().as_uri() + "/"
    document = HTML(string=html, base_url=base, url_fetcher=fetcher or make_fetcher(folders)).render()
    stamp = f"{created.isoformat()}T00:00:00Z"
    document.metadata.created = stamp
    document.metadata.modified = stamp
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    data: bytes = document.write_pdf(pdf_identifier=identifier)
    return data
