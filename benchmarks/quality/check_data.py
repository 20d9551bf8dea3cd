"""Validate the real-data benchmark files (stdlib only).

    python benchmarks/quality/check_data.py

Checks benchmarks/quality/{pairs,probes,fresh,fresh2,...,fresh6}.jsonl and
benchmarks/grouping/{renderings,originals,speakers}.jsonl: required fields, allowed values,
unique ids, spans inside their texts, quotes inside their passages, one split per statement;
prints counts per split / label / type. fresh.jsonl (the blind test set) must use split "fresh",
ids f001... and statements that are in neither pairs.jsonl nor renderings.jsonl. fresh2.jsonl
(the second blind set) must use split "fresh2", ids g001... and statements in none of pairs.jsonl,
fresh.jsonl and renderings.jsonl, and none of its rendering texts may occur in those files either.
fresh3.jsonl (the third blind set) must use split "fresh3", ids h001... and statements and rendering
texts in none of pairs.jsonl, fresh.jsonl, fresh2.jsonl and renderings.jsonl.
fresh4.jsonl and fresh5.jsonl (the fourth and fifth blind sets) likewise: split "fresh4" / "fresh5",
ids i001... / j001..., statements and rendering texts in none of the earlier files.
fresh6.jsonl (the sixth blind set) likewise: split "fresh6", ids k001....
speakers_fresh2.jsonl, speakers_fresh3.jsonl and speakers_fresh4.jsonl (blind speaker sets): split
"fresh2" / "fresh3" / "fresh4", ids u001... / v001... / w001..., URLs in none of the earlier speaker
files.
Exits 1 on any error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUALITY = ROOT / "quality"
GROUPING = ROOT / "grouping"

LABELS = {"meaning", "paraphrase", "trivial"}
TYPES = {
    "spelling",
    "synonym",
    "paraphrase",
    "polarity",
    "modality",
    "degree",
    "number",
    "entity",
    "sense",
    "omission",
    "addition",
}
PROBE_TYPES = {"polarity", "modality", "degree", "number", "entity", "synonym"}
SPLITS = {"tune", "heldout"}
LANGS = {"ru", "zh"}
SPEAKERS_SPLIT_ROWS = 248  # speakers.jsonl rows under the every-third-heldout rule

errors: list[str] = []


def err(path: Path, n: int, msg: str) -> None:
    errors.append(f"{path.relative_to(ROOT)}:{n}: {msg}")


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                err(path, n, "blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                err(path, n, f"bad JSON: {exc}")
                rows.append({})
    return rows


def need(path: Path, n: int, row: dict, fields: dict[str, type | tuple]) -> bool:
    ok = True
    for name, kind in fields.items():
        if name not in row:
            err(path, n, f"missing field {name!r}")
            ok = False
        elif not isinstance(row[name], kind):
            err(path, n, f"field {name!r} has type {type(row[name]).__name__}")
            ok = False
    return ok


def unique_ids(path: Path, rows: list[dict], key: str = "id") -> None:
    seen = Counter(r.get(key) for r in rows)
    for k, c in seen.items():
        if c > 1:
            err(path, 0, f"duplicate {key} {k!r} ({c}x)")


def show(title: str, counter: Counter) -> None:
    items = ", ".join(f"{k}={v}" for k, v in sorted(counter.items(), key=lambda kv: str(kv[0])))
    print(f"  {title}: {items}")


def check_pairs(
    name: str = "pairs.jsonl",
    seen: set[str] | None = None,
    split: str = "fresh",
    prefix: str = "f",
    seen_texts: set[str] | None = None,
) -> set[str]:
    """Check a pairs file; with `seen` (statements used elsewhere) it is a blind test set.

    A blind set uses `split` on every row and ids `prefix` + number (fresh: f001..., fresh2:
    g001..., fresh3: h001..., fresh4: i001...); with `seen_texts`, none of its rendering texts may
    repeat one of those texts.
    """
    fresh = seen is not None
    path = QUALITY / name
    rows = load(path)
    side_fields = {"text": str, "span": str, "url": str, "outlet": str, "date": str}
    for n, r in enumerate(rows, 1):
        if not need(
            path,
            n,
            r,
            {
                "id": str,
                "statement": str,
                "speaker": str,
                "lang": str,
                "original": str,
                "original_url": str,
                "a": dict,
                "b": dict,
                "label": str,
                "type": str,
                "split": str,
                "note": str,
            },
        ):
            continue
        for s in ("a", "b"):
            if not need(path, n, r[s], side_fields):
                continue
            if r[s]["span"] and r[s]["span"] not in r[s]["text"]:
                err(path, n, f"{s}.span {r[s]['span']!r} not in {s}.text")
            if not r[s]["url"].startswith("http"):
                err(path, n, f"{s}.url is not a URL")
            if not r[s]["text"].strip():
                err(path, n, f"{s}.text is empty")
        if r["label"] not in LABELS:
            err(path, n, f"label {r['label']!r}")
        if r["type"] not in TYPES:
            err(path, n, f"type {r['type']!r}")
        if r["split"] not in ({split} if fresh else SPLITS):
            err(path, n, f"split {r['split']!r}")
        if r["lang"] not in LANGS:
            err(path, n, f"lang {r['lang']!r}")
        if fresh and r["statement"] in seen:
            err(path, n, f"statement {r['statement']!r} is already in an earlier data file")
        if fresh and r["id"] != f"{prefix}{n:03d}":
            err(path, n, f"id should be {prefix}{n:03d}")
        for s in ("a", "b") if seen_texts else ():
            if r[s]["text"].strip() in seen_texts:
                err(path, n, f"{s}.text is already in an earlier data file")
        spans = (r["a"].get("span", ""), r["b"].get("span", ""))
        if not any(spans):
            err(path, n, "both spans empty")
        if "" in spans and r["type"] not in {"omission", "addition", "modality", "degree"}:
            err(
                path,
                n,
                "an empty span needs type omission/addition (or a dropped modal or intensifier),"
                f" got {r['type']!r}",
            )
        if spans[0] and spans[0] == spans[1] and r["a"]["text"] == r["b"]["text"]:
            err(path, n, "a and b are identical")
        if not r["note"].strip():
            err(path, n, "empty note")
        if r["original"] and not r["original_url"].startswith("http"):
            err(path, n, "original given without original_url")
    unique_ids(path, rows)
    for i, r in enumerate(rows):
        want = "heldout" if i % 3 == 2 else "tune"
        if not fresh and r.get("split") != want:
            err(path, i + 1, f"split should be {want} (every third pair is heldout)")
    n_statements = len({r.get("statement") for r in rows})
    print(f"{path.relative_to(ROOT)}: {len(rows)} pairs, {n_statements} statements")
    show("split", Counter(r.get("split") for r in rows))
    show("label", Counter(r.get("label") for r in rows))
    show("type", Counter(r.get("type") for r in rows))
    for sp in [] if fresh else sorted(SPLITS):
        show(f"label[{sp}]", Counter(r.get("label") for r in rows if r.get("split") == sp))
    show("label x type", Counter(f"{r.get('label')}/{r.get('type')}" for r in rows))
    show("lang", Counter(r.get("lang") for r in rows))
    urls = {
        r[s]["url"]
        for r in rows
        for s in ("a", "b")
        if isinstance(r.get(s), dict) and "url" in r[s]
    }
    print(f"  distinct URLs: {len(urls)}")
    return {r.get("statement") for r in rows}


def earlier_texts(*extra: str) -> set[str]:
    """Rendering texts of pairs, fresh, the `extra` quality files and renderings (a blind set
    reuses none of them: fresh2 checks against the first three, fresh3 also against fresh2,
    fresh4 also against fresh3)."""
    texts: set[str] = set()
    for path in [QUALITY / "pairs.jsonl", QUALITY / "fresh.jsonl"] + [QUALITY / n for n in extra]:
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                sides = [row.get(s) for s in ("a", "b")]
                texts |= {side["text"].strip() for side in sides if isinstance(side, dict)}
    for line in (GROUPING / "renderings.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            texts.add(json.loads(line).get("text", "").strip())
    return texts


def check_probes() -> None:
    path = QUALITY / "probes.jsonl"
    rows = load(path)
    for n, r in enumerate(rows, 1):
        if not need(
            path,
            n,
            r,
            {
                "id": str,
                "type": str,
                "url": str,
                "a": str,
                "b": str,
                "span_a": str,
                "span_b": str,
                "speaker": str,
                "lang": str,
            },
        ):
            continue
        if r["type"] not in PROBE_TYPES:
            err(path, n, f"type {r['type']!r}")
        if r["a"] == r["b"]:
            err(path, n, "a == b (no edit)")
        if r["span_a"] and r["span_a"] not in r["a"]:
            err(path, n, "span_a not in a")
        if r["span_b"] and r["span_b"] not in r["b"]:
            err(path, n, "span_b not in b")
        if not (r["span_a"] or r["span_b"]):
            err(path, n, "both spans empty")
        if r["lang"] not in LANGS:
            err(path, n, f"lang {r['lang']!r}")
        if not r["url"].startswith("http"):
            err(path, n, "url is not a URL")
    unique_ids(path, rows)
    per_type = Counter(r.get("type") for r in rows)
    for t in PROBE_TYPES:
        if per_type[t] < 6:
            err(path, 0, f"only {per_type[t]} probes of type {t} (want 6+)")
    print(f"{path.relative_to(ROOT)}: {len(rows)} probes")
    show("type", per_type)


def check_renderings() -> set[str]:
    path = GROUPING / "renderings.jsonl"
    rows = load(path)
    split_of: dict[str, set[str]] = {}
    for n, r in enumerate(rows, 1):
        if not need(
            path,
            n,
            r,
            {
                "id": str,
                "statement": str,
                "speaker_as_written": str,
                "speaker": str,
                "lang": str,
                "text": str,
                "context": str,
                "url": str,
                "outlet": str,
                "date": str,
                "split": str,
            },
        ):
            continue
        if r["split"] not in SPLITS:
            err(path, n, f"split {r['split']!r}")
        if r["lang"] not in LANGS:
            err(path, n, f"lang {r['lang']!r}")
        if not r["text"].strip():
            err(path, n, "empty text")
        if not r["url"].startswith("http"):
            err(path, n, "url is not a URL")
        split_of.setdefault(r["statement"], set()).add(r["split"])
    for st, sp in split_of.items():
        if len(sp) > 1:
            err(path, 0, f"statement {st!r} is in both splits")
    slugs = sorted(split_of)
    for i, st in enumerate(slugs):
        want = "heldout" if i % 3 == 2 else "tune"
        if split_of[st] != {want}:
            err(path, 0, f"statement {st!r} should be {want} (every third slug in sorted order)")
    unique_ids(path, rows)
    sizes = Counter(r.get("statement") for r in rows)
    multi = [s for s, c in sizes.items() if c >= 2]
    years: dict[str, set[str]] = {}
    for r in rows:
        if r.get("date"):
            years.setdefault(r["statement"], set()).add(r["date"][:4])
    apart = [s for s, y in years.items() if len(y) >= 2]
    print(
        f"{path.relative_to(ROOT)}: {len(rows)} renderings, {len(sizes)} statements "
        f"({len(multi)} with 2+ renderings, "
        f"{len(apart)} with renderings dated in different years)"
    )
    show("split (renderings)", Counter(r.get("split") for r in rows))
    show("split (statements)", Counter(next(iter(v)) for v in split_of.values()))
    show("lang", Counter(r.get("lang") for r in rows))
    show("speaker", Counter(r.get("speaker") for r in rows))
    print(f"  distinct URLs: {len({r.get('url') for r in rows})}")
    return set(split_of)


def check_originals(statements: set[str]) -> None:
    path = GROUPING / "originals.jsonl"
    rows = load(path)
    for n, r in enumerate(rows, 1):
        if not need(
            path,
            n,
            r,
            {
                "original_id": str,
                "speaker": str,
                "lang": str,
                "date": (str, type(None)),
                "text": str,
                "source": str,
            },
        ):
            continue
        if r["lang"] not in LANGS:
            err(path, n, f"lang {r['lang']!r}")
        if r["original_id"] not in statements:
            err(path, n, f"original_id {r['original_id']!r} is no statement in renderings.jsonl")
        if r["date"] is not None and not (len(r["date"]) == 10 and r["date"][4] == "-"):
            err(path, n, f"date {r['date']!r} is not YYYY-MM-DD")
        if not r["source"].startswith("http"):
            err(path, n, "source is not a URL")
    unique_ids(path, rows, "original_id")
    print(f"{path.relative_to(ROOT)}: {len(rows)} originals")
    show("lang", Counter(r.get("lang") for r in rows))


def check_speakers(
    name: str = "speakers.jsonl",
    seen: set[str] | None = None,
    split: str = "fresh",
    prefix: str = "t",
) -> set[str]:
    """Check a speakers file; with `seen` (URLs used in earlier speakers files) it is a blind
    set: split `split`, ids `prefix` + number, and none of those URLs (speakers_fresh.jsonl:
    "fresh", t001...; speakers_fresh2.jsonl: "fresh2", u001...)."""
    fresh = seen is not None
    path = GROUPING / name
    rows = load(path)
    for n, r in enumerate(rows, 1):
        if not need(
            path,
            n,
            r,
            {
                "id": str,
                "url": str,
                "passage": str,
                "quote": str,
                "speaker": str,
                "split": str,
                "title": str,
            },
        ):
            continue
        if r["title"] != r["title"].strip() or "\n" in r["title"]:
            err(path, n, "title is not one trimmed line")
        if not r["quote"].strip():
            err(path, n, "empty quote")
        elif r["quote"] not in r["passage"]:
            err(path, n, "quote not in passage")
        if r["split"] not in ({split} if fresh else SPLITS):
            err(path, n, f"split {r['split']!r}")
        if not r["url"].startswith("http"):
            err(path, n, "url is not a URL")
        if fresh and r["id"] != f"{prefix}{n:03d}":
            err(path, n, f"id should be {prefix}{n:03d}")
        if fresh and r["url"] in seen:
            err(path, n, f"url {r['url']} is already used in an earlier speakers file")
    unique_ids(path, rows)
    for i, r in enumerate([] if fresh else rows):
        # s001-s248: every third row is heldout; later rows (s249...) were added as tune only
        want = "heldout" if i % 3 == 2 and i < SPEAKERS_SPLIT_ROWS else "tune"
        if r.get("split") != want:
            err(path, i + 1, f"split should be {want}")
    n_urls = len({r.get("url") for r in rows})
    titled = {r.get("url") for r in rows if r.get("title")}
    print(f"{path.relative_to(ROOT)}: {len(rows)} quotes from {n_urls} URLs, {len(titled)} titled")
    by_url: dict[str, set] = {}
    for r in rows:
        by_url.setdefault(r.get("url"), set()).add(r.get("title"))
    for url, seen in by_url.items():
        if len(seen) > 1:
            err(path, 0, f"rows of {url} disagree on the title")
    show("split", Counter(r.get("split") for r in rows))
    spk = Counter(r.get("speaker") or "(none)" for r in rows)
    top = ", ".join(f"{k}={v}" for k, v in spk.most_common(12))
    print(f"  speakers: {len(spk)} distinct; top: {top}")
    return {r.get("url") for r in rows}


# the later blind sets, in the order they were collected: (file, split, id prefix); each is checked
# against every earlier file, statements and rendering texts alike
BLIND_SETS = (
    ("fresh2.jsonl", "fresh2", "g"),
    ("fresh3.jsonl", "fresh3", "h"),
    ("fresh4.jsonl", "fresh4", "i"),
    ("fresh5.jsonl", "fresh5", "j"),
    ("fresh6.jsonl", "fresh6", "k"),
    ("fresh7.jsonl", "fresh7", "m"),
)
SPEAKER_BLIND_SETS = (
    ("speakers_fresh2.jsonl", "fresh2", "u"),
    ("speakers_fresh3.jsonl", "fresh3", "v"),
    ("speakers_fresh4.jsonl", "fresh4", "w"),
    ("speakers_fresh5.jsonl", "fresh5", "x"),
    ("speakers_fresh6.jsonl", "fresh6", "y"),
    ("speakers_fresh7.jsonl", "fresh7", "z"),
)


def main() -> int:
    dev_statements = check_pairs()
    check_probes()
    statements = check_renderings()
    check_originals(statements)
    speaker_urls = check_speakers()
    if (GROUPING / "speakers_fresh.jsonl").exists():
        speaker_urls |= check_speakers("speakers_fresh.jsonl", seen=speaker_urls)
    for name, split, prefix in SPEAKER_BLIND_SETS:
        if (GROUPING / name).exists():
            speaker_urls |= check_speakers(name, seen=speaker_urls, split=split, prefix=prefix)
    seen = dev_statements | statements
    if (QUALITY / "fresh.jsonl").exists():
        seen |= check_pairs("fresh.jsonl", seen=dev_statements | statements)
    earlier: list[str] = []
    for name, split, prefix in BLIND_SETS:
        if (QUALITY / name).exists():
            seen |= check_pairs(
                name, seen=seen, split=split, prefix=prefix, seen_texts=earlier_texts(*earlier)
            )
        earlier.append(name)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
