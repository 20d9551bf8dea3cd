"""Records to pandas DataFrames with the column contract of DESIGN.md (CSV and notebooks)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from drift.align.singletons import Unmatched
from drift.records import (
    Divergence,
    Document,
    Group,
    Quote,
    RenderingScore,
    ScoredDivergence,
)

QUOTE_COLUMNS = [
    "quote_id", "doc_id", "outlet", "date", "url", "speaker", "kind",
    "text", "start", "end", "context", "lang",
]  # fmt: skip
GROUP_ALIGN_COLUMNS = [
    "group_id", "quote_id", "doc_id", "outlet", "speaker", "rendering", "confidence", "copy_of",
]  # fmt: skip
GROUP_SCORE_COLUMNS = [
    "source_lang", "back_translation", "backend", "drift_vs_group", "drift_vs_original",
    "original_id",
]  # fmt: skip
GROUP_COLUMNS = [*GROUP_ALIGN_COLUMNS[:-1], *GROUP_SCORE_COLUMNS, "copy_of", "note", "statement"]
# new columns go last: scripts read the rest
GROUP_ALIGN_COLUMNS = [*GROUP_ALIGN_COLUMNS, "note", "statement"]
DIVERGENCE_ALIGN_COLUMNS = [
    "group_id", "doc_a", "doc_b", "span_a", "span_b", "kind", "context_a", "context_b",
]  # fmt: skip
DIVERGENCE_COLUMNS = [
    "group_id", "doc_a", "doc_b", "span_a", "span_b", "kind", "back_a", "back_b", "drift",
    "rank", "faithful", "context_a", "context_b", "type", "evidence",
]  # fmt: skip

SOURCE_COLUMNS = ["doc_id", "label", "outlet", "date", "url", "title"]

DECIMALS = 4  # scores are rounded so reruns give byte-identical CSVs


def _frame(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame whose text columns keep any Python string: with pyarrow installed, pandas
    would store them in Arrow, which rejects the lone surrogates undecodable file names hold."""
    with pd.option_context("mode.string_storage", "python"):
        return pd.DataFrame(rows, columns=list(columns))


def quotes_frame(quotes: Sequence[Quote]) -> pd.DataFrame:
    """One row per quote."""
    rows = [{c: getattr(q, c) for c in QUOTE_COLUMNS} for q in quotes]
    return _frame(rows, QUOTE_COLUMNS)


def groups_frame(
    groups: Sequence[Group],
    outlets: Mapping[str, str] | None = None,
    scores: Mapping[tuple[str, str], RenderingScore] | None = None,
    unmatched: Sequence[Unmatched] = (),
) -> pd.DataFrame:
    """One row per rendering in a group; score columns when `scores` (by group, quote) is given.

    Quotes that joined no group follow, with an empty group_id and the reason in `note`.
    """
    outlets = outlets or {}
    columns = GROUP_COLUMNS if scores is not None else GROUP_ALIGN_COLUMNS
    rows = []
    for group in groups:
        for r in group.renderings:
            row = {
                "group_id": group.group_id,
                "quote_id": r.quote_id,
                "doc_id": r.doc_id,
                "outlet": r.outlet or outlets.get(r.doc_id, ""),
                "speaker": r.speaker or group.speaker,
                "rendering": r.text,
                "confidence": round(group.confidence, DECIMALS),
                "copy_of": r.copy_of,
                "note": "",
                "statement": group.statement,
            }
            if scores is not None:
                s = scores.get((group.group_id, r.quote_id))
                row.update(
                    source_lang=s.source_lang if s else "",
                    back_translation=s.back_translation if s else "",
                    backend=s.backend if s else "",
                    drift_vs_group=_round(s.drift_vs_group) if s else None,
                    drift_vs_original=_round(s.drift_vs_original) if s else None,
                    original_id=s.original_id if s else "",
                )
            rows.append(row)
    for u in unmatched:
        rows.append(
            {
                "group_id": "",
                "quote_id": u.quote_id,
                "doc_id": u.doc_id,
                "outlet": u.outlet or outlets.get(u.doc_id, ""),
                "speaker": u.speaker,
                "rendering": u.text,
                "copy_of": "",
                "note": u.reason,
                "statement": "",
            }
        )
    return _frame(rows, columns)


def sources_frame(documents: Sequence[Document]) -> pd.DataFrame:
    """One row per article: where it appeared, and the `label` the report names it by (outlet,
    else title, else its opening words)."""
    from drift.report.words import source_name

    rows = [
        {
            "doc_id": d.doc_id,
            "label": source_name(d.outlet, d, d.doc_id),
            "outlet": d.outlet,
            "date": d.date,
            "url": d.url,
            "title": d.title,
        }
        for d in documents
    ]
    return _frame(rows, SOURCE_COLUMNS)


def divergences_frame(divergences: Sequence[Divergence]) -> pd.DataFrame:
    """Aligned differences without scores (`drift align`)."""
    rows = [{c: getattr(d, c) for c in DIVERGENCE_ALIGN_COLUMNS} for d in divergences]
    return _frame(rows, DIVERGENCE_ALIGN_COLUMNS)


def scored_divergences_frame(scored: Sequence[ScoredDivergence]) -> pd.DataFrame:
    """Scored differences, ranked by drift (`drift run`)."""
    rows = []
    for s in sorted(scored, key=lambda s: s.rank):
        d = s.divergence
        rows.append(
            {
                "group_id": d.group_id,
                "doc_a": d.doc_a,
                "doc_b": d.doc_b,
                "span_a": d.span_a,
                "span_b": d.span_b,
                "kind": d.kind,
                "back_a": s.back_a,
                "back_b": s.back_b,
                "drift": _round(s.drift),
                "rank": s.rank,
                "faithful": s.faithful,
                "context_a": d.context_a,
                "context_b": d.context_b,
                "type": s.type,
                "evidence": s.evidence,
            }
        )
    return _frame(rows, DIVERGENCE_COLUMNS)


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), DECIMALS)
