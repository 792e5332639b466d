"""A tiny memo exercising every field the templates can use, so ``Renderer.check`` can render each
template without a corpus and catch a misspelt variable as well as a syntax error."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from briefgen.models import Attribution, Citation, Memo, MemoHeader, MemoItem, MemoStats, Source

_DAY = dt.date(2000, 1, 3)


_SAID = Attribution("direct", "said", "A. Speaker", "a-speaker", "She", "Minister", quotes=((0, 5),))
_UNNAMED = Attribution("according-to", "according to", "officials", None, "officials", None, unnamed=True)
_CITE = (Citation("s1", 1, "First sentence."), Citation("s2", 2, "First sentence."))


def _items() -> tuple[MemoItem, ...]:
    """One item per section, a see-also, a dated statement (pointed to) and a dated context item."""
    statement = MemoItem(
        "key-statements", "First sentence.", _CITE[:1], _SAID, event_date=_DAY, event_date_text="on Monday"
    )
    context = MemoItem("context", "Fourth sentence.", _CITE[:1], event_date=_DAY)
    context = replace(context, event_date_text="in January 2000", event_precision="month", event_since=True)
    return (
        MemoItem("bottom-line", "First sentence.", _CITE, _SAID, 2, is_new=True, see_also=_CITE[1:]),
        statement,
        MemoItem("key-statements", "Second sentence.", _CITE[1:], _UNNAMED),
        MemoItem("context", "Third sentence.", _CITE[:1]),
        context,
        replace(context, section="timeline"),
        replace(statement, section="timeline", shown_in="key-statements"),
    )


def sample_memo() -> Memo:
    sources = (
        Source(1, "s1", "a/one.txt", "One", "Publisher", _DAY, "https://example.org/one", 4),
        Source(2, "s2", "a/two.txt", None, None, None, None, 2, duplicate_of="s1", related=1),
    )
    header = MemoHeader("Organisation", "Reader", "Writer", "UNCLASSIFIED")
    return Memo(
        "sample", "Sample", "Scope.", _DAY, header, sources, _items(), MemoStats(2, 10, 5, 1, 1),
        since=_DAY, nothing_new=True, notes=("A note.",),
    )  # fmt: skip
