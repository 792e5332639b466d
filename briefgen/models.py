"""The values passed between pipeline stages: frozen dataclasses, no behaviour beyond small helpers.

ingest -> Article; segment -> Sentence; attribute -> Attribution; select -> Memo (MemoItem, Source).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

KINDS = ("direct", "indirect", "according-to", "mixed", "nominal", "hedged")
"""Attribution kinds. ``hedged`` marks an unsourced hedge ("reportedly"): it has no speaker."""

SECTIONS = ("bottom-line", "key-statements", "context", "timeline")


@dataclass(frozen=True)
class DroppedLine:
    """A line of the raw text that ingestion did not keep as body text, and why."""

    text: str
    reason: str  # e.g. "headline", "dateline", "clutter", "caption", "subhead", "trailing"


@dataclass(frozen=True)
class Article:
    """One source document after ingestion.

    ``body`` is the kept body text: paragraphs joined by a blank line. Sentence offsets point into it,
    and every character of it occurs verbatim (after NFC normalisation) in the source file.
    """

    id: str
    path: str
    title: str | None
    publisher: str | None
    date: dt.date | None
    url: str | None
    lang: str
    body: str
    headings: tuple[tuple[int, str], ...] = ()  # (body offset, subhead text): structure, never sentences
    dropped: tuple[DroppedLine, ...] = ()
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the article this one is a (near-)copy of
    origins: tuple[tuple[int, int], ...] = ()
    """(body offset, file offset) of each paragraph where the body is a verbatim slice of the decoded file
    (text and Markdown files); empty when it is extracted (HTML, JSON)."""
    date_precision: str = "day"
    """How much of ``date`` the source states: "day", or "month" or "year" (``date`` is then the first
    day of that month or year, as a crawler's "date 2024-10" stamp gives it)."""

    def file_offset(self, offset: int) -> int | None:
        """Where body ``offset`` lies in the decoded source file, when the file holds the body verbatim."""
        if not self.origins:
            return None
        starts = [b for b, _ in self.origins]
        b, f = self.origins[max(0, bisect.bisect_right(starts, offset) - 1)]
        return f + offset - b

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p.strip())


@dataclass(frozen=True)
class Sentence:
    """A body sentence: ``text == article.body[start:end]``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Attribution:
    """Who said a sentence, and how it says so."""

    kind: str  # one of KINDS
    cue: str  # the reporting word(s) as written: "said", "according to", "announcement by", "a déclaré"
    speaker: str | None  # resolved speaker as written in its fullest form in the article ("Laurent Nuñez")
    speaker_id: str | None  # normalised key merging variants across sources ("laurent-nunez")
    as_written: str | None  # the mention in this sentence ("He", "the minister", "Nuñez")
    role: str | None  # "French Interior Minister"
    unnamed: bool = False  # "officials", "analysts", "diplomatic sources"
    quotes: tuple[tuple[int, int], ...] = ()  # quoted spans, offsets into the article body


@dataclass(frozen=True)
class AttributedSentence:
    sentence: Sentence
    attribution: Attribution


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with its sentences and, aligned with them, each sentence's attribution (or None)."""

    article: Article
    sentences: tuple[Sentence, ...]
    attributions: tuple[Attribution | None, ...]


@dataclass(frozen=True)
class Source:
    """An entry of the memo's numbered source list."""

    number: int
    id: str
    path: str
    title: str | None
    publisher: str | None
    date: dt.date | None
    url: str | None
    items: int = 0  # how many memo items cite it
    duplicate_of: str | None = None
    related: int = 0  # how many items list it under "see also" (related, not counted as support)


@dataclass(frozen=True)
class Citation:
    source: str  # Source.id
    number: int  # Source.number
    sentence: str  # verbatim sentence from that source


@dataclass(frozen=True)
class MemoItem:
    section: str  # one of SECTIONS
    text: str  # verbatim sentence from the first citation's source
    citations: tuple[Citation, ...]
    attribution: Attribution | None = None
    independent_sources: int = 1
    score: float = 0.0
    event_date: dt.date | None = None  # resolved date for the timeline
    event_date_text: str | None = None  # the words that gave it ("on Tuesday")
    claim_key: str = ""  # stable hash of the claim, for "new since last build"
    is_new: bool = False
    event_precision: str = "day"  # what the text gives: "day", "month" or "year"
    event_since: bool = False  # the text says "since" that date ("since December 2020")
    see_also: tuple[Citation, ...] = ()  # other sources' related sentences: not counted as support
    shown_in: str | None = None  # timeline entries: the section printing the whole line (None: here)


@dataclass(frozen=True)
class MemoHeader:
    organisation: str
    to: str
    from_: str
    classification: str


@dataclass(frozen=True)
class MemoStats:
    articles_read: int
    sentences_considered: int
    items_chosen: int
    articles_skipped: int = 0
    undated_articles: int = 0


@dataclass(frozen=True)
class Memo:
    topic: str
    title: str
    scope: str
    date: dt.date
    header: MemoHeader
    sources: tuple[Source, ...]
    items: tuple[MemoItem, ...]
    stats: MemoStats
    since: dt.date | None = None
    nothing_new: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def section(self, name: str) -> tuple[MemoItem, ...]:
        return tuple(i for i in self.items if i.section == name)
