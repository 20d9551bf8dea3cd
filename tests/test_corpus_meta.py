"""Where an article appeared: outlet, date, url and title from its text, or from a sidecar table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import drift
from drift.corpus import read_corpus
from drift.corpus.meta import attach_sources, text_meta

BODY = 'Foreign Minister Wang Yi said: "China and Russia will deepen cooperation."\n'


@pytest.mark.parametrize(
    ("text", "outlet", "date", "url", "title"),
    [
        (f"BEIJING, 7 June 2023 — {BODY}", "", "2023-06-07", "", ""),
        (f"MOSCOW, March 30 (Reuters) - {BODY}", "Reuters", "", "", ""),
        (f"BEIJING, June 7, 2023 (Xinhua) -- {BODY}", "Xinhua", "2023-06-07", "", ""),
        (f"Wang hails ties\n\n• By Al Mayadeen English\n\n{BODY}\nAl Mayadeen English\n",
         "Al Mayadeen English", "", "", "Wang hails ties"),
        (f"Wang hails ties\n\nby Baxter Dmitry\n\n{BODY}", "", "", "", "Wang hails ties"),
        (f"{BODY}\nSource: Global Times\n", "Global Times", "", "", ""),
        (f"{BODY}\nSource: agencies\n", "", "", "", ""),
        (f"{BODY}\n© 2022 TASS. All rights reserved.\n", "TASS", "", "", ""),
        (f"{BODY}\nOriginally published at https://www.tass.com/politics/1\n", "tass.com", "",
         "https://www.tass.com/politics/1", ""),
    ],
)  # fmt: skip
def test_text_states_where_it_appeared(
    text: str, outlet: str, date: str, url: str, title: str
) -> None:
    meta = text_meta(text)
    assert (meta.outlet, meta.date, meta.url, meta.title) == (outlet, date, url, title)


def test_a_dateline_dates_a_plain_text_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"BEIJING, 7 June 2023 — {BODY}", encoding="utf-8")
    (doc,) = read_corpus([tmp_path]).documents
    assert doc.date == "2023-06-07"


def test_html_meta_tags_give_outlet_date_and_url(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Wang hails ties</title>"
        "<meta property='og:site_name' content='Example Times'>"
        "<meta property='article:published_time' content='2022-03-30T10:00:00Z'>"
        "<link rel='canonical' href='https://example.com/a/1'></head><body><article>"
        f"<h1>Wang hails ties</h1><p>{BODY} He said more, at length, in a long paragraph.</p>"
        "<p>Another paragraph of prose long enough to be kept as article text.</p>"
        "</article></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (doc,) = read_corpus([tmp_path]).documents
    assert (doc.outlet, doc.date, doc.url) == (
        "Example Times",
        "2022-03-30",
        "https://example.com/a/1",
    )


@pytest.mark.parametrize("name", ["sources.csv", "sources.jsonl"])
def test_a_sources_table_in_the_directory_fills_what_the_text_lacks(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "000_abc.txt").write_text(BODY, encoding="utf-8")
    row = {"doc_id": "000_abc.txt", "outlet": "Sputnik", "date": "30 March 2022",
           "url": "https://sputniknews.com/x"}  # fmt: skip
    if name.endswith(".csv"):
        text = "doc_id,outlet,date,url\n" + ",".join(row.values()) + "\n"
    else:
        text = json.dumps(row) + "\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert corpus.failures == ()  # the sidecar is not read as an article table
    corpus = attach_sources(corpus, [tmp_path])
    (doc,) = corpus.documents
    assert (doc.outlet, doc.date, doc.url) == ("Sputnik", "2022-03-30", "https://sputniknews.com/x")


def test_meta_file_reaches_quotes_and_a_missing_one_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    table = tmp_path.parent / f"{tmp_path.name}-meta.csv"
    table.write_text("doc_id,outlet,date\na,TASS,2022-03-30\n", encoding="utf-8")
    found = drift.find_quotes(tmp_path, meta=table)
    assert set(found.quotes["outlet"]) == {"TASS"} and set(found.quotes["date"]) == {"2022-03-30"}
    missing = drift.find_quotes(tmp_path, meta=tmp_path / "nope.csv")
    assert any("no such sources table" in f.problem for f in missing.failures)


def test_seed_renderings_name_their_outlets(seeds_dir: Path) -> None:
    corpus = attach_sources(read_corpus([seeds_dir]), [seeds_dir])
    docs = {d.doc_id[:3]: d for d in corpus.documents}
    assert docs["000"].outlet.startswith("geopolitics.co") and docs["000"].date == "2022-03-30"
    assert docs["002"].outlet == "oe-mag.co.uk"
    assert docs["004"].outlet == "Al Mayadeen English"
    assert docs["001"].title.startswith("Lavrov: Russia Rejects")
