"""The features a line has on its own: punctuation, length, words of the closed lists, capitals, digits,
dates and times, separators, markup, credit marks, quotation marks.

Built for speed (every line of every article passes here): the text is lower-cased and tokenised once,
long lines are read by their head and tail only (what marks furniture sits at a line's start or end),
and word lists are sets looked up through ``map``.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from briefgen.ingest import phrases
from briefgen.ingest.lines import Line
from briefgen.ingest.phrases import words

HEAD, TAIL = 100, 120
"""A long line is read by its first HEAD and last TAIL characters."""

_TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_TIME = re.compile(r"(?<!\d)\d{1,2}(?::|h)\d{2}(?!\d)|\b[ap]\.?m\.?\b|\b[AP]M\b")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?!\d)")
_GLUED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")
_MARKUP = re.compile(r"[<>{}=]|https?:|www\.|\w_\w|@\w")
_BULLET = re.compile(r"(?:[-*•▪◦·–—]|\d{1,2}[.)])\s*\S")
_LABEL = re.compile(r"\(?[\w’'. -]{1,25}\s?:\s*\S")
_SPEAKER = re.compile(r"(?:[A-Z]|[A-Z][A-Z.’' -]{1,30}[A-Z]):\s*\S")
_CREDIT = re.compile(
    r"(?i:photo|image|picture|credit|crédit|illustration|graphic|foto|video|vidéo)s?\s*(?:by\b|:|©)|©"
)
_PAREN_CREDIT = re.compile(r"\((?:[^()]*/[^()]*|\s*[A-Z]{2,}[^()]*|[^()]*\b(?i:photo|archive)[^()]*)\)\s*$")
_SLASHED = re.compile(r"\w\s?/\s?\w")
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_BY = re.compile(r"(?i:by|par|written by|reporting by|interview by|propos recueillis par)\s")
_CLOSERS = "”’\"'»)]*_"

OWN = (
    "words", "short", "long", "end_sentence", "end_colon", "end_none", "truncated", "question",
    "stop_share", "no_stop", "cap_share", "allcaps", "name_shape", "verb", "pronoun_start",
    "short_clause", "short_fragment", "digits", "time", "date_words", "relative_time", "by_start",
    "numeric_date", "bullet", "separators", "glued", "markup", "label_colon", "credit", "paren_credit",
    "ui_share", "ui_words", "web", "social", "self_reference", "second_person", "phrase", "percent",
    "quote_start", "quoted", "long_unended", "noun_phrase", "lone_question", "slashes", "parenthesized",
)  # fmt: skip
"""The names of ``own``'s features, in order."""


@dataclass(frozen=True)
class Lexicon:
    stop: frozenset[str]
    aux: frozenset[str]
    pronoun: frozenset[str]
    you: frozenset[str]
    ui: frozenset[str]
    web: frozenset[str]
    social: frozenset[str]
    this: frozenset[str]
    page: frozenset[str]
    dates: frozenset[str]
    units: frozenset[str]


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The word lists for a text in ``lang`` (``fr`` or anything else: English)."""
    stop = words("stop-fr" if lang == "fr" else "stop-en")
    dates = words("month") | words("weekday")
    return Lexicon(
        stop, words("aux"), words("pronoun"), words("second-person"), words("ui"), words("web"),
        words("social"), words("self-determiner"), words("page-noun"), dates, words("time-unit"),
    )  # fmt: skip


def credit_marked(line: Line) -> bool:
    """A credit mark ("Photo:", "©", "(Kelo/AP)", names joined by slashes): what ``own`` finds as its
    credit, paren_credit and slashes features, found alone (for a line the model does not see)."""
    text = line.text
    part = text if len(text) <= HEAD + TAIL else f"{text[:HEAD]} {text[-TAIL:]}"
    if _has_any(part, ":©") and _CREDIT.search(part):
        return True
    return (text.endswith(")") and bool(_PAREN_CREDIT.search(text[-TAIL:]))) or _credit_shaped(line, part)


def tokens(line: Line) -> list[str]:
    """The lower-cased words and numbers of a line (of its first 160 characters, for a long line)."""
    return _TOKEN.findall(line.text[:160].lower())


def own(line: Line, toks: list[str], k: str, lex: Lexicon) -> list[float]:
    """The features (``OWN``) of one line, given its ``tokens`` and its key (``lines.key``)."""
    text = line.text
    part = text if len(text) <= HEAD + TAIL else f"{text[:HEAD]} {text[-TAIL:]}"
    n, size = max(len(toks), 1), len(toks)
    ended = line.ended
    truncated = not ended and bool(_TRUNCATED.search(text[-8:]))
    stops = sum(map(lex.stop.__contains__, toks))
    verb = any(map(lex.aux.__contains__, toks)) or any(len(t) > 4 and t.endswith("ed") for t in toks)
    clause = verb or (size > 0 and toks[0] in lex.pronoun)
    unended = not ended and text.rstrip(_CLOSERS)[-1:].isalnum()
    question = text.rstrip(_CLOSERS).endswith("?")
    ui = sum(map(lex.ui.__contains__, toks))
    return [
        min(line.words, 40) / 40, float(line.words <= 3), float(line.words >= 20), float(ended),
        float(text.endswith(":")), float(unended), float(truncated), float(question), stops / n,
        float(stops == 0), *_capitals(part), float(_name_shaped(text, stops)), float(verb),
        float(size > 0 and toks[0] in lex.pronoun), float(line.words <= 8 and ended and clause),
        float(line.words <= 8 and ended and not clause), *_dates(part, toks, lex),
        float(bool(_BULLET.match(text))), _separators(part), float(bool(_GLUED.search(part))),
        float(_has_any(part, _MARKS) and bool(_MARKUP.search(part))),
        float(line.words <= 12 and bool(_LABEL.match(text))),
        float(_has_any(part, ":©") and bool(_CREDIT.search(part))),
        float(text.endswith(")") and bool(_PAREN_CREDIT.search(text[-TAIL:]))), ui / n, min(ui / 2, 1.0),
        float(any(map(lex.web.__contains__, toks))), min(sum(map(lex.social.__contains__, toks)) / 2, 1.0),
        float(_self_reference(toks, lex)),
        float(_addresses_reader(part, toks, lex)), float(_phrase(line, k)),
        float("%" in text and not ended), float(text[:1] in "“«\"‘"), float(_quote_marks(part) >= 2),
        float(line.words >= 20 and (unended or truncated)), float(not clause and 3 <= line.words <= 25),
        float(question and line.words <= 12 and text.count("?") == 1 and "." not in text
              and not _SPEAKER.match(text)),
        float(_credit_shaped(line, part)), float(text.startswith("(") and text.endswith(")")),
    ]  # fmt: skip


_MARKS = "<>{}=@_:."
_SEPARATORS = (" | ", " · ", " • ", " › ", " » ", " > ", " / ", " - ")


def _has_any(part: str, chars: str) -> bool:
    """Whether ``part`` holds any of ``chars`` (each test runs at C speed: a cheap gate before a
    regular expression)."""
    return any(c in part for c in chars)


def _separators(part: str) -> float:
    return min(sum(part.count(sep) for sep in _SEPARATORS) / 3, 1.0)


def _capitals(part: str) -> list[float]:
    """The share of words after the first that are capitalised, and of words in capitals."""
    ws = part.split(maxsplit=30)[:30]
    later = len(ws) - 1
    caps = sum(map(str.istitle, ws[1:])) / later if later > 0 else 0.0
    return [caps, sum(map(str.isupper, ws)) / len(ws) if ws else 0.0]


def _name_shaped(text: str, stops: int) -> bool:
    """A person's or outlet's name on its own ("Mira Solberg", "Laurent DURAND", "Kantai Press")."""
    if stops or len(text) > 60:
        return False
    ws = text.strip("•·-–—* ").split()
    return 1 <= len(ws) <= 4 and all(w[:1].isupper() and w.isalpha() for w in ws)


def _dates(part: str, toks: list[str], lex: Lexicon) -> list[float]:
    digits = len(_DIGIT.findall(part))
    named = any(map(lex.dates.__contains__, toks))
    relative = digits > 0 and any(a.isdigit() and b in lex.units for a, b in itertools.pairwise(toks))
    timed = digits > 0 and bool(_TIME.search(part))
    numeric = digits > 0 and bool(_NUMERIC_DATE.search(part))
    return [min(4 * digits / max(len(part), 1), 1.0), float(timed), float(named), float(relative),
            float(bool(_BY.match(part))), float(numeric)]  # fmt: skip


def _self_reference(toks: list[str], lex: Lexicon) -> bool:
    """The page naming itself: "this story", "our newsletter", "cet article"."""
    return any(a in lex.this and b in lex.page for a, b in itertools.pairwise(toks))


def _quote_marks(part: str) -> int:
    return part.count("“") + part.count("”") + part.count("«") + part.count("»") + part.count('"')


def _addresses_reader(part: str, toks: list[str], lex: Lexicon) -> bool:
    """ "You" or "vous" outside quotation marks and outside a transcript's turn ("Q: Do you…"): the
    page talking to its reader."""
    if not any(map(lex.you.__contains__, toks)) or _SPEAKER.match(part):
        return False
    bare = _QUOTED.sub(" ", part) if _quote_marks(part) else part
    return any(map(lex.you.__contains__, _TOKEN.findall(bare.lower())))


def _credit_shaped(line: Line, part: str) -> bool:
    """Names joined by slashes ("Ana Ruiz/Kelo Press/AP"), or a short line with one slash or a "via"
    ("Carlos Mendes / Meridian.", "City Herald via Kelo Images.")."""
    if "/" not in part and " via " not in part:
        return False
    slashes = len(_SLASHED.findall(part))
    return slashes >= 2 or (line.words <= 8 and (slashes == 1 or " via " in part))


def _phrase(line: Line, k: str) -> bool:
    """One of the built-in clutter phrases (``briefgen.ingest.phrases``) opens the line (``k``: its key)."""
    if line.words > 30:
        return False
    if k in phrases.LINE or k in phrases.CUT or k.startswith(phrases.NOTICE):
        return True
    return line.words <= 30 and k.startswith(phrases.CALL)
