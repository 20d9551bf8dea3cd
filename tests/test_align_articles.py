"""Four short articles as a new user would try them: speakers, a retold statement, singletons."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import drift
from drift.align import align_groups
from drift.corpus import read_corpus, read_originals
from drift.pipeline import LexiconBridge
from drift.quotes import extract_quotes
from drift.records import Quote
from drift.translate.routing import source_lang

DATA = Path(__file__).resolve().parent / "data" / "issue11"


def speakers_of(name: str) -> dict[str, str]:
    """First words of each quote of one article -> its speaker."""
    (doc,) = read_corpus([DATA / name]).documents
    return {" ".join(q.text.split()[:3]): q.speaker for q in extract_quotes(doc)}


def test_apposition_and_meanwhile_name_peskov_and_the_ministry_is_a_source() -> None:
    assert speakers_of("a1_kremlin.txt") == {
        "Russia is ready": "Dmitry Peskov",  # "Dmitry Peskov, the Kremlin spokesman, said"
        "the sanctions will": "Dmitry Peskov",  # "Peskov meanwhile said that"
        "The talks with": "",  # "..., according to the ministry": no named ministry
    }


def test_a_later_wang_is_wang_yi_and_routes_to_chinese_alone_or_in_a_batch() -> None:
    speakers = speakers_of("a2_beijing.txt")
    assert speakers["China-Russia relations have"] == "Wang Yi"
    assert speakers["Both sides agreed"] == ""
    assert source_lang(speakers["China-Russia relations have"]) == "zh"
    batch = drift.find_quotes(DATA).quotes
    row = batch[batch["text"].str.startswith("China-Russia")].iloc[0]
    assert row["speaker"] == "Wang Yi"


@pytest.fixture(scope="module")
def report() -> drift.api.Report:
    return drift.run(
        [DATA], originals=DATA / "originals.jsonl", backend="lexicon", cache=False, progress=False
    )


def test_statement_retold_years_later_with_its_original_is_one_group(
    report: drift.api.Report,
) -> None:
    groups = report.groups[report.groups["group_id"] != ""]
    putin = groups[groups["speaker"] == "Vladimir Putin"]
    assert set(putin["doc_id"]) == {"a3_putin_2005", "a4_putin_2022"}
    assert putin["group_id"].nunique() == 1
    assert set(putin["original_id"]) == {"putin-2005-catastrophe"}


def test_quotes_and_groups_agree_on_speakers(report: drift.api.Report) -> None:
    quotes = report.quotes.set_index("quote_id")["speaker"]
    for row in report.groups.itertuples():
        assert row.speaker == quotes[row.quote_id], row


def test_singletons_are_listed_with_a_reason(report: drift.api.Report) -> None:
    alone = report.groups[report.groups["group_id"] == ""]
    assert "a1_kremlin:3" in set(alone["quote_id"])  # the ministry's line: nothing to compare
    assert (alone["note"] != "").all()
    assert list(report.groups.columns[-3:]) == ["copy_of", "note", "statement"]  # new go last
    grouped = set(report.groups.loc[report.groups["group_id"] != "", "quote_id"])
    assert grouped | set(alone["quote_id"]) == set(report.quotes["quote_id"])
    assert pd.isna(alone["drift_vs_group"]).all()


def _putin(qid: str, text: str, date: str) -> Quote:
    doc = qid.split(":")[0]
    return Quote(qid, doc, text, 0, len(text), speaker="Vladimir Putin", date=date)


def test_the_original_sentence_groups_renderings_that_share_few_words() -> None:
    quotes = [
        _putin(
            "a:1",
            "the collapse of the Soviet Union was the greatest geopolitical catastrophe of "
            "the century",
            "2005-04-25",
        ),
        _putin("b:1", "the biggest geopolitical disaster of the 20th century", "2022-02-22"),
    ]
    originals, _ = read_originals(DATA / "originals.jsonl")
    assert align_groups(quotes).groups == ()
    evidence = {"bridge": LexiconBridge(), "embedder": drift.embed.get_embedder("e5")}
    found = align_groups(quotes, originals=originals, **evidence)
    (group,) = found.groups
    assert {r.quote_id for r in group.renderings} == {"a:1", "b:1"}
    assert found.originals == {group.group_id: "putin-2005-catastrophe"}
    early = _putin("c:1", "the biggest geopolitical disaster of the 20th century", "2004-01-01")
    before = align_groups([quotes[0], early], originals=originals, **evidence)
    assert before.groups == ()  # a rendering older than the original renders something else
