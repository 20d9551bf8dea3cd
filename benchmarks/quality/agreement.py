"""Inter-annotator agreement between the quality set's labels and an independent second labelling.

Prints percentage agreement and Cohen's kappa on the 3-way label, on meaning vs not-meaning and on
type, a confusion matrix, and the AUC annotator 2's binary judgement would get as a scorer of
annotator 1's meaning labels: the ceiling a scorer can reasonably be asked to reach.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("meaning", "paraphrase", "trivial")


@dataclass(frozen=True)
class Pair:
    """One row labelled by both annotators."""

    id: str
    file: str
    label1: str
    label2: str
    type1: str
    type2: str


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSON-lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_pairs(first: Sequence[Path], second: Path) -> list[Pair]:
    """Join the first labels (one file each) with the second annotator's rows by id."""
    by_id = {row["id"]: row for row in read_jsonl(second)}
    pairs = []
    for path in first:
        for row in read_jsonl(path):
            other = by_id.get(row["id"])
            if other is None:
                raise SystemExit(f"{row['id']} ({path.name}) has no second label")
            pairs.append(
                Pair(
                    row["id"],
                    path.stem,
                    row["label"],
                    other["label"],
                    row.get("type", ""),
                    other.get("type", ""),
                )
            )
    return pairs


def percent_agreement(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of rows on which both annotators agree."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa: agreement beyond what each annotator's label frequencies give by chance."""
    n = len(a)
    observed = percent_agreement(a, b)
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in set(a) | set(b)) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def binary_auc(truth: Sequence[bool], judged: Sequence[bool]) -> float:
    """AUC of a 0/1 scorer against true labels, ties counted half: (TPR + TNR) / 2."""
    positives = [j for t, j in zip(truth, judged, strict=True) if t]
    negatives = [j for t, j in zip(truth, judged, strict=True) if not t]
    if not positives or not negatives:
        return float("nan")
    tpr = sum(positives) / len(positives)
    tnr = sum(not j for j in negatives) / len(negatives)
    return (tpr + tnr) / 2


def confusion(a: Sequence[str], b: Sequence[str], labels: Sequence[str]) -> str:
    """A confusion matrix as text: rows annotator 1, columns annotator 2."""
    counts = Counter(zip(a, b, strict=True))
    width = max(len(k) for k in labels) + 2
    lines = ["a1 \\ a2".ljust(width) + "".join(k.rjust(width) for k in labels)]
    for row in labels:
        cells = "".join(str(counts[(row, col)]).rjust(width) for col in labels)
        lines.append(row.ljust(width) + cells)
    return "\n".join(lines)


def agreement_line(what: str, a: Sequence[str], b: Sequence[str]) -> str:
    """One line of percentage agreement and kappa."""
    return f"{what:<13} agreement {percent_agreement(a, b):6.1%}  kappa {cohen_kappa(a, b):.3f}"


def report(name: str, pairs: Sequence[Pair], show_disagreements: bool) -> str:
    """Agreement figures for one group of rows."""
    l1 = [p.label1 for p in pairs]
    l2 = [p.label2 for p in pairs]
    m1 = [x == "meaning" for x in l1]
    m2 = [x == "meaning" for x in l2]
    b1 = ["meaning" if x else "other" for x in m1]
    b2 = ["meaning" if x else "other" for x in m2]
    t1 = [p.type1 for p in pairs]
    t2 = [p.type2 for p in pairs]
    labels = [k for k in LABELS if k in set(l1) | set(l2)]
    labels += sorted((set(l1) | set(l2)) - set(labels))
    lines = [
        f"== {name}: {len(pairs)} rows (a1 meaning {sum(m1)}, a2 meaning {sum(m2)})",
        agreement_line("3-way label", l1, l2),
        agreement_line("meaning/not", b1, b2),
        agreement_line("type", t1, t2),
        f"AUC of a2's meaning judgement against a1's labels: {binary_auc(m1, m2):.3f}",
        confusion(l1, l2, labels),
    ]
    type_pairs = Counter((x, y) for x, y in zip(t1, t2, strict=True) if x != y)
    lines.append(
        "type disagreements (a1/a2): "
        + (", ".join(f"{x}/{y} {n}" for (x, y), n in type_pairs.most_common()) or "none")
    )
    if show_disagreements:
        lines += [
            f"  {p.id}: a1 {p.label1}/{p.type1}  a2 {p.label2}/{p.type2}"
            for p in pairs
            if p.label1 != p.label2
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Print agreement per first-label file and pooled."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--first",
        type=Path,
        nargs="+",
        default=[HERE / "fresh2.jsonl", HERE / "fresh3.jsonl"],
        help="files holding the first labels (default: fresh2 and fresh3)",
    )
    parser.add_argument(
        "--second",
        type=Path,
        default=HERE / "second_annotator.jsonl",
        help="the second annotator's labels, matched by id",
    )
    parser.add_argument(
        "--disagreements", action="store_true", help="list the rows whose labels differ"
    )
    args = parser.parse_args(argv)
    pairs = load_pairs(args.first, args.second)
    for path in args.first:
        rows = [p for p in pairs if p.file == path.stem]
        print(report(path.stem, rows, args.disagreements), end="\n\n")
    if len(args.first) > 1:
        print(report("pooled", pairs, args.disagreements))


if __name__ == "__main__":
    main()
