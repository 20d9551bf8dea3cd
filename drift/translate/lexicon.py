"""Offline back-translation through bundled bilingual lexicons (en->ru, en->zh).

This is a lexical gloss, not a translation: each English content word or multi-word term is
replaced by its dictionary-form candidates in order, with no grammar, agreement or word order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from drift.errors import InputError, UsageError
from drift.translate.lemmatize import english_forms

SUPPORTED_TARGETS: tuple[str, ...] = ("ru", "zh")

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


def _data_path(tgt: str) -> resources.abc.Traversable:
    return resources.files("drift") / "data" / "lexicon" / f"en-{tgt}.tsv"


def _check_target(tgt: str) -> None:
    if tgt not in SUPPORTED_TARGETS:
        raise UsageError(
            f"no bundled lexicon for target {tgt!r}; choose one of: {', '.join(SUPPORTED_TARGETS)}"
        )


def _is_acronym(key: str) -> bool:
    return any(c.isupper() for c in key) and not any(c.islower() for c in key)


class Lexicon:
    """An English -> `tgt` dictionary with lemmatized, longest-match-first lookup."""

    def __init__(self, tgt: str, entries: dict[str, tuple[str, ...]], digest: str = "") -> None:
        self.tgt, self.digest = tgt, digest
        self._words: dict[str, tuple[str, ...]] = {}
        self._acronyms: dict[str, tuple[str, ...]] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._targets: dict[str, tuple[str, ...]] = {}
        self._forms: dict[str, tuple[str, ...]] = {}  # memo of english_forms, per lexicon object
        for key, targets in entries.items():
            words = tuple(w for w in _HYPHENS.sub(" ", key).lower().split())
            self._targets[key] = targets
            if len(words) > 1:
                self._phrases.setdefault(words[0], []).append((words, key))
            elif _is_acronym(key):
                self._acronyms[key] = targets
            else:
                self._words[key] = targets
        for candidates in self._phrases.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))

    def __len__(self) -> int:
        return len(self._targets)

    @classmethod
    def load(cls, tgt: str) -> Lexicon:
        """Read the bundled `en-<tgt>.tsv`; callers keep the object (nothing is cached here)."""
        _check_target(tgt)
        path = _data_path(tgt)
        raw = path.read_bytes()
        return cls.parse(raw.decode("utf-8"), tgt, str(path), hashlib.sha256(raw).hexdigest()[:12])

    @classmethod
    def parse(cls, text: str, tgt: str, origin: str = "<lexicon>", digest: str = "") -> Lexicon:
        """Build a lexicon from TSV text: `english<TAB>t1|t2|...[<TAB>note]`, `#` comments."""
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
        return cls(tgt, entries, digest)

    def lookup(self, term: str) -> tuple[str, ...]:
        """Candidates for one English word or term (lemmatized), () if unknown."""
        units = self._units(term)
        if len(units) == 1:
            found = self._word(units[0])
            return found[1] if found else ()
        phrase = self._phrase(units, 0)
        if phrase and phrase[1] == len(units):
            return self._targets[phrase[0]]
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
            if self._is_function_word(unit, units[i - 2] if i >= 2 else None):
                continue
            found = self._word(unit)
            lemma, targets = found if found else (unit.forms[1], ())
            glosses.append(Gloss(unit.surface, lemma, targets, unit.start, unit.end))
        return glosses

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
        found = self._acronym(unit)
        if found:
            return found
        for form in unit.forms:
            if form in self._words:
                return form, self._words[form]
        return None

    def _phrase(self, units: list[_Unit], i: int) -> tuple[str, int] | None:
        """The longest multi-word entry starting at units[i]: (key, index after its last word)."""
        candidates = [c for form in units[i].forms for c in self._phrases.get(form, ())]
        candidates.sort(key=lambda c: (-len(c[0]), c[1]))
        for words, key in candidates:
            end = i + len(words)
            if end > len(units):
                continue
            if all(
                words[k] in units[i + k].forms and units[i + k].joined for k in range(1, len(words))
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


def _data_digest() -> str:
    digest = hashlib.sha256()
    for tgt in SUPPORTED_TARGETS:
        digest.update(_data_path(tgt).read_bytes())
    return digest.hexdigest()[:12]


class LexiconTranslator:
    """Back-translation as a word-by-word lexical gloss (offline, deterministic, model-free)."""

    name = "lexicon"

    def __init__(self, **kwargs: object) -> None:
        # model=/device= from the registry mean nothing here; accepted so all backends build alike.
        self.model_id = f"drift-lexicon/{_data_digest()}"
        self._lexicons: dict[str, Lexicon] = {}

    def lexicon(self, tgt: str) -> Lexicon:
        """The lexicon for `tgt`, loaded on first use and kept by this translator."""
        if tgt not in self._lexicons:
            self._lexicons[tgt] = Lexicon.load(tgt)
        return self._lexicons[tgt]

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Gloss each text: preferred targets in input order; unknown words (names) kept as is."""
        if src != "en" or tgt not in SUPPORTED_TARGETS:
            pairs = ", ".join(f"en-{t}" for t in SUPPORTED_TARGETS)
            raise UsageError(
                f"the lexicon backend cannot translate {src}-{tgt}; it supports {pairs} "
                "(use --backend marian or nllb for other pairs)"
            )
        lexicon = self.lexicon(tgt)
        return [
            _join([g.targets[0] if g.targets else g.source for g in lexicon.gloss(t)], tgt)
            for t in texts
        ]


def _join(words: list[str], tgt: str) -> str:
    if tgt != "zh":
        return " ".join(words)
    out = ""
    for word in words:
        if out and out[-1].isascii() and out[-1].isalnum() and word[:1].isascii():
            out += " "
        out += word
    return out
