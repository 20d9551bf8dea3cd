"""Persistent translation cache: SQLite in WAL mode, one transaction per batch.

A rerun, or a run resumed after a kill, translates nothing twice; a killed process loses at most
the batch in flight and never corrupts the file (SQLite commits are atomic).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from drift.errors import UsageError

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    created REAL NOT NULL
)
"""
CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds


def default_cache_path() -> Path:
    """translations.sqlite3 in the user cache dir (platformdirs)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("drift")) / "translations.sqlite3"


def cache_key(backend: str, model_id: str, src: str, tgt: str, settings: str, text: str) -> str:
    """sha256 over everything that decides a translation's output."""
    payload = json.dumps([backend, model_id, src, tgt, settings, text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationCache:
    """Key -> translated text, stored in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()

    @cached_property
    def _conn(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(SCHEMA)
            conn.commit()
        except (OSError, sqlite3.Error) as exc:
            raise UsageError(
                f"cannot open the translation cache {self.path} ({exc}); "
                "pass another cache path or cache=False"
            ) from None
        return conn

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """The cached texts of those `keys` that are present."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT key, text FROM translations WHERE key IN ({marks})", chunk
            )
            found.update(rows.fetchall())
        return found

    def put_many(self, items: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Store key -> text pairs in one transaction (all or nothing)."""
        pairs = items.items() if isinstance(items, Mapping) else items
        now = time.time()
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO translations (key, text, created) VALUES (?, ?, ?)",
                [(key, text, now) for key, text in pairs],
            )

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        if "_conn" in self.__dict__:
            self.__dict__.pop("_conn").close()
