"""Sentences composed from parts: named rules of alternatives whose ``{slots}`` are filled at random.

A slot is a rule (one alternative drawn, expanded in turn), a value the caller binds (a string, or a
function called at each use: a speaker named in full the first time, by surname later), or a number:
``{n:LO-HI}`` an integer, ``{r:LO-HI}`` one rounded to two significant digits, ``{d:LO-HI}`` one with a
decimal. ``[a|b|c]`` picks one of its words in place (``[quickly|]``: maybe a word). ``<m|f>`` picks
by the gender of the sentence's speaker. ``finish`` then writes the sentence
as a person would: capital letter, "an" before a vowel, French elisions and contractions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence

Binding = str | Callable[[], str]

_SLOT = re.compile(r"\{([\w.]+)(?::(\d+)-(\d+))?\}")
_GENDER = re.compile(r"<([^|<>]*)\|([^<>]*)>")
_CHOICE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_SPACES = re.compile(r"\s+")
_BEFORE_PUNCT = re.compile(r" +(?=[,.])")
_START = re.compile(r"^([“«\"]?\s*)([a-zà-ÿ])|((?:: |^)[“«]\s*)([a-zà-ÿ])")
_AN = re.compile(r"\b([Aa]) (?=(?!one\b|uni|Uni|Euro|euro|use|usu|UN\b|US\b|EU\b)[aeiouAEIOU])")
_ELIDE = re.compile(
    r"\b([Dd]e|[Ll]e|[Ll]a|[Qq]ue|[Jj]usque|[Ll]orsque|[Pp]uisque)"
    r" (?=[aeiouéèêàâîôûAEIOUÉÈÊÀÂÎÔÛ]|[hH][éèêô])"
)
_CONTRACT = (
    (re.compile(r"\b([Dd])e [Ll]e "), r"\1u "),
    (re.compile(r"\bà [Ll]e "), "au "),
    (re.compile(r"\bÀ le "), "Au "),
    (re.compile(r"\b([Dd])e les "), r"\1es "),
    (re.compile(r"\bà les "), "aux "),
)


def number(value: float, lang: str, decimals: int = 0, year: bool = False) -> str:
    """``1,240`` / ``12.5`` in English; ``1240``, ``12 400`` and ``12,5`` in French; a year as is."""
    if decimals:
        text = f"{value:.{decimals}f}"
        return text.replace(".", ",") if lang == "fr" else text
    whole = int(value)
    if year:
        return str(whole)
    if lang == "fr":
        return f"{whole:,}".replace(",", " ") if whole >= 10_000 else str(whole)
    return f"{whole:,}"


def _rounded(value: int) -> int:
    digits = len(str(value)) - 2
    return value if digits <= 0 else round(value, -digits)


def gendered(text: str, gender: str) -> str:
    return _GENDER.sub(lambda m: m[1] if gender == "m" else m[2], text)


class Grammar:
    """The rules of one language; ``expand`` fills a template, ``sentence`` also finishes it."""

    def __init__(self, rules: Mapping[str, Sequence[str]], lang: str) -> None:
        self.rules = dict(rules)
        self.lang = lang

    def with_rules(self, extra: Mapping[str, Sequence[str]]) -> Grammar:
        return Grammar({**self.rules, **extra}, self.lang)

    def expand(self, template: str, rng: random.Random, bind: Mapping[str, Binding], depth: int = 0) -> str:
        if depth > 10:
            raise ValueError(f"rules nest too deep at {template!r}")

        def slot(m: re.Match[str]) -> str:
            name = m[1]
            if m[2] is not None:
                lo, hi = int(m[2]), int(m[3])
                value = rng.randint(lo, hi)
                if name == "d":
                    return number(value + rng.randrange(10) / 10, self.lang, 1)
                year = lo >= 1900 and hi <= 2100
                return number(_rounded(value) if name == "r" else value, self.lang, year=year)
            if name in bind:
                found = bind[name]
                return found() if callable(found) else found
            if name not in self.rules:
                raise KeyError(f"no rule or value named {name!r} in {template!r}")
            return self.expand(rng.choice(self.rules[name]), rng, bind, depth + 1)

        template = _CHOICE.sub(lambda m: rng.choice(m[1].split("|")), template)
        return _SLOT.sub(slot, template)

    def sentence(
        self, template: str, rng: random.Random, bind: Mapping[str, Binding], gender: str = "m"
    ) -> str:
        return finish(gendered(self.expand(template, rng, bind), gender), self.lang)


def fix_words(text: str, lang: str) -> str:
    """French elisions and contractions ("de le Maroc" -> "du Maroc"), English "an" before a vowel."""
    if lang != "fr":
        return _AN.sub(lambda m: m[1] + "n ", text)
    text = _ELIDE.sub(lambda m: m[1][:-1] + "'", text)
    for pattern, repl in _CONTRACT:
        text = pattern.sub(repl, text)
    return text


def finish(text: str, lang: str) -> str:
    text = _BEFORE_PUNCT.sub("", _SPACES.sub(" ", text)).strip().replace(",,", ",")
    text = fix_words(text, lang)
    return _START.sub(lambda m: m[1] + m[2].upper() if m[2] else m[3] + m[4].upper(), text)
