"""Candidate pairs without comparing all pairs: an inverted index of content words and word pairs.

Keys are looked up per speaker (plus unknown speakers), very common keys are skipped, and each unit
keeps only its best-scoring candidates, so the work grows linearly with the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from drift.align.units import Unit, speaker_block, speakers_compatible

WINDOW_DAYS = 45  # two known dates further apart than this are different events (weak evidence)
MAX_POSTINGS = 400  # keys shared by more units of one speaker than this carry no signal
MAX_CANDIDATES = 12  # best candidates kept per unit within the date window
MAX_FAR = 4  # best candidates kept per unit outside it: near-verbatim retellings years later
FAR_SHARE = 0.6  # a candidate outside the window shares at least this share of the unit's keys

Days = tuple[int, int] | None  # first and last day an event may have happened on


def dates_compatible(a: Days, b: Days, window: int | None = WINDOW_DAYS) -> bool:
    """Unknown dates are compatible with anything; known ranges must come within the window."""
    if window is None or a is None or b is None:
        return True
    return max(a[0], b[0]) - min(a[1], b[1]) <= window


def pair_allowed(a: Unit, b: Unit, window: int | None = WINDOW_DAYS) -> bool:
    """Different documents (or fragments of one statement, or rival wordings that one page sets
    side by side), compatible speaker and dates.

    `window=None` leaves dates out: strong evidence (a copy, a near-verbatim retelling, one
    original sentence) links renderings whatever their dates. Two statements of one document
    with different words are compared, but only strong evidence may group them (`clustering`);
    the same words twice in one document are one rendering repeated, not two, and two terms of
    one page are more often set against each other ("not a 'new' but a 'fair' world order").
    """
    ra, rb = a.rendering, b.rendering
    if ra.doc_id == rb.doc_id and (
        ra.quote_id == rb.quote_id
        or (a.root != b.root and (a.key == b.key or a.is_term or b.is_term))
    ):
        return False
    return speakers_compatible(a.speaker_key, b.speaker_key) and dates_compatible(
        a.days, b.days, window
    )


def index_keys(unit: Unit) -> set[str]:
    """Content words and consecutive content-word pairs: paraphrases keep some of each."""
    words = [t.norm for t in unit.tokens if t.is_content]
    return set(words) | {f"{x} {y}" for x, y in pairwise(words)}


@dataclass(frozen=True)
class KeyCounts:
    """How many eligible units hold each index key, over a whole run, so a part of the run
    (one speaker partition of the Ray engine) weighs words (idf) as the whole run does."""

    total: int
    units: Mapping[str, int]

    @staticmethod
    def of(units: Sequence[Unit], eligible: Sequence[int]) -> KeyCounts:
        """The counts of `units` (those in `eligible`)."""
        return KeyCounts(len(eligible), Counter(k for i in eligible for k in index_keys(units[i])))

    def __add__(self, other: KeyCounts) -> KeyCounts:
        return KeyCounts(self.total + other.total, Counter(self.units) + Counter(other.units))


def candidate_pairs(
    units: Sequence[Unit],
    *,
    window: int = WINDOW_DAYS,
    max_postings: int = MAX_POSTINGS,
    max_candidates: int = MAX_CANDIDATES,
    eligible: Iterable[int] | None = None,
    counts: KeyCounts | None = None,
) -> list[tuple[int, int]]:
    """Sorted (i, j), i < j, of units worth comparing; only `eligible` units take part.

    `counts` (of the whole run) replace this call's own key counts in the idf weights."""
    members = sorted(range(len(units)) if eligible is None else set(eligible))
    keys = {i: sorted(index_keys(units[i])) for i in members}  # fixed order: float sums repeat
    by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
    unknown: dict[str, list[int]] = defaultdict(list)
    anyone: dict[str, list[int]] = defaultdict(list)
    for i in members:
        block = speaker_block(units[i].speaker_key)
        for key in keys[i]:
            anyone[key].append(i)
            (by_speaker[(block, key)] if block else unknown[key]).append(i)
    total = max(counts.total if counts else len(members), 2)
    pairs: set[tuple[int, int]] = set()
    for i in members:
        unit = units[i]
        block = speaker_block(unit.speaker_key)
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for key in keys[i]:
            if block:
                postings = [by_speaker.get((block, key), []), unknown.get(key, [])]
            else:
                postings = [anyone[key]]
            idf = math.log(total / (counts.units[key] if counts else len(anyone[key])))
            for posting in postings:
                if len(posting) > max_postings:
                    continue
                for j in posting:
                    scores[j] += idf
                    shared[j] += 1
        need = min(2, len(keys[i]))
        far_need = max(need, FAR_SHARE * len(keys[i]))
        near: list[int] = []
        far: list[int] = []
        # best first; the speaker and document checks only for those that could still be kept
        for j in sorted(
            (j for j in scores if shared[j] >= need and j != i), key=lambda j: (-scores[j], j)
        ):
            if dates_compatible(unit.days, units[j].days, window):
                if len(near) < max_candidates and pair_allowed(unit, units[j], None):
                    near.append(j)
            elif (
                shared[j] >= far_need and len(far) < MAX_FAR and pair_allowed(unit, units[j], None)
            ):
                far.append(j)
            if len(near) >= max_candidates and len(far) >= MAX_FAR:
                break
        pairs.update((min(i, j), max(i, j)) for j in near + far)
    return sorted(pairs)
