"""Speakers from reporting clauses ("X said", "said X", "according to X") outside quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drift.quotes.names import find_appositions
from drift.quotes.speakers import TITLE_WORDS, fold

REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "added",
        "adds",
        "stressed",
        "stresses",
        "noted",
        "notes",
        "told",
        "tells",
        "vowed",
        "vows",
        "praised",
        "praises",
        "warned",
        "warns",
        "announced",
        "announces",
        "declared",
        "declares",
        "insisted",
        "insists",
        "emphasized",
        "emphasizes",
        "emphasised",
        "emphasises",
        "underlined",
        "underlines",
        "underscored",
        "stated",
        "states",
        "affirmed",
        "reaffirmed",
        "asserted",
        "claimed",
        "claims",
        "remarked",
        "explained",
        "explains",
        "argued",
        "argues",
        "pointed",
        "reiterated",
        "reiterates",
        "urged",
        "urges",
        "called",
        "calls",
        "replied",
        "responded",
        "commented",
        "observed",
        "acknowledged",
        "admitted",
        "conceded",
        "suggested",
        "proposed",
        "highlighted",
        "recalled",
        "reported",
        "reports",
        "wrote",
        "writes",
        "read",
        "reads",
        "continued",
        "concluded",
        "maintained",
        "hailed",
        "welcomed",
        "expressed",
        "confirmed",
        "asked",
        "asks",
        "answered",
        "tweeted",
        "quipped",
        "joked",
        "retorted",
        "boasted",
        "promised",
        "threatened",
        "predicted",
        "complained",
        "cautioned",
        "assured",
        "pledged",
        "shouted",
        "remarked",
    ]
)
AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "later",
        "then",
        "earlier",
        "again",
        "further",
        "once",
        "recently",
        "previously",
        "reportedly",
        "repeatedly",
        "was",
        "is",
        "were",
        "are",
        "would",
        "will",
        "meanwhile",
        "himself",
        "herself",
        "however",
        "separately",
        "too",
        "now",
        "today",
        "yesterday",
        "subsequently",
        "additionally",
        "still",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
PRONOUNS = frozenset({"he", "she"})
# Characters read before and after a reporting verb: every search stays this close to the verb.
_WINDOW_BEFORE, _WINDOW_AFTER = 160, 120
_WORD = re.compile(r"[\w][\w'’.-]*")
_TITLE_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Prof|Lt|Col|Capt|Gov|St)\.$")
# Lowercase words that may stand in a subject phrase naming a speaker or a role.
_SUBJECT_TEXT = """
    spokesman spokeswoman spokesperson ministry minister president premier ambassador envoy
    secretary chairman press office embassy government kremlin statement readout official
    officials leader head chief adviser aide representative counterpart host diplomat
    agency council committee department service
"""
_SUBJECT_WORDS = frozenset(_SUBJECT_TEXT.split())
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]—–\n\"“”«»„]|\bx+\b|\bthat\b|\bwho\b|\bwhich\b")
_ACCORDING = re.compile(r"\baccording to\s+([^,.;:!?\n\"“”«»]{2,80})", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\bwas quoted as saying\b|\bquoted\b", re.IGNORECASE)
_IN_STATEMENT = re.compile(r"\b(?:in|said in) a (?:statement|press release)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """A reporting clause: verb offsets and the phrase naming who spoke, before or after it."""

    verb_start: int
    verb_end: int
    subject: str  # the words naming the speaker ("he", "the foreign minister", "Wang Yi")
    subject_start: int  # offset of the subject in the text
    subject_after: bool = False  # verb-first ("said Lavrov") or "according to X"
    source: bool = False  # "according to X": who reported the words, not always who said them


def _clause_before(masked: str, lo: int, verb_start: int) -> tuple[str, int]:
    """The subject words just before a verb, back to the last clause break."""
    window_lo = max(lo, verb_start - _WINDOW_BEFORE)
    window = masked[window_lo:verb_start]
    breaks = [
        b
        for b in _CLAUSE_BREAK.finditer(window)
        if b.group() != "." or not _TITLE_DOT.search(window, 0, b.end())
    ]  # "Mr. Putin said": the dot of a title breaks nothing
    start = window_lo + (breaks[-1].end() if breaks else 0)
    words = list(_WORD.finditer(masked, start, verb_start))
    while words and _is_auxiliary(words[-1].group()):
        words.pop()
    if not words:
        return "", verb_start
    if len(words) > 9 or any(_is_prose(w.group()) for w in words[:-1]):
        # "The incident came as an equally belligerent Vladimir Putin told": the name at the end
        words = _name_tail(words) or ([] if len(words) > 9 else words)
    if not words:
        return "", verb_start
    return masked[words[0].start() : words[-1].end()], words[0].start()


def _is_prose(word: str) -> bool:
    """A lowercase word that belongs to no title ("came", "belligerent"): the subject is prose."""
    return word.islower() and fold(word) not in TITLE_WORDS and fold(word) not in _SUBJECT_WORDS


def _is_auxiliary(word: str) -> bool:
    """Words between a subject and its verb: "has", "meanwhile", "later", "firmly"."""
    folded = fold(word)
    return folded in AUXILIARIES or (word.islower() and folded.endswith("ly") and len(folded) > 4)


def _apposition_subject(masked: str, ends: dict[int, str], verb_start: int) -> tuple[str, int]:
    """The name of "NAME, the ROLE, (also) said": an apposition ending just before the verb."""
    words = list(_WORD.finditer(masked, max(0, verb_start - 40), verb_start))
    at = verb_start
    while words and _is_auxiliary(words[-1].group()):
        at = words.pop().start()
    head = at  # end of the text before the verb, trailing blanks dropped (no slice of the prefix)
    while head > 0 and masked[head - 1].isspace():
        head -= 1
    name = ends.get(head)
    if name is None:
        return "", verb_start
    start = masked.rfind(name, 0, head)
    return name, max(start, 0)


def _name_tail(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The trailing run of capitalized or title words of a long clause ("... month Wang")."""
    k = len(words)
    while k > 0:
        token = words[k - 1].group()
        if not (token[:1].isupper() or fold(token) in TITLE_WORDS):
            break
        k -= 1
    return words[k:]


def _clause_after(masked: str, verb_end: int, hi: int) -> tuple[str, int]:
    """The subject words after a verb ("said Russian Foreign Minister Sergei Lavrov")."""
    window = masked[verb_end : min(hi, verb_end + _WINDOW_AFTER)]
    stop = _CLAUSE_BREAK.search(window)
    segment = window[: stop.start() if stop else len(window)]
    words = list(_WORD.finditer(segment))
    if not words or not (
        words[0].group()[:1].isupper() or fold(words[0].group()) in {"the", "his", "her"}
    ):
        return "", verb_end
    cut = next(
        (
            k
            for k, w in enumerate(words)
            if k
            and fold(w.group()) in {"in", "on", "at", "during", "after", "before", "while", "to"}
        ),
        len(words),
    )
    words = words[:cut]
    return segment[words[0].start() : words[-1].end()], verb_end + words[0].start()


def find_clauses(masked: str) -> list[Clause]:
    """Every reporting clause of a text whose quoted words are masked, in text order."""
    clauses: list[Clause] = []
    ends = {a.end: a.name for a in find_appositions(masked)}
    for match in _WORD.finditer(masked):
        if fold(match.group()) not in REPORTING_VERBS:
            continue
        start, end = match.span()
        line_lo = masked.rfind("\n", max(0, start - _WINDOW_BEFORE), start) + 1
        subject, subject_start = _clause_before(masked, line_lo, start)
        if subject and fold(subject.split()[-1]) not in {"the", "a", "and", "to"}:
            clauses.append(Clause(start, end, subject, subject_start))
            continue
        subject, subject_start = _apposition_subject(masked, ends, start)
        if subject:
            clauses.append(Clause(start, end, subject, subject_start))
            continue
        line_hi = masked.find("\n", end, end + _WINDOW_AFTER)
        subject, subject_start = _clause_after(
            masked, end, line_hi if line_hi >= 0 else len(masked)
        )
        if subject:
            clauses.append(Clause(start, end, subject, subject_start, True))
    for match in _ACCORDING.finditer(masked):
        subject = match.group(1).strip()
        if "x" * 3 not in subject:
            clauses.append(
                Clause(match.start(), match.start(), subject, match.start(1), True, source=True)
            )
    return sorted(clauses, key=lambda c: c.verb_start)


def is_in_statement(masked: str, lo: int, hi: int) -> bool:
    """True when `lo:hi` says the words come from a statement or were quoted by someone."""
    return bool(_IN_STATEMENT.search(masked, lo, hi) or _QUOTED_AS.search(masked, lo, hi))
