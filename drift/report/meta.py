"""run.json: what produced a report, so a result can be reproduced and compared."""

from __future__ import annotations

import json
import platform
from collections.abc import Mapping
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
