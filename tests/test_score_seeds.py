"""Calibration on the seeds with the real offline stack: lexicon back-translation and e5."""

from __future__ import annotations

import pytest
from score_seeds import lavrov_divergences, lavrov_group, make_lexicon_back

from drift.embed import get_embedder
from drift.score import score_divergences, score_renderings

LANG = {"g-lavrov": "ru"}


@pytest.fixture(scope="module")
def lexicon_back():
    return make_lexicon_back()


def test_multipolar_to_strong_is_the_largest_drift_in_the_lavrov_group(lexicon_back) -> None:
    scored = score_divergences(
        lavrov_divergences(), source_lang=LANG, back=lexicon_back, embedder=get_embedder("e5")
    )
    drift = {(s.divergence.span_a, s.divergence.span_b): s.drift for s in scored}
    top = drift[("multipolar", "strong")]
    for pair in [
        ("like-minded people", "sympathisers"),
        ("like-minded people", "supporters"),
        ("sympathisers", "supporters"),
        ("serious stage", "critical juncture"),
    ]:
        assert drift[pair] < top, pair
    assert scored[0].divergence.span_a == "multipolar"


def test_strong_rendering_has_the_largest_drift_vs_group(lexicon_back) -> None:
    scores = score_renderings(
        [lavrov_group()], source_lang=LANG, back=lexicon_back, embedder=get_embedder("e5")
    )
    drift = {s.quote_id: s.drift_vs_group for s in scores}
    assert max(drift, key=drift.get) == "002:1"
    assert {s.backend for s in scores} == {"lexicon"}
