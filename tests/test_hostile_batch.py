"""The hostile-input suite: each case sits in a batch beside one good article, ends in one stderr
line, and the batch goes on (the good article's quote is written). Every case must finish well
inside a generous bound (an alarm), so a quadratic stage fails the test instead of hanging it."""

from __future__ import annotations

import io
import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from drift.cli import main
from drift.corpus.limits import MAX_ARTICLE_CHARS
from drift.quotes.bounds import MAX_CONTEXT_CHARS, MAX_QUOTE_CHARS, MAX_QUOTE_MARKS

GOOD = "“We will move towards a multipolar world order,” Lavrov said on Wednesday.\n"
BOUND_S = 60  # generous: each case takes a few seconds on two shared cores


@contextmanager
def finishes_within(seconds: int) -> Iterator[None]:
    """Fail (rather than hang) when the block runs longer than `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def quotes_batch(folder: Path, tmp_path: Path, capsys, *extra: str) -> tuple[int, list[str], Path]:
    """`drift quotes` on `folder` (which holds good.txt); exit code, stderr lines, quotes.csv."""
    out = tmp_path / "quotes.csv"
    with finishes_within(BOUND_S), pytest.raises(SystemExit) as info:
        main(["quotes", str(folder), "-o", str(out), *extra])
    err = capsys.readouterr().err
    return int(info.value.code or 0), err.splitlines(), out


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(path.read_text(encoding="utf-8")), keep_default_na=False)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def one_failure(code: int, lines: list[str], name: str) -> str:
    """The one stderr line about `name`, after checking the batch went on (exit 1)."""
    found = [line for line in lines if name in line]
    assert code == 1, lines
    assert len(found) == 1, lines
    return found[0]


def good_was_written(out: Path) -> None:
    assert "multipolar world order" in " ".join(read_csv(out)["text"])


def _marks(kind: str) -> str:
    """One paragraph of a million quote marks."""
    unit = {"straight": '"a"', "curly": "“a”", "mixed": '“a"«a’', "unbalanced": "“"}[kind]
    return "Lavrov said " + unit * (1_000_000 // sum(c in '"“”«’' for c in unit)) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["straight", "curly", "mixed", "unbalanced"])
def test_a_million_quote_marks_in_one_paragraph(batch: Path, tmp_path: Path, capsys, kind) -> None:
    (batch / "marks.txt").write_text(_marks(kind), encoding="utf-8")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    line = one_failure(code, lines, "marks.txt")
    assert f"more than the {MAX_QUOTE_MARKS:,} an article may hold" in line
    good_was_written(out)


def test_quote_extraction_is_linear_in_one_paragraph() -> None:
    """40,000 quote pairs in one paragraph took 97 s when every quote re-read its paragraph."""
    from drift.quotes import extract_quotes
    from drift.records import Document

    text = "Lavrov said " + "“a,” he said, “b” " * 20_000 + "\n"
    with finishes_within(BOUND_S):
        quotes = extract_quotes(Document(doc_id="d", text=text, lang="en"))
    assert len(quotes) == 40_000


def test_a_paragraph_of_many_hard_wrapped_lines_is_read_in_linear_time() -> None:
    """Each wrapped line used to re-read the paragraph so far: 80,000 lines took 5 s."""
    from drift.quotes import extract_quotes
    from drift.records import Document

    text = "Lavrov said\n" + "we\n" * 400_000 + "“a,” he said.\n"
    with finishes_within(BOUND_S):
        quotes = extract_quotes(Document(doc_id="d", text=text, lang="en"))
    assert [q.text for q in quotes] == ["a,"]


def test_too_many_quotes_is_one_failure(batch: Path, tmp_path: Path, capsys) -> None:
    (batch / "many.txt").write_text("Lavrov said " + "“ab” " * 5_000 + "\n", encoding="utf-8")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "an article may hold" in one_failure(code, lines, "many.txt")
    good_was_written(out)


def test_a_file_above_the_size_limit_is_skipped_unread(batch: Path, tmp_path: Path, capsys):
    with open(batch / "huge.txt", "wb") as handle:  # sparse: 50 MB and one byte, never read
        handle.truncate(50 * 1024 * 1024 + 1)
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "above the 50 MB limit (--max-size)" in one_failure(code, lines, "huge.txt")
    good_was_written(out)


def test_an_article_above_the_length_limit_is_skipped(batch: Path, tmp_path: Path, capsys):
    (batch / "long.txt").write_text("word " * (MAX_ARTICLE_CHARS // 5 + 1), encoding="utf-8")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    line = one_failure(code, lines, "long.txt")
    assert f"above the {MAX_ARTICLE_CHARS / 1e6:g} M an article may hold" in line
    good_was_written(out)


def test_a_ten_megabyte_jsonl_row(batch: Path, tmp_path: Path, capsys) -> None:
    rows = [{"doc_id": "huge", "text": "“a” said Lavrov. " * 600_000}, {"text": GOOD}]
    with open(batch / "rows.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    assert (batch / "rows.jsonl").stat().st_size > 10_000_000
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "an article may hold" in one_failure(code, lines, "rows.jsonl:1")
    assert len(read_csv(out)) == 2  # good.txt and the second row


def test_ten_thousand_deep_html(batch: Path, tmp_path: Path, capsys) -> None:
    page = "<html><body>" + "<div>" * 10_000 + f"<p>{GOOD}</p>" + "</div>" * 10_000
    (batch / "deep.html").write_text(page + "</body></html>", encoding="utf-8")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    if code == 1:  # lxml refuses the depth: one line; else the text was found
        one_failure(code, lines, "deep.html")
    else:
        assert code == 0 and len(read_csv(out)) == 2
    good_was_written(out)


@pytest.mark.parametrize("where", [0, 100_000])
def test_nul_bytes(batch: Path, tmp_path: Path, capsys, where: int) -> None:
    data = (GOOD * 2000).encode()
    (batch / "nul.txt").write_bytes(data[:where] + b"\x00\x00" + data[where:])
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "NUL" in one_failure(code, lines, "nul.txt")
    good_was_written(out)


def test_nul_characters_in_a_jsonl_row(batch: Path, tmp_path: Path, capsys) -> None:
    (batch / "rows.jsonl").write_text(json.dumps({"text": "a\u0000b " + GOOD}) + "\n")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "NUL" in one_failure(code, lines, "rows.jsonl:1")
    good_was_written(out)


def test_a_symlink_loop_in_the_input_directory(batch: Path, tmp_path: Path, capsys) -> None:
    (batch / "sub").mkdir()
    os.symlink("..", batch / "sub" / "up")
    os.symlink("self.txt", batch / "self.txt")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "symbolic link loop" in one_failure(code, lines, "up")
    assert "symbolic link loop" in one_failure(code, lines, "self.txt")
    good_was_written(out)


def test_file_names_with_newlines_and_other_scripts(batch: Path, tmp_path: Path, capsys):
    (batch / "Лавров 王毅.txt").write_text(GOOD.replace("multipolar", "strong"), "utf-8")
    (batch / "two\nlines.txt").write_text(GOOD.replace("multipolar", "fair"), "utf-8")
    (batch / "empty\r\nname.txt").write_text("", "utf-8")
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    line = one_failure(code, lines, "name.txt")
    assert "empty\\r\\nname.txt: empty file" in line
    ids = set(read_csv(out)["doc_id"])
    assert {"good", "Лавров 王毅", "two\nlines"} <= ids


def test_an_unreadable_file(batch: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    locked = batch / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real: Callable[[Path], bytes] = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":  # chmod 000 does not stop root: refuse here instead
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, lines, out = quotes_batch(batch, tmp_path, capsys)
    assert "cannot read: Permission denied" in one_failure(code, lines, "locked.txt")
    good_was_written(out)


@pytest.mark.slow
def test_a_one_megabyte_quote_in_two_articles(batch: Path, tmp_path: Path, capsys) -> None:
    words = "the world order must be just and democratic " * 23_000  # a megabyte
    for name in ("big1.txt", "big2.txt"):
        (batch / name).write_text(f"Lavrov said: “{words}”\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(batch), "-o", str(out), "-q", "--embedder", "none", "--backend", "lexicon"]
    with finishes_within(2 * BOUND_S), pytest.raises(SystemExit) as info:
        main([*args, "--no-cache"])
    assert info.value.code == 0, capsys.readouterr().err
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert any(f"cut to their first {MAX_QUOTE_CHARS:,}" in note for note in meta["notes"])
    quotes = read_csv(out / "quotes.csv")
    assert quotes["text"].str.len().max() <= MAX_QUOTE_CHARS
    assert quotes["context"].str.len().max() <= MAX_CONTEXT_CHARS
    assert len(quotes) == meta["counts"]["quotes"] == 3
