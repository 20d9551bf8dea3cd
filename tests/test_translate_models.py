"""The model registry: listing statuses, resolving local models, pull (network mocked)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drift.errors import ModelNotFoundError, UsageError
from drift.translate import models
from drift.translate.models import (
    list_models,
    load_registry,
    model_path,
    pull_model,
    resolve_model,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty Hugging Face cache, so statuses do not depend on the machine."""
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hf"))


def test_shipped_registry_matches_checkout_copy() -> None:
    assert (ROOT / "models" / "registry.toml").read_text() == models.PACKAGED_REGISTRY.read_text()


def test_registry_has_defaults_for_every_direction() -> None:
    registry = load_registry(ROOT / "models")
    for src, tgt in [("en", "ru"), ("en", "zh"), ("ru", "en"), ("zh", "en")]:
        spec = registry.default_for("marian", src, tgt)
        assert spec is not None and spec.repo == f"Helsinki-NLP/opus-mt-{src}-{tgt}"
    assert registry.get("opus-mt-en-zh").target_prefix == ">>cmn_Hans<<"
    kinds = {s.repo: s.kind for s in registry.models.values()}
    assert kinds["facebook/nllb-200-distilled-600M"] == "nllb"
    assert kinds["intfloat/multilingual-e5-small"] == kinds["sentence-transformers/LaBSE"]


def test_list_models_shows_local_and_missing(models_dir: Path) -> None:
    rows = {row.name: row for row in list_models(models_dir)}
    assert rows["opus-mt-en-ru"].status == "local"
    assert rows["opus-mt-en-ru"].size_bytes > 10_000
    assert rows["opus-mt-zh-en"].status == "missing" and rows["opus-mt-zh-en"].size_bytes == 0
    assert rows["labse"].kind == "embedding"


def test_model_path_finds_local_and_names_pull_command(models_dir: Path) -> None:
    assert model_path("opus-mt-en-ru", models_dir) == models_dir / "opus-mt-en-ru"
    assert model_path("Helsinki-NLP/opus-mt-en-ru", models_dir) == models_dir / "opus-mt-en-ru"
    with pytest.raises(ModelNotFoundError, match="get it with: drift models pull opus-mt-en-zh"):
        model_path("opus-mt-en-zh", models_dir)
    with pytest.raises(UsageError, match="unknown model 'gpt'"):
        model_path("gpt", models_dir)


def test_env_var_sets_models_dir(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFT_MODELS_DIR", str(models_dir))
    assert models.default_models_dir() == models_dir
    assert model_path("opus-mt-en-ru") == models_dir / "opus-mt-en-ru"


def test_registry_falls_back_to_packaged_copy(tmp_path: Path) -> None:
    assert load_registry(tmp_path).source == models.PACKAGED_REGISTRY


def test_pull_downloads_pinned_revision_into_models_dir(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict] = []

    def fake_snapshot_download(repo_id: str, **kwargs: object) -> str:
        calls.append({"repo_id": repo_id, **kwargs})
        shutil.copytree(models_dir / "opus-mt-en-ru", Path(str(kwargs["local_dir"])))
        return str(kwargs["local_dir"])

    monkeypatch.setattr("huggingface_hub.snapshot_download", fake_snapshot_download)
    shutil.copy(ROOT / "models" / "registry.toml", tmp_path)
    path = pull_model("opus-mt-ru-en", tmp_path)
    assert path == tmp_path / "opus-mt-ru-en"
    pinned = "7c84e70e05294db4fead6135d04585020413f78b"  # registry pin: a commit, no lookup
    assert calls[0]["repo_id"] == "Helsinki-NLP/opus-mt-ru-en" and calls[0]["revision"] == pinned
    assert "*.safetensors" in calls[0]["allow_patterns"]
    assert not any("bin" in p or "h5" in p for p in calls[0]["allow_patterns"])
    row = {r.name: r for r in list_models(tmp_path)}["opus-mt-ru-en"]
    assert row.status == "local" and row.revision == pinned
    assert resolve_model("opus-mt-ru-en", tmp_path)[1] == f"Helsinki-NLP/opus-mt-ru-en@{pinned}"


def test_pull_resolves_a_ref_to_its_commit_and_records_it(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # opus-mt-en-zh is pinned to a pull-request ref; translations must name the commit it was
    resolved = "8d2be98" + "0" * 33
    asked: list[tuple[str, str]] = []
    calls: list[dict] = []

    class FakeApi:
        def model_info(self, repo_id: str, revision: str) -> object:
            asked.append((repo_id, revision))
            return type("Info", (), {"sha": resolved})()

    def fake_snapshot_download(repo_id: str, **kwargs: object) -> str:
        calls.append(kwargs)
        shutil.copytree(models_dir / "opus-mt-en-ru", Path(str(kwargs["local_dir"])))
        return str(kwargs["local_dir"])

    monkeypatch.setattr("huggingface_hub.HfApi", FakeApi)
    monkeypatch.setattr("huggingface_hub.snapshot_download", fake_snapshot_download)
    shutil.copy(ROOT / "models" / "registry.toml", tmp_path)
    path = pull_model("opus-mt-en-zh", tmp_path)
    assert asked == [("Helsinki-NLP/opus-mt-en-zh", "refs/pr/13")]
    assert calls[0]["revision"] == resolved
    assert json.loads((path / "drift-pull.json").read_text())["commit"] == resolved
    assert resolve_model("opus-mt-en-zh", tmp_path)[1] == f"Helsinki-NLP/opus-mt-en-zh@{resolved}"


def test_pull_without_safetensors_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("huggingface_hub.snapshot_download", lambda repo_id, **kw: "")
    with pytest.raises(ModelNotFoundError, match="no safetensors weights"):
        pull_model("opus-mt-ru-en", tmp_path)


def test_nllb_language_codes_are_ones_the_nllb_tokenizer_knows() -> None:
    # a wrong code would silently translate into another language; transformers ships the list
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    from drift.translate.nllb import LANG_CODES

    spec = load_registry(ROOT / "models").get("nllb-200-distilled-600M")
    assert set(dict(spec.lang_codes).values()) <= set(FAIRSEQ_LANGUAGE_CODES)
    assert set(LANG_CODES.values()) <= set(FAIRSEQ_LANGUAGE_CODES)
