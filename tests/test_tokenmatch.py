"""The French word pattern matched by parts (``briefgen.attribute.tokenmatch``): the same answers as the
whole pattern, on patterns written here and on spaCy's own when it is installed."""

from __future__ import annotations

import importlib.util
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.attribute import tokenmatch
from briefgen.attribute.tokenmatch import SplitPattern, requirements, split, split_long_patterns

LETTERS = "a-zàâçéèêëîïôûùüÿœ"
PARTS = [
    f"^anti[-‐][{LETTERS}]+$",
    f"^porte[-‐][{LETTERS}]+$",
    f"^[ée]lectro[-‐][{LETTERS}]*$",
    f"^sa?inte?s?[-‐][{LETTERS}]+$",
    f"^r?é?entr['’][{LETTERS}][{LETTERS}'’-]*$",
    f"^bas(?:ses?)?[-‐][{LETTERS}]+$",
    f"^[{LETTERS}]+[-‐]l[èe]s?[-‐](?:l['’])?[{LETTERS}]+$",
    f"^droits?[-‐]de[-‐]l'homm[{LETTERS}]+$",
    f"^pro(?:cès|to)?[-‐][{LETTERS}]+$",
]
PATTERN = "(?iu)" + "|".join(f"(?:{p})" for p in PARTS)
WHOLE = re.compile(PATTERN).match
WORDS = (
    "anti-européen ANTI-Européen anti porte-parole Porte-Avions électro-ménager Electro-choc "
    "saint-denis Sainte-Anne sint-x santes-y entr'ouvert rentr'ouvert réentr’acte entr-ouvert "
    "bas-côté basses-cours basse-ville côte-le-bas pied-les-l'eau arc-lès-gray droits-de-l'hommes "
    "droit-de-l'homme pro-européen procès-verbal proto-langue prot-x ſaint-denis a-t-il l'accord"
).split()


def test_the_parts_of_a_pattern_answer_as_the_whole_on_written_words() -> None:
    pattern = split(PATTERN)
    assert pattern is not None
    assert [w for w in WORDS if bool(pattern.match(w)) != bool(WHOLE(w))] == []
    assert sum(bool(WHOLE(w)) for w in WORDS) >= 15  # the words test both answers


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_word_an_alternative_matches_is_matched(data: st.DataObject) -> None:
    part = data.draw(st.sampled_from(PARTS))
    word = data.draw(st.from_regex(re.compile(part.replace("$", r"\Z"), re.IGNORECASE), fullmatch=True))
    pattern = split(PATTERN)
    assert pattern is not None and bool(pattern.match(word)) == bool(WHOLE(word))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbdeEéÉlLnoprstiIıſ-‐'’ ", max_size=14))
def test_any_word_gets_the_answer_of_the_whole_pattern(word: str) -> None:
    pattern = split(PATTERN)
    assert pattern is not None and bool(pattern.match(word)) == bool(WHOLE(word))


def test_what_every_match_must_contain() -> None:
    start, needs = requirements("(?:^sa?inte?s?[-‐][a-z]+$)")
    assert start == {"s"} and needs == [{"s"}, {"int"}, {"-", "‐"}]
    start, needs = requirements("(?:^[ée]lectro[-‐][a-z]*$)")
    assert start == {"électro-", "electro-", "électro‐", "electro‐"}
    assert requirements("(?:^(?:re)?doubles?[-][a-z]+$)")[0] == frozenset()


def test_only_long_alternations_are_split_and_re_compile_comes_back() -> None:
    real = re.compile
    padded = PATTERN + "|(?:^" + "x" * tokenmatch.LONG + "$)"
    with pytest.raises(KeyError), split_long_patterns():
        assert isinstance(re.compile(padded), SplitPattern)
        assert isinstance(re.compile("^anti-"), re.Pattern)  # short
        assert isinstance(re.compile("^a|b" * tokenmatch.LONG), re.Pattern)  # not anchored parts
        raise KeyError
    assert re.compile is real
    found = split(padded)
    assert (
        found is not None
        and found.search("anti-x")
        and not found.search("x anti-x")
        and found.pattern == padded
    )


def test_a_word_is_answered_once_and_a_pattern_split_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert split(PATTERN) is split(PATTERN)  # spaCy compiles it at import and again when loading
    pattern = split.__wrapped__(PATTERN)
    assert pattern is not None
    calls = []
    match = pattern._match
    monkeypatch.setattr(pattern, "_match", lambda w: calls.append(w) or match(w))
    assert pattern.match("porte-parole") and pattern.match("porte-parole")
    assert calls == ["porte-parole"]


@pytest.mark.skipif(importlib.util.find_spec("fr_core_news_sm") is None, reason="French pipeline missing")
def test_the_french_pipeline_tokenizes_as_with_spacys_whole_pattern() -> None:
    from briefgen.attribute.syntax import pipeline

    nlp = pipeline("fr")
    assert nlp is not None
    split_match = nlp.tokenizer.token_match
    assert isinstance(split_match.__self__, SplitPattern)
    text = (
        "Le porte-parole a-t-il dit aujourd'hui que les États-Unis, l'Union et le Val-de-Marne, "
        "selon le communiqué, entr'ouvrent la porte au quatre-vingt-deuxième prud'homme du "
        "Saint-Laurent ? « C'est peut-être un black-out », a-t-elle ajouté, vis-à-vis du sud-ouest."
    )
    words = sorted({w for w in re.split(r"[\s,«»?.]+", text) if w})
    whole = re.compile(split_match.__self__.pattern).match
    assert [w for w in words if bool(split_match(w)) != bool(whole(w))] == []
    split_tokens = [t.text for t in nlp.tokenizer(text)]
    nlp.tokenizer.token_match = whole
    try:
        assert [t.text for t in nlp.tokenizer(text)] == split_tokens
    finally:
        nlp.tokenizer.token_match = split_match
