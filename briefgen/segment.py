"""Split an article's body into sentences with offsets, using nupunkt (Punkt, model shipped in the wheel).

Paragraphs are split first (a blank line always ends a sentence), then each paragraph with nupunkt;
spans are trimmed of surrounding whitespace so ``body[start:end] == text`` holds exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefgen.models import Article, Sentence

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", re.DOTALL)
_HAS_WORD = re.compile(r"\w")


def _spans(text: str) -> list[tuple[int, int]]:
    import nupunkt  # imported on first use to keep start-up fast

    return list(nupunkt.sent_spans(text))


def paragraph_spans(body: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: maximal runs of text separated by blank lines."""
    for match in _PARAGRAPH.finditer(body):
        yield match.start(), match.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every body sentence of ``article``, in order, with character offsets into ``article.body``."""
    out: list[Sentence] = []
    body = article.body
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        paragraph = body[p_start:p_end]
        for s_start, s_end in _spans(paragraph):
            start, end = _trim(body, p_start + s_start, p_start + min(s_end, len(paragraph)))
            text = body[start:end]
            if not _HAS_WORD.search(text):
                continue
            if out and out[-1].paragraph == p_index and _is_fragment(text):
                prev = out.pop()
                start, text = prev.start, body[prev.start : end]
            out.append(Sentence(article.id, len(out), start, end, text, p_index))
    return tuple(out)


def _is_fragment(text: str) -> bool:
    """A piece too small to stand alone (a stray closing quote or bracket left by the splitter)."""
    return len(text) < 4 or (not any(c.isalpha() for c in text[:3]) and len(text.split()) < 2)
