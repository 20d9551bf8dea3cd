"""`drift run --engine ray` on a local 2-CPU Ray gives the local engine's reports: the seeds (one
partition) and a synthetic corpus that splits into several speaker partitions, through the CLI
with Parquet tables. Ray starts once for the module; the tests are slow (about a minute each)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from engine_corpus import write_corpus

import drift
from drift.cli import main
from drift.engine.merge import stable_rows

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    """A local Ray with 2 CPUs for the module. Ray gives its node 30 s to start, which a busy
    2-core machine can miss: a generous agent wait, and up to three tries."""
    os.environ.setdefault("RAY_raylet_start_wait_time_s", "120")
    os.environ.pop("RAY_ADDRESS", None)
    for attempt in range(3):
        try:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            break
        except Exception:  # Ray raises a bare Exception when its node times out
            ray.shutdown()
            if attempt == 2:
                raise
    yield
    ray.shutdown()


def same_meta(a: dict, b: dict) -> None:
    ignore = {"timings_s", "engine"}
    assert {k: v for k, v in a.items() if k not in ignore} == {
        k: v for k, v in b.items() if k not in ignore
    }


def test_seeds_give_the_local_reports(seeds_dir: Path, tmp_path: Path) -> None:
    options = dict(
        originals=seeds_dir / "originals.jsonl",
        backend="lexicon",
        cache=tmp_path / "cache.sqlite",
        progress=False,
    )
    local = drift.run([seeds_dir], **options)
    far = drift.run([seeds_dir], engine="ray", **options)
    assert len(local.divergences) > 0
    for name in ("quotes", "groups", "divergences"):
        pd.testing.assert_frame_equal(
            stable_rows(getattr(far, name)), stable_rows(getattr(local, name))
        )
    assert far.divergences["rank"].tolist() == local.divergences["rank"].tolist()
    same_meta(far.meta, local.meta)
    assert far.to_html() == local.to_html()
    assert far.meta["engine"]["name"] == "ray"


def test_cli_ray_parquet_equals_local_on_several_partitions(tmp_path: Path, capsys) -> None:
    paths = write_corpus(tmp_path / "in")
    local = drift.run(paths, backend="lexicon", embedder=None, cache=False, progress=False)
    out = tmp_path / "out"
    args = [*map(str, paths), "-o", str(out), "--engine", "ray", "--format", "parquet"]
    args += ["--backend", "lexicon", "--embedder", "none", "--no-cache", "-q"]
    with pytest.raises(SystemExit) as done:
        main(["run", *args])
    err = capsys.readouterr().err
    assert done.value.code == 1  # the doc_id used twice is reported, the rest is written
    assert "dup.jsonl:1: doc_id 'reuters-0' is already used" in err
    assert local.groups["group_id"].nunique() > 3
    for name in ("quotes", "groups", "divergences"):
        written = pd.read_parquet(out / f"{name}.parquet")
        assert list(written.columns) == list(getattr(local, name).columns)
        pd.testing.assert_frame_equal(stable_rows(written), stable_rows(getattr(local, name)))
    same_meta(json.loads((out / "run.json").read_text(encoding="utf-8")), local.meta)
    assert (out / "report.html").read_text(encoding="utf-8") == local.to_html()
    assert not (out / "quotes.csv").exists()
