"""End to end: a dropped "not" in one outlet is the top divergence of a run, typed polarity."""

from __future__ import annotations

import shutil
from pathlib import Path

import drift

ARTICLE_A = """Kremlin rules out Istanbul talks

MOSCOW, 2 May 2023 - Dmitry Peskov, the Kremlin spokesman, told reporters on Tuesday that
"Moscow will not take part in the talks in Istanbul under the current conditions."
"""
ARTICLE_B = """Peskov on the Istanbul talks

MOSCOW, 2 May 2023 - Kremlin spokesman Dmitry Peskov said on Tuesday that "Moscow will take part
in the talks in Istanbul under the current conditions."
"""


def test_a_dropped_not_tops_the_ranking_as_polarity(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "peskov_a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (corpus / "peskov_b.txt").write_text(ARTICLE_B, encoding="utf-8")
    report = drift.run(
        [corpus],
        originals=corpus / "originals.jsonl",
        backend="lexicon",
        cache=False,
        progress=False,
    )
    top = report.divergences.iloc[0]
    assert top.type == "polarity", report.divergences.head()
    assert "not" in (top.span_a, top.span_b)
    assert "negation" in top.evidence
    assert set(report.divergences["type"]) <= set(drift.DIVERGENCE_TYPES)
