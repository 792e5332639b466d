"""Article page HTML → main text and metadata (trafilatura), with the feed entry's summary as fallback."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefgen.fetch.feeds import FeedEntry
from briefgen.fetch.http import FetchError
from briefgen.fetch.text import language, one_line

log = logging.getLogger(__name__)

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]{2,16})", re.IGNORECASE)
_HEAD_BYTES = 8192
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class Page:
    text: str
    title: str = ""
    publisher: str = ""
    date: dt.date | None = None
    lang: str = ""
    extracted: bool = True
    """False when the text is the feed entry's summary because extraction found nothing."""


def extract(body: bytes, url: str) -> Page | None:
    """Main text and metadata of an HTML page, or None when nothing usable comes out."""
    try:
        from trafilatura import bare_extraction

        logging.getLogger("trafilatura").setLevel(logging.ERROR)  # we log our own one-line fallback

        doc = bare_extraction(
            body, url=url, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
        )
    except Exception as exc:  # a third-party parser on hostile input: any failure means "no text"
        log.info("%s: extraction failed: %s", url, one_line(str(exc))[:120])
        return None
    if doc is None:
        return None
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    return Page(
        text=text,
        title=one_line(data.get("title") or ""),
        publisher=one_line(data.get("sitename") or ""),
        date=_iso_date(data.get("date")),
        lang=language(data.get("language")) or _html_lang(body),
    )


def page_for(entry: FeedEntry, body: bytes | None, url: str) -> Page:
    """The extracted page, else the entry's summary; FetchError when neither has text."""
    page = extract(body, url) if body else None
    if page is not None:
        return page
    if entry.summary.strip():
        log.info("%s: no main text extracted; using the feed summary", url)
        return Page(text=entry.summary, lang=_html_lang(body or b""), extracted=False)
    raise FetchError("no article text in the page and no summary in the feed")


def _html_lang(body: bytes) -> str:
    match = _HTML_LANG.search(body[:_HEAD_BYTES])
    return language(match.group(1).decode("ascii")) if match else ""


def _iso_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def host(url: str) -> str:
    """``www.example.org`` → ``example.org``: a last-resort publisher name."""
    name = (urlsplit(url).hostname or "").lower()
    return name.removeprefix("www.")
