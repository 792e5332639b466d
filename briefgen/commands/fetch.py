"""``briefgen fetch`` (and ``build --fetch``): the feeds' new items into the corpus, and what failed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.errors import PartialBuildError
from briefgen.settings import Settings

if TYPE_CHECKING:
    from briefgen.fetch import FetchReport


def failure_line(report: FetchReport, feeds: int) -> str | None:
    """One line naming each feed that failed (with why) and counting failed pages; None if none failed."""
    parts = []
    if report.failed_feeds:
        named = ", ".join(f"{url} ({reason})" for url, reason in report.failed_feeds)
        parts.append(f"{len(report.failed_feeds)} of {feeds} feed(s) failed: {named}")
    pages = len(report.failures) - len(report.failed_feeds)
    if pages:
        parts.append(f"{pages} page(s) failed (named above; tried again next time)")
    return "; ".join(parts) or None


def fetch(settings: Settings, limit: int | None = None) -> FetchReport:
    """Fetch every configured feed; the report, or PartialBuildError (exit 1) when a feed or page failed,
    after everything else was fetched. The error carries the report (``exc.report``)."""
    from briefgen.fetch import fetch_feeds

    report = fetch_feeds(settings, limit)
    problem = failure_line(report, len(settings.feeds))
    if problem is not None:
        raise FetchFailed(problem, report)
    return report


class FetchFailed(PartialBuildError):
    """Some feeds or pages failed; the others were fetched (``report``)."""

    def __init__(self, message: str, report: FetchReport) -> None:
        super().__init__(message)
        self.report = report
