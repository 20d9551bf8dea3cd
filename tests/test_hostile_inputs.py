"""Hostile inputs beside one good article: each ends in one line, the batch goes on, outputs stay
readable and agree with run.json."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import drift
from drift.cli import main

GOOD = "“We will move towards a multipolar world order,” Lavrov said on Wednesday.\n"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    _, err = capsys.readouterr()
    return int(info.value.code or 0), err


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(path.read_text(encoding="utf-8")), keep_default_na=False)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_99f9fb71699d4a1e.txt", "002_90c0f897fc44dbd9.txt"):
        shutil.copy(seeds_dir / name, folder / name)
    return folder


def test_file_names_with_control_bytes_and_formulas_keep_csvs_whole(
    corpus: Path, tmp_path: Path, capsys
) -> None:
    raw = os.fsencode(corpus) + b"/bad\xff\r=1+1.txt"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    out = tmp_path / "out"
    code, err = run_cli(["run", str(corpus), "-o", str(out), "-q", "--embedder", "none"], capsys)
    assert code == 0, err
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    quotes = read_csv(out / "quotes.csv")
    assert len(quotes) == meta["counts"]["quotes"]
    bad = [d for d in quotes["doc_id"] if d.startswith("bad")]
    assert bad and all("\\xff" in d for d in bad)
    for cell in quotes.to_numpy().ravel():
        assert not str(cell).lstrip().startswith(("=", "+", "@"))
    assert len(read_csv(out / "groups.csv")) >= 1


def test_a_file_whose_encoding_changes_mid_way_is_one_failure(
    corpus: Path, tmp_path: Path, capsys
) -> None:
    (corpus / "mixed.txt").write_bytes(GOOD.encode() + "Лавров сказал «да»".encode("cp1251"))
    code, err = run_cli(["quotes", str(corpus), "-o", str(tmp_path / "q.csv")], capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if "mixed.txt" in line]
    assert len(lines) == 1 and "encoding changes mid-file" in lines[0]
    assert len(read_csv(tmp_path / "q.csv")) > 0


def test_an_unreadable_subdirectory_is_reported(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, err = run_cli(["quotes", str(corpus), "-o", str(tmp_path / "q.csv")], capsys)
    assert code == 1
    assert f"drift: {locked}: cannot read this directory (permission denied)" in err


def test_markup_inside_quotes_is_escaped_in_the_report(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    texts = [
        f"“We will move towards a multipolar world order {hostile},” Lavrov said.",
        f"“We will move towards a strong world order {hostile},” Lavrov said.",
    ]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    html = drift.run([tmp_path], embedder=None, backend="lexicon", cache=False).to_html()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_a_huge_quote_reaches_the_embedder_cut_to_the_stated_length() -> None:
    import numpy as np

    from drift.embed.base import MAX_EMBED_CHARS
    from drift.embed.e5 import E5Embedder

    seen: list[int] = []

    class Model:
        def query(self, texts):
            seen.extend(len(t) for t in texts)
            return np.ones((len(texts), 384), dtype=np.float32)

    embedder = E5Embedder()
    embedder.__dict__["_model"] = Model()
    vectors = embedder.encode(["the world order " * 20000, "short"])
    assert vectors.shape == (2, 384)
    assert seen == [MAX_EMBED_CHARS, len("short")]
