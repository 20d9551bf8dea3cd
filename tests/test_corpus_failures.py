"""Bad inputs become Failures with a clear problem; every other document is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drift.corpus import read_corpus
from drift.records import Failure

ARTICLE = (
    "Russian Foreign Minister Sergei Lavrov said the world will move towards a multipolar, "
    "just, democratic world order."
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def only_failure(paths: list[Path | str], good: Path, **kwargs: int) -> Failure:
    corpus = read_corpus([*paths, good], **kwargs)
    assert [doc.doc_id for doc in corpus.documents] == ["good"]
    (failure,) = corpus.failures
    return failure


def test_missing_path(tmp_path: Path, good: Path) -> None:
    failure = only_failure([tmp_path / "nope.txt"], good)
    assert failure == Failure(str(tmp_path / "nope.txt"), "no such file or directory")
    assert str(failure) == f"drift: {tmp_path / 'nope.txt'}: no such file or directory"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t"])
def test_empty_file(tmp_path: Path, good: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_failure([path], good) == Failure(str(path), "empty file")


def test_file_of_page_chrome_only(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_text("  • News\n  • Politics\nRead more: Other story\n", encoding="utf-8")
    assert "no article text left" in only_failure([path], good).problem


def test_binary_file(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20)
    assert only_failure([path], good).problem.startswith("binary file")


def test_undecodable_bytes(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "noise.md"
    path.write_bytes(bytes(range(1, 256)) * 4)
    failure = only_failure([path], good)
    assert "decode" in failure.problem or "binary" in failure.problem
    assert failure.line is None


def test_file_above_the_size_limit(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no disk used, never read
    failure = only_failure([path], good)
    assert failure == Failure(str(path), "file is 60 MB, above the 50 MB limit (--max-size)")
    small = only_failure([good.with_name("x.txt")], good, max_bytes=1024 * 1024)
    assert small.problem == "no such file or directory"


def test_custom_size_limit(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 20_000, encoding="utf-8")
    corpus = read_corpus([path], max_bytes=1024 * 1024)
    assert corpus.documents == ()
    assert corpus.failures[0].problem.endswith("above the 1 MB limit (--max-size)")


def test_unsupported_extension_named_explicitly(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    failure = only_failure([path], good)
    assert failure.problem.startswith("unsupported file type '.pdf'; expected one of .txt")


def test_directory_walk_skips_hidden_readme_license_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    corpus = read_corpus([tmp_path])
    assert [doc.doc_id for doc in corpus.documents] == ["a"]
    assert corpus.failures == ()


def test_malformed_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    lines = [
        json.dumps({"text": ARTICLE}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text field"}),
        json.dumps({"text": "   "}),
        json.dumps({"quotation": ""}),
        json.dumps({"doc_id": "ok", "text": ARTICLE}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    corpus = read_corpus([path])
    assert [doc.doc_id for doc in corpus.documents] == ["rows:1", "ok"]
    problems = [(f.line, f.problem) for f in corpus.failures]
    assert problems[0][0] == 2 and problems[0][1].startswith("invalid JSON: Unterminated string")
    assert problems[1:] == [
        (3, "expected a JSON object, got an array"),
        (4, "no 'text', 'quote', 'quotation' or 'original_id' field; a row needs one of them"),
        (5, "empty 'text'"),
        (6, "empty 'quotation'"),
    ]
    assert all(f.path == str(path) for f in corpus.failures)


def test_malformed_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        f'outlet,text\nTASS,"{ARTICLE}"\nRT,"{ARTICLE}",extra\nAP,\nBBC,"{ARTICLE}"\n',
        encoding="utf-8",
    )
    corpus = read_corpus([path])
    assert [doc.doc_id for doc in corpus.documents] == ["rows:2", "rows:5"]
    assert [(f.line, f.problem) for f in corpus.failures] == [
        (3, "row has 3 fields, the header has 2"),
        (4, "empty 'text'"),
    ]


def test_csv_without_a_usable_column_is_one_failure(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "stats.csv"
    path.write_text("outlet,count\nTASS,3\nRT,4\n", encoding="utf-8")
    failure = only_failure([path], good)
    assert failure.line is None
    assert failure.problem.startswith("no 'text', 'quote', 'quotation' or 'original_id' column")
    assert "(columns: outlet, count)" in failure.problem


def test_duplicate_doc_id_is_reported(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [doc.path for doc in corpus.documents] == [str(tmp_path / "a" / "same.txt")]
    (failure,) = corpus.failures
    assert failure.path == str(tmp_path / "b" / "same.txt")
    assert "doc_id 'same' is already used by" in failure.problem


def test_progress_bar_only_when_asked(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    read_corpus([good], progress=False)
    assert capsys.readouterr().err == ""
    read_corpus([good], progress=None)  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""
    read_corpus([good], progress=True)
    assert "1/1" in capsys.readouterr().err


def test_csv_row_with_an_oversized_field_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{"x" * 200_000}"\n"{ARTICLE}"\n', encoding="utf-8")
    corpus = read_corpus([path])
    assert [doc.doc_id for doc in corpus.documents] == ["long:3"]
    (failure,) = corpus.failures
    assert failure.line == 2 and "field larger than field limit" in failure.problem
