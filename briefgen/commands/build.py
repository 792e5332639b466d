"""``briefgen build``: every topic, every format, incremental, locked, and never losing a good memo.

Steps: lock -> optional fetch -> ingest -> incremental analysis (store) -> per topic: select, mark
claims new since the topic's previous build, render, write atomically into ``out/builds/<date>/``
-> manifest -> ``latest`` -> optional mail. A topic that fails is logged and skipped (its previous
memo stays); the build then ends with PartialBuildError. SIGTERM is handled like Ctrl-C.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from briefgen.commands import find_topic
from briefgen.commands.corpus import analyse_with_store, store_path
from briefgen.commands.memo import PendingMemo, check_formats, finish_memo, header_of, start_memo
from briefgen.commands.novelty import fact_keys, mark_new
from briefgen.errors import BriefgenError, EmptyMemoError, PartialBuildError
from briefgen.incremental import fingerprint
from briefgen.lock import BuildLock
from briefgen.memory import collecting_rarely, release
from briefgen.models import AnalysedArticle, Memo
from briefgen.output import make_folder
from briefgen.publish import build_dir, update_latest, write_manifest
from briefgen.render import Renderer
from briefgen.render.pdfproc import PdfProcess
from briefgen.select import ScanCache, select_memo
from briefgen.select.caches import forget
from briefgen.settings import Settings, Topic
from briefgen.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildRequest:
    memo_date: dt.date
    topics: tuple[str, ...] = ()  # empty: every configured topic
    formats: tuple[str, ...] = ()  # empty: the configured formats
    since: dt.date | None = None
    fetch: bool = False
    mail: bool = False
    force: bool = False  # a memo with no items may replace one with items


@dataclass(frozen=True)
class TopicResult:
    topic: str
    items: int = 0  # items chosen, as the memo's Method note counts them (timeline entries are copies)
    new: int = 0
    nothing_new: bool = False
    paths: tuple[Path, ...] = ()
    error: str | None = None
    previous: dt.date | None = None  # memo date of the build the new claims are counted against
    kept_empty: bool = False  # the error: a memo with no items was not allowed to replace one with items


@dataclass(frozen=True)
class BuildReport:
    memo_date: dt.date
    folder: Path
    topics: tuple[TopicResult, ...]
    analysed: int
    reused: int
    manifest: Path | None = None


@dataclass(frozen=True)
class _Context:
    settings: Settings
    request: BuildRequest
    corpus: tuple[AnalysedArticle, ...]
    renderer: Renderer
    formats: tuple[str, ...]
    folder: Path
    store: Store
    scans: ScanCache = field(default_factory=dict)  # article scans shared by every topic of the build


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While active, SIGTERM raises KeyboardInterrupt, so cleanup runs as it does for Ctrl-C (unless
    the process handles SIGTERM already, as the ``briefgen`` executable does)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass(frozen=True)
class _Selected:
    """A topic's memo, selected and marked (``select_topic``)."""

    topic: Topic
    memo: Memo
    previous: tuple[dt.date, frozenset[str]] | None


@dataclass(frozen=True)
class _Started:
    """A selected topic whose files are rendering (``start_rendering``)."""

    selected: _Selected
    pending: PendingMemo


def select_topic(ctx: _Context, topic: Topic) -> _Selected:
    """Select one topic's memo and mark what is new since its previous build."""
    date = ctx.request.memo_date
    header = header_of(ctx.settings)
    topics, since = ctx.settings.topics, ctx.request.since
    memo = select_memo(topic, topics, ctx.corpus, date, header, since, ctx.scans, ctx.store)
    previous = ctx.store.previous_claims(topic.name, date)
    memo = mark_new(memo, previous)
    if memo.nothing_new and previous is not None:
        log.info("%s: nothing new since the build of %s", topic.name, previous[0].isoformat())
    return _Selected(topic, memo, previous)


def start_rendering(ctx: _Context, selected: _Selected) -> _Started:
    """Start rendering a selected topic's files: its PDF renders in the PDF worker meanwhile."""
    database = store_path(ctx.settings)
    pending = start_memo(selected.memo, ctx.renderer, ctx.formats, ctx.folder, database, ctx.request.force)
    return _Started(selected, pending)


def finish_topic(ctx: _Context, started: _Started) -> TopicResult:
    """Write a started topic's files; remember its claims once they are written."""
    memo, previous, name = started.selected.memo, started.selected.previous, started.selected.topic.name
    paths = finish_memo(started.pending)
    main_items = [i for i in memo.items if i.section != "timeline"]
    keys = (k for i in main_items for k in fact_keys(i))
    ctx.store.record_claims(name, ctx.request.memo_date, keys, len(main_items))
    new = sum(i.is_new for i in main_items)
    since = previous[0] if previous else None
    chosen = memo.stats.items_chosen
    return TopicResult(name, chosen, new, memo.nothing_new, tuple(paths), previous=since)


def build_topic(ctx: _Context, topic: Topic) -> TopicResult:
    """Select, mark, render and write one topic; remember its claims once its files are written."""
    return finish_topic(ctx, start_rendering(ctx, select_topic(ctx, topic)))


T = TypeVar("T")


def _guarded(name: str, step: Callable[[], T]) -> T | TopicResult:
    """``step()``, or the failed topic's result: one topic failing must not stop the others."""
    try:
        return step()
    except EmptyMemoError as exc:
        log.warning("%s", exc)
        return TopicResult(name, error=str(exc), kept_empty=True)
    except Exception as exc:
        message = str(exc) if isinstance(exc, BriefgenError) else f"{type(exc).__name__}: {exc}"
        log.error("%s: failed, previous memo kept: %s", name, message)
        log.debug("%s: traceback", name, exc_info=True)
        return TopicResult(name, error=message)


def _fetch(settings: Settings) -> str | None:
    """Run ``briefgen fetch``; a failure is reported and the build goes on with the corpus as it is."""
    try:
        from briefgen.commands.fetch import fetch

        fetch(settings)
    except (BriefgenError, ImportError, OSError) as exc:
        log.error("fetch failed, building from the corpus as it is: %s", exc)
        return f"fetch: {exc}"
    return None


def _build_topics(
    ctx: _Context, topics: list[Topic], progress: Callable[[TopicResult], None] | None
) -> tuple[TopicResult, ...]:
    """Each topic in turn; a topic's files are written after the next topic is selected, so its PDF
    renders on the other core meanwhile."""
    results: list[TopicResult] = []

    def done(result: TopicResult) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    started: _Started | None = None  # rendering: its files are written once the next topic is selected
    for topic in topics:
        selected = _guarded(topic.name, functools.partial(select_topic, ctx, topic))
        forget()  # the topic's per-sentence caches and temporaries, before the next topic's
        release()
        if started is not None:  # one render in the worker at a time: receive it before the next
            done(_guarded(started.selected.topic.name, functools.partial(finish_topic, ctx, started)))
            started = None
        if isinstance(selected, TopicResult):
            done(selected)
            continue
        step = _guarded(topic.name, functools.partial(start_rendering, ctx, selected))
        if isinstance(step, TopicResult):
            done(step)
        else:
            started = step
    if started is not None:
        done(_guarded(started.selected.topic.name, functools.partial(finish_topic, ctx, started)))
    return tuple(results)


def build(
    settings: Settings, request: BuildRequest, progress: Callable[[TopicResult], None] | None = None
) -> BuildReport:
    """Build the requested topics; PartialBuildError (after publishing the rest) if any failed."""
    names = dict.fromkeys(request.topics) or [t.name for t in settings.topics]
    topics = [find_topic(settings, name) for name in names]
    formats = check_formats(request.formats or settings.formats)
    folder = build_dir(settings.output, request.memo_date)
    # the PDF worker is forked before the lock is taken, so it never holds the lock's file descriptor
    with (
        PdfProcess("pdf" in formats) as pdf,
        BuildLock(settings.output),
        sigterm_as_interrupt(),
        collecting_rarely(),
    ):
        problems = [p for p in [_fetch(settings) if request.fetch else None] if p]
        with Store.open(store_path(settings), fingerprint(settings.aliases)) as store:
            done = analyse_with_store(settings, store)
            corpus, analysed, reused = done.articles, done.analysed, done.reused
            release()  # what reading and unpacking the analyses left behind
            make_folder(folder, "build folder")
            renderer = Renderer(settings.templates, pdf)
            ctx = _Context(settings, request, corpus, renderer, formats, folder, store)
            results = _build_topics(ctx, topics, progress)
        failed = [r.topic for r in results if r.error]
        manifest = write_manifest(folder, request.memo_date, failed)
        update_latest(settings.output)
        report = BuildReport(request.memo_date, folder, results, analysed, reused, manifest)
        if request.mail:
            problems += _mail(settings, report)
    if failed:
        problems.insert(0, f"{len(failed)} of {len(results)} topic(s) failed ({', '.join(failed)})")
    if problems:
        raise PartialBuildError(f"{'; '.join(problems)}; built memos are in {folder}")
    return report


def _mail(settings: Settings, report: BuildReport) -> list[str]:
    from briefgen.commands.mail import MailRequest, send_memos

    built = tuple(r.topic for r in report.topics if not r.error)
    if not built:
        return []
    try:
        send_memos(settings, MailRequest(report.memo_date, built))
    except BriefgenError as exc:  # reported once, in the build's final error line
        return [f"mail: {exc}"]
    return []
