"""A topic's context: places, actors or terms of which an article must mention at least one.

Include terms say what a sentence is about ("readmission", "security cooperation"); the same words
occur in articles on other subjects (hospital readmissions, an Asia-Pacific security pact). A topic's
``context`` list names where and among whom the topic happens ("Algeria", "Sahel", "migrants"): an
article that mentions none of them (title or body) gives the topic no sentence, and ``explain`` says so.

A context term matches on folded words (case and accents ignored) at a word start, and also matches
longer words that begin with its stem: "Algeria" matches "Algerian", "Sahel" matches "sahélien",
"migrant" matches "migrants". Phrases match word by word ("North Africa", "Afrique du Nord").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefgen.models import AnalysedArticle
from briefgen.select.terms import fold, stem, words


def _word_pattern(word: str, lang: str) -> str:
    st = stem(word, lang)
    common = 0
    while common < min(len(st), len(word)) and st[common] == word[common]:
        common += 1
    return re.escape(word[: max(common, min(4, len(word)))]) + r"[^\W_]*"


@lru_cache(maxsize=256)
def context_pattern(terms: tuple[str, ...], lang: str) -> re.Pattern[str] | None:
    """One regex over folded text matching any of ``terms`` (None when the topic has no context)."""
    alts = []
    for term in terms:
        ws = words(term)
        if ws:
            alts.append(r"[\s\-']+".join(_word_pattern(w, lang) for w in ws))
    if not alts:
        return None
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(sorted(set(alts), key=lambda a: (-len(a), a)))})(?![^\W_])")


def mentions(item: AnalysedArticle, terms: Sequence[str]) -> bool:
    """True when the article's title or body mentions one of ``terms`` (always true without terms)."""
    pattern = context_pattern(tuple(terms), item.article.lang or "en")
    if pattern is None:
        return True
    a = item.article
    return bool(pattern.search(_folded(a.title or "")) or pattern.search(_folded(a.body)))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)  # one fold per article however many topics have a context


def outside_context(terms: Sequence[str]) -> str:
    shown = ", ".join(terms[:4]) + (", …" if len(terms) > 4 else "")
    return f"outside the topic's context: the article mentions none of {shown}"
