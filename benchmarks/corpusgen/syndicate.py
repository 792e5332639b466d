"""A syndicated copy of an earlier article: what another outlet changes when it republishes a story.

Each copy gets some of: an accent dropped from a person's name, curly and straight quotation marks
swapped, its ending trimmed, an added clutter line, another outlet's credit and a headline prefix.
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import lru_cache

from corpusgen.perturb import AGENCIES, NAME_POOL, clutter_line
from corpusgen.world import parts

PREFIXES = {"en": ("UPDATE 1-", "UPDATE 2-", "WRAPUP 1-", "Syndicated: ", ""), "fr": ("", "ACTUALISÉ - ", "")}
CREDITS = {
    "en": ("(Reporting by {a}; editing by {p})", "This story was first published by {o}.", "(© {o})"),
    "fr": ("(Avec {a})", "Cet article a d'abord été publié par {o}.", "(© {o})"),
}
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_STRAIGHT = re.compile(r'"([^"\n]*)"')


@lru_cache(maxsize=1)
def accented_names() -> frozenset[str]:
    """Words of people's names that carry an accent ("Hélène", "Traoré")."""
    world = parts("world")
    names = [*NAME_POOL, *(e.split("|")[0] for group in world["people"].values() for e in group)]
    names += [e.split("|")[0] for group in world["first"].values() for e in group]
    names += [e for group in world["last"].values() for e in group]
    words = {w for n in names for w in n.split()}
    return frozenset(w for w in words if not w.isascii())


def plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def drop_accent(texts: list[str], rng: random.Random) -> list[str]:
    found = sorted({w for t in texts for w in _WORD.findall(t)} & accented_names())
    if not found:
        return texts
    word = rng.choice(found)
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return [pattern.sub(plain(word), t) for t in texts]


def swap_quotes(texts: list[str]) -> list[str]:
    """Curly to straight, or straight to curly, quotation marks and apostrophes."""
    if any("“" in t or "’" in t for t in texts):
        return [t.replace("“", '"').replace("”", '"').replace("’", "'") for t in texts]
    return [_STRAIGHT.sub(r"“\1”", t).replace("'", "’") for t in texts]


def trim(lines: list[str], rng: random.Random) -> list[str]:
    """Drop the last one to three paragraphs (the copy keeps at least six lines)."""
    cut = min(rng.randint(1, 3), max(len(lines) - 6, 0))
    return lines[: len(lines) - cut]


def syndicate(headline: str, lines: list[str], lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """The headline and lines of a copy of ``headline`` / ``lines`` republished by another outlet."""
    texts = [headline, *lines]
    if rng.random() < 0.6:
        texts = drop_accent(texts, rng)
    if rng.random() < 0.5:
        texts = swap_quotes(texts)
    headline, lines = texts[0], texts[1:]
    if rng.random() < 0.6:
        lines = trim(lines, rng)
    lines.insert(rng.randint(1, len(lines)), clutter_line(rng))
    outlet = rng.choice(parts("world")["outlets"])
    credit = rng.choice(CREDITS[lang]).format(a=rng.choice(AGENCIES), p=rng.choice(NAME_POOL), o=outlet)
    return rng.choice(PREFIXES[lang]) + headline, [*lines, credit]
