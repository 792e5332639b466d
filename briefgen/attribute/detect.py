"""Cue detection: the words of a sentence that report what a source said, thought or claimed, found by
the learned cue model over the lexicon's candidates (``cues``, ``features``, ``model``).

Each candidate is read with its clause first (``clauses.source_at``: is there a subject, an inverted
speaker, an agent, an "according to" object?), and what that reading found is one of the model's
features: "said" with a named subject and "said" with none are different evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from briefgen.attribute.clauses import Found, source_at
from briefgen.attribute.cues import Entry, Lexicon, candidates, language_of, sentence_language, triggered
from briefgen.attribute.features import Token, candidate_features, quoted_tokens, tokenize
from briefgen.attribute.model import probability, threshold
from briefgen.attribute.speakers import parse_np

_FR_AUX = {"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "s'est", "s’est"}
_FR_ADVERBS = {"déjà", "aussi", "encore", "également", "bien", "ainsi", "alors", "par", "ailleurs", "pour",
               "sa", "son", "part", "pourtant", "toutefois", "notamment", "enfin", "même"}  # fmt: skip
_TO_WORDS = {"to", "de", "du", "des"}  # "according to", "aux dires de"


class Candidate(NamedTuple):
    start: int  # sentence offsets of the cue as written, auxiliary included ("a déclaré", "according to")
    end: int
    lang: str  # the sentence's language ("en", "fr")
    entry: Entry
    token: int  # index of the cue word among the sentence's tokens
    found: Found | None  # what the fast clause reading found as its source
    features: list[str]


class Cue(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # the lexicon key ("said", "accord", ":")
    cls: str  # its class (SPEECH, DOCUMENT, COGNITION, INTENTION, STANCE, PART)
    pronominal: bool
    lang: str
    probability: float
    found: Found | None


def _span(tokens: Sequence[Token], i: int, key: str, lang: str) -> tuple[int, int]:
    """The cue's extent: French auxiliaries before it ("a déjà déclaré"), "to" after "according"."""
    start, end = tokens[i].start, tokens[i].end
    if key == "accord" and i + 1 < len(tokens) and tokens[i + 1].text.lower() in _TO_WORDS:
        end = tokens[i + 1].end
    if lang == "fr":
        j = i - 1
        while j >= 0 and tokens[j].text.lower() in _FR_ADVERBS:
            j -= 1
        low = tokens[j].text.lower() if j >= 0 else ""
        if j >= 0 and (low in _FR_AUX or low.split("-")[0] in _FR_AUX):
            start = tokens[j].start
    return start, end


def source_kind(found: Found | None) -> str:
    """What the clause reading found, as the model sees it."""
    if found is None:
        return "none"
    mention = found.mention
    if mention.kind == "description" and parse_np(mention.text) is None:
        return f"{found.form}:phrase"  # a noun phrase by its shape only
    return f"{found.form}:{mention.kind}"


Wanted = Callable[[Entry, int, int, str], bool]
"""Which candidates to read at all: (entry, start, end, sentence language) -> bool."""


def read_candidates(
    text: str,
    masked: str,
    lang: str,
    quoted_spans: Sequence[tuple[int, int]],
    table: Lexicon | None = None,
    wanted: Wanted | None = None,
) -> Iterator[Candidate]:
    """Every candidate cue of one sentence (or those ``wanted``) with its clause reading and features;
    ``masked`` is the sentence with its quotations masked, ``quoted_spans`` their sentence offsets."""
    tokens = tokenize(text)
    quoted = quoted_tokens(tokens, quoted_spans)
    lang = sentence_language(tokens, quoted, lang)
    found = candidates(tokens, lang, table)
    if not found:  # a French sentence too short to tell in an English article, or the reverse
        lang = "en" if lang == "fr" else "fr"
        found = candidates(tokens, lang, table)
    for i, entry in found:
        start, end = _span(tokens, i, entry.key, lang)
        if wanted is not None and not wanted(entry, start, end, lang):
            continue
        read = None if entry.key == ":" else source_at(masked, start, end, entry)
        feats = candidate_features(tokens, i, entry, quoted, lang, source_kind(read))
        yield Candidate(start, end, lang, entry, i, read, feats)


def _accepted(p: float, found: Found | None, cls: str, limit: float) -> bool:
    """The model's verdict, except for constructions that say who spoke by themselves: a speech noun
    with its agent ("the announcement by X", "X's statement": PolNeAR rarely marks nouns as cues, so
    the model underrates them), a speech verb with a name right after it ("c'est ce qu'a dit X"), and a
    framing verb with its subject and its "as" ("X presented the accord as a fresh start", rare in the
    training text)."""
    if p >= limit:
        return True
    if found is not None and cls == "FRAMING":
        return found.form == "verb"  # "officials present the deal as a reset": its "as" frame is checked
    if found is None or cls != "SPEECH":
        return False
    return found.form == "nominal" or (found.form == "inverted" and found.mention.kind == "name")


def cues_in(
    text: str, masked: str, lang: str, quoted_spans: Sequence[tuple[int, int]], wanted: Wanted | None = None
) -> list[Cue]:
    """The cues of one sentence the model accepts (of those ``wanted``), most probable first. A sentence
    with no word that could attribute a statement is not read at all."""
    other = "en" if language_of(lang) == "fr" else "fr"
    if not triggered(text, language_of(lang)) and not triggered(text, other):
        return []
    limit = threshold()
    out = []
    for c in read_candidates(text, masked, lang, quoted_spans, wanted=wanted):
        p = probability(c.features)
        if _accepted(p, c.found, c.entry.cls, limit):
            e = c.entry
            cue = Cue(c.start, c.end, text[c.start : c.end], e.key, e.cls, e.pronominal, c.lang, p, c.found)
            out.append(cue)
    return sorted(out, key=lambda c: -c.probability)
