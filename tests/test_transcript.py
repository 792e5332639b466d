"""Transcript turns ("VALLAUD: …"): the paragraph is its speaker's, in English and French; page clutter
in the same shape is not a speaker. Every sentence here is written for this project."""

from __future__ import annotations

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


def test_each_turn_and_its_paragraph_are_the_speakers() -> None:
    found = _speakers(INTRO, *DIALOGUE)
    assert found["VALLAUD: We are close."] == "Karim Vallaud"  # the label names a person of the article
    assert found["The technical teams meet again on Thursday."] == "Karim Vallaud"  # the rest of the turn
    assert found["HOST: And the visa quota?"] == "Host"  # a dialogue: every label is a speaker
    assert found["Many traders are waiting."] == "Host"
    assert found["The interview was broadcast on Sunday."] is None


def test_a_quotation_going_on_over_paragraphs_stays_in_the_turn() -> None:
    found = _speakers(
        INTRO,
        "“VALLAUD: We are close. The teams meet on Thursday.",
        "“Nothing has been signed yet. But the texts are ready.”",
        "Officials in the capital expect a decision within weeks.",
    )
    assert found["“Nothing has been signed yet. But the texts are ready.”"] == "Karim Vallaud"
    assert found["Officials in the capital expect a decision within weeks."] is None


def test_french_turns() -> None:
    found = _speakers(
        FR_INTRO,
        "VALLAUD : Nous sommes proches d’un accord. Les équipes se revoient jeudi.",
        "Les négociateurs doivent se retrouver à Alger.",
    )
    assert found["Les équipes se revoient jeudi."] == "Karim Vallaud"
    assert found["Les négociateurs doivent se retrouver à Alger."] is None


def test_page_clutter_shaped_like_a_turn_is_no_speaker() -> None:
    found = _speakers(
        INTRO,
        "UPDATE: The talks were moved to Wednesday.",
        "Vallaud is expected to attend the closing session.",
    )
    assert found["UPDATE: The talks were moved to Wednesday."] is None  # one label, naming nobody
    lower = _speakers(INTRO, "Note: the talks were moved to Wednesday.")
    assert lower["Note: the talks were moved to Wednesday."] is None


def test_labels_and_names() -> None:
    assert turn_label("PENCE: Well, look.") == (0, 5)
    assert turn_label("“LE DRIAN : Nous verrons.") == (1, 9)
    assert turn_label("Q: When?") is None  # one letter: an interviewer's mark, nobody named
    assert turn_label("The deal: signed.") is None
    assert spoken_name("LE DRIAN") == "Le Drian"
    assert spoken_name("O’BRIEN") == "O’Brien"
