"""Small helpers for composed prose: a deck of templates, news paragraphs, a sentence made a clause."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from corpusgen.world import parts

# A sentence that names its source already ("…, officials said", "selon le communiqué").
SAYS = re.compile(
    r"\b(?:said|says|according to|told|reported|recalled|noted|selon|d'après)\b"
    r"|\ba(?:-t-on)? (?:déclaré|indiqué|précisé|assuré|affirmé|qualifié|salué|estimé|dénoncé|condamné"
    r"|annoncé|appris)\b"
)
_NAMES = frozenset(
    "Frontex Europe European EU UN Western Rabat Algiers Tunis Paris Madrid Rome Brussels Tindouf".split()
)


class Deck:
    """Draws without repeating until every item has been drawn, then starts again."""

    def __init__(self, items: Sequence[str], rng: random.Random) -> None:
        self.items, self.rng, self.left = list(items), rng, list[str]()

    def draw(self) -> str:
        if not self.left:
            self.left = self.rng.sample(self.items, len(self.items))
        return self.left.pop()


def paragraphs(sentences: Sequence[str], rng: random.Random) -> list[list[str]]:
    """News paragraphs: the lead alone, then one to three sentences each."""
    out = [list(sentences[:1])]
    i = 1
    while i < len(sentences):
        take = rng.choice((1, 2, 2, 3))
        out.append(list(sentences[i : i + take]))
        i += take
    return out


def clause(text: str) -> str:
    """``text`` to follow "said that" or "according to …,": its first word lower-cased unless a name."""
    first, _, rest = text.partition(" ")
    if first[:2] in ("L'", "L’", "l'", "l’"):  # "L'accord", "l'Italie": the article only
        return "l" + text[1:]
    word = first.replace("’", "'").split("'")[0].rstrip(",")
    countries = parts("world")["countries"]
    names = _NAMES | set(countries) | {c["adj"] for c in countries.values()}
    if word in names or first.isupper() or not first[:1].isalpha():
        return text
    return f"{first.lower()} {rest}"
