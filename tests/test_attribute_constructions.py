"""The learned attribution stage on constructions the old phrase lists missed, English and French, with the
negatives a memo must not count. Every sentence here is written for this project."""

from __future__ import annotations

import pytest

from briefgen.attribute.nouns import is_nominal
from tests.test_attribute import FR_INTRO, INTRO, attributions, one

TALVIK = "Deputy Prime Minister Ivo Talvik of Norland arrived in Veloria on Monday for two days of talks."


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Deputy Prime Minister Ivo Talvik said, “We agreed on a timetable.”", "Ivo Talvik"),
        ("The report said that returns had fallen by a third.", "The report"),
        ("In a letter to parliament, the minister asked for more time.", "Ivo Talvik"),
        ("Talvik lambasted the decision as reckless.", "Ivo Talvik"),
        ("Talvik cautioned that the timetable could still slip.", "Ivo Talvik"),
        ("Talvik conceded that the first round had failed.", "Ivo Talvik"),
        ("As Talvik put it, the border will stay open.", "Ivo Talvik"),
        ("The ministry’s spokeswoman stressed that no date had been set.", "The ministry’s spokeswoman"),
        ("Talvik, who leads the northern delegation, told reporters that talks went well.", "Ivo Talvik"),
        ("The appeals court ruled that the new quotas broke the treaty.", "The appeals court"),
        ("Talvik quipped that the ferry was older than the treaty.", "Ivo Talvik"),
        ("Talvik downplayed the risk of a walkout.", "Ivo Talvik"),
    ],
)
def test_english_constructions_name_their_source(sentence: str, speaker: str) -> None:
    a = one(sentence, TALVIK)
    assert a is not None and a.speaker == speaker, a


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("La note précise que les retours ont baissé de moitié.", "La note"),
        ("Le ministre a fustigé une décision « irresponsable ».", "Karim Vallaud"),
        ("Vallaud a martelé que la coopération reprendrait.", "Karim Vallaud"),
        ("Pour le ministre Karim Vallaud, la frontière restera ouverte.", "Karim Vallaud"),
        ("C’est ce qu’a affirmé mardi le ministre Karim Vallaud.", "Karim Vallaud"),
        (
            "« Il n’y aura pas de retour en arrière », a averti mardi à Alger le ministre de l’Intérieur Karim Vallaud.",
            "Karim Vallaud",
        ),
        (
            "La coopération reprendra en mai, a déclaré, mercredi, le ministre de l’Intérieur, Karim Vallaud, à Alger.",
            "Karim Vallaud",
        ),
    ],
)
def test_french_constructions_name_their_source(sentence: str, speaker: str) -> None:
    a = one(sentence, FR_INTRO)
    assert a is not None and a.speaker == speaker, a


def test_it_speaks_for_the_body_or_document_named_just_before() -> None:
    found = dict(
        attributions("The ministry issued a statement on Monday.", "It said the talks would resume in May.")
    )
    assert found["The ministry issued a statement on Monday."] is None
    it = found["It said the talks would resume in May."]
    assert it is not None and it.speaker == "The ministry" and it.as_written == "It"


def test_an_it_with_nothing_before_it_names_nobody() -> None:
    assert one("It said the talks would resume in May.") is None


def test_a_quotation_split_before_its_speaker_is_attributed_whole() -> None:
    found = attributions(INTRO, "“It is over. We are done,” Vallaud said.")
    quoted = [(text, a) for text, a in found if text != INTRO]
    assert "It is over." in quoted[0][0] and "Vallaud said" in quoted[-1][0]  # one sentence or two
    assert all(a is not None and a.speaker == "Karim Vallaud" for _, a in quoted)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talvik declined to say whether talks would resume.",
        "The so-called border deal was never signed.",
        "Talvik will announce the new rules on Friday.",
        "Talvik is expected to announce the new rules on Friday.",
        "Talvik could say more after the summit.",
        "Much will depend on how the two governments respond to the offer.",
        "Norland responded by expelling two diplomats.",
        "For Norland, the stakes are high.",
        "The plan emphasizes training and joint patrols.",
        "These agreements underscore the depth of the partnership.",
        "Norland signalled support for the rebels.",
        "The company added two new routes this year.",
        "The northern delegation did not immediately respond to requests for comment.",
        "Norland's new rules on transit visas take effect in May.",
    ],
)
def test_english_non_attributions(sentence: str) -> None:
    assert one(sentence, TALVIK) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "La ministre annoncera les nouvelles règles vendredi.",
        "Le ministre n’a pas confirmé la date du sommet.",
        "L’agence a publié un bilan, sans mentionner les retours.",
        "Les coûts s’ajoutent aux frais de transport.",
        "Alger a tenté de réaffirmer sa position sur les visas.",
        "Pour la première fois, les deux pays ont signé un accord.",
    ],
)
def test_french_non_attributions(sentence: str) -> None:
    assert one(sentence, FR_INTRO) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Ivo Talvik, appointed in March, has long been wary of the scheme, arguing that the costs were never counted.",
            "Ivo Talvik",
        ),
        (
            "Karim Vallaud, nommé en mars, s’est montré réservé sur le calendrier, estimant que les délais étaient trop courts.",
            "Karim Vallaud",
        ),
    ],
)
def test_a_participle_shares_the_subject_of_its_main_clause(sentence: str, speaker: str) -> None:
    a = one(sentence, TALVIK, FR_INTRO)
    assert a is not None and a.speaker == speaker and a.cue in {"arguing", "estimant"}, a


def test_a_paragraph_cut_short_is_a_sentence_and_a_short_unstopped_line_a_headline() -> None:
    cut = (
        "Ivo Talvik also stressed the “exemplary” cooperation between the two police forces, recalling the "
        "joint patrols and the shared database that had made the dismantling of"
    )
    found = dict(attributions(TALVIK, "Talvik stressed the value of the talks", cut))
    assert found["Talvik stressed the value of the talks"] is None  # alone, unstopped, short: a headline
    assert found[cut] is not None and found[cut].speaker == "Ivo Talvik"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("For now, diplomats on both sides portray the accord as a modest reset.", "diplomats on both sides"),
        ("Les deux gouvernements présentent l’accord comme un nouveau départ.", "Les deux gouvernements"),
    ],
)
def test_a_framing_verb_with_its_subject_and_its_as_is_a_statement(sentence: str, speaker: str) -> None:
    a = one(sentence)
    assert a is not None and a.speaker == speaker, a


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord was presented in the capital on Monday.",
        "The current trajectory suggests that the two capitals will grow closer.",
    ],
)
def test_a_framing_verb_without_its_frame_and_an_abstract_subject_are_not_statements(sentence: str) -> None:
    assert one(sentence) is None


def test_a_body_anchored_to_a_name_is_a_source_a_parse_may_name() -> None:
    a = one(
        "Le 3 mars 2024, le consulat général de Norlande à Veloria indiquait que les visas seraient réduits."
    )
    assert a is not None and a.speaker == "le consulat général de Norlande à Veloria", a


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Talvik believes that the border will reopen by March.", "Ivo Talvik"),
        ("Talvik considers the deal a “historic mistake”.", "Ivo Talvik"),
        ("Le syndicat considère la réforme comme une « atteinte aux droits des marins ».", "Le syndicat"),
    ],
)
def test_a_belief_reported_as_said_is_a_statement(sentence: str, speaker: str) -> None:
    """A clause after the belief verb, or the source's own quoted words, make it a statement."""
    a = one(sentence, TALVIK)
    assert a is not None and a.speaker == speaker, a


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland has long backed the rebels and views the annexation of the valley as an occupation.",
        "Le Norland considère depuis longtemps l’annexion de la vallée comme une occupation.",
    ],
)
def test_a_belief_the_writer_ascribes_without_a_clause_or_a_quotation_is_not(sentence: str) -> None:
    assert one(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "intro", "speaker"),
    [
        ("The council issued a statement calling the test a clear violation.", INTRO, "The council"),
        ("Vallaud made the following comment:", INTRO, "Karim Vallaud"),
        ("Le ministère a publié un communiqué dénonçant une provocation.", FR_INTRO, "Le ministère"),
    ],
)
def test_a_speech_noun_its_verb_issues_is_its_subjects_statement(
    sentence: str, intro: str, speaker: str
) -> None:
    a = one(sentence, intro)
    assert a is not None and a.speaker == speaker, a


@pytest.mark.parametrize(
    ("sentence", "intro"),
    [
        ("Vallaud did not issue a statement after the meeting.", INTRO),
        ("The ministry is expected to release a statement on Friday.", INTRO),
        ("Le ministère n'a pas publié de communiqué.", FR_INTRO),
        ("Le ministère va publier un communiqué vendredi.", FR_INTRO),
    ],
)
def test_a_statement_not_issued_or_yet_to_come_is_no_attribution(sentence: str, intro: str) -> None:
    assert one(sentence, intro) is None


def test_a_french_preposition_opening_a_sentence_is_no_part_of_a_name() -> None:
    found = dict(
        attributions(
            "Pour Adel Boukhari, la coopération doit reprendre.",
            "Boukhari a ajouté que les discussions reprendraient lundi.",
        )
    )
    for a in found.values():
        assert a is not None and a.speaker == "Adel Boukhari", a


def test_a_gerund_framed_by_a_preposition_shares_its_verbs_subject() -> None:
    a = one("Vallaud opened the session by warning that the border would stay closed.", INTRO)
    assert a is not None and a.speaker == "Karim Vallaud", a
    for unsaid in (
        "Vallaud left the room without saying a word.",  # without: nothing said
        "Vallaud will open the session by warning that the border stays closed.",  # yet to come
        "The council has two ways to act: by asking the court to rule, or by waiting.",  # a description
    ):
        assert one(unsaid, INTRO) is None, unsaid


@pytest.mark.parametrize(
    ("before", "cue", "noun"),
    [("did not respond to ", "requests", True), ("in response to ", "comments", True),
     ("wants to ", "address", False), ("agreed to ", "focus", False), ("had to ", "concede", False)],
)  # fmt: skip
def test_a_cue_with_an_s_after_to_is_a_noun_an_infinitive_is_not(before: str, cue: str, noun: bool) -> None:
    assert is_nominal(before, cue, 0.0) is noun
