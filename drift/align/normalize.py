"""Word tokens with offsets, normalized so trivial differences between renderings vanish.

Case, typographic quotes and apostrophes, British versus American spelling (via breame) and
punctuation never make two renderings differ; "and" is kept as a token but marked as a filler.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from breame.spelling import get_american_spelling

# Words, with inner apostrophes ("Russia's"); hyphens and slashes split ("like-minded").
_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})

# Joining words whose presence or absence between list items is punctuation in disguise.
FILLERS = frozenset({"and"})

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same shall she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up upon
    us very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say saying told tell added
"""
# "just" (a just order), negations and degree words change what a sentence says: kept as content.
STOPWORDS = frozenset(_STOPWORD_TEXT.split()) - {
    "just",
    "against",
    "more",
    "most",
    "not",
    "no",
    "nor",
    "only",
    "very",
}


@dataclass(frozen=True)
class Token:
    """One word of a text: `text[start:end]` is its surface form, `norm` what comparisons use."""

    norm: str
    start: int
    end: int
    is_content: bool = True  # carries meaning: not a stopword, not a one-digit number

    @property
    def is_filler(self) -> bool:
        """True for words like "and" whose only job is what a comma also does."""
        return self.norm in FILLERS


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower-case, straight apostrophes, US spelling ("Sympathisers" -> "sympathizers")."""
    word = unicodedata.normalize("NFKC", word).translate(_APOSTROPHES).lower()
    return get_american_spelling(word) or word


def tokenize(text: str) -> list[Token]:
    """Word tokens of `text` with their character offsets; punctuation is dropped."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[Token, ...]:
    """`tokenize`, memoised: grouping and divergences read each rendering many times."""
    tokens = []
    for match in _WORD.finditer(text):
        norm = normalize_word(match.group())
        content = norm not in STOPWORDS and not (norm.isdigit() and len(norm) < 2)
        tokens.append(Token(norm, match.start(), match.end(), content))
    return tuple(tokens)


def norm_key(text: str) -> str:
    """Text reduced to its normalized words: equal keys mean trivially different renderings."""
    return " ".join(t.norm for t in tokenize(text) if not t.is_filler)
