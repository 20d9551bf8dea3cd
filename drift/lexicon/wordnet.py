"""A reader of the Princeton WordNet 3.0 database files (Debian's wordnet-base).

The database is made for random access: `index.POS` is sorted (binary search by lemma) and gives
byte offsets into `data.POS`, so nothing is parsed up front and no derived index is needed.
Morphology follows WordNet's morphy: the exception lists (`POS.exc`), then suffix rules.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from drift.lexicon.base import ResourceInfo, env_path

DEFAULT_DIR = "/usr/share/wordnet"
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
INFO = ResourceInfo(
    name="wordnet",
    title="Princeton WordNet 3.0 (English synsets and relations)",
    source="Debian package wordnet-base (/usr/share/wordnet)",
    licence="WordNet 3.0 licence (BSD-style, Princeton University)",
    provides="English synonymy, similar-to, antonyms, hypernyms, derivations (divergence types)",
    cost="English synonym/antonym evidence comes from the Moby thesaurus alone",
    install="sudo apt-get install -y wordnet-base",
    env="DRIFT_WORDNET_DIR",
    package="wordnet-base",
)
_RULES = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


def where() -> str:
    """The folder drift reads WordNet from ($DRIFT_WORDNET_DIR or /usr/share/wordnet)."""
    return str(env_path("DRIFT_WORDNET_DIR", DEFAULT_DIR))


def locate() -> Path | None:
    """The WordNet dict folder when its data and index files are there, else None."""
    folder = Path(where())
    needed = [
        folder / f"{kind}.{name}" for name in POS_FILES.values() for kind in ("index", "data")
    ]
    return folder if all(p.is_file() for p in needed) else None


@dataclass(frozen=True)
class Pointer:
    """A relation from a synset (or one of its words) to another synset (or one of its words)."""

    symbol: str  # "@" hypernym, "!" antonym, "&" similar to, "^" also see, "+" derivation...
    offset: int
    pos: str
    source: int  # word number in the source synset, 0 = the whole synset
    target: int


@dataclass(frozen=True)
class Synset:
    """One WordNet synset: its words in order and its pointers."""

    offset: int
    pos: str  # n v a s r (s = adjective satellite)
    words: tuple[str, ...]  # lowercase, "_" between the words of a collocation
    pointers: tuple[Pointer, ...]
    cased: tuple[str, ...] = ()  # the words as WordNet prints them ("Russia", "china")
    gloss: str = ""  # the definition and examples ("the greatest or most complete ...")

    @property
    def instance(self) -> bool:
        """Whether the synset names one thing (an instance: Russia, Lenin), not a kind."""
        return any(p.symbol == "@i" for p in self.pointers)

    @property
    def key(self) -> tuple[int, str]:
        """(offset, file part of speech): satellites live in data.adj with the adjectives."""
        return self.offset, "a" if self.pos == "s" else self.pos


def _pos_of(symbol: str) -> str:
    return "a" if symbol == "s" else symbol


class WordNet:
    """Lookups in one WordNet database folder; files are memory-mapped on first use."""

    name = "wordnet"
    info = INFO
    locate = staticmethod(locate)
    where = staticmethod(where)

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._synsets: dict[tuple[int, str], Synset] = {}
        self._morphy: dict[tuple[str, str | None], tuple[str, ...]] = {}  # scoring asks again

    @staticmethod
    def version(folder: Path) -> str:
        """WordNet's version as the data files state it."""
        head = (folder / "data.noun").read_bytes()[:2000]
        return "3.0" if b"WordNet 3.0" in head else ""

    @cached_property
    def _maps(self) -> dict[str, tuple[mmap.mmap, mmap.mmap]]:
        maps = {}
        for pos, name in POS_FILES.items():
            files = [self.folder / f"{kind}.{name}" for kind in ("index", "data")]
            with files[0].open("rb") as index, files[1].open("rb") as data:
                maps[pos] = (
                    mmap.mmap(index.fileno(), 0, access=mmap.ACCESS_READ),
                    mmap.mmap(data.fileno(), 0, access=mmap.ACCESS_READ),
                )
        return maps

    @cached_property
    def _exceptions(self) -> dict[str, dict[str, tuple[str, ...]]]:
        table: dict[str, dict[str, tuple[str, ...]]] = {}
        for pos, name in POS_FILES.items():
            entries: dict[str, tuple[str, ...]] = {}
            path = self.folder / f"{name}.exc"
            if path.is_file():
                for line in path.read_text(encoding="utf-8").splitlines():
                    fields = line.split()
                    if len(fields) >= 2:
                        entries[fields[0]] = tuple(fields[1:])
            table[pos] = entries
        return table

    def _index_line(self, lemma: str, pos: str) -> list[str] | None:
        """The fields of `lemma`'s line in index.POS (binary search), or None."""
        data = self._maps[pos][0]
        key = lemma.encode("utf-8") + b" "
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(b"  ") or line[: len(key)] < key:
                lo = end + 1
            elif line.startswith(key):
                return line.decode("utf-8").split()
            else:
                hi = start
        return None

    def offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset offsets of `lemma` as part of speech `pos`, most frequent sense first."""
        fields = self._index_line(lemma, pos)
        if fields is None:
            return ()
        synset_count, pointer_count = int(fields[2]), int(fields[3])
        start = 4 + pointer_count + 2
        return tuple(int(o) for o in fields[start : start + synset_count])

    def tagged(self, lemma: str, pos: str) -> int:
        """How many senses of `lemma` as `pos` were tagged in the SemCor corpus (index.POS's
        tagsense_cnt): how common that part of speech of the word is, 0 when unknown."""
        fields = self._index_line(lemma, pos)
        return int(fields[-1 - int(fields[2])]) if fields is not None else 0

    def synset(self, offset: int, pos: str) -> Synset:
        """The synset at `offset` in data.POS (cached per reader)."""
        key = (offset, _pos_of(pos))
        if key not in self._synsets:
            data = self._maps[key[1]][1]
            end = data.find(b"\n", offset)
            line, _, gloss = data[offset:end].decode("utf-8").partition(" | ")
            fields = line.split()
            count = int(fields[3], 16)
            cased = tuple(w.split("(")[0] for w in fields[4 : 4 + 2 * count : 2])
            words = tuple(w.lower() for w in cased)
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, tpos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                pointers.append(
                    Pointer(symbol, int(target), tpos, int(st[:2], 16), int(st[2:], 16))
                )
            self._synsets[key] = Synset(
                offset, fields[2], words, tuple(pointers), cased, gloss.strip()
            )
        return self._synsets[key]

    def synsets(self, lemma: str, pos: str | None = None) -> list[Synset]:
        """The synsets of a lemma (lowercase, "_" for spaces), for one or every part of speech."""
        out = []
        for p in (pos,) if pos else tuple(POS_FILES):
            out.extend(self.synset(o, p) for o in self.offsets(lemma, p))
        return out

    def morphy(self, word: str, pos: str | None = None) -> list[str]:
        """Base forms of `word` that WordNet knows (exceptions first, then suffix rules)."""
        word = word.lower().replace(" ", "_")
        known = self._morphy.get((word, pos))
        if known is not None:
            return list(known)
        found: list[str] = []
        for p in (pos,) if pos else tuple(POS_FILES):
            forms = [word, *self._exceptions[p].get(word, ())]
            forms += [word[: -len(old)] + new for old, new in _RULES[p] if word.endswith(old)]
            found.extend(f for f in forms if f and f not in found and self.offsets(f, p))
        self._morphy[(word, pos)] = tuple(found)
        return found

    def proper_noun(self, word: str) -> bool:
        """Whether `word`, capitalised as written ("Russia's" -> "Russia"), is the name of an
        instance in WordNet (a country, a person), so it is a name even first in a sentence."""
        bare = word.replace("’", "'").removesuffix("'s").removesuffix("'")
        if not bare[:1].isupper():
            return False
        for base in self.morphy(bare, "n"):
            for synset in self.synsets(base, "n"):
                if synset.instance and any(
                    c[:1].isupper() and c.lower() == base for c in synset.cased
                ):
                    return True
        return False

    def place_of(self, word: str) -> tuple[str, ...]:
        """The words of the place an adjective pertains to, lower-cased ("ukrainian" ->
        ("ukraine",), "british" -> ("great", "britain")): the first adjective sense whose
        pertainym is a named place or people (an instance, written capitalised); () for any
        other word ("national" pertains to "nation", no name)."""
        if not word.isalpha():
            return ()
        for synset in self.synsets(word.lower(), "a"):
            for pointer in synset.pointers:
                if pointer.symbol != "\\" or (
                    pointer.source and synset.words[pointer.source - 1] != word.lower()
                ):
                    continue
                target = self.synset(pointer.offset, pointer.pos)
                name = target.cased[pointer.target - 1] if pointer.target else target.cased[0]
                if name[:1].isupper() and target.instance:
                    return tuple(name.lower().split("_"))
        return ()

    def name_of(self, synset: Synset) -> str:
        """A readable synset name in NLTK's style: "abandon.v.01"."""
        lemma = synset.words[0]
        senses = self.offsets(lemma, synset.key[1])
        number = senses.index(synset.offset) + 1 if synset.offset in senses else 1
        return f"{lemma}.{synset.pos}.{number:02d}"

    def derived(self, word: str) -> list[str]:
        """Lemmas WordNet links to `word` by derivation or pertainymy ("threat" -> "threaten",
        "agricultural" -> "agriculture"), most frequent senses first; collocations excluded."""
        found: list[str] = []
        for base in self.morphy(word):
            for synset in self.synsets(base):
                for p in synset.pointers:
                    if p.symbol not in ("+", "\\") or (
                        p.source and synset.words[p.source - 1] != base
                    ):
                        continue
                    target = self.synset(p.offset, p.pos)
                    words = (target.words[p.target - 1],) if p.target else target.words
                    found.extend(w for w in words if w != base and "_" not in w and w not in found)
        return found

    def synonyms(self, word: str, senses: int = 2) -> list[str]:
        """Other single-word lemmas of the first `senses` synsets of each lemma of `word`
        ("mom" -> "mother", "ma"...), most frequent senses first."""
        found: list[str] = []
        for base in self.morphy(word):
            for pos in POS_FILES:
                for offset in self.offsets(base, pos)[:senses]:
                    words = self.synset(offset, pos).words
                    found.extend(w for w in words if w != base and "_" not in w and w not in found)
        return found
