"""Transcript turns ("VALLAUD: …"): the paragraph is its speaker's, in English and French; page clutter
in the same shape is not a speaker. Every sentence here is written for this project."""

from __future__ import annotations

import pytest

from briefgen.attribute.transcript import spoken_name, turn_label
from tests.test_attribute import FR_INTRO, INTRO, attributions

DIALOGUE = (
    "The interview was broadcast on Sunday.",
    "HOST: Minister, will the border reopen this month? Many traders are waiting.",
    "VALLAUD: We are close. The technical teams meet again on Thursday.",
    "HOST: And the visa quota?",
    "VALLAUD: That is for the next round.",
)


def _speakers(*paragraphs: str) -> dict[str, str | None]:
    return {text: (a.speaker if a is not None else None) for text, a in attributions(*paragraphs)}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            (INTRO, *DIALOGUE),
            {
                "VALLAUD: We are close.": "Karim Vallaud",  # the label names a person of the article
                "The technical teams meet again on Thursday.": "Karim Vallaud",  # the rest of the turn
                "HOST: And the visa quota?": "Host",  # a dialogue: every label is a speaker
                "Many traders are waiting.": "Host",
                "The interview was broadcast on Sunday.": None,
            },
        ),
        (  # a quotation going on over paragraphs stays in the turn
            (
                INTRO,
                "“VALLAUD: We are close. The teams meet on Thursday.",
                "“Nothing has been signed yet. But the texts are ready.”",
                "Officials in the capital expect a decision within weeks.",
            ),
            {
                "“Nothing has been signed yet. But the texts are ready.”": "Karim Vallaud",
                "Officials in the capital expect a decision within weeks.": None,
            },
        ),
        (  # French turns
            (
                FR_INTRO,
                "VALLAUD : Nous sommes proches d’un accord. Les équipes se revoient jeudi.",
                "Les négociateurs doivent se retrouver à Alger.",
            ),
            {
                "Les équipes se revoient jeudi.": "Karim Vallaud",
                "Les négociateurs doivent se retrouver à Alger.": None,
            },
        ),
        (  # page clutter shaped like a turn: one label, naming nobody
            (
                INTRO,
                "UPDATE: The talks were moved to Wednesday.",
                "Vallaud is expected to attend the closing session.",
            ),
            {"UPDATE: The talks were moved to Wednesday.": None},
        ),
        (
            (INTRO, "Note: the talks were moved to Wednesday."),
            {"Note: the talks were moved to Wednesday.": None},
        ),
    ],
)
def test_turns_and_their_paragraphs_are_the_speakers(
    paragraphs: tuple[str, ...], expected: dict[str, str | None]
) -> None:
    found = _speakers(*paragraphs)
    assert {text: found[text] for text in expected} == expected


def test_labels_and_names() -> None:
    assert turn_label("PENCE: Well, look.") == (0, 5)
    assert turn_label("“LE DRIAN : Nous verrons.") == (1, 9)
    assert turn_label("Q: When?") is None  # one letter: an interviewer's mark, nobody named
    assert turn_label("The deal: signed.") is None
    assert spoken_name("LE DRIAN") == "Le Drian"
    assert spoken_name("O’BRIEN") == "O’Brien"
