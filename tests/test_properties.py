"""Property tests over the whole front half and selection: arbitrary text never breaks the invariants."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyse import analyse_article
from briefgen.ingest import parse_text
from briefgen.models import MemoHeader
from briefgen.select import select_memo
from briefgen.settings import Topic

WORDS = st.sampled_from(
    "Nuñez said the readmission of nationals under expulsion orders « would » “resume” , . ? ! — "
    "officials according to Algiers OQTF consular pass a déclaré selon Western Sahara \n \n\n".split(" ")
)
TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))
TOPIC = Topic("readmissions", "R", "S", include=("readmission", "expulsion order", "consular pass"))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_sentences_are_verbatim_slices_and_attributions_align(text: str) -> None:
    analysed = analyse_article(parse_text(text, "x.txt", "x"))
    body = analysed.article.body
    assert len(analysed.attributions) == len(analysed.sentences)
    for s in analysed.sentences:
        assert 0 <= s.start <= s.end <= len(body) and body[s.start : s.end] == s.text
    for a in analysed.attributions:
        for start, end in a.quotes if a else ():
            assert 0 <= start <= end <= len(body)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_every_memo_item_is_verbatim_in_each_cited_source(texts: list[str]) -> None:
    corpus = [analyse_article(parse_text(t, f"{n}.txt", f"a{n}")) for n, t in enumerate(texts)]
    memo = select_memo(TOPIC, (TOPIC,), corpus, dt.date(2026, 2, 25), MemoHeader("o", "t", "f", "c"))
    bodies = {c.article.id: c.article.body for c in corpus}
    numbers = {s.id: s.number for s in memo.sources}
    for item in memo.items:
        assert item.citations and item.text in bodies[item.citations[0].source]
        for c in item.citations:
            assert c.sentence in bodies[c.source] and numbers[c.source] == c.number
