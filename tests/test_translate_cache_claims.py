"""Claims in the shared translation cache: who translates a text, and when a claim lapses."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from drift.translate.cache import TranslationCache


def other(path: Path, pid: int, lease_s: float = 600.0) -> TranslationCache:
    """A cache handle that claims as process `pid` would."""
    cache = TranslationCache(path, lease_s=lease_s)
    cache.pid = pid
    return cache


def test_a_claimed_text_is_waited_for_not_translated(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    mine, theirs = TranslationCache(path), other(path, os.getppid())
    assert theirs.claim(["a", "b"]) == (["a", "b"], [])
    assert mine.claim(["a", "b", "c"]) == (["c"], ["a", "b"])
    later = other(path, os.getppid())  # a connection of its own, for the other thread
    timer = threading.Timer(0.3, later.put_many, [{"a": "A", "b": "B"}])
    timer.start()
    assert mine.wait_for(["a", "b"]) == {"a": "A", "b": "B"}
    timer.join()


def test_claims_of_a_dead_process_lapse_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = other(path, int(gone.stdout))
    assert dead.claim(["a"]) == (["a"], [])
    mine = TranslationCache(path)
    assert mine.wait_for(["a"]) == {}  # nothing to wait for: translate it
    assert mine.claim(["a"]) == (["a"], [])


def test_claims_past_their_lease_lapse(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    assert other(path, os.getppid(), lease_s=-1).claim(["a"]) == (["a"], [])
    assert TranslationCache(path).claim(["a"]) == (["a"], [])


def test_storing_or_releasing_drops_own_claims(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache, theirs = TranslationCache(path), other(path, os.getppid())
    cache.claim(["a", "b"])
    cache.put_many({"a": "A"})
    assert theirs.claim(["a", "b"]) == ([], ["b"])  # a is cached, b still claimed
    cache.release()
    assert theirs.claim(["b"]) == (["b"], [])


def test_a_text_stored_while_the_waiter_looks_is_found(tmp_path: Path) -> None:
    """The claimer may store its text between the waiter's reads; the waiter must not drop it."""
    path = tmp_path / "c.sqlite3"
    theirs = other(path, os.getppid())
    theirs.claim(["a"])

    class Racing(TranslationCache):
        def get_many(self, keys):  # type: ignore[no-untyped-def]
            found = super().get_many(keys)
            if not found:
                theirs.put_many({"a": "A"})  # lands just after this read
            return found

    assert Racing(path).wait_for(["a"], poll_s=0.01) == {"a": "A"}
