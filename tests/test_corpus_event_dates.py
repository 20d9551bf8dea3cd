"""Event dates read from a quote's context: "in 2005", "on Monday", "last week"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drift.corpus.dates import date_range, event_dates

DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2040, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize(
    ("context", "published", "expected"),
    [
        ("In 2005, Putin called it “a catastrophe”.", "2022-02-22", ("2005-01-01", "2005-12-31")),
        ("Peskov said on Tuesday that “talks go on”.", "2022-03-02", ("2022-03-01", "2022-03-01")),
        ("Lavrov said last week “we are ready”.", "2022-03-02", ("2022-02-21", "2022-02-27")),
        ("He said in April 2005 “by 2030 we win”.", "2022-04-02", ("2005-04-01", "2005-04-30")),
        ("Lavrov said on 30 March 2022 that “...”", "2022-04-02", ("2022-03-30", "2022-03-30")),
        ("No date here, he said “fine”.", "2022-02-02", None),
        ("He said on Monday “fine”.", "", None),  # a weekday needs the publication date
    ],
)
def test_event_dates(context: str, published: str, expected: tuple[str, str] | None) -> None:
    assert event_dates(context, published) == expected


def test_a_year_inside_the_quote_is_not_when_it_was_said() -> None:
    quote = "by 2030 we will have won"
    assert event_dates(f"Putin said “{quote}”.", "2022-04-02", quote) is None


@given(DAYS, st.text(max_size=80))
def test_ranges_are_ordered_and_never_after_publication(published: dt.date, text: str) -> None:
    found = event_dates(text, published.isoformat())
    if found is not None:
        first, last = (dt.date.fromisoformat(d) for d in found)
        assert first <= last <= published


@given(DAYS, st.integers(1950, 2040))
def test_in_year_covers_that_year(published: dt.date, year: int) -> None:
    found = event_dates(f"Lavrov said in {year} that “we will win”.", published.isoformat())
    if year > published.year:
        assert found is None  # no statement is reported before it is made
    else:
        assert found is not None and found[0] == f"{year}-01-01"
        assert found[1] == min(dt.date(year, 12, 31), published).isoformat()


@given(DAYS, st.sampled_from(WEEKDAYS))
def test_on_weekday_is_that_weekday_of_the_past_week(published: dt.date, weekday: str) -> None:
    found = event_dates(f"Peskov said on {weekday} that “no”.", published.isoformat())
    assert found is not None and found[0] == found[1]
    day = dt.date.fromisoformat(found[0])
    assert day.strftime("%A") == weekday and 0 <= (published - day).days <= 6


@given(DAYS)
def test_date_range_round_trips_full_and_partial_dates(day: dt.date) -> None:
    assert date_range(day.isoformat()) == (day.isoformat(), day.isoformat())
    first, last = date_range(day.isoformat()[:7])
    assert first <= day.isoformat() <= last
