"""Metadata read from a page's own lines: the headline, the date (every stated form, English and French,
never a relative one) and the publisher (credits, mastheads, sign-offs; never a weekday, a section label,
a breadcrumb or a person)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.ingest import parse_text
from briefgen.ingest.meta import find_date, leading_stamp
from briefgen.models import Article

LEDE = "The two governments agreed on Tuesday to restart a joint working group on border security, officials said."
SECOND = (
    "The group will meet every three months and report to both interior ministries, according to a statement."
)
LEDE_FR = "Les deux gouvernements ont convenu mardi de relancer un groupe de travail commun sur la sécurité des frontières."
SECOND_FR = "Le groupe se réunira tous les trois mois et rendra compte aux deux ministères de l'Intérieur, selon un communiqué."


def parse(*lines: str) -> Article:
    return parse_text("\n\n".join(lines) + "\n", "p.txt", "p")


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("By Amina Ruiz and Paul Brandt, Kelo Press", "Kelo Press"),
        ("From The Harbour Gazette with agencies", "The Harbour Gazette"),
        ("Source: Tamarak", "Tamarak"),
        ("The Coastal Times", "The Coastal Times"),
        ("By Lena Ortiz, Meridian News Reporter", "Meridian News"),
    ],
)
def test_publisher_from_a_credit_under_the_headline(credit: str, outlet: str) -> None:
    a = parse("Border Talks Resume After Long Freeze", credit, LEDE, SECOND)
    assert a.publisher == outlet
    assert a.title == "Border Talks Resume After Long Freeze"


def test_publisher_from_a_sign_off_and_not_from_a_person() -> None:
    assert parse("Border Talks Resume After Long Freeze", LEDE, SECOND, "KANTAI").publisher == "KANTAI"
    assert parse("Border Talks Resume After Long Freeze", "Mira Solberg", LEDE, SECOND).publisher is None
    assert (
        parse("Border Talks Resume After Long Freeze", "By Mark Oyelowo, Security Editor", LEDE).publisher
        is None
    )


def test_publisher_never_a_weekday_a_section_label_or_a_breadcrumb() -> None:
    a = parse(
        "Wednesday, January 7, 2026",
        "World",
        "Home | World | Africa",
        "Border Talks Resume After Long Freeze",
        LEDE,
        SECOND,
    )
    assert a.publisher is None


def test_masthead_above_the_headline() -> None:
    a = parse(
        "CoastWatchReview",
        "• Home",
        "• Region",
        "Border Talks Resume After Long Freeze",
        "March 4, 2026",
        LEDE,
        SECOND,
    )
    assert a.publisher == "CoastWatchReview"
    assert a.title == "Border Talks Resume After Long Freeze"


def test_the_date_under_the_headline_beats_a_sites_date_of_the_day() -> None:
    a = parse(
        "Wednesday, January 7, 2026",
        "Border Talks Resume After Long Freeze",
        "December 18, 2025",
        LEDE,
        SECOND,
    )
    assert a.date == dt.date(2025, 12, 18)


def test_date_after_a_standfirst() -> None:
    a = parse("Border Talks Resume After Long Freeze", LEDE, "Feb 02, 2026 (10:31 GMT)", SECOND)
    assert a.date == dt.date(2026, 2, 2)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Publié le 14 mars 2026 à 10h04", dt.date(2026, 3, 14)),
        ("Mis à jour le 1er août 2025", dt.date(2025, 8, 1)),
        ("mercredi 4 février 2026", dt.date(2026, 2, 4)),
        ("Publié le 14/02/2026 à 18:30", dt.date(2026, 2, 14)),
        ("Il y a 3 heures", None),
        ("Publié il y a 12 minutes", None),
    ],
)
def test_french_header_dates(line: str, date: dt.date | None) -> None:
    a = parse("Les frontières rouvrent après un long gel", line, LEDE_FR, SECOND_FR)
    assert a.lang == "fr" and a.date == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Sat 14 Nov 2025 | 07:46 PM", dt.date(2025, 11, 14)),
        ("Updated: 12 March 2026, 09:12 GMT", dt.date(2026, 3, 12)),
        ("2026-03-12T10:04:00Z", dt.date(2026, 3, 12)),
        ("12/25/2025", dt.date(2025, 12, 25)),
        ("03/04/2026", None),  # March or April: no date rather than a wrong one
        ("Published 46 minutes ago", None),
        ("1 day ago", None),
    ],
)
def test_english_header_dates(line: str, date: dt.date | None) -> None:
    assert parse("Border Talks Resume After Long Freeze", line, LEDE, SECOND).date == date


def test_a_crawlers_stamp_states_a_date_and_how_precise_it_is() -> None:
    a = parse_text(" date 2024-10 " + LEDE + "\n\n" + SECOND + "\n", "p.txt", "p")
    assert (a.date, a.date_precision) == (dt.date(2024, 10, 1), "month")
    assert a.paragraphs == (LEDE, SECOND)
    assert ("date 2024-10", "stamp") in [(d.text, d.reason) for d in a.dropped]
    stamp = leading_stamp("date 2025-08-06 Headline")
    assert stamp is not None and (stamp.date, stamp.precision) == (dt.date(2025, 8, 6), "day")
    assert leading_stamp("The date 2025-08-06 was set.") is None


def test_numeric_dates_follow_the_language() -> None:
    assert find_date("14.02.2026", "fr") == (dt.date(2026, 2, 14), 0, 10)
    assert find_date("02/03/2026", "fr") is not None and find_date("02/03/2026", "en") is None


def test_a_sites_suffix_leaves_the_title() -> None:
    a = parse("Border Talks Resume After Long Freeze – Politics", LEDE, SECOND)
    assert a.title == "Border Talks Resume After Long Freeze"
    kept = parse("Border Talks Resume After Long Freeze – Analysis of the Talks", LEDE, SECOND)
    assert kept.title == "Border Talks Resume After Long Freeze – Analysis of the Talks"
