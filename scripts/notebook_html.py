"""Execute notebooks/drift_analysis.ipynb and publish it as docs/drift_analysis.html (`make
notebook-html`), so a reader sees the tables and charts without running anything.

The page records a hash of the notebook's cells (`<meta name="drift-notebook-source">`); the test
suite recomputes it and fails when the notebook changed after the page was made.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "drift_analysis.ipynb"
PAGE = ROOT / "docs" / "drift_analysis.html"


# The page stays one file with no external requests: nbconvert's basic template, this stylesheet.
STYLE = """
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;margin:0 auto;
max-width:72rem;padding:1rem;color:#1d1d1f}
pre{background:#f6f7f9;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem .7rem;
overflow-x:auto;font-size:.82rem}
.jp-OutputArea pre,.output pre{background:#fff;border-color:#eee}
.jp-InputPrompt,.jp-OutputPrompt,.prompt{display:none}
.jp-RenderedHTMLCommon,.output_html{overflow-x:auto}
table{border-collapse:collapse;font-size:.82rem;margin:.4rem 0}
th,td{border-bottom:1px solid #eee;padding:.2rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f5f5f5}
img{max-width:100%;height:auto}
.jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'] pre{background:#fff8e6}
"""


def source_hash(notebook: Path) -> str:
    """sha256 of the notebook's cell types and sources (outputs and metadata left out)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = [[c["cell_type"], "".join(c["source"])] for c in cells]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()


def main() -> None:
    """Run the notebook top to bottom and write the HTML page."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    body, _ = HTMLExporter(template_name="basic", embed_images=True).from_notebook_node(notebook)
    html = (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>\n"
        f'<meta name="drift-notebook-source" content="{source_hash(NOTEBOOK)}">\n'
        "<meta name='viewport' content='width=device-width,initial-scale=1'>\n"
        f"<title>drift: analysis of the seed articles</title><style>{STYLE}</style></head>\n"
        f"<body><main>{body}</main></body></html>\n"
    )
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text(html, encoding="utf-8")
    print(f"{PAGE.relative_to(ROOT)}: {len(html) // 1024} KiB")


if __name__ == "__main__":
    main()
