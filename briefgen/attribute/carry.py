"""Quotations that run over several sentences: a sentence inside a quotation whose speaker another
sentence names (the same quotation, or the sentence just before in the paragraph) is that speaker's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefgen.attribute.quotes import Quote, spans_in
from briefgen.models import Attribution, Sentence


def _quoted_share(s: Sentence, quotes: Sequence[Quote]) -> tuple[tuple[tuple[int, int], ...], float]:
    spans = spans_in(quotes, s.start, s.end)
    return spans, sum(e - b for b, e in spans) / max(1, len(s.text) - s.text.count(" "))


def carry_quotes(
    sentences: Sequence[Sentence], out: list[Attribution | None], quotes: Sequence[Quote], skip: set[int]
) -> None:
    """Sentences inside a quotation whose speaker is named in another sentence of the same quotation."""
    chain_of: dict[int, Attribution] = {}
    for s, a in zip(sentences, out, strict=True):
        if a is not None and a.kind in {"direct", "mixed"} and a.speaker:
            for q in quotes:
                if q.start < s.end and q.end > s.start:
                    chain_of.setdefault(q.chain, a)
    for i, s in enumerate(sentences):
        if out[i] is not None or i in skip:
            continue
        spans, share = _quoted_share(s, quotes)
        if not spans or share < 0.6:
            continue
        chains = {q.chain for q in quotes if q.start < s.end and q.end > s.start}
        found = [chain_of[c] for c in chains if c in chain_of]
        if len({a.speaker_id for a in found}) == 1:
            out[i] = replace(found[0], kind="direct", quotes=spans)


def follow_quotes(
    sentences: Sequence[Sentence], out: list[Attribution | None], quotes: Sequence[Quote], skip: set[int]
) -> None:
    """A sentence that is nothing but a quotation, right after a sentence of the same paragraph that
    names its speaker ("Nuñez was upbeat, he said. “We have turned a page.”"), is that speaker's."""
    for i in range(1, len(sentences)):
        s, before = sentences[i], out[i - 1]
        if out[i] is not None or i in skip or before is None or not before.speaker or before.unnamed:
            continue
        if sentences[i - 1].paragraph != s.paragraph or before.kind in {"hedged", "according-to"}:
            continue
        spans, share = _quoted_share(s, quotes)
        if spans and share >= 0.8:
            out[i] = replace(before, kind="direct", quotes=spans)
