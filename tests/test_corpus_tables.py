"""JSONL and CSV tables: articles, ready quotes tables (Quotebank names) and originals tables."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from drift.corpus import iter_inputs, read_corpus, read_originals
from drift.records import Original, Quote

LAVROV = (
    "We, together with you and with our sympathisers, will move towards a multipolar, just, "
    "democratic world order, Lavrov said at the start of the talks in Tunxi."
)


def write_jsonl(path: Path, rows: list[object | str]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_articles_with_metadata_and_line_ids(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {"text": LAVROV, "outlet": "TASS", "date": "2022-03-30T10:00:00Z", "title": "Talks"},
            "",
            {"doc_id": "rt-1", "text": LAVROV, "url": "https://www.rt.com/news/552"},
        ],
    )
    first, second = read_corpus([path]).documents
    assert (first.doc_id, first.line, first.outlet, first.date) == (
        "articles:1",
        1,
        "TASS",
        "2022-03-30",
    )
    assert (first.title, first.lang, first.path) == ("Talks", "en", str(path))
    assert first.text == LAVROV
    assert (second.doc_id, second.line, second.outlet) == ("rt-1", 3, "rt.com")


def test_csv_articles_use_the_physical_line_as_id(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        "outlet,date,text\n"
        f'Reuters,"March 30, 2022","{LAVROV}"\n'
        f'AP,2022-03-31,"First paragraph of the wire story about the talks.\n\n{LAVROV}"\n'
        f"BBC,,{LAVROV.replace(',', '')}\n",
        encoding="utf-8",
    )
    docs = read_corpus([path]).documents
    assert [d.doc_id for d in docs] == ["feed:2", "feed:3", "feed:6"]
    assert [d.outlet for d in docs] == ["Reuters", "AP", "BBC"]
    assert [d.date for d in docs] == ["2022-03-30", "2022-03-31", ""]
    assert docs[1].text.endswith(LAVROV) and "\n\n" in docs[1].text


def test_quotebank_rows_are_ready_quotes(tmp_path: Path) -> None:
    text = "we will move towards a multipolar, just, democratic world order"
    path = write_jsonl(
        tmp_path / "quotebank.jsonl",
        [
            {
                "quoteID": "2022-03-30-000123",
                "quotation": text,
                "speaker": "Sergey Lavrov",
                "date": "2022-03-30 12:33:00",
                "urls": ["https://www.reuters.com/world/lavrov-tunxi", "https://tass.com/1"],
                "numOccurrences": 2,
            }
        ],
    )
    corpus = read_corpus([path])
    assert corpus.documents == () and corpus.failures == ()
    assert corpus.quotes == (
        Quote(
            quote_id="quotebank:1:1",
            doc_id="quotebank:1",
            text=text,
            start=0,
            end=len(text),
            speaker="Sergey Lavrov",
            outlet="reuters.com",
            date="2022-03-30",
            url="https://www.reuters.com/world/lavrov-tunxi",
            lang="en",
        ),
    )


def test_quotes_csv_with_context_and_shared_doc_id(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(
        "doc_id,quote,speaker,outlet,context\n"
        'tass-1,"a multipolar, just, democratic world order",Lavrov,TASS,"Lavrov said so."\n'
        'tass-1,"new tests",Wang Yi,TASS,\n',
        encoding="utf-8",
    )
    quotes = read_corpus([path]).quotes
    assert [q.quote_id for q in quotes] == ["tass-1:1", "tass-1:2"]
    assert quotes[0].context == "Lavrov said so." and quotes[0].speaker == "Lavrov"
    assert quotes[1].text == "new tests" and quotes[1].end == len("new tests")


def test_seed_originals_table(seeds_dir: Path) -> None:
    originals, failures = read_originals(seeds_dir / "originals.jsonl")
    assert failures == []
    assert len(originals) == 4 and all(isinstance(o, Original) for o in originals)
    by_id = {o.original_id: o for o in originals}
    assert by_id["wangyi-2022-03-30-tunxi"].lang == "zh"
    assert by_id["wangyi-2022-03-30-tunxi"].date == "2022-03-30"
    assert by_id["term-renlei-mingyun-gongtongti"].date == ""  # null in the file
    assert by_id["term-renlei-mingyun-gongtongti"].text == "人类命运共同体"


def test_originals_csv_and_rows_that_are_not_originals(tmp_path: Path) -> None:
    path = tmp_path / "originals.csv"
    path.write_text(
        "original_id,speaker,lang,date,text\n"
        "lavrov-1,Sergei Lavrov,ru,2022-03-30,Мы движемся к справедливому миропорядку.\n"
        "lavrov-1,Sergei Lavrov,ru,2022-03-30,Повтор.\n",
        encoding="utf-8",
    )
    originals, failures = read_originals(path)
    assert [o.original_id for o in originals] == ["lavrov-1"]
    assert originals[0].lang == "ru"
    assert [(f.line, "already used" in f.problem) for f in failures] == [(None, True)]
    articles = write_jsonl(tmp_path / "articles.jsonl", [{"text": LAVROV}])
    originals, failures = read_originals(articles)
    assert originals == [] and "original_id" in failures[0].problem and failures[0].line == 1


def test_mixed_directory_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(LAVROV, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"# Title\n\n{LAVROV}", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [{"quote": "a just world order", "speaker": "Lavrov"}])
    kinds = [(type(r).__name__, getattr(r, "doc_id", "")) for r in iter_inputs([tmp_path])]
    assert kinds == [("Document", "a"), ("Quote", "c:1"), ("Document", "z")]


def test_big_jsonl_is_streamed(tmp_path: Path) -> None:
    row = json.dumps({"quote": "x" * 20_000, "lang": "en", "speaker": "Lavrov"})
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join([row] * 500), encoding="utf-8")  # 10 MB
    tracemalloc.start()
    try:
        count = sum(1 for record in iter_inputs([path]) if isinstance(record, Quote))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 500
    assert peak < 2_000_000
