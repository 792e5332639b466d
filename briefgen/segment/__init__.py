"""Split an article's body into sentences with offsets: nupunkt (Punkt, model shipped in the wheel) over
the whole body, then the repairs of ``briefgen.segment.repair``.

A blank line always ends a sentence; spans are trimmed of surrounding whitespace, so
``body[start:end] == text`` holds exactly. A sentence never starts or ends inside a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from briefgen.models import Article, Sentence
from briefgen.segment.repair import repair

_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _model() -> Any:
    import nupunkt  # imported on first use to keep start-up fast

    return nupunkt.load_default_model()


def paragraph_spans(body: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: maximal runs of text separated by blank lines, trimmed."""
    pos = 0
    for m in [*_BREAK.finditer(body), None]:
        stop = m.start() if m else len(body)
        start, end = _trim(body, pos, stop)
        if start < end:
            yield start, end
        pos = m.end() if m else len(body)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every body sentence of ``article``, in order, with character offsets into ``article.body``."""
    body = article.body
    paragraphs = list(paragraph_spans(body))
    if not paragraphs:
        return ()
    cuts = (start for start, _ in _model().span_tokenize(body))
    starts = repair(body, cuts, [start for start, _ in paragraphs], article.lang)
    out: list[Sentence] = []
    p_index, p_end = 0, paragraphs[0][1]
    for s_start, s_next in zip(starts, [*starts[1:], len(body)], strict=True):
        while s_start >= p_end and p_index + 1 < len(paragraphs):
            p_index += 1
            p_end = paragraphs[p_index][1]
        start, end = _trim(body, s_start, min(s_next, p_end))
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
    if len(text) < 4:
        return True
    if text[0].isalpha():  # most sentences: no need to look further
        return False
    return not any(c.isalpha() for c in text[:3]) and len(text.split()) < 2
