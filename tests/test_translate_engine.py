"""The translation engine over a tiny real MarianMT: batching, dedup, cache, fallback, device."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import torch
from transformers import MarianMTModel, MarianTokenizer

from drift.errors import ModelNotFoundError, UsageError
from drift.records import Translation
from drift.translate.device import placement, resolve_device
from drift.translate.engine import TranslationEngine
from drift.translate.marian import MarianTranslator
from drift.translate.seq2seq import padded_length

pytestmark = pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")

QUOTES = [
    "we will move towards a multipolar, just, democratic world order",
    "we will move towards a strong, just and democratic world order",
    "Our leaders, President Putin and President Xi Jinping, have agreed on this.",
    "Hello",
    "we will move towards a multipolar, just, democratic world order",
]
# the registry pins a commit; translations name it (no pull record: the tiny model is copied in)
EN_RU = "Helsinki-NLP/opus-mt-en-ru@b3e725abcf85d1b8c6df4218e0c0b68564660bc6"
# a fixed output length, so batch companions cannot change a sentence's length limit
FIXED = {"max_new_tokens_ratio": 50.0, "max_new_tokens_cap": 12, "quantize": False}


@pytest.fixture(autouse=True)
def _seed() -> None:
    torch.manual_seed(0)


class GenerateSpy:
    """Counts generate calls and the texts they receive."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[list[str]] = []
        real = MarianTranslator.generate

        def spy(translator: MarianTranslator, texts: list[str], src: str, tgt: str) -> list[str]:
            self.calls.append(list(texts))
            return real(translator, texts, src, tgt)

        monkeypatch.setattr(MarianTranslator, "generate", spy)

    @property
    def texts(self) -> list[str]:
        return [t for call in self.calls for t in call]


def test_loads_from_models_dir_and_direct_path(models_dir: Path) -> None:
    by_registry = TranslationEngine("marian", models_dir=models_dir, cache=False, **FIXED)
    direct = TranslationEngine(
        "marian", model=str(models_dir / "opus-mt-en-ru"), cache=False, **FIXED
    )
    a = by_registry.translate(QUOTES[:2], "en", "ru")
    b = direct.translate(QUOTES[:2], "en", "ru")
    assert all(isinstance(t, Translation) and t.text and t.backend == "marian" for t in a + b)
    assert a[0].model == EN_RU
    assert b[0].model.startswith(str((models_dir / "opus-mt-en-ru").resolve()) + "@")
    assert by_registry.describe("en", "ru") == ("marian", EN_RU)


def test_batched_output_equals_one_by_one_in_input_order(models_dir: Path) -> None:
    engine = TranslationEngine("marian", models_dir=models_dir, cache=False, **FIXED)
    batched = [t.text for t in engine.translate(QUOTES, "en", "ru")]
    single = [engine.translate([q], "en", "ru")[0].text for q in QUOTES]
    assert batched == single
    assert len(set(batched)) > 2  # distinct inputs give distinct outputs: order is really tested


def test_duplicates_are_translated_once(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = GenerateSpy(monkeypatch)
    engine = TranslationEngine("marian", models_dir=models_dir, cache=False, **FIXED)
    out = engine.translate(QUOTES, "en", "ru")
    assert sorted(spy.texts) == sorted(set(QUOTES))
    assert out[0].text == out[4].text and [t.source for t in out] == QUOTES


def test_token_budget_splits_batches(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = GenerateSpy(monkeypatch)
    engine = TranslationEngine(
        "marian", models_dir=models_dir, cache=False, batch_tokens=200, **FIXED
    )
    engine.translate(QUOTES, "en", "ru")
    assert len(spy.calls) > 1
    tokenizer = MarianTokenizer.from_pretrained(models_dir / "opus-mt-en-ru")
    lengths = [max(len(tokenizer(t).input_ids) for t in call) for call in spy.calls]
    assert lengths == sorted(lengths, reverse=True)  # longest first: little padding


def test_cache_hit_on_rerun_and_new_instance(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache.sqlite3"
    first = TranslationEngine("marian", models_dir=models_dir, cache=cache, **FIXED)
    expected = first.translate(QUOTES, "en", "ru")
    assert not any(t.cached for t in expected)
    spy = GenerateSpy(monkeypatch)
    again = first.translate(QUOTES, "en", "ru")
    fresh = TranslationEngine("marian", models_dir=models_dir, cache=cache, **FIXED)
    reloaded = fresh.translate(QUOTES, "en", "ru")
    assert spy.calls == []
    assert again == expected == reloaded
    assert all(t.cached for t in again + reloaded)


def test_cache_is_keyed_on_decoding_settings(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache.sqlite3"
    TranslationEngine("marian", models_dir=models_dir, cache=cache, **FIXED).translate(
        QUOTES, "en", "ru"
    )
    spy = GenerateSpy(monkeypatch)
    greedy = TranslationEngine("marian", models_dir=models_dir, cache=cache, num_beams=1, **FIXED)
    out = greedy.translate(QUOTES, "en", "ru")
    assert sorted(spy.texts) == sorted(set(QUOTES))
    assert not any(t.cached for t in out)
    assert "beams:1" in greedy.signature() and EN_RU in greedy.signature()


def test_partial_run_resumes_where_it_stopped(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache.sqlite3"
    TranslationEngine("marian", models_dir=models_dir, cache=cache, **FIXED).translate(
        QUOTES[:2], "en", "ru"
    )
    spy = GenerateSpy(monkeypatch)
    out = TranslationEngine("marian", models_dir=models_dir, cache=cache, **FIXED).translate(
        QUOTES, "en", "ru"
    )
    assert sorted(spy.texts) == sorted(set(QUOTES[2:]) - set(QUOTES[:2]))
    assert [t.cached for t in out] == [True, True, False, False, True]


def test_cpu_device_resolution() -> None:
    if not torch.cuda.is_available():
        assert resolve_device("auto") == "cpu"
        with pytest.raises(UsageError, match="cuda"):
            resolve_device("cuda")
    assert placement("cpu").precision == "int8"  # per-row int8 is the CPU default
    assert placement("cpu", quantize=True).precision == "int8"
    assert placement("cpu", quantize=False).precision == "fp32"
    with pytest.raises(UsageError, match="unknown device 'tpu'"):
        resolve_device("tpu")


def test_translation_does_not_depend_on_batch_neighbours(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # neighbours of the same and of greater length (same padding bucket): per-tensor int8 would
    # rescale the quote's rows with theirs, and padding to a neighbour's length would change the
    # attention's rounding; the default engine gives the quote the translation it gets alone
    engine = TranslationEngine("marian", models_dir=models_dir, cache=False, max_new_tokens_cap=12)
    tokenizer = MarianTokenizer.from_pretrained(models_dir / "opus-mt-en-ru")

    def size(text: str) -> int:
        return len(tokenizer(text)["input_ids"])

    quote = QUOTES[0].replace(",", "")
    bucket = padded_length(size(quote), tokenizer.model_max_length)
    longer = next(
        quote + w for w in (" a", " we", " world") if size(quote) < size(quote + w) < bucket
    )
    neighbours = [" ".join(reversed(quote.split())), longer]
    assert size(neighbours[0]) == size(quote)
    widths: list[int] = []
    real = MarianMTModel.generate

    def spy(model: MarianMTModel, *args: object, **kwargs: torch.Tensor) -> object:
        widths.append(kwargs["input_ids"].shape[1])
        return real(model, *args, **kwargs)

    monkeypatch.setattr(MarianMTModel, "generate", spy)
    alone = engine.translate([quote], "en", "ru")[0].text
    together = engine.translate([quote, *neighbours], "en", "ru")[0].text
    assert alone and together == alone
    assert widths == [bucket, bucket]  # padded alike alone and beside a longer text
    assert "precision:int8" in engine.signature()


def test_length_limit_is_per_text_not_per_batch(models_dir: Path) -> None:
    # random weights rarely emit EOS, so outputs run to their limit: input tokens + 10
    engine = TranslationEngine(
        "marian", models_dir=models_dir, cache=False, quantize=False, max_new_tokens_ratio=1.0
    )
    short, long = "Hello", QUOTES[2]
    alone = engine.translate([short], "en", "ru")[0].text
    beside_long = engine.translate([short, long], "en", "ru")[0].text
    assert alone == beside_long


def test_auto_uses_local_model(models_dir: Path) -> None:
    engine = TranslationEngine(models_dir=models_dir, cache=False, **FIXED)
    assert engine.describe("en", "ru")[0] == "marian"


def test_auto_falls_back_to_lexicon_with_one_warning(
    models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = TranslationEngine(models_dir=models_dir, cache=False)
    with caplog.at_level(logging.WARNING, logger="drift"):
        out = engine.translate(["a just world order"], "en", "zh")
        engine.translate(["a democratic world order"], "en", "zh")
    assert out[0].backend == "lexicon"
    warnings = [r.getMessage() for r in caplog.records if r.name == "drift"]
    assert warnings == [
        "no local model for en->zh (Helsinki-NLP/opus-mt-en-zh); using the offline lexicon "
        "backend (a word-by-word gloss). Get the model: drift models pull opus-mt-en-zh"
    ]


def test_auto_without_a_model_for_a_pair_the_lexicon_lacks_fails_without_a_fallback_warning(
    models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = TranslationEngine(models_dir=models_dir, cache=False)
    with (
        caplog.at_level(logging.WARNING, logger="drift"),
        pytest.raises(UsageError, match="cannot translate ru-zh; get an NLLB model"),
    ):
        engine.translate(["мир"], "ru", "zh")
    assert not [r for r in caplog.records if r.name == "drift"]


def test_explicit_backend_with_missing_model_names_pull_command(models_dir: Path) -> None:
    engine = TranslationEngine("marian", models_dir=models_dir, cache=False)
    with pytest.raises(ModelNotFoundError, match="drift models pull opus-mt-en-zh"):
        engine.translate(["a just world order"], "en", "zh")


def test_unknown_backend_lists_choices() -> None:
    with pytest.raises(UsageError, match="auto, ct2, lexicon, marian, nllb"):
        TranslationEngine("google")
