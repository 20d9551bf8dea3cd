"""Engines that run the pipeline: `local` (this machine: drift.pipeline in one process, or a
pool of processes for a large run, drift.engine.pool) and `ray` (Ray Data on a local Ray or a
cluster, drift.engine.ray_engine). All give the same reports."""

from __future__ import annotations

from drift.errors import MissingDependencyError, UsageError

ENGINES = ("local", "ray")
RAY_HINT = "pip install 'drift[ray]'"


def check_engine(name: str) -> str:
    """`name` when it can run here; UsageError naming the extra when Ray is not installed."""
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}; choose local or ray")
    if name == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise MissingDependencyError(f"--engine ray needs Ray; {RAY_HINT}")
    return name
