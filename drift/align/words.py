"""Word alignment of two renderings: where they say the same words and where they differ.

A monotonic alignment (longest common subsequence of normalized words, via rapidfuzz) anchors the
texts; words moved elsewhere are recognized as such; inside each unmatched stretch, words that
look alike (character trigrams, in the spirit of SimAlign's itermax) pair up, and the rest merge
into one span per side, so "going through" / "live at" comes out as one substitution.

Quoting boundaries. An outlet that quotes part of a sentence has dropped nothing: what only the
longer rendering has before the other's first aligned word, or after its last, is `outside` the
comparison, and the two are compared on the aligned window only (gaps inside it still count).
Among alignments of equal length the most compact wins, so a fragment's edge word ("a multipolar
... order") is not matched to a far-off "a" ("as a result"), which would turn half the sentence
into an omission. An edge is a quoting boundary only when that side leaves it open; a rendering
that opens a sentence (a capitalised first word that the other writes in lower case, or a
capitalised function word such as "We" or "The") or closes one (".", "!" or "?", not an ellipsis)
claims to give the whole sentence there, so what the other has beyond that edge is an omission
(or an addition). A lower-case start, an ellipsis and an end without final punctuation (news
style turns the final full stop into a comma before "he said", which quote extraction trims) all
leave the edge open, so doubt falls on the side of quoting less, not of dropping words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import Literal

from drift.align.normalize import Token, tokenize
from drift.align.similarity import Block, matched_pairs

WordOpKind = Literal["equal", "moved", "outside", "substitution", "insertion", "omission"]
DIVERGENT = frozenset({"substitution", "insertion", "omission"})
_CLOSERS = "\"'”’»)]*"  # closing marks that may follow a sentence's final punctuation
ANCHOR_SIMILARITY = 0.5  # character-trigram Dice from which two differing words pair up


@dataclass(frozen=True)
class WordOp:
    """One aligned stretch: `a[start_a:end_a] == span_a`, likewise for b ("" when absent).

    kinds: equal; moved (same words elsewhere); outside (one text quotes more, at an edge);
    substitution; insertion (only b has words here); omission (only a has words here).
    """

    kind: WordOpKind
    span_a: str
    span_b: str
    start_a: int
    end_a: int
    start_b: int
    end_b: int

    @property
    def is_divergence(self) -> bool:
        """True for substitutions, insertions and omissions: what counts as a difference."""
        return self.kind in DIVERGENT


def _trigrams(word: str) -> set[str]:
    padded = f"#{word}#"
    return {padded[k : k + 3] for k in range(len(padded) - 2)}


def word_similarity(x: str, y: str) -> float:
    """Character-trigram Dice of two words: "relations"/"relationship" high, "solid"/"firm" 0."""
    gx, gy = _trigrams(x), _trigrams(y)
    return 2 * len(gx & gy) / (len(gx) + len(gy))


class _Aligner:
    """Builds the op list for one pair of texts."""

    def __init__(self, a: str, b: str) -> None:
        self.a, self.b = a, b
        self.ta = [t for t in tokenize(a) if not t.is_filler]
        self.tb = [t for t in tokenize(b) if not t.is_filler]
        self.ops: list[WordOp] = []

    def op(self, kind: WordOpKind, ra: Sequence[Token], rb: Sequence[Token], at: tuple[int, int]):
        """Record an op over token runs `ra`/`rb`; `at` gives offsets for an empty side."""
        sa, ea = (ra[0].start, ra[-1].end) if ra else (at[0], at[0])
        sb, eb = (rb[0].start, rb[-1].end) if rb else (at[1], at[1])
        self.ops.append(WordOp(kind, self.a[sa:ea], self.b[sb:eb], sa, ea, sb, eb))

    def at(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets just before token i of a and token j of b."""
        pa = self.ta[i].start if i < len(self.ta) else len(self.a)
        pb = self.tb[j].start if j < len(self.tb) else len(self.b)
        return pa, pb

    def run(self) -> list[WordOp]:
        blocks = self.compact(matched_pairs([t.norm for t in self.ta], [t.norm for t in self.tb]))
        gaps: list[tuple[int, int, int, int]] = []  # unmatched (i0, i1, j0, j1) between blocks
        i = j = 0
        for bi, bj, size in [*blocks, (len(self.ta), len(self.tb), 0)]:
            gaps.append((i, bi, j, bj))
            if size:
                self.op("equal", self.ta[bi : bi + size], self.tb[bj : bj + size], (0, 0))
            i, j = bi + size, bj + size
        moved_a, moved_b = self.find_moves(gaps)
        for index, (i0, i1, j0, j1) in enumerate(gaps):
            ia = [k for k in range(i0, i1) if k not in moved_a]
            jb = [k for k in range(j0, j1) if k not in moved_b]
            if blocks and index in (0, len(gaps) - 1):
                self.edge(ia, jb, (i1, j1), leading=index == 0)
            else:
                self.differ(ia, jb, (i0, j0), (i1, j1))
        return sorted(self.ops, key=lambda o: (o.start_a, o.start_b, o.end_a, o.end_b, o.kind))

    def compact(self, blocks: list[Block]) -> list[Block]:
        """Move an edge block next to its neighbour when the same words sit there: same length,
        fewer gaps ("towards a multipolar" rather than "as a ... multipolar")."""
        a, b = [t.norm for t in self.ta], [t.norm for t in self.tb]
        while len(blocks) > 1:
            (i, j, n), (ni, nj, _) = blocks[0], blocks[1]
            if j + n == nj and i + n < ni and a[ni - n : ni] == b[j : j + n]:
                blocks = [(ni - n, j, n), *blocks[1:]]
            elif i + n == ni and j + n < nj and b[nj - n : nj] == a[i : i + n]:
                blocks = [(i, nj - n, n), *blocks[1:]]
            else:
                break
            blocks = _merge(blocks[:2]) + blocks[2:]
        while len(blocks) > 1:
            (pi, pj, pn), (i, j, n) = blocks[-2], blocks[-1]
            if pj + pn == j and pi + pn < i and a[pi + pn : pi + pn + n] == b[j : j + n]:
                blocks = [*blocks[:-1], (pi + pn, j, n)]
            elif pi + pn == i and pj + pn < j and b[pj + pn : pj + pn + n] == a[i : i + n]:
                blocks = [*blocks[:-1], (i, pj + pn, n)]
            else:
                break
            blocks = blocks[:-2] + _merge(blocks[-2:])
        return blocks

    def find_moves(self, gaps: Sequence[tuple[int, int, int, int]]) -> tuple[set[int], set[int]]:
        """Runs of words unmatched in a and in b at different places: reordered, not changed."""
        moved_a: set[int] = set()
        moved_b: set[int] = set()
        for ga in gaps:
            for gb in gaps:
                if ga is gb:
                    continue
                while True:
                    ia = [k for k in range(ga[0], ga[1]) if k not in moved_a]
                    jb = [k for k in range(gb[2], gb[3]) if k not in moved_b]
                    match = SequenceMatcher(
                        None, [self.ta[k].norm for k in ia], [self.tb[k].norm for k in jb], False
                    ).find_longest_match()
                    run = [self.ta[ia[match.a + k]] for k in range(match.size)]
                    if match.size < 2 and not (match.size == 1 and run[0].is_content):
                        break
                    moved_a.update(ia[match.a : match.a + match.size])
                    moved_b.update(jb[match.b : match.b + match.size])
                    self.op(
                        "moved",
                        run,
                        [self.tb[jb[match.b + k]] for k in range(match.size)],
                        (0, 0),
                    )
        return moved_a, moved_b

    def edge(self, ia: list[int], jb: list[int], end: tuple[int, int], *, leading: bool) -> None:
        """Before the first or after the last match: what only one side quotes is `outside`,
        unless the other side closes its sentence there (then it was dropped)."""
        keep = min(len(ia), len(jb))
        inner_a = ia[len(ia) - keep :] if leading else ia[:keep]
        inner_b = jb[len(jb) - keep :] if leading else jb[:keep]
        closed_a = self.opens(self.a, self.ta, self.b, self.tb) if leading else closes(self.a)
        closed_b = self.opens(self.b, self.tb, self.a, self.ta) if leading else closes(self.b)
        for run in _runs([k for k in ia if k not in inner_a]):
            kind: WordOpKind = "omission" if closed_b else "outside"
            self.op(kind, [self.ta[k] for k in run], [], self.at(run[0], end[1]))
        for run in _runs([k for k in jb if k not in inner_b]):
            kind = "insertion" if closed_a else "outside"
            self.op(kind, [], [self.tb[k] for k in run], self.at(end[0], run[0]))
        if keep:
            start = (inner_a[0], inner_b[0])
            self.differ(inner_a, inner_b, start, (inner_a[-1] + 1, inner_b[-1] + 1))

    def differ(
        self, ia: list[int], jb: list[int], start: tuple[int, int], end: tuple[int, int]
    ) -> None:
        """Unmatched words of one gap: pair look-alike words, merge the rest into spans."""
        anchors: list[tuple[int, int]] = []
        for x in ia:
            if not jb:
                break
            best = max(jb, key=lambda y: (word_similarity(self.ta[x].norm, self.tb[y].norm), -y))
            back = max(ia, key=lambda z: (word_similarity(self.ta[z].norm, self.tb[best].norm), -z))
            score = word_similarity(self.ta[x].norm, self.tb[best].norm)
            if back == x and score >= ANCHOR_SIMILARITY and (not anchors or best > anchors[-1][1]):
                anchors.append((x, best))
        lo_a, lo_b = start
        for x, y in [*anchors, end]:
            part_a = [k for k in ia if lo_a <= k < x]
            part_b = [k for k in jb if lo_b <= k < y]
            self.spans(part_a, part_b, (x, y))
            if (x, y) != end:
                self.op("substitution", [self.ta[x]], [self.tb[y]], (0, 0))
            lo_a, lo_b = x + 1, y + 1

    def spans(self, ia: list[int], jb: list[int], end: tuple[int, int]) -> None:
        """One op per contiguous run; runs pair up in order, leftovers are insertions/omissions."""
        runs_a, runs_b = _runs(ia), _runs(jb)
        if (len(runs_a) > 1 or len(runs_b) > 1) and min(len(runs_a), len(runs_b)) <= 1:
            runs_a, runs_b = ([ia] if ia else []), ([jb] if jb else [])  # one side continuous
        for ra, rb in zip_longest(runs_a, runs_b):
            if ra and rb and self.content(ra, self.ta) != self.content(rb, self.tb):
                # "clearer significantly and we" vs "clearer and that we": the content word is
                # an omission; a lone function word on the other side is no difference at all.
                ra, rb = (ra, None) if self.content(ra, self.ta) else (None, rb)
            if ra and rb:
                self.op("substitution", [self.ta[k] for k in ra], [self.tb[k] for k in rb], (0, 0))
            elif ra:
                self.op("omission", [self.ta[k] for k in ra], [], self.at(ra[0], end[1]))
            elif rb:
                self.op("insertion", [], [self.tb[k] for k in rb], self.at(end[0], rb[0]))

    @staticmethod
    def opens(text: str, tokens: Sequence[Token], other: str, others: Sequence[Token]) -> bool:
        """Whether `text` starts as a sentence: a capitalised function word ("We", not "I"), or
        a capitalised word that the other text writes in lower case (so it is no name)."""
        if not tokens or not text[tokens[0].start].isupper() or tokens[0].norm == "i":
            return False
        first = tokens[0]
        return not first.is_content or any(
            t.norm == first.norm and other[t.start].islower() for t in others
        )

    @staticmethod
    def content(run: Sequence[int], tokens: Sequence[Token]) -> bool:
        """Whether a run of tokens holds a content word."""
        return any(tokens[k].is_content for k in run)


def closes(text: str) -> bool:
    """Whether `text` ends its sentence: final ".", "!" or "?" (an ellipsis marks a cut)."""
    end = text.rstrip().rstrip(_CLOSERS).rstrip()
    return end.endswith((".", "!", "?")) and not end.endswith(("..", "…"))


def _merge(blocks: Sequence[Block]) -> list[Block]:
    """Join two blocks that now touch on both sides into one."""
    (i, j, n), (ni, nj, m) = blocks
    return [(i, j, n + m)] if (i + n, j + n) == (ni, nj) else list(blocks)


def _runs(indices: Sequence[int]) -> list[list[int]]:
    """Split sorted indices into runs of consecutive numbers."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def align_words(a: str, b: str) -> list[WordOp]:
    """Align two renderings word by word; ops are sorted by their position in `a`.

    Punctuation, case, "and" versus a comma, typographic quotes and British/American spelling
    never show up as differences.
    """
    return _Aligner(a, b).run()
