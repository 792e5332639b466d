"""Tiny in-memory builders for memos, so render tests need no corpus or fixture files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from briefgen.models import Attribution, Citation, Memo, MemoHeader, MemoItem, MemoStats, Source

DATE = dt.date(2026, 2, 25)
HEADER = MemoHeader("Desk", "Director", "briefgen", "UNCLASSIFIED // TEST")
NUNEZ = Attribution("indirect", "said", "Laurent Nuñez", "laurent-nunez", "He", "French Interior Minister")
OFFICIALS = Attribution("according-to", "according to", "officials", None, "officials", None, unnamed=True)


def source(n: int, id: str, **kw: Any) -> Source:
    fields: dict[str, Any] = {
        "path": f"corpus/{id}.txt",
        "title": f"Story {n}",
        "publisher": "Wire",
        "date": DATE,
        "url": None,
    }
    return Source(n, id, **{**fields, **kw})


def item(section: str, text: str, *cited: tuple[str, int], **kw: Any) -> MemoItem:
    """A memo item citing ``(source id, number)`` pairs, each with ``text`` as its verbatim sentence."""
    citations = tuple(Citation(sid, n, text) for sid, n in cited or (("a", 1),))
    return MemoItem(section, text, citations, **kw)


def build_memo(items: tuple[MemoItem, ...] = (), sources: tuple[Source, ...] = (), **kw: Any) -> Memo:
    """A readmissions memo dated DATE; source ``items`` counts are filled in from the citations."""
    sources = sources or (source(1, "a", url="https://news.example/a"), source(2, "b", duplicate_of="a"))
    cited = [c.source for i in items for c in i.citations]
    sources = tuple(dataclasses.replace(s, items=cited.count(s.id)) for s in sources)
    fields: dict[str, Any] = {
        "topic": "readmissions",
        "title": "Migration and readmissions",
        "scope": "Returns under removal orders.",
        "date": DATE,
        "header": HEADER,
        "sources": sources,
        "items": items,
        "stats": MemoStats(len(sources), 40, len(items)),
    }
    return Memo(**{**fields, **kw})


def sample_memo() -> Memo:
    """Five items over every section, two speakers (one unnamed), a syndicated copy, a resolved date."""
    return build_memo(
        (
            item("bottom-line", "Algeria agreed to resume readmissions, Nuñez said.", ("a", 1), ("b", 2),
                 attribution=NUNEZ, independent_sources=1),
            item("key-statements", "He said consular passes would follow “within weeks”.", ("a", 1),
                 attribution=NUNEZ),
            item("key-statements", "According to officials, 300 cases are pending.", ("b", 2),
                 attribution=OFFICIALS),
            item("context", "An OQTF is a removal order.", ("a", 1), is_new=True),
            item("timeline", "Talks resumed on Tuesday.", ("a", 1), event_date=dt.date(2026, 2, 17),
                 event_date_text="on Tuesday"),
        )
    )  # fmt: skip


def twelve_item_memo() -> Memo:
    """A memo the size of a real one: 12 items over 6 sources, for size and timing checks."""
    sources = tuple(
        source(n, f"s{n}", url=f"https://news{n}.example/2026/02/story-{n}" if n % 2 else None,
               title=f"A fairly long headline about returns and consular passes, part {n}")
        for n in range(1, 7)
    )  # fmt: skip
    sections = ["bottom-line"] * 3 + ["key-statements"] * 4 + ["context"] * 3 + ["timeline"] * 2
    speakers = [NUNEZ, OFFICIALS]
    items = tuple(
        item(
            section,
            f"Sentence number {k} reports that talks on readmissions and consular passes continued "
            f"between the two capitals, with officials expecting figures within weeks.",
            (f"s{k % 6 + 1}", k % 6 + 1),
            *([(f"s{(k + 1) % 6 + 1}", (k + 1) % 6 + 1)] if k % 3 == 0 else []),
            attribution=speakers[k % 2] if section == "key-statements" else None,
            independent_sources=2 if k % 3 == 0 else 1,
            event_date=DATE - dt.timedelta(days=k) if section == "timeline" else None,
            event_date_text="on Monday" if section == "timeline" else None,
        )
        for k, section in enumerate(sections)
    )
    return build_memo(items, sources)
