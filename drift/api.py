"""The Python API: the CLI's powers as functions that return pandas DataFrames.

import drift
report = drift.run(["seeds/"], originals="seeds/originals.jsonl")
report.divergences.head()        # ranked, one row per differing span
report.save("reports/")          # quotes.csv, groups.csv, divergences.csv, report.html, run.json
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from drift import pipeline
from drift import report as rep
from drift.corpus import DEFAULT_MAX_BYTES
from drift.engine import check_engine
from drift.errors import UsageError
from drift.pipeline import RunOptions, Timer
from drift.publish import publish
from drift.records import Failure, Original
from drift.score.types import TYPES as DIVERGENCE_TYPES  # noqa: F401 - re-exported

PathsLike = str | Path | Iterable[str | Path]
log = logging.getLogger("drift")
SUMMARY_SPAN_CHARS = 80  # a span longer than this is cut with an ellipsis in `Report.summary`


def _paths(paths: PathsLike) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)


def _notify(message: str) -> None:
    """A one-line notice on stderr (waiting for another run's lock)."""
    import sys

    print(f"drift: {message}", file=sys.stderr, flush=True)


@dataclass
class Report:
    """The result of `drift.run`: DataFrames for notebooks, and files on `save`."""

    quotes: pd.DataFrame
    groups: pd.DataFrame
    divergences: pd.DataFrame
    meta: dict[str, object]
    failures: list[Failure] = field(default_factory=list)
    processed: int = 0
    sources: pd.DataFrame = field(default_factory=lambda: rep.sources_frame([]))  # per article
    _page: rep.PageData | None = field(default=None, repr=False)
    _html: str | None = field(default=None, repr=False)  # rendered (and timed) by `run`

    def to_html(self) -> str:
        """The self-contained HTML report as a string."""
        if self._html is not None:
            return self._html
        if self._page is None:
            raise ValueError("this report has no scored groups to render")
        return rep.render_html(self._page)

    def summary(self, top: int = 5) -> str:
        """The top divergences as a few lines of text, sources named by outlet or title, spans cut
        to SUMMARY_SPAN_CHARS (the tables keep them whole)."""
        from drift.report.words import clip, source_name

        labels = {}
        if self._page is not None:
            labels = {
                doc_id: clip(source_name(doc.outlet, doc, doc_id), 40)
                for doc_id, doc in self._page.documents.items()
            }
        shown = self.divergences
        if len(shown):
            shown = shown.assign(
                **{
                    column: [
                        clip(s, SUMMARY_SPAN_CHARS) if isinstance(s, str) else s
                        for s in shown[column]
                    ]
                    for column in ("span_a", "span_b")
                }
            )
        return rep.summarize(shown, self.groups, top=top, labels=labels)

    def save(self, out_dir: str | Path, format: str = "csv") -> list[Path]:
        """Write quotes, groups and divergences (`format` csv or parquet), report.html and
        run.json to `out_dir`.

        Everything is rendered first, then published as one set (`drift.publish`): a reader, or
        a run killed at any moment, sees the complete previous set or the complete new one.
        """
        tables = {"quotes": self.quotes, "groups": self.groups, "divergences": self.divergences}
        contents = {
            **table_contents(tables, format),
            "report.html": self.to_html(),
            "run.json": rep.run_json_text(self.meta),
        }
        return publish(out_dir, contents, notify=_notify)


@dataclass
class Quotes:
    """The result of `drift.find_quotes`: a quotes table and the inputs that failed."""

    quotes: pd.DataFrame
    failures: list[Failure] = field(default_factory=list)
    processed: int = 0  # documents read plus rows of quotes tables


@dataclass
class Alignment:
    """The result of `drift.align_quotes`: groups and their unscored divergences."""

    quotes: pd.DataFrame
    groups: pd.DataFrame
    divergences: pd.DataFrame
    failures: list[Failure] = field(default_factory=list)
    processed: int = 0

    def save(self, out_dir: str | Path, format: str = "csv") -> list[Path]:
        """Write groups and divergences (`format` csv or parquet) to `out_dir`, as one set (see
        `Report.save`)."""
        tables = {"groups": self.groups, "divergences": self.divergences}
        return publish(out_dir, table_contents(tables, format), notify=_notify)


def table_contents(tables: dict[str, pd.DataFrame], format: str = "csv") -> dict[str, str | bytes]:
    """File name -> content of each table: CSV text, or Parquet bytes (`pip install
    'drift[parquet]'`)."""
    from drift.report.parquet import check_format, parquet_bytes

    check_format(format)
    if format == "parquet":
        return {f"{name}.parquet": parquet_bytes(frame) for name, frame in tables.items()}
    return {f"{name}.csv": rep.csv_text(frame) for name, frame in tables.items()}


def find_quotes(
    paths: PathsLike,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    meta: PathsLike = (),
) -> Quotes:
    """Quotes of every article under `paths` (and rows of quotes tables), with failures.

    `meta`: sidecar tables (doc_id, outlet, date, url) besides `sources.csv` files in `paths`."""
    extracted = pipeline.extract(
        _paths(paths), max_bytes=max_bytes, progress=progress, sources=_paths(meta)
    )
    return Quotes(
        rep.quotes_frame(extracted.quotes), list(extracted.failures), _processed(extracted)
    )


def align_quotes(
    paths: PathsLike,
    *,
    embedder: str | None = "e5",
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    meta: PathsLike = (),
) -> Alignment:
    """Group renderings of the same statement across articles and list their differences."""
    extracted = pipeline.extract(
        _paths(paths), max_bytes=max_bytes, progress=progress, sources=_paths(meta)
    )
    aligned = pipeline.align(
        extracted, embedder=pipeline.build_embedder(embedder), progress=progress
    )
    outlets = {d.doc_id: d.outlet for d in extracted.corpus.documents}
    return Alignment(
        quotes=rep.quotes_frame(aligned.extracted.quotes),
        groups=rep.groups_frame(aligned.groups, outlets, unmatched=aligned.unmatched),
        divergences=rep.divergences_frame(aligned.divergences),
        failures=list(extracted.failures),
        processed=_processed(extracted),
    )


def run(
    paths: PathsLike,
    originals: str | Path | Sequence[str | Path] | None = None,
    *,
    backend: str = "auto",
    model: str | None = None,
    device: str = "auto",
    quantize: bool | None = None,
    embedder: str | None = "e5",
    cache: str | Path | bool | None = None,
    source_lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    meta: PathsLike = (),
    engine: str = "local",
    report_statements: int | None = rep.REPORT_GROUPS,
    jobs: int | None = None,
) -> Report:
    """The whole pipeline: quotes, groups, back-translations, drift scores, ranked divergences.

    The local engine groups and scores in `jobs` processes (None: one per core once a run has
    2,000 quotes; 1: this process only), with the same results as one process.

    `engine="ray"` runs it on Ray Data (the cluster RAY_ADDRESS names, else a local Ray) with
    the same results; see docs/scale.md. `report_statements` caps the HTML page at that many
    statements, largest drift first (None: all); the tables always hold every one."""
    _check_source_lang(source_lang)
    options = RunOptions(
        backend=backend,
        model=model,
        device=device,
        quantize=quantize,
        embedder=embedder,
        cache=cache,
        source_lang=source_lang,
        max_bytes=max_bytes,
        progress=progress,
    )
    original_paths = [] if originals is None else _paths(originals)
    if check_engine(engine) == "ray":
        from drift.engine.ray_engine import run_ray

        return run_ray(
            _paths(paths),
            original_paths,
            options,
            meta=_paths(meta),
            report_statements=report_statements,
        )
    started = time.perf_counter()
    timer = Timer()
    extracted = pipeline.extract(
        _paths(paths), max_bytes=max_bytes, progress=progress, timer=timer, sources=_paths(meta)
    )
    with timer.stage("corpus", quiet=True):  # counted with the inputs' corpus stage, logged once
        from_files, original_failures = pipeline.load_originals(original_paths)
        all_originals = _unique_originals([*extracted.corpus.originals, *from_files])
    if original_paths:
        log.info(
            "%d originals read from %d --originals file(s)", len(from_files), len(original_paths)
        )
    from drift.engine.pool import pool_jobs, run_pool

    workers = pool_jobs(jobs, len(extracted.quotes))
    if workers > 1:
        scored = run_pool(
            extracted,
            originals=all_originals,
            options=options,
            jobs=workers,
            timer=timer,
            extra_failures=original_failures,
        )
    else:
        with timer.stage("embed"):
            built = pipeline.build_embedder(embedder, cache=cache)
            emb = pipeline.TimedEmbedder(built, timer) if built is not None else None
        aligned = pipeline.align(
            extracted, embedder=emb, originals=all_originals, progress=progress, timer=timer
        )
        scored = pipeline.score(
            aligned,
            originals=all_originals,
            options=options,
            embedder=emb,
            timer=timer,
            extra_failures=original_failures,
        )
    report = build_report(
        scored,
        timer=timer,
        processed=_processed(extracted),
        report_statements=report_statements,
    )
    report.meta["timings_s"] = _timings(timer, time.perf_counter() - started)
    report.meta["engine"] = {"name": "local", "processes": workers}
    return report


def build_report(
    scored: pipeline.Scored,
    *,
    timer: Timer,
    processed: int,
    report_statements: int | None = rep.REPORT_GROUPS,
) -> Report:
    """The Report of a scored run (frames, page, meta), the same whichever engine scored it."""
    aligned = scored.aligned
    extracted = aligned.extracted
    with timer.stage("report"):
        documents = {d.doc_id: d for d in extracted.corpus.documents}
        outlets = {d.doc_id: d.outlet for d in extracted.corpus.documents}
        scores = {(s.group_id, s.quote_id): s for s in scored.renderings}
        meta = _meta(scored)
        page = rep.PageData(
            aligned.groups,
            scored.divergences,
            scores,
            outlets,
            meta,
            documents=documents,
            originals=dict(scored.matched),
            quotes={q.quote_id: q for q in extracted.quotes},
            limit=report_statements,
        )
        html = rep.render_html(page)
        return Report(
            processed=processed,
            quotes=rep.quotes_frame(extracted.quotes),
            groups=rep.groups_frame(aligned.groups, outlets, scores, aligned.unmatched),
            divergences=rep.scored_divergences_frame(scored.divergences),
            meta=meta,
            failures=list(scored.failures),
            sources=rep.sources_frame(extracted.corpus.documents),
            _page=page,
            _html=html,
        )


def back_translate(
    texts: Sequence[str],
    src: str = "en",
    tgt: str = "ru",
    *,
    backend: str = "auto",
    model: str | None = None,
    device: str = "auto",
    quantize: bool | None = None,
    cache: str | Path | bool | None = None,
) -> pd.DataFrame:
    """Translate `texts`; one row per text with the backend and model that produced it."""
    from drift.translate.engine import TranslationEngine

    engine = TranslationEngine(backend, model=model, device=device, quantize=quantize, cache=cache)
    rows = [
        {
            "source": t.source,
            "translation": t.text,
            "src_lang": t.src_lang,
            "tgt_lang": t.tgt_lang,
            "backend": t.backend,
            "model": t.model,
            "cached": t.cached,
        }
        for t in engine.translate(texts, src, tgt)
    ]
    return pd.DataFrame(rows)


def list_models(models_dir: str | Path | None = None) -> pd.DataFrame:
    """The registry's models with their local status and size."""
    from dataclasses import asdict

    from drift.translate.models import list_models as _list

    statuses = _list(Path(models_dir) if models_dir else None)
    rows = []
    for status in statuses:
        row = asdict(status)
        row["directions"] = ", ".join(row.get("directions") or ()) or "-"
        row["size"] = f"{row['size_bytes'] / 1e6:.0f} MB" if row.get("size_bytes") else "-"
        rows.append(row)
    return pd.DataFrame(rows)


def _check_source_lang(source_lang: str | None) -> None:
    """UsageError for a source language drift cannot back-translate into, before any work."""
    from drift.score.batch import LANGS

    if source_lang is not None and source_lang not in LANGS:
        raise UsageError(f"unknown source_lang {source_lang!r}; choose {' or '.join(LANGS)}")


def _processed(extracted: pipeline.Extracted) -> int:
    return len(extracted.corpus.documents) + len(extracted.corpus.quotes)


def _unique_originals(originals: Iterable[Original]) -> list[Original]:
    seen: dict[str, Original] = {}
    for o in originals:
        seen.setdefault(o.original_id, o)
    return list(seen.values())


def _timings(timer: Timer, total: float) -> dict[str, float]:
    """Seconds per named stage; `other` is what no stage measured (argument checks, records
    handed between stages), so the stages and `other` add up to `total`."""
    stages = dict(timer.seconds)
    stages["other"] = round(max(0.0, total - sum(stages.values())), 3)
    stages["total"] = round(total, 3)
    return stages


def _meta(scored: pipeline.Scored) -> dict[str, object]:
    extracted = scored.aligned.extracted
    return {
        "version": rep.environment()["drift"],
        "environment": rep.environment(),
        "signature": scored.signature,
        "backends": dict(scored.backends),
        "counts": {
            "documents": len(extracted.corpus.documents),
            "quotes": len(extracted.quotes),
            "originals": len(scored.originals),
            "groups": len(scored.aligned.groups),
            "divergences": len(scored.divergences),
            "failures": len(scored.failures),
        },
        "matched_originals": {g: o.original_id for g, o in sorted(scored.matched.items())},
        "failures": [str(f) for f in scored.failures],
        "notes": list(scored.notes),
        "lexicon": rep.meta.lexicon_meta(scored.renderings),
    }
