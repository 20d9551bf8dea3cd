"""What counts as a person's name in running text, and names given with an apposition.

"Dmitry Peskov, the Kremlin spokesman, said" names Peskov (with a title); "Analysts at the
Eurasia Center", "United" or "Sergei Lavrov. Lavrov" name no one.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from drift.quotes.speakers import PRONOUNS, TITLE_WORDS, fold, is_chinese_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# Capitalized words that make a phrase an institution, a place or a heading, not a person.
NOT_NAME_WORDS_TEXT = """
    center centre institute university college school foundation fund council union nations
    states kingdom republic federation united party group agency news times post daily press
    review journal tribune herald service services ministry kremlin government office committee
    department embassy administration cabinet parliament duma assembly congress senate court
    bank company corporation palace corp inc ltd association organization organisation club forum
    alliance coalition front army navy force forces command media network radio television tv
    world international global east west north south europe asia africa america eurasia
    monday tuesday wednesday thursday friday saturday sunday january february september
    october november december analysts experts officials sources
    reporters observers critics diplomats reuters xinhua tass ria interfax afp ap bbc cnn
    this that these those it there here such european western
"""
NOT_NAME_WORDS = frozenset(NOT_NAME_WORDS_TEXT.split())
# Common given names of Russian officials: a capitalized pair starting with one is a person.
GIVEN_NAMES_TEXT = """
    vladimir sergei sergey dmitry dmitri maria alexei aleksei alexey mikhail andrei andrey
    nikolai yuri yury valentina vyacheslav alexander aleksandr anatoly igor konstantin leonid
    valery elvira vassily vasily anton oleg ivan pavel peter pyotr boris viktor victor yevgeny
    evgeny olga tatiana natalia irina elena yelena svetlana grigory roman denis artem maxim
    ramzan kirill arkady gennady ilya vadim stanislav
"""
GIVEN_NAMES = frozenset(GIVEN_NAMES_TEXT.split())
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]*\.|[A-Z][\w'’-]*)$")
_ROLE_HINT_TEXT = """
    spokesman spokeswoman spokesperson minister president premier ambassador envoy diplomat
    secretary chairman chairwoman chairperson chancellor councilor councillor official aide adviser
    advisor head chief director leader representative counterpart deputy
"""
_ROLE_HINT = frozenset(_ROLE_HINT_TEXT.split())
_ROLE_LINKS = frozenset({"of", "for", "to"})  # "spokeswoman for the ministry"
_OPENERS = frozenset({"the", "a", "an", "his", "her", "who", "its", "their"})
_APPOSITION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,\s+"
    r"(?P<app>[^,;:!?\"“”«»\n.]{2,80}?)\s*,"
)

# A name and a past-tense verb open a clause, not a role: "Lavrov berated his counterpart".
_CLAUSE_START = re.compile(r"[A-Z][\w'’-]*\s+[a-z]+ed\b")
_PHRASE_BREAK = re.compile(r"[,;:.!?()\[\]\"“”«»\n]")
_ROLE_NAME = re.compile(
    r"(?<![\w'’-])(?P<role>[A-Za-z]+)\s*,\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s*,"
)


def is_person_name(display: str) -> bool:
    """True for a plausible person's name: capitalized words, no title or institution."""
    tokens = display.split()
    if not tokens or len(tokens) > 4 or (len(tokens) == 1 and fold(tokens[0]) in PRONOUNS):
        return False  # "He" alone is the pronoun, though a Chinese family name (He Lifeng)
    for tok in tokens:
        if not _NAME_TOKEN.match(tok) or (tok.endswith(".") and len(tok) > 2):
            return False  # "Lavrov." ends a sentence; only initials ("J.") keep their dot
        if fold(tok) in NOT_NAME_WORDS or (fold(tok) in TITLE_WORDS and len(tokens) == 1):
            return False
    return True


def is_full_name(tokens: list[str]) -> bool:
    """A name that can stand for its surname later on: a Chinese name or a known given name."""
    if not 2 <= len(tokens) <= 3 or not is_person_name(" ".join(tokens)):
        return False
    return is_chinese_name(tokens) or fold(tokens[0]) in GIVEN_NAMES


@dataclass(frozen=True)
class Apposition:
    """ "NAME, the ROLE," in a text: the name's offsets and the title words of its apposition."""

    name: str
    start: int
    end: int  # offset just after the closing comma of the apposition
    title: frozenset[str]
    lead: int = -1  # start of a role phrase before the name ("the Kremlin spokesman, NAME,")


def find_appositions(text: str) -> list[Apposition]:
    """Names followed by a comma-enclosed role phrase ("Dmitry Peskov, the Kremlin spokesman,"),
    or a role phrase followed by a comma-enclosed name ("the Kremlin spokesman, Dmitry Peskov,")."""
    found = _role_then_name(text)
    pos = 0
    while (match := _APPOSITION.search(text, pos)) is not None:
        pos = match.end("name")  # a failed apposition may hold the next name
        app = match.group("app").split()
        words = {fold(w) for w in app}
        opens = fold(app[0]) in _OPENERS or app[0].endswith(("'s", "’s"))
        role_first = fold(app[0]) in _ROLE_HINT  # "Leonid Slutsky, head of the committee,"
        if _CLAUSE_START.match(match.group("app")):
            continue  # "the Telegraph, Lavrov berated his counterpart,": a clause, no role
        if not ((opens and words & _ROLE_HINT) or fold(app[-1]) in _ROLE_HINT or role_first):
            continue
        if not is_person_name(match.group("name")):
            continue
        found.append(
            Apposition(match.group("name"), match.start("name"), match.end(), frozenset(words))
        )
        pos = match.end()
    return sorted(found, key=lambda a: a.start)


def _role_then_name(text: str) -> list[Apposition]:
    """ "the spokesman for the Russian leader, Dmitry Peskov,": a full name after a role."""
    found = []
    for match in _ROLE_NAME.finditer(text):
        name = match.group("name")
        if not is_person_name(name):
            continue
        lo = max(0, match.start() - 80)
        breaks = list(_PHRASE_BREAK.finditer(text, lo, match.start("role")))
        lo = breaks[-1].end() if breaks else lo
        words = list(re.finditer(r"\S+", text[lo : match.start("role")]))[-6:]
        lead = lo + words[0].start() if words else match.start("role")
        title = frozenset(fold(w) for w in [*(w.group() for w in words), match.group("role")])
        if fold(match.group("role")) not in _ROLE_HINT and not _role_phrase(text, lo, match):
            continue
        found.append(Apposition(name, match.start("name"), match.end(), title, lead))
    return found


def _role_phrase(text: str, lo: int, match: re.Match[str]) -> bool:
    """ "the deputy chairperson of the Russian Security Council", "the spokeswoman for the
    Russian Foreign Ministry": a definite phrase whose head, before "of"/"for"/"to", is a role."""
    words = [fold(w) for w in text[lo : match.end("role")].split()]
    if not 2 < len(words) <= 10 or words[0] not in _OPENERS:
        return False
    link = next((k for k, w in enumerate(words) if k and w in _ROLE_LINKS), None)
    return link is not None and words[link - 1] in _ROLE_HINT


@lru_cache(maxsize=1)
def known_officials() -> tuple[str, ...]:
    """Full names of the officials drift ships a source language for (drift/data/speakers.toml)."""
    text = (resources.files("drift") / "data" / "speakers.toml").read_text(encoding="utf-8")
    names = [n for entry in tomllib.loads(text).values() for n in entry.get("speakers", [])]
    return tuple(n for n in names if is_person_name(n) and len(n.split()) > 1)


@lru_cache(maxsize=1)
def _officials_by_part() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """folded name part -> (officials with it as family name, officials with it as given name)."""
    family: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for name in known_officials():
        tokens = name.split()
        chinese = is_chinese_name(tokens)
        family.setdefault(fold(tokens[0] if chinese else tokens[-1]), set()).add(name)
        if chinese:  # "Gang" for Qin Gang: some outlets take a given name for the family name
            for tok in tokens[1:]:
                given.setdefault(fold(tok), set()).add(name)
    parts = set(family) | set(given)
    return {p: (frozenset(family.get(p, ())), frozenset(given.get(p, ()))) for p in parts}


def known_full_name(single: str, given: bool = True) -> str:
    """The one known official a lone family name stands for ("Xi" -> "Xi Jinping"), else "";
    with `given`, a Chinese given name no official bears as family name ("Gang" -> "Qin Gang")."""
    word = fold(single)
    if word in PRONOUNS or word in TITLE_WORDS:
        return ""
    family, givens = _officials_by_part().get(word, (frozenset(), frozenset()))
    if family:
        return next(iter(family)) if len(family) == 1 else ""
    return next(iter(givens)) if given and len(givens) == 1 else ""


def official_lang(name: str) -> str:
    """Language of a known official's statements ("ru", "zh") from the speaker table, else ""."""
    return _official_langs().get(name, "")


@lru_cache(maxsize=1)
def _official_langs() -> dict[str, str]:
    text = (resources.files("drift") / "data" / "speakers.toml").read_text(encoding="utf-8")
    return {
        n: lang for lang, entry in tomllib.loads(text).items() for n in entry.get("speakers", [])
    }
