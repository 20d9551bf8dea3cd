"""Choosing an embedder by name: the same names work on the command line and in the API."""

from __future__ import annotations

import pytest

from drift.errors import UsageError
from drift.pipeline import build_embedder


def test_none_by_name_means_no_embedder_as_on_the_command_line() -> None:
    assert build_embedder("none") is None
    assert build_embedder(None) is None


def test_an_unknown_embedder_lists_every_valid_choice_including_none() -> None:
    with pytest.raises(UsageError, match=r"e5, sentence-transformers, or none"):
        build_embedder("foo", cache=False)
