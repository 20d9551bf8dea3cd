"""A self-contained HTML page: statements ranked by their largest drift, renderings side by side.

Every text from an article goes through `html.escape`; the page's one script is static, allowed
by its hash in a Content-Security-Policy, and the page loads nothing from elsewhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from drift.records import Document, Group, Original, Quote, RenderingScore, ScoredDivergence
from drift.report.cards import group_facets, group_section
from drift.report.style import SCRIPT, STYLE, script_hash
from drift.report.words import DRIFT_BANDS, TYPE_HELP, language, nice_date

REPORT_GROUPS = 500  # statements on the page: 2,000 synthetic articles give 410 in 12.7 MB


@dataclass(frozen=True)
class PageData:
    """What the page shows; built by the pipeline from its records."""

    groups: Sequence[Group]
    divergences: Sequence[ScoredDivergence]
    scores: Mapping[tuple[str, str], RenderingScore]
    outlets: Mapping[str, str]
    meta: Mapping[str, object]
    documents: Mapping[str, Document] = field(default_factory=dict)  # doc_id -> document
    originals: Mapping[str, Original] = field(default_factory=dict)  # group_id -> original
    quotes: Mapping[str, Quote] = field(default_factory=dict)  # quote_id -> quote
    limit: int | None = REPORT_GROUPS  # statements shown, largest drift first; None: all


def render_html(data: PageData) -> str:
    """The whole report page as one string."""
    by_group: dict[str, list[ScoredDivergence]] = defaultdict(list)
    for s in data.divergences:
        by_group[s.divergence.group_id].append(s)
    ordered = sorted(
        data.groups,
        key=lambda g: (-max((s.drift for s in by_group[g.group_id]), default=0.0), g.group_id),
    )
    total = len(ordered)
    if data.limit is not None:
        ordered = ordered[: data.limit]
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash()}; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\">",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>drift report</title><style>{STYLE}</style></head><body>",
        _header(data.meta, total),
        _cut_note(len(ordered), total),
        _legend(),
    ]
    if not ordered:
        parts.append(
            "<p>No group of renderings found: no statement was quoted by two documents.</p>"
        )
    else:
        facets = [group_facets(g, by_group[g.group_id], data) for g in ordered]
        parts.append(_filters(facets))
        parts.append("<main>")
        parts.extend(
            group_section(g, by_group[g.group_id], data, number, facet)
            for number, (g, facet) in enumerate(zip(ordered, facets, strict=True), start=1)
        )
        parts.append("</main>")
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "".join(parts)


def _header(meta: Mapping[str, object], groups: int) -> str:
    counts = dict(meta.get("counts", {}) or {})  # type: ignore[call-overload]
    summary = (
        f"{_n(counts.get('documents', 0), 'article')}, {_n(counts.get('quotes', 0), 'quote')}; "
        f"{_n(groups, 'statement')} quoted by several outlets, "
        f"{_n(counts.get('divergences', 0), 'difference')} between their renderings."
    )
    html = ["<header><h1>drift report</h1>", f"<p class='meta'>{escape(summary)}</p>"]
    html.append(_backend_banner(dict(meta.get("backends", {}) or {})))  # type: ignore[call-overload]
    for note in list(meta.get("notes", []) or []):  # type: ignore[call-overload]
        html.append(f"<p class='banner'>{escape(str(note))}</p>")
    failures = list(meta.get("failures", []) or [])  # type: ignore[call-overload]
    if failures:
        items = "".join(f"<li>{escape(str(f))}</li>" for f in failures)
        html.append(
            f"<details class='box'><summary>{_n(len(failures), 'input')} could not be read"
            f"</summary><ul>{items}</ul></details>"
        )
    html.append(_settings(meta))
    html.append("</header>")
    return "".join(html)


def _cut_note(shown: int, total: int) -> str:
    """Says that a large run's page shows only its top statements, and where the rest are."""
    if shown >= total:
        return ""
    return (
        f"<p class='banner'>This page shows the {_n(shown, 'statement')} with the largest drift, "
        f"of {total:,}. Every statement and difference is in <code>groups.csv</code> and "
        "<code>divergences.csv</code> (or their Parquet files); <code>drift run "
        "--report-statements 0</code> puts them all on the page.</p>"
    )


def _backend_banner(backends: Mapping[str, object]) -> str:
    """One banner naming every language whose back-translations come from the offline gloss."""
    offline = sorted(lang for lang, b in backends.items() if str(b).startswith("lexicon"))
    if not offline:
        return ""
    names = " and ".join(escape(language(lang)) for lang in offline)
    return (
        "<p class='banner'><b>Offline back-translation.</b> Back-translations into "
        f"{names} come from drift's offline lexicon, a word-by-word dictionary gloss, not a "
        "translation model: read them as hints to the source words, and the drift values as "
        "rough. With a model installed (<code>drift models list</code>, "
        "<code>drift models pull NAME</code>) drift uses it instead.</p>"
    )


def _settings(meta: Mapping[str, object]) -> str:
    env = dict(meta.get("environment", {}) or {})  # type: ignore[call-overload]
    backends = dict(meta.get("backends", {}) or {})  # type: ignore[call-overload]
    rows = [f"<li>drift {escape(str(meta.get('version', '')))}</li>"]
    rows += [f"<li>{escape(str(k))} {escape(str(v))}</li>" for k, v in env.items() if k != "drift"]
    rows += [
        f"<li>back-translation into {escape(language(str(k)))}: {escape(str(v))}</li>"
        for k, v in backends.items()
    ]
    signature = escape(str(meta.get("signature", "")))
    return (
        "<details class='box noprint'><summary>Settings and versions (to reproduce this report)"
        f"</summary><ul class='meta'>{''.join(rows)}</ul>"
        f"<p class='meta'>signature: <code>{signature}</code></p></details>"
    )


def _legend() -> str:
    bands = []
    low = 0.0
    for bound, cls, label, help_text in DRIFT_BANDS:
        high = min(bound, 1.0)
        bands.append(
            f"<div class='band {cls}'><b>{low:.2f}–{high:.2f} {escape(label)}</b>"
            f"{escape(help_text)}</div>"
        )
        low = bound
    types = "".join(
        f"<dt>{escape(name)}</dt><dd>{escape(text)}</dd>" for name, text in TYPE_HELP.items()
    )
    return (
        "<details class='box legend' open><summary>How to read this report</summary>"
        "<p class='meta'>Each statement below was quoted by several outlets. drift lines up "
        "their renderings, finds the words that differ, translates them back into the "
        "speaker's language and scores the <b>drift</b> of each difference from 0 (same "
        "meaning) to 1 (a different statement). A drift of 0.9 means the outlets print "
        "different claims, for example “multipolar” against “strong”.</p>"
        f"<div class='scale'>{''.join(bands)}</div>"
        "<details><summary>What each type of difference means</summary>"
        f"<dl class='types'>{types}</dl></details>"
        "<p class='meta'>Ranks: “1st of 9 here” orders the differences of one statement; "
        "“#3 overall” orders all differences in the report. Grouping confidence says how sure "
        "drift is that the quotes render one statement; it is not a drift.</p></details>"
    )


def _filters(facets: Sequence[Mapping[str, Sequence[str]]]) -> str:
    def options(key: str) -> str:
        values = sorted({v for f in facets for v in f[key] if v})
        return "".join(f"<option value='{escape(v)}'>{escape(v)}</option>" for v in values)

    dates = sorted({d for f in facets for d in f["dates"] if d})
    span = f" ({nice_date(dates[0])} – {nice_date(dates[-1])})" if dates else ""
    return (
        "<form id='filters' class='filters noprint' hidden role='search'>"
        f"<label>Speaker<select name='speaker'><option value=''>all</option>"
        f"{options('speakers')}</select></label>"
        f"<label>Outlet<select name='outlet'><option value=''>all</option>"
        f"{options('outlets')}</select></label>"
        f"<label>From{escape(span)}<input type='date' name='from'></label>"
        "<label>To<input type='date' name='to'></label>"
        "<label>Drift at least <span id='level'>0.00</span>"
        "<input type='range' name='min' min='0' max='1' step='0.05' value='0'></label>"
        f"<label>Type<select name='type'><option value=''>all</option>{options('types')}"
        "</select></label>"
        "<label>Search<input type='search' name='q' placeholder='word, outlet, speaker'></label>"
        "<span class='count' id='shown' aria-live='polite'></span>"
        "<button type='reset' class='noprint'>Clear filters</button></form>"
    )


def _n(count: object, noun: str) -> str:
    number = int(count) if isinstance(count, int | float | str) and str(count).isdigit() else 0
    return f"{number} {noun}{'' if number == 1 else 's'}"
