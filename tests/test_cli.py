"""The `drift` command as a user meets it: help, exit codes, one-line errors naming the file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from drift.cli import main

GOOD = "“We will move towards a multipolar world order,” Lavrov said on Wednesday.\n"


def drift_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the real entry point; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (0 if code is None else int(code)), out, err


def test_help_explains_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift_cli(["--help"], capsys)
    assert code == 0
    for command in ("run", "quotes", "align", "translate", "models"):
        assert command in out


def test_quotes_on_seeds_prints_a_table(seeds_dir: Path, capsys) -> None:
    code, out, err = drift_cli(["quotes", str(seeds_dir), "-q"], capsys)
    assert code == 0, err
    assert "Sergei Lavrov" in out
    assert "Wang Yi" in out


def test_quotes_writes_csv_atomically(tmp_path: Path, seed_paths, capsys) -> None:
    out_csv = tmp_path / "out" / "quotes.csv"
    code, _, err = drift_cli(["quotes", str(seed_paths["000"]), "-o", str(out_csv)], capsys)
    assert code == 0, err
    header = out_csv.read_text(encoding="utf-8").splitlines()[0]
    assert header == "quote_id,doc_id,outlet,date,url,speaker,kind,text,start,end,context,lang"
    assert not [p for p in out_csv.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe" * 200, "binary"),
        ("broken.jsonl", b'{"text": "fine article text here."}\n{not json\n', "JSON"),
        ("rows.csv", b'doc_id,text\na,"One fine article."\nb,"two",extra,fields\n', "fields"),
    ],
)
def test_bad_input_is_one_line_and_the_rest_is_processed(
    tmp_path: Path, name: str, content: bytes | None, problem: str, capsys
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    out_csv = tmp_path / "quotes.csv"
    code, _, err = drift_cli(["quotes", str(good), str(bad), "-o", str(out_csv)], capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith(f"drift: {bad}")]
    assert len(lines) == 1, err
    assert problem.lower() in lines[0].lower()
    assert "multipolar world order" in out_csv.read_text(encoding="utf-8")


def test_malformed_jsonl_line_is_named_by_number(tmp_path: Path, capsys) -> None:
    table = tmp_path / "articles.jsonl"
    rows = [json.dumps({"doc_id": "a", "text": GOOD}), "{oops", json.dumps({"doc_id": "b"})]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _, err = drift_cli(["quotes", str(table), "-o", str(tmp_path / "q.csv")], capsys)
    assert code == 1
    assert f"drift: {table}:2: " in err
    assert f"drift: {table}:3: " in err


def test_file_above_size_limit(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 20000, encoding="utf-8")  # ~1.5 MB
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, _, err = drift_cli(
        ["quotes", str(big), str(good), "--max-size", "1", "-o", str(tmp_path / "q.csv")], capsys
    )
    assert code == 1
    assert f"drift: {big}: " in err and "limit" in err


def test_nothing_processable_exits_2(tmp_path: Path, capsys) -> None:
    code, _, err = drift_cli(["quotes", str(tmp_path / "nope.txt")], capsys)
    assert code == 2
    assert "nope.txt" in err


def test_unknown_backend_is_a_usage_error(capsys) -> None:
    code, _, err = drift_cli(["translate", "hello", "--backend", "babelfish"], capsys)
    assert code == 2
    assert "babelfish" in err and "lexicon" in err


def test_align_writes_groups_and_divergences(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = drift_cli(["align", str(seeds_dir), "-o", str(tmp_path), "-q"], capsys)
    assert code == 0, err
    groups = (tmp_path / "groups.csv").read_text(encoding="utf-8")
    divergences = (tmp_path / "divergences.csv").read_text(encoding="utf-8")
    assert groups.startswith("group_id,quote_id,doc_id,outlet,speaker,rendering,confidence")
    assert divergences.startswith("group_id,doc_a,doc_b,span_a,span_b,kind,context_a,context_b")
    assert "multipolar,strong,substitution" in divergences


def test_align_reads_a_quotes_table(tmp_path: Path, capsys) -> None:
    rows = [
        ("tass", "we will move together with you, together with our other like-minded people, "
         "towards a multipolar, just, democratic world order"),
        ("et", "we, together with you, and with our sympathisers will move towards a multipolar, "
         "just, democratic world order"),
        ("afp", "we, along with you and our supporters, will move towards a strong, just and "
         "democratic world order"),
    ]  # fmt: skip
    table = tmp_path / "quotes.jsonl"
    table.write_text(
        "".join(
            json.dumps({"quote": q, "speaker": "Sergey Lavrov", "doc_id": d, "date": "2022-03-30"})
            + "\n"
            for d, q in rows
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = drift_cli(["align", str(table), "-o", str(out), "-q"], capsys)
    assert code == 0, err
    with (out / "divergences.csv").open(encoding="utf-8") as handle:
        pairs = {frozenset((row["span_a"], row["span_b"])) for row in csv.DictReader(handle)}
    assert frozenset({"multipolar", "strong"}) in pairs
    assert frozenset({"sympathisers", "supporters"}) in pairs


def test_run_writes_every_report_and_summarizes(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "reports"
    args = [
        "run",
        str(seeds_dir),
        "--originals",
        str(seeds_dir / "originals.jsonl"),
        "-o",
        str(out),
    ]
    options = ["--backend", "lexicon", "--no-cache", "--report-statements", "1"]
    code, stdout, err = drift_cli([*args, *options], capsys)
    assert code == 0, err
    names = {"quotes.csv", "groups.csv", "divergences.csv", "report.html", "run.json"}
    assert names <= {p.name for p in out.iterdir()}
    page = (out / "report.html").read_text(encoding="utf-8")
    assert (
        page.count("<section class='group'") == 1
        and "the 1 statement with the largest drift" in page
    )
    summary = stdout.splitlines()[1:6]
    assert any("“multipolar”" in line and "“strong”" in line for line in summary), stdout


def test_models_list_and_a_missing_models_path(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DRIFT_MODELS_DIR", str(tmp_path))
    code, out, _ = drift_cli(["models", "list"], capsys)
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("opus-mt-en-ru "))
    assert "b3e725abcf85" in row and "missing" in row  # the pinned commit, shortened
    code, _, err = drift_cli(["models", "path", "opus-mt-en-ru"], capsys)
    assert code == 2
    assert "drift models pull opus-mt-en-ru" in err


def test_translate_with_a_local_model_int8_and_fp32(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DRIFT_MODELS_DIR", str(models_dir))
    texts = ["a multipolar world order", "like-minded people"]
    for precision in ([], ["--no-quantize"]):
        args = ["translate", *texts, "--backend", "marian", "--no-cache", *precision]
        code, out, err = drift_cli(args, capsys)
        assert code == 0, err
        assert len(out.splitlines()) == len(texts)
