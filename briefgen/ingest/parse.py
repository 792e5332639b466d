"""One text -> one Article: label the lines, keep body paragraphs verbatim, read the header's metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence

from briefgen.ingest import phrases
from briefgen.ingest.clutter import heading_text, key, label_lines
from briefgen.ingest.lines import Line, split_lines
from briefgen.ingest.meta import (
    byline_publisher,
    copyright_owner,
    dateline_publisher,
    find_date,
    language,
    leading_stamp,
    paragraph_prefix,
)
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
    paragraphs: list[str] = []
    headings: list[tuple[int, str]] = []
    origins: list[tuple[int, int]] = []
    found = _Found()
    size = 0
    for line, label in zip(lines, labels, strict=True):
        if label is None:
            header = found if len(paragraphs) < HEADER_PARAGRAPHS else None
            paragraph = _strip_prefix(line.text, dropped, header)
            if paragraph:
                size += 2 if paragraphs else 0
                if origin is not None:
                    origins.append((size, origin + line.end - len(paragraph)))
                size += len(paragraph)
                paragraphs.append(paragraph)
        elif label == "subhead":
            headings.append((size + 2 if paragraphs else 0, heading_text(line.text)))
        else:
            dropped.append(DroppedLine(line.text, label))
            if label in ("dateline", "byline") and len(paragraphs) < HEADER_PARAGRAPHS:
                found.read_line(line)
            elif label in ("clutter", "caption", "footer"):
                found.read_copyright(line.text)
    body = "\n\n".join(paragraphs)
    return Article(
        id=id,
        path=path,
        title=title,
        publisher=meta.publisher or found.publisher(),
        date=meta.date or (stamp.date if stamp else None) or found.date() or date_in_name(path),
        url=meta.url,
        lang=meta.lang or language(body),
        body=body,
        headings=tuple(headings),
        dropped=tuple(dropped),
        content_hash=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        origins=tuple(origins),
    )


class _Found:
    """Dates and publisher names met in the header, best first."""

    def __init__(self) -> None:
        self.dates: list[dt.date] = []
        self.names: list[str] = []  # names on the header's dateline or byline: the outlet itself
        self.tags: list[str] = []  # wire tags and dateline agencies opening the text
        self.owners: list[str] = []  # "© 2026 Veloria Daily": the last resort

    def read_line(self, line: Line) -> None:
        found = find_date(line.text)
        if found:
            self.dates.append(found[0])
            name = dateline_publisher(line.text, found[1], found[2], phrases.LINE)
            if name:
                self.names.append(name)
        name = byline_publisher(line.text, phrases.LINE)
        if name:
            self.names.append(name)

    def date(self) -> dt.date | None:
        return self.dates[0] if self.dates else None

    def read_copyright(self, text: str) -> None:
        owner = copyright_owner(text)
        if owner:
            self.owners.append(owner)

    def publisher(self) -> str | None:
        return _first(self.names) or _first(self.tags) or _first(self.owners)


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None


def _strip_prefix(text: str, dropped: list[DroppedLine], found: _Found | None) -> str:
    """The paragraph without an opening dateline or wire tag (recorded as dropped, and as metadata)."""
    prefix = paragraph_prefix(text)
    if prefix is None:
        return text
    dropped.append(DroppedLine(text[: prefix.length].strip(), prefix.reason))
    if found is not None:
        if prefix.publisher:
            found.tags.append(prefix.publisher)
        if prefix.date:
            found.dates.append(prefix.date)
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
