"""Shared fixtures: the seed articles and deterministic settings."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Translation caches and model lookups of the tests stay out of the user's own directories.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="drift-tests-cache-")

# Property tests draw the same examples on every run, so CI cannot pass or fail by luck;
# `HYPOTHESIS_PROFILE=explore pytest` searches with fresh random examples.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles and originals.jsonl, as shipped in the repository."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """Seed article paths by their number: {"000": Path(...), ...}."""
    return {p.name[:3]: p for p in sorted(SEEDS.glob("0*.txt"))}


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models dir: the checkout's registry, the tiny MarianMT installed as opus-mt-en-ru."""
    from tiny_marian import build_tiny_marian

    folder = tmp_path_factory.mktemp("models")
    shutil.copy(ROOT / "models" / "registry.toml", folder)
    build_tiny_marian(folder / "opus-mt-en-ru", SEEDS)
    return folder
