"""What WordNet says of an English word that speaker rules ask: the place a country's adjective
names ("Polish" is "Poland", so "Poland's ministry" and "the Polish ministry" key as one body),
whether a word can be a noun at all (no subject's head is a verb only), and whether it is only
a common noun's plural (no one's name: "Reports said")."""

from __future__ import annotations

from functools import lru_cache

from drift.lexicon.wordnet import WordNet


@lru_cache(maxsize=1)
def _wordnet() -> WordNet | None:
    """WordNet 3.0 (Debian's wordnet-base), opened once per process; None when not installed."""
    folder = WordNet.locate()
    return WordNet(folder) if folder is not None else None


@lru_cache(maxsize=4096)
def place_of(word: str) -> tuple[str, ...]:
    """The words of the place an adjective pertains to, lower-cased ("ukrainian" -> ("ukraine",),
    "british" -> ("great", "britain")): the first adjective sense whose pertainym is a named
    place or people (a WordNet instance, written capitalized); () for any other word ("national"
    pertains to "nation", no name) or without WordNet."""
    wordnet = _wordnet()
    return wordnet.place_of(word) if wordnet is not None else ()


@lru_cache(maxsize=4096)
def never_noun(word: str) -> bool:
    """Whether WordNet knows `word` (lower case, any inflection) but never as a noun ("enjoy",
    "entering"); False for nouns, for words it does not know and without WordNet."""
    wordnet = _wordnet()
    if wordnet is None or not word.isalpha():
        return False
    return bool(wordnet.morphy(word)) and not wordnet.morphy(word, "n")


@lru_cache(maxsize=4096)
def plural_noun(word: str) -> bool:
    """Whether `word` is only the plural of a common noun ("Reports", "Officials"): WordNet has
    no noun of that spelling but the singular it comes from, written lower-case ("Rogers",
    a noun of its own, is a name too); False without WordNet."""
    wordnet = _wordnet()
    folded = word.lower()
    if wordnet is None or not folded.isalpha() or wordnet.offsets(folded, "n"):
        return False
    lemmas = [m for m in wordnet.morphy(folded, "n") if m != folded]
    return any(
        not any(c[:1].isupper() for c in synset.cased)
        for lemma in lemmas
        for synset in wordnet.synsets(lemma, "n")
    )


@lru_cache(maxsize=4096)
def common_word(word: str, pos: str | None = None) -> bool:
    """Whether WordNet has `word` (any inflection; of part of speech `pos` when given) as a
    common word, written lower-case ("updates", "speech"; not "Lund" nor "Rogers", which it
    knows only as names); False without WordNet."""
    wordnet = _wordnet()
    folded = word.lower()
    if wordnet is None or not folded.isalpha():
        return False
    return any(
        lemma in synset.cased
        for lemma in wordnet.morphy(folded, pos)
        for synset in wordnet.synsets(lemma, pos)
    )


@lru_cache(maxsize=1)
def _organization_kinds() -> tuple[frozenset[tuple[int, str]], frozenset[tuple[int, str]]]:
    """The synsets of organization.n.01 ("a group of people who work together") and those of a
    country's kind with what lies above it (state.n.04, the sense of "country"): a nation is
    a place a speaker stands for, not a body."""
    wordnet = _wordnet()
    if wordnet is None:
        return frozenset(), frozenset()
    organization = wordnet.synsets("organization", "n")[0].key
    country = frozenset(s.key for s in wordnet.synsets("country", "n") if organization in _above(s))
    return frozenset([organization]), country


def _above(synset) -> frozenset[tuple[int, str]]:
    """Every synset above `synset` by hypernym or instance-of links (itself excluded)."""
    wordnet = _wordnet()
    seen: set[tuple[int, str]] = set()
    todo = [synset]
    while todo and wordnet is not None:
        for pointer in todo.pop().pointers:
            if pointer.symbol in ("@", "@i") and (pointer.offset, pointer.pos) not in seen:
                seen.add((pointer.offset, pointer.pos))
                todo.append(wordnet.synset(pointer.offset, pointer.pos))
    return frozenset(seen)


@lru_cache(maxsize=4096)
def organization_noun(word: str) -> bool:
    """Whether WordNet has a sense of the noun `word` (any inflection) under organization.n.01
    ("ministry", "office", "guard", "party", "council", "command", "coastguard") and none
    meaning a country ("state", "nation": a place names those); False without WordNet."""
    wordnet = _wordnet()
    folded = word.lower()
    if wordnet is None or not folded.isalpha():
        return False
    kinds, countries = _organization_kinds()
    senses = [s for lemma in wordnet.morphy(folded, "n") for s in wordnet.synsets(lemma, "n")]
    if any(s.key in countries for s in senses):
        return False  # "state", "nation": a word for a country, which a place names
    return any(kinds & _above(s) and not countries & _above(s) for s in senses)


@lru_cache(maxsize=4096)
def place_named(word: str) -> tuple[tuple[str, ...], bool]:
    """The place a capitalized word names, lower-cased, and whether WordNet has it as a
    country: a country's adjective ("Chinese": ("china",), True), a place's name, possessive
    dropped ("China's"; "Taiwan", an island: False); ((), False) for anything else (a
    person, a common word) or without WordNet; a country if any of its places is one ("Japan",
    an archipelago and a country)."""
    wordnet = _wordnet()
    bare = word.replace("’", "'").removesuffix("'s").removesuffix("'")
    if wordnet is None or not bare[:1].isupper() or not bare.isalpha():
        return (), False
    adjective = place_of(bare)
    if adjective:
        return adjective, True
    people = wordnet.synsets("person", "n")[0].key
    countries = {s.key for s in wordnet.synsets("country", "n") if "state" in s.words}
    named = [
        _above(s) for s in wordnet.synsets(bare.lower(), "n") if s.instance and bare in s.cased
    ]
    if not named or any(people in above for above in named):
        return (), False  # a person's name ("Lund"), or no name WordNet knows
    return (bare.lower(),), any(countries & above for above in named)


@lru_cache(maxsize=4096)
def of_a_country(word: str) -> bool:
    """Whether an adjective says no more than "of a country": its first sense pertains to the
    country sense of "state"/"nation" ("national"; not "presidential", "federal"); False
    without WordNet."""
    wordnet = _wordnet()
    if wordnet is None or not word.isalpha():
        return False
    senses = wordnet.synsets(word.lower(), "a")
    countries = {s.key for s in wordnet.synsets("country", "n") if "state" in s.words}
    return bool(senses) and any(
        p.symbol == "\\" and (p.offset, p.pos) in countries for p in senses[0].pointers
    )


@lru_cache(maxsize=4096)
def closed_compound(first: str, second: str) -> str:
    """The one word WordNet writes two words as ("coast", "guard": "coastguard"), else ""."""
    wordnet = _wordnet()
    joined = (first + second).lower()
    if wordnet is None or not joined.isalpha() or not wordnet.offsets(joined, "n"):
        return ""
    return joined


def common_noun(word: str) -> bool:
    """Whether WordNet has `word` (any inflection) as a noun written lower-case ("coast",
    "border"; not "released", only a verb); False without WordNet."""
    return common_word(word, "n")


@lru_cache(maxsize=4096)
def administrative_noun(word: str) -> bool:
    """Whether WordNet has a sense of the noun `word` under administrative_unit.n.01 (a unit
    of a state: "office", "ministry", "council"; not "party", an organization of its own);
    False without WordNet."""
    wordnet = _wordnet()
    if wordnet is None or not word.isalpha():
        return False
    unit = wordnet.synsets("administrative_unit", "n")[0].key
    return any(
        unit in _above(synset)
        for lemma in wordnet.morphy(word.lower(), "n")
        for synset in wordnet.synsets(lemma, "n")
    )


@lru_cache(maxsize=4096)
def person_name(word: str) -> bool:
    """Whether WordNet has the capitalized `word` as the name of a person ("John", "Church":
    Frederick Church), so a name ending in a noun of an organization may be a person's
    ("John Church"); False without WordNet."""
    wordnet = _wordnet()
    if wordnet is None or not word[:1].isupper() or not word.isalpha():
        return False
    people = wordnet.synsets("person", "n")[0].key
    return any(
        s.instance and word in s.cased and people in _above(s)
        for s in wordnet.synsets(word.lower(), "n")
    )
