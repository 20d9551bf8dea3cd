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
MIN_COVERED = 3  # content lemmas a sentence needs for its coverage to count
DATE_SLACK = 1  # days an article may seem to precede the original (time zones)
IDIOM_CHARS = 4  # a Chinese lemma this long is an idiom (chengyu) or a compound of several words
_SENTENCE_END = re.compile(r"(?<=[.!?。！？…])[\s\"'»”」』)]*(?=\s|[^\s.!?。！？…]|$)")
_SEVERAL = re.compile(r"\s+and\s+|\s+и\s+|\s*[,&;/、和与]\s*")


class Bridge(Protocol):
    """Cross-lingual word evidence, wired by the pipeline (lexicons and lemmatizers)."""

    def targets(self, text: str, lang: str) -> list[tuple[str, frozenset[str]]]:
        """Each English content word of `text` with dictionary entries, and its candidates."""
        ...

    def lemmas(self, text: str, lang: str) -> frozenset[str]:
        """Content lemmas of a text in `lang` ("ru" or "zh")."""
        ...

    def english(self, lemma: str, lang: str) -> frozenset[str]:
        """English content lemmas of the dictionary glosses of one `lang` lemma."""
        ...

    def words(self, text: str) -> frozenset[str]:
        """English content lemmas of a rendering."""
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


def _covered(lemma: str, candidates: frozenset[str], english: frozenset[str], zh: bool) -> bool:
    """A sentence lemma rendered by the unit: one of its words' candidates, inside a Chinese
    compound (方向 in 前进方向), or the lemma's own English glosses among the unit's words."""
    return (
        lemma in candidates
        or (zh and any(len(c) > 1 and c in lemma for c in candidates))
        or bool(english)
    )


def idiom_words(
    targets: Sequence[tuple[str, frozenset[str]]], lemmas: frozenset[str]
) -> dict[str, frozenset[str]]:
    """Chinese idioms (four characters or more, one lemma) rendered word by word: 你死我活 as
    "you die and I live", 韬光养晦 as "hide brightness, nourish obscurity". Lemma -> the unit's
    words whose one-character candidates lie in it, for lemmas where two words or more do (one
    common character alone is no evidence)."""
    found: dict[str, frozenset[str]] = {}
    for lemma in lemmas:
        if len(lemma) < IDIOM_CHARS:
            continue
        words = frozenset(w for w, t in targets if any(len(c) == 1 and c in lemma for c in t))
        if len(words) >= 2:
            found[lemma] = words
    return found


def _dictionary(
    targets: list[tuple[str, frozenset[str]]],
    lemmas: frozenset[str],
    text: str,
    lang: str,
    glossed_back: dict[str, frozenset[str]],
    words: frozenset[str],
) -> float | None:
    """How well the dictionaries tie a unit to a sentence: the share of the unit's glossed words
    found in the sentence, or of the sentence's lemmas rendered in the unit, whichever is higher
    (a unit may render more than a partial original, or less than a long one); None if too few
    words to tell."""
    zh = lang.startswith("zh")
    idioms = idiom_words(targets, lemmas) if zh else {}
    in_idiom = frozenset().union(*idioms.values()) if idioms else frozenset()
    shares = []
    if len(targets) >= MIN_GLOSSED:
        found = sum(
            bool(t & lemmas)
            or w in in_idiom
            or (zh and any(len(c) > 1 and (c in text or any(c in m for m in lemmas)) for c in t))
            for w, t in targets
        )
        shares.append(found / len(targets))
    if len(lemmas) >= MIN_COVERED:
        candidates = frozenset().union(*(t for _, t in targets)) if targets else frozenset()
        covered = sum(
            lemma in idioms
            or _covered(lemma, candidates, glossed_back.get(lemma, frozenset()) & words, zh)
            for lemma in lemmas
        )
        shares.append(covered / len(lemmas))
    return max(shares) if shares else None


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
    terms = {
        i: [s for s in sentences if _allowed(u, s)]
        for i, u in enumerate(units)
        if u.is_term and u.speaker_key
    }
    terms = {i: cands for i, cands in terms.items() if cands} if bridge is not None else {}
    if not todo and not terms:
        return {}
    vectors: dict[str, np.ndarray] = {}
    if embedder is not None:
        texts = sorted({units[i].rendering.text for i in todo} | {s.text for s in sentences})
        vectors = dict(zip(texts, embedder.encode(texts), strict=True))
    lemmas = {s.key: bridge.lemmas(s.text, s.original.lang) for s in sentences} if bridge else {}
    back = (
        {
            s.key: {lemma: bridge.english(lemma, s.original.lang) for lemma in lemmas[s.key]}
            for s in sentences
        }
        if bridge
        else {}
    )
    glossed: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
    words: dict[str, frozenset[str]] = {}
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
                if text not in words:
                    words[text] = bridge.words(text)
                share = _dictionary(
                    glossed[(text, lang)], lemmas[s.key], s.text, lang, back[s.key], words[text]
                )
                if share is not None:
                    evidence.append((W_DICTIONARY, share))
                elif evidence and evidence[0][1] < 1.0:
                    # the dictionaries cannot tell (too few words): e5 alone, where right and
                    # wrong sentences overlap, is no evidence short of a faithful-pair cosine
                    evidence = [(W_COSINE, 0.0)]
            if evidence:
                score = sum(w * x for w, x in evidence) / sum(w for w, _ in evidence)
                scored.append((score, s.key, s))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < LINK:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
            continue  # two sentences fit about as well: no anchor rather than a wrong one
        links[i] = Link(scored[0][2], round(scored[0][0], 6))
    if bridge is not None and terms:
        english = {key: frozenset().union(*by_lemma.values()) for key, by_lemma in back.items()}
        for i, cands in terms.items():
            found = _term_link(units[i], cands, bridge, lemmas, english)
            if found is not None:
                links[i] = found
    return links


def _term_link(
    unit: Unit,
    cands: Sequence[Sentence],
    bridge: Bridge,
    lemmas: dict[str, frozenset[str]],
    english: dict[str, frozenset[str]],
) -> Link | None:
    """A quoted term ("solid") linked to the one sentence whose words the dictionaries tie to
    every content word of the term, and to more words of the sentence around the quote ("the
    solid friendship" -> 友谊) than any other sentence; None when no sentence or two tie."""
    words = bridge.words(unit.rendering.text)
    around = bridge.words(unit.context) - words
    if not words or not around:
        return None
    candidates: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}

    def rendered(word: str, s: Sentence, glosses: frozenset[str]) -> bool:
        """The sentence renders `word`: a gloss of one of its lemmas, or one of its lemmas among
        the word's dictionary candidates (looked up once per word and language)."""
        if word in glosses:
            return True
        key = (word, s.original.lang)
        if key not in candidates:
            candidates[key] = bridge.targets(word, s.original.lang)
        return any(t & lemmas[s.key] for _, t in candidates[key])

    scored = []
    for s in cands:
        if all(rendered(w, s, english[s.key]) for w in words):
            support = sum(rendered(w, s, english[s.key]) for w in around)
            if support:
                scored.append((support, s.key, s))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    share = scored[0][0] / len(around)
    score = (W_DICTIONARY + W_COSINE * share) / (W_DICTIONARY + W_COSINE)
    return Link(scored[0][2], round(score, 6))
