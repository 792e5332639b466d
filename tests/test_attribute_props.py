"""Properties of attribution on arbitrary text: never raises, aligned output, offsets inside the body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.attribute import attribute_article, speaker_key
from briefgen.attribute.quotes import find_quotes
from briefgen.models import KINDS, Article
from briefgen.segment import split_sentences

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "«",
        "»",
        '"',
        "‘",
        "’",
        "'",
        " said ",
        " a déclaré ",
        "According to ",
        "Selon ",
        ", ",
        ". ",
        "He",
        "Nuñez",
        "Minister ",
        "officials",
        "\n\n",
        "reportedly",
        "’s statement",
        " by ",
        "-t-il ",
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=12), _PIECES), max_size=40).map("".join)


def _article(body: str) -> Article:
    return Article("p", "p.txt", None, None, None, None, "en", body)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_arbitrary_text_never_raises_and_offsets_stay_inside(body: str) -> None:
    article = _article(body)
    sentences = split_sentences(article)
    result = attribute_article(article, sentences)
    assert len(result) == len(sentences)
    for sentence, attribution in zip(sentences, result, strict=True):
        if attribution is None:
            continue
        assert attribution.kind in KINDS
        assert (attribution.speaker is None) == (attribution.speaker_id is None)
        for start, end in attribution.quotes:
            assert sentence.start <= start <= end <= sentence.end <= len(body)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_quotes_lie_inside_the_body_in_order(body: str) -> None:
    quotes = find_quotes(body)
    for q in quotes:
        assert 0 < q.start <= q.end <= len(body)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@given(st.text(max_size=60))
def test_speaker_key_is_a_slug(name: str) -> None:
    key = speaker_key(name, {"Nuñez": "Laurent Nuñez"})
    assert key == key.strip("-") and all((c.isalnum() and c.isascii()) or c == "-" for c in key)
    assert key == key.lower()
