"""Compact, fast rows for the store: an article's analysis as positional JSON lists.

Sentences are stored as offsets only and rebuilt from the article's body, so a cached sentence is a
verbatim slice by construction; any row that does not fit is refused (and the article analysed again).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from briefgen.models import AnalysedArticle, Article, Attribution, Sentence

PACKING_VERSION = 2


def article_key(article: Article) -> str:
    """What an analysis depends on: the ingested article (its duplicate link aside)."""
    a = article
    date = a.date.isoformat() if a.date else None
    fields = [a.id, a.path, a.title, a.publisher, date, a.url, a.lang, a.body, a.headings, a.content_hash]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def _attribution(a: Attribution | None) -> list[Any] | None:
    if a is None:
        return None
    return [a.kind, a.cue, a.speaker, a.speaker_id, a.as_written, a.role, a.unnamed, a.quotes]


def pack(item: AnalysedArticle) -> str:
    sentences = [[s.index, s.start, s.end, s.paragraph] for s in item.sentences]
    return json.dumps([sentences, [_attribution(a) for a in item.attributions]], ensure_ascii=False)


def _unattribution(row: list[Any] | None) -> Attribution | None:
    if row is None:
        return None
    kind, cue, speaker, speaker_id, as_written, role, unnamed, quotes = row
    spans = tuple((int(s), int(e)) for s, e in quotes)
    return Attribution(str(kind), str(cue), speaker, speaker_id, as_written, role, bool(unnamed), spans)


def unpack(article: Article, data: str) -> AnalysedArticle:
    """The analysis stored in ``data`` for ``article``; ValueError when the row does not fit."""
    try:
        rows, attributions = json.loads(data)
        body = article.body
        sentences = tuple(
            Sentence(article.id, int(i), int(s), int(e), body[int(s) : int(e)], int(p)) for i, s, e, p in rows
        )
        atts = tuple(_unattribution(r) for r in attributions)
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(f"unreadable cached analysis: {exc}") from None
    if len(sentences) != len(atts) or any(not (0 <= s.start <= s.end <= len(body)) for s in sentences):
        raise ValueError("cached analysis does not fit the article")
    return AnalysedArticle(article, sentences, atts)
