"""What the `drift` command writes to the terminal: log lines on stderr and plain tables."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class _Stderr(logging.Handler):
    """Writes to the current sys.stderr (not the one of the first call), one line a record."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr, flush=True)


def setup_logging(verbose: bool = False) -> None:
    """drift's log lines on stderr as `drift: message`; stage timings with verbose."""
    logger = logging.getLogger("drift")
    if not logger.handlers:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("drift: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def table(frame: pd.DataFrame, columns: list[str]) -> str:
    """Left-aligned columns; on a terminal the last one is cut with an ellipsis to fit it,
    piped it is kept whole."""
    import shutil

    rows = [[str(v) for v in row] for row in frame[columns].itertuples(index=False)]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns[:-1])]
    room = max(20, shutil.get_terminal_size((120, 24)).columns - sum(widths) - 2 * len(widths))
    if not sys.stdout.isatty():
        room = sys.maxsize

    def line(cells: list[str]) -> str:
        last = " ".join(cells[-1].split())
        last = last if len(last) <= room else last[: room - 1] + "…"
        return "  ".join([*(c.ljust(w) for c, w in zip(cells, widths, strict=False)), last])

    return "\n".join([line(columns), *(line(r) for r in rows)])
