"""drift: catch translation drift in quotes of Russian and Chinese officials in English news.

The Python API mirrors the CLI; every function returns plain records or pandas DataFrames::

    import drift
    report = drift.run(["seeds/"], originals="seeds/originals.jsonl")
    report.divergences.head()
"""

from __future__ import annotations

__version__ = "0.1.0"
