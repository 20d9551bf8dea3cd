"""The analysis notebook runs top to bottom, so it cannot rot; its HTML copy in docs/ matches it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "drift_analysis.ipynb"
PAGE = ROOT / "docs" / "drift_analysis.html"


def _source_hash(notebook: Path) -> str:
    """As scripts/notebook_html.py records it: sha256 of the cells' types and sources."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = [[c["cell_type"], "".join(c["source"])] for c in cells]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()


def _text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for out in cell.outputs:
        parts.append(out.get("text", ""))
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_analysis_notebook_executes() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    )
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    images = [out for cell in code for out in cell.outputs if "image/png" in out.get("data", {})]
    assert len(images) == 2  # the heatmap and the bar chart
    stderr = "".join(
        out.get("text", "") for cell in code for out in cell.outputs if out.get("name") == "stderr"
    )
    assert "TqdmWarning" not in stderr and "IProgress" not in stderr
    chosen = next(cell for cell in code if "group = GROUP or" in cell.source)
    assert "Sergei Lavrov" in _text(chosen)  # the multipolar statement, quoted by three outlets
    side_by_side = next(cell for cell in code if "rows[[" in cell.source)
    assert "geopolitics.co (Sputnik)" in _text(side_by_side)
    assert not re.search(r"\b00\d_[0-9a-f]{16}\b", _text(side_by_side))  # outlets, not file stems
    deduped = next(cell for cell in code if "deduped = (" in cell.source)
    assert "distinct wordings" in _text(deduped) and "type" in _text(deduped)


def test_published_html_matches_the_notebook() -> None:
    assert PAGE.is_file(), "docs/drift_analysis.html is missing: run make notebook-html"
    found = re.search(
        r'<meta name="drift-notebook-source" content="([0-9a-f]{64})">',
        PAGE.read_text(encoding="utf-8"),
    )
    assert found, "docs/drift_analysis.html records no notebook hash: run make notebook-html"
    assert found.group(1) == _source_hash(NOTEBOOK), (
        "docs/drift_analysis.html is stale: the notebook changed since; run make notebook-html"
    )
    page = PAGE.read_text(encoding="utf-8")
    assert "<script src=" not in page and "data:image/png;base64" in page
