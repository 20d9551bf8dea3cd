"""`--format parquet`: the large tables as Parquet, published with the set like the CSVs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import pytest
from engine_corpus import write_corpus

import drift
from drift.cli import main
from drift.errors import MissingDependencyError, UsageError
from drift.report.parquet import check_format, parquet_bytes

pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def alignment(tmp_path_factory: pytest.TempPathFactory) -> drift.api.Alignment:
    paths = write_corpus(tmp_path_factory.mktemp("corpus"))
    return drift.align_quotes(paths, embedder=None, progress=False)


def test_tables_round_trip_and_switching_format_leaves_no_stale_names(
    alignment, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    alignment.save(out, format="parquet")
    for name in ("groups", "divergences"):
        back = pd.read_parquet(out / f"{name}.parquet")
        frame = getattr(alignment, name)
        assert list(back.columns) == list(frame.columns) and len(back) == len(frame) > 0
        assert back["group_id"].tolist() == frame["group_id"].tolist()
    alignment.save(out)  # back to CSV in the same folder
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "divergences.csv",
        "groups.csv",
    ]


def test_cli_quotes_as_parquet(tmp_path: Path, capsys) -> None:
    paths = write_corpus(tmp_path / "in")
    target = tmp_path / "quotes.parquet"
    with pytest.raises(SystemExit) as done:
        main(["quotes", *map(str, paths), "-o", str(target), "--format", "parquet", "-q"])
    assert done.value.code == 1  # the duplicate doc_id of the corpus
    capsys.readouterr()
    quotes = pd.read_parquet(target)
    assert len(quotes) == 36 and set(quotes["speaker"]) >= {"Sergei Lavrov", "Wang Yi"}


def test_undecodable_file_name_bytes_are_escaped_not_fatal() -> None:
    frame = pd.DataFrame({"doc_id": ["caf\udce9"], "n": [1]}, dtype=object)
    back = pd.read_parquet(io.BytesIO(parquet_bytes(frame)))
    assert back["doc_id"].tolist() == ["caf\\xe9"]


def test_unknown_format_and_missing_pyarrow_say_what_to_do(monkeypatch) -> None:
    with pytest.raises(UsageError, match="choose csv or parquet"):
        check_format("xlsx")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match=r"drift\[parquet\]"):
        check_format("parquet")
