"""RSS/Atom feeds (URLs or local files) → entries: link, title, date, publisher, language, summary."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from briefgen.fetch.http import FetchError, HttpOptions, get
from briefgen.fetch.text import html_to_text, one_line

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    """The entry's link, made absolute against the feed's address."""
    title: str
    publisher: str
    """The feed's own title (the outlet), or '' when it has none."""
    date: dt.date | None
    lang: str
    summary: str
    """Plain text of the entry's content or summary (the longer), the fallback when a page yields nothing."""


def is_url(source: str) -> bool:
    """True for ``scheme://...`` sources; a one-letter scheme is a Windows drive, i.e. a path."""
    scheme = urlsplit(source).scheme
    return len(scheme) > 1 and "://" in source


def read_feed(source: str, base: Path, options: HttpOptions) -> list[FeedEntry]:
    """Download (or read) and parse one feed. Raise FetchError when it is unreachable or not a feed."""
    if is_url(source):
        response = get(source, options)  # refuses anything but http(s)
        body, headers, address = response.body, {"content-type": response.content_type}, response.url
    else:
        body, headers, address = _read_file(base / source, options.max_bytes), {}, ""
    return parse_feed(body, address, headers)


def _read_file(path: Path, cap: int) -> bytes:
    try:
        with path.open("rb") as fh:
            body = fh.read(cap + 1)
    except OSError as exc:
        raise FetchError(f"cannot read feed file: {exc.strerror or exc}") from None
    if len(body) > cap:
        raise FetchError(f"feed file larger than the size cap ({cap} bytes)")
    return body


def parse_feed(body: bytes, address: str, headers: dict[str, str] | None = None) -> list[FeedEntry]:
    import feedparser

    # A file object, never bytes or str: feedparser would treat a short string as a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers or {})
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = one_line(str(parsed.get("bozo_exception", "unreadable")))[:120]
            raise FetchError(f"not an RSS/Atom feed ({reason})")
        if not parsed.get("version"):
            raise FetchError("not an RSS/Atom feed")
        log.info("%s: feed has no entries", address or "feed")
        return []
    feed = parsed.get("feed", {})
    publisher = one_line(feed.get("title", ""))
    lang = feed.get("language", "") or ""
    entries = []
    for raw in parsed.entries:
        entry = _entry(raw, address, publisher, lang)
        if entry is None:
            title = one_line(raw.get("title", ""))[:80]
            log.info("%s: entry without a link skipped: %s", address or "feed", title)
            continue
        entries.append(entry)
    return entries


def _entry(raw: Any, address: str, publisher: str, lang: str) -> FeedEntry | None:
    link = (raw.get("link") or "").strip()
    if not link:
        return None
    url = urljoin(address, link) if address else link
    summary = html_to_text(raw.get("summary", "") or "")
    for content in raw.get("content", []) or []:
        text = html_to_text(content.get("value", "") or "")
        if len(text) > len(summary):
            summary = text
    return FeedEntry(
        url=url,
        title=one_line(raw.get("title", "") or ""),
        publisher=publisher,
        date=_date(raw),
        lang=raw.get("language", "") or lang,
        summary=summary,
    )


def _date(raw: Any) -> dt.date | None:
    """The entry's publication (else update) date, from feedparser's UTC struct_time."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).date()
            except (OverflowError, ValueError, OSError):
                continue
    return None
