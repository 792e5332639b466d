"""The line model: shipped weights reproduce from the training script, and pages written here (not in
the training data) come out with their body whole and their furniture dropped, each line with a reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.ingest import parse_text, training
from briefgen.ingest.features import NAMES, page_features
from briefgen.ingest.lines import split_lines
from briefgen.models import Article


def parse(*lines: str) -> Article:
    return parse_text("\n\n".join(lines) + "\n", "p.txt", "p")


def test_shipped_weights_are_what_the_training_script_gives() -> None:
    shipped = json.loads(training.MODEL.read_text(encoding="utf-8"))
    fresh = training.train()
    assert shipped["features"] == fresh["features"] == list(NAMES)
    assert shipped["trained_on"] == fresh["trained_on"]
    for part in ("body", "title"):
        assert shipped[part]["bias"] == pytest.approx(fresh[part]["bias"], abs=1e-5)
        assert shipped[part]["weights"] == pytest.approx(fresh[part]["weights"], abs=1e-5)


def test_every_line_gets_one_value_per_feature() -> None:
    lines = split_lines("Home | World\n\nA headline here\n\nThe minister resigned on Monday, aides said.\n")
    assert [len(row) for row in page_features(lines, "en")] == [len(NAMES)] * 3


BODY_EN = [
    "The coastguard intercepted two boats carrying 140 people off the southern coast on Sunday, the interior ministry said in a statement.",
    "He resigned.",
    "“We will not stop the patrols,” the minister told reporters at the port, adding that more boats would be sent.",
    "The patrols resume on Tuesday.",
    "Rights groups said the interceptions put lives at risk and called for an inquiry into the operation.",
]
FURNITURE_EN = [
    "Main menu",
    "News | Region | Economy | Sport",
    "- 09:12 Flights cancelled as strike spreads",
    "- 08:47 Court delays ruling on fishing licences",
    "Sign in to post a comment",
    "Comments are disabled on this story.",
    "Advertise with us",
    "47% of this article left to read",
    "Boats moored in the harbour at dusk",
    "Ask our assistant anything about this article",
]


def test_english_page_keeps_its_body_whole_and_drops_the_furniture() -> None:
    a = parse(FURNITURE_EN[0], FURNITURE_EN[1], "Coastguard Intercepts Two Boats Off the South Coast",
              BODY_EN[0], FURNITURE_EN[8], BODY_EN[1], FURNITURE_EN[4], FURNITURE_EN[7], BODY_EN[2],
              FURNITURE_EN[6], BODY_EN[3], BODY_EN[4], FURNITURE_EN[5], FURNITURE_EN[2], FURNITURE_EN[3],
              FURNITURE_EN[9])  # fmt: skip
    assert a.paragraphs == tuple(BODY_EN)
    assert a.title == "Coastguard Intercepts Two Boats Off the South Coast"
    shown = {d.text for d in a.dropped} | {h for _, h in a.headings}
    assert set(FURNITURE_EN) <= shown
    assert all(d.reason for d in a.dropped)


BODY_FR = [
    "Les garde-côtes ont intercepté dimanche deux embarcations transportant 140 personnes au large de la côte sud, a indiqué le ministère de l'Intérieur.",
    "Il a démissionné.",
    "« Nous ne suspendrons pas les patrouilles », a déclaré le ministre devant la presse, ajoutant que d'autres bateaux seraient envoyés.",
    "Les patrouilles reprennent mardi.",
    "Des associations ont dénoncé des interceptions qui mettent des vies en danger et réclamé une enquête.",
]
FURNITURE_FR = [
    "Accueil > Monde > Afrique",
    "Publié le 14 mars 2026 à 09h12",
    "Temps de lecture : 2 min",
    "Il vous reste 60 % de cet article à lire",
    "Connectez-vous pour réagir",
    "Des bateaux amarrés dans le port au crépuscule",
    "Sur le même sujet",
    "Lire aussi : Les départs reprennent depuis la côte",
]


def test_french_page_keeps_its_body_whole_and_drops_the_furniture() -> None:
    a = parse(FURNITURE_FR[0], "Les garde-côtes interceptent deux embarcations au large du sud",
              FURNITURE_FR[1], FURNITURE_FR[2], BODY_FR[0], FURNITURE_FR[5], BODY_FR[1], BODY_FR[2],
              FURNITURE_FR[3], BODY_FR[3], FURNITURE_FR[7], BODY_FR[4], FURNITURE_FR[4], FURNITURE_FR[6])  # fmt: skip
    assert a.paragraphs == tuple(BODY_FR)
    assert a.lang == "fr"
    assert a.title == "Les garde-côtes interceptent deux embarcations au large du sud"
    shown = {d.text for d in a.dropped} | {h for _, h in a.headings}
    assert set(FURNITURE_FR) <= shown


@pytest.mark.parametrize(
    "short",
    [
        "He resigned.",
        "Nobody knew why.",
        "It worked.",
        "Il a démissionné.",
        "Elle reste.",
        "Talks resume today.",
    ],
)
def test_short_sentences_and_one_line_paragraphs_stay_body(short: str) -> None:
    a = parse(BODY_EN[0], short, BODY_EN[4])
    assert short in a.paragraphs


def test_a_page_that_is_only_body_loses_nothing() -> None:
    a = parse(*BODY_EN)
    assert a.paragraphs == tuple(BODY_EN) and not a.dropped


LINES = st.sampled_from(
    BODY_EN + BODY_FR + FURNITURE_EN + FURNITURE_FR + ["© 2026 Kelo Press. All rights reserved."]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12))
def test_a_line_is_never_half_dropped(lines: list[str]) -> None:
    a = parse(*lines)
    for paragraph in a.paragraphs:
        assert any(line.endswith(paragraph) for line in lines)  # whole, or less an opening dateline only
    kept = set(a.paragraphs) | {d.text for d in a.dropped} | {h for _, h in a.headings} | {a.title}
    assert all(line in kept or any(line.endswith(p) for p in a.paragraphs) for line in lines)
