"""Cue detection: the words of a sentence that report what a source said, thought or claimed, found by
the learned cue model over the lexicon's candidates (``cues``, ``features``, ``model``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from briefgen.attribute.cues import candidates
from briefgen.attribute.features import Token, candidate_features, quoted_tokens, tokenize
from briefgen.attribute.model import probability, threshold

_FR_AUX = {"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "s'est", "s’est"}
_FR_ADVERBS = {"déjà", "aussi", "encore", "également", "bien", "ainsi", "alors", "par", "ailleurs", "pour",
               "sa", "son", "part", "pourtant", "toutefois", "notamment", "enfin", "même"}  # fmt: skip
_TO_WORDS = {"to", "de", "du", "des"}  # "according to", "aux dires de"


class Cue(NamedTuple):
    start: int  # sentence offsets of the cue as written, auxiliary included ("a déclaré", "according to")
    end: int
    text: str
    key: str  # the lexicon key ("said", "accord", ":")
    cls: str  # its class (SPEECH, DOCUMENT, COGNITION, INTENTION, STANCE, PART)
    noun: float  # how often the form is a noun in the training text
    probability: float
    index: int  # token index of the cue word


def _span(text: str, tokens: Sequence[Token], i: int, key: str, lang: str) -> tuple[int, int]:
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


def cues_in(text: str, lang: str, quoted_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """The cues of one sentence the model accepts, most probable first; ``quoted_spans`` are the
    sentence's quotations (sentence offsets)."""
    tokens = tokenize(text)
    found = candidates(tokens, lang)
    if not found:
        return []
    quoted = quoted_tokens(tokens, quoted_spans)
    limit = threshold()
    out = []
    for i, entry in found:
        p = probability(candidate_features(tokens, i, entry, quoted, lang))
        if p >= limit:
            start, end = _span(text, tokens, i, entry.key, lang)
            out.append(Cue(start, end, text[start:end], entry.key, entry.cls, entry.noun, p, i))
    return sorted(out, key=lambda c: -c.probability)
