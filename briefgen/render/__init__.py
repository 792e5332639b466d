"""Render a Memo: Jinja -> Markdown; markdown-it-py -> HTML; WeasyPrint -> PDF; and JSON.

Templates (``memo.md.j2``, ``memo.html.j2``, ``memo.css``) come from the user's folder when it has
them, else from the built-in ``templates/``. Article text is escaped for Markdown by the template's
``md`` filter and the HTML is produced from that Markdown with raw HTML disabled, so no article text
can become markup in any format. Article text is only ever template *data*: Jinja never parses it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import jinja2

from briefgen.errors import ConfigError, RenderError, UsageError
from briefgen.models import Attribution, Memo, MemoItem, Source
from briefgen.render.env import make_env, template_dirs
from briefgen.render.jsonout import memo_json
from briefgen.render.markdown import to_html

if TYPE_CHECKING:
    from briefgen.render.pdfproc import PdfProcess

log = logging.getLogger(__name__)

FORMATS = ("md", "pdf", "html", "json")
TEMPLATES = ("memo.md.j2", "memo.html.j2", "memo.css")


_PARTICLES = frozenset(
    "de du des della di da dos das do van von der den ter ten la le al el bin ben ibn abu d l".split()
)
_FIRST_WORD = re.compile(r"[^\s\-'’]+")


def heading_case(text: str) -> str:
    """A description used as a heading starts with a capital ("the French interior ministry" -> "The
    French interior ministry"); a name starting with a particle ("de Villepin", "al-Sisi") stays as it is."""
    first = _FIRST_WORD.match(text)
    if first is None or not text[0].islower() or first.group().lower() in _PARTICLES:
        return text
    return text[0].upper() + text[1:]


def speaker_label(a: Attribution | None) -> str:
    if a is None or not a.speaker:
        return "Unattributed"
    if a.unnamed:
        return f"Unnamed source: {a.speaker}"
    speaker = heading_case(a.speaker)
    return f"{speaker}, {a.role}" if a.role else speaker


def source_gaps(sources: Sequence[Source]) -> list[tuple[str, list[int]]]:
    """What the source list cannot show, stated once: ("publisher", [2, 5]), ("title", [5]), ("date", [5])."""
    gaps = [
        ("publisher", [s.number for s in sources if not s.publisher]),
        ("title", [s.number for s in sources if not s.title]),
        ("date", [s.number for s in sources if s.date is None]),
    ]
    return [(what, numbers) for what, numbers in gaps if numbers]


def speaker_groups(memo: Memo) -> list[tuple[str, list[MemoItem]]]:
    """Key statements grouped by speaker, in order of each speaker's first statement."""
    groups: dict[str, tuple[str, list[MemoItem]]] = {}
    for item in memo.section("key-statements"):
        a = item.attribution
        key = (a.speaker_id if a else None) or speaker_label(a)
        groups.setdefault(key, (speaker_label(a), []))[1].append(item)
    return list(groups.values())


def _template_line(tb: TracebackType | None, filename: str | None) -> int | None:
    """The line of ``filename`` (a template) where a render error was raised, from Jinja's traceback."""
    line = None
    while tb is not None:
        if filename and tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Renderer:
    """Renders memos with one template set (the user's folder over the built-in one)."""

    def __init__(self, user_templates: Path | None = None, pdf: PdfProcess | None = None) -> None:
        self._env = make_env(user_templates)
        self._dirs = template_dirs(user_templates)
        self._pdf = pdf  # a pre-started PDF worker, else PDFs are rendered in this process

    def check(self) -> None:
        """Compile every template, then render a sample memo with each: ConfigError naming file and line."""
        from briefgen.render.sample import sample_memo

        for name in TEMPLATES:
            self._template(name)
        try:
            self.html(sample_memo())
        except RenderError as exc:
            raise ConfigError(str(exc)) from None

    def _template(self, name: str) -> jinja2.Template:
        try:
            return self._env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(
                f"template syntax error: {exc.message}", exc.filename or name, exc.lineno
            ) from None
        except jinja2.TemplateNotFound:
            where = ", ".join(str(d) for d in self._dirs)
            raise ConfigError(f"template {name} not found in {where}") from None

    def _fill(self, name: str, **context: object) -> str:
        template = self._template(name)
        try:
            return template.render(**context)
        except jinja2.TemplateError as exc:
            line = _template_line(exc.__traceback__, template.filename)
            where = f"{template.filename}:{line}" if line else template.filename
            raise RenderError(f"{where}: template error: {exc}") from None

    def markdown(self, memo: Memo) -> str:
        numbers = {s.id: s.number for s in memo.sources}
        gaps = source_gaps(memo.sources)
        return self._fill("memo.md.j2", memo=memo, speakers=speaker_groups(memo), numbers=numbers, gaps=gaps)

    def html(self, memo: Memo) -> str:
        css = self._fill("memo.css", memo=memo)
        return self._fill("memo.html.j2", memo=memo, body=to_html(self.markdown(memo)), css=css)

    def render(self, memo: Memo, fmt: str) -> bytes:
        """The memo in format ``fmt`` (one of FORMATS) as bytes, ready to be written atomically."""
        return self.start(memo, fmt)()

    def start(self, memo: Memo, fmt: str) -> Callable[[], bytes]:
        """``render``, returning at once a call that gives the bytes: a PDF renders meanwhile in the
        PDF worker (the other formats are rendered here, now)."""
        if fmt == "pdf":
            from briefgen.render.pdfproc import PdfProcess

            pdf = self._pdf or PdfProcess(start=False)  # without a worker it renders in this process
            return pdf.start(self.html(memo), self._dirs, memo.date)
        data = self._bytes(memo, fmt)
        return lambda: data

    def _bytes(self, memo: Memo, fmt: str) -> bytes:
        if fmt == "json":
            return memo_json(memo)
        if fmt == "md":
            return self.markdown(memo).encode("utf-8")
        if fmt == "html":
            return self.html(memo).encode("utf-8")
        raise UsageError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
