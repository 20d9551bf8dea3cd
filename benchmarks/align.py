"""Benchmark the align stage on synthetic renderings: quotes/s, peak memory, growth with size.

Each synthetic statement is a seed quote sentence with a share of its words replaced from a word
list (so statements are distinct), said by one of many speakers on some date; each is rendered
2-6 times in different documents with synonym swaps, dropped words, swapped neighbours and
fragments. Every size runs in a fresh process so peak memory is its own.

    .venv/bin/python benchmarks/align.py --sizes 1000,10000,100000 [--shape spread|many]

`--shape many` renders each statement in 50-200 documents (a statement quoted by every outlet):
divergence rows must grow with N (consensus alignment), not with N squared.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPES = {"spread": (2, 6), "many": (50, 200)}  # renderings per statement
SYNONYMS = [
    ["just", "fair", "equitable"],
    ["serious", "critical", "grave"],
    ["stage", "juncture", "phase"],
    ["supporters", "sympathisers", "like-minded people", "allies"],
    ["strong", "solid", "firm"],
    ["move", "head", "go"],
    ["interested", "keen"],
    ["steadily", "consistently", "steadfastly"],
    ["illegal", "unlawful", "illegitimate"],
    ["relations", "ties", "relationship"],
]


def _templates() -> list[str]:
    """Statement sentences of the seed quotes (the real extractor and segmenter)."""
    from drift.align.segment import segment_quote
    from drift.corpus import read_corpus
    from drift.quotes import extract_quotes

    corpus = read_corpus([str(ROOT / "seeds")])
    quotes = [q for d in corpus.documents for q in extract_quotes(d) if q.kind == "statement"]
    return [r.text for q in quotes for r in segment_quote(q) if len(r.text.split()) >= 6]


def _vocabulary() -> list[str]:
    from breame.spelling import BRITISH_ENGLISH_SPELLINGS

    return sorted({w for w in BRITISH_ENGLISH_SPELLINGS.values() if w.isalpha()})


def _variant(words: list[str], rng: random.Random) -> str:
    """One outlet's rendering: synonyms swapped, words dropped or swapped, maybe a fragment."""
    out = []
    for word in words:
        group = next((g for g in SYNONYMS if word.lower().strip(",.") in g), None)
        if group and rng.random() < 0.5:
            word = rng.choice(group)
        if rng.random() < 0.06:
            continue
        out.append(word)
    if len(out) > 3 and rng.random() < 0.2:
        k = rng.randrange(len(out) - 1)
        out[k], out[k + 1] = out[k + 1], out[k]
    if len(out) > 8 and rng.random() < 0.3:
        size = rng.randint(len(out) * 6 // 10, len(out) - 1)
        start = rng.randrange(len(out) - size + 1)
        out = out[start : start + size]
    return " ".join(out)


def synthetic_quotes(n: int, seed: int = 0, outlets: tuple[int, int] = (2, 6)):
    """About n quotes: (quotes, truth) where truth maps quote_id to its statement number.

    Each statement is rendered by `outlets` (low, high) documents: (2, 6) is the usual spread,
    (50, 200) a statement quoted by every outlet.
    """
    from drift.records import Quote

    rng = random.Random(seed)
    templates, vocab = _templates(), _vocabulary()
    speakers = [f"Speaker{k} Official{k}" for k in range(max(10, n // 100))]
    quotes, truth, statement, doc = [], {}, 0, 0
    while len(quotes) < n:
        words = [
            rng.choice(vocab) if w.isalpha() and len(w) > 3 and rng.random() < 0.7 else w
            for w in rng.choice(templates).split()
        ]
        speaker = rng.choice(speakers)
        day = 738000 + rng.randrange(5 * 365)
        for _ in range(rng.randint(*outlets)):
            doc += 1
            text = _variant(words, rng)
            date = "" if rng.random() < 0.2 else _iso(day + rng.randint(0, 3))
            qid = f"doc{doc:07d}:1"
            quotes.append(
                Quote(
                    quote_id=qid,
                    doc_id=f"doc{doc:07d}",
                    text=text,
                    start=0,
                    end=len(text),
                    speaker="" if rng.random() < 0.1 else speaker,
                    date=date,
                )
            )
            truth[qid] = statement
        statement += 1
    return quotes[:n], truth


def _iso(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


def run_one(n: int, shape: str = "spread") -> dict[str, float]:
    """Group and diff n synthetic quotes; timings, peak RSS and grouping quality."""
    from drift.align import find_divergences, group_quotes

    quotes, truth = synthetic_quotes(n, outlets=SHAPES[shape])
    start, cpu_start = time.perf_counter(), time.process_time()
    groups = group_quotes(quotes)
    grouped = time.perf_counter()
    divergences = find_divergences(groups)
    done, cpu_done = time.perf_counter(), time.process_time()
    pure = sum(len({truth[r.quote_id] for r in g.renderings}) == 1 for g in groups)
    found = {truth[r.quote_id] for g in groups for r in g.renderings}
    sizes: dict[int, int] = {}
    for s in truth.values():
        sizes[s] = sizes.get(s, 0) + 1
    statements = sum(1 for c in sizes.values() if c >= 2)
    return {
        "n": n,
        "group_s": grouped - start,
        "diff_s": done - grouped,
        "cpu_s": cpu_done - cpu_start,
        "quotes_per_s": n / (done - start),
        "quotes_per_cpu_s": n / (cpu_done - cpu_start),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "groups": len(groups),
        "divergences": len(divergences),
        "largest_group": max((len(g.renderings) for g in groups), default=0),
        "group_purity": pure / max(1, len(groups)),
        "statement_recall": len(found) / max(1, statements),
    }


def _sizes(values: list[str]) -> list[int]:
    """--sizes 1000 10000 or --sizes 1000,10000 (the README's form)."""
    return [int(v) for value in values for v in value.split(",") if v.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000", "10000", "100000"])
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        default="spread",
        help="renderings per statement: spread 2-6, many 50-200 (one statement, every outlet)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shape)))
        return
    previous = None
    print(
        f"{'n':>8} {'group s':>8} {'diff s':>7} {'cpu s':>7} {'q/s':>6} {'q/cpu-s':>7} "
        f"{'peak MB':>7} {'groups':>7} {'largest':>7} {'divs':>8} {'div/q':>5} {'purity':>6} "
        f"{'recall':>6} {'cpu x/size x':>12}"
    )
    for n in _sizes(args.sizes):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--shape", args.shape],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        total = row["cpu_s"]  # CPU time: wall time moves with whatever else the machine runs
        growth = ""
        if previous:
            growth = f"{total / previous[1]:.1f}/{n / previous[0]:.0f}"
        print(
            f"{n:>8} {row['group_s']:>8.1f} {row['diff_s']:>7.1f} {row['cpu_s']:>7.1f} "
            f"{row['quotes_per_s']:>6.0f} {row['quotes_per_cpu_s']:>7.0f} "
            f"{row['peak_rss_mb']:>7.0f} {row['groups']:>7} {row['largest_group']:>7} "
            f"{row['divergences']:>8} {row['divergences'] / n:>5.1f} {row['group_purity']:>6.3f} "
            f"{row['statement_recall']:>6.3f} {growth:>12}",
            flush=True,
        )
        previous = (n, total)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
