"""Offline back-translation through published dictionaries (en->ru, en->zh; ru->en, zh->en).

This is a lexical gloss, not a translation: each English content word or multi-word term is
replaced by its dictionary-form candidate, with no grammar, agreement or word order. Candidates
come from a small bundled overlay of diplomatic set phrases (drift/data/lexicon, each entry with
its source), then from the dictionaries drift/lexicon reads where they are installed (Müller's
English-Russian dictionary, CC-CEDICT). A word no source knows is marked `[word?]`, never kept as
English.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from drift.errors import InputError, UsageError
from drift.lexicon.base import ResourceStatus
from drift.lexicon.russian import adverb_of
from drift.lexicon.spelling import spelling_variants
from drift.translate.lemmatize import english_forms, inflection_stems

if TYPE_CHECKING:
    from drift.lexicon.wordnet import WordNet

log = logging.getLogger("drift")
SUPPORTED_TARGETS: tuple[str, ...] = ("ru", "zh")
SUPPORTED_SOURCES: tuple[str, ...] = ("ru", "zh")  # into English
MAX_CANDIDATES = 8  # dictionary candidates kept after the overlay's
# A word right after one of these is read as a verb: its verb candidates come first.
_VERB_CUES: frozenset[str] = frozenset(
    {
        "to",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "did",
        "does",
        "do",
        "cannot",
    }
)

# Not glossed: articles, auxiliaries, prepositions, conjunctions, pronouns and determiners.
_FUNCTION_WORD_GROUPS: tuple[str, ...] = (
    "a an the",
    "be am is are was were been being have has had having do does did doing done",
    "will would shall",
    "about above across after against along alongside amid amidst among amongst around as at",
    "before behind below beneath beside besides between beyond by despite down during except",
    "for from in inside into like near of off on onto out outside over per since through",
    "throughout till to toward towards under underneath until unto up upon via with within",
    "without",
    "and or but nor so yet if that because although though while whereas whether than unless",
    "whilst however therefore thus moreover hence",
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves",
    "he him his himself she her hers herself it its itself they them their theirs themselves",
    "this these those who whom whose which what whatever whichever such there here etc ie eg",
)
FUNCTION_WORDS: frozenset[str] = frozenset(
    word for group in _FUNCTION_WORD_GROUPS for word in group.split()
)

# A "will" right after one of these is the noun ("the will of both sides"), not the auxiliary.
_NOUN_WILL_CUES: frozenset[str] = frozenset(
    {"the", "a", "its", "their", "his", "her", "our", "my", "your", "political", "good"}
    | {"free", "strong", "firm", "common", "own"}
)

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*(?:[-‐‑]\w+(?:['’]\w+)*)*")
_HYPHENS = re.compile(r"[-‐‑]")
_PHRASE_GAP = re.compile(r"[\s*_\-‐‑]*")
_CLITICS = ("'s", "'ll", "'re", "'ve", "'d", "'m")
_NEGATED: Mapping[str, str] = MappingProxyType({"ca": "can", "wo": "will", "sha": "shall"})


@dataclass(frozen=True)
class Gloss:
    """One glossed span of English: its lemma key and target-language candidates, best first."""

    source: str  # the English surface span ("like-minded people", "sympathisers")
    lemma: str  # its English lemma key ("like-minded people", "sympathiser")
    targets: tuple[str, ...]  # candidates in dictionary form, preferred first; () if unknown
    start: int  # offsets of `source` in the input text
    end: int


class _Unit(NamedTuple):
    """A word of the input: its span, lookup forms, and whether it touches the previous word."""

    start: int
    end: int
    surface: str
    forms: tuple[str, ...]  # normalized surface, its lemma, then spelling variants and stems
    joined: bool  # only whitespace, hyphens or emphasis marks separate it from the previous word


def overlay_path(tgt: str) -> resources.abc.Traversable:
    """The bundled overlay of set phrases for en->`tgt` (drift/data/lexicon)."""
    return resources.files("drift") / "data" / "lexicon" / f"en-{tgt}.tsv"


def _check_target(tgt: str) -> None:
    if tgt not in SUPPORTED_TARGETS:
        raise UsageError(
            f"no bundled lexicon for target {tgt!r}; choose one of: {', '.join(SUPPORTED_TARGETS)}"
        )


def _is_acronym(key: str) -> bool:
    return any(c.isupper() for c in key) and not any(c.islower() for c in key)


def unknown_marker(word: str) -> str:
    """How a back-translation shows a word no source could translate: `[word?]`."""
    return f"[{word}?]"


class Lexicon:
    """An English -> `tgt` dictionary with lemmatized, longest-match-first lookup."""

    def __init__(
        self,
        tgt: str,
        entries: dict[str, tuple[str, ...]],
        digest: str = "",
        verbs: Mapping[str, tuple[str, ...]] | None = None,
        missing: tuple[ResourceStatus, ...] = (),
        overlay: frozenset[str] = frozenset(),
    ) -> None:
        self.tgt, self.digest = tgt, digest
        self.missing = missing  # resources that were not installed when this lexicon loaded
        self._verbs: Mapping[str, tuple[str, ...]] = verbs or {}
        self._overlay: frozenset[str] = frozenset(overlay)
        self._wordnet: WordNet | bool | None = None  # opened on the first unknown word
        self._words: dict[str, tuple[str, ...]] = {}
        self._acronyms: dict[str, tuple[str, ...]] = {}
        # multi-word entries by their first two words (a phrase index by first word alone made
        # every "the" or "of" of a text scan thousands of entries)
        self._phrases: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        self._targets: dict[str, tuple[str, ...]] = {}
        self._forms: dict[str, tuple[str, ...]] = {}  # memo of english_forms, per lexicon object
        for key, targets in entries.items():
            words = tuple(w for w in _HYPHENS.sub(" ", key).lower().split())
            self._targets[key] = targets
            if len(words) > 1:
                self._phrases.setdefault(words[:2], []).append((words, key))
            elif _is_acronym(key):
                self._acronyms[key] = targets
            else:
                self._words[key] = targets
        for candidates in self._phrases.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))

    def __len__(self) -> int:
        return len(self._targets)

    @classmethod
    def load(cls, tgt: str, dictionaries: bool = True) -> Lexicon:
        """The bundled overlay `en-<tgt>.tsv` on top of the installed dictionaries for `tgt`;
        callers keep the object (derived dictionary indexes are cached on disk, not here)."""
        from drift.lexicon.bilingual import Dictionaries, english_to, identity

        _check_target(tgt)
        path = overlay_path(tgt)
        raw = path.read_bytes()
        overlay = cls.read_entries(raw.decode("utf-8"), str(path))
        found = english_to(tgt) if dictionaries else Dictionaries()
        entries = {k: v[:MAX_CANDIDATES] for k, v in found.entries.items()}
        for key, targets in overlay.items():
            extra = next((found.entries[f] for f in english_forms(key) if f in found.entries), ())
            entries[key] = tuple(dict.fromkeys((*targets, *extra[:MAX_CANDIDATES])))
        digest = hashlib.sha256(raw + (identity(tgt) if dictionaries else "").encode())
        digest_text = digest.hexdigest()[:12]
        return cls(tgt, entries, digest_text, found.verbs, found.missing, frozenset(overlay))

    @classmethod
    def parse(cls, text: str, tgt: str, origin: str = "<lexicon>", digest: str = "") -> Lexicon:
        """Build a lexicon from TSV text alone (no dictionaries): see `read_entries`."""
        return cls(tgt, cls.read_entries(text, origin), digest)

    @staticmethod
    def read_entries(text: str, origin: str = "<lexicon>") -> dict[str, tuple[str, ...]]:
        """Entries of TSV text: `english<TAB>t1|t2|...[<TAB>source]`, `#` comments."""
        entries: dict[str, tuple[str, ...]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            key = fields[0].strip()
            targets = tuple(t.strip() for t in fields[1].split("|")) if len(fields) > 1 else ()
            if len(fields) > 3 or not key or not targets or not all(targets):
                raise InputError(origin, "expected english<TAB>t1|t2[<TAB>note]", number)
            if key in entries:
                raise InputError(origin, f"duplicate entry {key!r}; merge its targets", number)
            entries[key] = targets
        return entries

    def lookup(self, term: str) -> tuple[str, ...]:
        """Candidates for one English word or term (lemmatized), () if unknown."""
        units = self._units(term)
        if len(units) == 1:
            found = self._word(units[0])
            return found[1] if found else ()
        phrase = self._phrase(units, 0)
        if phrase and phrase[1] == len(units):
            return self._targets[phrase[0]]
        if units and "-" in term and " " not in term.strip():  # "rock-solid": its head, "solid"
            found = self._word(units[-1])
            return found[1] if found else ()
        return ()

    def gloss(self, text: str) -> list[Gloss]:
        """Content words and multi-word terms of `text` in order; function words are skipped."""
        units = self._units(text)
        glosses: list[Gloss] = []
        i = 0
        while i < len(units):
            unit = units[i]
            phrase = self._phrase(units, i)
            if phrase:
                key, end = phrase
                start, stop = unit.start, units[end - 1].end
                glosses.append(Gloss(text[start:stop], key, self._targets[key], start, stop))
                i = end
                continue
            i += 1
            previous = units[i - 2] if i >= 2 else None
            if self._is_function_word(unit, previous):
                continue
            found = self._word(unit)
            lemma, targets = found if found else (unit.forms[1], ())
            if targets and self._verbal(unit, lemma, previous):
                verbs = self._verbs.get(lemma, ())
                targets = tuple(dict.fromkeys((*verbs[:1], *targets)))
            glosses.append(Gloss(unit.surface, lemma, targets, unit.start, unit.end))
        return glosses

    def _verbal(self, unit: _Unit, lemma: str, previous: _Unit | None) -> bool:
        """Whether the context reads `unit` as a verb: after "will", "not", "to"..., or "-ed"."""
        if lemma not in self._verbs:
            return False
        if previous is not None and previous.forms[0] in _VERB_CUES:
            return True
        return unit.forms[0].endswith("ed") and unit.forms[0] != lemma

    def _is_function_word(self, unit: _Unit, previous: _Unit | None) -> bool:
        norm = unit.forms[0]
        if len(norm) == 1 and norm.isalpha():
            return True
        if norm == "will" and previous is not None and previous.forms[0] in _NOUN_WILL_CUES:
            return False
        return norm in FUNCTION_WORDS and not self._acronym(unit)

    def _acronym(self, unit: _Unit) -> tuple[str, tuple[str, ...]] | None:
        key = unit.surface.replace(".", "").upper()
        if key in self._acronyms and (unit.surface.isupper() or len(key) >= 4):
            return key, self._acronyms[key]
        return None

    def _word(self, unit: _Unit) -> tuple[str, tuple[str, ...]] | None:
        """(key, candidates) of one word: an overlay key as written, else its lemma's entry with
        the entries of its surface and spelling variants after; derived forms as a fallback."""
        found = self._acronym(unit)
        if found:
            return found
        keys = [f for f in unit.forms if f in self._words]
        if not keys:
            return self._derived(unit.forms[0])
        surface, lemma = unit.forms[0], unit.forms[1]
        if keys[0] == surface and surface in self._overlay:
            return surface, self._words[surface]
        variants = spelling_variants(lemma)
        stems = [t for v in (lemma, *variants) for t in inflection_stems(v)]
        primary = next((k for k in (lemma, *stems, *variants) if k in self._words), keys[0])
        related = set(spelling_variants(primary)) | {surface}
        merged = [t for k in (primary, *(k for k in keys if k in related)) for t in self._words[k]]
        return primary, tuple(dict.fromkeys(merged))[
            : max(MAX_CANDIDATES, len(self._words[primary]))
        ]

    def _derived(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """Words the dictionaries list in another shape: "cooperation" as "co-operation",
        "firmly" through "firm" (Russian adverbs from adjectives: твердый -> твердо)."""
        for prefix in ("co", "counter", "non", "re", "pre", "anti", "multi", "inter", "self"):
            if word.startswith(prefix) and len(word) > len(prefix) + 3:
                hyphenated = f"{prefix}-{word[len(prefix) :]}"
                if hyphenated in self._targets:
                    return hyphenated, self._targets[hyphenated]
        if word.endswith("ly") and len(word) > 5:
            stem = word[:-2]
            for base in (stem, stem[:-1] + "y" if stem.endswith("i") else "", stem + "le"):
                if base and base in self._words:
                    targets = self._words[base]
                    if self.tgt == "ru":
                        targets = tuple(dict.fromkeys(filter(None, map(adverb_of, targets))))
                    if targets:
                        return base, targets
        for cut in range(3, len(word) - 2):  # "online" as "on-line", "breakup" as "break up"
            for joined in (f"{word[:cut]}-{word[cut:]}", f"{word[:cut]} {word[cut:]}"):
                if joined in self._targets:
                    return joined, self._targets[joined]
        return self._related(word)

    def _related(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """Through WordNet, when the dictionaries lack a word: a derivationally related lemma
        ("threat" -> "threaten"), else a synonym from its first senses ("mom" -> "mother")."""
        if self._wordnet is None:
            from drift.lexicon.wordnet import WordNet

            folder = WordNet.locate()
            self._wordnet = WordNet(folder) if folder is not None else False
        if not self._wordnet:
            return None
        for related in (*self._wordnet.derived(word), *self._wordnet.synonyms(word)):
            if related in self._words:
                return related, self._words[related]
        return None

    def _phrase(self, units: list[_Unit], i: int) -> tuple[str, int] | None:
        """The longest multi-word entry starting at units[i]: (key, index after its last word)."""
        if i + 1 >= len(units) or not units[i + 1].joined:
            return None  # every entry has two words or more
        candidates = [
            c
            for first in units[i].forms
            for second in units[i + 1].forms
            for c in self._phrases.get((first, second), ())
        ]
        candidates.sort(key=lambda c: (-len(c[0]), c[1]))
        for words, key in candidates:
            end = i + len(words)
            if end > len(units):
                continue
            if all(
                words[k] in units[i + k].forms and units[i + k].joined for k in range(2, len(words))
            ):
                return key, end
        return None

    def _forms_of(self, word: str) -> tuple[str, ...]:
        forms = self._forms.get(word)
        if forms is None:
            forms = self._forms[word] = english_forms(word)
        return forms

    def _units(self, text: str) -> list[_Unit]:
        """Split `text` into words: hyphenated compounds into their parts unless known whole."""
        words: list[tuple[int, int, str]] = []
        for match in _TOKEN.finditer(text):
            if match.group().endswith("."):  # dotted abbreviation: "U.S.", "i.e."
                words.append((match.start(), match.end(), match.group().replace(".", "").lower()))
                continue
            parts = _split_hyphens(match.group(), match.start())
            whole = "".join(part for _, part in parts).lower()
            if len(parts) > 1 and any(f in self._words for f in self._forms_of(whole)):
                words.append((match.start(), match.end(), whole))
                continue
            for start, part in parts:
                words.extend(_clitic_split(part, start))
        units: list[_Unit] = []
        last_end = 0
        for start, end, norm in words:
            joined = bool(units) and _PHRASE_GAP.fullmatch(text[last_end:start]) is not None
            units.append(_Unit(start, end, text[start:end], self._forms_of(norm), joined))
            last_end = end
        return units


def _split_hyphens(token: str, offset: int) -> list[tuple[int, str]]:
    """The hyphen-separated parts of a token with their absolute start offsets."""
    if "-" not in token and "‐" not in token and "‑" not in token:
        return [(offset, token)]
    parts: list[tuple[int, str]] = []
    pos = 0
    for piece in _HYPHENS.split(token):
        parts.append((offset + pos, piece))
        pos += len(piece) + 1
    return parts


def _clitic_split(word: str, offset: int) -> list[tuple[int, int, str]]:
    """Drop possessive/contracted clitics ("Russia's", "we'll"); split "n't" into its own "not"."""
    lower = word.lower()
    if "'" not in lower and "’" not in lower:
        return [(offset, offset + len(word), lower)]
    lower = lower.replace("’", "'")
    if lower.endswith("n't") and len(lower) > 3:
        base = lower[:-3]
        norm = _NEGATED.get(base, base)
        cut = offset + len(base)
        return [(offset, cut, norm), (cut, offset + len(word), "not")]
    for clitic in _CLITICS:
        if lower.endswith(clitic) and len(lower) > len(clitic):
            return [(offset, offset + len(word) - len(clitic), lower[: -len(clitic)])]
    return [(offset, offset + len(word), lower)]
