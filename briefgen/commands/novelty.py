"""NEW: an item no claim of the topic's previous build states (the claim keys each build remembers)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from briefgen.models import Memo, MemoItem
from briefgen.select.memo import claim_key as sentence_key


def claim_key(item: MemoItem) -> str:
    return item.claim_key or hashlib.sha256(item.text.encode()).hexdigest()[:16]


def fact_keys(item: MemoItem) -> frozenset[str]:
    """The item's claim key and one per counted citation: each of those sentences states its fact
    (``briefgen.select.states``), so a later item citing any of them states a fact already reported,
    whichever sentence now represents it. See-also sentences are not the fact and are left out."""
    return frozenset({claim_key(item), *(sentence_key(c.sentence) for c in item.citations)})


def mark_new(memo: Memo, previous: tuple[dt.date, frozenset[str]] | None) -> Memo:
    """Flag items no claim of the topic's previous build states (no shared fact key); ``nothing_new``
    if none."""
    if previous is None:
        return memo
    items = tuple(replace(i, is_new=not fact_keys(i) & previous[1]) for i in memo.items)
    return replace(memo, items=items, nothing_new=not any(i.is_new for i in items))
