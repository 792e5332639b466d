"""The cue lexicon: which words can report speech, thought or a source's claim, and where they occur.

``data/cues.tsv`` (written by ``python -m briefgen.attribute.train``) maps each form, per language, to an
English key and the share of its occurrences that were cues in the training text. English forms are mined
from PolNeAR's annotated cues; French forms come from ``data/cues_fr.tsv``, written by hand and mapped to
English keys. A candidate is only a candidate: the model (``briefgen.attribute.model``) decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from briefgen.attribute import datafiles

if TYPE_CHECKING:
    from briefgen.attribute.features import Token


COLON_KEY = ":"


MEMO_CLASSES = frozenset({"SPEECH", "DOCUMENT", "COGNITION", "FRAMING", "COMPLEMENT"})
"""Cue classes that attribute a statement in a memo's sense (see data/cue_classes.tsv)."""


class Entry(NamedTuple):
    key: str
    rate: float
    cls: str = "OTHER"
    noun: float = 0.0  # share of the form's uses right after a determiner: how often it is a noun
    pronominal: bool = True  # its reflexive use reports speech too ("s'est félicité"; not "s'ajoutent")


Lexicon = dict[tuple[str, str], Entry]


def read_lexicon(text: str) -> Lexicon:
    """(language, lower-cased form) -> Entry, from the text of a ``cues.tsv``."""
    out: Lexicon = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lang, form, key, rate, cls, noun, pronominal = line.split("\t")
            out[(lang, form)] = Entry(key, float(rate), cls, float(noun), pronominal == "1")
    return out


@datafiles.cached
def lexicon() -> Lexicon:
    """The shipped lexicon (or the one training has just written)."""
    return read_lexicon(datafiles.read("cues.tsv"))


_WORDS = re.compile(r"[\w’'-]+")


@datafiles.cached
def trigger_words(lang: str) -> frozenset[str]:
    """The forms of ``lang`` that can attribute a statement (a memo class, or "put" of "as X put it")."""
    return frozenset(
        f for (lg, f), e in lexicon().items() if lg == lang and (e.cls in MEMO_CLASSES or e.key == "put")
    )


def triggered(text: str, lang: str) -> bool:
    """Has ``text`` a word that can attribute a statement in ``lang``? A sentence without one is not read
    further. (A set of words, not a regex: a 10,000-form alternation takes 0.2 s to compile.)"""
    words = trigger_words(lang)
    return any(w.lower().replace("’", "'") in words for w in _WORDS.findall(text))


def language_of(lang: str) -> str:
    """The lexicon language used for an article language: French for French, English otherwise."""
    return "fr" if lang == "fr" else "en"


def sentence_language(tokens: Sequence[Token], quoted: Sequence[bool], lang: str) -> str:
    """The language of a sentence's own words (quotations aside): the article's, unless the function
    words of the other language clearly outnumber its own (a French sentence in an English article)."""
    from briefgen.attribute.features import word_classes

    own = language_of(lang)
    other = "en" if own == "fr" else "fr"
    mine, theirs = word_classes(own), word_classes(other)
    words = [t.text.lower() for t, q in zip(tokens, quoted, strict=True) if not q]
    ours, foreign = sum(w in mine for w in words), sum(w in theirs for w in words)
    return other if foreign >= 2 and foreign > 2 * ours else own


def candidates(tokens: Sequence[Token], lang: str, table: Lexicon | None = None) -> list[tuple[int, Entry]]:
    """(token index, entry) of each token that may be a cue (by the shipped lexicon unless ``table``)."""
    table = lexicon() if table is None else table
    lg = language_of(lang)
    out = []
    for i, token in enumerate(tokens):
        entry = table.get((lg, token.text.lower().replace("’", "'")))
        if entry is not None and (entry.key == "accord" or not _inside_name(tokens, i)):
            out.append((i, entry))
    return out


def _inside_name(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word within a sentence is part of a name ("Interior Minister Said Sayoud"), unless it
    opens the sentence, a quotation or a clause after a colon."""
    text = tokens[i].text
    if not text[:1].isupper() or text.isupper():
        return False
    if i == 0 or tokens[i - 1].text in {":", "“", "«", '"', "‘", "(", "—", "–", "-"}:
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        return after[:1].isupper() and after.lower() not in {"i"}  # "Said Sayoud, the minister, …"
    return True
