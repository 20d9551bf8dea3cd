"""Streamed inputs: compressed JSON lines, Parquet tables and Quotebank dumps, read a row at a
time, each bad row or file one failure that names it while the rest of the batch is read."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from drift.corpus import iter_inputs, read_corpus
from drift.records import Failure, Quote

LAVROV = "We will move towards a multipolar, just, democratic world order."
ARTICLE = (
    'MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Wednesday: "We will move '
    'towards a multipolar world order." He spoke in Tunxi, China, at a meeting on Afghanistan.'
)


def quotebank_rows() -> list[dict]:
    """Rows in the published Quotebank quotation-centric shape (Vaucher et al., WSDM 2021; Zenodo
    record 4277311): every field name and value type follows the format, with `speaker` "None"
    for an unattributed quotation and `probas` as [name, probability-as-text] pairs."""
    return [
        {
            "quoteID": "2022-03-30-000123",
            "quotation": LAVROV,
            "speaker": "Sergey Lavrov",
            "qids": ["Q290337"],
            "date": "2022-03-30 12:33:00",
            "numOccurrences": 2,
            "probas": [["Sergey Lavrov", "0.8412"], ["None", "0.1588"]],
            "urls": ["https://www.reuters.com/world/lavrov-tunxi", "https://tass.com/1"],
            "phase": "E",
        },
        {
            "quoteID": "2022-03-31-000045",
            "quotation": "we are moving to a just and democratic multipolar world",
            "speaker": "Sergei Lavrov",  # another spelling of the same QID
            "qids": ["Q290337"],
            "date": "2022-03-31 08:00:00",
            "numOccurrences": 1,
            "probas": [["Sergei Lavrov", "0.77"], ["None", "0.23"]],
            "urls": ["http://www.aljazeera.com/news/2022/3/31/lavrov"],
            "phase": "E",
        },
        {
            "quoteID": "2022-03-31-000046",
            "quotation": "this is a quotation nobody was credited with",
            "speaker": "None",
            "qids": [],
            "date": "2022-03-31 09:00:00",
            "numOccurrences": 1,
            "probas": [["None", "0.9"], ["Wang Yi", "0.1"]],
            "urls": ["https://example.com/a"],
            "phase": "E",
        },
    ]


def write_lines(path: Path, lines: list[str], opener=open) -> Path:
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write("".join(f"{line}\n" for line in lines))
    return path


def test_quotebank_bz2_streams_to_quotes_keyed_on_qid(tmp_path: Path) -> None:
    rows = quotebank_rows()
    path = write_lines(tmp_path / "quotes-2022.json.bz2", [json.dumps(r) for r in rows], bz2.open)
    corpus = read_corpus([tmp_path])
    assert corpus.failures == () and corpus.documents == ()
    quotes = corpus.quotes
    assert [q.text for q in quotes] == [r["quotation"] for r in rows]
    # one QID, one name: both spellings show (and key) as the first one read
    assert [q.speaker for q in quotes] == ["Sergey Lavrov", "Sergey Lavrov", ""]
    assert quotes[0] == Quote(
        quote_id="quotes-2022:1:1",
        doc_id="quotes-2022:1",
        text=LAVROV,
        start=0,
        end=len(LAVROV),
        speaker="Sergey Lavrov",
        outlet="reuters.com",
        date="2022-03-30",
        url="https://www.reuters.com/world/lavrov-tunxi",
        lang="en",
    )
    assert str(path).endswith(".json.bz2")


def test_quotebank_speaker_from_probas_when_speaker_missing(tmp_path: Path) -> None:
    row = dict(quotebank_rows()[0], speaker="", qids=[])
    row["probas"] = [["Maria Zakharova", "0.6"], ["None", "0.4"]]
    path = write_lines(tmp_path / "qb.jsonl", [json.dumps(row)])
    (quote,) = read_corpus([path]).quotes
    assert quote.speaker == "Maria Zakharova"


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.bz2", ".jsonl.zst"])
def test_compressed_jsonl_gives_the_plain_files_records(tmp_path: Path, suffix: str) -> None:
    lines = [json.dumps({"doc_id": "a1", "text": ARTICLE}), "{not json", json.dumps([1])]
    plain = write_lines(tmp_path / "plain.jsonl", lines)
    data = plain.read_bytes()
    packed = tmp_path / "packed" / f"feed{suffix}"
    packed.parent.mkdir()
    if suffix.endswith(".gz"):
        packed.write_bytes(gzip.compress(data))
    elif suffix.endswith(".bz2"):
        packed.write_bytes(bz2.compress(data))
    else:
        zstandard = pytest.importorskip("zstandard")
        packed.write_bytes(zstandard.ZstdCompressor().compress(data))
    want = read_corpus([plain])
    got = read_corpus([packed.parent])
    assert [d.text for d in got.documents] == [d.text for d in want.documents]
    assert [(f.line, f.problem) for f in got.failures] == [
        (2, want.failures[0].problem),
        (3, want.failures[1].problem),
    ]
    assert all(f.path == str(packed) for f in got.failures)


def test_damaged_compressed_file_is_one_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write_lines(tmp_path / "good.jsonl", [json.dumps({"doc_id": "ok", "text": ARTICLE})])
    data = gzip.compress(
        (
            "\n".join(json.dumps({"doc_id": f"d{i}", "text": ARTICLE}) for i in range(200)) + "\n"
        ).encode()
    )
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(data[: len(data) // 2])  # cut mid-stream, as a failed copy leaves it
    records = list(iter_inputs([broken, good]))
    failures = [r for r in records if isinstance(r, Failure)]
    assert len(failures) == 1 and failures[0].path == str(broken)
    assert "compressed data is damaged" in failures[0].problem and failures[0].line
    assert "\n" not in str(failures[0])
    assert records[-1].doc_id == "ok"  # the next file is still read


def test_zst_without_zstandard_names_file_and_extra(tmp_path: Path, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "zstandard", None)  # import fails as if not installed
    path = tmp_path / "feed.jsonl.zst"
    path.write_bytes(b"\x28\xb5\x2f\xfd")
    (failure,) = read_corpus([path]).failures
    assert failure.path == str(path)
    assert "zstandard" in failure.problem and "drift[zstd]" in failure.problem


def test_line_above_the_limit_is_skipped_and_named(tmp_path: Path) -> None:
    long_row = json.dumps({"doc_id": "big", "text": ARTICLE * 100})
    path = write_lines(
        tmp_path / "t.jsonl", [long_row, json.dumps({"doc_id": "small", "text": ARTICLE})]
    )
    corpus = read_corpus([path], max_bytes=4096)
    assert [d.doc_id for d in corpus.documents] == ["small"]
    (failure,) = corpus.failures
    assert failure.line == 1 and "longer than 4,096 bytes" in failure.problem


def test_parquet_rows_are_records_and_bad_rows_are_named(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = quotebank_rows()
    table = pa.Table.from_pylist([*rows, {**rows[0], "quotation": ""}])
    path = tmp_path / "quotes.parquet"
    pq.write_table(table, path)
    corpus = read_corpus([tmp_path])
    assert [q.speaker for q in corpus.quotes] == ["Sergey Lavrov", "Sergey Lavrov", ""]
    assert corpus.failures == (Failure(str(path), "empty 'quotation'", 4),)
    (bad,) = read_corpus([write_lines(tmp_path / "x.parquet", ["not parquet"])]).failures
    assert bad.path.endswith("x.parquet") and "not a readable Parquet file" in bad.problem
