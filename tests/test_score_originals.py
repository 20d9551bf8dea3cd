"""Matching originals to groups on the seeds: Wang Yi's friendship remark, no Lavrov original."""

from __future__ import annotations

import json

import pytest
from score_seeds import WANG_CONTEXTS, lavrov_group, make_lexicon_back, wang_group

from drift.embed import get_embedder
from drift.records import Group, Original, Rendering
from drift.score import match_originals
from drift.score.originals import compatible, speaker_keys
from drift.score.script import Simplifier


@pytest.fixture(scope="module")
def originals(seeds_dir) -> list[Original]:
    rows = [
        json.loads(line)
        for line in (seeds_dir / "originals.jsonl").read_text().splitlines()
        if line.strip()
    ]
    return [
        Original(
            r["original_id"],
            r["text"],
            r["lang"],
            r["speaker"],
            r["date"] or "",
            r["source"],
            r["note"],
        )
        for r in rows
    ]


def _seed_matches(originals):
    simplifier = Simplifier()
    return match_originals(
        [lavrov_group(), wang_group()],
        [simplifier.original(o) for o in originals],
        embedder=get_embedder("e5"),
        back=make_lexicon_back(),
        contexts=WANG_CONTEXTS,
    )


def test_no_seed_original_matches_the_lavrov_group(originals) -> None:
    assert "g-lavrov" not in _seed_matches(originals)


@pytest.mark.xfail(
    strict=True,
    reason="the score stage alone, given a two-word group without the sentences around its "
    "quotes, finds no dictionary link from 'ironclad'/'solid' to 堅如磐石 and e5 is too weak; "
    "the align stage anchors the group through the quote's sentence (tests/test_run_seeds.py)",
)
def test_seed_originals_match_the_wang_yi_group(originals) -> None:
    assert _seed_matches(originals)["g-wang"].original_id == "wangyi-2022-03-07-npc"


def test_joint_statement_speakers_match_either_leader(originals) -> None:
    joint = next(o for o in originals if o.original_id == "russia-china-joint-statement-2022-02-04")
    assert (
        speaker_keys(joint.speaker) == {"xi jinping", "putin"}
        or len(speaker_keys(joint.speaker)) == 2
    )
    for name in ("Xi Jinping", "Vladimir Putin"):
        group = Group(
            "g", (Rendering("q", "d", "friendship has no limits", 0, 24, name),), 1.0, name
        )
        assert compatible(group, joint, window_days=60)
    lavrov = Group("g", (Rendering("q", "d", "x", 0, 1, "Sergei Lavrov"),), 1.0, "Sergei Lavrov")
    assert not compatible(lavrov, joint, window_days=60)


def test_dates_outside_the_window_rule_an_original_out(originals) -> None:
    npc = next(o for o in originals if o.original_id == "wangyi-2022-03-07-npc")
    late = Group(
        "g", (Rendering("q", "d", "solid", 0, 5, "Wang Yi", date="2023-02-02"),), 1.0, "Wang Yi"
    )
    undated = Group("g", (Rendering("q", "d", "solid", 0, 5, "Wang Yi"),), 1.0, "Wang Yi")
    assert not compatible(late, npc, window_days=60)
    assert compatible(undated, npc, window_days=60)


def test_without_embedder_or_back_translation_nothing_matches(originals) -> None:
    assert match_originals([wang_group()], originals, embedder=None, contexts=WANG_CONTEXTS) == {}
