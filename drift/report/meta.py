"""run.json: what produced a report, so a result can be reproduced and compared."""

from __future__ import annotations

import json
import platform
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from drift.io import atomic_write_text


def run_json_text(meta: Mapping[str, object]) -> str:
    """The run metadata as indented, key-sorted JSON."""
    return json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_run_json(meta: Mapping[str, object], path: str | Path) -> Path:
    """Write the run metadata atomically."""
    atomic_write_text(path, run_json_text(meta))
    return Path(path)


def environment() -> dict[str, str]:
    """Versions of Python and the libraries that shape the numbers."""
    import sacrebleu
    import transformers

    import drift

    versions = {
        "drift": drift.__version__,
        "python": platform.python_version(),
        "sacrebleu": sacrebleu.__version__,
        "transformers": transformers.__version__,
    }
    try:
        import torch

        versions["torch"] = torch.__version__
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    return versions


_UNKNOWN = re.compile(r"\[[^\[\]\s]+\?\]")  # the lexicon backend's mark: [word?]


def lexicon_meta(renderings: Iterable[object]) -> dict[str, object]:
    """Offline resources missing on this machine (one line each) and the words the lexicon
    backend could not translate, per source language, in the renderings' back-translations."""
    from drift.lexicon.resources import missing_resources

    unknown: dict[str, int] = {}
    for r in renderings:
        if str(getattr(r, "backend", "")).startswith("lexicon"):
            found = len(_UNKNOWN.findall(str(getattr(r, "back_translation", ""))))
            lang = str(getattr(r, "source_lang", ""))
            unknown[lang] = unknown.get(lang, 0) + found
    return {
        "resources_missing": [s.missing_line() for s in missing_resources()],
        "unknown_words": dict(sorted(unknown.items())),
    }
