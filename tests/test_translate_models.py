"""The model registry: listing statuses, resolving local models, pull (network mocked)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tiny_marian import build_tiny_marian

from drift.errors import ModelNotFoundError, UsageError
from drift.translate import models
from drift.translate.models import list_models, load_registry, model_path, pull_model

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A models dir holding the registry and the tiny model as opus-mt-en-ru."""
    folder = tmp_path_factory.mktemp("models")
    shutil.copy(ROOT / "models" / "registry.toml", folder)
    build_tiny_marian(folder / "opus-mt-en-ru", seeds_dir)
    return folder


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
    assert calls[0]["repo_id"] == "Helsinki-NLP/opus-mt-ru-en" and calls[0]["revision"] == "main"
    assert "*.safetensors" in calls[0]["allow_patterns"]
    assert not any("bin" in p or "h5" in p for p in calls[0]["allow_patterns"])
    assert {r.name: r.status for r in list_models(tmp_path)}["opus-mt-ru-en"] == "local"


def test_pull_without_safetensors_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("huggingface_hub.snapshot_download", lambda repo_id, **kw: "")
    with pytest.raises(ModelNotFoundError, match="no safetensors weights"):
        pull_model("opus-mt-ru-en", tmp_path)
