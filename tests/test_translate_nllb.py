"""The nllb backend over a tiny real NLLB-style M2M100: language codes, one model, model ids."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, M2M100ForConditionalGeneration

from drift.errors import UsageError
from drift.records import Translation
from drift.translate.engine import TranslationEngine
from drift.translate.models import load_registry

ROOT = Path(__file__).resolve().parent.parent
NAME = "nllb-200-distilled-600M"  # the registry name of the NLLB entry
QUOTES = [
    "we will move towards a multipolar, just, democratic world order",
    "Hello",
    "Our leaders, President Putin and President Xi Jinping, have agreed on this.",
]
CODES = {"en": "eng_Latn", "ru": "rus_Cyrl", "zh": "zho_Hans"}


@pytest.fixture(scope="module")
def nllb_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A models dir: the checkout's registry, the tiny NLLB installed under its registry name."""
    from tiny_nllb import build_tiny_nllb

    folder = tmp_path_factory.mktemp("nllb-models")
    shutil.copy(ROOT / "models" / "registry.toml", folder)
    build_tiny_nllb(folder / NAME, seeds_dir)
    return folder


@pytest.fixture(autouse=True)
def _seed() -> None:
    torch.manual_seed(0)


def engine(models_dir: Path) -> TranslationEngine:
    """An nllb engine without cache and with short outputs, so each test runs in a second."""
    return TranslationEngine("nllb", models_dir=models_dir, cache=False, max_new_tokens_cap=8)


def registry_id(models_dir: Path) -> str:
    """The model id every row must name: the NLLB repo at the revision the registry pins."""
    return f"facebook/nllb-200-distilled-600M@{load_registry(models_dir).get(NAME).revision}"


class GenerateSpy:
    """Records the model and keyword arguments of every HF `generate` call, calling through."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[Any, dict[str, Any]]] = []
        self.outputs: list[torch.Tensor] = []
        real = M2M100ForConditionalGeneration.generate

        def spy(model: M2M100ForConditionalGeneration, *args: Any, **kwargs: Any) -> Any:
            self.calls.append((model, kwargs))
            self.outputs.append(real(model, *args, **kwargs))
            return self.outputs[-1]

        monkeypatch.setattr(M2M100ForConditionalGeneration, "generate", spy)


@pytest.mark.parametrize("tgt", ["ru", "zh"])
def test_translates_in_input_order_with_registry_model_id(nllb_dir: Path, tgt: str) -> None:
    drift = engine(nllb_dir)
    out = drift.translate(QUOTES, "en", tgt)
    assert all(isinstance(t, Translation) for t in out)
    assert [t.source for t in out] == QUOTES
    assert all(t.text.strip() for t in out)
    assert {(t.backend, t.model, t.src_lang, t.tgt_lang) for t in out} == {
        ("nllb", registry_id(nllb_dir), "en", tgt)
    }
    # the batch gives each quote the translation it gets alone: outputs are in input order
    alone = [drift.translate([q], "en", tgt)[0].text for q in QUOTES]
    assert [t.text for t in out] == alone
    assert len(set(alone)) == len(QUOTES)  # distinct outputs, so the order is really tested


@pytest.mark.parametrize(("src", "tgt"), [("en", "ru"), ("en", "zh"), ("ru", "en")])
def test_source_code_leads_input_and_target_code_is_forced(
    nllb_dir: Path, monkeypatch: pytest.MonkeyPatch, src: str, tgt: str
) -> None:
    spy = GenerateSpy(monkeypatch)
    text = QUOTES[0] if src == "en" else "Мы будем двигаться к многополярному миропорядку."
    engine(nllb_dir).translate([text, "Hello"], src, tgt)
    tokenizer = AutoTokenizer.from_pretrained(nllb_dir / NAME, local_files_only=True)
    src_id, tgt_id = tokenizer.convert_tokens_to_ids([CODES[src], CODES[tgt]])
    assert len({src_id, tgt_id, tokenizer.unk_token_id}) == 3
    assert spy.calls
    for _, kwargs in spy.calls:
        assert kwargs["forced_bos_token_id"] == tgt_id
        ids = kwargs["input_ids"]
        # the NLLB layout (legacy_behaviour=False): src code, the text, </s>, then padding
        assert ids[:, 0].tolist() == [src_id] * len(ids)
        ends = kwargs["attention_mask"].sum(dim=1) - 1
        assert ids[torch.arange(len(ids)), ends].tolist() == [tokenizer.eos_token_id] * len(ids)


def test_one_model_serves_every_direction(nllb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[object] = []
    real = AutoModelForSeq2SeqLM.from_pretrained

    def counting(*args: Any, **kwargs: Any) -> Any:
        loads.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(AutoModelForSeq2SeqLM, "from_pretrained", counting)
    spy = GenerateSpy(monkeypatch)
    drift = engine(nllb_dir)
    ru = drift.translate(QUOTES[:1], "en", "ru")
    zh = drift.translate(QUOTES[:1], "en", "zh")
    assert loads == [nllb_dir / NAME]
    assert len({id(model) for model, _ in spy.calls}) == 1
    assert ru[0].model == zh[0].model == registry_id(nllb_dir)
    assert ru[0].text != zh[0].text  # the forced target code steers the shared model


def test_auto_uses_nllb_when_it_is_the_only_model(nllb_dir: Path) -> None:
    drift = TranslationEngine(models_dir=nllb_dir, cache=False)
    assert drift.describe("en", "zh") == ("nllb", registry_id(nllb_dir))


@pytest.mark.parametrize(("src", "tgt"), [("en", "xx"), ("xx", "ru")])
def test_language_without_code_is_a_usage_error(nllb_dir: Path, src: str, tgt: str) -> None:
    with pytest.raises(UsageError, match=r"no language code for 'xx'.*en, ru, zh"):
        engine(nllb_dir).translate(["a just world order"], src, tgt)


def test_language_code_does_not_count_against_the_length_limit(
    nllb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # random weights run to the limit, 8 tokens with EOS, as Marian's output would
    spy = GenerateSpy(monkeypatch)
    engine(nllb_dir).translate([QUOTES[0]], "en", "ru")
    (row,) = spy.outputs[0].tolist()
    _decoder_start, code, *text = row
    assert code == spy.calls[0][1]["forced_bos_token_id"]
    assert (
        len(text) == 8 and text[-1] == AutoTokenizer.from_pretrained(nllb_dir / NAME).eos_token_id
    )
