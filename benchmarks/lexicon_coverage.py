"""Coverage of the offline lexicon backend: the share of English content words with a candidate.

For ru and zh: the 2k / 10k / 30k most frequent English content words (wordfreq's English list;
words of 3+ letters; function words removed), the content words quoted in seeds/, and those of
the renderings in benchmarks/quality/pairs.jsonl (when that file is there). Goal: at least
97% / 90% / 75% of the frequency bands for both languages. Prints figures; not a test.

    .venv/bin/python benchmarks/lexicon_coverage.py [--show-missing 20]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from drift.score.lemmas import EN_FUNCTION_WORDS
from drift.translate.lexicon import FUNCTION_WORDS, Lexicon

ROOT = Path(__file__).resolve().parent.parent
BANDS = (2000, 10000, 30000)
GOALS = {2000: 0.97, 10000: 0.90, 30000: 0.75}
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
QUOTED = re.compile(r"“([^“”\n]*)[”“]|\"([^\"\n]*)\"|‘([^‘’\n]*)’|«([^«»\n]*)»")
STOP = FUNCTION_WORDS | EN_FUNCTION_WORDS


def content(words: list[str]) -> list[str]:
    """Lowercase content words of 3+ letters, in order, without repeats."""
    out = (w.lower() for w in words)
    return list(dict.fromkeys(w for w in out if len(w) >= 3 and w.isalpha() and w not in STOP))


def frequent(limit: int) -> list[str]:
    """The `limit` most frequent English content words (wordfreq)."""
    from wordfreq import top_n_list

    words = content(top_n_list("en", limit * 3))
    return words[:limit]


def seed_words() -> list[str]:
    texts = []
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        for match in QUOTED.finditer(path.read_text(encoding="utf-8")):
            texts.append(next(g for g in match.groups() if g is not None))
    return content([w for t in texts for w in WORD.findall(t)])


def pair_words() -> list[str] | None:
    path = ROOT / "benchmarks" / "quality" / "pairs.jsonl"
    if not path.is_file():
        return None
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts += [row[side]["text"] for side in ("a", "b") if isinstance(row.get(side), dict)]
    return content([w for t in texts for w in WORD.findall(t)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-missing", type=int, default=10, help="missing words to print")
    args = parser.parse_args()
    started = time.perf_counter()
    lexicons = {tgt: Lexicon.load(tgt) for tgt in ("ru", "zh")}
    print(f"lexicons loaded in {time.perf_counter() - started:.1f} s")
    for tgt, lexicon in lexicons.items():
        for status in lexicon.missing:
            print(f"  {tgt}: {status.missing_line()}")
    sets: list[tuple[str, list[str], float | None]] = [
        (f"top {n // 1000}k", frequent(n), GOALS[n]) for n in BANDS
    ]
    sets.append(("seeds/ quotes", seed_words(), None))
    pairs = pair_words()
    if pairs is None:
        print("benchmarks/quality/pairs.jsonl not found: its row is skipped")
    else:
        sets.append(("quality pairs", pairs, None))
    print(f"{'words':<16}{'n':>7}  {'ru':>7}  {'zh':>7}  goal")
    met = True
    for name, words, goal in sets:
        shares = {}
        for tgt, lexicon in lexicons.items():
            missing = [w for w in words if not lexicon.lookup(w)]
            shares[tgt] = 1 - len(missing) / max(1, len(words))
            if args.show_missing and missing:
                shown = ", ".join(missing[: args.show_missing])
                print(f"  {name} {tgt} missing ({len(missing)}): {shown}")
        ok = goal is None or all(s >= goal for s in shares.values())
        met &= ok
        goal_text = f">= {goal:.0%} {'ok' if ok else 'MISSED'}" if goal else ""
        print(f"{name:<16}{len(words):>7}  {shares['ru']:>7.1%}  {shares['zh']:>7.1%}  {goal_text}")
    print("goals met" if met else "goals missed")


if __name__ == "__main__":
    main()
