"""Links between the content words of two spans: is word x of one rendering a way of saying
word y of the other?

Evidence, strongest first: the same lemma or spelling; a shared WordNet synset; both words going
back to one source-language word (a lexicon candidate they share); WordNet similar-to or
derivation; one word's dictionary candidate glossed by the other (a pivot, `pivot.py`); WordNet
hypernymy; the Moby thesaurus; one word's WordNet definition using the other. Antonyms link too,
as a polarity change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from drift.align.normalize import normalize_word
from drift.translate.lemmatize import lemma as en_lemma

LinkKind = Literal[
    "same",
    "synonym",
    "source",
    "similar",
    "derivation",
    "pivot",
    "hypernym",
    "thesaurus",
    "gloss",
    "antonym",
]


class Semantics(Protocol):
    """What the scores need of `drift.lexicon.english.EnglishSemantics`."""

    def relation(self, a: str, b: str) -> Any | None:
        """A relation with `kind`, `evidence` and `distance`, or None."""
        ...

    def known(self, word: str) -> bool:
        """Whether the word is in WordNet or the thesaurus."""
        ...


@dataclass(frozen=True)
class Word:
    """A content word of a span with its source-language candidates (lemmatized)."""

    text: str
    candidates: tuple[str, ...] = ()  # preferred first
    ranks: tuple[int, ...] = ()  # each candidate's sense rank in the dictionary (0 = first)

    def rank(self, candidate: str) -> int:
        """The dictionary rank of a candidate (its position when no ranks were given)."""
        at = self.candidates.index(candidate)
        return self.ranks[at] if len(self.ranks) == len(self.candidates) else at


@dataclass(frozen=True)
class Link:
    """How word `a` relates to word `b`, with a readable reason."""

    a: str
    b: str
    kind: LinkKind
    evidence: str
    distance: int = 0


_KIND_ORDER: dict[str, int] = {
    "same": 0,
    "synonym": 1,
    "source": 2,  # both words go back to one source-language word: the back-translation decides
    "similar": 3,  # adjectives WordNet ties to one head: near-synonyms or graded variants
    "derivation": 4,
    "pivot": 5,  # both words render one foreign word (the dictionaries both ways)
    "antonym": 6,
    "hypernym": 7,
    "thesaurus": 8,
    "gloss": 9,  # one word's definition uses the other: the loosest link
}
_SEMANTIC_KINDS = {
    "spelling": "same",
    "inflection": "same",
    "synonym": "synonym",
    "similar": "similar",
    "derivation": "derivation",
    "pivot": "pivot",
    "hypernym": "hypernym",
    "thesaurus": "thesaurus",
    "gloss": "gloss",
    "antonym": "antonym",
}


def same_word(a: str, b: str) -> bool:
    """Equal up to case, British/American spelling, hyphenation and inflection."""
    na, nb = normalize_word(a.replace("-", "")), normalize_word(b.replace("-", ""))
    return na == nb or en_lemma(na) == en_lemma(nb)


def name_variant(x: str, y: str) -> bool:
    """Two spellings of one name: a transliteration ("Kiev" / "Kyiv"), a derived form
    ("Islamic" / "Islamist", "Russians" / "Russian")."""
    from rapidfuzz.distance import Levenshtein

    x, y = x.lower().removesuffix("'s"), y.lower().removesuffix("'s")
    return min(len(x), len(y)) >= 4 and (Levenshtein.distance(x, y) <= 2 or x[:5] == y[:5])


# English derivational suffixes, longest first (Quirk et al., Appendix I.3): "demilitarise" and
# "demilitarization" are one stem, whichever of them a dictionary lists.
_SUFFIXES = (
    *("isation", "ization", "ification", "ation", "ition", "ment", "ness", "ity", "ism", "ist"),
    *("ise", "ize", "ify", "al", "ally", "ly", "ive", "ic", "ical", "ed", "ing", "er", "s"),
)
_SUFFIXES_BY_LENGTH = tuple(sorted(_SUFFIXES, key=len, reverse=True))
MIN_STEM = 5


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in _SUFFIXES_BY_LENGTH:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _both_known(a: str, b: str, semantics: Semantics | None) -> bool:
    return semantics is not None and semantics.known(a) and semantics.known(b)


def common_stem(a: str, b: str) -> str:
    """The stem two words derive from by a suffix ("demilitar" of "demilitarise" and
    "demilitarization"), or "" when they do not share one of at least MIN_STEM letters."""
    sa, sb = _stem(a), _stem(b)
    return sa if sa == sb and len(sa) >= MIN_STEM and a.lower() != b.lower() else ""


def link(a: Word, b: Word, lang: str, semantics: Semantics | None) -> Link | None:
    """The strongest link between two words, or None when nothing relates them."""
    if same_word(a.text, b.text):
        return Link(a.text, b.text, "same", "same word (spelling or inflection)")
    if a.text[:1].isupper() and b.text[:1].isupper() and name_variant(a.text, b.text):
        return Link(a.text, b.text, "same", "two spellings or forms of one name")
    relation = semantics.relation(a.text, b.text) if semantics is not None else None
    kind = _SEMANTIC_KINDS.get(getattr(relation, "kind", ""), "")
    found: Link | None = None
    if relation is not None and kind:
        distance = getattr(relation, "distance", 0)
        found = Link(a.text, b.text, kind, relation.evidence, distance)  # type: ignore[arg-type]
    theirs = set(b.candidates)
    # the shared source word highest in both lists; its rank grades the link as a synset's does
    shared = sorted(
        (max(a.rank(c), b.rank(c)), i, c) for i, c in enumerate(a.candidates) if c in theirs
    )
    weaker = found is None or (
        found.kind != "antonym" and _KIND_ORDER[found.kind] > _KIND_ORDER["source"]
    )
    if shared and weaker:
        rank, _, word = shared[0]
        later = a.text if a.rank(word) >= b.rank(word) else b.text
        where = f" (candidate {rank + 1} of {later})" if rank else ""
        return Link(a.text, b.text, "source", f"{lang}: both → {word}{where}", rank)
    if found is None and not _both_known(a.text, b.text, semantics):  # a dictionary gap
        stem = common_stem(a.text, b.text)
        if stem:
            return Link(a.text, b.text, "derivation", f"derived forms of one stem: {stem}-")
    return found


def best_links(
    side: Sequence[Word], other: Sequence[Word], lang: str, semantics: Semantics | None
) -> list[Link | None]:
    """For each word of `side`, its strongest link to any word of `other` (None if unlinked).
    An antonym the side itself also says is no substitution: "all conceivable and unthinkable
    rules" / "every conceivable rule" adds "unthinkable" beside "conceivable"."""
    out: list[Link | None] = []
    for word in side:
        found = [
            x
            for o in other
            if (x := link(word, o, lang, semantics)) is not None
            and not (x.kind == "antonym" and any(same_word(o.text, w.text) for w in side))
        ]
        out.append(min(found, key=lambda x: (_KIND_ORDER[x.kind], x.distance)) if found else None)
    return out
