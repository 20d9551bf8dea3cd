"""The CPU cores this process may use: the local engine's workers and CTranslate2's threads."""

from __future__ import annotations

import os


def available_cpus() -> int:
    """CPU cores this process may run on (its affinity), >= 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
