"""Use cases: one function per command, each reading, transforming, rendering and writing in sequence."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from briefgen.errors import UsageError
from briefgen.ingest import IngestOptions
from briefgen.settings import Settings, Topic

_SAFE_TOPIC = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def find_topic(settings: Settings, name: str) -> Topic:
    """The configured topic called ``name``; UsageError listing the others (closest first) if none."""
    if not _SAFE_TOPIC.match(name):
        raise UsageError(f"invalid topic name {name!r}: use lowercase letters, digits and hyphens")
    try:
        return settings.topic(name)
    except KeyError:
        names = [t.name for t in settings.topics]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UsageError(f"unknown topic '{name}'; {hint}configured: {', '.join(names)}") from None


def parse_date(text: str | None, option: str = "--date") -> dt.date | None:
    """An ISO date from the command line, or None; UsageError when malformed."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and int(parts[1]) > 12:
        try:  # 1998-14-06: no month 14, so year-day-month (as some archives write it)
            return dt.date(int(parts[0]), int(parts[2]), int(parts[1]))
        except ValueError:
            pass
    raise UsageError(f"{option}: expected a date as YYYY-MM-DD, got {text!r}") from None


def memo_window(date: str | None, since: str | None) -> tuple[dt.date, dt.date | None]:
    """``--date`` (default today) and ``--since``; UsageError when ``--since`` is later than the date."""
    memo_date = parse_date(date) or dt.date.today()
    since_date = parse_date(since, "--since")
    if since_date is not None and since_date > memo_date:
        raise UsageError(
            f"--since {since_date} is later than the memo date {memo_date}: no article could be in the memo"
        )
    return memo_date, since_date


def ingest_options(settings: Settings) -> IngestOptions:
    return IngestOptions(max_bytes=int(settings.max_file_mb * 1_000_000), clutter=settings.clutter)
