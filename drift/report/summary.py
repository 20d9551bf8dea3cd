"""A short plain-text summary for the terminal: the top divergences with outlets and drift."""

from __future__ import annotations

import pandas as pd


def summarize(divergences: pd.DataFrame, groups: pd.DataFrame, top: int = 5) -> str:
    """The `top` largest divergences, one line each: drift, group, both outlets and spans."""
    if divergences.empty:
        return "no divergences found"
    outlets = dict(zip(groups["doc_id"], groups["outlet"], strict=False)) if len(groups) else {}
    lines = [f"top {min(top, len(divergences))} of {len(divergences)} divergences:"]
    for row in divergences.head(top).itertuples(index=False):
        a = outlets.get(row.doc_a) or row.doc_a
        b = outlets.get(row.doc_b) or row.doc_b
        lines.append(
            f"  {row.drift:.2f}  {row.group_id}  {a}: \u201c{row.span_a or '-'}\u201d"
            f"  <>  {b}: \u201c{row.span_b or '-'}\u201d"
            + (f"  [{row.type}]" if getattr(row, "type", "") else "")
        )
    return "\n".join(lines)
