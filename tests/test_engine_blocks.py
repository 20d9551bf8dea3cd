"""Partitions for distributed grouping: grouping each partition alone and merging must give the
local engine's groups, ids, divergences and ranks (no Ray needed to check the rule itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_corpus import write_corpus

from drift import pipeline
from drift.align.grouping import key_counts
from drift.corpus import Corpus
from drift.engine.blocks import EVERYONE, partitions
from drift.engine.merge import (
    global_ids,
    global_statements,
    group_key,
    join_aligned,
    join_scored,
    join_signatures,
    renumber,
    split_aligned,
    statement_of,
    sum_notes,
)
from drift.records import Original


def test_speakers_that_can_meet_share_a_partition() -> None:
    found = partitions(["Sergei Lavrov", "Lavrov", "Wang Yi", "Wang Wenbin", "Nikita Khrushchev",
                        "Khruschev", "Maria Zakharova"])  # fmt: skip
    assert found["Sergei Lavrov"] == found["Lavrov"]
    assert found["Wang Yi"] == found["Wang Wenbin"]  # one block word: "wang"
    assert found["Nikita Khrushchev"] == found["Khruschev"]  # one surname, two spellings
    assert len({found["Sergei Lavrov"], found["Wang Yi"], found["Maria Zakharova"]}) == 3


def test_an_unknown_speaker_or_original_puts_everyone_together() -> None:
    assert set(partitions(["Sergei Lavrov", "", "Wang Yi"]).values()) == {EVERYONE}
    anyone = Original("o1", "Мы пойдём к многополярному миру.", "ru")
    assert set(partitions(["Sergei Lavrov", "Wang Yi"], [anyone]).values()) == {EVERYONE}
    lavrov = Original("o2", "Мы пойдём к многополярному миру.", "ru", speaker="Sergei Lavrov")
    found = partitions(["Sergei Lavrov", "Wang Yi"], [lavrov])
    assert found["Sergei Lavrov"] != found["Wang Yi"]


def test_grouping_per_partition_and_merging_equals_grouping_everything(tmp_path: Path) -> None:
    extracted = pipeline.extract(write_corpus(tmp_path))
    whole = pipeline.align(extracted)
    part_of = partitions(q.speaker for q in extracted.quotes)
    assert len(set(part_of.values())) == 3  # lavrov, zakharova, wang: a real split

    names = sorted(set(part_of.values()))
    half = len(extracted.quotes) // 2  # counted in two batches, as the cluster counts them
    counts = key_counts(extracted.quotes[:half]) + key_counts(extracted.quotes[half:])
    parts = {}
    for n, name in enumerate(names):
        quotes = tuple(q for q in extracted.quotes if part_of[q.speaker] == name)
        ready = pipeline.Extracted(Corpus((), (), (), ()), quotes, ())
        parts[n] = pipeline.align(ready, key_counts=counts)  # word weights of the whole run
    found = {(n, g.group_id): g for n, a in parts.items() for g in a.groups}
    ids = global_ids({k: group_key(g) for k, g in found.items()})
    said = global_statements(ids, {k: statement_of(g) for k, g in found.items()})
    merged = join_aligned(
        [
            renumber(
                a,
                {g.group_id: ids[(n, g.group_id)] for g in a.groups},
                {s: v for (p, s), v in said.items() if p == n},
            )
            for n, a in parts.items()
        ]
    )
    assert whole.groups and merged.groups == whole.groups
    assert merged.divergences == whole.divergences
    assert sorted(merged.unmatched) == sorted(whole.unmatched)


def test_notes_counting_the_same_thing_are_added_up() -> None:
    notes = ["2 group(s) have a speaker x", "a plain note", "3 group(s) have a speaker x"]
    assert sum_notes(notes) == ["5 group(s) have a speaker x", "a plain note"]


def test_engine_names_and_the_extra_ray_needs(monkeypatch) -> None:
    import importlib.util

    from drift.engine import check_engine
    from drift.errors import MissingDependencyError, UsageError

    with pytest.raises(UsageError, match="choose local or ray"):
        check_engine("spark")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingDependencyError, match=r"drift\[ray\]"):
        check_engine("ray")


def test_scoring_groups_in_chunks_and_joining_equals_scoring_all(tmp_path: Path) -> None:
    aligned = pipeline.align(pipeline.extract(write_corpus(tmp_path)))
    options = pipeline.RunOptions(backend="lexicon", embedder=None, cache=False)
    whole = pipeline.score(aligned, options=options)
    chunks = split_aligned(aligned, 3)
    assert len(chunks) == 3 and sum(len(c.groups) for c in chunks) == len(aligned.groups)
    joined = join_scored([pipeline.score(c, options=options) for c in chunks], aligned)
    assert joined.divergences == whole.divergences  # ranks over the whole run
    assert joined.renderings == whole.renderings
    assert joined.signature == whole.signature  # every direction a chunk used
    assert (joined.matched, joined.source_lang, joined.backends, joined.notes) == (
        whole.matched,
        whole.source_lang,
        whole.backends,
        whole.notes,
    )


def test_run_signature_names_every_direction_a_part_used() -> None:
    parts = ["backend:x|used:en-ru=a/m|beams:4", "backend:x|used:en-zh=a/m|beams:4"]
    assert join_signatures(parts) == "backend:x|used:en-ru=a/m,en-zh=a/m|beams:4"
    assert join_signatures(["backend:x|used:none|b"]) == "backend:x|used:none|b"


def test_ray_groups_the_largest_partition_first() -> None:
    """Ray runs one grouping task per partition in number order: the partition with most quotes
    (over all its speakers) must come first, so the longest task never starts last."""
    from drift.engine.ray_engine import largest_first

    counts = [("lavrov", 3), ("wang", 4), ("lavrov", 3), ("peskov", 1), ("abe", 1)]
    assert largest_first(counts) == {"lavrov": 0, "wang": 1, "abe": 2, "peskov": 3}
