"""Turn a Selection into a Memo: sections, numbered sources, citations, timeline, stats."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from briefgen.models import Citation, Memo, MemoHeader, MemoItem, MemoStats, Source
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
    n = bottom_line_size(len(chosen))
    out = [("bottom-line", r) for r in chosen[:n]]
    rest = [r for r in chosen[n:]]
    out += [("key-statements", r) for r in rest if r.representative.attribution is not None]
    out += [("context", r) for r in rest if r.representative.attribution is None]
    return out


def _item(section: str, r: RankedClaim, numbers: dict[str, int]) -> MemoItem:
    rep = r.representative
    text = r.text or rep.sentence.text
    cites = tuple(
        Citation(c.article_id, numbers[c.article_id], text if c is rep else c.sentence.text)
        for c in r.citations
    )
    return MemoItem(
        section, text, cites, rep.attribution, r.independent, round(r.score, 4),
        claim_key=claim_key(rep.sentence.text),
    )  # fmt: skip


def _timeline(items: list[MemoItem], sel: Selection) -> list[MemoItem]:
    dates = {a.article.id: a.article.date for a in sel.window.articles}
    dated = []
    for item in items:
        when = event_date(item.text, dates.get(item.citations[0].source))
        if when is not None:
            dated.append(replace(item, section="timeline", event_date=when.date, event_date_text=when.text))
    return sorted(dated, key=lambda i: (i.event_date or dt.date.min, i.citations[0].source, i.text))


def _sources(order: list[str], sel: Selection, items: list[MemoItem]) -> tuple[Source, ...]:
    by_id = {a.article.id: a.article for a in sel.window.articles}
    out = []
    for n, sid in enumerate(order, start=1):
        a = by_id[sid]
        used = sum(1 for i in items if any(c.source == sid for c in i.citations))
        out.append(Source(n, a.id, a.path, a.title, a.publisher, a.date, a.url, used, a.duplicate_of))
    return tuple(out)


def build_memo(sel: Selection, memo_date: dt.date, header: MemoHeader, since: dt.date | None) -> Memo:
    sections = _sections(sel.chosen)
    order = list(dict.fromkeys(c.article_id for _, r in sections for c in r.citations))
    numbers = {sid: n for n, sid in enumerate(order, start=1)}
    items = [_item(section, r, numbers) for section, r in sections]
    timeline = _timeline(items, sel)
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
