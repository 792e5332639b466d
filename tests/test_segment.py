"""Sentence splitting: cases in the manner of the Golden Rules (written here, not copied), English and
French, and the guarantees attribution relies on (verbatim offsets, never a cut inside a quotation)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.models import Article
from briefgen.segment import split_sentences
from briefgen.segment.quotes import Quoted, quote_spans


def split(text: str, lang: str = "en") -> list[str]:
    article = Article("t", "t.txt", None, None, None, None, lang, text)
    return [s.text for s in split_sentences(article)]


CASES_EN = [
    ("The envoy landed. Talks began at noon.", ["The envoy landed.", "Talks began at noon."]),
    ("Was the deal signed? Nobody knew.", ["Was the deal signed?", "Nobody knew."]),
    ("It is over! The crowd cheered.", ["It is over!", "The crowd cheered."]),
    ("He resigned. She stayed.", ["He resigned.", "She stayed."]),
    ("The report by Maria K. Olsen was late.", ["The report by Maria K. Olsen was late."]),
    ("See p. 12 of the annex.", ["See p. 12 of the annex."]),
    ("Dr. Amani met Gen. Brooks on Monday.", ["Dr. Amani met Gen. Brooks on Monday."]),
    ("Aid reached the U.N. compound first.", ["Aid reached the U.N. compound first."]),
    ("Officials from the U.S. Embassy came.", ["Officials from the U.S. Embassy came."]),
    ("The fund holds $42.50 a share.", ["The fund holds $42.50 a share."]),
    ("The fund holds $42.50. It pays monthly.", ["The fund holds $42.50.", "It pays monthly."]),
    (
        "Write to desk.officer@example.org. She replies fast.",
        ["Write to desk.officer@example.org.", "She replies fast."],
    ),
    (
        "The memo (It was leaked in May.) named two aides.",
        ["The memo (It was leaked in May.) named two aides."],
    ),
    ("He works for Boom! in the press office.", ["He works for Boom! in the press office."]),
    ("It was him and I. Did anyone else come?", ["It was him and I.", "Did anyone else come?"]),
    ("Ask Harriet B. Stowe about it.", ["Ask Harriet B. Stowe about it."]),
    ("Really?! The vote failed.", ["Really?!", "The vote failed."]),
    ("1) Close the camps 2) Reopen the border", ["1) Close the camps", "2) Reopen the border"]),
    ("1.) Close the camps 2.) Reopen the border", ["1.) Close the camps", "2.) Reopen the border"]),
    ("1. Close the camps. 2. Reopen the border.", ["1. Close the camps.", "2. Reopen the border."]),
    ("a. Close the camps b. Reopen the border", ["a. Close the camps", "b. Reopen the border"]),
    ("• 4. Close the camps • 5. Reopen the border", ["• 4. Close the camps", "• 5. Reopen the border"]),
    ("It rose to 2.5 percent in 2024. It fell later.", ["It rose to 2.5 percent in 2024.", "It fell later."]),
    ("I never said that.... He left the room.", ["I never said that....", "He left the room."]),
]

QUOTES_EN = [
    ("He looked up, “This is over.” he said.", ["He looked up, “This is over.” he said."]),
    ('He looked up, "This is over." He left.', ['He looked up, "This is over."', "He left."]),
    (
        "“We came to talk. We will leave with a deal,” the minister said.",
        ["“We came to talk. We will leave with a deal,” the minister said."],
    ),
    (
        "“We will get results on readmissions,” he told the press. Talks resume in May.",
        ["“We will get results on readmissions,” he told the press.", "Talks resume in May."],
    ),
    (
        "“Never again!” she shouted. The hall went quiet.",
        ["“Never again!” she shouted.", "The hall went quiet."],
    ),
    (
        "The aide wrote: ‘We are ready. Send the team.’ Nobody answered.",
        ["The aide wrote: ‘We are ready. Send the team.’", "Nobody answered."],
    ),
]

CASES_FR = [
    ("Le ministre est arrivé. Il a parlé.", ["Le ministre est arrivé.", "Il a parlé."]),
    ("M. Le Breton a répondu aux députés.", ["M. Le Breton a répondu aux députés."]),
    (
        "« Nous partons. Nous reviendrons », a-t-il déclaré. La séance est levée.",
        ["« Nous partons. Nous reviendrons », a-t-il déclaré.", "La séance est levée."],
    ),
    (
        "Selon lui, « la coopération est exemplaire ». Les deux pays ont signé.",
        ["Selon lui, « la coopération est exemplaire ».", "Les deux pays ont signé."],
    ),
    ("Il a démissionné. Elle reste.", ["Il a démissionné.", "Elle reste."]),
    ("Le taux atteint 3,5 %. C'est un record.", ["Le taux atteint 3,5 %.", "C'est un record."]),
]


@pytest.mark.parametrize(("text", "want"), CASES_EN + QUOTES_EN)
def test_english_cases(text: str, want: list[str]) -> None:
    assert split(text) == want


@pytest.mark.parametrize(("text", "want"), CASES_FR)
def test_french_cases(text: str, want: list[str]) -> None:
    assert split(text, "fr") == want


def test_a_blank_line_always_ends_a_sentence() -> None:
    assert split("Talks stalled\n\nA new round opened.") == ["Talks stalled", "A new round opened."]


def test_a_quotation_left_open_runs_to_the_paragraph_end_only() -> None:
    text = "“We waited for years. We will not wait again.\n\n“Now we act,” she said. Then she left."
    assert split(text) == [
        "“We waited for years. We will not wait again.",
        "“Now we act,” she said.",
        "Then she left.",
    ]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The minister’s aide didn’t reply. Aujourd’hui, rien. The envoys’ report came."
    assert split(text) == [
        "The minister’s aide didn’t reply.",
        "Aujourd’hui, rien.",
        "The envoys’ report came.",
    ]
    assert quote_spans(text) == []


def test_stray_marks_do_not_swallow_the_paragraph() -> None:
    text = "” data-x=”y” > The deal held. It was renewed."
    assert split(text)[-1] == "It was renewed."


def test_quoted_positions() -> None:
    text = 'He said "yes. no" then left.'
    quoted = Quoted(quote_spans(text))
    assert text.index("no") in quoted and 0 not in quoted and text.index("then") not in quoted


WORDS = st.sampled_from(
    [
        "He",
        "said",
        "“We",
        "act.”",
        "« Oui. »",
        "Dr.",
        "U.S.",
        "1)",
        "2)",
        "a.",
        "b.",
        "ok!",
        "\n\n",
        "’",
        '"',
        "x",
    ]
)


@given(st.lists(WORDS, max_size=40))
def test_sentences_are_trimmed_verbatim_slices_in_order(words: list[str]) -> None:
    body = " ".join(words).strip()
    article = Article("t", "t.txt", None, None, None, None, "en", body)
    sentences = split_sentences(article)
    last = 0
    for s in sentences:
        assert body[s.start : s.end] == s.text and s.text == s.text.strip() and s.start >= last
        assert "\n\n" not in s.text
        last = s.end


def test_a_superscript_before_a_stop_is_not_an_item_number() -> None:
    assert split("¹. The note ends here.") != []  # "¹" is a digit to str.isdigit, not to int()
