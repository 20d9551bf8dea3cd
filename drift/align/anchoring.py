"""Link renderings to the original sentence they render, across languages.

Originals are split into sentences; each English unit is compared with the sentences of originals
by a compatible speaker said no later than the article: e5 cosine between the unit and the
sentence, and dictionary overlap (the unit's English words glossed into the original's language,
found among the sentence's lemmas). Renderings of one original sentence then form one group,
whatever their dates and however few English words they share; a fragment links like a whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from drift.align.units import Unit, parse_day, speakers_compatible
from drift.embed import Embedder
from drift.quotes.speakers import speaker_key
from drift.records import Original

# Set on the "tune" rows of benchmarks/grouping: e5 cosines of right and wrong sentences overlap
# (0.80-0.89 both), dictionary overlap separates them better, so it weighs more.
LINK = 0.45  # evidence from which a unit renders an original sentence
MARGIN = 0.05  # ... and by which it must beat the next best sentence
COSINE_FLOOR, COSINE_SPAN = 0.78, 0.12  # e5 cosine of unrelated / faithful cross-lingual pairs
W_DICTIONARY, W_COSINE = 0.6, 0.4
MIN_GLOSSED = 2  # English words with dictionary candidates needed for dictionary evidence
DATE_SLACK = 1  # days an article may seem to precede the original (time zones)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？…])[\s\"'»”」』)]*(?=\s|[^\s.!?。！？…]|$)")
_SEVERAL = re.compile(r"\s+and\s+|\s+и\s+|\s*[,&;/、和与]\s*")


class Bridge(Protocol):
    """Cross-lingual word evidence, wired by the pipeline (lexicons and lemmatizers)."""

    def targets(self, text: str, lang: str) -> list[frozenset[str]]:
        """For each English content word of `text` with dictionary entries, its candidates."""
        ...

    def lemmas(self, text: str, lang: str) -> frozenset[str]:
        """Content lemmas of a text in `lang` ("ru" or "zh")."""
        ...


@dataclass(frozen=True)
class Sentence:
    """One sentence of an original statement."""

    original: Original
    index: int
    text: str

    @property
    def key(self) -> str:
        """Stable id: "{original_id}#{n}", n counting from 1."""
        return f"{self.original.original_id}#{self.index}"


@dataclass(frozen=True)
class Link:
    """A unit judged to render one original sentence, with the evidence score."""

    sentence: Sentence
    score: float


def split_original(text: str) -> list[str]:
    """Sentences of an original (Russian or Chinese punctuation), stripped, empty ones dropped."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start : match.end()])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def sentences_of(originals: Sequence[Original]) -> list[Sentence]:
    """Every sentence of every original, in input order."""
    return [
        Sentence(o, n, text)
        for o in originals
        for n, text in enumerate(split_original(o.text), start=1)
    ]


def _speaker_keys(name: str) -> frozenset[str]:
    return frozenset(speaker_key(part) for part in _SEVERAL.split(name) if part.strip()) - {""}


def _allowed(unit: Unit, sentence: Sentence) -> bool:
    """A compatible speaker, and an article no earlier than the original (when both are known)."""
    keys = _speaker_keys(sentence.original.speaker)
    if (
        keys
        and unit.speaker_key
        and not any(speakers_compatible(unit.speaker_key, k) for k in keys)
    ):
        return False
    said, published = parse_day(sentence.original.date), parse_day(unit.rendering.date)
    return said is None or published is None or published >= said - DATE_SLACK


def _dictionary(
    targets: list[frozenset[str]], lemmas: frozenset[str], text: str, lang: str
) -> float | None:
    """Share of the glossed English words with a candidate in the sentence; None if too few."""
    if len(targets) < MIN_GLOSSED:
        return None
    zh = lang.startswith("zh")
    found = sum(
        bool(t & lemmas) or (zh and any(len(c) > 1 and c in text for c in t)) for t in targets
    )
    return found / len(targets)


def link_units(
    units: Sequence[Unit],
    originals: Sequence[Original],
    *,
    embedder: Embedder | None = None,
    bridge: Bridge | None = None,
) -> dict[int, Link]:
    """unit index -> the original sentence it renders, for the units that render one."""
    sentences = sentences_of(originals)
    if not sentences or (embedder is None and bridge is None):
        return {}
    todo = {
        i: [s for s in sentences if _allowed(u, s)] for i, u in enumerate(units) if not u.is_term
    }
    todo = {i: cands for i, cands in todo.items() if cands}
    if not todo:
        return {}
    vectors: dict[str, np.ndarray] = {}
    if embedder is not None:
        texts = sorted({units[i].rendering.text for i in todo} | {s.text for s in sentences})
        vectors = dict(zip(texts, embedder.encode(texts), strict=True))
    lemmas = {s.key: bridge.lemmas(s.text, s.original.lang) for s in sentences} if bridge else {}
    glossed: dict[tuple[str, str], list[frozenset[str]]] = {}
    links: dict[int, Link] = {}
    for i, cands in todo.items():
        text = units[i].rendering.text
        scored = []
        for s in cands:
            evidence = []
            if vectors:
                cosine = float(vectors[text] @ vectors[s.text])
                rescaled = min(1.0, max(0.0, (cosine - COSINE_FLOOR) / COSINE_SPAN))
                evidence.append((W_COSINE, rescaled))
            if bridge is not None:
                lang = s.original.lang
                if (text, lang) not in glossed:
                    glossed[(text, lang)] = bridge.targets(text, lang)
                share = _dictionary(glossed[(text, lang)], lemmas[s.key], s.text, lang)
                if share is not None:
                    evidence.append((W_DICTIONARY, share))
            if evidence:
                score = sum(w * x for w, x in evidence) / sum(w for w, _ in evidence)
                scored.append((score, s.key, s))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < LINK:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
            continue  # two sentences fit about as well: no anchor rather than a wrong one
        links[i] = Link(scored[0][2], round(scored[0][0], 6))
    return links
