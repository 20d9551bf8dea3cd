"""Term quotes (“solid”, “ironclad”) compared by the sentence they sit in, not by their one word.

Two outlets that put different words in one official's mouth within weeks, each in a sentence about
the same thing, are rendering one statement; the clause around each term decides between several
terms of one sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import simplemma

from drift.align.blocking import WINDOW_DAYS, pair_allowed
from drift.align.normalize import tokenize
from drift.align.units import Unit, speaker_block

MAX_NEIGHBOURS = 40  # terms of one speaker compared with at most this many neighbours by date
# Capitals and adjectives newsrooms use for their countries ("Beijing", "Moscow"), and words
# for one thing that outlets use interchangeably, folded to one lemma.
FOLDS = {
    "beijing": "china",
    "chinese": "china",
    "sino": "china",
    "moscow": "russia",
    "kremlin": "russia",
    "russian": "russia",
    "russo": "russia",
    "washington": "us",
    "american": "us",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "ukrainian": "ukraine",
    "brussels": "eu",
    # words for the bilateral relationship itself, which outlets use interchangeably
    "relationship": "relation",
    "tie": "relation",
    "friendship": "relation",
    "partnership": "relation",
}
_CLAUSE = re.compile(r"[,;:()]|\s(?:and|but|while|whereas)\s")
MIN_CLAUSE_WORDS = 3


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    word = FOLDS.get(re.sub(r"'s$", "", word), word)
    lemma = simplemma.lemmatize(word, lang="en").lower()
    return FOLDS.get(lemma, lemma)


def content_lemmas(text: str, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Lemmas of the content words of `text`, countries folded, words in `drop` left out."""
    return frozenset(
        lemma
        for t in tokenize(text)
        if t.is_content and (lemma := _lemma(t.norm)) not in drop and t.norm not in drop
    )


def term_clause(context: str, term: str, drop: frozenset[str]) -> frozenset[str]:
    """Content lemmas of the clause holding `term`, widened leftwards until it says something."""
    at = context.find(term)
    if at < 0:
        return content_lemmas(context, drop)
    cuts = sorted({0, len(context), *(m.end() for m in _CLAUSE.finditer(context))})
    index = max(k for k, cut in enumerate(cuts) if cut <= at)
    end = min(cut for cut in cuts if cut >= at + len(term))
    words = content_lemmas(context[cuts[index] : end], drop)
    while len(words) < MIN_CLAUSE_WORDS and index > 0:
        index -= 1
        words = content_lemmas(context[cuts[index] : end], drop)
    return words


def _overlap(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def term_similarity(a: Unit, b: Unit) -> float:
    """Similarity in [0, 1] of two term quotes from their contexts and their clauses."""
    drop = frozenset(
        {*a.speaker_key.split(), *b.speaker_key.split()}
        | {t.norm for t in a.tokens}
        | {t.norm for t in b.tokens}
    )
    full_a = content_lemmas(a.context or a.rendering.text, drop)
    full_b = content_lemmas(b.context or b.rendering.text, drop)
    dice = 2 * len(full_a & full_b) / (len(full_a) + len(full_b)) if full_a or full_b else 0.0
    clause_a = term_clause(a.context, a.quote_text, drop)
    clause_b = term_clause(b.context, b.quote_text, drop)
    score = 0.5 * dice + 0.25 * (_overlap(clause_a, full_b) + _overlap(clause_b, full_a))
    if a.key == b.key:  # the same word in the same kind of sentence: very likely one statement
        score = 0.5 + 0.5 * score
    return score


def term_pairs(units: Sequence[Unit], terms: Sequence[int], window: int = WINDOW_DAYS):
    """Candidate pairs of term units: same known speaker, dates in the window, nearest by date."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in terms:
        if units[i].speaker_key:
            blocks[speaker_block(units[i].speaker_key)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda i: (units[i].day or 0, i))
        for pos, i in enumerate(members):
            for j in members[pos + 1 : pos + 1 + MAX_NEIGHBOURS]:
                if pair_allowed(units[i], units[j], window):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)
