"""A small synthetic corpus with several speakers, for comparing engines: each base statement is
rendered by several outlets with a word or two changed, as articles and as quotes-table rows."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

STATEMENTS = {
    "Sergei Lavrov": [
        ("We will move towards a {a} world order", ["multipolar", "just", "democratic"]),
        ("The sanctions against Russia are {a} and will fail", ["illegal", "unlawful", "futile"]),
    ],
    "Maria Zakharova": [
        ("Washington is {a} the conflict in Ukraine", ["fuelling", "prolonging", "escalating"]),
    ],
    "Wang Yi": [
        ("China and Russia have a {a} partnership", ["rock-solid", "strong", "firm"]),
        ("The Taiwan question is China's {a} affair", ["internal", "domestic", "own"]),
    ],
    "Wang Wenbin": [
        ("The United States should stop {a} China's development", ["suppressing", "containing"]),
    ],
}
OUTLETS = ["reuters.com", "apnews.com", "bbc.co.uk"]


def write_corpus(root: Path) -> list[Path]:
    """Articles (one per outlet and speaker) in root/articles, quotes-table rows in
    root/tables/quotes.jsonl.gz; returns the input paths."""
    articles = root / "articles"
    tables = root / "tables"
    articles.mkdir(parents=True)
    tables.mkdir()
    rows = []
    for s, (speaker, said) in enumerate(STATEMENTS.items()):
        for o, outlet in enumerate(OUTLETS):
            sentences = []
            for template, words in said:
                text = template.format(a=words[o % len(words)])
                sentences.append(f'{speaker} said on Tuesday: "{text}." He spoke in Moscow.')
                rows.append(
                    {
                        "quote": text + ".",
                        "speaker": speaker,
                        "outlet": outlet,
                        "date": f"2022-03-{10 + s:02d}",
                    }
                )
            body = "\n\n".join(sentences)
            (articles / f"{outlet.split('.')[0]}-{s}.txt").write_text(
                f"{speaker.upper()} ON TUESDAY\n\nMOSCOW, March {10 + s}, 2022 ({outlet}) - "
                f"{body}\n",
                encoding="utf-8",
            )
    with gzip.open(tables / "quotes.jsonl.gz", "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    # the same doc_id in two files: the second is a failure under either engine
    (tables / "dup.jsonl").write_text(
        json.dumps({"doc_id": "reuters-0", "text": "A short note without quotes."}) + "\n",
        encoding="utf-8",
    )
    return [articles, tables]
