"""`drift run --engine ray`: the pipeline's stages on Ray Data, with the local engine's results.

Files are read as a Ray Dataset (a few tasks per CPU, each streaming its files one by one),
quotes extracted with `map_batches`, grouped per partition of speakers that can meet
(`groupby().map_groups`, see drift.engine.blocks), then back-translated and scored in chunks of
groups (GPU tasks when the cluster has GPUs). Every stage runs as tasks on Ray's pooled worker
processes, which keep the run's embedder loaded from one task to the next, rather than on
actors that each start a process and load the models again. The driver keeps what needs the
whole run: file-spanning id checks, group numbering, ranks, and the report itself
(drift.engine.merge).
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from drift import pipeline
from drift.align.blocking import KeyCounts
from drift.api import Report, _timings, _unique_originals, build_report
from drift.corpus import Corpus
from drift.corpus.corpus import IdCheck
from drift.corpus.meta import apply_sources, load_sources
from drift.corpus.readers import read_file
from drift.corpus.walk import expand_paths
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
from drift.engine.pool import hold_notices, retell
from drift.errors import InputError
from drift.pipeline import Aligned, Extracted, RunOptions, Timer
from drift.records import Document, Failure, Original, Quote
from drift.report import REPORT_GROUPS

READ_TASKS_PER_CPU = 4  # read tasks per CPU: few enough that a task's fixed cost is small
READ_ROWS = 256  # records a read task hands on at once (a file is streamed, never held whole)
Seq = tuple[int, int, int, int]  # (table quote?, file, record, quote): the local engine's order


def _dump(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _load(blob: Any) -> Any:
    return pickle.loads(bytes(blob))


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A batch for Ray: object columns, so bytes and any text pass through unchanged."""
    return pd.DataFrame(
        {c: pd.Series([r[c] for r in rows], dtype=object) for c in columns}, columns=list(columns)
    )


ROW_COLUMNS = ("kind", "order", "pos", "sub", "speaker", "cut", "stub", "record")


def _stub(record: Any) -> Any:
    """What the run-wide id check reads of a record (ids, line, path), without its text."""
    if isinstance(record, Document):
        return Document(doc_id=record.doc_id, text="", path=record.path, line=record.line)
    if isinstance(record, Quote):
        return Quote(quote_id=record.quote_id, doc_id=record.doc_id, text="", start=0, end=0)
    if isinstance(record, Original):
        return Original(original_id=record.original_id, text="", lang="")
    return None


def read_and_extract(
    batch: pd.DataFrame, *, max_bytes: int, sources: Mapping[str, Any]
) -> Iterator[pd.DataFrame]:
    """Each file of `batch` streamed record by record (ids checked within the file, as
    `iter_inputs` checks them), articles through quote extraction, table quotes made ready;
    documents, originals and failures pass on for the report. Rows go out READ_ROWS at a time.

    `stub` (a record without its text) is what the driver's run-wide id check reads."""
    from drift.quotes import prepare_table_quotes
    from drift.quotes.bounds import bounded_quotes, cut_quotes

    rows: list[dict[str, Any]] = []  # across files: one frame per file costs more than the file
    for order, path in zip(batch["order"], batch["path"], strict=True):
        ids = IdCheck()
        file = Path(path)

        def out(kind: str, pos: int, sub: int, record: Any, stub: Any = None, cut: int = 0) -> None:
            rows.append(_row(kind, int(order), pos, sub, record, stub, cut))  # noqa: B023 - this file's

        for pos, raw in enumerate(_guarded(read_file(file, max_bytes=max_bytes), file)):
            record = ids.check(raw, file)
            stub = _stub(raw) if not isinstance(record, Failure) else None
            if isinstance(record, Document):
                doc = apply_sources([record], sources)[0]
                out("Document", pos, -1, doc, stub)
                found = bounded_quotes(doc)
                if found.failure:
                    out("ExtractFailure", pos, 0, found.failure)
                for sub, quote in enumerate(found.quotes):
                    out("Quote", pos, sub, quote, cut=found.cut if sub == 0 else 0)
            elif isinstance(record, Quote):
                table = cut_quotes(prepare_table_quotes(apply_sources([record], sources)))
                out("TableQuote", pos, 0, table.quotes[0], stub, table.cut)
            else:
                out(type(record).__name__, pos, 0, record, stub)
            if len(rows) >= READ_ROWS:
                yield _frame(rows, ROW_COLUMNS)
                rows.clear()
    if rows:
        yield _frame(rows, ROW_COLUMNS)


def _row(
    kind: str, order: int, pos: int, sub: int, record: Any, stub: Any, cut: int
) -> dict[str, Any]:
    speaker = record.speaker if isinstance(record, Quote) else ""
    return {
        "kind": kind,
        "order": order,
        "pos": pos,
        "sub": sub,
        "speaker": _dump(speaker),
        "cut": cut,
        "stub": _dump(stub),
        "record": _dump(record),
    }


def _guarded(records: Iterator[Any], path: Path) -> Iterator[Any]:
    """`records`, a whole-file problem ending them as one Failure (as the local reader does)."""
    try:
        yield from records
    except InputError as error:
        yield Failure(error.path, error.problem, error.line)
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")


@dataclass(frozen=True)
class Fixes:
    """What the run-wide id check changes: records that become Failures (a doc_id or
    original_id an earlier file took), and table quotes numbered on across files."""

    failed: Mapping[tuple[int, int], Failure]
    quote_ids: Mapping[tuple[int, int], str]

    def quote(self, order: int, pos: int, quote: Quote) -> Quote | None:
        """A quote row as the run-wide check leaves it; None when its document failed."""
        if (order, pos) in self.failed:
            return None
        new = self.quote_ids.get((order, pos))
        return replace(quote, quote_id=new) if new else quote


@dataclass
class Survey:
    """What the driver keeps of the read: record stubs for the run-wide id check, the records
    the report needs (documents, originals, failures), quotes per speaker and cut quotes."""

    stubs: list[tuple[int, int, Any]]
    records: list[tuple[str, int, int, int, bytes]]
    speakers: Counter[bytes]
    cut: int = 0


def _light(batch: pd.DataFrame) -> pd.DataFrame:
    """Rows without the quotes themselves: what the driver reads in its one pass."""
    quote = batch["kind"].isin(["Quote", "TableQuote"])
    record = pd.Series([b"" if q else r for q, r in zip(quote, batch["record"], strict=True)])
    return batch.assign(record=record.astype(object).values)


def survey(rows: Any) -> Survey:
    """One pass over the read rows (quotes left on the cluster)."""
    found = Survey([], [], Counter())
    for batch in rows.map_batches(_light, batch_format="pandas").iter_batches(
        batch_format="pandas", batch_size=4096
    ):
        for kind, order, pos, sub, speaker, cut, stub, blob in zip(
            *(batch[c] for c in ROW_COLUMNS), strict=True
        ):
            order, pos = int(order), int(pos)
            raw = _load(stub)
            if raw is not None:
                found.stubs.append((order, pos, raw))
            if kind in ("Quote", "TableQuote"):
                found.speakers[bytes(speaker)] += 1
                found.cut += int(cut)
            else:
                found.records.append((str(kind), order, pos, int(sub), bytes(blob)))
    return found


def run_wide_ids(stubs: list[tuple[int, int, Any]], items: Sequence[Path | Failure]) -> Fixes:
    """Replay the local reader's id check over every file in order, on stubs only."""
    stubs.sort(key=lambda e: (e[0], e[1]))
    ids, failed, quote_ids = IdCheck(), {}, {}
    numbered: dict[str, int] = {}  # per-file numbering, to tell where the run-wide one differs
    last_file = -1
    for order, pos, raw in stubs:
        if order != last_file:
            numbered, last_file = {}, order
        checked = ids.check(raw, items[order])
        if isinstance(raw, Quote):
            numbered[raw.doc_id] = numbered.get(raw.doc_id, 0) + 1
            if checked.quote_id != f"{raw.doc_id}:{numbered[raw.doc_id]}":
                quote_ids[(order, pos)] = checked.quote_id
        elif isinstance(checked, Failure):
            failed[(order, pos)] = checked
    return Fixes(failed, quote_ids)


def largest_first(quotes: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Partition name -> its number, from (partition, quotes) pairs, the partition with most
    quotes first: grouping runs one task per partition in this order, so the longest start first
    and the CPUs finish together, as the local pool takes them."""
    sizes: Counter[str] = Counter()
    for name, n in quotes:
        sizes[name] += n
    ordered = sorted(sizes, key=lambda name: (-sizes[name], name))
    return {name: k for k, name in enumerate(ordered)}


@lru_cache(maxsize=1)
def _run_embedder(run: str, name: str | None, cache: str | Path | bool | None) -> Any:
    """This worker process's embedder for run `run`: loaded on first use and kept for the
    run's later tasks of any stage (grouping then scoring, as the local engine keeps one), so a
    model loads once per process, not once per task; the next run replaces it."""
    return pipeline.build_embedder(name, cache=cache)


def align_partition(
    batch: pd.DataFrame,
    *,
    run: str,
    embedder: str | None,
    cache: str | Path | bool | None,
    originals: Sequence[Original],
    counts: KeyCounts | None,
) -> pd.DataFrame:
    """Groups one partition's quotes with the local engine's `pipeline.align`."""
    entries = sorted(
        ((_load(s), _load(r)) for s, r in zip(batch["seq"], batch["record"], strict=True)),
        key=lambda e: e[0],
    )
    quotes = tuple(q for _, q in entries)
    extracted = Extracted(Corpus((), (), (), ()), quotes, ())
    aligned = pipeline.align(
        extracted,
        embedder=_run_embedder(run, embedder, cache),
        originals=list(originals),
        key_counts=counts,
    )
    part = int(batch["part"].iloc[0])
    keys = {g.group_id: (group_key(g), statement_of(g)) for g in aligned.groups}
    seqs = [s for s, _ in entries]
    row = {"part": part, "aligned": _dump(aligned), "keys": _dump(keys), "seqs": _dump(seqs)}
    return _frame([row], ("part", "aligned", "keys", "seqs"))


def score_chunk(
    batch: pd.DataFrame, *, run: str, options: RunOptions, originals: Sequence[Original]
) -> pd.DataFrame:
    """Back-translates and scores chunks of groups with `pipeline.score`."""
    embedder = _run_embedder(run, options.embedder, options.cache)
    rows = []
    for blob in batch["chunk"]:
        chunk: Aligned = _load(blob)
        scored, said = hold_notices(
            pipeline.score, chunk, originals=list(originals), options=options, embedder=embedder
        )
        rows.append({"scored": _dump(replace(scored, aligned=None)), "said": _dump(said)})
    return _frame(rows, ("scored", "said"))


@dataclass(frozen=True)
class Cluster:
    """What the Ray cluster offers: CPUs for tasks (in all, and on its largest node), GPUs for
    the scoring tasks."""

    cpus: int
    gpus: int
    node_cpus: int = 1

    def cpus_per_task(self, tasks: int) -> int:
        """CPUs for each of `tasks` tasks run at once (one node's at most): a lone grouping
        task gets the machine, so e5 (OpenMP, one thread per CPU Ray gives the task) uses every
        core as it does locally; many tasks get one each."""
        return max(1, min(self.node_cpus, self.cpus // max(1, tasks)))


def connect() -> Cluster:
    """Join the cluster RAY_ADDRESS names (or the running local Ray), else start a local one."""
    import ray

    if not ray.is_initialized():
        ray.init(address=os.environ.get("RAY_ADDRESS") or None, log_to_driver=False)
    resources = ray.cluster_resources()
    nodes = [n.get("Resources", {}).get("CPU", 0) for n in ray.nodes() if n.get("Alive")]
    return Cluster(
        int(resources.get("CPU", 1)), int(resources.get("GPU", 0)), int(max(nodes, default=1))
    )


def run_ray(
    paths: Sequence[str | Path],
    original_paths: Sequence[str | Path],
    options: RunOptions,
    *,
    meta: Sequence[str | Path] = (),
    report_statements: int | None = REPORT_GROUPS,
) -> Report:
    """`drift.run` on Ray Data: the same quotes, groups, divergences, report.html and run.json."""
    import ray

    started = time.perf_counter()
    timer = Timer()
    with timer.stage("ray"):
        cluster = connect()
    with _data_context(options), timer.stage("corpus+quotes"):
        run = uuid.uuid4().hex  # names this run's models in the worker processes
        items = list(expand_paths(paths))
        files = [{"order": k, "path": str(p)} for k, p in enumerate(items) if isinstance(p, Path)]
        sources, source_failures = load_sources(paths, meta)
        rows = _read(files, cluster, options.max_bytes, sources)
        seen = survey(rows) if rows is not None else Survey([], [], Counter())
        fixes = run_wide_ids(seen.stubs, items)
        from_files, original_failures = pipeline.load_originals(original_paths)
        records: dict[str, list[tuple[Seq, Any]]] = {
            k: [] for k in ("Document", "Original", "Failure", "ExtractFailure")
        }
        for kind, order, pos, sub, blob in seen.records:
            if (order, pos) in fixes.failed:
                if kind != "ExtractFailure":
                    records["Failure"].append(((0, order, pos, 0), fixes.failed[(order, pos)]))
                continue
            records[kind].append(((0, order, pos, sub), _load(blob)))
        for k, failure in enumerate(items):
            if isinstance(failure, Failure):
                records["Failure"].append(((0, k, -1, 0), failure))
        documents = [d for _, d in sorted(records["Document"], key=lambda e: e[0])]
        table_originals = [o for _, o in sorted(records["Original"], key=lambda e: e[0])]
        all_originals = _unique_originals([*table_originals, *from_files])
        named = partitions([_load(s) for s in seen.speakers], all_originals)
        number = largest_first((named[_load(b)], n) for b, n in seen.speakers.items())
        part_of = {b: number[named[_load(b)]] for b in seen.speakers}
        cut = seen.cut
        quotes = None
        if seen.speakers:
            quotes = rows.map_batches(
                _fixed_quotes,
                batch_format="pandas",
                fn_kwargs={"fixes": fixes, "part_of": part_of},
            ).materialize()
        counts = _key_counts(quotes) if quotes is not None else None
    with _data_context(options), timer.stage("align"):
        found_parts: list[list[Any]] = [[], [], [], []]
        if quotes is not None:
            aligned_ds = quotes.groupby("part", num_partitions=len(number))
            aligned_ds = aligned_ds.map_groups(
                align_partition,
                batch_format="pandas",
                num_cpus=cluster.cpus_per_task(len(number)),
                fn_kwargs={
                    "run": run,
                    "embedder": options.embedder,
                    "cache": options.cache,
                    "originals": all_originals,  # put in the object store once per stage
                    "counts": counts,
                },
            )
            for batch in aligned_ds.iter_batches(batch_format="pandas", batch_size=None):
                for column, name in zip(
                    found_parts, ("part", "aligned", "keys", "seqs"), strict=True
                ):
                    column.extend(batch[name])
        found = {
            (int(part), gid): key
            for part, blob in zip(found_parts[0], found_parts[2], strict=True)
            for gid, key in _load(blob).items()
        }
        ids, statements = run_wide_numbers(found)
    parts = [
        (renumbered(_load(a), int(p), ids, statements), _load(s))
        for p, a, _, s in zip(*found_parts, strict=True)
    ]
    failures = [
        *(f for _, f in sorted(records["Failure"], key=lambda e: e[0])),
        *source_failures,
        *(f for _, f in sorted(records["ExtractFailure"], key=lambda e: e[0])),
    ]
    whole = _whole_run(parts, documents, table_originals, failures, cut)
    with _data_context(options), timer.stage("translate+score"):
        if whole.groups:
            # one chunk per worker: each scoring call loads its translation model and
            # dictionaries (seconds), so more chunks than workers only repeat that
            chunks = split_aligned(whole, cluster.gpus or cluster.cpus)
            scored_ds = ray.data.from_items(
                [{"chunk": _dump(c)} for c in chunks], override_num_blocks=len(chunks)
            ).map_batches(
                score_chunk,
                batch_size=1,
                batch_format="pandas",
                fn_kwargs={"run": run, "options": options, "originals": all_originals},
                num_gpus=1 if cluster.gpus else None,
            )
            said: set[tuple[str, int, str]] = set()  # a worker's notices, told here once
            scored_parts = [
                retell((_load(blob), _load(notices)), said)
                for batch in scored_ds.iter_batches(batch_format="pandas", batch_size=None)
                for blob, notices in zip(batch["scored"], batch["said"], strict=True)
            ]
            scored = join_scored(scored_parts, whole)
        else:
            scored = pipeline.score(whole, originals=all_originals, options=options)
    scored = replace(
        scored,
        notes=(*whole.extracted.notes, *scored.notes),
        failures=(*whole.extracted.failures, *original_failures),
    )
    processed = len(documents) + sum(1 for _, seq in _quote_seqs(parts) if seq[0] == 1)
    report = build_report(
        scored, timer=timer, processed=processed, report_statements=report_statements
    )
    report.meta["timings_s"] = _timings(timer, time.perf_counter() - started)
    report.meta["engine"] = {"name": "ray", "cpus": cluster.cpus, "gpus": cluster.gpus}
    return report


@contextmanager
def _data_context(options: RunOptions) -> Iterator[None]:
    """Ray Data set as this run needs it (results in order, sort-based shuffles on tasks rather
    than aggregator actors, no progress bars where drift shows none), then put back."""
    import ray
    from ray.data.context import ShuffleStrategy

    context = ray.data.DataContext.get_current()
    saved = (context.execution_options.preserve_order, context.shuffle_strategy)
    saved_bars = context.enable_progress_bars
    context.execution_options.preserve_order = True  # deterministic, like the local engine
    context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    if options.progress is False or (options.progress is None and not sys.stderr.isatty()):
        context.enable_progress_bars = False  # Ray's bars where drift would show its own
    quiet = not logging.getLogger("drift").isEnabledFor(logging.INFO)
    ray_log = logging.getLogger("ray.data")
    level = ray_log.level
    if quiet:  # -v shows Ray's stages too
        ray_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        context.execution_options.preserve_order, context.shuffle_strategy = saved
        context.enable_progress_bars = saved_bars
        ray_log.setLevel(level)


def _read(
    files: list[dict[str, Any]], cluster: Cluster, max_bytes: int, sources: Mapping[str, Any]
) -> Any:
    """The read rows of every file (materialized: the driver's survey and the quotes read them),
    files handed out in a few tasks per CPU, each streaming its files one by one; None for no
    files."""
    import ray

    if not files:
        return None
    tasks = min(len(files), READ_TASKS_PER_CPU * cluster.cpus)
    return (
        ray.data.from_items(files, override_num_blocks=tasks)
        .map_batches(
            read_and_extract,
            batch_size=None,
            batch_format="pandas",
            fn_kwargs={"max_bytes": max_bytes, "sources": sources},
        )
        .materialize()
    )


def _partial_counts(batch: pd.DataFrame) -> pd.DataFrame:
    """The keyword counts of a batch of quotes (they add up to the run's)."""
    from drift.align.grouping import key_counts

    found = key_counts([_load(r) for r in batch["record"]])
    return _frame([{"counts": _dump(found)}], ("counts",))


def _key_counts(quotes: Any) -> KeyCounts | None:
    """The run's keyword counts, summed over batches of quotes on the cluster, so every
    partition weighs words (idf) as the local engine weighs them over the whole run."""
    total: KeyCounts | None = None
    for batch in quotes.map_batches(_partial_counts, batch_format="pandas").iter_batches(
        batch_format="pandas", batch_size=None
    ):
        for blob in batch["counts"]:
            part = _load(blob)
            total = part if total is None else total + part
    return total


def _fixed_quotes(
    batch: pd.DataFrame, *, fixes: Fixes, part_of: Mapping[bytes, int]
) -> pd.DataFrame:
    """Quote rows with the run-wide ids (dropped where their document failed the id check) and
    their partition; `seq` orders them as the local engine does: article quotes, then table
    quotes."""
    out = []
    for kind, order, pos, sub, speaker, blob in zip(
        *(batch[c] for c in ("kind", "order", "pos", "sub", "speaker", "record")),
        strict=True,
    ):
        if kind not in ("Quote", "TableQuote"):
            continue
        quote = fixes.quote(int(order), int(pos), _load(blob))
        if quote is None:
            continue
        seq = (int(kind == "TableQuote"), int(order), int(pos), int(sub))
        part = part_of[bytes(speaker)]
        out.append({"seq": _dump(seq), "part": part, "record": _dump(quote)})
    return _frame(out, ("seq", "part", "record"))


def _quote_seqs(parts: Sequence[tuple[Aligned, list[Seq]]]) -> Iterator[tuple[Quote, Seq]]:
    for aligned, seqs in parts:
        yield from zip(aligned.extracted.quotes, seqs, strict=True)


def _whole_run(
    parts: Sequence[tuple[Aligned, list[Seq]]],
    documents: list[Document],
    originals: list[Original],
    failures: list[Failure],
    cut: int,
) -> Aligned:
    """The partitions as one Aligned: quotes and unmatched quotes in the local engine's order."""
    from drift.quotes.bounds import cut_note

    joined = join_aligned([a for a, _ in parts])
    order = dict((q.quote_id, seq) for q, seq in _quote_seqs(parts))
    quotes = sorted((q for q, _ in _quote_seqs(parts)), key=lambda q: order[q.quote_id])
    unmatched = sorted(joined.unmatched, key=lambda u: order[u.quote_id])
    corpus = Corpus(tuple(documents), (), tuple(originals), ())
    notes = (cut_note(cut),) if cut else ()
    extracted = Extracted(corpus, tuple(quotes), tuple(failures), notes)
    return replace(joined, extracted=extracted, unmatched=tuple(unmatched))
