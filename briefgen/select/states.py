"""Does a cited sentence state the item's fact? The test an item's citations must pass to be counted.

Claim grouping (``briefgen.select.claims``) puts together sentences that share many words; that is
enough to keep the memo from saying one thing twice, not to count sources. Two sentences of one claim
may share only a "when…" clause ("The rupture began in July 2024, when…" / "That partnership has been
transformed since July 2024, when…"), one half of a compound sentence ("X issued the invitation, and the
trip had been postponed…" / "the trip had been postponed…"), a quotation, or the words of a list
("the mechanism brings together police, intelligence and judicial officials" / "a working group would
sit inside the mechanism, alongside police, intelligence and judicial officials").

So a citation states the item's fact when, besides the compatibility rules of ``briefgen.select.facts``
(speaker, negation, day, plan or event):

- every core clause of the item (``briefgen.select.clauses``: main and coordinated clauses, not the
  time, background or attribution clauses) is covered by the citation's words, and
- some core clause of the citation is covered by the item's words,

where a clause's coverage is the share of its content stems found in the other sentence, each weighed
by its rarity (IDF) and by ``DECAY`` to the power of its position in the clause: a clause's first
content words, its subject and verb, count most; trailing details ("…including X, Y and Z") least.
Sentences that fail are related, not corroborating: the memo may show them as "see also", never count
them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from functools import lru_cache

from briefgen.models import Attribution
from briefgen.select.clauses import Clauses, clauses
from briefgen.select.facts import compatible, fact_of, quoting_both
from briefgen.select.relevance import Candidate

BAR = 0.5  # coverage each core clause needs
DECAY = 0.8  # weight of a clause's (i+1)-th content word relative to its i-th


FRAME_GAP = 4  # words between the speaker and the cue still read as one frame ("sources in Paris said")


def _find(text: str, part: str) -> tuple[int, int] | None:
    m = re.search(rf"(?<![^\W_]){re.escape(part)}(?![^\W_])", text) if part else None
    return (m.start(), m.end()) if m else None


def without_frame(text: str, a: Attribution | None) -> str:
    """``text`` with its speaker and reporting cue ("Diplomatic sources in Paris said", "according to
    officials", "a déclaré Laurent Nuñez") cut out, when they stand together."""
    if a is None:
        return text
    who, cue = _find(text, a.as_written or ""), _find(text, a.cue or "")
    if who is None or cue is None:
        return text if cue is None else text[: cue[0]] + ", " + text[cue[1] :]
    lo, hi = min(who[0], cue[0]), max(who[1], cue[1])
    if len(text[min(who[1], cue[1]) : max(who[0], cue[0])].split()) > FRAME_GAP:
        return text[: cue[0]] + ", " + text[cue[1] :]
    return text[:lo] + ", " + text[hi:]


@lru_cache(maxsize=100_000)
def _clauses(text: str, lang: str, a: Attribution | None) -> Clauses:
    return clauses(without_frame(text, a), lang)


def clauses_of(c: Candidate) -> Clauses:
    return _clauses(c.sentence.text, c.lang, c.attribution)


def coverage(clause: tuple[str, ...], other: frozenset[str], weights: Mapping[str, float]) -> float:
    """Share of ``clause``'s weight (rarity x position) whose stems ``other`` holds."""
    total = got = 0.0
    for i, s in enumerate(clause):
        w = weights.get(s, 1.0) * DECAY**i
        total += w
        got += w if s in other else 0.0
    return got / total if total else 1.0


def why_not(
    item: Candidate, cite: Candidate, weights: Mapping[str, float],
    dates: Mapping[str, dt.date | None] | None = None,
) -> str | None:  # fmt: skip
    """None when ``cite`` states ``item``'s fact, else why it does not."""
    if item.sentence.text == cite.sentence.text and item.attribution == cite.attribution:
        return None
    dates = dates or {}
    fa, fb = fact_of(item, dates.get(item.article_id)), fact_of(cite, dates.get(cite.article_id))
    outside = 1.0
    if quoting_both(fa, fb):
        outside = _dice(fa.outside or frozenset(), fb.outside or frozenset(), weights)
    if reason := compatible(fa, fb, outside):
        return reason
    a, b = clauses_of(item), clauses_of(cite)
    if any(coverage(c, b.content, weights) < BAR for c in a.core):
        return "states only part of the item" if len(a.core) > 1 else "another fact on related words"
    if max((coverage(c, a.content, weights) for c in b.core), default=1.0) < BAR:
        return "another fact on related words"
    return None


def _dice(a: frozenset[str], b: frozenset[str], weights: Mapping[str, float]) -> float:
    """Weighted Dice of two sets; sums exactly rounded, so independent of the sets' order."""
    total = math.fsum(weights.get(f, 1.0) for f in a) + math.fsum(weights.get(f, 1.0) for f in b)
    return 2 * math.fsum(weights.get(f, 1.0) for f in a & b) / total if total else 0.0
