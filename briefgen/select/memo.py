"""Turn a Selection into a Memo: sections, numbered sources, citations, timeline, stats."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import replace

from briefgen.models import SECTIONS, Citation, Memo, MemoHeader, MemoItem, MemoStats, Source
from briefgen.select.facts import stance_of
from briefgen.select.pipeline import Selection
from briefgen.select.rank import RankedClaim
from briefgen.select.terms import words
from briefgen.select.timeline import event_date


def claim_key(text: str) -> str:
    """Stable hash of a claim: its representative's sorted distinct folded words."""
    return hashlib.sha1(" ".join(sorted(set(words(text)))).encode()).hexdigest()[:16]


def bottom_line_size(chosen: int) -> int:
    return min(chosen, 3 if chosen >= 6 else 2)


def _sections(chosen: tuple[RankedClaim, ...]) -> list[tuple[str, RankedClaim]]:
    """Each pick with the section printing it, in pick order (most important first): the first two or
    three are the bottom line, the others key statements when attributed, else context."""
    n = bottom_line_size(len(chosen))

    def section(k: int, r: RankedClaim) -> str:
        if k < n:
            return "bottom-line"
        return "key-statements" if r.representative.attribution is not None else "context"

    return [(section(k, r), r) for k, r in enumerate(chosen)]


def _reading_order(sections: list[tuple[str, RankedClaim]]) -> list[tuple[str, RankedClaim]]:
    """The items as the memo prints them, section by section: sources are numbered in this order."""
    return sorted(sections, key=lambda sr: SECTIONS.index(sr[0]))


def _item(
    section: str, r: RankedClaim, numbers: dict[str, int], dates: Mapping[str, dt.date | None]
) -> MemoItem:
    rep = r.representative
    text = r.text or rep.sentence.text
    cites = tuple(
        Citation(c.article_id, numbers[c.article_id], text if c is rep else c.sentence.text)
        for c in r.citations
    )
    see = tuple(Citation(c.article_id, numbers[c.article_id], c.sentence.text) for c in r.see_also)
    item = MemoItem(
        section, text, cites, rep.attribution, r.independent, round(r.score, 4),
        claim_key=claim_key(rep.sentence.text), see_also=see,
    )  # fmt: skip
    when = event_date(text, dates.get(rep.article_id), ahead=stance_of(rep)[2])
    if when is None:
        return item
    return replace(item, event_date=when.date, event_date_text=when.text, event_precision=when.precision,
                   event_since=when.since)  # fmt: skip


def _timeline(items: list[MemoItem]) -> list[MemoItem]:
    """Each dated item once more, in date order: a pointer to its line, or (context items) the line."""
    dated = [
        replace(i, section="timeline", shown_in=None if i.section == "context" else i.section)
        for i in items
        if i.event_date is not None
    ]
    return sorted(dated, key=lambda i: (i.event_date or dt.date.min, i.citations[0].source, i.text))


def _sources(order: list[str], sel: Selection, items: list[MemoItem]) -> tuple[Source, ...]:
    by_id = {a.article.id: a.article for a in sel.window.articles}
    out = []
    for n, sid in enumerate(order, start=1):
        a = by_id[sid]
        used = sum(1 for i in items if any(c.source == sid for c in i.citations))
        related = sum(1 for i in items if any(c.source == sid for c in i.see_also))
        out.append(
            Source(n, a.id, a.path, a.title, a.publisher, a.date, a.url, used, a.duplicate_of, related)
        )
    return tuple(out)


def build_memo(sel: Selection, memo_date: dt.date, header: MemoHeader, since: dt.date | None) -> Memo:
    sections = _sections(sel.chosen)
    read = _reading_order(sections)
    cited = [c.article_id for _, r in read for c in r.citations]
    order = list(dict.fromkeys(cited + [c.article_id for _, r in read for c in r.see_also]))
    numbers = {sid: n for n, sid in enumerate(order, start=1)}
    dates = {a.article.id: a.article.date for a in sel.window.articles}
    items = [_item(section, r, numbers, dates) for section, r in sections]
    timeline = _timeline(items)
    topic = sel.topic
    stats = MemoStats(
        articles_read=len(sel.window.articles),
        sentences_considered=sum(len(a.sentences) for a in sel.window.articles),
        items_chosen=len(items),
        articles_skipped=sel.window.skipped,
        undated_articles=sel.window.undated,
    )
    single = sum(1 for i in items if i.independent_sources == 1)
    notes = (f"{single} of {len(items)} items rest on a single source.",) if single else ()
    if not items:
        notes = ("No sentence in the selected articles is clearly about this topic.",)
    return Memo(
        topic.name, topic.title, topic.scope, memo_date, header, _sources(order, sel, items),
        tuple(items + timeline), stats, since=since, notes=notes,
    )  # fmt: skip
