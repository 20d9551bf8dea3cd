"""Chinese script normalization: Traditional originals compare with Simplified output.

Back-translations (lexicon and opus-mt/NLLB `zho_Hans`) are Simplified; many originals (Hong Kong
and Taiwan outlets, some archives) are Traditional, so 堅如磐石 must meet 坚如磐石.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from drift.errors import MissingDependencyError
from drift.records import Original


class Simplifier:
    """Converts Traditional Chinese to Simplified with OpenCC's t2s tables (pure Python)."""

    @cached_property
    def _converter(self) -> Any:
        try:
            from opencc_purepy import OpenCC
        except ImportError as exc:
            raise MissingDependencyError(
                "Chinese script conversion needs opencc-purepy: pip install 'opencc-purepy>=1.5'"
            ) from exc
        return OpenCC("t2s")

    def text(self, text: str) -> str:
        """`text` in Simplified characters."""
        return self._converter.convert(text)

    def original(self, original: Original) -> Original:
        """A Chinese original with its text in Simplified characters; others unchanged."""
        if not original.lang.lower().startswith("zh"):
            return original
        return replace(original, text=self.text(original.text))
