"""Benchmark the Ray engine against the local one on the same synthetic corpus: time and equality.

The corpus is `benchmarks/pipeline.py`'s (fixed seed). Each engine runs `drift.run` in a fresh
process with a fresh, empty cache dir, so neither reuses the other's translations, embeddings
or warm imports; Ray is a local Ray with `--cpus` CPUs. The rounds are interleaved (local, Ray,
local, Ray, ...) so that a change in machine load touches both. A run's time includes importing
drift and, for Ray, starting it; its stage timings (run.json's `timings_s`, which do not) are
printed under it. The tables are compared after a stable sort, and report.html byte for byte.

    .venv/bin/python benchmarks/engines.py --articles 2000 [--rounds 1] [--embedder none]
                                           [--running]

`--running` starts the local Ray once (`ray start --head --num-cpus N`) before any timing, as a
cluster is started before drift runs on it; each Ray run then joins it through RAY_ADDRESS, and
its time leaves out Ray's start (about 15 s here) but still counts joining, Ray Data's start and
the run's own worker processes (a new job gets new workers), which are given the run's empty
cache dir (they would otherwise keep the one `ray start` had, warm from the earlier rounds).

Goal (issue 14): on a local 2-CPU Ray, at most 1.3x the local engine's time on 2,000 articles,
with identical results.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from pipeline import write_corpus

from drift.engine.merge import stable_rows

TABLES = ("quotes", "groups", "divergences")


def run_engine(engine: str, corpus: Path, out: Path, embedder: str, cpus: int) -> dict:
    """Run one engine in this process; seconds and what it wrote under `out`."""
    os.environ["XDG_CACHE_HOME"] = str(out / "cache")
    started = time.perf_counter()
    import drift

    if engine == "ray":
        import ray

        if os.environ.get("RAY_ADDRESS"):  # the workers of a running Ray keep its environment
            cache = {"env_vars": {"XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}}
            ray.init(runtime_env=cache, log_to_driver=False)
        else:
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    report = drift.run(
        [corpus],
        backend="lexicon",
        embedder=None if embedder == "none" else embedder,
        engine=engine,
        progress=False,
    )
    seconds = time.perf_counter() - started
    for name in TABLES:
        getattr(report, name).to_pickle(out / f"{name}.pkl")
    (out / "report.html").write_text(report.to_html(), encoding="utf-8")
    stages = {k: round(v, 1) for k, v in report.meta.get("timings_s", {}).items()}
    return {
        "engine": engine,
        "s": round(seconds, 1),
        "rows": len(report.divergences),
        "stages": stages,
    }


def same(a: Path, b: Path) -> list[str]:
    """The outputs that differ between two runs' folders (empty when all are equal)."""
    differ = [
        name
        for name in TABLES
        if not stable_rows(pd.read_pickle(a / f"{name}.pkl")).equals(
            stable_rows(pd.read_pickle(b / f"{name}.pkl"))
        )
    ]
    if (a / "report.html").read_bytes() != (b / "report.html").read_bytes():
        differ.append("report.html")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--embedder", default="e5", help="'none' for no embeddings")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the outputs")
    parser.add_argument(
        "--running", action="store_true", help="start Ray before timing; runs join it"
    )
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # engine corpus out
    args = parser.parse_args()
    if args.one:
        engine, corpus, out = args.one
        print(json.dumps(run_engine(engine, Path(corpus), Path(out), args.embedder, args.cpus)))
        return
    os.environ.pop("RAY_ADDRESS", None)
    if args.running:
        with started_ray(args.cpus):
            compare(args)
    else:
        compare(args)


@contextmanager
def started_ray(cpus: int) -> Iterator[None]:
    """A local Ray started with the `ray` command for the whole comparison, named to the runs
    by RAY_ADDRESS, and stopped after."""
    ray = Path(sys.executable).with_name("ray")
    start = [str(ray), "start", "--head", f"--num-cpus={cpus}", "--include-dashboard=false"]
    subprocess.run(start, check=True, capture_output=True)
    try:
        os.environ["RAY_ADDRESS"] = "auto"
        yield
    finally:
        os.environ.pop("RAY_ADDRESS", None)
        subprocess.run([str(ray), "stop", "--force"], check=False, capture_output=True)


def compare(args: argparse.Namespace) -> None:
    """The interleaved rounds, their times and the equality of the outputs."""
    with tempfile.TemporaryDirectory(prefix="drift-engines-") as tmp:
        folder = args.keep or Path(tmp)
        corpus = write_corpus(folder, args.articles)
        times: dict[str, list[float]] = {"local": [], "ray": []}
        firsts: dict[str, Path] = {}
        for round_ in range(args.rounds):
            for engine in ("local", "ray"):
                out = folder / f"{engine}-{round_}"
                out.mkdir()
                command = [sys.executable, __file__, "--embedder", args.embedder]
                command += ["--cpus", str(args.cpus), "--one", engine, str(corpus), str(out)]
                done = subprocess.run(command, check=True, capture_output=True, text=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                times[engine].append(result["s"])
                firsts.setdefault(engine, out)
                load = os.getloadavg()[0]
                print(
                    f"round {round_ + 1} {engine:5} {result['s']:7.1f} s  "
                    f"{result['rows']:,} divergence rows  load {load:.1f}\n    stages (s): "
                    + " ".join(f"{k} {v}" for k, v in result["stages"].items()),
                    flush=True,
                )
        differ = same(firsts["local"], firsts["ray"])
        local, ray = sorted(times["local"]), sorted(times["ray"])
        median = lambda v: v[len(v) // 2]  # noqa: E731
        ratio = median(ray) / median(local)
        verdict = "identical" if not differ else "DIFFER: " + ", ".join(differ)
        print(
            f"{args.articles:,} articles, embedder {args.embedder}, Ray on {args.cpus} CPUs"
            f" ({'started before timing' if args.running else 'started in the timed run'}): "
            f"local {median(local):.1f} s, Ray {median(ray):.1f} s, Ray/local {ratio:.2f}x "
            f"(goal <= 1.3x); outputs {verdict}"
        )


if __name__ == "__main__":
    main()
