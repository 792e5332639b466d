"""One text -> one Article: label the lines, keep body paragraphs verbatim, read the header's metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable

from briefgen.ingest.clutter import heading_text, key, label_lines
from briefgen.ingest.header import header_date, header_publisher, title_without_suffix
from briefgen.ingest.lines import Line, split_lines
from briefgen.ingest.meta import Prefix, Stamp, language, leading_stamp, paragraph_prefix
from briefgen.ingest.values import Meta
from briefgen.models import Article, DroppedLine

HEADER_PARAGRAPHS = 3
"""Datelines and bylines count as the article's own metadata only before this many body paragraphs."""


def clutter_keys(phrases: Iterable[str]) -> frozenset[str]:
    """User clutter phrases in the form lines are compared in."""
    return frozenset(k for k in (key(p) for p in phrases) if k)


def parse_text(
    text: str,
    path: str,
    id: str,
    *,
    meta: Meta | None = None,
    clutter: frozenset[str] = frozenset(),
    markdown: bool = False,
    origin: int | None = 0,
) -> Article:
    """An Article from ``text``: every body paragraph is a verbatim slice of the NFC-normalised text.
    ``origin`` is where ``text`` starts in the decoded file (None when it was extracted from the file):
    with it, the article records where each paragraph lies in the file."""
    meta = meta or Meta()
    normal = unicodedata.normalize("NFC", text)
    if len(normal) != len(text):
        origin = None  # normalisation moved characters: file offsets would not hold
    text = normal
    stamp = leading_stamp(text)
    dropped: list[DroppedLine] = [DroppedLine(text[: stamp.end].strip(), "stamp")] if stamp else []
    lines = split_lines(text, stamp.end if stamp else 0)
    lang = meta.lang or language(text)
    labels, title = label_lines(lines, meta.title, clutter, markdown, lang)
    kept = _Body(dropped)
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        kept.add(i, line, label, origin)
    paragraphs, headings, origins, prefixes = kept.paragraphs, kept.headings, kept.origins, kept.prefixes
    body = "\n\n".join(paragraphs)
    publisher = meta.publisher or header_publisher(lines, labels, prefixes)
    if title and not meta.title:
        title = title_without_suffix(title, publisher)
    date, precision = _date(meta, stamp, header_date(lines, labels, prefixes, lang), path)
    return Article(
        id=id,
        path=path,
        title=title,
        publisher=publisher,
        date=date,
        date_precision=precision,
        url=meta.url,
        lang=lang,
        body=body,
        headings=tuple(headings),
        dropped=tuple(dropped),
        content_hash=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        origins=tuple(origins),
    )


class _Body:
    """The body being assembled line by line: verbatim paragraphs (less an opening dateline), their
    offsets in the file, the subheads between them, and every dropped line with its reason."""

    def __init__(self, dropped: list[DroppedLine]) -> None:
        self.dropped = dropped
        self.paragraphs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.origins: list[tuple[int, int]] = []
        self.prefixes: dict[int, Prefix] = {}
        self.size = 0

    def add(self, i: int, line: Line, label: str | None, origin: int | None) -> None:
        if label is None:
            read = len(self.paragraphs) < HEADER_PARAGRAPHS
            paragraph = _strip_prefix(line.text, self.dropped, self.prefixes, i, read)
            if paragraph:
                self.size += 2 if self.paragraphs else 0
                if origin is not None:
                    self.origins.append((self.size, origin + line.end - len(paragraph)))
                self.size += len(paragraph)
                self.paragraphs.append(paragraph)
        elif label == "subhead":
            self.headings.append((self.size + 2 if self.paragraphs else 0, heading_text(line.text)))
        else:
            self.dropped.append(DroppedLine(line.text, label))


def _date(meta: Meta, stamp: Stamp | None, stated: dt.date | None, path: str) -> tuple[dt.date | None, str]:
    """The article's date and its precision, best source first: the format's metadata, a crawler's
    stamp, the page's own header, the file's name."""
    if meta.date:
        return meta.date, "day"
    if stamp:
        return stamp.date, stamp.precision
    return stated or date_in_name(path), "day"


def _strip_prefix(
    text: str, dropped: list[DroppedLine], prefixes: dict[int, Prefix], i: int, read: bool
) -> str:
    """The paragraph without an opening dateline or wire tag (recorded as dropped, and, when ``read``,
    as the header's metadata)."""
    prefix = paragraph_prefix(text)
    if prefix is None:
        return text
    dropped.append(DroppedLine(text[: prefix.length].strip(), prefix.reason))
    if read:
        prefixes[i] = prefix
    return text[prefix.length :]


_NAME_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)-(\d\d)-(\d\d)(?!\d)")


def date_in_name(path: str) -> dt.date | None:
    """A last resort for undated text: an ISO date in the file's name (``2026-02-17-wire-story.txt``),
    as archives and ``briefgen fetch`` name their files. Never a date from the folder path."""
    m = _NAME_DATE.search(os.path.basename(path))
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
