"""English -> Russian from FreeDict eng-rus (Debian's dict-freedict-eng-rus): a small second source.

FreeDict's articles are `word /transcription/` then comma-separated Russian equivalents. It is
GPL: read from the system like Müller's dictionary, never copied into drift.
"""

from __future__ import annotations

import re
from pathlib import Path

from drift.lexicon.base import ResourceInfo, env_path
from drift.lexicon.cache import cached
from drift.lexicon.dictd import database_files, read_articles
from drift.lexicon.mueller import MAX_CANDIDATES, clean_equivalent

PARSER_VERSION = 1

INFO = ResourceInfo(
    name="freedict-eng-rus",
    title="FreeDict English-Russian dictionary (optional second source, 1.7k headwords)",
    source="Debian package dict-freedict-eng-rus (dictd files in /usr/share/dictd)",
    licence="GPL (read from the system; not redistributed by drift)",
    provides="extra English -> Russian candidates after Müller's",
    cost="a few English words get no second Russian candidate",
    install="sudo apt-get install -y dict-freedict-eng-rus",
    env="DRIFT_FREEDICT_ENG_RUS",
    package="dict-freedict-eng-rus",
)
_SEPARATORS = re.compile(r"[,;\n]")


def where() -> str:
    """Where drift looks for the dictionary's index ($DRIFT_FREEDICT_ENG_RUS or the Debian path)."""
    return str(env_path("DRIFT_FREEDICT_ENG_RUS", "/usr/share/dictd/freedict-eng-rus.index"))


def locate() -> Path | None:
    """The index file of FreeDict eng-rus, or None."""
    default = "/usr/share/dictd/freedict-eng-rus.index"
    index, data = database_files(env_path("DRIFT_FREEDICT_ENG_RUS", default))
    return index if index.is_file() and data.is_file() else None


def build_index(index_path: Path) -> dict[str, list[str]]:
    """Headword (lowercase) -> Russian equivalents in article order."""
    entries: dict[str, list[str]] = {}
    for word, article in read_articles(index_path):
        body = article.split("\n", 1)[1] if "\n" in article else ""
        found = [c for c in (clean_equivalent(p) for p in _SEPARATORS.split(body)) if c]
        if found:
            merged = entries.setdefault(word.strip().lower(), [])
            merged.extend(c for c in found if c not in merged)
            del merged[MAX_CANDIDATES:]
    return entries


class FreeDictEngRus:
    """The English -> Russian entries of FreeDict eng-rus."""

    name = "freedict-eng-rus"
    info = INFO
    locate = staticmethod(locate)
    where = staticmethod(where)

    def __init__(self, index_path: Path) -> None:
        self.path = index_path

    def entries(self) -> dict[str, tuple[str, ...]]:
        """Headword -> Russian candidates, preferred first."""
        sources = list(database_files(self.path))
        data = cached(self.name, PARSER_VERSION, sources, lambda: build_index(self.path))
        return {k: tuple(v) for k, v in data.items()}
