"""A tiny English->Russian lexicon and back-translation for the score tests (no bundled data)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drift.records import Translation

RU = {
    "multipolar": ("многополярный",),
    "strong": ("сильный", "крепкий", "прочный"),
    "like-minded people": ("единомышленник",),
    "sympathisers": ("сочувствующий", "сторонник"),
    "supporters": ("сторонник", "приверженец"),
    "just": ("справедливый",),
    "democratic": ("демократический",),
    "world order": ("миропорядок", "мировой порядок"),
    "move": ("двигаться",),
    "serious": ("серьёзный", "важный"),
    "critical": ("критический", "решающий", "важный"),
    "stage": ("этап", "стадия"),
    "juncture": ("момент", "этап"),
    "going through": ("переживать",),
    "live": ("жить",),
    "ironclad": ("железный", "нерушимый"),
    "solid": ("прочный", "твёрдый"),
}


@dataclass(frozen=True)
class FakeGloss:
    source: str
    lemma: str
    targets: tuple[str, ...]
    start: int
    end: int


class FakeLexicon:
    """Greedy longest-match glossing over `RU`, with offsets like the real lexicon's."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.table = table

    def gloss(self, text: str) -> list[FakeGloss]:
        out, low, i = [], text.lower(), 0
        keys = sorted(self.table, key=len, reverse=True)
        while i < len(text):
            for key in keys:
                if low.startswith(key, i) and (i == 0 or not low[i - 1].isalnum()):
                    out.append(
                        FakeGloss(text[i : i + len(key)], key, self.table[key], i, i + len(key))
                    )
                    i += len(key)
                    break
            else:
                word = re.match(r"\w+", low[i:])
                if word:
                    out.append(FakeGloss(word.group(), word.group(), (), i, i + word.end()))
                    i += word.end()
                else:
                    i += 1
        return out


def fake_back(texts: Sequence[str], lang: str) -> list[Translation]:
    """Word-by-word gloss into the first candidate, as the lexicon backend does."""
    lexicon = FakeLexicon(RU)
    return [
        Translation(
            t, " ".join(g.targets[0] for g in lexicon.gloss(t) if g.targets), "en", lang, "fake"
        )
        for t in texts
    ]
