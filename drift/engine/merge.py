"""Per-partition results put back together as the local engine would have made them in one go:
group ids numbered over the whole run, divergences ranked over the whole run, notes summed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import pandas as pd

from drift.align.grouping import _quote_order as quote_order  # the order grouping numbers in
from drift.corpus import Corpus
from drift.pipeline import Aligned, Extracted, Scored
from drift.records import Group

GroupKey = list[tuple[tuple[str, int, str], int, int]]
_COUNTED = re.compile(r"^(\d+) (.*)$", re.S)


def group_key(group: Group) -> GroupKey:
    """The key the local engine orders groups by before numbering them."""
    return [(quote_order(r.quote_id), r.start, r.end) for r in group.renderings]


def global_ids(keys: Mapping[tuple[str, str], GroupKey]) -> dict[tuple[str, str], str]:
    """(partition, local group id) -> the id the group has in a run over everything."""
    ordered = sorted(keys, key=lambda k: keys[k])
    width = max(3, len(str(len(ordered))))
    return {k: f"g{n:0{width}d}" for n, k in enumerate(ordered, start=1)}


def global_statements(
    ids: Mapping[tuple[int, str], str], statements: Mapping[tuple[int, str], str]
) -> dict[tuple[int, str], str]:
    """(partition, local statement id) -> run-wide id ("s001"...), numbered by first group, as
    grouping numbers them; a statement never spans partitions (its groups share a quote or an
    original, and an original's speakers are kept in one partition)."""
    number: dict[tuple[int, str], int] = {}
    for key in sorted(ids, key=lambda k: ids[k]):
        if statements.get(key):
            number.setdefault((key[0], statements[key]), len(number) + 1)
    width = max(3, len(str(len(number))))
    return {k: f"s{n:0{width}d}" for k, n in number.items()}


def statement_of(group: Group) -> str:
    """The statement id grouping gave `group`, "" where this version of grouping has none."""
    return str(getattr(group, "statement", "") or "")


def renumber(
    aligned: Aligned, ids: Mapping[str, str], statements: Mapping[str, str] | None = None
) -> Aligned:
    """`aligned` with its group ids replaced by `ids` (local -> global) everywhere they appear,
    and its statement ids by `statements` (local -> global) when given."""

    def group(g: Group) -> Group:
        g = replace(g, group_id=ids[g.group_id])
        if statements and statement_of(g):
            g = replace(g, statement=statements[statement_of(g)])  # type: ignore[call-arg]
        return g

    return replace(
        aligned,
        groups=tuple(group(g) for g in aligned.groups),
        divergences=tuple(replace(d, group_id=ids[d.group_id]) for d in aligned.divergences),
        anchored={ids[g]: o for g, o in aligned.anchored.items()},
    )


def run_wide_numbers(
    found: Mapping[tuple[int, str], tuple[GroupKey, str]],
) -> tuple[dict[tuple[int, str], str], dict[int, dict[str, str]]]:
    """From (partition, local group id) -> (the group's key, its local statement id) over every
    partition: the run-wide group ids, and per partition its local -> run-wide statement ids."""
    ids = global_ids({k: v[0] for k, v in found.items()})
    statements: dict[int, dict[str, str]] = {}
    for (part, local), said in global_statements(ids, {k: v[1] for k, v in found.items()}).items():
        statements.setdefault(part, {})[local] = said
    return ids, statements


def renumbered(
    aligned: Aligned,
    part: int,
    ids: Mapping[tuple[int, str], str],
    statements: Mapping[int, Mapping[str, str]],
) -> Aligned:
    """A partition's alignment with the run-wide group and statement ids."""
    local = {g.group_id: ids[(part, g.group_id)] for g in aligned.groups}
    return renumber(aligned, local, statements.get(part, {}))


def join_aligned(parts: Sequence[Aligned]) -> Aligned:
    """One Aligned holding every part's groups (in id order), divergences and quotes."""
    order = sorted(range(len(parts)), key=lambda k: _first_id(parts[k]))
    groups = sorted((g for p in parts for g in p.groups), key=lambda g: g.group_id)
    rank = {g.group_id: n for n, g in enumerate(groups)}
    divergences = sorted(
        (d for k in order for d in parts[k].divergences), key=lambda d: rank[d.group_id]
    )
    extracted = Extracted(
        Corpus((), (), (), ()), tuple(q for p in parts for q in p.extracted.quotes), ()
    )
    return Aligned(
        extracted,
        tuple(groups),
        tuple(divergences),
        tuple(u for p in parts for u in p.unmatched),
        {g: o for p in parts for g, o in p.anchored.items()},
    )


def split_aligned(aligned: Aligned, pieces: int) -> list[Aligned]:
    """`aligned` cut into up to `pieces` runs of consecutive groups of about equal scoring work
    (a group's renderings plus its divergences: scoring reads each of both), each with its
    divergences and the quotes its renderings come from (scoring is per group)."""
    groups = list(aligned.groups)
    pieces = max(1, pieces)
    spans = Counter(d.group_id for d in aligned.divergences)
    weights = [len(g.renderings) + spans[g.group_id] for g in groups]
    total = max(1, sum(weights))
    runs: list[list[Group]] = [[] for _ in range(pieces)]
    before = 0
    for group, weight in zip(groups, weights, strict=True):  # a group goes where its middle is
        runs[min(pieces - 1, (2 * before + weight) * pieces // (2 * total))].append(group)
        before += weight
    runs = [run for run in runs if run] or [[]]
    quotes = {q.quote_id: q for q in aligned.extracted.quotes}
    out = []
    for run in runs:
        ids = {g.group_id for g in run}
        used = dict.fromkeys(r.quote_id for g in run for r in g.renderings)
        extracted = replace(
            aligned.extracted,
            corpus=Corpus((), (), (), ()),
            quotes=tuple(quotes[q] for q in used if q in quotes),
            failures=(),
            notes=(),
        )
        out.append(
            Aligned(
                extracted,
                tuple(run),
                tuple(d for d in aligned.divergences if d.group_id in ids),
                (),
                {g: o for g, o in aligned.anchored.items() if g in ids},
            )
        )
    return out


def join_scored(parts: Sequence[Scored], aligned: Aligned) -> Scored:
    """One Scored over `aligned` (every group) from per-batch results; ranks over the run."""
    from drift.score.spans import rank

    rank_of = {g.group_id: n for n, g in enumerate(aligned.groups)}
    renderings = sorted((r for p in parts for r in p.renderings), key=lambda r: rank_of[r.group_id])
    divergences = rank([d for p in parts for d in p.divergences])
    first = parts[0]
    return Scored(
        aligned=aligned,
        originals=first.originals,
        matched={g: o for p in parts for g, o in p.matched.items()},
        source_lang={g: lang for p in parts for g, lang in p.source_lang.items()},
        renderings=tuple(renderings),
        divergences=tuple(divergences),
        signature=join_signatures([p.signature for p in parts]),
        backends=dict(sorted({lang: b for p in parts for lang, b in p.backends.items()}.items())),
        notes=tuple(sum_notes(n for p in parts for n in p.notes)),
        failures=(),
    )


def join_signatures(signatures: Sequence[str]) -> str:
    """One run signature from the parts': the `used:` directions (which models translated what,
    `TranslationEngine.signature`) of every part, sorted as one engine sorts them."""
    fields = signatures[0].split("|")
    used = sorted(
        {
            item
            for s in signatures
            for f in s.split("|")
            if f.startswith("used:") and f != "used:none"
            for item in f.removeprefix("used:").split(",")
        }
    )
    return "|".join(
        f"used:{','.join(used) or 'none'}" if f.startswith("used:") else f for f in fields
    )


def sum_notes(notes: Iterable[str]) -> list[str]:
    """Notes in first-seen order, those that differ only by a leading count added up ("2 group(s)
    have..." and "3 group(s) have..." -> "5 group(s) have...")."""
    counts: dict[str, int | None] = {}
    for note in notes:
        found = _COUNTED.match(note)
        if found:
            rest = found.group(2)
            counts[rest] = (counts.get(rest) or 0) + int(found.group(1))
        else:
            counts.setdefault(note, None)
    return [note if n is None else f"{n} {note}" for note, n in counts.items()]


def _first_id(aligned: Aligned) -> str:
    return min((g.group_id for g in aligned.groups), default="")


def stable_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame`'s rows in one order, whatever order an engine wrote them in, as CSV text: two
    engines' tables are equal exactly when these are."""
    text = frame.astype(object).where(frame.notna(), "").astype(str)
    text.columns = pd.Index(list(text.columns), dtype=object)
    return text.sort_values(list(text.columns), kind="stable").reset_index(drop=True)
