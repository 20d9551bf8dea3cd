"""How well does drift tell a meaning change from a rewording? Measured on real renderings.

Reads the dev set in benchmarks/quality/ (pairs of real English renderings of statements by Russian
and Chinese officials, each cited by URL and labelled meaning / paraphrase / trivial; probes built
from real sentences with one controlled edit each) and scores every labelled span pair with
drift's own scorer (offline lexicon back-translation, e5 embeddings unless --embedder none).

Prints, per split (tune: what the settings were chosen on; heldout: never looked at while tuning):
  - AUC of drift for "meaning" against "paraphrase"/"trivial" (goal on heldout: >= 0.90);
  - accuracy of the predicted type against the labelled one, and per labelled type;
  - where each probe ranks among probes and synonym/spelling pairs (goal: every polarity, number
    and entity probe above every synonym and spelling pair);
  - the seeds' expectations (multipolar / strong first; sympathisers / supporters <= 0.4).

    .venv/bin/python benchmarks/quality.py [--embedder e5|none] [--split tune --show-errors]
                                           [--embed-cache FILE]

--split fresh / fresh2 / ... / fresh7 (or --data FILE) scores benchmarks/quality/fresh.jsonl /
fresh2.jsonl / ... / fresh7.jsonl (or FILE) instead: blind test sets, measured once and
never tuned on (see benchmarks/quality/README.md); no probes then.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "quality"
sys.path.insert(0, str(ROOT))

from drift.embed import get_embedder  # noqa: E402
from drift.records import Divergence, ScoredDivergence, Translation  # noqa: E402
from drift.score import score_divergences  # noqa: E402
from drift.score.types import MEANING_TYPES  # noqa: E402
from drift.translate.lexicon_backend import LexiconTranslator  # noqa: E402

# blind sets: each measured once
BLIND = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")
STRICT_TYPES = ("polarity", "number", "entity")
LOW_TYPES = ("synonym", "spelling")


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSON Lines file; [] when it is missing."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positive or not negative:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def divergence(gid: str, span_a: str, span_b: str, text_a: str, text_b: str) -> Divergence:
    """A divergence as the aligner would report it between two renderings."""
    kind = "substitution" if span_a.strip() and span_b.strip() else "omission"
    if not span_a.strip():
        kind = "insertion"
    return Divergence(gid, f"{gid}:a", f"{gid}:b", "a", "b", span_a, span_b, kind, text_a, text_b)


def lexicon_back():
    """Back-translation by the offline lexicon backend, as `drift run` does without a model."""
    translator = LexiconTranslator()

    def back(texts: Sequence[str], lang: str) -> list[Translation]:
        out = translator.translate(list(texts), "en", lang)
        return [Translation(t, o, "en", lang, "lexicon") for t, o in zip(texts, out, strict=True)]

    return back


def score(
    items: list[tuple[str, str, str, str, str, str]], embedder
) -> dict[str, ScoredDivergence]:
    """Score (id, lang, span_a, span_b, text_a, text_b) items; one group per item."""
    divs = [divergence(i, sa, sb, ta, tb) for i, _, sa, sb, ta, tb in items]
    langs = {i: lang for i, lang, *_ in items}
    quotes = {f"{i}:a": ta for i, _, _, _, ta, _ in items}
    quotes |= {f"{i}:b": tb for i, _, _, _, _, tb in items}
    scored = score_divergences(
        divs, source_lang=langs, back=lexicon_back(), embedder=embedder, quotes=quotes
    )
    return {s.divergence.group_id: s for s in scored}


def report_pairs(
    pairs: list[dict], scored: dict[str, ScoredDivergence], show: bool, splits: Sequence[str]
) -> None:
    """AUC and type accuracy per split; per-type figures and errors over `splits` only."""
    for split in splits:
        rows = [p for p in pairs if split == "all" or p.get("split") == split]
        if not rows:
            continue
        pos = [scored[p["id"]].drift for p in rows if p["label"] == "meaning"]
        neg = [scored[p["id"]].drift for p in rows if p["label"] != "meaning"]
        typed = [scored[p["id"]].type == p["type"] for p in rows]
        coarse = [
            (scored[p["id"]].type in MEANING_TYPES) == (p["label"] == "meaning") for p in rows
        ]
        print(
            f"{split:8s} pairs {len(rows):3d} (meaning {len(pos)}, other {len(neg)}): "
            f"AUC {auc(pos, neg):.3f}  type accuracy {sum(typed) / len(rows):.2f}  "
            f"meaning/rewording by type {sum(coarse) / len(rows):.2f}"
        )
    pairs = [p for p in pairs if "all" in splits or p["split"] in splits]
    per_type: dict[str, list[bool]] = defaultdict(list)
    for p in pairs:
        per_type[p["type"]].append(scored[p["id"]].type == p["type"])
    print(f"type accuracy per labelled type ({', '.join(splits)}):")
    for t, hits in sorted(per_type.items()):
        print(f"  {t:11s} {sum(hits):3d}/{len(hits):<3d} {sum(hits) / len(hits):.2f}")
    confusion = Counter((p["type"], scored[p["id"]].type) for p in pairs)
    print("confusions (labelled -> predicted, count >= 2):")
    for (want, got), n in confusion.most_common():
        if want != got and n >= 2:
            print(f"  {want} -> {got}: {n}")
    if show:
        print("errors (label meaning scored < 0.5, or rewording scored >= 0.5):")
        for p in pairs:
            s = scored[p["id"]]
            wrong = (p["label"] == "meaning") != (s.drift >= 0.5)
            if wrong:
                print(
                    f"  {p['id']} [{p['split']}] {p['label']}/{p['type']} drift {s.drift:.2f} "
                    f"{s.type}: {p['a']['span']!r} / {p['b']['span']!r} ({s.evidence})"
                )
        print("type errors (labelled type -> predicted type):")
        for p in pairs:
            s = scored[p["id"]]
            if s.type != p["type"]:
                print(
                    f"  {p['id']} [{p['split']}] {p['type']} -> {s.type} drift {s.drift:.2f}: "
                    f"{p['a']['span']!r} / {p['b']['span']!r} ({s.evidence})"
                )


def report_probes(
    probes: list[dict], scored: dict[str, ScoredDivergence], pairs: list[dict]
) -> bool:
    """Rank probes among themselves and the synonym/spelling pairs; True when the goal holds."""
    low = [
        (scored[p["id"]].drift, f"pair {p['id']} {p['type']}")
        for p in pairs
        if p["type"] in LOW_TYPES
    ]
    low += [
        (scored[q["id"]].drift, f"probe {q['id']} {q['type']}")
        for q in probes
        if q["type"] in LOW_TYPES
    ]
    strict = [(scored[q["id"]].drift, q) for q in probes if q["type"] in STRICT_TYPES]
    ceiling, top_low = max(low, default=(0.0, "none"))
    ranked = sorted(((scored[q["id"]].drift, q) for q in probes), key=lambda x: -x[0])
    print(f"probes {len(probes)}: rank, drift, labelled type -> predicted type")
    for i, (drift, q) in enumerate(ranked, start=1):
        s = scored[q["id"]]
        print(
            f"  {i:3d} {drift:.2f} {q['type']:9s} -> {s.type:9s} {q['span_a']!r} / {q['span_b']!r}"
        )
    beaten = [q["id"] for d, q in strict if d <= ceiling]
    held = not beaten
    print(
        f"every polarity/number/entity probe above every synonym/spelling item "
        f"(highest: {top_low} at {ceiling:.2f}): {'yes' if held else 'no: ' + ', '.join(beaten)}"
    )
    per = Counter(q["type"] for q in probes)
    hits = Counter(q["type"] for q in probes if scored[q["id"]].type == q["type"])
    print("probe type accuracy: " + ", ".join(f"{t} {hits[t]}/{n}" for t, n in sorted(per.items())))
    return held


def report_seeds(embedder) -> None:
    """The seeds' expectations through the whole pipeline (drift.run on seeds/)."""
    import drift

    result = drift.run(
        [str(ROOT / "seeds")],
        originals=str(ROOT / "seeds" / "originals.jsonl"),
        embedder="e5" if embedder is not None else None,
        cache=False,
        progress=False,
    )
    frame = result.divergences
    top = frame.iloc[0]
    pairs = {(r.span_a, r.span_b): r.drift for r in frame.itertuples()}
    pairs |= {(r.span_b, r.span_a): r.drift for r in frame.itertuples()}
    sympathy = pairs.get(("sympathisers", "supporters"))
    print(
        f"seeds: top divergence {top.span_a!r} / {top.span_b!r} ({top.drift:.2f}, {top.type}); "
        f"sympathisers / supporters {sympathy}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", choices=["e5", "none"], default="e5")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--split",
        choices=["tune", "heldout", "all", *BLIND],
        default=None,
        help="report this split only (tune while choosing settings; default: every split);"
        f" {' / '.join(BLIND)}: the blind test sets in the files of those names (.jsonl)",
    )
    parser.add_argument(
        "--data",
        metavar="FILE",
        default=None,
        help="score the pairs in FILE (same row format) instead of pairs.jsonl, without probes",
    )
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds check")
    parser.add_argument(
        "--first",
        type=int,
        metavar="N",
        default=None,
        help="use only the first N pairs (156: the dev set before rows p157-p214 were added)",
    )
    parser.add_argument(
        "--embed-cache",
        metavar="FILE",
        default=None,
        help="keep e5 vectors in this SQLite file across runs (same vectors, faster reruns)",
    )
    args = parser.parse_args(argv)
    if args.data is None and args.split in BLIND:
        args.data = str(DATA / f"{args.split}.jsonl")
    if args.data is not None:  # a separate test set: its own pairs, no probes (they are dev data)
        pairs, probes = read_jsonl(Path(args.data))[: args.first], []
        if not pairs:
            print(f"no pairs in {args.data}", file=sys.stderr)
            return 2
    else:
        pairs = read_jsonl(DATA / "pairs.jsonl")[: args.first]
        probes = read_jsonl(DATA / "probes.jsonl")
    if not pairs and not probes:
        print(f"no data in {DATA}", file=sys.stderr)
        return 2
    embedder = get_embedder("e5") if args.embedder == "e5" else None
    if embedder is not None and args.embed_cache:
        from drift.embed.cache import CachedEmbedder, EmbeddingCache

        embedder = CachedEmbedder(embedder, EmbeddingCache(args.embed_cache))
    items = [
        (p["id"], p["lang"], p["a"]["span"], p["b"]["span"], p["a"]["text"], p["b"]["text"])
        for p in pairs
    ]
    items += [(q["id"], q["lang"], q["span_a"], q["span_b"], q["a"], q["b"]) for q in probes]
    scored = score(items, embedder)
    source = args.data or "dev set"
    print(f"{source}: {len(pairs)} pairs, {len(probes)} probes; embedder {args.embedder}")
    if args.split:
        splits = [args.split]
    elif args.data is not None:
        splits = sorted({p["split"] for p in pairs})
        splits += ["all"] if len(splits) > 1 else []
    else:
        splits = ["tune", "heldout", "all"]
    report_pairs(pairs, scored, args.show_errors, splits)
    if probes:  # with --split, probes rank against that split's pairs only (tune stays blind)
        shown = [p for p in pairs if not args.split or args.split in ("all", p["split"])]
        report_probes(probes, scored, shown)
    if not args.no_seeds:
        report_seeds(embedder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
