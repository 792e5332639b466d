"""Topic term matching on word forms: accent/case folding, cached Snowball stemming, phrase matching.

A term ("security cooperation", "OQTF", "counter-terrorism") is folded, split into word tokens and
stemmed in the article's language; a sentence matches it when the same stem sequence occurs in the
sentence's stems. Hyphenated terms also match their closed form ("counterterrorism").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import snowballstemmer

_WORD = re.compile(r"[^\W_]+")
_LANGS = {
    "en": "english", "fr": "french", "es": "spanish", "de": "german", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ar": "arabic",
}  # fmt: skip

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "over",
        "s",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "those",
        "to",
        "under",
        "was",
        "we",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "also",
        "after",
        "before",
        "between",
        "both",
        "more",
        "most",
        "not",
        "than",
        "then",
        "there",
        "these",
        "up",
        "upon",
        "about",
        "against",
        "any",
        "all",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "few",
        "further",
        "here",
        "how",
        "if",
        "just",
        "may",
        "might",
        "must",
        "no",
        "nor",
        "only",
        "other",
        "own",
        "same",
        "should",
        "so",
        "some",
        "such",
        "through",
        "too",
        "very",
        "what",
        "when",
        "where",
        "why",
        "you",
        "your",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "et",
        "ou",
        "en",
        "au",
        "aux",
        "a",
        "ce",
        "ces",
        "cet",
        "cette",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ne",
        "pas",
        "par",
        "pour",
        "sur",
        "dans",
        "avec",
        "qui",
        "que",
        "qu",
        "se",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "est",
        "sont",
        "ete",
        "etre",
        "avait",
        "ont",
        "a",
        "y",
        "said",
        "says",
        "say",
        "dit",
    ]
)


_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (NFKD, combining marks removed, casefolded)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def words(text: str) -> tuple[str, ...]:
    """Folded word tokens of ``text`` (hyphens and apostrophes split words)."""
    return tuple(_WORD.findall(fold(text)))


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> snowballstemmer.stemmer | None:
    name = _LANGS.get(lang.split("-")[0].lower() if lang else "en")
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=400_000)
def stem(word: str, lang: str) -> str:
    """Snowball stem of an already folded ``word`` in language ``lang`` (identity when unsupported)."""
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer is not None else word


@lru_cache(maxsize=64)
def stop_stems(lang: str) -> frozenset[str]:
    """Stop words and their stems in ``lang`` (stems of "very", "being" differ from the words)."""
    return STOPWORDS | frozenset(stem(w, lang) for w in STOPWORDS)


def stems(text: str, lang: str) -> tuple[str, ...]:
    return tuple(stem(w, lang) for w in words(text))


@dataclass(frozen=True)
class Term:
    text: str  # as configured
    stems: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class TermSet:
    """A topic's compiled include and exclude terms for one language, indexed by their first stem."""

    include: tuple[Term, ...]
    exclude: tuple[Term, ...]
    include_index: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)
    exclude_index: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)


def _index(terms: tuple[Term, ...]) -> Mapping[str, tuple[Term, ...]]:
    index: dict[str, list[Term]] = {}
    for term in terms:
        index.setdefault(term.stems[0], []).append(term)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _variants(term: str, lang: str) -> tuple[tuple[str, ...], ...]:
    spaced = stems(term, lang)
    out = [spaced]
    if "-" in term and len(spaced) > 1:
        out.append((stem("".join(words(term)), lang),))
    return tuple(dict.fromkeys(v for v in out if v))


def _compile(terms: Sequence[str], lang: str) -> tuple[Term, ...]:
    out: list[Term] = []
    for text in terms:
        for variant in _variants(text, lang):
            content = sum(1 for w in variant if w not in STOPWORDS)
            out.append(Term(text, variant, 1.0 + 0.5 * max(0, content - 1)))
    return tuple(out)


@lru_cache(maxsize=256)
def compile_terms(include: tuple[str, ...], exclude: tuple[str, ...], lang: str) -> TermSet:
    inc, exc = _compile(include, lang), _compile(exclude, lang)
    return TermSet(inc, exc, _index(inc), _index(exc))


def _occurrences(seq: tuple[str, ...], index: Mapping[str, tuple[Term, ...]]) -> list[tuple[int, int, Term]]:
    """Every (start, end, term) where a term's stems occur in ``seq``: one dict lookup per word."""
    hits = []
    for i, s in enumerate(seq):
        for term in index.get(s, ()):
            n = len(term.stems)
            if n == 1 or seq[i : i + n] == term.stems:
                hits.append((i, i + n, term))
    return hits


def match_include(seq: tuple[str, ...], termset: TermSet) -> tuple[Term, ...]:
    """Distinct include terms found in ``seq``, keeping only maximal spans (no double count of
    "Polisario" inside "Polisario Front"), in configured order."""
    hits = _occurrences(seq, termset.include_index)
    kept = [
        h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)
    ]
    found: dict[tuple[str, ...], Term] = {}  # one per stem sequence: "readmission"/"readmissions" count once
    for _, _, term in sorted(kept, key=lambda h: (h[0], -h[1])):
        found.setdefault(term.stems, term)
    return tuple(dict((t.text, t) for t in found.values()).values())


def match_exclude(seq: tuple[str, ...], termset: TermSet) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.text for _, _, t in _occurrences(seq, termset.exclude_index)))


@lru_cache(maxsize=64)
def prefilter_pattern(terms: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """A regex over folded text that matches wherever any term *might* match (a superset): the part
    of each term's longest word that its stem keeps unchanged, at a word start."""
    prefixes = set()
    for text in terms:
        toks = words(text) or (fold(text),)
        longest = max(toks, key=len)
        st = stem(longest, lang)
        common = 0
        while common < min(len(st), len(longest)) and st[common] == longest[common]:
            common += 1
        prefixes.add(longest[: max(common, min(3, len(longest)))])
        if "-" in text:
            prefixes.add(toks[0])
    alts = "|".join(re.escape(p) for p in sorted(prefixes, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![^\W_])(?:{alts})" if alts else r"(?!x)x")
