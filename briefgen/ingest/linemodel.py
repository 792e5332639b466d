"""The line model (``data/line_model.json``, trained by ``briefgen.ingest.training``): for each line of a
page the probability that it is body text, the reason when it is not, and the headline among the lines
above the body.

A dropped line's reason is the specific feature group (``features.GROUPS``) that counted most against it: a
credit marker makes a "caption", separators and bullets "navigation", a date or a time "dateline", page
vocabulary "clutter". When shape or position counted most, the reason says where the line stands:
"header" above the body, "subhead" within it, "trailing" below it.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.ingest.features import GROUPS, NAMES, is_meta, page_features, sure, title_extras
from briefgen.ingest.lines import Line
from briefgen.ingest.phrases import DATA

BODY_AT = 0.5
"""A line is body text when the model gives it at least this probability."""
TITLE_AT = 0.3
"""The best headline candidate is the title only when the model gives it at least this probability
(0.5 finds 125 of 308 PolNeAR titles, 0.3 finds 178; on dev/news neither gives a page without a
headline a title)."""
TITLE_WINDOW = 15
"""Headline candidates: at most this many lines above the first body line."""
SPECIFIC = 0.5
"""A dropped line's reason is its most telling specific group (caption, navigation...) when that group
counts at least this much against it; else where it stands."""
"""Headline candidates: at most this many lines above the first body line."""


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: tuple[float, ...]

    def probability(self, row: Sequence[float]) -> float:
        z = self.bias + sum(map(operator.mul, row, self.weights))
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


@functools.cache
def model() -> tuple[Weights, Weights]:
    """The body and title weights of the shipped model."""
    data = json.loads((DATA / "line_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES:
        raise RuntimeError("line_model.json was trained on other features: run scripts/train_lines.py")
    body, title = data["body"], data["title"]
    return Weights(body["bias"], tuple(body["weights"])), Weights(title["bias"], tuple(title["weights"]))


_ENDED, _LONE, _COLON, _WORDS = (
    NAMES.index(n) for n in ("end_sentence", "lone_question", "end_colon", "words")
)


@dataclass(frozen=True)
class Scored:
    """A page's lines as the model sees them."""

    rows: list[list[float]]  # empty for a line the model need not see (``features.sure``)
    body: list[float]  # probability of body text, per line

    def is_body(self, i: int) -> bool:
        return self.body[i] >= BODY_AT

    def sentence(self, i: int) -> bool:
        """Shaped like a sentence: it ends with one, and is not a question standing alone (a subhead), or
        it leads into a quotation ("The minister told reporters:")."""
        row = self.rows[i]
        return bool(row[_ENDED] and not row[_LONE]) or bool(row[_COLON] and row[_WORDS] >= 6 / 40)


def score(
    lines: Sequence[Line], lang: str, keys: Sequence[str] | None = None, decided: Sequence[bool] = ()
) -> Scored:
    """The model's view of a page; lines ``decided`` otherwise (by a rule) and ``sure`` ones are not
    scored (a probability of 1, no features)."""
    skip = [sure(line) or bool(decided and decided[i]) for i, line in enumerate(lines)]
    rows = page_features(lines, lang, keys, skip)
    weights = model()[0]
    return Scored(rows, [weights.probability(row) if row else 1.0 for row in rows])


def reason(row: Sequence[float], where: str | None) -> str | None:
    """Why a line is not body text: its most telling specific group, else ``where`` ("header",
    "subhead" or "trailing"; None: no specific reason)."""
    against: dict[str, float] = {}
    for name, x, w in zip(NAMES, row, model()[0].weights, strict=True):
        if x and w < 0:
            group = GROUPS[name]
            against[group] = against.get(group, 0.0) + w * x
    specific = {g: v for g, v in against.items() if g not in ("shape", "position") and v <= -SPECIFIC}
    return min(specific, key=lambda g: specific[g]) if specific else where


def title_index(scored: Scored, candidates: Sequence[int], meta: Sequence[bool]) -> int | None:
    """The headline among the ``candidates`` (line indices, top to bottom), or None; ``meta`` marks the
    page's lines a rule read as a dateline or byline."""
    weights = model()[1]
    best, best_p = None, TITLE_AT
    for i in candidates:
        after = i + 1 < len(meta) and (meta[i + 1] or is_meta(scored.rows[i + 1]))
        p = weights.probability(scored.rows[i] + title_extras([after])[0])
        if p >= best_p:
            best, best_p = i, p
    return best
