"""Self-contained memo lines: a line never starts inside a quotation or with an unresolved reference.

A sentence that opens with a demonstrative, personal or possessive word ("That partnership…", "Those
governments…", "Its borders…", "He told…", "Cette décision…") or whose first quotation mark closes a
quotation opened in an earlier sentence ("…results on readmissions,” he told…") cannot be read alone.
Such a sentence is shown with the sentence before it when that one is in the same paragraph, reads
alone and keeps the pair short: a verbatim span of the article, still one citation. Otherwise another
sentence of the claim represents it, or the claim is left out. Time phrases ("This week…",
"Cette année…") and openers naming their referent ("That is why") are not references; a time named
only by an earlier sentence ("In March of that year", "later that month", "the same day",
"l'année suivante", "cette année-là"), anywhere in the sentence, is: alone, the line has no date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.models import AnalysedArticle, Sentence
from briefgen.select.terms import fold, words

_REFERRING = frozenset(
    "this that these those its he she they his her their such "
    "il elle ils elles ce cette ces cet son sa ses leur leurs celui celle ceux celles".split()
)
_DEMONSTRATIVE = frozenset("this that these those ce cette ces cet".split())
_TIME = frozenset(
    "week weekend year month morning afternoon evening time spring summer autumn fall winter "
    "semaine annee mois matin soir printemps ete automne hiver".split()
)
_UNIT = "year|month|week|day|morning|afternoon|evening|night|spring|summer|autumn|fall|winter"
_UNITE = "annee|mois|semaine|jour|matin|soir|nuit|printemps|ete|automne|hiver"
_EN_TIME = (
    rf"(?:(?:(?:of|later|earlier|by|in|on|during)\s+)?that(?: same)?|the (?:same|following|next|previous))"
    rf"\s+(?:{_UNIT})"
)
_FR_TIME = (
    rf"(?:ce|cet|cette)\s+(?:{_UNITE})-la|(?:le|la|l['’]) ?(?:meme\s+(?:{_UNITE})|(?:{_UNITE})\s+suivante?)"
)
_ANAPHORIC_TIME = re.compile(rf"\b(?:{_EN_TIME}|{_FR_TIME})\b")
"""A time named only by an earlier sentence (searched in folded text)."""
MAX_WORDS = 70  # longest two-sentence span shown as one line
_OPENING, _CLOSING = "“«", "”»"


def starts_inside_quote(text: str) -> bool:
    """The first quotation mark closes a quotation (it opened in an earlier sentence)."""
    for ch in text:
        if ch in _OPENING:
            return False
        if ch in _CLOSING:
            return True
    return text.count('"') % 2 == 1 and not text.lstrip().startswith('"')


@lru_cache(maxsize=100_000)
def opens_alone(text: str) -> bool:
    """True when a reader needs no earlier sentence to know what the sentence's first words refer to."""
    if starts_inside_quote(text) or _ANAPHORIC_TIME.search(fold(text).lower()):
        return False
    ws = words(text)[:2]
    if not ws or ws[0] not in _REFERRING:
        return True
    return ws[0] in _DEMONSTRATIVE and len(ws) > 1 and ws[1] in _TIME


def display_span(item: AnalysedArticle, sentence: Sentence) -> tuple[int, int] | None:
    """Body offsets of what the memo shows for ``sentence``: the sentence itself when it reads alone,
    else it with the sentence before it (same paragraph, reading alone, short); None when neither."""
    if opens_alone(sentence.text):
        return sentence.start, sentence.end
    if sentence.index == 0:
        return None
    prev = item.sentences[sentence.index - 1]
    short = len(prev.text.split()) + len(sentence.text.split()) <= MAX_WORDS
    if prev.paragraph == sentence.paragraph and short and opens_alone(prev.text):
        return prev.start, sentence.end
    return None


def display_text(item: AnalysedArticle, sentence: Sentence) -> str | None:
    span = display_span(item, sentence)
    return None if span is None else item.article.body[span[0] : span[1]]
