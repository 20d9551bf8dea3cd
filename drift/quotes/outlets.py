"""News outlets as speakers: a wire's or paper's name, its acronym spelt out where the text
gives the name ("the Associated Press ... the AP said"), and "the report" for the last outlet."""

from __future__ import annotations

import re

from drift.quotes.speakers import fold

# Words that make a capitalized name a news outlet's ("Associated Press", "Global Times").
_MEDIA_TEXT = """
    news times post press daily journal tribune herald telegraph guardian gazette review
    reuters xinhua tass ria interfax afp ap bbc cnn sputnik
"""
MEDIA_WORDS = frozenset(_MEDIA_TEXT.split())
# Nouns that refer back to the outlet that reported last ("the report states").
REPORT_NOUNS = frozenset(["report", "agency", "newspaper", "paper", "outlet", "broadcaster"])
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_ARTICLES = frozenset(["the", "a", "an"])
_LINKS = frozenset(["of", "and", "for", "the"])  # "Agence France-Presse", "Voice of America"


def outlet(phrase: str, text: str = "", pos: int = 0) -> str:
    """The outlet a subject phrase names ("The Associated Press" -> "Associated Press"; "the
    AP" -> "Associated Press" where `text` spells it out before `pos`), else ""."""
    tokens = phrase.split()
    if tokens and fold(tokens[0]) in _ARTICLES:
        tokens = tokens[1:]
    if not tokens or not all(t[:1].isupper() for t in tokens) or len(tokens) > 4:
        return ""
    if fold(tokens[-1]) not in MEDIA_WORDS:
        return ""  # the name ends with its kind: "Global Times", not "Press Secretary X"
    if len(tokens) == 1 and _ACRONYM.fullmatch(tokens[0]):
        return spelled_out(tokens[0], text, pos) or tokens[0]
    return " ".join(tokens)


def spelled_out(acronym: str, text: str, pos: int) -> str:
    """The capitalized name before `pos` whose initials spell `acronym` ("AP": "Associated
    Press"): news style spells a name out on first mention and abbreviates it after."""
    words = r"[A-Z][\w'’-]*(?:\s+(?:of|and|for|the)\s+|\s+)"
    pattern = re.compile(rf"(?<![\w'’-])(?:{words}){{{len(acronym) - 1},6}}[A-Z][\w'’-]*")
    found = ""
    for match in pattern.finditer(text, 0, pos):
        parts = [w for w in match.group().split() if fold(w) not in _LINKS]
        name = parts[-len(acronym) :]  # a name may end a longer run: "Monday Associated Press"
        if "".join(w[0] for w in name) == acronym:
            found = " ".join(name)
    return found
