"""Derived indexes of the dictionaries, built once and kept in the user cache dir.

Parsing 46k Müller entries or reversing 122k CC-CEDICT entries takes seconds; the derived index
(plain JSON) is keyed on each source file's path, size and mtime and on the parser version, so a
new dictionary or a new parser rebuilds it and nothing stale is read. It never goes in the repo.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from drift.io import atomic_write_text

log = logging.getLogger("drift")


def cache_dir() -> Path:
    """$DRIFT_CACHE_DIR, else drift's user cache dir (platformdirs), plus "lexicon"."""
    env = os.environ.get("DRIFT_CACHE_DIR", "").strip()
    if env:
        return Path(env).expanduser() / "lexicon"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("drift")) / "lexicon"


def source_key(name: str, version: int, sources: Sequence[Path]) -> str:
    """A digest of what decides the derived index: parser name and version, each file's identity."""
    digest = hashlib.sha256(f"{name}:{version}".encode())
    for path in sources:
        stat = path.stat()
        digest.update(f"|{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(
    name: str,
    version: int,
    sources: Sequence[Path],
    build: Callable[[], Any],
    folder: Path | None = None,
) -> Any:
    """`build()`'s JSON-able result: read from the cache when its key matches, else built, kept."""
    folder = folder if folder is not None else cache_dir()
    key = source_key(name, version, sources)
    path = folder / f"{name}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = build()
    try:
        for old in folder.glob(f"{name}-*.json"):
            old.unlink(missing_ok=True)
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except OSError as exc:  # a read-only cache dir costs time, not correctness
        log.debug("cannot keep the %s index in %s: %s", name, folder, exc)
    return data
