"""The local engine on several processes (`jobs`) gives the one-process reports: a synthetic
corpus that splits into several speaker partitions, and the seeds with their originals."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from engine_corpus import write_corpus

import drift
from drift.cli import main
from drift.cpus import available_cpus
from drift.engine.merge import stable_rows
from drift.engine.pool import POOL_MIN_QUOTES, hold_notices, pool_jobs, retell

pytestmark = pytest.mark.slow


def same_reports(pooled: drift.Report, single: drift.Report) -> None:
    for name in ("quotes", "groups", "divergences"):
        pd.testing.assert_frame_equal(
            stable_rows(getattr(pooled, name)), stable_rows(getattr(single, name))
        )
    assert pooled.divergences["rank"].tolist() == single.divergences["rank"].tolist()
    ignore = {"timings_s", "engine"}
    assert {k: v for k, v in pooled.meta.items() if k not in ignore} == {
        k: v for k, v in single.meta.items() if k not in ignore
    }
    assert pooled.to_html() == single.to_html()


def test_two_processes_give_the_one_process_reports_on_several_partitions(
    tmp_path: Path,
) -> None:
    paths = write_corpus(tmp_path / "in")
    options = dict(backend="lexicon", embedder=None, cache=False, progress=False)
    single = drift.run(paths, jobs=1, **options)
    pooled = drift.run(paths, jobs=2, **options)
    assert single.groups["group_id"].nunique() > 3
    assert single.groups["speaker"].nunique() > 1  # several partitions to merge
    same_reports(pooled, single)
    assert (pooled.meta["engine"], single.meta["engine"]) == (
        {"name": "local", "processes": 2},
        {"name": "local", "processes": 1},
    )


def test_the_seeds_with_originals_through_the_cli(seeds_dir: Path, tmp_path: Path) -> None:
    args = [str(seeds_dir), "--originals", str(seeds_dir / "originals.jsonl")]
    args += ["--backend", "lexicon", "--embedder", "none", "--no-cache", "-q"]
    for jobs in ("1", "2"):
        with pytest.raises(SystemExit) as done:
            main(["run", *args, "-o", str(tmp_path / jobs), "--jobs", jobs])
        assert done.value.code in (0, None)
    for name in ("quotes", "groups", "divergences"):
        one, two = (pd.read_csv(tmp_path / j / f"{name}.csv", dtype=str) for j in "12")
        pd.testing.assert_frame_equal(stable_rows(two), stable_rows(one))
    meta = [json.loads((tmp_path / j / "run.json").read_text("utf-8")) for j in "12"]
    assert [m["engine"]["processes"] for m in meta] == [1, 2]
    html = [(tmp_path / j / "report.html").read_text("utf-8") for j in "12"]
    assert html[0] == html[1] and "multipolar" in html[0]


def test_a_notice_every_worker_gives_is_told_once_by_the_parent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def task(lang: str) -> str:
        logging.getLogger("drift").warning("no local model for en->%s", lang)
        return lang

    said: set = set()
    told = [hold_notices(task, lang) for lang in ("ru", "ru", "zh")]  # as three workers would
    assert not caplog.records  # held in the worker, not printed there
    with caplog.at_level(logging.WARNING, logger="drift"):
        results = [retell(t, said) for t in told]
    assert results == ["ru", "ru", "zh"]
    assert [r.getMessage() for r in caplog.records] == [
        "no local model for en->ru",
        "no local model for en->zh",
    ]


def test_a_large_run_uses_every_core_a_small_one_stays_in_process() -> None:
    assert pool_jobs(None, POOL_MIN_QUOTES - 1) == 1
    assert pool_jobs(None, POOL_MIN_QUOTES) == available_cpus()
    assert pool_jobs(3, 10) == 3
    with pytest.raises(ValueError, match="at least 1"):
        pool_jobs(0, 10)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_workers_are_forked_only_before_a_thread_pool_library_is_loaded() -> None:
    ask = "from drift.engine.pool import _start_method as m; {}print(m())"
    for before, expected in (("", "fork"), ("from tqdm import tqdm; tqdm([]); ", "fork")):
        out = subprocess.run([sys.executable, "-c", ask.format(before)], capture_output=True)
        assert out.stdout.decode().strip() == expected
    out = subprocess.run([sys.executable, "-c", ask.format("import torch; ")], capture_output=True)
    assert out.stdout.decode().strip() == "spawn"
