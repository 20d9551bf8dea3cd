"""Benchmark the whole pipeline on a synthetic news corpus: seconds per stage, peak memory, rows.

The corpus is English articles (fixed seed) quoting Lavrov, Wang Yi and other officials: about
200 base statements (real English renderings from `benchmarks/grouping/renderings.jsonl` and
the seed quotes, plus word-substituted variants of them) are each rendered by many outlets with
word-level variation (synonyms, dropped and swapped words, fragments), on varied dates, inside
articles with a headline, a dateline, attribution in several forms and page boilerplate; outlet,
date and url go in a `sources.csv`. Each size runs `drift.run` with default settings (e5
embedder; `--backend lexicon` unless told) in a fresh process with a fresh, empty cache dir, and
saves the report set, so the figures are a cold first run.

    .venv/bin/python benchmarks/pipeline.py --articles 1000,2000 [--warm] [--profile out.prof]

Goals (issue 14): 10,000 articles (about 25k quotes) in at most 10 minutes on 2 cores and 4 GB;
20,000 in at most 2.2 times the 10,000 time. A ratio line compares each size with the previous.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_STATEMENTS = 200
QUOTES_PER_ARTICLE = (1, 4)  # about 2.5 quotes an article
OFFICIALS = [  # (full name, role, language): speakers drift's speaker table knows
    ("Sergei Lavrov", "Russian Foreign Minister", "ru"),
    ("Wang Yi", "Chinese Foreign Minister", "zh"),
    ("Maria Zakharova", "Russian Foreign Ministry spokeswoman", "ru"),
    ("Dmitry Peskov", "Kremlin spokesman", "ru"),
    ("Wang Wenbin", "Chinese Foreign Ministry spokesman", "zh"),
    ("Mao Ning", "Chinese Foreign Ministry spokeswoman", "zh"),
    ("Vladimir Putin", "Russian President", "ru"),
    ("Xi Jinping", "Chinese President", "zh"),
    ("Qin Gang", "Chinese Foreign Minister", "zh"),
    ("Sergei Ryabkov", "Russian Deputy Foreign Minister", "ru"),
]
OUTLETS = [
    "Global Wire",
    "Eastern Post",
    "The Daily Ledger",
    "Capital Observer",
    "World Desk",
    "Asia Monitor",
    "Euro Review",
    "The Morning Herald",
    "North Star News",
    "Harbour Times",
    "Pacific Courier",
    "Continental Press",
    "The Evening Standardist",
    "Metro Dispatch",
    "Atlas Report",
    "Riverside Gazette",
    "The Independent Tribune",
    "Union Chronicle",
    "Frontier Bulletin",
    "Meridian Daily",
    "The Weekly Compass",
    "Lakeside Journal",
    "Summit Times",
    "Horizon Media",
    "Central Bulletin",
    "The Policy Brief",
    "Delta News",
    "Coastline Post",
    "Crown Courier",
    "Open Source Daily",
]
CITIES = ["MOSCOW", "BEIJING", "NEW YORK", "GENEVA", "NEW DELHI", "ASTANA", "ANKARA", "JAKARTA"]
SYNONYMS = [
    ["just", "fair", "equitable"],
    ["serious", "critical", "grave"],
    ["stage", "juncture", "phase"],
    ["supporters", "sympathisers", "allies"],
    ["strong", "solid", "firm"],
    ["move", "head", "go"],
    ["interested", "keen"],
    ["steadily", "consistently", "steadfastly"],
    ["illegal", "unlawful", "illegitimate"],
    ["relations", "ties", "relationship"],
    ["said", "stated", "noted"],
    ["country", "nation", "state"],
    ["important", "significant", "key"],
    ["development", "progress", "growth"],
    ["cooperation", "collaboration", "partnership"],
    ["threat", "danger", "menace"],
    ["people", "citizens", "public"],
    ["world", "globe", "planet"],
    ["great", "huge", "enormous"],
    ["never", "not ever"],
    ["support", "back", "endorse"],
    ["peace", "calm", "stability"],
]
FILLER = [
    "The talks lasted several hours and covered trade, energy and regional security.",
    "Diplomats from both sides described the atmosphere as businesslike.",
    "The meeting came days after a round of consultations between deputy ministers.",
    "Analysts said the remarks were aimed at audiences at home as well as abroad.",
    "Officials did not say when the next round of talks would take place.",
    "The statement was published on the ministry's website later in the day.",
    "Western governments have criticised the position in recent weeks.",
    "The two countries signed a number of agreements on transport and finance last year.",
    "Markets reacted calmly to the news.",
    "The foreign ministry later released a transcript of the remarks.",
]
BOILERPLATE = [
    "Share this article",
    "Follow {outlet} on Telegram and X for the latest news.",
    "Related: {title}",
    "© {year} {outlet}. All rights reserved.",
    "Subscribe to our newsletter",
    "Read more",
]


@dataclass(frozen=True)
class Statement:
    """One base statement: words, speaker and the day it was said."""

    words: tuple[str, ...]
    speaker: tuple[str, str, str]
    day: date


def _real_texts() -> list[str]:
    """English renderings of real statements (one per statement) and the seed quotes' sentences."""
    rows = [json.loads(line) for line in (ROOT / "benchmarks/grouping/renderings.jsonl").open()]
    by_statement: dict[str, str] = {}
    for row in rows:
        text = " ".join(row["text"].replace("*", "").split()).strip(" .,")
        if len(text.split()) >= 8 and len(by_statement.get(row["statement"], "")) < len(text):
            by_statement[row["statement"]] = text
    texts = list(by_statement.values())
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        found = re.findall(r"“([^”]{40,400})”", path.read_text(encoding="utf-8"))
        texts.extend(" ".join(t.split()).strip(" .,") for t in found)
    return sorted(dict.fromkeys(t.replace("“", "'").replace("”", "'") for t in texts))


def _vocabulary() -> list[str]:
    from breame.spelling import BRITISH_ENGLISH_SPELLINGS

    return sorted({w for w in BRITISH_ENGLISH_SPELLINGS.values() if w.isalpha() and len(w) > 3})


def base_statements(rng: random.Random, n: int = BASE_STATEMENTS) -> list[Statement]:
    """`n` distinct statements: the real texts, then variants with a third of words replaced."""
    real, vocab = _real_texts(), _vocabulary()
    out: list[Statement] = []
    for k in range(n):
        words = real[k % len(real)].split()
        if k >= len(real):
            words = [
                rng.choice(vocab) if w.isalpha() and len(w) > 4 and rng.random() < 0.35 else w
                for w in words
            ]
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        out.append(Statement(tuple(words), rng.choice(OFFICIALS), day))
    return out


def render(words: tuple[str, ...], rng: random.Random) -> str:
    """One outlet's rendering: synonyms swapped, words dropped or swapped, maybe a fragment."""
    out = []
    for word in words:
        bare = word.lower().strip(",.;:")
        group = next((g for g in SYNONYMS if bare in g), None)
        if group and rng.random() < 0.5:
            word = word.replace(bare, rng.choice(group)) if bare in word else rng.choice(group)
        if rng.random() < 0.05:
            continue
        out.append(word)
    if len(out) > 3 and rng.random() < 0.2:
        k = rng.randrange(1, len(out) - 1)
        out[k], out[k + 1] = out[k + 1], out[k]
    if len(out) > 10 and rng.random() < 0.25:
        size = rng.randint(len(out) * 6 // 10, len(out) - 1)
        start = rng.randrange(len(out) - size + 1)
        out = out[start : start + size]
    text = " ".join(out).strip(" ,;:")
    return text[:1].upper() + text[1:]


def _quote_paragraph(
    text: str, official: tuple[str, str, str], first: bool, rng: random.Random
) -> str:
    """A quoted paragraph in one of the usual attribution forms."""
    name, role, _ = official
    surname = name.split()[-1]
    if first:
        forms = [
            f"{role} {name} said: “{text}.”",
            f"“{text},” {role} {name} said.",
            f"“{text},” {name}, the {role}, told reporters.",
        ]
    else:
        forms = [
            f"“{text},” {surname} said.",
            f"“{text},” {surname} added.",
            f"{surname} also said: “{text}.”",
            f"“{text},” the {role.split()[-1].lower()} stressed.",
        ]
    return rng.choice(forms)


def article(k: int, statements: list[Statement], rng: random.Random) -> tuple[str, dict[str, str]]:
    """Article number `k` (text, sources.csv row): 1-4 quotes of the same official's statements."""
    official = rng.choice(OFFICIALS)
    own = [s for s in statements if s.speaker == official] or statements
    chosen = [rng.choice(own) for _ in range(rng.randint(*QUOTES_PER_ARTICLE))]
    latest = max(s.day for s in chosen)
    published = latest + timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 7, 14, 30, 400]))
    outlet = rng.choice(OUTLETS)
    name, role, _ = official
    title = f"{name} on {rng.choice(['relations', 'security', 'trade', 'sanctions', 'the talks'])}"
    paragraphs = [
        title,
        f"{rng.choice(CITIES)}, {published:%B} {published.day}, {published.year} ({outlet}) — "
        f"{role} {name} spoke to reporters after talks on {published:%A}.",
    ]
    for i, statement in enumerate(chosen):
        if rng.random() < 0.5:
            paragraphs.append(rng.choice(FILLER))
        text = render(statement.words, rng)
        paragraphs.append(
            _quote_paragraph(text, statement.speaker, i == 0 or statement.speaker != official, rng)
        )
    paragraphs.append(rng.choice(FILLER))
    for line in rng.sample(BOILERPLATE, 3):
        paragraphs.append(line.format(outlet=outlet, title=title, year=published.year))
    doc_id = f"a{k:06d}"
    row = {
        "doc_id": doc_id,
        "outlet": outlet,
        "date": published.isoformat(),
        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{doc_id}",
    }
    return "\n\n".join(paragraphs) + "\n", row


def write_corpus(folder: Path, articles: int, seed: int = 0) -> Path:
    """`articles` .txt files and their sources.csv under `folder`/corpus (same seed, same files)."""
    rng = random.Random(seed)
    statements = base_statements(rng)
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    rows = []
    for k in range(articles):
        text, row = article(k, statements, rng)
        (corpus / f"{row['doc_id']}.txt").write_text(text, encoding="utf-8")
        rows.append(row)
    with (corpus / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return corpus


def _caller() -> str:
    """The drift module (package/module) that asked for embeddings."""
    import inspect

    for frame in inspect.stack()[2:]:
        path = Path(frame.filename)
        asked = path.parent.name not in ("embed", "drift") and path.name != "batch.py"
        if "drift" in path.parts and asked:
            return f"{path.parent.name}/{path.stem}"
    return "other"


def count_embedded(texts: dict[str, int]) -> None:
    """Count, per asking module, the texts that reach the encoder (not memoised, not cached)."""
    from drift.embed import cache

    encode = cache.CachedEmbedder.encode

    def counted(self: cache.CachedEmbedder, batch: list[str]) -> object:
        before = self.encoded
        out = encode(self, batch)
        if self.encoded > before:
            where = _caller()
            texts[where] = texts.get(where, 0) + self.encoded - before
        return out

    cache.CachedEmbedder.encode = counted  # type: ignore[method-assign]


class PssSampler:
    """Peak memory of this process and its descendants (the pool's workers) together, as the
    sum of their proportional set sizes: a page shared after fork counts once, not per process
    as summed RSS would. Sampled every `interval` seconds from /proc (Linux; 0 elsewhere)."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval, self.peak_kb = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PssSampler:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(os.getpid())))


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_one(
    articles: int, backend: str, embedder: str | None, warm: bool, profile: str, jobs: int | None
) -> dict:
    """Generate, run and save one size in this process; stage seconds, CPU seconds and peak RSS
    (with the worker processes'), rows, texts embedded per asking module (this process only)."""
    with tempfile.TemporaryDirectory(prefix="drift-bench-") as tmp:
        folder = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # a cold, private cache
        start = time.perf_counter()
        corpus = write_corpus(folder, articles)
        generated = time.perf_counter() - start
        import drift

        embedded: dict[str, int] = {}
        count_embedded(embedded)

        runs = 2 if warm else 1
        first: dict = {}
        for attempt in range(runs):
            profiler = None
            if profile and attempt == runs - 1:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            start, cpu = time.perf_counter(), _cpu()
            with PssSampler() as memory:
                report = drift.run(
                    [corpus], backend=backend, embedder=embedder, progress=False, jobs=jobs
                )
            saved_at = time.perf_counter()
            report.save(folder / "out")
            done, cpu_done = time.perf_counter(), _cpu()
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(profile)
            first = first or dict(report.meta["timings_s"])
        stages = dict(report.meta["timings_s"])
        stages["save"] = round(done - saved_at, 3)
        sizes = {p.name: p.stat().st_size for p in (folder / "out").iterdir() if p.is_file()}
        ids = report.groups["group_id"].fillna("").astype(str)
        grouped = ids[ids != ""]  # rows with no group: quotes that joined none
        largest = int(grouped.value_counts().max()) if len(grouped) else 0
        return {
            "articles": articles,
            "generate_s": round(generated, 1),
            "stages_s": stages,
            "cold_total_s": first["total"],
            "wall_s": round(done - start, 1),
            "cpu_s": round(cpu_done - cpu, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "peak_pss_mb": round(memory.peak_kb / 1024),
            "processes": report.meta.get("engine", {}).get("processes", 1),
            "quotes": len(report.quotes),
            "groups": int(grouped.nunique()),
            "unmatched": int((ids == "").sum()),
            "largest_group": largest,
            "divergences": len(report.divergences),
            "files_mb": {k: round(v / 1e6, 1) for k, v in sorted(sizes.items())},
            "embedded": dict(sorted(embedded.items())),  # texts encoded, all runs together
        }


def _workers(row: dict) -> str:
    if row["processes"] == 1:
        return f" ({row['peak_pss_mb']} MB PSS)"
    return (
        f" (+ each worker at most {row['worker_rss_mb']} MB; all processes together at most"
        f" {row['peak_pss_mb']} MB PSS)"
    )


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _sizes(values: list[str]) -> list[int]:
    return [int(v) for value in values for v in value.split(",") if v.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", nargs="+", default=["1000"], help="e.g. 1000,2000")
    parser.add_argument("--backend", default="lexicon")
    parser.add_argument("--embedder", default="e5", help="'none' for no embeddings")
    parser.add_argument("--warm", action="store_true", help="run twice; figures of the 2nd run")
    parser.add_argument("--profile", default="", help="write a cProfile of the (last) run here")
    parser.add_argument("--jobs", type=int, help="drift.run's jobs (default: drift's default)")
    parser.add_argument("--write", type=Path, help="only write the corpus to this folder")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    embedder = None if args.embedder == "none" else args.embedder
    sizes = _sizes(args.articles)
    if args.write:
        for n in sizes:
            print(write_corpus(args.write / str(n), n))
        return
    if args.one:
        import drift

        print(f"drift from {Path(drift.__file__).parent}", file=sys.stderr)
        row = run_one(sizes[0], args.backend, embedder, args.warm, args.profile, args.jobs)
        print(json.dumps(row))
        return
    print(f"cpus available: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()}")
    previous = None
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", "--articles", str(n), "--backend", args.backend]
        cmd += ["--embedder", args.embedder] + (["--warm"] if args.warm else [])
        cmd += ["--profile", args.profile] if args.profile else []
        cmd += ["--jobs", str(args.jobs)] if args.jobs else []
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            sys.exit(f"articles {n}: the run failed (exit {out.returncode}):\n{out.stderr[-4000:]}")
        row = json.loads(out.stdout.strip().splitlines()[-1])
        stages = " ".join(f"{k} {v:.1f}" for k, v in row["stages_s"].items() if k != "total")
        print(
            f"articles {n}: total {row['stages_s']['total']:.1f} s (+ save "
            f"{row['stages_s']['save']:.1f} s; cpu {row['cpu_s']:.1f} s), "
            f"{row['processes']} process(es), peak RSS {row['peak_rss_mb']} MB"
            f"{_workers(row)}; quotes {row['quotes']}, groups {row['groups']} (+ "
            f"{row['unmatched']} unmatched), largest "
            f"group {row['largest_group']}, divergences {row['divergences']}",
            flush=True,
        )
        print(f"  stages s: {stages}", flush=True)
        texts = " ".join(f"{k} {v}" for k, v in row["embedded"].items())
        if row["processes"] == 1:
            print(f"  texts embedded: {texts} (total {sum(row['embedded'].values())})", flush=True)
        print(f"  files MB: {row['files_mb']}; loadavg {os.getloadavg()[0]:.1f}", flush=True)
        if previous:
            n0, t0, c0 = previous
            print(
                f"  ratio {n}/{n0} articles ({n / n0:.1f}x): time "
                f"{row['stages_s']['total'] / t0:.2f}x, cpu {row['cpu_s'] / c0:.2f}x "
                "(goal for 2x the articles: <= 2.2x)",
                flush=True,
            )
        previous = (n, row["stages_s"]["total"], row["cpu_s"])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
