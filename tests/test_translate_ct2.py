"""The ct2 backend: the tiny random-weight Marian and NLLB models, converted in a tmp dir."""

from __future__ import annotations

import itertools
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("ctranslate2")

from drift.cli import main
from drift.cpus import available_cpus
from drift.errors import UsageError
from drift.translate.ct2 import CT2Translator
from drift.translate.ct2_batch import (
    WIDTHS,
    padded_width,
    spread_calls,
    width_batches,
    with_carrier,
)
from drift.translate.ct2_convert import CT2_RECORD, convert_model, import_ctranslate2
from drift.translate.engine import TranslationEngine
from drift.translate.seq2seq import Decoding

COMMIT = "0123456789abcdef0123456789abcdef01234567"
REPO = "Helsinki-NLP/opus-mt-en-ru"
TEXTS = [
    "We will move towards a multipolar world order.",
    "Our relations with China are developing steadily.",
    "Today we will consider concrete steps.",
    "A very serious stage in the history of international relations.",
    "We will move towards a multipolar world order.",  # a repeat: translated once
]


@pytest.fixture(scope="module")
def ct2_dir(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models dir of its own (so other tests' `auto` is unchanged): the tiny Marian as
    opus-mt-en-ru with a pull record, converted to opus-mt-en-ru-ct2, and the tiny NLLB."""
    from tiny_nllb import build_tiny_nllb

    folder = tmp_path_factory.mktemp("ct2-models")
    shutil.copy(models_dir / "registry.toml", folder)
    source = folder / "opus-mt-en-ru"
    shutil.copytree(models_dir / "opus-mt-en-ru", source)
    record = {"repo": REPO, "revision": COMMIT, "commit": COMMIT}
    (source / "drift-pull.json").write_text(json.dumps(record), encoding="utf-8")
    convert_model("opus-mt-en-ru", folder)
    build_tiny_nllb(folder / "nllb-200-distilled-600M", Path(__file__).parent.parent / "seeds")
    convert_model("nllb-200-distilled-600M", folder)
    return folder


def engine(ct2_dir: Path, **kw: object) -> TranslationEngine:
    kw.setdefault("cache", False)
    return TranslationEngine("ct2", models_dir=ct2_dir, device="cpu", progress=False, **kw)


def test_conversion_records_the_source_commit(ct2_dir: Path) -> None:
    record = json.loads((ct2_dir / "opus-mt-en-ru-ct2" / CT2_RECORD).read_text(encoding="utf-8"))
    assert record["model_id"] == f"{REPO}@{COMMIT}"
    assert record["kind"] == "marian" and record["directions"] == ["en-ru"]
    assert (ct2_dir / "opus-mt-en-ru-ct2" / "source.spm").is_file()
    with pytest.raises(UsageError, match="--force"):
        convert_model("opus-mt-en-ru", ct2_dir)


def test_rows_keep_input_order_and_name_backend_and_model(ct2_dir: Path) -> None:
    rows = engine(ct2_dir).translate(TEXTS, "en", "ru")
    assert [r.source for r in rows] == TEXTS
    assert {(r.backend, r.model) for r in rows} == {("ct2", f"{REPO}@{COMMIT}")}
    assert rows[0].text == rows[4].text and rows[0].text.strip()
    alone = [engine(ct2_dir).translate([t], "en", "ru")[0].text for t in TEXTS]
    assert [r.text for r in rows] == alone  # each output belongs to its own input


NEIGHBOURS = [
    "a multipolar world order",
    "a bipolar world order",
    "We will move towards a multipolar world order of equal and sovereign states.",
    "Russia, China and India are developing relations based on mutual respect and trust.",
    *TEXTS[:4],
]


@pytest.mark.parametrize("model", ["opus-mt-en-ru", "nllb-200-distilled-600M"])
@pytest.mark.parametrize("beams", [1, 4])
def test_output_does_not_depend_on_batch_neighbours(ct2_dir: Path, model: str, beams: int) -> None:
    """Bit for bit: the same hypothesis and score whether a text is decoded alone or padded
    next to longer and shorter neighbours of its width (int8, CPU)."""
    translator = CT2Translator(
        model=model, models_dir=ct2_dir, device="cpu", decoding=Decoding(num_beams=beams)
    )

    def scored(texts: list[str]) -> list[tuple[list[str], float]]:
        out: list[tuple[list[str], float]] = [([], 0.0)] * len(texts)
        for rows, results in translator.decode(texts, "en", "ru"):
            for i, result in zip(rows, results, strict=True):
                out[i] = (result.hypotheses[0], result.scores[0])
        return out

    loaded = translator.loaded("en", "ru")
    lengths = [len(ids) for ids in translator._encode(loaded, NEIGHBOURS)]
    widths = [padded_width(n, 512) for n in lengths]
    # the check means something: some texts share a width but differ in length (padding)
    by_width: dict[int, set[int]] = {}
    for width, length in zip(widths, lengths, strict=True):
        by_width.setdefault(width, set()).add(length)
    assert any(len(seen) > 1 for seen in by_width.values())
    together = scored(NEIGHBOURS)
    alone = [scored([t])[0] for t in NEIGHBOURS]
    assert together == alone
    assert scored(NEIGHBOURS[::-1]) == alone[::-1]


class CallSpy:
    """Stands in for a ctranslate2.Translator and records each translate_batch call's rows."""

    def __init__(self, model: object) -> None:
        self.model = model
        self.calls: list[list[list[str]]] = []

    def translate_batch(self, tokens: list, *args: object, **kw: object) -> list:
        self.calls.append(tokens)
        return type(self.model).translate_batch(self.model, tokens, *args, **kw)


def test_texts_of_one_width_share_a_call(ct2_dir: Path) -> None:
    """Quotes of different token lengths are decoded together: one call per padded width, the
    calls of a batch queued at once for the workers (one per core)."""
    translator = CT2Translator(models_dir=ct2_dir, device="cpu")
    loaded = translator.loaded("en", "ru")
    assert loaded.model.num_translators == translator.workers == available_cpus()
    widths = [padded_width(len(ids), 512) for ids in translator._encode(loaded, NEIGHBOURS)]
    batches = translator.batches(NEIGHBOURS, "en", "ru")
    assert sorted(i for batch in batches for i in batch) == list(range(len(NEIGHBOURS)))
    spy = CallSpy(loaded.model)
    translator._loaded[("en", "ru")] = replace(loaded, model=spy)
    together = translator.translate(NEIGHBOURS, "en", "ru")
    assert len(spy.calls) == len(set(widths)) < len(NEIGHBOURS)
    # a carrier row (or a text) fills each call's width, so CTranslate2 pads every row to it
    assert all(max(map(len, c)) == padded_width(min(map(len, c)), 512) for c in spy.calls)
    assert together == [translator.translate([t], "en", "ru")[0] for t in NEIGHBOURS]


@pytest.mark.parametrize("beams", [1, 4])
def test_parallel_calls_of_one_width_decode_as_alone(ct2_dir: Path, beams: int) -> None:
    """A small token budget splits one width into several calls, decoded at the same time by
    the workers: every text still comes out as when translated alone."""
    translator = CT2Translator(
        models_dir=ct2_dir,
        device="cpu",
        decoding=Decoding(num_beams=beams),
        batch_tokens=192 * beams,
    )
    loaded = translator.loaded("en", "ru")
    texts = [f"{t} {extra}" for t in NEIGHBOURS[2:] for extra in ("Today.", "We agree.")]
    spy = CallSpy(loaded.model)
    translator._loaded[("en", "ru")] = replace(loaded, model=spy)
    together = translator.translate(texts, "en", "ru")
    widths = [padded_width(len(ids), 512) for ids in translator._encode(loaded, texts)]
    assert len(spy.calls) > len(set(widths))
    assert together == [translator.translate([t], "en", "ru")[0] for t in texts]


def test_engine_batches_spread_calls_over_workers() -> None:
    calls = [[0, 1], [2], [3, 4, 5], [6], [7], [8, 9], [10]]
    batches = spread_calls(calls, workers=2, calls_per_worker=2)
    assert batches == [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10]]
    assert spread_calls(calls, workers=1, calls_per_worker=1) == calls


def test_widths_are_fixed_by_length_and_grow_by_at_most_half() -> None:
    assert [padded_width(n, 512) for n in (1, 16, 17, 33, 49, 65, 97)] == [
        16,
        16,
        32,
        48,
        64,
        96,
        128,
    ]
    assert padded_width(600, 512) == 600  # never shorter than the input
    assert padded_width(2000, 4096) == 2048
    assert all(b <= 1.5 * a for a, b in itertools.pairwise(WIDTHS[1:]))


def test_batches_keep_to_the_token_budget() -> None:
    """Padded tokens times beams, the carrier row counted, stay within batch_tokens."""
    lengths = [9, 16, 12, 3, 30, 25, 15, 11, 10, 13]
    batches = width_batches(lengths, 512, rows_per_text=2, batch_tokens=100, max_batch_size=64)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        width = padded_width(lengths[batch[0]], 512)
        assert {padded_width(lengths[i], 512) for i in batch} == {width}
        assert len(batch) == 1 or (len(batch) + 1) * width * 2 <= 100
    assert [padded_width(lengths[b[0]], 512) for b in batches] == sorted(
        (padded_width(lengths[b[0]], 512) for b in batches), reverse=True
    )


def test_carrier_pads_a_batch_to_its_width() -> None:
    rows = [["a", "b", "</s>"], ["c", "</s>"]]
    padded = with_carrier(rows, 8)
    assert padded[:2] == rows and len(padded) == 3
    assert len(padded[2]) == 8 and padded[2][-1] == "</s>"
    full = [["x"] * 7 + ["</s>"], ["c", "</s>"]]
    assert with_carrier(full, 8) == full  # a text fills the width: no carrier


def test_second_run_translates_nothing(
    ct2_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    original = CT2Translator.generate

    def counting(self: CT2Translator, texts: list[str], src: str, tgt: str) -> list[str]:
        calls.append(len(texts))
        return original(self, texts, src, tgt)

    monkeypatch.setattr(CT2Translator, "generate", counting)
    cache = tmp_path / "cache.sqlite3"
    first = engine(ct2_dir, cache=cache).translate(TEXTS, "en", "ru")
    assert sum(calls) == len(set(TEXTS))
    calls.clear()
    second = engine(ct2_dir, cache=cache).translate(TEXTS, "en", "ru")
    assert calls == [] and all(r.cached for r in second)
    assert [r.text for r in second] == [r.text for r in first]
    # another compute type or decoding setting is another cache key: translated again
    engine(ct2_dir, cache=cache, quantize=False).translate(TEXTS[:1], "en", "ru")
    engine(ct2_dir, cache=cache, num_beams=1).translate(TEXTS[:1], "en", "ru")
    assert calls == [1, 1]


def test_cache_settings_name_compute_type_and_runtime(ct2_dir: Path) -> None:
    eng = engine(ct2_dir)
    chosen = eng._choose("en", "ru")
    settings = eng._settings(chosen)
    assert "precision:int8" in settings and "runtime:ctranslate2-" in settings
    assert "beams:4" in settings and "no_repeat:4" in settings
    fp32 = engine(ct2_dir, quantize=False)
    assert "precision:float32" in fp32._settings(fp32._choose("en", "ru"))


def test_auto_prefers_a_converted_model(ct2_dir: Path) -> None:
    auto = TranslationEngine("auto", models_dir=ct2_dir, cache=False, device="cpu")
    assert auto.describe("en", "ru") == ("ct2", f"{REPO}@{COMMIT}")
    # en-zh has no marian model here: the converted NLLB serves it
    assert auto.describe("en", "zh")[0] == "ct2"


def test_marian_target_prefix_from_the_registry(ct2_dir: Path) -> None:
    shutil.copytree(ct2_dir / "opus-mt-en-ru", ct2_dir / "opus-mt-en-zh", dirs_exist_ok=True)
    (ct2_dir / "opus-mt-en-zh" / "drift-pull.json").unlink()
    out = convert_model("opus-mt-en-zh", ct2_dir, force=True)
    try:
        translator = CT2Translator(models_dir=ct2_dir, device="cpu")
        assert translator.loaded("en", "zh").prefix == ">>cmn_Hans<< "
        assert translator.translate(["a world order"], "en", "zh")[0].strip()
        override = CT2Translator(model=str(out), target_prefix="", device="cpu")
        assert override.loaded("en", "zh").prefix == ""
    finally:
        shutil.rmtree(out)
        shutil.rmtree(ct2_dir / "opus-mt-en-zh")


def test_nllb_language_tokens(ct2_dir: Path) -> None:
    translator = CT2Translator(model="nllb-200-distilled-600M", models_dir=ct2_dir, device="cpu")
    loaded = translator.loaded("en", "ru")
    source = loaded.tokenizer.convert_ids_to_tokens(translator._encode(loaded, ["a world"])[0])
    assert "eng_Latn" in source and source[-1] == "</s>"
    seen: list[object] = []
    original = type(loaded.model).translate_batch

    class Spy:
        def __init__(self, model: object) -> None:
            self.model = model

        def translate_batch(self, tokens: list, target_prefix: list, **kw: object) -> list:
            seen.append(target_prefix)
            return original(self.model, tokens, target_prefix, **kw)

    assert translator.loaded("en", "zh").model is loaded.model  # one model for every direction
    spy = Spy(loaded.model)
    for tgt in ("ru", "zh"):
        translator._loaded[("en", tgt)] = replace(translator.loaded("en", tgt), model=spy)
    ru = translator.generate(TEXTS[:2], "en", "ru")
    ru_prefixes = {tuple(row) for call in seen for row in call}
    seen.clear()
    zh = translator.generate(TEXTS[:2], "en", "zh")
    # every row of every call (a carrier row too) starts with the target language token
    assert ru_prefixes == {("rus_Cyrl",)} and {tuple(r) for c in seen for r in c} == {("zho_Hans",)}
    assert ru != zh
    assert translator.model_id_for("ru", "zh") == translator.model_id_for("en", "ru")


def test_cli_convert_and_translate(
    ct2_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out = tmp_path / "converted"
    args = ["models", "convert", "opus-mt-en-ru", "--models-dir", str(ct2_dir), "-o", str(out)]
    with pytest.raises(SystemExit) as done:
        main(args)
    assert not done.value.code and (out / "model.bin").is_file()
    monkeypatch.setenv("DRIFT_MODELS_DIR", str(ct2_dir))
    with pytest.raises(SystemExit) as done:
        main(["translate", "a world order", "-b", "ct2", "-m", str(out), "--no-cache"])
    stdout, err = capsys.readouterr()
    assert not done.value.code, err
    assert stdout.strip().splitlines()[-1].strip()


def test_missing_package_is_one_line_with_the_pip_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    with pytest.raises(UsageError, match=r"pip install 'drift\[ct2\]'"):
        import_ctranslate2()


def test_importing_drift_does_not_import_ctranslate2() -> None:
    import subprocess

    code = (
        "import sys, drift, drift.cli, drift.translate.engine; print('ctranslate2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
