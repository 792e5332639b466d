"""Sources the clause readers and the parse name since issue 13's recall work: participle adjuncts read
from the parse, agent nouns and "-ly" nouns as heads, lists of people. Every sentence is written here."""

from __future__ import annotations

import pytest

from briefgen.attribute.speakers import np_shape
from tests.test_attribute import FR_INTRO, INTRO, attributions, one

TALVIK = "Deputy Prime Minister Ivo Talvik of Norland arrived in Veloria on Monday for two days of talks."


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A Veloria judge has rejected a request to open the court file on the deal, saying the courts "
            "have no business deciding what the public may read.",
            "A Veloria judge",
        ),
        ("Supporters of the accord have also questioned the timing of the vote.", "Supporters"),
        ("The family has called on the police to release the video.", "The family"),
        ("Lawyers for the family said the video should be released.", "Lawyers for the family"),
    ],
)
def test_english_sources_named_by_the_parse_and_the_noun_phrase_readers(sentence: str, speaker: str) -> None:
    a = one(sentence, TALVIK)
    assert a is not None and a.speaker == speaker, a


EN, FR = (INTRO, TALVIK), (FR_INTRO,)


@pytest.mark.parametrize(
    ("sentence", "context", "speaker"),
    [
        # a participle saying what someone is charged with or called shares its verb's subject
        (
            "Ivo Talvik spoke for an hour in the chamber, accusing the harbour board of hiding the figures.",
            EN,
            "Ivo Talvik",
        ),
        (
            "Ivo Talvik closed the session early, calling the proposed levy a betrayal of the fishing towns.",
            EN,
            "Ivo Talvik",
        ),
        # an "as" / "comme" clause frames the sentence as its speaker's
        ("The strait, as Ivo Talvik pointed out, rarely freezes before January.", EN, "Ivo Talvik"),
        (
            "As Ivo Talvik pointed out in his opening remarks, the strait rarely freezes before January.",
            EN,
            "Ivo Talvik",
        ),
        ("Comme l'a rappelé Karim Vallaud, la frontière reste fermée depuis 1994.", FR, "Karim Vallaud"),
        ("Comme le soulignait Karim Vallaud en juin, la frontière reste fermée.", FR, "Karim Vallaud"),
        # "l'", "le", "lui" before the verb are its object, not an article
        ("Comme Karim Vallaud l'a rappelé, la frontière reste fermée.", FR, "Karim Vallaud"),
        ("Karim Vallaud lui a dit que la frontière resterait fermée.", FR, "Karim Vallaud"),
    ],
)
def test_participles_frames_and_object_pronouns_name_the_speaker(
    sentence: str, context: tuple[str, ...], speaker: str
) -> None:
    a = one(sentence, *context)
    assert a is not None and a.speaker == speaker, a


def test_a_comme_frame_keeps_the_verbs_class() -> None:
    assert one("Comme le souhaitait Karim Vallaud, la frontière reste fermée.", FR_INTRO) is None  # a wish


def test_french_participle_with_its_clause_shares_the_subject() -> None:
    a = one("Karim Vallaud a rejeté la demande, affirmant que la procédure était irrégulière.", FR_INTRO)
    assert a is not None and a.speaker == "Karim Vallaud", a


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland has expanded its naval patrols, underscoring the growing importance of the strait.",
        "Talvik declined to say whether the patrols would continue.",
        "Talvik will announce the new patrols on Friday, officials close to the talks expect.",
        "As Ivo Talvik pointed out the error, the clerk corrected the figures.",  # an object: no gap
        "As soon as Ivo Talvik pointed out, the clerk corrected the figures.",  # "as" of time
        "The fleet, such as Ivo Talvik pointed out, is old.",
    ],
)
def test_a_participle_without_a_clause_and_what_was_not_said_are_not_statements(sentence: str) -> None:
    assert one(sentence, INTRO, TALVIK) is None


def test_a_cue_form_of_a_word_mostly_used_otherwise_is_a_cue() -> None:
    """ "stated" is a cue although "state" is mostly a noun: the lexicon keeps such forms alone."""
    a = one("The text of the proclamation stated that the border would reopen in May.", TALVIK)
    assert a is not None and a.cue == "stated", a
    assert one("The two states of the federation have reopened the border.", TALVIK) is None


def test_a_quotation_or_a_post_signed_with_a_dash_and_a_name_is_the_name_s() -> None:
    found = dict(attributions("“The border must stay open for the harvest.” ― Ana Ruiz"))
    signed = [a for a in found.values() if a is not None]
    assert [(a.speaker, a.kind) for a in signed] == [("Ana Ruiz", "direct")], found
    post = one("Rules are made to be broken https://t.co/abc — Ana Ruiz (@anaruiz) June 2, 2016.", TALVIK)
    assert post is not None and post.speaker == "Ana Ruiz", post


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks — and the vote — went well.",
        "“Never again” — a slogan.",
        "The harvest came early this year — Norland.",
        "Talvik declined to say more — about the border.",
    ],
)
def test_a_dash_without_a_quotation_or_a_name_signs_nothing(sentence: str) -> None:
    assert one(sentence, TALVIK) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Nearly six of 10 voters say the new levy is unfair.", "Nearly six of 10 voters"),
        ("Those close to the envoy say that he will stay until the vote.", "Those close to the envoy"),
        ("To settle the matter, the auditors turned to the Veloria Port Authority which reported “412 "
         "inspections” in the first quarter.", "Veloria Port Authority"),
        ("“The border stays open. We will not close it,” Talvik, the deputy prime minister, said on Monday "
         "in Veloria.", "Ivo Talvik"),
    ],
)  # fmt: skip
def test_subjects_with_a_name_at_their_end_a_quantity_a_demonstrative_a_relative_or_a_quotation_before(
    sentence: str, speaker: str
) -> None:
    a = one(sentence, TALVIK)
    assert a is not None and a.speaker == speaker, a


@pytest.mark.parametrize(
    ("phrase", "head", "unnamed"),
    [
        ("a reporter for Veloria Today", "reporter", False),  # a name's last word, not "today"
        ("most of the delegates", "delegates", False),
        ("those familiar with the talks", "those", True),
    ],
)
def test_noun_phrase_heads(phrase: str, head: str, unnamed: bool) -> None:
    mention = np_shape(phrase)
    assert mention is not None and (mention.head, mention.unnamed) == (head, unnamed), mention
    assert np_shape("the new levy on Monday") is None  # a weekday is no name


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Talvik added, “The patrols will continue through the winter.”", "added"),
        ("The patrols, Talvik added, are a matter for the coast guard alone.", "added"),
        ("The talks achieved “very little,” Talvik added on Monday.", "added"),
        ("Most economists suspect the levy was set too high.", "suspect"),
    ],
)
def test_a_complement_set_off_by_a_comma_or_a_clause_without_that_is_what_was_said(
    sentence: str, cue: str
) -> None:
    a = one(sentence, TALVIK)
    assert a is not None and a.cue == cue, a


@pytest.mark.parametrize(
    "sentence",
    [
        "Talvik added a note of caution about the harvest.",
        "Most economists suspect foul play.",
        "« Nous resterons », a indiqué le ministre au Mali.",
    ],
)
def test_a_complement_verb_without_what_was_said_is_not_a_statement(sentence: str) -> None:
    a = one(sentence, TALVIK)
    assert a is None or a.cue not in {"added", "suspect"}, a


def test_a_line_ending_in_a_colon_is_a_lead_in_not_a_headline() -> None:
    found = dict(attributions(TALVIK, "Talvik said:", "“The border stays open for the harvest.”"))
    lead = [a for a in found.values() if a is not None and a.cue == "said"]
    assert lead and lead[0].speaker == "Ivo Talvik", found


def test_a_surname_two_full_names_share_is_the_first_written_one_in_every_process() -> None:
    import os
    import subprocess
    import sys

    body = (
        "Eva Ruiz said the ferry would sail on time. Ana Ruiz said the strike would go on. Ruiz added more."
    )
    code = f"from briefgen.attribute.resolve import ArticleIndex; print(ArticleIndex({body!r}).surnames)"
    seen = set()
    for seed in range(6):  # the names tie (one mention each, same length): string hashing must not decide
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        seen.add(done.stdout.strip())
    assert seen == {"{'ruiz': 'Eva Ruiz'}"}
