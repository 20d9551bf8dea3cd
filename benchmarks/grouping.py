"""Grouping and speaker accuracy on real renderings (benchmarks/grouping/, issue 11).

Grouping: the renderings of `renderings.jsonl` run through drift's grouping as a quotes table (text,
context, publication date and speaker as the page writes them), once without and once with the
originals of `originals.jsonl`; pairwise precision, recall and F1 against the `statement` labels.
Speakers: drift's quote extractor runs on each `passage` of `speakers.jsonl` as a document whose
title is the row's `title` (the page's headline, as a real run reads it; `--no-titles` leaves it
empty, the figure before titles were collected); the extracted quote matching `quote` must carry the
labelled speaker (drift's speaker keys; a quote not found counts as wrong). Figures per split;
thresholds are tuned on "tune" rows only. `--speakers FILE` scores another file of the same format,
each row in the split it names: the blind set is measured once, at the end, with
`--part speakers --speakers benchmarks/grouping/speakers_fresh.jsonl --split fresh` (the second
blind set: `speakers_fresh2.jsonl --split fresh2`; the third: `speakers_fresh3.jsonl --split
fresh3`; the fourth: `speakers_fresh4.jsonl --split fresh4`; the fifth: `speakers_fresh5.jsonl
--split fresh5`; the sixth: `speakers_fresh6.jsonl --split fresh6`; the seventh:
`speakers_fresh7.jsonl --split fresh7`).

    .venv/bin/python benchmarks/grouping.py [--embedder e5|none] [--split tune|heldout|fresh|all]
        [--part all|grouping|speakers] [--speakers FILE] [--no-titles] [-v]

Grouping is scored twice: by drift's groups (renderings of one sentence or clause) and by its
statements (groups joined when one quote renders into both, or when both render one original),
which is what the `statement` labels count.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "grouping"
SPLITS = ("tune", "heldout")
FRESH = "fresh"  # the blind speakers set (speakers_fresh.jsonl), scored once at the end


def _rows(name: str | Path) -> list[dict]:
    path = name if isinstance(name, Path) else DATA / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def table_quotes(rows: Sequence[dict]) -> list:
    """The renderings as rows of a quotes table: one document per page, speakers as written."""
    from drift.quotes import prepare_table_quotes
    from drift.records import Quote

    quotes = []
    for row in rows:
        text = row["text"]
        quotes.append(
            Quote(
                quote_id=f"{row['id']}:1",
                doc_id=row.get("url") or row["id"],
                text=text,
                start=0,
                end=len(text),
                speaker=row.get("speaker_as_written", ""),
                context=" ".join((row.get("context") or "").split()),
                outlet=row.get("outlet", ""),
                date=row.get("date") or "",
            )
        )
    return prepare_table_quotes(quotes)


def pairwise(rows: Sequence[dict], groups: Sequence, by: str = "group") -> dict[str, float]:
    """Pairwise precision, recall and F1 of predicted groups (by="group": renderings of one
    sentence) or statements (by="statement": drift's groups joined into statements) against the
    `statement` labels."""
    label = {f"{r['id']}:1": r["statement"] for r in rows}
    members: dict[str, set[str]] = {}
    for group in groups:
        key = group.statement if by == "statement" and group.statement else group.group_id
        members.setdefault(key, set()).update(r.quote_id for r in group.renderings)
    predicted: set[tuple[str, str]] = set()
    for ids in members.values():
        predicted.update(combinations(sorted(ids), 2))
    truth = {(a, b) for a, b in combinations(sorted(label), 2) if label[a] == label[b]}
    hit = len(predicted & truth)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(truth), "predicted": len(predicted), "p": precision, "r": recall, "f1": f1}


def grouping(rows: Sequence[dict], originals: Sequence, embedder, verbose: bool) -> dict:
    """Group one split's renderings with and without originals; pairwise figures of each."""
    from drift.align import align_groups
    from drift.pipeline import LexiconBridge

    quotes = table_quotes(rows)
    out = {}
    for name, given in (("plain", ()), ("originals", originals)):
        bridge = LexiconBridge() if given else None
        found = align_groups(quotes, embedder=embedder, originals=given, bridge=bridge)
        out[name] = pairwise(rows, found.groups)
        out[f"{name} statements"] = pairwise(rows, found.groups, by="statement")
        if verbose:
            _explain(rows, found.groups, name)
            _explain(rows, found.groups, f"{name} statements", by="statement")
    return out


def _prf(figures: dict[str, float] | None) -> str:
    return f"{figures['p']:.2f}/{figures['r']:.2f}/{figures['f1']:.3f}" if figures else "-"


def _explain(rows: Sequence[dict], groups: Sequence, name: str, by: str = "group") -> None:
    """Print the wrong pairs: merged statements and split ones, by drift's groups or (by=
    "statement") by its statements."""
    label = {f"{r['id']}:1": r["statement"] for r in rows}
    text = {f"{r['id']}:1": r["text"][:70] for r in rows}
    where: dict[str, set[str]] = {}
    members: dict[str, set[str]] = {}
    for g in groups:
        key = g.statement if by == "statement" and g.statement else g.group_id
        members.setdefault(key, set()).update(r.quote_id for r in g.renderings)
    for key, ids in members.items():
        if len({label[i] for i in ids}) > 1:
            print(
                f"  [{name}] merged {key}: "
                + " | ".join(f"{label[i]}: {text[i]}" for i in sorted(ids))
            )
        for i in ids:
            where.setdefault(i, set()).add(key)
    by_statement: dict[str, list[str]] = {}
    for qid, statement in label.items():
        by_statement.setdefault(statement, []).append(qid)
    for statement, ids in sorted(by_statement.items()):
        homes = {frozenset(where.get(i, {f"-{i}"})) for i in ids}
        if len(ids) > 1 and len(homes) > 1:
            print(
                f"  [{name}] split {statement}: "
                + " | ".join(f"{sorted(where.get(i, ['-']))} {text[i]}" for i in ids)
            )


_EDGE = " \t\n\"'“”‘’«»,.;:!?…"


def _norm(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE).lower()


def find_quote(extracted: Sequence, wanted: str):
    """The extracted quote that is `wanted`: equal text, else the one that best contains it."""
    target = _norm(wanted)
    for q in extracted:
        if _norm(q.text) == target:
            return q
    best, best_share = None, 0.0
    for q in extracted:
        mine = _norm(q.text)
        if not mine:
            continue
        if target in mine or mine in target:
            share = min(len(mine), len(target)) / max(len(mine), len(target))
            if target in mine:
                share = max(share, 0.5)  # the labelled words inside a longer extracted quote
            if share > best_share:
                best, best_share = q, share
    return best if best_share >= 0.5 else None


def speakers(rows: Sequence[dict], verbose: bool, titles: bool = True) -> dict[str, float]:
    """Share of labelled quotes whose extracted speaker matches the label by speaker key; each
    passage is a document titled with its page's headline unless `titles` is off."""
    from drift.quotes import extract_quotes, speaker_key
    from drift.records import Document

    right = missed = 0
    for row in rows:
        title = row.get("title", "") if titles else ""
        doc = Document(doc_id=row["id"], text=row["passage"], lang="en", title=title)
        quote = find_quote(extract_quotes(doc), row["quote"])
        got = quote.speaker if quote is not None else None
        ok = got is not None and speaker_key(got) == speaker_key(row["speaker"])
        right += ok
        missed += quote is None
        if verbose and not ok:
            why = "quote not found" if quote is None else f"got {got!r}"
            print(f"  [speaker] {row['id']}: want {row['speaker']!r}, {why}: {row['quote'][:60]!r}")
    return {"n": len(rows), "accuracy": right / len(rows) if rows else 0.0, "missed": missed}


def _splits(renderings: Sequence[dict], labelled: Sequence[dict], part: str) -> tuple[str, ...]:
    """The splits that have rows to measure, tune and heldout first, then the speaker rows' own
    (a --speakers file in split "fresh" gives just that one)."""
    named = [r.get("split", "") for r in renderings if part != "speakers"]
    named += [r.get("split", "") for r in labelled if part != "grouping"]
    present = dict.fromkeys(named)
    return tuple(s for s in SPLITS if s in present) + tuple(s for s in present if s not in SPLITS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="e5", choices=["e5", "none"])
    parser.add_argument(
        "--split",
        default="all",
        choices=[*SPLITS, FRESH, "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "all"],
    )
    parser.add_argument(
        "--part", default="all", choices=["all", "grouping", "speakers"], help="what to measure"
    )
    parser.add_argument(
        "--no-titles",
        action="store_true",
        help="speakers: leave each passage's document untitled (ignore the page headline)",
    )
    parser.add_argument(
        "--speakers",
        type=Path,
        help="speakers: score this file instead of speakers.jsonl, each row in its own split",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args()
    if args.speakers is not None and not args.speakers.is_file():
        sys.exit(f"no such file: {args.speakers}")
    from drift.corpus import read_originals
    from drift.embed import get_embedder

    renderings = _rows("renderings.jsonl")
    labelled = _rows(args.speakers or "speakers.jsonl")
    if not renderings and not labelled:
        sys.exit(f"no data in {DATA}")
    originals, _ = (
        read_originals(DATA / "originals.jsonl")
        if (DATA / "originals.jsonl").is_file()
        else ([], [])
    )
    embedder = None if args.embedder == "none" else get_embedder(args.embedder)
    splits = (args.split,) if args.split != "all" else _splits(renderings, labelled, args.part)
    columns = ("plain", "originals", "plain statements", "originals statements")
    print(
        f"{'split':<8} {'renderings':>10} {'pairs':>6} "
        + " ".join(f"{c + ' P/R/F1':>27}" for c in columns)
        + f" {'speakers':>9} {'acc':>6} {'missed':>6} {'s':>5}"
    )
    for split in splits:
        start = time.perf_counter()
        rows = [r for r in renderings if r.get("split") == split]
        g = (
            grouping(rows, originals, embedder, args.verbose)
            if rows and args.part != "speakers"
            else None
        )
        chosen = [r for r in labelled if r.get("split") == split] if args.part != "grouping" else []
        s = speakers(chosen, args.verbose, titles=not args.no_titles)
        print(
            f"{split:<8} {len(rows):>10} {g['plain']['pairs'] if g else 0:>6} "
            + " ".join(f"{_prf(g[c] if g else None):>27}" for c in columns)
            + f" {s['n']:>9} {s['accuracy']:>6.3f} {s['missed']:>6} "
            f"{time.perf_counter() - start:>5.0f}",
            flush=True,
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
