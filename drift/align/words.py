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
into an omission.

The start is always a quoting boundary: outlets capitalise the first word of a partial quote
("We will strive to achieve demilitarization ..." for "... and to this end we will seek to
demilitarise ..."), so a capital tells nothing. The end is one too, unless the shorter side reads
as a whole sentence (a capital first letter and a final ".", "!" or "?", not an ellipsis) and its
quote ends there: then what the other has after it in the same sentence (up to its next ".", "!",
"?" or ";") was dropped, and is compared as an ordinary gap ("But first I will talk to my
advisors." / "... my advisor at some point."). A lower-case start (an evident fragment, whose final
stop is only American punctuation), an ellipsis, an end without final punctuation (news style
turns the full stop into a comma before "he said", which quote extraction trims), another sentence
of the other rendering, and a next sentence of the same quote all leave the end open: doubt falls
on the side of quoting less, not of dropping words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import Literal

from drift.align.normalize import Token, tokenize
from drift.align.similarity import Block, matched_pairs

WordOpKind = Literal["equal", "moved", "outside", "substitution", "insertion", "omission"]
DIVERGENT = frozenset({"substitution", "insertion", "omission"})
_SENTENCE_END = re.compile(r"[.!?;]")  # between two words: a sentence (or clause) ends there
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

    def __init__(self, a: str, b: str, ends_a: bool, ends_b: bool) -> None:
        self.a, self.b = a, b
        self.ends_a, self.ends_b = ends_a, ends_b
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
                self.edge(ia, jb, (i0, i1, j0, j1), leading=index == 0)
            else:
                self.differ(ia, jb, (i0, j0), (i1, j1))
        return sorted(self.ops, key=lambda o: (o.start_a, o.start_b, o.end_a, o.end_b, o.kind))

    def compact(self, blocks: list[Block]) -> list[Block]:
        """Move the function-word blocks at either edge next to the first or last block of
        content words when the same words sit there: an alignment as long, with fewer gaps
        ("towards a multipolar" rather than "as a ... multipolar")."""
        a, b = [t.norm for t in self.ta], [t.norm for t in self.tb]
        content = [
            k for k, (i, _, n) in enumerate(blocks) if self.content(range(i, i + n), self.ta)
        ]
        if not content:
            return blocks
        blocks = list(blocks)
        for k in range(content[0] - 1, -1, -1):  # innermost first: "to the" before "multipolar"
            (i, j, n), (ni, nj, _) = blocks[k], blocks[k + 1]
            if j + n == nj and i + n < ni and a[ni - n : ni] == b[j : j + n]:
                blocks[k] = (ni - n, j, n)
            elif i + n == ni and j + n < nj and b[nj - n : nj] == a[i : i + n]:
                blocks[k] = (i, nj - n, n)
        for k in range(content[-1] + 1, len(blocks)):
            (pi, pj, pn), (i, j, n) = blocks[k - 1], blocks[k]
            if pj + pn == j and pi + pn < i and a[pi + pn : pi + pn + n] == b[j : j + n]:
                blocks[k] = (pi + pn, j, n)
            elif pi + pn == i and pj + pn < j and b[pj + pn : pj + pn + n] == a[i : i + n]:
                blocks[k] = (i, pj + pn, n)
        return _merge(blocks)

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

    def edge(
        self, ia: list[int], jb: list[int], gap: tuple[int, int, int, int], *, leading: bool
    ) -> None:
        """Before the first or after the last match: what only one side quotes is `outside`,
        unless the other side ends its sentence there while the words lie in the same sentence
        as the aligned window (then they are an ordinary gap: an omission or an addition)."""
        i0, i1, j0, j1 = gap
        keep = min(len(ia), len(jb))
        keep_a = keep_b = keep
        if not leading and self.ends_b and sentence(self.b):
            keep_a = max(keep, len(self.same_sentence(ia, self.a, self.ta)))
        if not leading and self.ends_a and sentence(self.a):
            keep_b = max(keep, len(self.same_sentence(jb, self.b, self.tb)))
        inner_a = ia[len(ia) - keep_a :] if leading else ia[:keep_a]
        inner_b = jb[len(jb) - keep_b :] if leading else jb[:keep_b]
        if leading:
            first = (inner_a[0] if inner_a else i1, inner_b[0] if inner_b else j1)
            last = (i1, j1)
        else:
            first = (i0, j0)
            last = (inner_a[-1] + 1 if inner_a else i0, inner_b[-1] + 1 if inner_b else j0)
        for run in _runs([k for k in ia if k not in inner_a]):
            self.op("outside", [self.ta[k] for k in run], [], self.at(run[0], j1))
        for run in _runs([k for k in jb if k not in inner_b]):
            self.op("outside", [], [self.tb[k] for k in run], self.at(i1, run[0]))
        if inner_a or inner_b:
            self.differ(inner_a, inner_b, first, last)

    @staticmethod
    def same_sentence(indices: list[int], text: str, tokens: Sequence[Token]) -> list[int]:
        """The words of a trailing gap before the sentence of the window next to them ends."""
        kept: list[int] = []
        for k in indices:
            if k > 0 and _SENTENCE_END.search(text[tokens[k - 1].end : tokens[k].start]):
                break
            kept.append(k)
        return kept

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
    def content(run: Sequence[int], tokens: Sequence[Token]) -> bool:
        """Whether a run of tokens holds a content word."""
        return any(tokens[k].is_content for k in run)


def sentence(text: str) -> bool:
    """Whether `text` reads as a whole sentence: a capital first letter and a final ".", "!"
    or "?" (not an ellipsis, which marks a cut)."""
    end = text.rstrip().rstrip(_CLOSERS).rstrip()
    letters = [c for c in text if c.isalpha()]
    closed = end.endswith((".", "!", "?")) and not end.endswith(("..", "…"))
    return closed and bool(letters) and letters[0].isupper()


def _merge(blocks: Sequence[Block]) -> list[Block]:
    """Join consecutive blocks that touch on both sides into one."""
    merged: list[Block] = []
    for i, j, n in blocks:
        if merged and (merged[-1][0] + merged[-1][2], merged[-1][1] + merged[-1][2]) == (i, j):
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        else:
            merged.append((i, j, n))
    return merged


def _runs(indices: Sequence[int]) -> list[list[int]]:
    """Split sorted indices into runs of consecutive numbers."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def align_words(a: str, b: str, *, ends_a: bool = True, ends_b: bool = True) -> list[WordOp]:
    """Align two renderings word by word; ops are sorted by their position in `a`.

    Punctuation, case, "and" versus a comma, typographic quotes and British/American spelling
    never show up as differences.

    `ends_a` / `ends_b` say whether each side's end is also its quote's: where a quote goes on (a
    sentence split out of it), its next sentence may hold what the other has beyond that end, so
    the end is read as a quoting boundary whatever its punctuation.
    """
    return _Aligner(a, b, ends_a, ends_b).run()
