"""`drift --help` reads cleanly; -v logs each stage; run.json timings add up to the run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from drift.cli import DEFAULT_SOURCE_LANG, main
from drift.pipeline import DEFAULT_SOURCE_LANG as PIPELINE_SOURCE_LANG
from drift.pipeline import TimedEmbedder, Timer


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (0 if code is None else int(code)), out, err


@pytest.mark.parametrize("command", [[], ["run"], ["quotes"], ["align"], ["translate"], ["models"]])
def test_help_has_no_typer_placeholders(command: list[str], capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = _cli([*command, "--help"], capsys)
    assert code == 0
    assert "{" not in out and "<bool>" not in out and "list[" not in out


def test_run_help_shows_usage_and_the_source_language_default(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = _cli(["run", "--help"], capsys)
    assert "drift run [OPTIONS] PATH..." in out
    source_lang = " ".join(out.split("--source-lang", 1)[1].split("--cache", 1)[0].split())
    assert "ru when not given" in source_lang.replace("│", "").replace("  ", " ")
    assert "--meta" in out
    assert DEFAULT_SOURCE_LANG == PIPELINE_SOURCE_LANG


def test_verbose_logs_each_stage(seed_paths: dict[str, Path], capsys) -> None:
    code, _, err = _cli(["quotes", str(seed_paths["000"]), "-v", "-q"], capsys)
    assert code == 0
    for stage in ("corpus", "quotes"):
        assert f"drift: {stage} ..." in err and f"drift: {stage} done in" in err


class _SlowEmbedder:
    name = "slow"

    def encode(self, texts: list[str]) -> np.ndarray:
        time.sleep(0.05)
        return np.ones((len(texts), 2), dtype=np.float32)


def test_embedding_time_is_its_own_stage_and_stages_add_up() -> None:
    timer = Timer()
    embedder = TimedEmbedder(_SlowEmbedder(), timer)
    started = time.perf_counter()
    with timer.stage("align"):
        embedder.encode(["a"])
        embedder.encode(["b"])
        time.sleep(0.02)
    total = time.perf_counter() - started
    assert timer.seconds["embed"] >= 0.1
    assert 0.02 <= timer.seconds["align"] < 0.08  # the embedding is not counted twice
    assert abs(sum(timer.seconds.values()) - total) < 0.01


def test_run_json_timings_cover_the_run(tmp_path: Path, capsys) -> None:
    rows = ["we will move towards a multipolar, just, democratic world order",
            "we will move towards a strong, just and democratic world order"]  # fmt: skip
    table = tmp_path / "quotes.jsonl"
    table.write_text(
        "".join(
            json.dumps({"quote": q, "speaker": "Sergei Lavrov", "doc_id": f"d{i}"}) + "\n"
            for i, q in enumerate(rows)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["run", str(table), "-o", str(out), "--backend", "lexicon", "--no-cache"]
    code, _, err = _cli([*args, "--embedder", "none", "-q"], capsys)
    assert code == 0, err
    timings = json.loads((out / "run.json").read_text(encoding="utf-8"))["timings_s"]
    stages = {k: v for k, v in timings.items() if k != "total"}
    assert {"corpus", "quotes", "embed", "align", "translate+score", "report", "other"} <= set(
        stages
    )
    assert abs(sum(stages.values()) - timings["total"]) < 0.01
    assert timings["other"] < 0.25 * timings["total"] + 0.1


def test_translate_reverse_direction_through_the_lexicon(capsys) -> None:
    code, out, err = _cli(
        ["translate", "--src", "ru", "--tgt", "en", "мир", "--backend", "lexicon"], capsys
    )
    assert code == 0, err
    assert out.strip() and "cannot translate" not in err
    code, _, err = _cli(
        ["translate", "--src", "de", "--tgt", "en", "Hallo", "--backend", "lexicon"], capsys
    )
    assert code == 2 and "en-ru, en-zh, ru-en, zh-en" in err
