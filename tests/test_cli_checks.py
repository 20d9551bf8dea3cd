"""Option values are checked before any work, failed downloads and bad originals read as one
line, and the defaults a run assumes are written down."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer
from test_cli import drift_cli

from drift.cli import app

SENTENCE = "We will never accept these conditions imposed on our country by anyone at all."
FAST = ["--backend", "lexicon", "--embedder", "none", "--no-cache", "-q"]


def _quotes_table(folder: Path, speaker: str = "Ivan Petrovsky") -> Path:
    """Two outlets quoting one speaker with the same sentence: one group."""
    table = folder / "quotes.jsonl"
    rows = [{"quote": SENTENCE, "speaker": speaker, "doc_id": f"d{i}"} for i in range(2)]
    table.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return table


def test_the_default_source_language_is_noted_when_not_given(tmp_path: Path, capsys) -> None:
    table = _quotes_table(tmp_path)
    code, _, err = drift_cli(["run", str(table), "-o", str(tmp_path / "a"), *FAST], capsys)
    assert code == 0, err
    notes = json.loads((tmp_path / "a" / "run.json").read_text(encoding="utf-8"))["notes"]
    assert any("assumed 'ru'" in note for note in notes), notes
    assert "drift: note: 1 group(s)" in err
    args = ["run", str(table), "-o", str(tmp_path / "b"), "--source-lang", "ru", *FAST]
    code, _, err = drift_cli(args, capsys)
    assert code == 0, err
    assert json.loads((tmp_path / "b" / "run.json").read_text(encoding="utf-8"))["notes"] == []


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        ("run", "--source-lang", "de", "unknown --source-lang 'de'; choose ru or zh"),
        ("run", "--device", "tpu", "unknown --device 'tpu'; use auto, cpu, cuda or cuda:N"),
        ("translate", "--device", "cuda:x", "unknown --device 'cuda:x'"),
    ],
)
def test_a_bad_option_value_fails_in_one_line_before_any_work(
    tmp_path: Path, command: str, option: str, value: str, message: str, capsys
) -> None:
    out = tmp_path / "out"
    target = str(_quotes_table(tmp_path)) if command == "run" else "hello"
    extra = ["-o", str(out), *FAST] if command == "run" else ["--backend", "lexicon"]
    code, stdout, err = drift_cli([command, target, option, value, *extra], capsys)
    assert code == 2
    assert err.startswith(f"drift: {message}") and len(err.strip().splitlines()) == 1, err
    assert not stdout and not out.exists()


def test_the_cli_device_names_are_the_ones_the_backends_accept() -> None:
    from drift.cli_options import parse_device
    from drift.errors import UsageError
    from drift.translate.device import resolve_device

    for name in ("auto", "cpu", "cuda", "cuda:0", "cuda:3", "tpu", "mps", "cuda:x", "gpu"):
        try:
            resolve_device(name)
            known = True
        except UsageError as error:  # no GPU here: a known name fails for another reason
            known = "unknown device" not in str(error)
        try:
            parse_device(name)
            accepted = True
        except UsageError:
            accepted = False
        assert accepted == known, name


def test_source_languages_match_the_scorer_and_the_api_checks_them(tmp_path: Path) -> None:
    import drift
    from drift.cli_options import SOURCE_LANGS
    from drift.errors import UsageError
    from drift.score.batch import LANGS

    assert SOURCE_LANGS == LANGS
    with pytest.raises(UsageError, match="source_lang 'de'"):
        drift.run([tmp_path / "missing.txt"], source_lang="de", embedder=None)


def test_a_bad_originals_row_is_one_line_and_the_others_are_kept(tmp_path: Path, capsys) -> None:
    table = _quotes_table(tmp_path)
    originals = tmp_path / "originals.jsonl"
    rows = [
        {"original_id": "ru1", "lang": "ru", "text": "Мы никогда не примем эти условия."},
        {"original_id": "de1", "lang": "de", "text": "Wir werden diese Bedingungen nie annehmen."},
        {"original_id": "en1", "text": SENTENCE},  # no lang, and English
    ]
    originals.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(table), "--originals", str(originals), "-o", str(out), *FAST, "-v"]
    code, _, err = drift_cli(args, capsys)
    assert code == 1, err
    bad = [line for line in err.splitlines() if line.startswith(f"drift: {originals}")]
    assert bad == [
        f"drift: {originals}:2: original 'de1' has lang 'de'; originals are ru or zh",
        f"drift: {originals}:3: original 'en1' has no 'lang' and its text reads as 'en'; "
        "originals are ru or zh",
    ]
    assert "drift: 1 originals read from 1 --originals file(s)" in err
    assert err.count("drift: corpus ...") == 1, err  # -v names each stage once


@pytest.mark.parametrize(
    ("name", "repo", "error", "problem"),
    [  # en-ru is pinned to a commit (downloaded at once), en-zh to a ref (resolved first)
        ("opus-mt-en-ru", "Helsinki-NLP/opus-mt-en-ru", "LocalEntryNotFoundError", "reached"),
        ("opus-mt-en-zh", "Helsinki-NLP/opus-mt-en-zh", "OfflineModeIsEnabled", "HF_HUB_OFFLINE"),
    ],
)
def test_a_failed_download_is_one_line_naming_the_model(
    tmp_path: Path, name: str, repo: str, error: str, problem: str, monkeypatch, capsys
) -> None:
    import huggingface_hub
    from huggingface_hub import utils

    def fail(*args: object, **kwargs: object) -> None:
        raise getattr(utils, error)("Got: ConnectError: [Errno -2] Name or service not known")

    monkeypatch.setattr(huggingface_hub.HfApi, "model_info", fail)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fail)
    args = ["models", "pull", name, "--models-dir", str(tmp_path)]
    code, out, err = drift_cli(args, capsys)
    assert code == 2
    assert not out and len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"drift: cannot pull {name!r} ({repo}): ") and problem in err


def test_an_unreachable_hub_fails_before_the_retrying_download(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import huggingface_hub
    from huggingface_hub import constants, utils

    downloads: list[object] = []

    class NoNetwork:
        def head(self, url: str, **kwargs: object) -> None:
            raise ConnectionError("[Errno -2] Name or service not known")

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", "https://hub.example")
    monkeypatch.setattr(utils, "get_session", NoNetwork)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", lambda *a, **k: downloads.append(a))
    args = ["models", "pull", "opus-mt-en-ru", "--models-dir", str(tmp_path)]
    code, _, err = drift_cli(args, capsys)
    assert code == 2 and downloads == []
    assert err.strip() == (
        "drift: cannot pull 'opus-mt-en-ru' (Helsinki-NLP/opus-mt-en-ru): the Hugging Face Hub "
        "(https://hub.example) cannot be reached ([Errno -2] Name or service not known); check "
        f"the network, or copy the model's files into {tmp_path / 'opus-mt-en-ru'}"
    )


def _options(command: Any, path: str = "drift") -> list[tuple[str, Any]]:
    """(command path, option) for every option of `command` and its subcommands (Typer's own
    copy of click, so by duck type)."""
    found = [(path, p) for p in command.params if p.param_type_name == "option"]
    for name, sub in getattr(command, "commands", {}).items():
        found += _options(sub, f"{path} {name}")
    return found


def test_every_option_has_help() -> None:
    options = _options(typer.main.get_command(app))
    assert len(options) > 30
    missing = [f"{path} {p.opts[0]}" for path, p in options if not (p.help or "").strip()]
    assert missing == []


def test_the_size_limit_reads_as_given(tmp_path: Path, capsys) -> None:
    article = tmp_path / "big.txt"
    article.write_text(SENTENCE * 300, encoding="utf-8")  # about 24 KB
    args = ["quotes", str(article), "--max-size", "0.01", "-o", str(tmp_path / "q.csv")]
    code, _, err = drift_cli(args, capsys)
    assert code == 2
    assert f"drift: {article}: file is 0.0223 MB, above the 0.01 MB limit (--max-size)" in err


def test_an_unknown_language_pair_is_refused_before_any_model_is_looked_for(capsys) -> None:
    code, out, err = drift_cli(["translate", "hello", "--tgt", "fr"], capsys)
    assert code == 2 and not out
    assert err.strip().splitlines() == [
        "drift: cannot translate en-fr; drift translates en-ru, en-zh, ru-en, zh-en, and "
        "ru-zh, zh-ru with an NLLB model (pass --model for another pair)"
    ]


def test_the_console_summary_cuts_long_spans_and_the_table_keeps_them() -> None:
    from drift.api import Report

    long_span = " ".join(["word"] * 60)  # 299 characters
    divergences = pd.DataFrame(
        {
            "group_id": ["g001"],
            "doc_a": ["a"],
            "doc_b": ["b"],
            "span_a": [long_span],
            "span_b": ["short"],
            "drift": [0.9],
            "type": ["omission"],
        }
    )
    groups = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["tass", "afp"]})
    report = Report(quotes=pd.DataFrame(), groups=groups, divergences=divergences, meta={})
    line = report.summary().splitlines()[1]
    shown = line.split("\u201c")[1].split("\u201d")[0]
    assert shown.endswith("…") and 60 <= len(shown) <= 81, line
    assert "\u201cshort\u201d" in line
    assert report.divergences.loc[0, "span_a"] == long_span
