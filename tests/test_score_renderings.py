"""Per-rendering drift: the outlier rendering stands out, wire copies count once, originals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from score_fakes import fake_back
from score_seeds import R1, lavrov_group

from drift.embed import get_embedder
from drift.records import Group, Original
from drift.score import score_renderings
from drift.score.metrics import ChrF
from drift.score.settings import ScoreSettings

LANG = {"g-lavrov": "ru"}


@pytest.fixture(scope="module")
def e5():
    return get_embedder("e5")


def test_strong_world_order_rendering_drifts_most_from_the_group(e5) -> None:
    scores = score_renderings([lavrov_group()], source_lang=LANG, back=fake_back, embedder=e5)
    drift = {s.quote_id: s.drift_vs_group for s in scores}
    assert max(drift, key=drift.get) == "002:1"
    assert all(0.0 <= d <= 1.0 for d in drift.values())
    assert {s.backend for s in scores} == {"fake"}
    assert all(s.drift_vs_original is None and s.original_id == "" for s in scores)


def test_wire_copies_count_once(e5) -> None:
    group = lavrov_group()
    copy = replace(group.renderings[1], quote_id="005:1", doc_id="005", copy_of="001:1")
    with_copy = Group(group.group_id, (*group.renderings, copy), group.confidence, group.speaker)
    plain = {
        s.quote_id: s.drift_vs_group
        for s in score_renderings([group], source_lang=LANG, back=fake_back, embedder=e5)
    }
    copied = {
        s.quote_id: s.drift_vs_group
        for s in score_renderings([with_copy], source_lang=LANG, back=fake_back, embedder=e5)
    }
    assert copied["002:1"] == pytest.approx(plain["002:1"])
    assert copied["005:1"] == pytest.approx(copied["001:1"])


def test_lone_rendering_is_its_own_consensus() -> None:
    group = lavrov_group()
    lone = Group("g-lavrov", group.renderings[:1], 1.0, group.speaker)
    (score,) = score_renderings([lone], source_lang=LANG, back=fake_back, embedder=None)
    assert score.drift_vs_group == 0.0


def test_rendering_closer_to_the_original_drifts_less_from_it(e5) -> None:
    original = Original(
        "o1", "сочувствующий двигаться многополярный справедливый демократический миропорядок", "ru"
    )
    scores = score_renderings(
        [lavrov_group()],
        source_lang=LANG,
        back=fake_back,
        embedder=e5,
        originals={"g-lavrov": original},
    )
    drift = {s.quote_id: s.drift_vs_original for s in scores}
    assert drift["001:1"] < drift["002:1"]
    assert all(s.original_id == "o1" for s in scores)


def test_chinese_chrf_ignores_spaces_between_characters() -> None:
    chrf = ChrF(ScoreSettings())
    assert chrf("坚 如 磐石", "坚如磐石", "zh") == pytest.approx(1.0)
    assert chrf(R1, R1, "en") == pytest.approx(1.0)
    assert chrf("坚如磐石", "铁定", "zh") == 0.0
