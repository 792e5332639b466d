"""WeasyPrint in a second process, imported while the first one reads the corpus.

Importing WeasyPrint (Pango, fonts, CSS tables) takes about half a second, as long as reading and
selecting a small corpus. A worker forked at the start of a command does that import on the other core;
the memo's HTML is then sent to it and the PDF bytes come back. Where no worker can be forked, or it
dies, the PDF is rendered in this process: same code, same bytes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.parallel import ForkedWorker

log = logging.getLogger(__name__)


def _import_weasyprint() -> None:
    import weasyprint  # noqa: F401

    from briefgen.render import pdf  # noqa: F401


class PdfProcess:
    """Renders HTML to PDF in a pre-started worker; use as a context manager (the worker is stopped)."""

    def __init__(self, start: bool = True) -> None:
        from briefgen.parallel import ForkedWorker

        self._worker: ForkedWorker | None = None
        if start and ForkedWorker.possible():
            try:
                self._worker = ForkedWorker(_import_weasyprint)
            except OSError as exc:
                log.info("no PDF worker (%s)", exc)

    def render(self, html: str, folders: Sequence[Path], created: dt.date) -> bytes:
        """The PDF of ``html`` (see ``pdf.html_to_pdf``), from the worker when there is one."""
        return self.start(html, folders, created)()

    def start(self, html: str, folders: Sequence[Path], created: dt.date) -> Callable[[], bytes]:
        """Start rendering ``html`` in the worker and return at once: call the result for the PDF bytes
        (before starting the next one). The caller goes on with its work (the next memo's selection)
        while the worker renders on the other core. Without a worker, the call renders in-process."""
        from briefgen.render.pdf import html_to_pdf

        if self._worker is None:
            return lambda: html_to_pdf(html, folders, created)
        from briefgen.parallel import WorkerGone

        try:
            self._worker.send(html_to_pdf, html, tuple(folders), created)
        except WorkerGone as exc:
            return self._gone(exc, html, folders, created)
        worker = self._worker

        def result() -> bytes:
            try:
                data: bytes = worker.receive()
            except WorkerGone as exc:
                return self._gone(exc, html, folders, created)()
            return data

        return result

    def _gone(
        self, exc: Exception, html: str, folders: Sequence[Path], created: dt.date
    ) -> Callable[[], bytes]:
        from briefgen.render.pdf import html_to_pdf

        log.info("PDF worker gone (%s); rendering in-process", exc)
        self.close()
        return lambda: html_to_pdf(html, folders, created)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def __enter__(self) -> PdfProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
