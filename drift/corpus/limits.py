"""Bounds on one article, so reading and every later stage stay bounded in time and memory."""

from __future__ import annotations

from drift.errors import InputError

MAX_ARTICLE_CHARS = 2_000_000  # characters of text one article (file or table row) may hold
MAX_HTML_CHARS = 10_000_000  # characters of markup one HTML page may hold


def check_article(text: str, path: str, line: int | None = None, *, html: bool = False) -> None:
    """InputError when `text` is longer than an article may be, or holds NUL characters."""
    limit = MAX_HTML_CHARS if html else MAX_ARTICLE_CHARS
    if len(text) > limit:
        what = "HTML page" if html else "text"
        problem = (
            f"{what} is {len(text) / 1e6:.1f} M characters, above the {limit / 1e6:g} M an "
            "article may hold; skipped (split it into articles)"
        )
        raise InputError(path, problem, line)
    if "\x00" in text:
        raise InputError(path, "contains NUL characters: binary data, not article text", line)
