"""Lines an analyst can forward: dates as precise as their text, no time named only by an earlier sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.models import MemoItem
from briefgen.render.env import event_when, relative
from briefgen.select.alone import opens_alone
from briefgen.select.timeline import event_date

FRIDAY = dt.date(2026, 2, 20)


@pytest.mark.parametrize(
    ("text", "precision", "since"),
    [
        ("The ferry line was closed in April 2025 after the storm.", "month", False),
        ("The ferry line has been closed since December 2020.", "month", True),
        ("The island has had no night crossings since 2019.", "year", True),
        ("The port was rebuilt in 2024 with regional funds.", "year", False),
        ("The port reopened on March 3, 2025, after repairs.", "day", False),
    ],
)
def test_event_dates_keep_the_precision_their_text_gives(text: str, precision: str, since: bool) -> None:
    when = event_date(text, FRIDAY)
    assert when is not None and (when.precision, when.since) == (precision, since)


def test_a_year_range_is_not_read_as_a_year() -> None:
    assert event_date("The plan covers 2024-2026 and beyond.", FRIDAY) is None


def test_a_weekday_in_a_plan_is_the_coming_one() -> None:
    past = event_date("The minister travels to the island on Monday.", FRIDAY)
    ahead = event_date("The minister travels to the island on Monday.", FRIDAY, ahead=True)
    assert past is not None and past.date == dt.date(2026, 2, 16)
    assert ahead is not None and ahead.date == dt.date(2026, 2, 23)


def test_the_memo_shows_a_month_as_a_month_never_as_its_first_day() -> None:
    item = MemoItem("context", "x", (), event_date=dt.date(2025, 4, 1), event_precision="month")
    assert event_when(item) == "April 2025"
    since = MemoItem(
        "context", "x", (), event_date=dt.date(2020, 1, 1), event_precision="year", event_since=True
    )
    assert event_when(since) == "since 2020"
    day = MemoItem("context", "x", (), event_date=dt.date(2026, 2, 17))
    assert event_when(day) == "17 February 2026"


def test_only_date_words_naming_no_date_are_quoted() -> None:
    assert relative("on Tuesday") and relative("hier")
    assert not relative("in April 2025") and not relative(None)


@pytest.mark.parametrize(
    "text",
    [
        "In March of that year, the ferry operator cut its winter timetable.",
        "That year, the ferry operator cut its winter timetable.",
        "Later that month the ferry operator cut its winter timetable.",
        "The same day, the ferry operator cut its winter timetable.",
        "Le même jour, la compagnie a réduit ses horaires d'hiver.",
        "L’année suivante, la compagnie a réduit ses horaires d'hiver.",
        "Cette année-là, la compagnie a réduit ses horaires d'hiver.",
    ],
)
def test_a_time_named_only_by_an_earlier_sentence_does_not_read_alone(text: str) -> None:
    assert not opens_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "This week the ferry operator cut its winter timetable.",
        "Cette année, la compagnie réduit ses horaires d'hiver.",
        "In March 2025 the ferry operator cut its winter timetable.",
        "The operator met the same unions again on Tuesday.",
    ],
)
def test_a_time_the_sentence_names_itself_reads_alone(text: str) -> None:
    assert opens_alone(text)
