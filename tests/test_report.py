"""Reports: safe HTML, spreadsheet-safe CSV, atomic files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from drift.api import Report
from drift.records import Divergence, Group, Rendering, RenderingScore, ScoredDivergence
from drift.report import (
    PageData,
    groups_frame,
    render_html,
    scored_divergences_frame,
    write_csv,
)


def _records(text_a: str, text_b: str) -> tuple[Group, ScoredDivergence, dict]:
    ra = Rendering("a:1", "a", text_a, 0, len(text_a), speaker="Sergei Lavrov")
    rb = Rendering("b:1", "b", text_b, 0, len(text_b), speaker="Sergei Lavrov")
    group = Group("g001", (ra, rb), 0.9, speaker="Sergei Lavrov")
    div = Divergence("g001", "a:1", "b:1", "a", "b", "multipolar", "strong", "substitution",
                     text_a, text_b)  # fmt: skip
    scored = ScoredDivergence(div, "многополярный", "сильный", 0.8, rank=1)
    scores = {
        ("g001", "a:1"): RenderingScore("g001", "a:1", "ru", "x", "lexicon", 0.1),
        ("g001", "b:1"): RenderingScore("g001", "b:1", "ru", "y", "lexicon", 0.7),
    }
    return group, scored, scores


def test_article_markup_is_shown_as_text_never_run() -> None:
    group, scored, scores = _records(
        "a multipolar <script>alert(1)</script> order",
        "a strong <img src=x onerror=alert(1)> order",
    )
    page = render_html(
        PageData([group], [scored], scores, {"a": "<b>Outlet</b>"}, {"version": "t"})
    )
    assert "<script>alert" not in page and "<img" not in page and "<b>Outlet" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page
    assert "<mark" in page and "multipolar</mark>" in page
    assert page.count("<script>") == 1  # the page's own, allowed by hash in its CSP


def test_groups_are_ranked_by_their_largest_drift() -> None:
    g1, s1, scores = _records("multipolar order", "strong order")
    g2 = Group("g002", g1.renderings, 0.5, speaker="Wang Yi")
    low = ScoredDivergence(
        Divergence("g002", "a:1", "b:1", "a", "b", "x", "y", "substitution"), "", "", 0.1, rank=2
    )
    page = render_html(PageData([g2, g1], [low, s1], scores, {}, {}))
    assert page.index("id='g001'") < page.index("id='g002'")


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    group, _, scores = _records('=HYPERLINK("http://x")', "+1+2")
    path = write_csv(groups_frame([group], {}, scores), tmp_path / "groups.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["rendering"].startswith("'=")
    assert rows[1]["rendering"] == "'+1+2"


def test_divergence_columns_follow_the_contract() -> None:
    _, scored, _ = _records("multipolar", "strong")
    frame = scored_divergences_frame([scored])
    assert list(frame.columns)[:11] == [
        "group_id", "doc_a", "doc_b", "span_a", "span_b", "kind", "back_a", "back_b",
        "drift", "rank", "faithful",
    ]  # fmt: skip


def test_a_failing_save_leaves_previous_reports_intact(tmp_path: Path) -> None:
    group, scored, scores = _records("multipolar order", "strong order")
    page = PageData([group], [scored], scores, {}, {"version": "t"})
    frame = groups_frame([group], {}, scores)
    good = Report(frame, frame, scored_divergences_frame([scored]), {"version": "t"}, _page=page)
    good.save(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    broken = Report(frame, frame, frame, {"version": object()}, _page=page)  # run.json fails
    with pytest.raises(TypeError):
        broken.save(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert set(before) == {"quotes.csv", "groups.csv", "divergences.csv", "report.html", "run.json"}
    assert not [p for p in tmp_path.rglob("*.tmp")]
