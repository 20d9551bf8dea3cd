"""The translation cache across processes, with the tiny MarianMT: two runs sharing one cache
never translate a text twice, and a run killed mid-translation resumes without redoing any
cached text and ends with the outputs of an uninterrupted run, byte for byte."""

from __future__ import annotations

import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:Recommended. pip install")]

# Runs in each child: a spy on MarianTranslator.generate logs every batch it is given (one JSON
# line), sleeps SPY_SLEEP seconds after it, and at batch SPY_STOP_AT writes SPY_STOPPED and
# hangs there, so the test can kill the process at a known point.
SPY = """
import json, os, sys, time
from drift.translate.marian import MarianTranslator

real = MarianTranslator.generate
calls = 0

def spy(self, texts, src, tgt):
    global calls
    calls += 1
    if calls == int(os.environ.get("SPY_STOP_AT", "0")):
        open(os.environ["SPY_STOPPED"], "w").close()
        time.sleep(600)
    out = real(self, texts, src, tgt)
    with open(os.environ["SPY_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(list(texts)) + "\\n")
    time.sleep(float(os.environ.get("SPY_SLEEP", "0")))
    return out

MarianTranslator.generate = spy
"""
TRANSLATE = """
from drift.translate.engine import TranslationEngine
from pathlib import Path
models, cache, texts = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
engine = TranslationEngine("marian", models_dir=models, cache=cache, batch_tokens=160,
    max_new_tokens_ratio=50.0, max_new_tokens_cap=12, quantize=False, progress=False)
print(json.dumps([t.text for t in engine.translate(texts, "en", "ru")], ensure_ascii=False))
"""
RUN = """
from drift.cli import main
main(sys.argv[1:])
"""


def child(script: str, args: list[str], log: Path, **env: str) -> subprocess.Popen[str]:
    environ = {**os.environ, "SPY_LOG": str(log), "OMP_NUM_THREADS": "1", **env}
    return subprocess.Popen(
        [sys.executable, "-c", SPY + script, *args],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return out


def generated(log: Path) -> list[str]:
    if not log.exists():
        return []
    return [t for line in log.read_text(encoding="utf-8").splitlines() for t in json.loads(line)]


def integrity(cache: Path) -> str:
    with sqlite3.connect(cache) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_two_processes_share_one_cache_without_redoing_work(
    models_dir: Path, tmp_path: Path
) -> None:
    words = ["world", "order", "partners", "stage", "relations", "ties", "peace", "security"]
    pairs = itertools.product(words, words[:5])
    texts = [f"the {w} of {v} is {'very ' * (i % 3)}important" for i, (w, v) in enumerate(pairs)]
    first, second = texts[:28], texts[12:]  # 16 texts both want
    cache = tmp_path / "cache.sqlite3"
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    procs = [
        child(TRANSLATE, [str(models_dir), str(cache), json.dumps(part)], log, SPY_SLEEP="0.3")
        for part, log in zip((first, second), logs, strict=True)
    ]
    outs = [json.loads(finish(proc)) for proc in procs]
    done = generated(logs[0]) + generated(logs[1])
    assert sorted(done) == sorted(texts)  # every text translated once, by one of the two
    assert generated(logs[0]) and generated(logs[1])  # both did a share of the work
    shared = dict(zip(first, outs[0], strict=True))
    assert all(shared[t] == out for t, out in zip(second, outs[1], strict=True) if t in shared)
    assert integrity(cache) == "ok"
    with sqlite3.connect(cache) as conn:
        assert conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == len(texts)
        assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0


def drift_run(
    seeds_dir: Path, models_dir: Path, out: Path, cache: Path, log: Path, **env: str
) -> subprocess.Popen[str]:
    args = ["run", str(seeds_dir), "-o", str(out), "-q", "--backend", "auto"]
    args += ["--embedder", "none", "--cache", str(cache), "--no-quantize"]
    return child(RUN, args, log, DRIFT_MODELS_DIR=str(models_dir), **env)


def test_a_run_killed_mid_translation_resumes_without_redoing_cached_work(
    seeds_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    whole = tmp_path / "whole"
    finish(drift_run(seeds_dir, models_dir, whole, tmp_path / "c0.sqlite3", tmp_path / "w.log"))
    total = generated(tmp_path / "w.log")
    assert len(total) >= 4, "the seeds must need several batches"

    cache, out, stopped = tmp_path / "c1.sqlite3", tmp_path / "out", tmp_path / "stopped"
    proc = drift_run(
        seeds_dir,
        models_dir,
        out,
        cache,
        tmp_path / "1.log",
        SPY_STOP_AT="3",
        SPY_STOPPED=str(stopped),
    )
    deadline = time.monotonic() + 300
    while not stopped.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the run never reached its third batch"
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    before = generated(tmp_path / "1.log")  # two batches, cached before the third began
    assert before and integrity(cache) == "ok"
    assert not (out / "run.json").exists()

    finish(drift_run(seeds_dir, models_dir, out, cache, tmp_path / "2.log"))
    after = generated(tmp_path / "2.log")
    assert not set(after) & set(before)  # nothing cached was translated again
    assert sorted(before + after) == sorted(total)
    for name in ("quotes.csv", "groups.csv", "divergences.csv", "report.html"):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name
