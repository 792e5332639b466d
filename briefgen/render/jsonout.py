"""The JSON memo: the contract ``../shared/eval/score.py`` reads, plus counts and dates for tools.

``items`` holds each claim once, in pick order (most important first; ``section`` says where the
memo prints it); ``timeline`` repeats the dated ones in date order (a view, not new
claims), so a tool counting items never counts a fact twice. ``citations`` state the item's fact and
are counted; ``see_also`` are related sentences of other sources, never counted.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from briefgen.models import Attribution, Memo, MemoItem, Source


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id, "number": s.number, "path": s.path, "title": s.title, "publisher": s.publisher,
        "date": _date(s.date), "url": s.url, "items": s.items, "duplicate_of": s.duplicate_of,
        "related": s.related,
    }  # fmt: skip


def _attribution(a: Attribution | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "speaker": a.speaker, "role": a.role, "cue": a.cue, "kind": a.kind,
        "speaker_id": a.speaker_id, "as_written": a.as_written, "unnamed": a.unnamed,
    }  # fmt: skip


def _item(i: MemoItem) -> dict[str, Any]:
    return {
        "section": i.section,
        "text": i.text,
        "citations": [{"source": c.source, "number": c.number, "sentence": c.sentence} for c in i.citations],
        "attribution": _attribution(i.attribution),
        "independent_sources": i.independent_sources,
        "event_date": _date(i.event_date),
        "event_date_text": i.event_date_text,
        "event_precision": i.event_precision if i.event_date else None,
        "event_since": i.event_since,
        "see_also": [{"source": c.source, "number": c.number, "sentence": c.sentence} for c in i.see_also],
        "claim": i.claim_key,
        "new": i.is_new,
        **({"shown_in": i.shown_in} if i.section == "timeline" else {}),
    }


def memo_json(memo: Memo) -> bytes:
    doc = {
        "topic": memo.topic,
        "title": memo.title,
        "scope": memo.scope,
        "date": memo.date.isoformat(),
        "since": _date(memo.since),
        "sources": [_source(s) for s in memo.sources],
        "items": [_item(i) for i in memo.items if i.section != "timeline"],
        "timeline": [_item(i) for i in memo.section("timeline")],  # dated items again, in date order
        "stats": dataclasses.asdict(memo.stats),
        "nothing_new": memo.nothing_new,
        "notes": list(memo.notes),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
