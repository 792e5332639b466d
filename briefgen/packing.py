"""Compact, fast rows for the store: an article's analysis as positional JSON lists.

Sentences are stored as offsets only and rebuilt from the article's body, so a cached sentence is a
verbatim slice by construction; any row that does not fit is refused (and the article analysed again).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from typing import Any

from briefgen.ingest.values import Parsed
from briefgen.models import AnalysedArticle, Article, Attribution, DroppedLine, Sentence

PACKING_VERSION = 6  # 5: syndication signatures over folded words, with their size; 6: date precision


@functools.lru_cache(maxsize=16384)  # asked for twice per article and build (lookup, then pruning)
def article_key(article: Article) -> str:
    """What an analysis depends on: the ingested article, its duplicate link and its path aside (no
    analysis reads the path, so a corpus folder moved or named another way keeps its analyses)."""
    a = article
    date = a.date.isoformat() if a.date else None
    fields = [a.id, a.title, a.publisher, date, a.date_precision, a.url, a.lang, a.body, a.headings]
    fields.append(a.content_hash)
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


def _article_row(a: Article) -> list[Any]:
    date = a.date.isoformat() if a.date else None
    dropped = [[d.text, d.reason] for d in a.dropped]
    return [
        a.id,
        a.path,
        a.title,
        a.publisher,
        date,
        a.url,
        a.lang,
        a.body,
        a.headings,
        dropped,
        a.content_hash,
        a.origins,
        a.date_precision,
    ]


def _article(row: list[Any]) -> Article:
    id, path, title, publisher, date, url, lang, body, headings, dropped, content_hash, origins, precision = (
        row
    )
    return Article(
        str(id), str(path), title, publisher, dt.date.fromisoformat(date) if date else None, url, str(lang),
        str(body), tuple((int(o), str(h)) for o, h in headings),
        tuple(DroppedLine(str(t), str(r)) for t, r in dropped), str(content_hash),
        origins=tuple((int(b), int(f)) for b, f in origins), date_precision=str(precision),
    )  # fmt: skip


def pack_parsed(parsed: Parsed) -> str:
    """One file's parse (its articles and their signatures) as a row."""
    articles, signatures = parsed
    return json.dumps([[_article_row(a) for a in articles], signatures], ensure_ascii=False)


def unpack_parsed(data: str) -> Parsed:
    """The parse stored in ``data``; ValueError when the row does not fit."""
    try:
        rows, signatures = json.loads(data)
        articles = tuple(_article(r) for r in rows)
        sigs = tuple(tuple(int(h) for h in s) for s in signatures)
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(f"unreadable cached parse: {exc}") from None
    if len(articles) != len(sigs) or not articles:
        raise ValueError("cached parse does not fit")
    return articles, sigs
