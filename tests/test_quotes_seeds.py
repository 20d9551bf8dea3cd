"""Quotes of the seed articles: text, speaker and kind, as a reader of each article sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.corpus import read_corpus
from drift.quotes import extract_quotes
from drift.records import Quote

LAVROV, WANG, MINISTRY = "Sergei Lavrov", "Wang Yi", "Russian Foreign Ministry"

# (seed, expected speaker, expected kind, distinctive substring of the quote text)
EXPECTED = [
    ("000", LAVROV, "statement", "We are going through a very serious stage"),
    ("000", LAVROV, "statement", "towards a multipolar, just, democratic world order"),
    ("000", LAVROV, "statement", "We are interested in our relations with China"),
    ("000", WANG, "statement", "Since the beginning of this year, Chinese-Russian relations"),
    ("000", MINISTRY, "statement", "The sides noted the counterproductive nature"),
    ("000", "", "term", "troika"),
    ("001", LAVROV, "statement", "we, together with you, and with our sympathisers will move"),
    ("001", LAVROV, "statement", "living through a very serious stage in the history"),
    ("001", LAVROV, "statement", "a multipolar, fair, and democratic world order"),
    ("001", WANG, "term", "new challenges"),
    ("001", WANG, "statement", "the will of both sides to develop bilateral relations"),
    ("001", WANG, "statement", "one of the most crucial bilateral relationships in the world"),
    ("001", WANG, "term", "ironclad."),
    ("001", "", "term", "willingness"),
    ("001", "", "term", "New World Order"),
    ("001", "", "term", "Fair World Order"),
    ("001", LAVROV, "term", "fairer world order."),
    ("002", LAVROV, "statement", "We live at a very critical juncture"),
    ("002", LAVROV, "statement", "At the end of this phase, I firmly believe that"),
    ("002", LAVROV, "statement", "will move towards a strong, just and democratic world order"),
    ("002", WANG, "term", "solid"),
    ("002", LAVROV, "term", "just"),
    ("002", "", "term", "unlimited"),
    ("002", "", "term", "expansion"),
    ("002", WANG, "term", "legitimate"),
    ("002", "", "term", "consultation mechanism"),
    ("003", WANG, "term", "cloud exchanges"),
    ("003", "", "term", "small circles"),
    ("003", "", "term", "false democracy"),
    ("003", "", "term", "new Cold War"),
    ("003", "", "term", "dictatorship"),
    ("003", "", "term", "Leaders for Democracy"),
    ("004", MINISTRY, "statement", "In the light of the lifting of quarantine restrictions"),
    ("004", MINISTRY, "statement", "A number of topical issues on the bilateral"),
]


@pytest.fixture(scope="module")
def seed_quotes(seed_paths: dict[str, Path]) -> dict[str, list[Quote]]:
    """Quotes extracted from each cleaned seed article."""
    return {
        seed: extract_quotes(read_corpus([path]).documents[0]) for seed, path in seed_paths.items()
    }


@pytest.mark.parametrize(("seed", "speaker", "kind", "snippet"), EXPECTED)
def test_seed_quote(
    seed_quotes: dict[str, list[Quote]], seed: str, speaker: str, kind: str, snippet: str
) -> None:
    matches = [
        q for q in seed_quotes[seed] if (q.text == snippet if kind == "term" else snippet in q.text)
    ]
    assert matches, f"no quote containing {snippet!r} in seed {seed}"
    assert [(q.speaker, q.kind) for q in matches] == [(speaker, kind)] * len(matches)


def test_quote_text_excludes_marks_and_trailing_attribution(
    seed_quotes: dict[str, list[Quote]],
) -> None:
    recovered = next(q for q in seed_quotes["002"] if "I firmly believe" in q.text)
    assert recovered.text.startswith("At the end of this phase")
    assert recovered.text.endswith("democratic world order,")
    first = seed_quotes["002"][1]
    assert first.text.endswith("international relations.")
    assert "Kremlin" in first.context
    lavrov_001 = next(q for q in seed_quotes["001"] if "sympathisers" in q.text)
    assert lavrov_001.text.endswith("democratic world order")


def test_small_circles_is_found_twice(seed_quotes: dict[str, list[Quote]]) -> None:
    assert sum(q.text == "small circles" for q in seed_quotes["003"]) == 2


def test_004_yields_only_the_ministry_statements(seed_quotes: dict[str, list[Quote]]) -> None:
    statements = [q for q in seed_quotes["004"] if q.kind == "statement"]
    assert len(statements) == 2
    assert all(q.speaker == MINISTRY for q in statements)


def test_offsets_ids_and_metadata(seed_paths: dict[str, Path]) -> None:
    for path in seed_paths.values():
        doc = read_corpus([path]).documents[0]
        quotes = extract_quotes(doc)
        assert [q.quote_id for q in quotes] == [
            f"{doc.doc_id}:{n}" for n in range(1, len(quotes) + 1)
        ]
        for q in quotes:
            assert doc.text[q.start : q.end] == q.text
            assert q.text == q.text.strip() and q.text[:1] not in "“”\"'‘’«»"
            assert (q.doc_id, q.outlet, q.date, q.url) == (
                doc.doc_id,
                doc.outlet,
                doc.date,
                doc.url,
            )
            assert q.context and q.lang
