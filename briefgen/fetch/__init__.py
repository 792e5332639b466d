"""``briefgen fetch``: new feed items → article pages → ``.md`` files with front matter in the corpus.

One bad feed or page is logged (one warning line), recorded in the report and skipped; the rest go on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import UsageError
from briefgen.fetch.feeds import FeedEntry, read_feed
from briefgen.fetch.http import FetchError, HttpOptions, get
from briefgen.fetch.pages import host, page_for
from briefgen.fetch.seen import SeenUrls
from briefgen.fetch.text import language, one_line
from briefgen.fetch.write import FetchedItem, write_item
from briefgen.settings import Settings

__all__ = ["FetchError", "FetchReport", "HttpOptions", "fetch_feeds"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FetchReport:
    new_files: tuple[Path, ...] = ()
    """Files written in this run, in order."""
    skipped_seen: int = 0
    """Feed entries whose URL was fetched before."""
    failures: tuple[tuple[str, str], ...] = ()
    """(feed or page URL, one-line reason) for each feed or page that was skipped."""
    feeds_read: int = 0
    """Feeds that could be read (even if they had nothing new)."""
    failed_feeds: tuple[tuple[str, str], ...] = ()
    """(feed, one-line reason) for each feed that could not be read: left to the caller to report."""


@dataclass
class _Run:
    corpus: Path
    options: HttpOptions
    seen: SeenUrls
    limit: int | None
    now: Callable[[], dt.datetime]
    new_files: list[Path] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped_seen: int = 0
    feeds_read: int = 0
    failed_feeds: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, url: str, reason: str, feed: bool = False) -> None:
        if feed:  # the caller names every failed feed in its one error line
            log.info("fetch: %s: %s", one_line(url)[:300], one_line(reason))
            self.failed_feeds.append((url, reason))
        else:
            log.warning("fetch: %s: %s", one_line(url)[:300], one_line(reason))
        self.failures.append((url, reason))

    def full(self) -> bool:
        return self.limit is not None and len(self.new_files) >= self.limit

    def report(self) -> FetchReport:
        return FetchReport(
            tuple(self.new_files),
            self.skipped_seen,
            tuple(self.failures),
            self.feeds_read,
            tuple(self.failed_feeds),
        )


def fetch_feeds(
    settings: Settings,
    limit: int | None = None,
    options: HttpOptions | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> FetchReport:
    """Fetch every configured feed's new items into ``settings.corpus``; at most ``limit`` new files."""
    if not settings.feeds:
        raise UsageError(f"no feeds configured: add a 'feeds:' list of RSS/Atom URLs to {settings.path}")
    if options is None:
        options = HttpOptions(max_bytes=int(settings.max_file_mb * 1024 * 1024))
    run = _Run(settings.corpus, options, SeenUrls(settings.corpus), limit, now or _utc_now)
    base = settings.path.parent
    try:
        for source in settings.feeds:
            if run.full():
                break
            _fetch_feed(run, source, base)
    finally:
        if run.new_files:
            run.seen.save()
    return run.report()


def _fetch_feed(run: _Run, source: str, base: Path) -> None:
    try:
        entries = read_feed(source, base, run.options)
    except FetchError as exc:
        run.fail(source, str(exc), feed=True)
        return
    run.feeds_read += 1
    log.info("%s: %d entries", source, len(entries))
    for entry in entries:
        if run.full():
            return
        if entry.url in run.seen:
            run.skipped_seen += 1
            continue
        _fetch_entry(run, entry)


def _fetch_entry(run: _Run, entry: FeedEntry) -> None:
    try:
        response = get(entry.url, run.options)
        page = page_for(entry, response.body, response.url)
    except FetchError as exc:
        run.fail(entry.url, str(exc))
        return
    item = FetchedItem(
        title=entry.title or page.title,
        publisher=entry.publisher or page.publisher or host(entry.url),
        date=entry.date or page.date,
        url=entry.url,
        lang=page.lang or language(entry.lang),
        text=page.text,
        fetched=run.now(),
    )
    path = write_item(run.corpus, item)
    run.seen.add(entry.url)
    run.new_files.append(path)
    log.info("wrote %s", path)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
