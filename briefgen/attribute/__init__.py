"""Attribution: who said each sentence of an article, and how (direct, indirect, according-to, mixed,
nominal, or an unsourced hedge), with the speaker resolved to its fullest form in the article, a
normalised id that merges variants across sources, the role the article gives, and quoted spans.

Stages, one module each: ``cues`` (the lexicon's candidates), ``features`` + ``model`` (the learned
cue model, trained by ``train``), ``detect`` (candidates scored), ``clauses`` / ``nouns`` (the source a
cue's clause names), ``syntax`` (a parse when the clause reading fails), ``speakers`` / ``resolve``
(who a mention is), ``carry`` (quotations over several sentences), ``attributor`` (one sentence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefgen.attribute.attributor import Attributor, read
from briefgen.attribute.carry import carry_quotes, follow_quotes
from briefgen.attribute.keys import speaker_key
from briefgen.attribute.quotes import find_quotes
from briefgen.models import Article, Attribution, Sentence

__all__ = ["attribute_article", "speaker_key"]

_TERMINAL = ".!?…:\"”»’)'"  # a line ending in a colon introduces what follows ("He said:"): not a headline


HEADLINE_WORDS = 25  # a line alone in its paragraph without a final stop is a headline up to this length;
# a longer one is a sentence whose excerpt was cut short


def _is_headline(sentences: Sequence[Sentence], i: int) -> bool:
    s = sentences[i]
    if len(s.text.split()) > HEADLINE_WORDS:
        return False
    alone = (i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph) and (
        i == 0 or sentences[i - 1].paragraph != s.paragraph
    )
    return alone and s.text.rstrip()[-1:] not in _TERMINAL


def attribute_article(
    article: Article, sentences: Sequence[Sentence], aliases: Mapping[str, str] | None = None
) -> tuple[Attribution | None, ...]:
    """Each sentence's attribution (or None), aligned with ``sentences``."""
    quotes = find_quotes(article.body)
    attributor = Attributor(article, aliases)
    skip = {i for i in range(len(sentences)) if _is_headline(sentences, i)}
    lang = attributor.lang
    readings = [None if i in skip else read(s, quotes, lang) for i, s in enumerate(sentences)]
    attributor.read_ahead(readings)
    out = [None if r is None else attributor.attribute(r, i) for i, r in enumerate(readings)]
    if quotes:
        carry_quotes(sentences, out, quotes, skip)
        follow_quotes(sentences, out, quotes, skip)
    return tuple(out)
