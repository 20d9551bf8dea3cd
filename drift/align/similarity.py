"""How alike two renderings are where they overlap: token LCS, weighted overlap, sacrebleu chrF.

A fragment ("a multipolar, just, democratic world order") is compared with the matching part of a
longer sentence, so quoting less never counts against a pair.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import LCSseq
from sacrebleu.metrics import CHRF
from sacrebleu.metrics.helpers import extract_all_char_ngrams

from drift.align.normalize import Token

STOPWORD_WEIGHT = 0.25  # matched "the"/"of" count a little, so word order still shows
MIN_COVERAGE = 0.75  # the shorter side must lie this much inside the overlap
MIN_DICE = 0.35  # below this weighted overlap no chrF is computed

Block = tuple[int, int, int]  # (index in a, index in b, size) of a run of equal words


def weight(token: Token) -> float:
    """How much a token counts in overlaps: content words 1, stopwords a quarter."""
    return 1.0 if token.is_content else STOPWORD_WEIGHT


@dataclass(frozen=True)
class Overlap:
    """The overlapping regions of two token lists (token index ranges) and how alike they are."""

    a_first: int
    a_last: int  # inclusive
    b_first: int
    b_last: int
    dice: float  # weighted Dice of matched tokens inside the regions
    coverage: float  # share of the shorter side's weight inside its region
    matched_content: int


def matched_pairs(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Longest common subsequence of two word lists as (i, j, size) blocks, via rapidfuzz."""
    return [(m.a, m.b, m.size) for m in LCSseq.editops(a, b).as_matching_blocks() if m.size]


def _stopwords_only(block: Block, a: Sequence[Token]) -> bool:
    return not any(a[k].is_content for k in range(block[0], block[0] + block[2]))


def _gap(left: Block, right: Block) -> int:
    """Unmatched tokens between two consecutive blocks, on the side where more lie."""
    return max(right[0] - left[0] - left[2], right[1] - left[1] - left[2])


def _trim_stray(blocks: list[Block], a: Sequence[Token], b: Sequence[Token]) -> list[Block]:
    """Drop edge blocks of stopwords far from the rest ("the" matched 20 words away)."""
    while len(blocks) > 1 and _stopwords_only(blocks[0], a) and _gap(blocks[0], blocks[1]) >= 3:
        blocks = blocks[1:]
    while (
        len(blocks) > 1
        and (blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]) != (len(a), len(b))
        and _stopwords_only(blocks[-1], a)
        and _gap(blocks[-2], blocks[-1]) >= 3
    ):
        blocks = blocks[:-1]
    return blocks


def overlap(a: Sequence[Token], b: Sequence[Token]) -> Overlap | None:
    """Align two token lists (fillers like "and" removed by the caller); measure the overlap."""
    blocks = matched_pairs([t.norm for t in a], [t.norm for t in b])
    if not blocks:
        return None
    blocks = _trim_stray(blocks, a, b)
    a_first, b_first = blocks[0][0], blocks[0][1]
    a_last, b_last = blocks[-1][0] + blocks[-1][2] - 1, blocks[-1][1] + blocks[-1][2] - 1
    if a_first and b_first:  # both go on before the first match: that is a difference, not less
        a_first = b_first = 0
    if a_last < len(a) - 1 and b_last < len(b) - 1:
        a_last, b_last = len(a) - 1, len(b) - 1
    wa = [weight(t) for t in a]
    wb = [weight(t) for t in b]
    matched = sum(sum(wa[i : i + size]) for i, _, size in blocks)
    content = sum(a[i + k].is_content for i, _, size in blocks for k in range(size))
    region_a, region_b = sum(wa[a_first : a_last + 1]), sum(wb[b_first : b_last + 1])
    coverage = max(region_a / sum(wa), region_b / sum(wb))
    dice = 2 * matched / (region_a + region_b)
    return Overlap(a_first, a_last, b_first, b_last, dice, coverage, content)


class ChrF:
    """sacrebleu's chrF (beta=1, so symmetric; lower-cased) with each text's n-grams cached.

    Grouping compares one sentence with several candidates in a row; extracting its character
    n-grams once is most of the cost. Scores equal `CHRF(beta=1, lowercase=True).sentence_score`.
    """

    def __init__(self, cache_size: int = 4096) -> None:
        self.cache_size = cache_size
        self._ngrams: OrderedDict[str, list[_Grams]] = OrderedDict()

    @cached_property
    def _metric(self) -> CHRF:
        return CHRF(beta=1, lowercase=True)

    def _extract(self, text: str) -> list[_Grams]:
        found = self._ngrams.get(text)
        if found is None:
            found = [
                _Grams.of(grams)
                for grams in extract_all_char_ngrams(text.lower(), self._metric.char_order)
            ]
            self._ngrams[text] = found
            if len(self._ngrams) > self.cache_size:
                self._ngrams.popitem(last=False)
        else:
            self._ngrams.move_to_end(text)
        return found

    def __call__(self, a: str, b: str) -> float:
        """chrF of `a` against `b`, scaled to [0, 1]."""
        if not a.strip() or not b.strip():
            return 0.0
        stats: list[int] = []
        for hyp, ref in zip(self._extract(a), self._extract(b), strict=True):
            stats.extend(hyp.statistics(ref))
        return self._metric._compute_f_score(stats) / 100.0


@dataclass(frozen=True)
class _Grams:
    """One order of a text's character n-grams, kept so that two texts' matches are counted by a
    set intersection: sacrebleu's statistics, with the n-grams seen more than once apart."""

    counts: Counter[str]
    grams: frozenset[str]
    total: int
    repeated: tuple[tuple[str, int], ...]  # n-grams seen more than once, with their counts

    @staticmethod
    def of(counts: Counter[str]) -> _Grams:
        repeated = tuple((g, c) for g, c in counts.items() if c > 1)
        return _Grams(counts, frozenset(counts), sum(counts.values()), repeated)

    def statistics(self, ref: _Grams) -> list[int]:
        """`CHRF._get_match_statistics(self.counts, ref.counts)`: hypothesis, reference and
        matched n-gram counts (each matched n-gram counts min(hyp, ref) times)."""
        theirs = ref.counts
        matched = len(self.grams & ref.grams)
        for gram, count in self.repeated:  # a common n-gram counts once above; add the rest
            other = theirs.get(gram, 0)
            if other > 1:
                matched += min(count, other) - 1
        return [self.total if theirs else 0, ref.total, matched]


def lexical_score(dice: float, chrf: float) -> float:
    """Combined lexical similarity in [0, 1]: token overlap and character n-grams, equally."""
    return 0.5 * dice + 0.5 * chrf


def embedding_score(cosine: float) -> float:
    """Map an e5-style cosine (unrelated texts sit near 0.7) onto [0, 1]."""
    return min(1.0, max(0.0, (cosine - 0.75) / 0.2))
