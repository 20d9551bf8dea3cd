"""English lexical semantics: can two English words render the same original word?

Evidence from WordNet 3.0 (shared synsets, similar-to and also-see links, derivations, hypernyms,
antonyms) and the Moby thesaurus, independent of any back-translation. Words or short phrases go
in with any inflection or case; WordNet's morphy finds their lemmas; phrases are tried as
WordNet collocations ("world_order") and otherwise give None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from drift.align.normalize import STOPWORDS
from drift.lexicon.moby import MobyThesaurus
from drift.lexicon.wordnet import Synset, WordNet

RelationKind = Literal[
    "spelling",
    "inflection",
    "synonym",
    "similar",
    "derivation",
    "hypernym",
    "thesaurus",
    "antonym",
    "pivot",  # both words render one foreign word (drift.score.pivot)
    "gloss",  # one word's WordNet definition uses the other ("volatile": "... sudden change")
]
MAX_HYPERNYM_STEPS = 2
HYPERNYM_RANK_CAP = 3  # sense ranks counted as further steps of a hypernym path, at most
_SIMILAR = ("&", "^", "$")  # similar to, also see, verb group
_DERIVED = ("+", "\\", "<", "=")  # derivation, pertainym, participle, attribute
_HYPERNYMS = ("@", "@i")
GLOSS_SENSES = 3  # definitions read for a gloss link: each word's first senses per part of speech
# Words a definition uses for its grammar, not its meaning: they link nothing.
_GLOSS_STOPWORDS = STOPWORDS | {"more", "most", "no", "not", "only", "very", "someone", "something"}


@dataclass(frozen=True)
class Relation:
    """How two English words relate, with readable evidence."""

    kind: RelationKind
    evidence: str  # "WordNet: shared synset abandon.v.01", "Moby thesaurus", ...
    distance: int = 0  # hypernym: steps + sense ranks (1 = direct, first senses); synonym/pivot:
    # the shared sense/word rank


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).replace(" ", "_")


def _definition(synset: Synset) -> set[str]:
    """The words of a synset's definition, its examples aside."""
    return set(re.findall(r"[a-z]+", synset.gloss.split('"')[0].lower()))


def _pos_ranks(synsets: list[Synset]) -> list[int]:
    """Each synset's rank among the senses of its part of speech (0 = most frequent), so a
    verb sense of "leave" is not ranked below all of its noun senses."""
    seen: dict[str, int] = {}
    ranks = []
    for synset in synsets:
        pos = "a" if synset.pos == "s" else synset.pos
        ranks.append(seen.get(pos, 0))
        seen[pos] = ranks[-1] + 1
    return ranks


class EnglishSemantics:
    """WordNet and Moby relations between English words; loads nothing until first asked."""

    def __init__(self) -> None:
        self._relations: dict[tuple[str, str], Relation | None] = {}  # pairs recur across groups
        self._intensifiers: dict[str, bool] = {}  # so do words

    @cached_property
    def _wordnet(self) -> WordNet | None:
        folder = WordNet.locate()
        return WordNet(folder) if folder is not None else None

    @cached_property
    def _moby(self) -> MobyThesaurus | None:
        path = MobyThesaurus.locate()
        return MobyThesaurus(path) if path is not None else None

    @property
    def available(self) -> dict[str, bool]:
        """Which resources answer: {"wordnet": True, "moby": True}."""
        return {"wordnet": WordNet.locate() is not None, "moby": MobyThesaurus.locate() is not None}

    def _lemmas(self, word: str) -> list[str]:
        wordnet = self._wordnet
        return wordnet.morphy(word) if wordnet is not None else []

    def _synsets(self, lemmas: Iterable[str]) -> list[Synset]:
        wordnet = self._wordnet
        if wordnet is None:
            return []
        seen: dict[tuple[int, str], Synset] = {}
        for lemma in lemmas:
            for synset in wordnet.synsets(lemma):
                seen.setdefault(synset.key, synset)
        return list(seen.values())

    def _targets(self, synset: Synset, symbols: tuple[str, ...]) -> list[Synset]:
        assert self._wordnet is not None
        return [
            self._wordnet.synset(p.offset, p.pos) for p in synset.pointers if p.symbol in symbols
        ]

    def _word_targets(self, lemmas: list[str], synsets: list[Synset], symbols: tuple[str, ...]):
        """(word, synset) pairs that lemma-level pointers of `lemmas` lead to."""
        assert self._wordnet is not None
        for synset in synsets:
            for p in synset.pointers:
                if p.symbol not in symbols:
                    continue
                if p.source and synset.words[p.source - 1] not in lemmas:
                    continue
                target = self._wordnet.synset(p.offset, p.pos)
                words = (target.words[p.target - 1],) if p.target else target.words
                for word in words:
                    yield word, target

    def _direct_antonyms(self, lemmas: list[str], synsets: list[Synset]) -> dict[str, Synset]:
        return dict(self._word_targets(lemmas, synsets, ("!",)))

    def _heads(self, synsets: list[Synset]) -> list[Synset]:
        """The head adjectives of `synsets`: satellites' similar-to targets, heads themselves."""
        heads = [s for s in synsets if s.pos == "a"]
        heads += [t for s in synsets if s.pos == "s" for t in self._targets(s, ("&",))]
        return heads

    def _indirect_antonyms(self, synsets: list[Synset]) -> dict[str, Synset]:
        """Words of the antonyms of the heads of satellite adjectives (arid -> dry -> wet)."""
        found: dict[str, Synset] = {}
        for synset in synsets:
            if synset.pos != "s":
                continue
            for head in self._targets(synset, ("&",)):
                for antonym in self._targets(head, ("!",)):
                    for word in antonym.words:
                        found.setdefault(word, antonym)
        return found

    def relation(self, a: str, b: str) -> Relation | None:
        """The strongest relation between `a` and `b`, or None when unrelated or unknown.

        Order: spelling, inflection, synonym, antonym (WordNet's lemma-level antonyms, ahead of
        the looser links because Moby lists "decrease" under "increase"), similar, derivation,
        hypernym (up to 2 steps), antonym via similar-to heads, thesaurus, gloss.
        """
        if (a, b) not in self._relations:
            self._relations[(a, b)] = self._relation(a, b)
        return self._relations[(a, b)]

    def _relation(self, a: str, b: str) -> Relation | None:
        ka, kb = _key(a), _key(b)
        if not ka or not kb:
            return None
        if ka.replace("-", "_") == kb.replace("-", "_"):
            return Relation("spelling", "same word")
        from drift.lexicon.spelling import spelling_variants

        if kb in spelling_variants(ka) or ka in spelling_variants(kb):
            return Relation("spelling", "British and American spelling")
        la, lb = self._lemmas(ka), self._lemmas(kb)
        common = [w for w in la if w in lb]
        if common:
            return Relation("inflection", f"WordNet: both forms of {common[0]}")
        if la and lb:
            found = self._wordnet_relation(la, lb) or self._adverb_relation(la, lb)
            if found is not None:
                return found
        return self._thesaurus([ka, *la], [kb, *lb]) or self._gloss(la, lb)

    def _adjectives_of(self, lemmas: list[str]) -> list[str]:
        """The adjectives adverbs derive from (WordNet pertainyms: "tirelessly" ->
        "indefatigable"), then the lemmas themselves."""
        assert self._wordnet is not None
        found = [
            word
            for synset in self._synsets(lemmas)
            if synset.pos == "r"
            for word, _ in self._word_targets(lemmas, [synset], ("\\",))
        ]
        return list(dict.fromkeys([*found, *lemmas]))

    def _adverb_relation(self, la: list[str], lb: list[str]) -> Relation | None:
        """Adverbs judged by their adjectives ("actively" / "tirelessly" as "active" /
        "indefatigable"): a synonym, similar or antonym link between those carries over."""
        xa, xb = self._adjectives_of(la), self._adjectives_of(lb)
        if (xa, xb) == (la, lb) or set(xa) & set(xb):
            return None
        found = self._wordnet_relation(xa, xb)
        if found is None or found.kind not in ("synonym", "similar", "antonym"):
            return None
        via = f"adverbs of {xa[0]} / {xb[0]}"
        return Relation(found.kind, f"{found.evidence} ({via})", found.distance)

    def _wordnet_relation(self, la: list[str], lb: list[str]) -> Relation | None:
        assert self._wordnet is not None
        name = self._wordnet.name_of
        sa, sb = self._synsets(la), self._synsets(lb)
        keys_b = {s.key for s in sb}
        rank_b = dict(zip((s.key for s in sb), _pos_ranks(sb), strict=True))
        shared = [
            (max(i, rank_b[s.key]), s)
            for i, s in zip(_pos_ranks(sa), sa, strict=True)
            if s.key in keys_b
        ]
        if shared:
            # distance: how far down the two words' sense lists (most frequent first) it sits
            rank, synset = min(shared, key=lambda x: x[0])
            return Relation("synonym", f"WordNet: shared synset {name(synset)}", rank)
        for x, y, sx in ((la, lb, sa), (lb, la, sb)):
            antonyms = self._direct_antonyms(x, sx)
            hit = next((w for w in y if w in antonyms), None)
            if hit is not None:
                return Relation("antonym", f"WordNet: antonym of {name(antonyms[hit])}")
        found = self._similar(sa, sb)
        if found is not None:
            return Relation("similar", f"WordNet: {found}")
        for x, y, sx in ((la, lb, sa), (lb, la, sb)):
            for word, target in self._word_targets(x, sx, _DERIVED):
                if word in y:
                    return Relation("derivation", f"WordNet: derivationally related {name(target)}")
        steps = self._hypernym_steps(sa, sb) or self._hypernym_steps(sb, sa)
        if steps:
            return Relation("hypernym", f"WordNet: hypernym at {steps[1]}", steps[0])
        heads_b = {h.key for h in self._heads(sb)}
        for head in self._heads(sa):
            for antonym in self._targets(head, ("!",)):
                if antonym.key in heads_b:
                    return Relation(
                        "antonym", f"WordNet: {name(head)} is the antonym of {name(antonym)}"
                    )
        return None

    def _similar(self, sa: list[Synset], sb: list[Synset]) -> str | None:
        assert self._wordnet is not None
        keys_a, keys_b = {s.key for s in sa}, {s.key for s in sb}
        for source, other in ((sa, keys_b), (sb, keys_a)):
            for synset in source:
                for target in self._targets(synset, _SIMILAR):
                    if target.key in other:
                        names = self._wordnet.name_of(synset), self._wordnet.name_of(target)
                        return f"{names[0]} similar to {names[1]}"
        heads_a = {t.key: t for s in sa if s.pos == "s" for t in self._targets(s, ("&",))}
        for s in sb:
            if s.pos != "s":
                continue
            for head in self._targets(s, ("&",)):
                if head.key in heads_a:
                    return f"both similar to {self._wordnet.name_of(head)}"
        # a head adjective that WordNet says to "see also" the head of the other's cluster
        for source, other in ((sa, sb), (sb, sa)):
            heads = {h.key: h for h in self._heads(other)}
            for synset in source:
                if synset.pos != "a":
                    continue
                for target in self._targets(synset, ("^",)):
                    if target.key in heads:
                        names = self._wordnet.name_of(synset), self._wordnet.name_of(target)
                        return f"{names[0]} see also {names[1]}, head of the other's cluster"
        return None

    def _hypernym_steps(self, source: list[Synset], goal: list[Synset]) -> tuple[int, str] | None:
        """(length, name) of a hypernym path from a sense of one word to a sense of the other.

        The length counts the hypernym steps plus how far down the two words' sense lists (most
        frequent first) the path starts and ends, up to HYPERNYM_RANK_CAP: "life" reaches
        "history" only through its 12th sense (a biography), which is weak evidence."""
        assert self._wordnet is not None
        rank_goal = dict(zip((s.key for s in goal), _pos_ranks(goal), strict=True))
        level = list(zip(_pos_ranks(source), source, strict=True))
        for step in range(1, MAX_HYPERNYM_STEPS + 1):
            level = [(i, t) for i, s in level for t in self._targets(s, _HYPERNYMS)]
            found = [(max(i, rank_goal[t.key]), t) for i, t in level if t.key in rank_goal]
            if found:
                rank, synset = min(found, key=lambda x: x[0])
                return step + min(rank, HYPERNYM_RANK_CAP), self._wordnet.name_of(synset)
        return None

    def _thesaurus(self, xs: list[str], ys: list[str]) -> Relation | None:
        moby = self._moby
        if moby is None:
            return None
        xs = list(dict.fromkeys(x.replace("_", " ") for x in xs))
        ys = list(dict.fromkeys(y.replace("_", " ") for y in ys))
        for heads, others in ((xs, set(ys)), (ys, set(xs))):
            for head in heads:
                if moby.related(head) & others:
                    return Relation("thesaurus", f"Moby thesaurus lists it under {head!r}")
        return None

    def _gloss(self, la: list[str], lb: list[str]) -> Relation | None:
        """One word's definition (of its first GLOSS_SENSES senses per part of speech) uses the
        other word: a volatile is "a substance that changes readily" ("changing"), China "a
        communist nation" (Lesk 1986: a dictionary definition names what its word means)."""
        wordnet = self._wordnet
        if wordnet is None or not la or not lb:
            return None
        for x, y in ((la, lb), (lb, la)):
            synsets = self._synsets(x)
            for rank, synset in zip(_pos_ranks(synsets), synsets, strict=True):
                if rank >= GLOSS_SENSES:
                    continue
                definition = synset.gloss.split('"')[0]
                for word in re.findall(r"[a-z]+(?:-[a-z]+)*", definition.lower()):
                    if word not in _GLOSS_STOPWORDS and (
                        word in y or set(wordnet.morphy(word)) & set(y)
                    ):
                        name = wordnet.name_of(synset)
                        return Relation("gloss", f"WordNet: {name} is defined by {word!r}", rank)
        return None

    def antonyms(self, word: str) -> frozenset[str]:
        """WordNet antonyms of `word` (lemma-level, and via the heads of satellite adjectives)."""
        lemmas = self._lemmas(_key(word))
        if not lemmas:
            return frozenset()
        synsets = self._synsets(lemmas)
        found = {*self._direct_antonyms(lemmas, synsets), *self._indirect_antonyms(synsets)}
        return frozenset(w.replace("_", " ") for w in found)

    def top_of_scale(self, word: str) -> bool:
        """Whether WordNet defines the word's first adjective sense by a superlative, so the
        word itself names the top of its scale ("maximum": "the greatest or most complete or
        best possible"; not "major": "of greater importance or stature or rank")."""
        from drift.score.cues import superlative

        first = next((s for s in self._synsets(self._lemmas(_key(word))) if s.pos in "as"), None)
        if first is None:
            return False
        definition = re.findall(r"[^\W\d_]+", first.gloss.split('"')[0])
        return any(superlative(w, definition[i - 1] if i else "") for i, w in enumerate(definition))

    def intensifier(self, word: str) -> bool:
        """Whether WordNet defines the word as a degree word: an adverb first (no other part of
        speech of it has more senses tagged in SemCor: not "way", "powerful", "passing") whose
        first adverb sense is defined by degree or extent ("far": "to a considerable degree";
        not "immediately": "without delay or hesitation"), or an adjective one of whose first
        GLOSS_SENSES senses WordNet defines as an intensifier ("absolute": "complete and without
        restriction or qualification; sometimes used informally as intensifiers")."""
        key = _key(word)
        if key not in self._intensifiers:
            self._intensifiers[key] = self._intensifier(key)
        return self._intensifiers[key]

    def _intensifier(self, key: str) -> bool:
        wordnet = self._wordnet
        if wordnet is None:
            return False
        adverb = wordnet.tagged(key, "r")
        other = [wordnet.tagged(x, p) for p in "nva" for x in wordnet.morphy(key, p)]
        first = next(iter(wordnet.synsets(key, "r")), None)
        if first is not None and adverb > 0 and adverb >= max(other, default=0):
            return bool(_definition(first) & {"degree", "extent", "intensifier", "intensifiers"})
        adjectives = [s for x in wordnet.morphy(key, "a") for s in wordnet.synsets(x, "a")]
        return any(
            _definition(s) & {"intensifier", "intensifiers"} for s in adjectives[:GLOSS_SENSES]
        )

    def place_of(self, word: str) -> tuple[str, ...]:
        """The place an adjective pertains to, lower-cased ("Chinese" -> ("china",)); ()."""
        wordnet = self._wordnet
        return wordnet.place_of(word) if wordnet is not None else ()

    def proper_noun(self, word: str) -> bool:
        """Whether WordNet lists `word`, as capitalised, as the name of one thing (Russia)."""
        wordnet = self._wordnet
        return wordnet is not None and wordnet.proper_noun(word)

    def known(self, word: str) -> bool:
        """Whether WordNet or Moby knows `word` (in any inflection)."""
        key = _key(word)
        if self._lemmas(key):
            return True
        return self._moby is not None and key.replace("_", " ") in self._moby


@lru_cache(maxsize=1)
def shared_semantics() -> EnglishSemantics:
    """One `EnglishSemantics` per process, for checks that are not handed one (it loads its
    resources on first use, and answers None everywhere when they are not installed)."""
    return EnglishSemantics()
