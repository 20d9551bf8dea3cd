"""Would a small fitted model over drift's own signals rank meaning over rewording better?

Pools every spent labelled pair (pairs.jsonl tune + heldout, fresh.jsonl .. fresh7.jsonl: each
blind set joins once it has been measured; the figures in docs/scoring.md pooled up to fresh4),
computes for each the signals drift has at run time (no label, no outlet): the
verdict's drift, type and evidence class, the e5 cosine of the sentence before and after the
edit, e5 word by word, chrF of the spans and of the renderings, source-language lemma agreement,
span length, the wordfreq Zipf frequency of the words that differ, whether the dictionaries know
them, English lemma overlap. Then an L2-regularised logistic regression over <= 12 of them is
scored against the verdict's drift, honestly:

  - grouped cross-validation: folds by `statement`, so no statement is in train and test;
  - leave one file out: fitted on every file but one, scored on that one.

Prints per-file AUC (meaning against paraphrase + trivial) of the verdict and of the combiner,
both as a free ranking ("full") and inside the verdict's bands ("banded": only the divergences
whose drift the missing evidence decides, sense / one-sided / unknown / gaps, are re-ranked,
inside 0.3-0.85, so polarity, number and entity stay >= 0.85 and synonyms and spellings low).

    .venv/bin/python benchmarks/quality/combine.py [--embedder none|e5] [--embed-cache FILE]
                                                    [--features FILE] [--lam 1.0]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

# Spent sets only: a blind set joins after its one measurement.
FILES = ("pairs", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")
STRICT = ("polarity", "number", "entity")
# The evidence classes where drift is set by missing evidence, not by a listed relation or cue.
OPEN_CLASSES = ("unlinked", "unknown", "one_side", "gap")
BAND = (0.3, 0.85)  # the banded combiner places those inside this range


def _quality():
    """benchmarks/quality.py as a module (its name clashes with this folder)."""
    spec = importlib.util.spec_from_file_location(
        "quality_bench", ROOT / "benchmarks" / "quality.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_rows() -> list[dict]:
    """Every labelled pair with its file ("pairs" rows keep their tune / heldout split)."""
    rows = []
    for name in FILES:
        for line in (HERE / f"{name}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["file"] = name
                rows.append(row)
    return rows


def evidence_class(kind: str, evidence: str) -> str:
    """The verdict's evidence class: which rule decided its drift."""
    if kind in STRICT:
        return "strict"
    if kind in ("modality", "degree"):
        return "modal_degree"
    if kind in ("omission", "addition"):
        return "gap"
    if "not in any dictionary" in evidence:
        return "unknown"
    if evidence.startswith(("only a", "only b")):
        return "one_side"
    if "no shared sense" in evidence:
        return "unlinked"
    if kind == "sense":
        return "loose"  # a far hypernym
    return "linked"


def featurize(rows: list[dict], embedder) -> pd.DataFrame:
    """One row of run-time signals per pair (see the module docstring)."""
    from wordfreq import zipf_frequency

    from drift.score.batch import back_translate, embed, stack
    from drift.score.candidates import Candidates
    from drift.score.lemmas import Lemmatizer
    from drift.score.metrics import ChrF, coverage, soft_match
    from drift.score.settings import ScoreSettings
    from drift.score.spans import default_semantics, edit_window, swapped_sentences
    from drift.score.views import view_span

    q = _quality()
    items = [
        (r["id"], r["lang"], r["a"]["span"], r["b"]["span"], r["a"]["text"], r["b"]["text"])
        for r in rows
    ]
    scored = q.score(items, embedder)
    settings = ScoreSettings()
    lem, chrf = Lemmatizer(), ChrF(settings)
    cands = Candidates(lem, None)
    semantics = default_semantics(cands)
    backs = back_translate(
        ((lang, s) for _, lang, sa, sb, _, _ in items for s in (sa, sb)), q.lexicon_back()
    )

    def view(span: str, context: str, lang: str):
        found = backs.get((lang, span))
        return view_span(span, context, found.text if found else "", lang, lem, cands)

    views = [(view(sa, ta, lang), view(sb, tb, lang)) for _, lang, sa, sb, ta, tb in items]
    edits, windows = [], []
    for _, _, sa, sb, ta, tb in items:
        divergence = q.divergence("x", sa, sb, ta, tb)
        swap = swapped_sentences(divergence)
        if swap is None:  # a gap: the sentence with the span and without it
            text, span = (ta, sa) if sa.strip() else (tb, sb)
            at = text.find(span)
            swap = (text, text[:at] + text[at + len(span) :]) if at >= 0 else None
        edits.append(swap)
        windows.append(edit_window(divergence, width=settings.open_window))
    texts = [w for a, b in views for v in (a, b) for w in (*v.en_words, *v.src_words)]
    texts += [t for e in (*edits, *windows) if e for t in e]
    vectors = embed(texts, embedder)
    out = []
    for row, (a, b), edit, window, item in zip(rows, views, edits, windows, items, strict=True):
        s = scored[row["id"]]
        lang = item[1]
        gap = not (item[2].strip() and item[3].strip())
        sa, sb = set(a.en_words) if a.content else set(), set(b.en_words) if b.content else set()
        differ = sorted(sa ^ sb)
        zipf = [zipf_frequency(w, "en") for w in differ]
        known = [semantics.known(w) or bool(cands.units(w, w, lang)) for w in differ]
        feats = {
            "id": row["id"],
            "file": row["file"],
            "split": row.get("split", row["file"]),
            "statement": row["statement"],
            "y": int(row["label"] == "meaning"),
            "type": s.type,
            "evidence": s.evidence,
            "cls": evidence_class(s.type, s.evidence),
            "drift": s.drift,
            "s_en": chrf(item[2], item[3], "en") if not gap else 0.0,
            "s_lex": (coverage(a.units, b.pool) + coverage(b.units, a.pool)) / 2
            if a.units and b.units
            else 0.0,
            "ctx_chrf": chrf(item[4], item[5], "en"),
            "log_len": math.log1p(len(item[2].split()) + len(item[3].split())),
            "zipf_min": min(zipf, default=7.0),
            "known": sum(known) / len(known) if known else 1.0,
            "lemma_jacc": len(sa & sb) / len(sa | sb) if sa | sb else 1.0,
        }
        if embedder is not None:
            emb = [
                soft_match(stack(x, vectors), stack(y, vectors))
                for x, y in ((a.en_words, b.en_words), (a.src_words, b.src_words))
                if not gap and stack(x, vectors).shape[0] and stack(y, vectors).shape[0]
            ]
            feats["s_emb"] = sum(emb) / len(emb) if emb else 0.0
            cos = (
                float(vectors[edit[0]] @ vectors[edit[1]])
                if edit and edit[0] in vectors and edit[1] in vectors
                else 1.0
            )
            feats["s_sent"] = cos
            feats["s_ctx"] = (  # the edit in its five-word window, as score 3.4 reads it
                float(vectors[window[0]] @ vectors[window[1]]) if window else 1.0
            )
        out.append(feats)
    return pd.DataFrame(out)


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Probability that a random meaning pair outscores a random rewording (ties count half)."""
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def columns(frame: pd.DataFrame) -> list[str]:
    """The combiner's inputs: <= 12 signals, evidence classes as two indicators."""
    cols = ["drift", "is_gap", "is_open", "s_en", "s_lex", "ctx_chrf", "log_len"]
    cols += ["zipf_min", "known", "lemma_jacc"]
    cols += [c for c in ("s_emb", "s_sent", "s_ctx") if c in frame]
    return cols


def design(frame: pd.DataFrame) -> pd.DataFrame:
    """The feature frame with the class indicators added."""
    frame = frame.copy()
    frame["is_gap"] = (frame["cls"] == "gap").astype(float)
    frame["is_open"] = frame["cls"].isin(("unlinked", "unknown", "one_side")).astype(float)
    return frame


def fit_logistic(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton steps; x standardised, intercept unpenalised.
    Returns weights with the intercept first."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], lam)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


class Combiner:
    """Standardise, fit, predict: the probability of a meaning change."""

    def __init__(self, cols: list[str], lam: float) -> None:
        self.cols, self.lam = cols, lam

    def fit(self, frame: pd.DataFrame) -> Combiner:
        x = frame[self.cols].to_numpy(float)
        self.mean, self.std = x.mean(0), x.std(0) + 1e-9
        self.w = fit_logistic((x - self.mean) / self.std, frame["y"].to_numpy(float), self.lam)
        return self

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        x = (frame[self.cols].to_numpy(float) - self.mean) / self.std
        return 1 / (1 + np.exp(-(self.w[0] + x @ self.w[1:])))


def small_columns(frame: pd.DataFrame) -> list[str]:
    """The smallest combiner: the drift and the two similarities that separate best alone."""
    return ["drift", "s_sent", "s_emb"] if "s_sent" in frame else ["drift", "s_lex", "s_en"]


def predictions(train: pd.DataFrame, test: pd.DataFrame, lam: float) -> dict[str, np.ndarray]:
    """Scores of `test` by the free combiners (all inputs; three) and by the banded one
    (fitted on the open classes only)."""
    cols = columns(train)
    full = Combiner(cols, lam).fit(train).predict(test)
    small = Combiner(small_columns(train), lam).fit(train).predict(test)
    is_open = test["cls"].isin(OPEN_CLASSES).to_numpy()
    banded = test["drift"].to_numpy(float).copy()
    open_train = train[train["cls"].isin(OPEN_CLASSES)]
    open_cols = [c for c in cols if c not in ("is_gap", "is_open")] + ["is_gap"]
    if is_open.any():
        p = Combiner(open_cols, lam).fit(open_train).predict(test[is_open])
        banded[is_open] = BAND[0] + (BAND[1] - BAND[0]) * p
    return {"full": full, "small": small, "banded": banded}


def grouped_folds(frame: pd.DataFrame, k: int, seed: int) -> np.ndarray:
    """A fold number per row; every statement's rows in one fold."""
    statements = sorted(frame["statement"].unique())
    order = np.random.default_rng(seed).permutation(len(statements))
    fold_of = {statements[i]: n % k for n, i in enumerate(order)}
    return frame["statement"].map(fold_of).to_numpy()


def units(frame: pd.DataFrame) -> list[tuple[str, np.ndarray]]:
    """The report's rows: each split of pairs.jsonl, each fresh file, then all pooled."""
    out = [(name, (frame["split"] == name).to_numpy()) for name in ("tune", "heldout")]
    out += [(name, (frame["file"] == name).to_numpy()) for name in FILES[1:]]
    return [*out, ("pooled", np.ones(len(frame), bool))]


VARIANTS = ("verdict", "full", "small", "banded")
SIX = ("tune", "heldout", *FILES[1:])


def print_table(frame: pd.DataFrame, figures: dict[str, dict[str, float]], title: str) -> None:
    """Per-set AUC of the verdict and of each combiner, with the gains over the verdict."""
    y = frame["y"].to_numpy()
    print(title)
    print(f"  {'set':8s} {'n':>4s} {'mean.':>5s}  " + "".join(f"{v:>8s}" for v in VARIANTS))
    for name, mask in units(frame):
        row = figures[name]
        gains = " ".join(f"{row[v] - row['verdict']:+.3f}" for v in VARIANTS[1:])
        print(
            f"  {name:8s} {mask.sum():4d} {y[mask].sum():5d}  "
            + "".join(f"{row[v]:8.3f}" for v in VARIANTS)
            + f"   gains {gains}"
        )
    for v in VARIANTS[1:]:
        gains = [figures[n][v] - figures[n]["verdict"] for n in SIX]
        print(
            f"  {v:7s} mean gain over the {len(gains)} sets {np.mean(gains):+.3f}, better on "
            f"{sum(g > 0 for g in gains)} of {len(gains)}, worst {min(gains):+.3f}"
        )


def figures_of(frame: pd.DataFrame, runs: list[dict[str, np.ndarray]]) -> dict[str, dict]:
    """Per set and variant, the AUC averaged over `runs` (one score array per variant each)."""
    y = frame["y"].to_numpy()
    return {
        name: {v: float(np.mean([auc(r[v][mask], y[mask]) for r in runs])) for v in VARIANTS}
        for name, mask in units(frame)
    }


def out_of_fold(frame: pd.DataFrame, folds: np.ndarray, lam: float) -> dict[str, np.ndarray]:
    """Scores of every row by combiners fitted without its fold."""
    out = {"verdict": frame["drift"].to_numpy(float)}
    out |= {v: np.zeros(len(frame)) for v in VARIANTS[1:]}
    for f in np.unique(folds):
        test = folds == f
        for v, scores in predictions(frame[~test], frame[test], lam).items():
            out[v][test] = scores
    return out


def grouped_cv(frame: pd.DataFrame, lam: float, k: int = 10, repeats: int = 5) -> None:
    """Out-of-fold scores, folds by statement, AUC averaged over `repeats` shuffles."""
    runs = [out_of_fold(frame, grouped_folds(frame, k, seed), lam) for seed in range(repeats)]
    title = f"grouped {k}-fold CV by statement, {repeats} shuffles (mean AUC), lam {lam:g}"
    print_table(frame, figures_of(frame, runs), title)


def leave_one_file_out(frame: pd.DataFrame, lam: float, draws: int = 500) -> None:
    """Fit on every file but one, score that one (pairs.jsonl is one file: its tune and heldout
    splits share statements). The spread of the mean gain: statements resampled per file."""
    scores = out_of_fold(frame, frame["file"].to_numpy(), lam)
    print_table(frame, figures_of(frame, [scores]), f"leave one file out, lam {lam:g}")
    rng = np.random.default_rng(0)
    y = frame["y"].to_numpy()
    masks = [mask for name, mask in units(frame) if name in SIX]
    gains: dict[str, list[float]] = {v: [] for v in VARIANTS[1:]}
    for _ in range(draws):
        picks = []
        for mask in masks:  # resample whole statements inside each set
            rows = np.flatnonzero(mask)
            groups = frame["statement"].to_numpy()[rows]
            names = np.unique(groups)
            chosen = rng.choice(names, len(names))
            picks.append(np.concatenate([rows[groups == g] for g in chosen]))
        for v in gains:
            per = [auc(scores[v][i], y[i]) - auc(scores["verdict"][i], y[i]) for i in picks]
            gains[v].append(float(np.nanmean(per)))
    open_ = frame["cls"].isin(OPEN_CLASSES).to_numpy()
    print(
        f"  inside the open classes ({open_.sum()} pairs, {y[open_].sum()} meaning), pooled: "
        + ", ".join(f"{v} {auc(scores[v][open_], y[open_]):.3f}" for v in VARIANTS)
    )
    for v, got in gains.items():
        low, high = np.percentile(got, [5, 95])
        print(
            f"  {v:7s} mean gain, 90% interval over {draws} statement resamples: "
            f"[{low:+.3f}, {high:+.3f}]"
        )


def single_signals(frame: pd.DataFrame) -> None:
    """AUC of each signal alone per set (sign: higher similarity means rewording)."""
    cols = [c for c in columns(frame) if c not in ("is_gap", "is_open")]
    y = frame["y"].to_numpy()
    names = [n for n, _ in units(frame)]
    print("each signal alone (AUC of the signal, 1 - AUC shown for similarities):")
    print("  " + f"{'signal':10s}" + "".join(f"{n:>9s}" for n in names))
    for c in cols:
        sign = 1 if c in ("drift", "log_len") else -1
        v = sign * frame[c].to_numpy(float)
        print("  " + f"{c:10s}" + "".join(f"{auc(v[m], y[m]):9.3f}" for _, m in units(frame)))


def coefficients(frame: pd.DataFrame, lam: float) -> None:
    """The combiner fitted on everything, standardised weights (for reading, not shipping)."""
    model = Combiner(columns(frame), lam).fit(frame)
    print("weights fitted on all pairs (standardised inputs):")
    print(
        "  "
        + ", ".join(f"{c} {w:+.2f}" for c, w in zip(["bias", *model.cols], model.w, strict=True))
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", choices=["e5", "none"], default="none")
    parser.add_argument("--embed-cache", metavar="FILE", default=None)
    parser.add_argument(
        "--features",
        metavar="FILE",
        default=None,
        help="read signals from FILE if it exists, else write them there",
    )
    parser.add_argument("--lam", type=float, nargs="+", default=[1.0], help="L2 strength(s)")
    args = parser.parse_args(argv)
    path = Path(args.features) if args.features else None
    if path is not None and path.exists():
        frame = pd.read_csv(path)
    else:
        embedder = None
        if args.embedder == "e5":
            from drift.embed import get_embedder

            embedder = get_embedder("e5")
            if args.embed_cache:
                from drift.embed.cache import CachedEmbedder, EmbeddingCache

                embedder = CachedEmbedder(embedder, EmbeddingCache(args.embed_cache))
        frame = featurize(load_rows(), embedder)
        if path is not None:
            frame.to_csv(path, index=False)
    frame = design(frame)
    y = frame["y"]
    print(
        f"{len(frame)} pairs ({int(y.sum())} meaning), {frame['statement'].nunique()} statements;"
        f" embedder {args.embedder}; inputs: {', '.join(columns(frame))}"
    )
    print("evidence classes (pairs, meaning):")
    for cls, part in frame.groupby("cls"):
        print(f"  {cls:12s} {len(part):4d} {int(part['y'].sum()):4d}")
    single_signals(frame)
    for lam in args.lam:
        grouped_cv(frame, lam)
        leave_one_file_out(frame, lam)
    coefficients(frame, args.lam[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
