"""``briefgen memo``: one topic's memo, in each requested format, written atomically."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.commands import find_topic, written
from briefgen.commands.corpus import analysed_corpus, store_path
from briefgen.errors import EmptyMemoError, UsageError
from briefgen.memory import collecting_rarely
from briefgen.models import AnalysedArticle, Memo, MemoHeader
from briefgen.output import memo_filename, write_atomic
from briefgen.render import FORMATS, Renderer
from briefgen.render.pdfproc import PdfProcess
from briefgen.select import select_memo
from briefgen.settings import Settings, Topic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemoRequest:
    topic: str
    memo_date: dt.date
    formats: tuple[str, ...]
    since: dt.date | None = None
    force: bool = False  # a memo with no items may replace one with items


def header_of(settings: Settings) -> MemoHeader:
    h = settings.header
    return MemoHeader(h.organisation, h.to, h.from_, h.classification)


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(f"unknown format {', '.join(unknown) or '(none)'}; known: {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(formats))


def make_memo(
    settings: Settings, topic: Topic, corpus: Sequence[AnalysedArticle], request: MemoRequest
) -> Memo:
    return select_memo(topic, settings.topics, corpus, request.memo_date, header_of(settings), request.since)


def keep_memo_with_items(memo: Memo, out_dir: Path, database: Path | None, force: bool = False) -> None:
    """EmptyMemoError when ``memo`` has no items and the memo already written for its topic and date
    has some (or may have: its count is unknown), unless ``force``."""
    if force or memo.stats.items_chosen:
        return
    paths = [out_dir / memo_filename(memo.topic, memo.date, fmt) for fmt in FORMATS]
    before = written.items_of(database, paths)
    if before is None or before == 0:
        return
    held = f" with {before} items" if before > 0 else ""
    raise EmptyMemoError(
        f"{memo.topic}: the new memo has no items; kept the {memo.date} memo{held} in {out_dir} "
        "(--force replaces it)"
    )


@dataclass(frozen=True)
class PendingMemo:
    """A memo whose files are being rendered (``start_memo``); ``finish_memo`` writes them."""

    memo: Memo
    renders: Mapping[Path, Callable[[], bytes]]
    database: Path | None


def start_memo(
    memo: Memo,
    renderer: Renderer,
    formats: Sequence[str],
    out_dir: Path,
    database: Path | None = None,
    force: bool = False,
) -> PendingMemo:
    """Check the memo may be written, then start rendering each format (a PDF renders in the PDF
    worker while the caller goes on)."""
    keep_memo_with_items(memo, out_dir, database, force)
    renders = {out_dir / memo_filename(memo.topic, memo.date, f): renderer.start(memo, f) for f in formats}
    return PendingMemo(memo, renders, database)


def finish_memo(pending: PendingMemo) -> list[Path]:
    """Every rendered format first, then each written atomically: a failed render writes nothing."""
    rendered = {path: render() for path, render in pending.renders.items()}
    for path, data in rendered.items():
        write_atomic(path, data)
    if pending.database is not None:
        written.record(pending.database, rendered, pending.memo.stats.items_chosen)
    return list(rendered)


def write_memo(
    memo: Memo,
    renderer: Renderer,
    formats: Sequence[str],
    out_dir: Path,
    database: Path | None = None,
    force: bool = False,
) -> list[Path]:
    """Render every format first, then write each atomically: a failed render writes nothing, and a
    memo with no items never replaces one with items unless ``force``. ``database``: where the files
    written are recorded with the memo's item count (the build store's file)."""
    return finish_memo(start_memo(memo, renderer, formats, out_dir, database, force))


def build_memo(settings: Settings, request: MemoRequest, pdf: PdfProcess | None = None) -> list[Path]:
    """Read the corpus, select the topic's items, render and write: the paths written.

    ``pdf``: a PDF worker started earlier (``PdfProcess``), so WeasyPrint loads while the corpus is read;
    without one, one is started here when a PDF is asked for.
    """
    topic = find_topic(settings, request.topic)
    formats = check_formats(request.formats)
    with PdfProcess("pdf" in formats and pdf is None) as own, collecting_rarely():
        renderer = Renderer(settings.templates, pdf or own)
        corpus = analysed_corpus(settings)
        memo = make_memo(settings, topic, corpus, request)
        log.info("%s: %d items from %d articles", topic.name, memo.stats.items_chosen, len(corpus))
        return write_memo(memo, renderer, formats, settings.output, store_path(settings), request.force)
