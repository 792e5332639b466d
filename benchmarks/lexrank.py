"""sumy's LexRank on the same articles, for comparison with briefgen (never imported by briefgen itself).

sumy's default tokenizer needs NLTK's punkt data, which cannot be downloaded here, so it is given
nupunkt's sentence splitter (the one briefgen uses) and a plain word regex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")


class NupunktTokenizer:
    """The tokenizer interface sumy's parsers expect: language, to_sentences, to_words."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        import nupunkt

        return tuple(s.strip() for s in nupunkt.sent_tokenize(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lexrank(texts: Sequence[str], count: int) -> list[str]:
    """The ``count`` sentences LexRank ranks highest over the concatenated ``texts``, in document order."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    parser = PlaintextParser.from_string("\n\n".join(texts), NupunktTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(parser.document, count)]
