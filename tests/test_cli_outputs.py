"""Outputs are checked before any work, and a run that processed nothing replaces nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import GOOD, drift_cli


def test_nothing_processed_leaves_earlier_results_byte_identical(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = {"groups.csv": b"group_id\ng001\n", "divergences.csv": b"group_id\ng001\n"}
    for name, data in before.items():
        (out / name).write_bytes(data)
    quotes_csv = out / "quotes.csv"
    quotes_csv.write_bytes(b"quote_id\nq1\n")
    code, _, err = drift_cli(["align", str(tmp_path / "missing"), "-o", str(out), "-q"], capsys)
    assert code == 2, err
    code, _, err = drift_cli(["quotes", str(tmp_path / "missing"), "-o", str(quotes_csv)], capsys)
    assert code == 2, err
    assert {name: (out / name).read_bytes() for name in before} == before
    assert quotes_csv.read_bytes() == b"quote_id\nq1\n"


@pytest.mark.parametrize("command", ["run", "align"])
def test_an_output_in_the_way_fails_in_one_line_before_reading_input(
    tmp_path: Path, command: str, capsys
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out, err = drift_cli([command, str(article), "-o", str(blocker), "-q"], capsys)
    assert code == 2
    assert err.strip() == f"drift: {blocker}: is a file, not a directory; choose another -o"
    assert "Traceback" not in err and not out


def test_a_directory_where_a_report_file_goes_is_refused_up_front(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    (out / "groups.csv").mkdir(parents=True)
    code, _, err = drift_cli(["run", str(article), "-o", str(out), "-q"], capsys)
    assert code == 2
    assert "groups.csv: is a directory where drift writes a file" in err
    assert not (out / "quotes.csv").exists()


def test_quotes_output_that_is_a_directory_is_refused(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    code, _, err = drift_cli(["quotes", str(article), "-o", str(tmp_path)], capsys)
    assert code == 2
    assert "is a directory, not a file" in err
