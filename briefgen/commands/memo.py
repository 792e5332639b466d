"""``briefgen memo``: one topic's memo, in each requested format, written atomically."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.commands import find_topic
from briefgen.commands.corpus import analysed_corpus
from briefgen.errors import UsageError
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


def write_memo(memo: Memo, renderer: Renderer, formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render every format first, then write each atomically: a failed render writes nothing."""
    rendered = {fmt: renderer.render(memo, fmt) for fmt in formats}
    paths = []
    for fmt, data in rendered.items():
        path = out_dir / memo_filename(memo.topic, memo.date, fmt)
        write_atomic(path, data)
        paths.append(path)
    return paths


def build_memo(settings: Settings, request: MemoRequest, pdf: PdfProcess | None = None) -> list[Path]:
    """Read the corpus, select the topic's items, render and write: the paths written.

    ``pdf``: a PDF worker started earlier (``PdfProcess``), so WeasyPrint loads while the corpus is read;
    without one, one is started here when a PDF is asked for.
    """
    topic = find_topic(settings, request.topic)
    formats = check_formats(request.formats)
    with PdfProcess("pdf" in formats and pdf is None) as own:
        renderer = Renderer(settings.templates, pdf or own)
        corpus = analysed_corpus(settings)
        memo = make_memo(settings, topic, corpus, request)
        log.info("%s: %d items from %d articles", topic.name, len(memo.items), len(corpus))
        return write_memo(memo, renderer, formats, settings.output)
