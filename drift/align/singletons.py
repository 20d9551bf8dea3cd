"""Quotes that found no group, each with the reason drift could not match it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from drift.align.blocking import WINDOW_DAYS
from drift.align.edges import ACCEPT
from drift.align.units import Unit
from drift.records import Quote

NO_RENDERING = "no other rendering found"
TERM_NO_SPEAKER = "a term without a known speaker is compared with nothing"
RULED_OUT = (
    "similar renderings were ruled out: same document, another speaker, or more than "
    f"{WINDOW_DAYS} days apart without near-verbatim words"
)


@dataclass(frozen=True)
class Unmatched:
    """A quote none of whose sentences joined a group, and why."""

    quote_id: str
    doc_id: str
    text: str
    speaker: str = ""
    outlet: str = ""
    reason: str = NO_RENDERING


def _reason(
    units: Sequence[Unit], mine: Sequence[int], linked: Collection[int], tried: Mapping[int, float]
) -> str:
    if any(u in linked for u in mine):
        return RULED_OUT
    best = max((tried[u] for u in mine if u in tried), default=None, key=abs)
    if best is not None and best < 0 and -best >= ACCEPT:
        return (
            f"a similar rendering lies more than {WINDOW_DAYS} days away (similarity {-best:.2f})"
        )
    if best is not None and abs(best) >= ACCEPT:  # scored high on one count, kept by none
        return RULED_OUT
    if best is not None:
        return f"closest rendering too different (similarity {abs(best):.2f} < {ACCEPT})"
    if all(units[u].is_term and not units[u].speaker_key for u in mine):
        return TERM_NO_SPEAKER
    return NO_RENDERING


def unmatched_quotes(
    quotes: Sequence[Quote],
    units: Sequence[Unit],
    grouped: Collection[str],
    linked: Collection[int],
    tried: Mapping[int, float],
) -> list[Unmatched]:
    """Quotes with no rendering in `grouped` (quote ids), in input order, with reasons.

    `linked`: units that had an accepted-score edge; `tried`: best score each unit reached.
    """
    by_quote: dict[str, list[int]] = {}
    for k, unit in enumerate(units):
        by_quote.setdefault(unit.rendering.quote_id, []).append(k)
    return [
        Unmatched(
            q.quote_id,
            q.doc_id,
            q.text,
            q.speaker,
            q.outlet,
            _reason(units, by_quote.get(q.quote_id, []), linked, tried),
        )
        for q in quotes
        if q.quote_id not in grouped
    ]
