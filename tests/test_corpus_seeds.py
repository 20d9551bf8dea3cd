"""The seed articles read into clean Documents: ids, language, dates, no markup or page chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.corpus import read_corpus
from drift.records import Document

EXPECTED_DATES = {
    "000": "",
    "001": "2022-04-02",
    "002": "",
    "003": "2021-11-29",
    "004": "2023-02-02",
}
EXPECTED_OUTLETS = {"004": "Al Mayadeen English"}  # its byline; the others name none in their text


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> dict[str, Document]:
    corpus = read_corpus([seeds_dir])
    assert corpus.failures == ()
    return {doc.doc_id[:3]: doc for doc in corpus.documents}


def test_seed_directory_gives_five_articles_and_four_originals(seeds_dir: Path) -> None:
    corpus = read_corpus([seeds_dir])
    assert [doc.doc_id for doc in corpus.documents] == sorted(
        p.stem for p in seeds_dir.glob("0*.txt")
    )
    assert len(corpus.originals) == 4  # originals.jsonl is an originals table, not articles
    assert corpus.quotes == ()
    assert all("Seed corpus" not in doc.text for doc in corpus.documents)  # README skipped


@pytest.mark.parametrize("number", sorted(EXPECTED_DATES))
def test_each_seed_is_one_english_document_with_its_date(
    number: str, seed_paths: dict[str, Path]
) -> None:
    corpus = read_corpus([seed_paths[number]])
    (doc,) = corpus.documents
    assert doc.doc_id == seed_paths[number].stem
    assert doc.path == str(seed_paths[number])
    assert doc.lang == "en"
    assert doc.date == EXPECTED_DATES[number]
    assert doc.outlet == EXPECTED_OUTLETS.get(number, "")


def test_markdown_is_removed_but_the_quote_survives_verbatim(
    seed_docs: dict[str, Document],
) -> None:
    text = seed_docs["001"].text
    assert "**" not in text and "](#)" not in text and "*a multipolar" not in text
    assert "<https://" not in text
    assert (
        "we, together with you, and with our sympathisers will move towards a multipolar, "
        "just, democratic world order" in text
    )
    assert "according to The Economic Times." in text
    assert "Date Created" not in text and "Economy-Business-Fin/Invest" not in text


def test_pasted_page_chrome_is_dropped_and_the_statements_stay(
    seed_docs: dict[str, Document],
) -> None:
    text = seed_docs["004"].text
    for chrome in (
        "• News",
        "Politics\n",
        "BREAKING",
        "Colombian President Gustavo Petro",  # ticker headline
        "Read more:",
        "2 Shares",
        "2 Min Read",
        "Related News",
        "Von der Leyen backs",
        "Most Read",
        "Read Next",
        "Yemen busts",
        "All Rights Reserved",
        "Privacy Policy",
    ):
        assert chrome not in text, chrome
    for statement in (
        '"In the light of the lifting of quarantine restrictions, a common opinion was expressed',
        "between our countries,\" the ministry's statement read.",
        '"A number of topical issues on the bilateral, global, and regional agenda were discussed.',
        "According to the ministry, Lavrov and Ma reaffirmed their shared commitment",
        "Lavrov also hailed Moscow-Beijing cooperation in the UN, BRICS, SCO, and other",
        "However, Moscow and Beijing want to double the volume of trade",
    ):
        assert statement in text, statement


def test_comment_and_see_also_lines_are_dropped(seed_docs: dict[str, Document]) -> None:
    assert "Leave a Reply" not in seed_docs["000"].text
    assert "One thought on" not in seed_docs["000"].text
    assert "See also" not in seed_docs["003"].text
    assert "Brenza Latin" not in seed_docs["003"].text
    assert "The two sides agreed to maintain strategic relations" in seed_docs["003"].text


def test_paragraphs_stay_separate(seed_docs: dict[str, Document]) -> None:
    text = seed_docs["000"].text
    assert "\n\nRussia is interested in developing relations with China" in text
    assert "\n\n\n" not in text
