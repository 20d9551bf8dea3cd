"""One statement's section of the report: its original, each outlet's rendering, what differs.

The group's strongest difference of each type is highlighted and told in words; the others stay
in a folded table (and are highlighted in the renderings once it is open).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from drift.records import Group, Rendering, ScoredDivergence
from drift.report.words import TYPE_HELP, band, clip, language, nice_date, source_name

if TYPE_CHECKING:
    from drift.report.html import PageData

TOP_PER_GROUP = 4  # differences told in words per statement; the rest are folded away
TOP_MIN_DRIFT = 0.25  # below this a difference is a rewording, not worth a highlight
SHORT_RENDERING_WORDS = 5  # renderings this short are shown inside their quote's sentence
CARDS_PER_GROUP = 12  # distinct renderings shown per statement; groups.csv lists every one
ROWS_PER_GROUP = 60  # rows of the folded table per statement; divergences.csv has them all
COPY_NAMES = 5  # outlets named on a card for its word-for-word copies


@dataclass(frozen=True)
class Who:
    """Where one rendering appeared, as the page names it."""

    name: str  # outlet, else the article's title, else its opening words
    date: str  # ISO or ""
    url: str

    @property
    def label(self) -> str:
        return f"{self.name} · {nice_date(self.date)}" if self.date else self.name


def who(r: Rendering, data: PageData) -> Who:
    """Outlet (or title), date and url of a rendering's article."""
    doc = data.documents.get(r.doc_id)
    quote = data.quotes.get(r.quote_id)
    outlet = (doc.outlet if doc else "") or r.outlet or data.outlets.get(r.doc_id, "")
    date = (doc.date if doc else "") or r.date or (quote.date if quote else "")
    url = (doc.url if doc else "") or (quote.url if quote else "")
    return Who(source_name(outlet, doc, r.doc_id), date, url)


def group_facets(
    group: Group, scored: Sequence[ScoredDivergence], data: PageData
) -> dict[str, list[str]]:
    """What the page's filters match a statement on: speaker, outlets, dates, types."""
    names = [who(r, data) for r in group.renderings]
    return {
        "speakers": [group.speaker or "unknown speaker"],
        "outlets": list(dict.fromkeys(w.name for w in names)),
        "dates": sorted({w.date for w in names if w.date}),
        "types": sorted({_type(s) for s in scored}),
    }


def top_differences(ranked: Sequence[ScoredDivergence]) -> list[ScoredDivergence]:
    """The strongest difference of each type, strongest first, rewordings left out."""
    best: dict[str, ScoredDivergence] = {}
    for s in ranked:
        best.setdefault(_type(s), s)
    items = sorted(best.values(), key=lambda s: (-s.drift, s.rank))
    keep = [s for s in items if s.drift >= TOP_MIN_DRIFT][:TOP_PER_GROUP]
    return keep or items[:1]


def group_section(
    group: Group,
    scored: Sequence[ScoredDivergence],
    data: PageData,
    number: int,
    facets: Mapping[str, Sequence[str]],
) -> str:
    """The <section> of one statement."""
    ranked = sorted(scored, key=lambda s: (-s.drift, s.rank))
    here = {id(s): i for i, s in enumerate(ranked, start=1)}
    top = top_differences(ranked)
    names = {r.quote_id: who(r, data) for r in group.renderings}
    peak = ranked[0].drift if ranked else 0.0
    cls, label = band(peak)
    attrs = " ".join(
        f"data-{key}='{escape(chr(10).join(facets[name]))}'"
        for key, name in (("speaker", "speakers"), ("outlets", "outlets"), ("dates", "dates"))
    )
    attrs += f" data-types='{escape(chr(10).join(facets['types']))}' data-drift='{peak:.4f}'"
    speaker = escape(group.speaker or "Unknown speaker")
    head = (
        f"<div class='head'><h2>{speaker}</h2>"
        f"<span class='chip {cls}' title='largest drift in this statement'>"
        f"max drift {peak:.2f} · {escape(label)}</span>"
        f"<span class='chip neutral' title='how sure drift is that these quotes render one "
        f"statement'>grouping confidence {group.confidence:.2f}</span>"
        f"<span class='muted'>statement {number} · {len(names)} renderings</span></div>"
    )
    parts = [f"<section class='group' id='{escape(group.group_id)}' {attrs}>", head]
    if top:
        parts.append(f"<p class='lead'>{_lead(top[0], names)}</p>")
    parts.append(_original(group, data, names))
    parts.append(_cards(group, ranked, set(map(id, top)), data, names))
    if top:
        items = "".join(_top_item(s, names, here[id(s)], len(ranked)) for s in top)
        parts.append(f"<h3>What differs</h3><ul class='top'>{items}</ul>")
    if ranked:
        rows = "".join(_row(s, names, here[id(s)]) for s in ranked[:ROWS_PER_GROUP])
        more = len(ranked) - ROWS_PER_GROUP
        rest = (
            f"<p class='meta'>{more} more, smaller differences of this statement are in "
            "divergences.csv.</p>"
            if more > 0
            else ""
        )
        parts.append(
            f"<details class='all'><summary>{_all(len(ranked))}, with back-translations "
            "(and highlighted above)</summary><table class='diffs'><thead><tr>"
            "<th>here</th><th>overall</th><th>one rendering</th><th>other rendering</th>"
            "<th>type</th><th>drift</th><th>back-translations</th><th>closer to the original"
            f"</th></tr></thead><tbody>{rows}</tbody></table>{rest}</details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _all(count: int) -> str:
    return "The one difference" if count == 1 else f"All {count} differences"


def _type(s: ScoredDivergence) -> str:
    return s.type or s.divergence.kind


def _q(span: str) -> str:
    return f"“{escape(span)}”"


def _lead(s: ScoredDivergence, names: Mapping[str, Who]) -> str:
    d = s.divergence
    a, b = escape(names[d.quote_a].name), escape(names[d.quote_b].name)
    _, label = band(s.drift)
    kind = escape(_type(s))
    if d.span_a and d.span_b:
        said = f"{b} prints {_q(d.span_b)} where {a} has {_q(d.span_a)}"
    elif d.span_a:
        said = f"{b} leaves out {_q(d.span_a)}, which {a} has"
    else:
        said = f"{b} adds {_q(d.span_b)}, which {a} does not have"
    return f"<b>Biggest difference:</b> {said}: {escape(label)} ({kind}, drift {s.drift:.2f})."


def _original(group: Group, data: PageData, names: Mapping[str, Who]) -> str:
    original = data.originals.get(group.group_id)
    if original is None:
        marked = " (the one furthest from the others is marked)" if len(names) > 2 else ""
        return (
            "<p class='meta'>No original-language text matched; the renderings are compared "
            f"with each other{marked}.</p>"
        )
    lang = escape(original.lang.split("-")[0])
    where = [escape(language(original.lang)), escape(original.speaker or "")]
    if original.date:
        where.append(escape(nice_date(original.date)))
    source = original.source
    link = (
        f" · <a href='{escape(source)}' rel='noreferrer noopener'>source</a>"
        if source.startswith(("http://", "https://"))
        else (f" · source: {escape(source)}" if source else "")
    )
    closest = _closest(group, data, names)
    return (
        f"<div class='original'><div class='meta'>Original ({', '.join(w for w in where if w)})"
        f"{link}</div><blockquote lang='{lang}'>{escape(original.text)}</blockquote>"
        f"{closest}</div>"
    )


def _closest(group: Group, data: PageData, names: Mapping[str, Who]) -> str:
    scored = [
        (s.drift_vs_original, r)
        for r in group.renderings
        if (s := data.scores.get((group.group_id, r.quote_id))) and s.drift_vs_original is not None
    ]
    if len(scored) < 2:
        return ""
    scored.sort(key=lambda x: x[0])
    (best, r), (second, _) = scored[0], scored[1]
    if second - best < 0.02:
        return "<p class='verdict'>The renderings are about as close to the original.</p>"
    return (
        f"<p class='verdict'>Closest to the original: {escape(names[r.quote_id].name)} "
        f"({_q(clip(r.text, 60))}, drift {best:.2f} from it).</p>"
    )


def _cards(
    group: Group,
    ranked: Sequence[ScoredDivergence],
    top: set[int],
    data: PageData,
    names: Mapping[str, Who],
) -> str:
    """One card per distinct wording (word-for-word copies fold into the first outlet's card),
    at most CARDS_PER_GROUP of them: those the highlighted differences name come first."""
    present = {r.quote_id for r in group.renderings}
    home = {r.quote_id: r.copy_of if r.copy_of in present else r.quote_id for r in group.renderings}
    copies: dict[str, list[Rendering]] = {}
    for r in group.renderings:
        if home[r.quote_id] != r.quote_id:
            copies.setdefault(home[r.quote_id], []).append(r)
    marks: dict[str, list[tuple[str, float, str]]] = {}
    for s in ranked:
        d = s.divergence
        cls = f"top {band(s.drift)[0]}" if id(s) in top else "minor"
        for quote_id, span in ((d.quote_a, d.span_a), (d.quote_b, d.span_b)):
            if span and quote_id in home:
                marks.setdefault(home[quote_id], []).append(
                    (span, s.drift if id(s) in top else -1, cls)
                )
    drifts = {
        r.quote_id: sc.drift_vs_group
        for r in group.renderings
        if (sc := data.scores.get((group.group_id, r.quote_id)))
    }
    furthest = max(drifts, key=drifts.__getitem__) if len(drifts) > 2 else ""
    distinct = [r for r in group.renderings if home[r.quote_id] == r.quote_id]
    shown = _chosen(distinct, ranked, top, home, drifts, furthest)
    cards = [
        _card(group, r, data, names[r.quote_id], marks, furthest, copies.get(r.quote_id, []), names)
        for r in distinct
        if r.quote_id in shown
    ]
    hidden = len(distinct) - len(shown)
    note = (
        f"<p class='meta'>{hidden} more wordings of this statement are not shown here; "
        "groups.csv lists every rendering and divergences.csv every difference.</p>"
        if hidden > 0
        else ""
    )
    return f"<div class='renderings'>{''.join(cards)}</div>{note}"


def _chosen(
    distinct: Sequence[Rendering],
    ranked: Sequence[ScoredDivergence],
    top: set[int],
    home: Mapping[str, str],
    drifts: Mapping[str, float],
    furthest: str,
) -> set[str]:
    """The renderings a large statement shows: the sides of its highlighted differences, the
    furthest one, then the most divergent, up to CARDS_PER_GROUP."""
    if len(distinct) <= CARDS_PER_GROUP:
        return {r.quote_id for r in distinct}
    order: list[str] = []
    for s in ranked:
        if id(s) in top:
            order += [home.get(s.divergence.quote_a, ""), home.get(s.divergence.quote_b, "")]
    order.append(furthest)
    order += sorted((r.quote_id for r in distinct), key=lambda q: (-drifts.get(q, 0.0), q))
    known = {r.quote_id for r in distinct}
    return set(list(dict.fromkeys(q for q in order if q in known))[:CARDS_PER_GROUP])


def _card(
    group: Group,
    r: Rendering,
    data: PageData,
    w: Who,
    marks: Mapping[str, list[tuple[str, float, str]]],
    furthest: str,
    copies: Sequence[Rendering],
    names: Mapping[str, Who],
) -> str:
    name = escape(w.name)
    if w.url.startswith(("http://", "https://")):
        name = f"<a href='{escape(w.url)}' rel='noreferrer noopener'>{name}</a>"
    date = f" · {escape(nice_date(w.date))}" if w.date else ""
    text = highlight(r.text, marks.get(r.quote_id, []))
    html = [
        f"<div class='rendering'><div class='who' title='{escape(r.doc_id)}'>{name}{date}</div>",
        f"<blockquote>{text}</blockquote>",
    ]
    quote = data.quotes.get(r.quote_id)
    if quote and quote.context and len(r.text.split()) <= SHORT_RENDERING_WORDS:
        html.append(
            f"<div class='context'>In its sentence: {_in_context(quote.context, r.text)}</div>"
        )
    s = data.scores.get((group.group_id, r.quote_id))
    if s:
        bits = [f"drift from the other renderings {s.drift_vs_group:.2f}"]
        if r.quote_id == furthest:
            bits.append("<span class='far'>furthest from the others</span>")
        if s.drift_vs_original is not None:
            bits.append(f"from the original {s.drift_vs_original:.2f}")
        html.append(f"<div class='scores'>{' · '.join(bits)}</div>")
        if s.back_translation:
            html.append(
                f"<details class='meta'><summary>back-translation into "
                f"{escape(language(s.source_lang))}</summary><span lang='{escape(s.source_lang)}'>"
                f"{escape(s.back_translation)}</span> <span class='muted'>({escape(s.backend)})"
                "</span></details>"
            )
    if copies:
        outlets = list(dict.fromkeys(names[c.quote_id].name for c in copies))
        listed = ", ".join(escape(n) for n in outlets[:COPY_NAMES])
        more = f" and {len(outlets) - COPY_NAMES} more" if len(outlets) > COPY_NAMES else ""
        html.append(
            f"<div class='meta'>the same words in {_n(len(copies), 'more rendering')} "
            f"(a shared wire copy): {listed}{more}</div>"
        )
    elif r.copy_of:
        html.append("<div class='meta'>same words as another outlet (a shared wire copy)</div>")
    html.append("</div>")
    return "".join(html)


def _in_context(context: str, text: str, room: int = 160) -> str:
    """The context around `text`, escaped, with `text` in bold and the rest cut to `room`."""
    at = context.find(text)
    if at < 0:
        return escape(clip(context, 2 * room))
    before, after = context[:at], context[at + len(text) :]
    if len(before) > room:
        before = "…" + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + "…"
    return f"{escape(before)}<b>{escape(text)}</b>{escape(after)}"


def _top_item(s: ScoredDivergence, names: Mapping[str, Who], here: int, total: int) -> str:
    d = s.divergence
    cls, label = band(s.drift)
    kind = _type(s)
    a, b = names[d.quote_a], names[d.quote_b]
    if d.span_a and d.span_b:
        pair = (
            f"{_q(d.span_a)} <span class='muted'>({escape(a.label)})</span> → "
            f"{_q(d.span_b)} <span class='muted'>({escape(b.label)})</span>"
        )
    elif d.span_a:
        pair = (
            f"{_q(d.span_a)} <span class='muted'>({escape(a.label)})</span> is missing from "
            f"{escape(b.label)}"
        )
    else:
        pair = f"{escape(b.label)} adds {_q(d.span_b)}, not in {escape(a.label)}"
    why = escape(s.evidence)
    if s.back_a or s.back_b:
        why += f"{' · ' if why else ''}back-translated: {escape(s.back_a or '–')} / "
        why += escape(s.back_b or "–")
    return (
        f"<li><span class='chip {cls}'>drift {s.drift:.2f} · {escape(label)}</span> "
        f"<span class='chip' title='{escape(TYPE_HELP.get(kind, kind))}'>{escape(kind)}</span>"
        f"<div class='pair'>{pair}</div><div class='why'>{why}</div>"
        f"{_faithful(s, names)}<div class='meta'>{_ordinal(here)} of {total} here · "
        f"#{s.rank} overall</div></li>"
    )


def _faithful(s: ScoredDivergence, names: Mapping[str, Who]) -> str:
    """The verdict against the original in words, or "" when there is none."""
    d = s.divergence
    if s.faithful not in ("a", "b"):
        return ""
    near, far = (d.quote_a, d.quote_b) if s.faithful == "a" else (d.quote_b, d.quote_a)
    span = d.span_a if s.faithful == "a" else d.span_b
    other = d.span_b if s.faithful == "a" else d.span_a
    near_name, far_name = escape(names[near].name), escape(names[far].name)
    if span and other:
        text = f"{_q(span)} ({near_name}) is closer to the original than {_q(other)} ({far_name})."
    elif span:
        text = f"The original has it: {near_name} keeps {_q(span)}, {far_name} drops it."
    else:
        text = f"The original does not have {_q(other)}: {near_name} is closer without it."
    return f"<div class='verdict'>{text}</div>"


def _row(s: ScoredDivergence, names: Mapping[str, Who], here: int) -> str:
    d = s.divergence
    faithful = {"a": names[d.quote_a].name, "b": names[d.quote_b].name}.get(s.faithful, "")
    cells = [
        ("here", f"{here}", "num"),
        ("overall", f"#{s.rank}", "num"),
        (
            "one rendering",
            f"{_q(d.span_a) if d.span_a else '—'}<div class='meta'>"
            f"{escape(names[d.quote_a].label)}</div>",
            "",
        ),
        (
            "other rendering",
            f"{_q(d.span_b) if d.span_b else '—'}<div class='meta'>"
            f"{escape(names[d.quote_b].label)}</div>",
            "",
        ),
        ("type", f"{escape(_type(s))}<div class='meta'>{escape(s.evidence)}</div>", ""),
        ("drift", f"{s.drift:.2f}", "num"),
        ("back-translations", f"{escape(s.back_a or '–')} / {escape(s.back_b or '–')}", ""),
        ("closer to the original", escape(faithful) or "—", ""),
    ]
    return (
        "<tr>"
        + "".join(
            f"<td data-label='{label}'{f' class={cls}' if cls else ''}>{value}</td>"
            for label, value, cls in cells
        )
        + "</tr>"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def highlight(text: str, marks: Sequence[tuple[str, float, str]]) -> str:
    """Escape `text` and wrap the first free occurrence of each span in a <mark>, strongest
    first; `marks` are (span, weight, css class)."""
    taken: list[tuple[int, int, str]] = []
    for span, _, cls in sorted(marks, key=lambda m: (-m[1], m[0])):
        start = text.find(span)
        while start != -1 and any(start < e and start + len(span) > s for s, e, _ in taken):
            start = text.find(span, start + 1)
        if start != -1:
            taken.append((start, start + len(span), cls))
    out, pos = [], 0
    for start, end, cls in sorted(taken):
        out.append(escape(text[pos:start]))
        out.append(f"<mark class='{cls}'>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
