"""Features of a line for the line model: its shape, its words, its place in the page.

Every feature is a number in [0, 1] and belongs to a group (``GROUPS``) that names, when the model drops
a line, the reason shown by ``articles --explain``. Nothing here names a site: the words come from the
closed lists of ``data/lexicon.txt`` (function words of the text's language, the vocabulary of page
furniture, months, weekdays, time units), the rest is shape (punctuation, capitals, digits, separators,
markup), position, and repetition within the page.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from briefgen.ingest import phrases
from briefgen.ingest.lexicon import words
from briefgen.ingest.lines import Line, key

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_TIME = re.compile(r"(?<!\d)\d{1,2}(?::|h)\d{2}(?!\d)|\b[ap]\.?m\.?\b|\b[AP]M\b")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?!\d)")
_SEPARATOR = re.compile(r"\s[|·•›»>/]\s|\s-\s")
_GLUED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")
_MARKUP = re.compile(r"[<>{}=]|https?:|www\.|\w_\w|@\w")
_BULLET = re.compile(r"^(?:[-*•▪◦·–—]|\d{1,2}[.)])\s*\S")
_LABEL = re.compile(r"^\(?[\w’'. -]{1,25}\s?:\s*\S")
_CREDIT = re.compile(
    r"(?i:photo|image|picture|credit|crédit|illustration|graphic|foto|video|vidéo)s?\s*(?:by\b|:|©)|©"
)
_PAREN_CREDIT = re.compile(r"\((?:[^()]*/[^()]*|\s*[A-Z]{2,}[^()]*|[^()]*\b(?i:photo|archive)[^()]*)\)\s*$")
_QUOTE = re.compile(r"[“”«»\"]")
_BY = re.compile(r"^(?i:by|par|written by|reporting by|interview by|propos recueillis par)\s")

GROUPS = {
    "words": "shape", "short": "shape", "long": "shape", "end_sentence": "shape", "end_colon": "shape",
    "end_none": "shape", "truncated": "shape", "question": "shape", "stop_share": "shape",
    "no_stop": "shape", "cap_share": "shape", "allcaps": "shape", "name_shape": "byline",
    "verb": "shape", "pronoun_start": "shape", "short_clause": "shape", "short_fragment": "caption",
    "digits": "dateline", "time": "dateline", "date_words": "dateline", "relative_time": "dateline",
    "by_start": "byline", "numeric_date": "dateline", "bullet": "navigation", "separators": "navigation",
    "glued": "navigation", "markup": "clutter", "label_colon": "clutter", "credit": "caption",
    "paren_credit": "caption", "ui_share": "clutter", "second_person": "clutter", "phrase": "clutter",
    "percent": "clutter", "quote_start": "shape", "quoted": "shape", "position": "position",
    "first_lines": "position", "last_lines": "position", "before_prose": "position",
    "after_prose": "position", "prev_prose": "position", "next_prose": "position", "gap": "position",
    "repeated": "repeated", "body_overlap": "repeated", "long_unended": "shape", "noun_phrase": "shape",
    "lone_question": "shape", "slashes": "caption", "parenthesized": "clutter", "credit_next": "caption",
    "credit_before": "caption",
}  # fmt: skip
NAMES = tuple(GROUPS)


def page_features(lines: Sequence[Line], lang: str) -> list[list[float]]:
    """One feature vector (in the order of ``NAMES``) per line of a page in language ``lang``."""
    tokens = [[t.lower() for t in _TOKEN.findall(line.text)] for line in lines]
    counts = Counter(key(line.text) if line.words <= 30 else line.text for line in lines)
    prose = [line.prose and line.words >= 8 for line in lines]
    stems = [{t[:5] for t in toks} for toks in tokens]  # a crude stem: "agreed" meets "agree"
    vocabulary = Counter(t for st, p in zip(stems, prose, strict=True) if p for t in st)
    stop = words("stop-fr" if lang == "fr" else "stop-en")
    rows = []
    for i, line in enumerate(lines):
        row = _own(line, tokens[i], stop)
        k = key(line.text) if line.words <= 30 else line.text
        row += _context(lines, prose, i)
        own = {t[:5] for t in tokens[i] if t not in stop}
        seen = sum(vocabulary[t] - (1 if prose[i] and t in stems[i] else 0) > 0 for t in own)
        row += [float(counts[k] > 1), seen / len(own) if own else 0.0, *_combined(row, line)]
        rows.append(row)
    credited = [bool(r[_AT["credit"]] or r[_AT["slashes"]] or r[_AT["paren_credit"]]) for r in rows]
    for i, row in enumerate(rows):
        row += [float(i + 1 < len(rows) and credited[i + 1]), float(i > 0 and credited[i - 1])]
    return rows


def _own(line: Line, toks: list[str], stop: frozenset[str]) -> list[float]:
    """The features a line has on its own."""
    text, n = line.text, max(len(toks), 1)
    ended = bool(_END.search(text[-6:])) and not _TRUNCATED.search(text[-6:])
    stops = sum(t in stop for t in toks)
    verb = any(t in words("aux") for t in toks) or any(len(t) > 4 and t.endswith("ed") for t in toks)
    pronoun = bool(toks) and toks[0] in words("pronoun")
    return [
        min(len(toks), 40) / 40, float(len(toks) <= 3), float(len(toks) >= 20), float(ended),
        float(text.endswith(":")), float(text[-1:].isalnum() or text[-1:] in "”’\"'»"),
        float(bool(_TRUNCATED.search(text[-6:]))), float(text.rstrip("”’\"'»)").endswith("?")),
        stops / n, float(stops == 0), *_capitals(text), float(_name_shaped(text, toks, stops)),
        float(verb), float(pronoun), float(len(toks) <= 8 and ended and (verb or pronoun)),
        float(len(toks) <= 8 and ended and not (verb or pronoun)), *_dates(text, toks),
        float(bool(_BULLET.match(text))), min(len(_SEPARATOR.findall(text)) / 3, 1.0),
        float(bool(_GLUED.search(text))), float(bool(_MARKUP.search(text))),
        float(len(toks) <= 12 and bool(_LABEL.match(text))), float(bool(_CREDIT.search(text))),
        float(bool(_PAREN_CREDIT.search(text))), sum(t in words("ui") for t in toks) / n,
        float(any(t in words("second-person") for t in toks)), float(_phrase(line)),
        float("%" in text and not ended), float(text[:1] in "“«\"‘"), float(len(_QUOTE.findall(text)) >= 2),
    ]  # fmt: skip


_AT = {name: i for i, name in enumerate(NAMES)}
_SLASHED = re.compile(r"\w\s?/\s?\w")


def _combined(row: list[float], line: Line) -> list[float]:
    """Shapes that take two features together: a long line cut short, a phrase with no verb, a question
    standing alone, a chain of slash-separated credits."""
    long, unended = row[_AT["long"]], row[_AT["end_none"]] or row[_AT["truncated"]]
    clause = row[_AT["verb"]] or row[_AT["pronoun_start"]]
    lone = row[_AT["question"]] and line.words <= 12 and line.text.count("?") == 1 and "." not in line.text
    aside = line.text.startswith("(") and line.text.endswith(")")
    return [float(long and unended), float(not clause and 3 <= line.words <= 25), float(bool(lone)),
            float(len(_SLASHED.findall(line.text)) >= 2), float(aside)]  # fmt: skip


def _capitals(text: str) -> list[float]:
    ws = [w for w in text.split()[1:] if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0
    alpha = [w for w in text.split() if len(w) > 1 and w.isalpha()]
    return [caps, sum(w.isupper() for w in alpha) / len(alpha) if alpha else 0.0]


def _name_shaped(text: str, toks: list[str], stops: int) -> bool:
    """A person's or outlet's name on its own ("Mira Solberg", "Laurent DURAND", "Kantai Press")."""
    ws = text.strip("•·-–—* ").split()
    return 1 <= len(ws) <= 4 and stops == 0 and all(w[:1].isupper() and w.isalpha() for w in ws)


def _dates(text: str, toks: list[str]) -> list[float]:
    digits = sum(c.isdigit() for c in text)
    named = any(t in words("month") or t in words("weekday") for t in toks)
    units = words("time-unit")
    relative = any(a.isdigit() and b in units for a, b in itertools.pairwise(toks))
    by = bool(_BY.match(text))
    return [min(4 * digits / max(len(text), 1), 1.0), float(bool(_TIME.search(text))), float(named),
            float(relative), float(by), float(bool(_NUMERIC_DATE.search(text)))]  # fmt: skip


def _phrase(line: Line) -> bool:
    """One of the built-in clutter phrases (``briefgen.ingest.phrases``) opens the line."""
    k = key(line.text)
    if k in phrases.LINE or k in phrases.CUT or k.startswith(phrases.NOTICE):
        return True
    return line.words <= 30 and k.startswith(phrases.CALL)


def _context(lines: Sequence[Line], prose: Sequence[bool], i: int) -> list[float]:
    """Where the line stands: in the page, and next to body-shaped lines."""
    n = len(lines)
    return [
        i / max(n - 1, 1), float(i < 3), float(i >= n - 2), float(not any(prose[:i])),
        float(not any(prose[i + 1 :])), float(i > 0 and prose[i - 1]), float(i + 1 < n and prose[i + 1]),
        float(lines[i].gap_before),
    ]  # fmt: skip


TITLE_EXTRA = ("next_meta",)
_META = [NAMES.index(n) for n in ("by_start", "date_words", "time", "numeric_date", "relative_time")]


def title_extras(rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """For each headline candidate (rows of the lines above the body, top to bottom): whether a byline
    or a date line follows it."""
    out = []
    for i in range(len(rows)):
        following = rows[i + 1] if i + 1 < len(rows) else None
        next_meta = following is not None and any(following[j] > 0 for j in _META)
        out.append([float(next_meta)])
    return out
