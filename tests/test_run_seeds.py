"""End to end on the seed articles: the case drift exists for must come out on top."""

from __future__ import annotations

from pathlib import Path

import pytest

import drift
from drift.api import Report


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache") / "translations.sqlite"


@pytest.fixture(scope="module")
def seed_report(seeds_dir: Path, seed_cache: Path) -> Report:
    cache = seed_cache
    return drift.run(
        [seeds_dir],
        originals=seeds_dir / "originals.jsonl",
        backend="lexicon",
        cache=cache,
        progress=False,
    )


def _lavrov_group(report: Report) -> str:
    groups = report.groups[report.groups["group_id"] != ""]  # quotes that joined a group
    hits = groups[groups["rendering"].str.contains("democratic world order", regex=False)]
    assert set(hits["doc_id"].str[:3]) >= {"000", "001", "002"}
    assert hits["group_id"].nunique() == 1
    return str(hits["group_id"].iloc[0])


def test_multipolar_vs_strong_is_the_top_divergence_of_the_lavrov_group(seed_report) -> None:
    group = _lavrov_group(seed_report)
    divs = seed_report.divergences[seed_report.divergences["group_id"] == group]
    top = divs.sort_values("drift", ascending=False).iloc[0]
    assert {"multipolar", "strong"} <= set(f"{top.span_a} {top.span_b}".split())


def test_002_drifts_most_from_the_lavrov_consensus(seed_report) -> None:
    group = _lavrov_group(seed_report)
    rows = seed_report.groups[seed_report.groups["group_id"] == group]
    worst = rows.sort_values("drift_vs_group", ascending=False).iloc[0]
    assert worst["doc_id"].startswith("002")


def test_wang_yi_friendship_original_matches_the_ironclad_solid_group(seed_report) -> None:
    """CC-CEDICT glosses 堅如磐石 "solid as a boulder", and the quote's sentence ("the solid
    friendship") names 友谊 of the same original sentence: the quoted term links to it."""
    groups = seed_report.groups
    terms = groups[groups["rendering"].str.contains("ironclad|solid", regex=True)]
    assert terms["group_id"].nunique() == 1
    assert set(terms["original_id"]) == {"wangyi-2022-03-07-npc"}


def test_every_row_names_its_backend(seed_report) -> None:
    grouped = seed_report.groups["group_id"] != ""
    assert seed_report.groups.loc[grouped, "backend"].str.len().gt(0).all()
    alone = seed_report.groups.loc[~grouped]  # quotes that joined no group say why
    assert len(alone) and alone["note"].str.len().gt(0).all()


def test_a_lone_quote_says_why_without_contradicting_itself(seed_report) -> None:
    notes = seed_report.groups.loc[seed_report.groups["group_id"] == "", "note"]
    below = notes.str.extract(r"similarity (\d\.\d+) < (\d\.\d+)").dropna().astype(float)
    assert (below[0] < below[1]).all(), notes.tolist()
    terms = seed_report.groups["rendering"].isin(["New World Order"])
    assert "similar renderings were ruled out" in "".join(seed_report.groups.loc[terms, "note"])


def test_reports_are_written_and_reruns_are_byte_identical(
    seed_report, seeds_dir: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    seed_report.save(first)
    again = drift.run(
        [seeds_dir],
        originals=seeds_dir / "originals.jsonl",
        backend="lexicon",
        cache=False,
        progress=False,
    )
    again.save(second)
    for name in ("quotes.csv", "groups.csv", "divergences.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    html = (first / "report.html").read_text(encoding="utf-8")
    assert "multipolar" in html
    assert html.count("<script") == 1 and "<script src" not in html  # one inline script, no loads
    assert (first / "run.json").is_file()


def test_the_run_keeps_its_embeddings_in_the_cache_file_it_is_given(
    seed_report, seed_cache: Path
) -> None:
    import sqlite3

    with sqlite3.connect(seed_cache) as db:
        assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] > 0


def test_a_fragment_quote_omits_nothing_before_or_after_what_it_quotes(seed_report) -> None:
    """001 quotes only the end of Lavrov's sentence ("a multipolar, fair, and democratic world
    order"): against 000's whole sentence that is a quoting boundary, not an omission."""
    divs = seed_report.divergences
    fragment = divs[divs["context_b"] == "a multipolar, fair, and democratic world order"]
    assert len(fragment)  # compared, on what it quotes: just / fair
    assert set(fragment["kind"]) == {"substitution"}
    assert {(r.span_a, r.span_b) for r in fragment.itertuples()} == {("just", "fair")}
