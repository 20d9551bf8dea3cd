"""A short plain-text summary for the terminal: the top divergences with outlets and drift."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def summarize(
    divergences: pd.DataFrame,
    groups: pd.DataFrame,
    top: int = 5,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The `top` largest divergences, one line each: drift, group, both sources and spans.

    A source is named by `labels` (doc_id -> outlet or title) where given, else by its outlet,
    else by its doc_id."""
    if divergences.empty:
        return "no divergences found"
    outlets = dict(zip(groups["doc_id"], groups["outlet"], strict=False)) if len(groups) else {}
    names = {**{k: v for k, v in outlets.items() if v}, **(labels or {})}
    lines = [f"top {min(top, len(divergences))} of {len(divergences)} divergences:"]
    for row in divergences.head(top).itertuples(index=False):
        a = names.get(row.doc_a) or row.doc_a
        b = names.get(row.doc_b) or row.doc_b
        lines.append(
            f"  {row.drift:.2f}  {row.group_id}  {a}: \u201c{row.span_a or '-'}\u201d"
            f"  <>  {b}: \u201c{row.span_b or '-'}\u201d"
            + (f"  [{row.type}]" if getattr(row, "type", "") else "")
        )
    return "\n".join(lines)
