"""Persistent translation cache: SQLite in WAL mode, one transaction per batch.

A rerun, or a run resumed after a kill, translates nothing twice; a killed process loses at most
the batch in flight and never corrupts the file (SQLite commits are atomic). Processes sharing
the file claim the texts they are about to translate, so two runs never translate the same text:
the other waits for it instead. A claim lapses when its process dies or its lease runs out.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from drift.io import open_sqlite_cache

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    key TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    until REAL NOT NULL
)
"""
CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds
LEASE_S = 600.0  # a claim lapses after this, even if its process still seems alive
POLL_S = 0.1


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

    def __init__(self, path: str | Path, *, lease_s: float = LEASE_S) -> None:
        self.path = Path(path).expanduser()
        self.lease_s = lease_s
        self.host, self.pid = socket.gethostname(), os.getpid()

    @cached_property
    def _conn(self) -> sqlite3.Connection:
        return open_sqlite_cache(self.path, SCHEMA, "translation")

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
        pairs = list(items.items() if isinstance(items, Mapping) else items)
        now = time.time()
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO translations (key, text, created) VALUES (?, ?, ?)",
                [(key, text, now) for key, text in pairs],
            )
            self._conn.executemany(
                "DELETE FROM claims WHERE key = ? AND host = ? AND pid = ?",
                [(key, self.host, self.pid) for key, _ in pairs],
            )

    def claim(self, keys: Sequence[str]) -> tuple[list[str], list[str]]:
        """Of `keys` not cached yet: those this process now claims (to translate), and those a
        live process has claimed (to wait for with `wait_for`). One write transaction."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")  # one claimer at a time; waits up to SQLITE_BUSY_TIMEOUT_S
        try:
            cached = self._present(keys, "translations")
            held = self._live_claims([k for k in keys if k not in cached])
            mine = [k for k in dict.fromkeys(keys) if k not in cached and k not in held]
            until = time.time() + self.lease_s
            conn.executemany(
                "INSERT OR REPLACE INTO claims (key, host, pid, until) VALUES (?, ?, ?, ?)",
                [(key, self.host, self.pid, until) for key in mine],
            )
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return mine, [k for k in dict.fromkeys(keys) if k in held]

    def wait_for(self, keys: Sequence[str], poll_s: float = POLL_S) -> dict[str, str]:
        """Wait until each of `keys` is cached or no live process claims it any more; the
        cached texts found. Keys left out lapsed (their claimer died): translate them."""
        pending = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        while pending:
            # Claims first: a writer stores a text and drops its claim in one transaction, so
            # a claim seen gone here means the text, if stored, is visible to the read below.
            held = self._live_claims(pending)
            found.update(self.get_many(pending))
            pending = [k for k in pending if k not in found and k in held]
            if pending:
                time.sleep(poll_s)
        return found

    def release(self) -> None:
        """Drop this process's claims (texts it will not translate after all)."""
        with self._conn:
            self._conn.execute(
                "DELETE FROM claims WHERE host = ? AND pid = ?", (self.host, self.pid)
            )

    def _present(self, keys: Sequence[str], table: str) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT key FROM {table} WHERE key IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def _live_claims(self, keys: Sequence[str]) -> set[str]:
        """Those of `keys` claimed by another process that is alive and within its lease."""
        held: set[str] = set()
        now = time.time()
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT key, host, pid, until FROM claims WHERE key IN ({marks})", chunk
            )
            for key, host, pid, until in rows:
                mine = host == self.host and pid == self.pid
                dead = host == self.host and not _alive(pid)
                if not mine and not dead and until > now:
                    held.add(key)
        return held

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        if "_conn" in self.__dict__:
            self.__dict__.pop("_conn").close()


def _alive(pid: int) -> bool:
    """Whether process `pid` exists on this host (a killed run's claims lapse at once)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    return True
