"""How far a long stage has gone, for whoever shows it: the command line sets a reporter, the library
only calls :func:`report` (and never prints)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Reporter = Callable[[str, int, int], None]
"""(stage, items done, items in all), e.g. ("analysing", 2500, 10000)."""

_REPORTER: ContextVar[Reporter | None] = ContextVar("briefgen_progress", default=None)


def report(stage: str, done: int, total: int) -> None:
    """Tell the current reporter, if any, that ``done`` of ``total`` items of ``stage`` are finished."""
    reporter = _REPORTER.get()
    if reporter is not None:
        reporter(stage, done, total)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Send :func:`report` calls made inside the block to ``reporter``."""
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)
