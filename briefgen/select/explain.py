"""Why each sentence is (or is not) in a topic's memo: one frozen row per chosen or near-miss sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.models import AnalysedArticle
from briefgen.select.pipeline import Selection, run
from briefgen.select.rank import RankedClaim, attribution_bonus, recency
from briefgen.select.relevance import Candidate
from briefgen.select.states import why_not
from briefgen.settings import Topic


@dataclass(frozen=True)
class ExplainRow:
    article_id: str
    sentence_index: int
    sentence: str
    terms: tuple[str, ...]  # include terms matched
    relevance: float  # local term score x context factor
    context_weight: float  # 0..1: how much the rest of the article is about the topic
    other_topics: tuple[tuple[str, float], ...]  # other topics' relevance for this sentence
    attribution_bonus: float
    recency: float
    score: float  # the claim's final score (0 for sentences that never formed a claim)
    chosen: bool
    why: str  # "chosen (representative)", "cited by a chosen claim", or why not


def _row(c: Candidate, claim: RankedClaim | None, chosen: bool, why: str, memo_date: dt.date,
         sel: Selection) -> ExplainRow:  # fmt: skip
    date = sel.window.articles[c.position].article.date
    return ExplainRow(
        c.article_id, c.sentence.index, c.sentence.text, c.terms, round(c.relevance, 4), round(c.context, 4),
        c.others, attribution_bonus(c.attribution), round(recency([date], memo_date), 4),
        round(claim.score, 4) if claim else 0.0, chosen, why,
    )  # fmt: skip


def _member_why(m: Candidate, r: RankedClaim, sel: Selection) -> str:
    """Why a chosen claim's member is (or is not) one of its counted citations."""
    if m.key == r.representative.key:
        return "chosen (representative)"
    if m.key in {c.key for c in r.citations}:
        return "cited by a chosen claim"
    if m.article_id in {c.article_id for c in r.citations}:
        return "same source already cited for this claim"
    dates = {a.article.id: a.article.date for a in sel.window.articles}
    reason = why_not(r.representative, m, sel.similarity.weights, dates) or "another sentence of it was"
    return f"related, not counted ({reason})" + ("; shown as see also" if m in r.see_also else "")


def _claim_rows(sel: Selection, memo_date: dt.date) -> list[ExplainRow]:
    chosen = {r.representative.key for r in sel.chosen}
    rows = []
    for r in sel.ranked:
        rep = r.representative.key
        cited = {c.key for c in r.citations}
        for m in r.claim.members:
            if rep in chosen:
                why = _member_why(m, r, sel)
            else:
                why = sel.why_not.get(rep, "not chosen")
                why = why if m.key == rep else f"in a claim not chosen: {why}"
            rows.append(_row(m, r, rep in chosen and m.key in cited, why, memo_date, sel))
    return rows


def explain_topic(
    topic: Topic,
    topics: Sequence[Topic],
    corpus: Sequence[AnalysedArticle],
    memo_date: dt.date,
    since: dt.date | None = None,
    near_misses: int = 10,
) -> list[ExplainRow]:
    """Rows for the chosen sentences (in score order), then the ``near_misses`` best rejected ones."""
    sel = run(topic, topics, corpus, memo_date, since, complete=True)
    rows = _claim_rows(sel, memo_date)
    rows += [_row(c, None, False, c.rejected, memo_date, sel) for c in sel.candidates if c.rejected]

    def order(r: ExplainRow) -> tuple[float, float, str, int]:
        return (-r.score, -r.relevance, r.article_id, r.sentence_index)

    chosen = sorted((r for r in rows if r.chosen), key=order)
    misses = sorted((r for r in rows if not r.chosen), key=order)
    return chosen + misses[: max(0, near_misses)]
