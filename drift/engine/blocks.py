"""Which quotes can meet in one group: the partitions a distributed engine groups separately.

The local engine compares two quotes only when their speaker keys are compatible
(`drift.align.units.speakers_compatible`: one unknown, the same block word, or one surname
spelled two ways) or when both render one original sentence whose speaker allows them. A
partition is a set of speaker blocks closed under those rules, so grouping each partition on
its own pairs exactly the quotes the local engine pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from drift.align.anchoring import _speaker_keys as original_speaker_keys  # the rule it applies
from drift.align.units import speaker_block, speakers_compatible
from drift.quotes.speakers import speaker_key
from drift.records import Original

EVERYONE = "*"  # the partition when a quote or original has no known speaker


def quote_key(speaker: str) -> str:
    """The speaker key grouping gives a quote's speaker ("" when unknown), as build_units does."""
    return speaker_key(speaker) if speaker else ""


class _Union:
    """Union-find over block names; the smallest name of a set names it (deterministic)."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def partitions(speakers: Iterable[str], originals: Sequence[Original] = ()) -> dict[str, str]:
    """speaker (as quotes carry it) -> partition name; quotes of different partitions can never
    share a group. One partition (EVERYONE) when any quote or original has no known speaker."""
    keys = {s: quote_key(s) for s in set(speakers)}
    everyone = {s: EVERYONE for s in keys}
    if "" in keys.values():
        return everyone
    original_keys = [original_speaker_keys(o.speaker) for o in originals]
    if any(not found for found in original_keys):
        return everyone
    distinct = sorted(set(keys.values()))
    union = _Union(speaker_block(k) for k in distinct)
    # a surname spelled two ways: single-word keys of different blocks, same first letter
    by_letter: dict[str, list[str]] = defaultdict(list)
    for key in distinct:
        if " " not in key:
            by_letter[key[0]].append(key)
    for group in by_letter.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if speakers_compatible(a, b):
                    union.join(a, b)
    # one original sentence links the renderings of every speaker it allows
    for found in original_keys:
        allowed = [k for k in distinct if any(speakers_compatible(k, o) for o in found)]
        for key in allowed[1:]:
            union.join(speaker_block(allowed[0]), speaker_block(key))
    return {s: union.find(speaker_block(k)) for s, k in keys.items()}
