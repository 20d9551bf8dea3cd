"""Corpus stage: read articles, quotes tables and originals tables from files and directories."""

from __future__ import annotations

from drift.corpus.clean import clean_text
from drift.corpus.corpus import (
    DEFAULT_MAX_BYTES,
    Corpus,
    iter_inputs,
    read_corpus,
    read_originals,
)
from drift.corpus.dates import find_date
from drift.corpus.langid import detect_lang

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Corpus",
    "clean_text",
    "detect_lang",
    "find_date",
    "iter_inputs",
    "read_corpus",
    "read_originals",
]
