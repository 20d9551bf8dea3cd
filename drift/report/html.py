"""A self-contained HTML page: groups ranked by their largest drift, renderings side by side.

Every text from an article goes through `html.escape`; the page has no scripts and no external
resources, so it opens anywhere and cannot run what an article contains.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from drift.records import Group, RenderingScore, ScoredDivergence

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,'Noto Sans CJK SC','PingFang SC',
sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}.meta{color:#555;font-size:.9rem}
.warn{background:#fff4d6;border:1px solid #f0c36d;padding:.5rem .8rem;border-radius:6px}
section.group{border:1px solid #ddd;border-radius:8px;margin:1.5rem 0;padding:1rem 1.2rem}
section.group h2{font-size:1.1rem;margin:0 0 .6rem}
.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;background:#eee;
margin-left:.4rem}.hot{background:#c0392b;color:#fff}.warm{background:#e67e22;color:#fff}
.renderings{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem}
.rendering{background:#fafafa;border:1px solid #e5e5e5;border-radius:6px;padding:.6rem .8rem}
.rendering .who{font-size:.8rem;color:#555}.rendering blockquote{margin:.4rem 0;font-size:1rem}
.rendering .back{font-size:.85rem;color:#444;border-top:1px dashed #ccc;padding-top:.3rem}
mark{border-radius:3px;padding:0 .1rem}
table{border-collapse:collapse;width:100%;margin-top:.8rem;font-size:.9rem}
th,td{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
"""


@dataclass(frozen=True)
class PageData:
    """What the page shows; built by the pipeline from its records."""

    groups: Sequence[Group]
    divergences: Sequence[ScoredDivergence]
    scores: Mapping[tuple[str, str], RenderingScore]
    outlets: Mapping[str, str]
    meta: Mapping[str, object]


def render_html(data: PageData) -> str:
    """The whole report page as one string."""
    by_group: dict[str, list[ScoredDivergence]] = defaultdict(list)
    for s in data.divergences:
        by_group[s.divergence.group_id].append(s)
    ordered = sorted(
        data.groups,
        key=lambda g: (-max((s.drift for s in by_group[g.group_id]), default=0.0), g.group_id),
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>drift report</title><style>{STYLE}</style></head><body>",
        _header(data.meta),
    ]
    if not ordered:
        parts.append(
            "<p>No group of renderings found: no statement was quoted by two documents.</p>"
        )
    parts.extend(_group_section(g, by_group[g.group_id], data) for g in ordered)
    parts.append("</body></html>\n")
    return "".join(parts)


def _header(meta: Mapping[str, object]) -> str:
    counts = meta.get("counts", {})
    count_text = ", ".join(f"{escape(str(v))} {escape(str(k))}" for k, v in dict(counts).items())
    html = [
        "<h1>drift report</h1>",
        f"<p class='meta'>drift {escape(str(meta.get('version', '')))} · {count_text}</p>",
        f"<p class='meta'>signature: <code>{escape(str(meta.get('signature', '')))}</code></p>",
    ]
    notes = list(meta.get("notes", []) or [])
    for lang, backend in dict(meta.get("backends", {}) or {}).items():
        if str(backend).startswith("lexicon"):
            notes.append(
                f"Back-translations into {lang} come from the offline lexicon backend, a "
                "word-by-word gloss, not a neural model (see `drift models list`)."
            )
    for note in notes:
        html.append(f"<p class='warn'>{escape(str(note))}</p>")
    return "".join(html)


def _badge(value: float | None, label: str) -> str:
    if value is None:
        return ""
    cls = "hot" if value >= 0.6 else "warm" if value >= 0.35 else ""
    return f"<span class='badge {cls}'>{escape(label)} {value:.2f}</span>"


def _group_section(group: Group, scored: list[ScoredDivergence], data: PageData) -> str:
    top = max((s.drift for s in scored), default=None)
    head = (
        f"<h2>{escape(group.group_id)} · {escape(group.speaker or 'unknown speaker')}"
        f"{_badge(top, 'max drift')}{_badge(group.confidence, 'confidence')}</h2>"
    )
    marks = _marks_by_quote(scored)
    cards = []
    for r in group.renderings:
        s = data.scores.get((group.group_id, r.quote_id))
        outlet = r.outlet or data.outlets.get(r.doc_id, "")
        who = escape(f"{outlet} · {r.doc_id}" if outlet else r.doc_id)
        copy = f" · copy of {escape(r.copy_of)}" if r.copy_of else ""
        badges = _badge(s.drift_vs_group, "vs group") if s else ""
        if s and s.drift_vs_original is not None:
            badges += _badge(s.drift_vs_original, f"vs original {s.original_id}")
        back = (
            f"<div class='back'>{escape(s.backend)}: {escape(s.back_translation)}</div>"
            if s and s.back_translation
            else ""
        )
        text = _highlight(r.text, marks.get(r.quote_id, []))
        cards.append(
            f"<div class='rendering'><div class='who'>{who}{copy}{badges}</div>"
            f"<blockquote>{text}</blockquote>{back}</div>"
        )
    rows = "".join(_divergence_row(s) for s in sorted(scored, key=lambda s: s.rank))
    table = (
        "<table><tr><th>rank</th><th>a</th><th>b</th><th>type</th><th>drift</th>"
        "<th>back-translation a</th><th>back-translation b</th><th>faithful</th></tr>"
        f"{rows}</table>"
        if scored
        else ""
    )
    cards_html = "".join(cards)
    return (
        f"<section class='group'>{head}<div class='renderings'>{cards_html}</div>{table}</section>"
    )


def _divergence_row(s: ScoredDivergence) -> str:
    d = s.divergence
    cells = [
        f"<td class='num'>{s.rank}</td>",
        f"<td>{escape(d.span_a) or '—'}<div class='meta'>{escape(d.doc_a)}</div></td>",
        f"<td>{escape(d.span_b) or '—'}<div class='meta'>{escape(d.doc_b)}</div></td>",
        f"<td>{escape(s.type or d.kind)}<div class='meta'>{escape(s.evidence)}</div></td>",
        f"<td class='num'>{s.drift:.2f}</td>",
        f"<td>{escape(s.back_a)}</td><td>{escape(s.back_b)}</td>",
        f"<td>{escape(s.faithful)}</td>",
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def _marks_by_quote(scored: list[ScoredDivergence]) -> dict[str, list[tuple[str, float, str]]]:
    """(span, drift, back-translation) to highlight in each quote's rendering."""
    marks: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for s in scored:
        d = s.divergence
        if d.span_a:
            marks[d.quote_a].append((d.span_a, s.drift, s.back_a))
        if d.span_b:
            marks[d.quote_b].append((d.span_b, s.drift, s.back_b))
    return marks


def _highlight(text: str, marks: list[tuple[str, float, str]]) -> str:
    """Escape `text` and wrap the first occurrence of each span in a <mark>, strongest first."""
    taken: list[tuple[int, int, float, str]] = []
    for span, drift, back in sorted(marks, key=lambda m: (-m[1], m[0])):
        start = text.find(span)
        while start != -1 and any(start < e and start + len(span) > s for s, e, _, _ in taken):
            start = text.find(span, start + 1)
        if start != -1:
            taken.append((start, start + len(span), drift, back))
    out, pos = [], 0
    for start, end, drift, back in sorted(taken):
        alpha = 0.15 + 0.6 * max(0.0, min(1.0, drift))
        out.append(escape(text[pos:start]))
        out.append(
            f"<mark style='background:rgba(231,76,60,{alpha:.2f})' "
            f"title='drift {drift:.2f}: {escape(back, quote=True)}'>"
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
