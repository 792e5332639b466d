"""What the cue model sees: a sentence's tokens, the class of each word around a candidate cue, and the
features of one candidate. Training (``briefgen.attribute.train``) and detection use this one module, so
a model always meets the features it was trained on.

Features are kept language-neutral where they can be: the cue itself is named by an English key (French
cues are mapped to one in ``data/cues_fr.tsv``), and the words around it by class (``data/words.tsv``:
pronoun, determiner, complementiser, auxiliary...), so weights learned on English apply to French.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from briefgen.attribute import datafiles

if TYPE_CHECKING:
    from briefgen.attribute.cues import Entry

TOKEN = re.compile(
    r"(?i:[dD][’']apr[èe]s)"  # "d’après" is one word (according to)
    r"|(?i:qu|[cdjlmnst])[’'](?=\w)"  # French elision: "qu’", "l’", "d’" are words of their own
    r"|\w+(?:[’'.\-]\w+)*"
    r"|[^\w\s]"
)
QUOTE_MARKS = frozenset('“”«»"‘’„')


class Token(NamedTuple):
    text: str
    start: int  # offset in the sentence
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


@datafiles.cached
def word_classes(lang: str = "en") -> dict[str, str]:
    """word -> class for ``lang`` ("en" or "fr"), from ``data/words.tsv`` (the first class listed wins)."""
    out: dict[str, str] = {}
    for line in datafiles.read("words.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            name, language, words = line.split("\t")
            if language == lang:
                for word in words.split():
                    out.setdefault(word, name)
    return out


def word_class(token: str | None, first: bool = False, lang: str = "en") -> str:
    """The class of one token: a listed class, punctuation kinds, or the word's shape."""
    if token is None:
        return "NONE"
    ch = token[0]
    if not ch.isalnum():
        if token in QUOTE_MARKS:
            return "Q"
        return {",": "COMMA", ";": "COMMA", ":": "COLON", ".": "END", "!": "END", "?": "END"}.get(ch, "P")
    low = token.lower()
    found = word_classes("fr" if lang == "fr" else "en").get(low)
    if found is not None:
        return found
    if low.endswith(("n't", "n’t")):
        return "NEG"
    if ch.isdigit():
        return "NUM"
    if ch.isupper():
        return "CAP0" if first else "CAP"
    if low.endswith(("ly", "ment")):
        return "ADV"
    return "W"


_CLITICS = frozenset({"l'", "l’", "le", "la", "les", "lui", "leur"})
_UNIT = frozenset({"AUX", "ADVS", "ADV", "REFL"})  # words a cue carries with it: "has also said", "a déclaré"


def shape(word: str, lang: str, key: str, after_aux: bool) -> str:
    """The cue's grammatical shape, the same for both languages: ING, ED (participle), S (finite), BASE."""
    low = word.lower()
    if key == "accord":
        return "ING"  # "according to", "selon", "d'après": one prepositional cue
    if lang == "fr":  # the passé composé ("a déclaré") is French news's simple past: "declared"
        if low.endswith("ant"):
            return "ING"
        if after_aux or low.endswith(("é", "ée", "és", "ées")):
            return "ED"
        return "BASE" if low.endswith(("er", "ir", "re")) else "S"
    if low.endswith("ing"):
        return "ING"
    if low.endswith("ed"):
        return "ED"
    return "S" if low.endswith("s") else "BASE"


def _unit(tokens: Sequence[Token], i: int, key: str, lang: str) -> tuple[int, int]:
    """First and last token of the cue as a unit: auxiliaries and adverbs before it ("has also said",
    "a déjà déclaré", "s'est dit"), "to"/"de" after "according" / "aux dires"."""
    first = i
    while first > 0 and word_class(tokens[first - 1].text, first - 1 == 0, lang) in _UNIT:
        first -= 1
    if lang == "fr" and first > 0 and first < i and tokens[first - 1].text.lower() in _CLITICS:
        first -= 1  # "X l'a rappelé", "X lui a dit": the object pronoun before the auxiliary
    last = i
    if key == "accord" and i + 1 < len(tokens) and word_class(tokens[i + 1].text, False, lang) == "TO":
        last = i + 1
    return first, last


def candidate_features(
    tokens: Sequence[Token], i: int, entry: Entry, quoted: Sequence[bool], lang: str, source: str
) -> list[str]:
    """The features of token ``i`` as a cue with lexicon ``entry`` (key, cue rate in the training text,
    class); ``quoted[j]`` tells whether token j lies inside a quotation, ``source`` what the clause
    reading found as its source ("verb:name", "according:phrase", "none"). The context is read around
    the cue as a unit (``_unit``), so "has said" and "a déclaré" look alike."""
    key, rate, n = entry.key, entry.rate, len(tokens)
    first, last = _unit(tokens, i, key, lang)
    left = [
        word_class(tokens[j].text, j == 0, lang) if j >= 0 else "NONE"
        for j in (first - 1, first - 2, first - 3)
    ]
    right = [
        word_class(tokens[j].text, False, lang) if j < n else "NONE" for j in (last + 1, last + 2, last + 3)
    ]
    quotes = sum(1 for t in tokens if t.text in QUOTE_MARKS)
    form = shape(tokens[i].text, lang, key, first < i)
    return [
        "bias",
        f"src={source}",
        f"k_src={key}_{source}",
        f"class_src={entry.cls}_{source}",
        f"k={key}",
        f"class={entry.cls}",
        f"class_l1={entry.cls}_{left[0]}",
        f"rate={min(9, int(rate * 10))}",
        f"shape={form}",
        f"k_shape={key}_{form}",
        f"aux={first < i and lang != 'fr'}",
        f"l1={left[0]}",
        f"l2={left[1]}",
        f"l3={left[2]}",
        f"r1={right[0]}",
        f"r2={right[1]}",
        f"r3={right[2]}",
        f"l12={left[0]}_{left[1]}",
        f"r12={right[0]}_{right[1]}",
        f"l1r1={left[0]}_{right[0]}",
        f"k_l1={key}_{left[0]}",
        f"k_r1={key}_{right[0]}",
        f"inq={quoted[i]}",
        f"first={first == 0}",
        f"cap={tokens[i].text[:1].isupper()}",
        f"quotes={min(quotes, 3)}",
        f"comp3={'COMP' in right}",
        f"subj3={any(c in ('CAP', 'CAP0', 'PRON') for c in left)}",
        f"qleft={'Q' in left}",
        f"qright={'Q' in right}",
        f"pos={min(2, 3 * i // max(1, n))}",
    ]


def quoted_tokens(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside one of the quoted ``spans`` (sentence offsets)."""
    return [any(s <= t.start < e for s, e in spans) for t in tokens]
