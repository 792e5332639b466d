"""``briefgen articles`` and ``briefgen quotes``: what ingestion kept and who said what, as rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from briefgen.attribute import speaker_key
from briefgen.models import AnalysedArticle, Article, Attribution, Sentence


def article_row(item: AnalysedArticle, explain: bool = False) -> dict[str, Any]:
    """The ``articles --json`` contract: id, path, title, publisher, date, lang, sentences."""
    a = item.article
    row: dict[str, Any] = {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "publisher": a.publisher,
        "date": a.date.isoformat() if a.date else None,
        "url": a.url,
        "lang": a.lang,
        "duplicate_of": a.duplicate_of,
        "sentences": [s.text for s in item.sentences],
    }
    if explain:
        row["headings"] = [text for _, text in a.headings]
        row["dropped"] = [{"text": d.text, "reason": d.reason} for d in a.dropped]
    return row


def quote_row(article: Article, sentence: Sentence, attribution: Attribution) -> dict[str, Any]:
    """The ``quotes --json`` contract plus the resolution details."""
    return {
        "article": article.id,
        "path": article.path,
        "sentence": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "speaker": attribution.speaker,
        "speaker_id": attribution.speaker_id,
        "as_written": attribution.as_written,
        "role": attribution.role,
        "cue": attribution.cue,
        "kind": attribution.kind,
        "unnamed": attribution.unnamed,
        "quotes": [list(span) for span in attribution.quotes],
    }


def quote_rows(
    corpus: Sequence[AnalysedArticle], speaker: str | None = None, hedged: bool = False
) -> Iterator[dict[str, Any]]:
    """Attributed sentences in corpus order; ``speaker`` filters by normalised speaker id."""
    wanted = speaker_key(speaker) if speaker else None
    for item in corpus:
        for sentence, attribution in zip(item.sentences, item.attributions, strict=True):
            if attribution is None or (attribution.kind == "hedged" and not hedged):
                continue
            if wanted and attribution.speaker_id != wanted:
                continue
            yield quote_row(item.article, sentence, attribution)
