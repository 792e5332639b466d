"""Features of a line for the line model: its shape, its words, its place in the page.

Every feature is a number in [0, 1] and belongs to a group (``GROUPS``) that names, when the model drops
a line, the reason shown by ``articles --explain``. Nothing here names a site: the words come from the
closed lists of ``data/lexicon.txt`` (function words of the text's language, the vocabulary of page
furniture, months, weekdays, time units), the rest is shape (punctuation, capitals, digits, separators,
markup), position, and repetition within the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefgen.ingest.lines import Line, key
from briefgen.ingest.lineshape import OWN, credit_marked, lexicon, own, tokens

CONTEXT = (
    "position", "first_lines", "last_lines", "before_prose", "after_prose", "prev_prose", "next_prose",
    "gap", "repeated", "body_overlap", "credit_next", "credit_before",
)  # fmt: skip
NAMES = OWN + CONTEXT
_CAPTION = ("credit", "paren_credit", "slashes", "short_fragment", "credit_next", "credit_before")
_CLUTTER = (
    "markup", "label_colon", "ui_share", "ui_words", "web", "social", "self_reference", "second_person",
    "phrase", "percent", "parenthesized",
)  # fmt: skip
GROUPS = {
    **dict.fromkeys(NAMES, "shape"),
    **dict.fromkeys(CONTEXT[:8], "position"),
    **dict.fromkeys(("name_shape", "by_start"), "byline"),
    **dict.fromkeys(("digits", "time", "date_words", "relative_time", "numeric_date"), "dateline"),
    **dict.fromkeys(("bullet", "separators", "glued"), "navigation"),
    **dict.fromkeys(_CAPTION, "caption"),
    **dict.fromkeys(_CLUTTER, "clutter"),
    "repeated": "repeated",
    "lone_question": "subhead",
}  # fmt: skip
"""The reason each feature gives when it counts against a line (``linemodel.reason``)."""
_AT = {name: i for i, name in enumerate(NAMES)}
_CREDITED = [_AT[n] for n in ("credit", "slashes", "paren_credit")]


SURE = 20
"""A line of this many words or more that ends a sentence is body text without asking the model: on
dev/news, PolNeAR and 300 benchmark articles the model put 18,969 of 18,973 such lines above 0.5 (of
lines of 15 words or more, 20,281 of 20,383)."""
LEAD = 5
"""A line above the body (a headline candidate) is compared with the words of this many first
body-shaped lines (``body_overlap``; 0 for the other lines)."""


def sure(line: Line) -> bool:
    """Long and sentence-ended: body text the model need not see (``SURE``)."""
    return line.words >= SURE and line.ended


def page_features(
    lines: Sequence[Line], lang: str, keys: Sequence[str] | None = None, skip: Sequence[bool] | None = None
) -> list[list[float]]:
    """One feature vector (in the order of ``NAMES``) per line of a page in language ``lang``; empty for
    the lines ``skip`` marks (decided without the model). ``keys`` are the lines' keys (``lines.key``
    of lines of up to 30 words, else the text), when known."""
    lex = lexicon(lang)
    keys = keys or [key(line.text) if line.words <= 30 else line.text for line in lines]
    n = len(lines)
    todo = [i for i in range(n) if not (skip and skip[i])]
    rows: list[list[float]] = [[] for _ in range(n)]
    if not todo:
        return rows
    prose = [line.prose and line.words >= 8 for line in lines]
    body = [i for i, p in enumerate(prose) if p]
    first, last = (body[0], body[-1]) if body else (n, -1)
    lead = body[:LEAD] if todo[0] < first else []  # words to compare headline candidates with
    toks = {i: tokens(lines[i]) for i in (*todo, *lead)}
    stems = {i: {t[:5] for t in ts if t not in lex.stop} for i, ts in toks.items()}  # "agreed", "agree"
    vocabulary = Counter(t for i in lead for t in stems[i])
    counts = Counter(keys)
    for i in todo:
        rows[i] = own(lines[i], toks[i], keys[i], lex)
    for i in todo:
        seen = sum(vocabulary[t] - (i in lead) > 0 for t in stems[i]) if i < first else 0
        rows[i] += [
            i / max(n - 1, 1), float(i < 3), float(i >= n - 2), float(i <= first), float(i >= last),
            float(i > 0 and prose[i - 1]), float(i + 1 < n and prose[i + 1]), float(lines[i].gap_before),
            float(counts[keys[i]] > 1), seen / len(stems[i]) if stems[i] else 0.0,
            float(i + 1 < n and _credited(rows[i + 1], lines[i + 1])),
            float(i > 0 and _credited(rows[i - 1], lines[i - 1])),
        ]  # fmt: skip
    return rows


def _credited(row: list[float], line: Line) -> bool:
    """Whether a line carries a credit mark (from its own features, when it has them)."""
    return any(row[j] for j in _CREDITED) if row else credit_marked(line)


TITLE_EXTRA = ("next_meta",)
_META = [NAMES.index(n) for n in ("by_start", "date_words", "time", "numeric_date", "relative_time")]


def is_meta(row: Sequence[float]) -> bool:
    """A byline or date line, by its features (an empty row, unscored: no)."""
    return bool(row) and any(row[j] > 0 for j in _META)


def title_extras(next_meta: Sequence[bool]) -> list[list[float]]:
    """The title model's features beyond a line's own, for each headline candidate: whether the page's
    next line is a byline or a date line."""
    return [[float(m)] for m in next_meta]
