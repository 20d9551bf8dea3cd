"""Property tests for the text cleaner and the date finder, plus tables of date formats."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift.corpus import clean_text, find_date

PAGE_ALPHABET = st.sampled_from(
    [*"abc XYZ*_#[]()<>:/.!?,\"'“”«»•-–0123456789\n\n\t", "**", "](#)", "<https://t.co/x>"]
)
page_text = st.lists(PAGE_ALPHABET, max_size=300).map("".join)
line_or_text = st.one_of(page_text, st.text(max_size=300))
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
sentence = st.lists(word, min_size=8, max_size=25).map(
    lambda ws: ws[0].title() + " " + " ".join(ws[1:]) + "."
)


@settings(max_examples=300, deadline=None)
@given(line_or_text)
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert cleaned == cleaned.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n"]))
def test_clean_text_keeps_every_plain_sentence(sentences: list[str], separator: str) -> None:
    cleaned = clean_text(separator.join(sentences))
    assert cleaned.split(separator) == sentences


@settings(max_examples=300, deadline=None)
@given(line_or_text)
def test_find_date_returns_nothing_or_a_real_iso_date(text: str) -> None:
    found = find_date(text)
    assert found == "" or dt.date.fromisoformat(found).isoformat() == found


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["%Y-%m-%d", "%B %d, %Y", "%d %b %Y %H:%M", "%d %B %Y", "%b. %d, %Y"]),
    st.sampled_from(["{}", "Published: {}", "  • {}", "Updated {}"]),
)
def test_a_date_on_its_own_line_is_found(day: dt.date, fmt: str, line: str) -> None:
    text = f"Headline of the story\n\n{line.format(day.strftime(fmt))}\n\n" + "Body text. " * 5
    assert find_date(text) == day.isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date Created\n\n04/02/2022", "2022-04-02"),  # US month/day
        ("Posted 13/04/2022", "2022-04-13"),  # first number > 12: day/month
        ("30.03.2022", "2022-03-30"),
        ("2022年3月30日", "2022-03-30"),
        ("Москва, 30 марта 2022 г.", "2022-03-30"),
        ("Updated 31 Mar 2022\nPublished March 30, 2022", "2022-03-30"),
        ("Lavrov arrived on March 30, 2022, for talks with Wang Yi in Tunxi.", ""),
        ("since Russia launched its invasion of Ukraine on February 24", ""),
        ("February 24", ""),
        ("02/30/2022", ""),
    ],
)
def test_date_formats_and_prose(text: str, expected: str) -> None:
    assert find_date(text) == expected
