"""A tiny memo exercising every field the templates can use, so ``Renderer.check`` can render each
template without a corpus and catch a misspelt variable as well as a syntax error."""

from __future__ import annotations

import datetime as dt

from briefgen.models import Attribution, Citation, Memo, MemoHeader, MemoItem, MemoStats, Source

_DAY = dt.date(2000, 1, 3)


def sample_memo() -> Memo:
    said = Attribution("direct", "said", "A. Speaker", "a-speaker", "She", "Minister", quotes=((0, 5),))
    unnamed = Attribution("according-to", "according to", "officials", None, "officials", None, unnamed=True)
    cite = (Citation("s1", 1, "First sentence."), Citation("s2", 2, "First sentence."))
    items = (
        MemoItem("bottom-line", "First sentence.", cite, said, 2, is_new=True, see_also=cite[1:]),
        MemoItem(
            "key-statements", "First sentence.", cite[:1], said, event_date=_DAY, event_date_text="on Monday"
        ),
        MemoItem("key-statements", "Second sentence.", cite[1:], unnamed),
        MemoItem("context", "Third sentence.", cite[:1]),
        MemoItem(
            "context",
            "Fourth sentence.",
            cite[:1],
            event_date=_DAY,
            event_date_text="in January 2000",
            event_precision="month",
            event_since=True,
        ),
        MemoItem(
            "timeline",
            "Fourth sentence.",
            cite[:1],
            event_date=_DAY,
            event_date_text="in January 2000",
            event_precision="month",
            event_since=True,
        ),
        MemoItem(
            "timeline",
            "First sentence.",
            cite[:1],
            said,
            event_date=_DAY,
            event_date_text="on Monday",
            shown_in="key-statements",
        ),
    )
    sources = (
        Source(1, "s1", "a/one.txt", "One", "Publisher", _DAY, "https://example.org/one", 4),
        Source(2, "s2", "a/two.txt", None, None, None, None, 2, duplicate_of="s1", related=1),
    )
    header = MemoHeader("Organisation", "Reader", "Writer", "UNCLASSIFIED")
    return Memo(
        "sample", "Sample", "Scope.", _DAY, header, sources, items, MemoStats(2, 10, 5, 1, 1),
        since=_DAY, nothing_new=True, notes=("A note.",),
    )  # fmt: skip
