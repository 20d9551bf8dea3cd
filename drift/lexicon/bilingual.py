"""The dictionaries behind each translation direction, merged in order, and their reversals.

English -> ru: Müller, then FreeDict; English -> zh: CC-CEDICT. ru -> English reverses Müller's
candidates (keyed on Russian lemmas); zh -> English reads CC-CEDICT's glosses. A dictionary that
is not installed is skipped and reported (`missing`), never fatal.
"""

from __future__ import annotations

import hashlib
import importlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drift.lexicon.base import ResourceStatus
from drift.lexicon.cache import cached, source_key
from drift.lexicon.resources import status_of

# Target language -> readers ("module:Class"), preferred first.
DICTIONARIES: dict[str, tuple[str, ...]] = {
    "ru": ("drift.lexicon.mueller:Mueller7", "drift.lexicon.freedict:FreeDictEngRus"),
    "zh": ("drift.lexicon.cedict:CcCedict",),
}
MAX_CANDIDATES = 8
MAX_REVERSED = 5
REVERSE_VERSION = 1


def reader_class(spec: str) -> Any:
    """The reader class named "module:Class"."""
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Dictionaries:
    """The installed dictionaries for one direction, merged: headword -> candidates."""

    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # verb candidates, if tagged
    used: tuple[ResourceStatus, ...] = ()
    missing: tuple[ResourceStatus, ...] = ()


def installed(tgt: str) -> list[tuple[Any, Path]]:
    """(reader class, located path) of the dictionaries installed for English -> `tgt`."""
    found = []
    for spec in DICTIONARIES.get(tgt, ()):
        cls = reader_class(spec)
        path = cls.locate()
        if path is not None:
            found.append((cls, path))
    return found


def identity(tgt: str) -> str:
    """A digest of the installed dictionaries for `tgt` (files, sizes, mtimes, parser versions)."""
    digest = hashlib.sha256(tgt.encode())
    for cls, path in installed(tgt):
        module = importlib.import_module(cls.__module__)
        digest.update(source_key(cls.name, module.PARSER_VERSION, [path]).encode())
    return digest.hexdigest()[:12]


def english_to(tgt: str) -> Dictionaries:
    """Merge the installed dictionaries English -> `tgt`, first source's candidates first."""
    entries: dict[str, list[str]] = {}
    verbs: dict[str, tuple[str, ...]] = {}
    used, missing = [], []
    for spec in DICTIONARIES.get(tgt, ()):
        cls = reader_class(spec)
        status = status_of(cls)
        if not status.installed:
            missing.append(status)
            continue
        used.append(status)
        reader = cls(Path(status.path))
        if hasattr(reader, "tagged"):
            for key, tagged in reader.tagged().items():
                pairs = [t.split("\t") for t in tagged]
                entries.setdefault(key, []).extend(w for w, pos in pairs if pos != "v*")
                found = tuple(w for w, pos in pairs if pos in ("v", "v*"))
                if found:
                    verbs[key] = found
            continue
        for key, candidates in reader.entries().items():
            merged = entries.setdefault(key, [])
            merged.extend(c for c in candidates if c not in merged)
    return Dictionaries(
        entries={k: tuple(v[:MAX_CANDIDATES]) for k, v in entries.items()},
        verbs=verbs,
        used=tuple(used),
        missing=tuple(missing),
    )


def _english_frequency(word: str, table: dict[str, float]) -> float:
    return table.get(word, 1e-9)


def _reverse(entries: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Russian key (lemmas of each word) -> English headwords: by rank, then English frequency."""
    from drift.lexicon.russian import RussianMorphology

    morph = RussianMorphology()
    try:
        import wordfreq

        freq = dict(wordfreq.get_frequency_dict("en"))
    except ImportError:
        freq = {}
    lemma_of: dict[str, str] = {}
    scored: dict[str, dict[str, float]] = {}
    for english, candidates in entries.items():
        if not english.replace(" ", "").replace("-", "").isalpha():
            continue
        bonus = math.log10(_english_frequency(english, freq))
        for rank, russian in enumerate(candidates):
            words = []
            for word in russian.split():
                if word not in lemma_of:
                    lemma_of[word] = morph.lemmas(word)[0]
                words.append(lemma_of[word])
            slot = scored.setdefault(" ".join(words), {})
            cost = rank - bonus
            slot[english] = min(cost, slot.get(english, cost))
    return {
        key: [w for w, _ in sorted(slot.items(), key=lambda kv: (kv[1], kv[0]))][:MAX_REVERSED]
        for key, slot in scored.items()
    }


def russian_to_english() -> tuple[dict[str, tuple[str, ...]], Dictionaries]:
    """Russian lemma key ("прекращение огонь") -> English words, and the dictionaries used."""
    merged = english_to("ru")
    sources = [Path(s.path) for s in merged.used]
    if not sources:
        return {}, merged
    data = cached("ru-en", REVERSE_VERSION, sources, lambda: _reverse(merged.entries))
    return {k: tuple(v) for k, v in data.items()}, merged


def chinese_to_english() -> tuple[dict[str, tuple[str, ...]], Dictionaries]:
    """Chinese word -> English glosses (CC-CEDICT), and the dictionaries used."""
    merged = Dictionaries()
    table: dict[str, tuple[str, ...]] = {}
    for spec in DICTIONARIES["zh"]:
        cls = reader_class(spec)
        status = status_of(cls)
        if not status.installed:
            merged = Dictionaries(missing=(*merged.missing, status))
            continue
        merged = Dictionaries(used=(*merged.used, status), missing=merged.missing)
        for key, glosses in cls(Path(status.path)).english().items():
            table.setdefault(key, glosses)
    return table, merged
