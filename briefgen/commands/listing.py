"""``briefgen articles`` and ``briefgen quotes``: what ingestion kept and who said what, as rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from briefgen.attribute import speaker_key
from briefgen.models import AnalysedArticle, Article, Attribution, Sentence
from briefgen.settings import Settings


def article_row(item: AnalysedArticle, explain: bool = False) -> dict[str, Any]:
    """The ``articles --json`` contract: id, path, title, publisher, date, lang, sentences (and
    date_precision: "day", "month" or "year", how much of the date the source states)."""
    a = item.article
    row: dict[str, Any] = {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "publisher": a.publisher,
        "date": a.date.isoformat() if a.date else None,
        "date_precision": a.date_precision if a.date else None,
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
    """The ``quotes --json`` contract plus the resolution details. ``start``/``end`` are offsets into the
    decoded source file where it holds the body verbatim (text, Markdown), else into the body;
    ``body_start``/``body_end`` are always body offsets."""
    at = article.file_offset(sentence.start)
    return {
        "article": article.id,
        "path": article.path,
        "sentence": sentence.text,
        "start": sentence.start if at is None else at,
        "end": sentence.end if at is None else at + len(sentence.text),
        "body_start": sentence.start,
        "body_end": sentence.end,
        "speaker": attribution.speaker,
        "speaker_id": attribution.speaker_id,
        "as_written": attribution.as_written,
        "role": attribution.role,
        "cue": attribution.cue,
        "kind": attribution.kind,
        "unnamed": attribution.unnamed,
        "quotes": [list(span) for span in attribution.quotes],
    }


def same_speaker(wanted: str, speaker_id: str | None) -> bool:
    """``nunez`` matches ``laurent-nunez``: a surname (or any trailing part) of the normalised id."""
    return speaker_id is not None and (speaker_id == wanted or speaker_id.endswith(f"-{wanted}"))


def quote_rows(
    corpus: Sequence[AnalysedArticle],
    speaker: str | None = None,
    hedged: bool = False,
    aliases: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Attributed sentences in corpus order; ``speaker`` filters by normalised speaker (any variant)."""
    wanted = speaker_key(speaker, aliases) if speaker else None
    for item in corpus:
        for sentence, attribution in zip(item.sentences, item.attributions, strict=True):
            if attribution is None or (attribution.kind == "hedged" and not hedged):
                continue
            if wanted and not same_speaker(wanted, attribution.speaker_id):
                continue
            yield quote_row(item.article, sentence, attribution)


def on_topic(
    rows: Sequence[dict[str, Any]], settings: Settings, topic: str, corpus: Sequence[AnalysedArticle]
) -> list[dict[str, Any]]:
    """The rows whose sentence is relevant to ``topic`` (whatever its date)."""
    from briefgen.commands import find_topic
    from briefgen.select.pipeline import run

    selection = run(find_topic(settings, topic), settings.topics, corpus, dt.date.max)
    relevant = {
        (c.article_id, c.sentence.start) for c in selection.candidates if c.rejected is None and c.matched
    }
    return [r for r in rows if (r["article"], r["body_start"]) in relevant]


def explain_rows(
    settings: Settings, topic: str, memo_date: dt.date, since: dt.date | None = None
) -> list[dict[str, Any]]:
    """``briefgen explain``: why each chosen and near-miss sentence is in or out of the memo."""
    from briefgen.commands import find_topic
    from briefgen.commands.corpus import analysed_corpus
    from briefgen.select import explain_topic

    chosen_topic = find_topic(settings, topic)
    rows = explain_topic(chosen_topic, settings.topics, analysed_corpus(settings), memo_date, since)
    return [dataclasses.asdict(r) for r in rows]
