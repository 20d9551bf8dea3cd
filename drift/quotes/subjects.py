"""The words naming who spoke, read before or after a reporting verb ("Russian Foreign Minister
Sergei Lavrov said", "said the spokesman, NAME,") or across an aside or an apposition."""

from __future__ import annotations

import re

from drift.quotes.english import never_noun, place_named
from drift.quotes.names import Apposition, is_person_name
from drift.quotes.roles import ROLE_NOUNS, name_after_title, org_head
from drift.quotes.speakers import TITLE_WORDS, fold
from drift.quotes.verbs import AFTER_VERB, AUXILIARIES, CONJUNCTIONS, PREPOSITIONS

WORD = re.compile(r"[\w][\w'’.-]*")
# Characters read before and after a reporting verb: every search stays this close to the verb.
_WINDOW_BEFORE, WINDOW_AFTER = 160, 120
_TITLE_DOT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Prof|Lt|Col|Capt|Gov|St|[A-Z])\.$"
)  # "U.N."
# Lowercase words that may stand in a subject phrase naming a speaker or a role.
_SUBJECT_TEXT = """
    spokesman spokeswoman spokesperson ministry minister president premier ambassador envoy
    secretary chairman press office embassy government kremlin statement readout official
    officials leader head chief adviser aide representative counterpart host diplomat
    agency council committee department service
"""
_SUBJECT_WORDS = frozenset(_SUBJECT_TEXT.split())
_OFFICE_WORDS = ROLE_NOUNS | {"to", "at", "the"}  # "representative to the UN"
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]—–\n\"“”«»„]|\bx+\b|\bthat\b|\bwho\b|\bwhich\b")
# The words of an aside: no clause break, but the stops of an abbreviation ("the U.S.").
_ASIDE_TEXT = r"(?:[^,;:!?\"“”«»\n.]|(?<=[A-Z])\.(?=[A-Z]|,))"
# "Putin, speaking at the forum, said" / "Biden, for his part, said": an aside after the name.
_PARTICIPLE_ASIDE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,\s+[a-z][\w'’-]*"
    rf"{_ASIDE_TEXT}{{0,100}},$"
)
# "NAME, a former champion who ... opposition, said": a name that opens its sentence, then an
# apposition of any length up to the comma before the verb.
_OPENING_APPOSITION = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s*,\s+"
    rf"(?:a|an|the)\s{_ASIDE_TEXT}+,$"
)
# "A senior official, who asked not to be named, said": a relative clause after the subject.
_RELATIVE_ASIDE = re.compile(
    r"(?:^|(?<=[.!?:\n]\s)|(?<=\n))\s*(?P<np>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s*,\s+"
    rf"(?:who|whose)\b{_ASIDE_TEXT}{{0,100}},$"
)
# "The Russian leader, in turn, said": an aside after a role that opens the sentence.
_ROLE_ASIDE = re.compile(
    r"(?:^|(?<=[.!?:\n]\s)|(?<=\n))\s*(?P<np>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s*,\s+"
    rf"[a-z][\w'’-]*{_ASIDE_TEXT}{{0,60}},$"
)
# "..., NAME, who said": a relative clause whose subject is the name before it.
_WHO = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,\s*who$")
# Lowercase words a subject after its verb may open with: "said one analyst", "said a diplomat".
_SUBJECT_OPENERS = frozenset(
    ["the", "his", "her", "a", "an", "one", "another", "two", "three", "several", "some"]
)
_PAREN_BEFORE = re.compile(r"\([^()\n]{1,30}\)\s*$")  # "Zhao Lijian (pictured) noted"
# ", Sergey Lavrov," after a role phrase: the name the role stands for.
_NAME_AFTER_ROLE = re.compile(r",\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s*(?=[,.…;]|$)")


def subject_words(masked: str, lo: int, end: int) -> tuple[list[re.Match[str]], int]:
    """The words of a subject ending at `end`, back to the last clause break, and where the
    unreduced phrase starts; a parenthesis before the verb ("(pictured)") is skipped."""
    window_lo = max(lo, end - _WINDOW_BEFORE)
    paren = _PAREN_BEFORE.search(masked, window_lo, end)
    if paren:
        end = paren.start()
    window = masked[window_lo:end]
    breaks = [
        b
        for b in _CLAUSE_BREAK.finditer(window)
        if b.group() != "."
        or not (_TITLE_DOT.search(window, 0, b.end()) or _dotted_name(window, b.start()))
    ]  # "Mr. Putin said", "Nord.Info reports": the dot of a title or inside a name breaks nothing
    start = window_lo + (breaks[-1].end() if breaks else 0)
    words = list(WORD.finditer(masked, start, end))
    while words and _is_auxiliary(words[-1].group()):
        words.pop()
    while words and fold(words[0].group()) in CONJUNCTIONS:
        words.pop(0)  # "and Olmert told his host"
    return words, words[0].start() if words else end


def _dotted_name(text: str, dot: int) -> bool:
    """Whether the dot at `dot` joins a capitalized word to a letter, as in a name written
    without a space ("Nord.Info"); "reporter.Anna" is a space missing between two sentences."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    return text[start : start + 1].isupper() and text[dot + 1 : dot + 2].isalpha()


def clause_before(
    masked: str, lo: int, verb_start: int, participle: bool = False
) -> tuple[str, int, int]:
    """The subject words just before a verb, their start, and where the phrase started; a
    participle takes a subject after "with" ("with Oskirko saying")."""
    words, lead = subject_words(masked, lo, verb_start)
    if not words:
        return "", verb_start, lead
    if len(words) > 9 or any(_is_prose(w.group()) for w in words[:-1]):
        # "The incident came as an equally belligerent Vladimir Putin told": the name at the end
        objects = PREPOSITIONS - {"with"} if participle else PREPOSITIONS
        words = _subject_tail(words, objects) or ([] if len(words) > 9 else words)
    if not words:
        return "", verb_start, lead
    return masked[words[0].start() : words[-1].end()], words[0].start(), lead


def _is_prose(word: str) -> bool:
    """A lowercase word that belongs to no title ("came", "belligerent"): the subject is prose."""
    return word.islower() and fold(word) not in TITLE_WORDS and fold(word) not in _SUBJECT_WORDS


def _is_auxiliary(word: str) -> bool:
    """Words between a subject and its verb: "has", "meanwhile", "later", "firmly"."""
    folded = fold(word)
    return folded in AUXILIARIES or (word.islower() and folded.endswith("ly") and len(folded) > 4)


def apposition_subject(
    masked: str, ends: dict[int, Apposition], verb_start: int
) -> tuple[str, int, int]:
    """The name of "NAME, the ROLE, (also) said" or "the ROLE, NAME, said": an apposition ending
    just before the verb, an aside after a name or an opening role ("The Russian leader, in
    turn, said"), or the name a relative "who" stands for; its name, the name's start and the
    whole phrase's start."""
    words = list(WORD.finditer(masked, max(0, verb_start - 40), verb_start))
    at = verb_start
    while words and _is_auxiliary(words[-1].group()):
        at = words.pop().start()
    head = at  # end of the text before the verb, trailing blanks dropped (no slice of the prefix)
    while head > 0 and masked[head - 1].isspace():
        head -= 1
    found = ends.get(head)
    if found is not None:
        return found.name, found.start, found.lead if found.lead >= 0 else found.start
    lo = max(0, head - 140)
    opening = _OPENING_APPOSITION.search(masked, max(0, head - 400), head)
    if opening is not None and is_person_name(opening.group("name")):  # "NAME, a former
        return opening.group("name"), opening.start("name"), opening.start("name")  # ..., said"
    aside = _PARTICIPLE_ASIDE.search(masked, lo, head)  # "Putin, speaking at the forum,"
    if aside is not None and is_person_name(aside.group("name")):
        return aside.group("name"), aside.start("name"), aside.start("name")
    relative = _RELATIVE_ASIDE.search(masked, lo, head)  # "A senior official, who asked ...,"
    if relative is not None:
        return relative.group("np"), relative.start("np"), relative.start("np")
    role = _ROLE_ASIDE.search(masked, lo, head)  # "The Russian leader, in turn,"
    if role is not None and fold(role.group("np").split()[-1]) in ROLE_NOUNS:
        return role.group("np"), role.start("np"), role.start("np")
    who = _WHO.search(masked, lo, head)  # "the Japanese envoy, NAME, who said"
    if who is not None and is_person_name(who.group("name")):
        return who.group("name"), who.start("name"), who.start("name")
    return "", verb_start, -1


def _subject_tail(words: list[re.Match[str]], objects: frozenset[str]) -> list[re.Match[str]]:
    """The last name run of a long clause that is no object of a preposition: "the mayor Norris
    Poulson in his address to Khrushchev stated" names Poulson."""
    end = len(words)
    while end > 0:
        tail = name_tail(words[:end])
        k = end - len(tail)
        modifier = end < len(words) and _is_head_noun(words[end].group())
        if tail and not modifier and not (k > 0 and fold(words[k - 1].group()) in objects):
            return tail  # "an unnamed Kremlin source told": Kremlin modifies the source
        end = k - 1 if tail else end - 1
    return []


def _is_head_noun(word: str) -> bool:
    """A lowercase word after a name that makes the name its modifier ("Kremlin source"): no
    preposition, auxiliary, conjunction or verb form ("was", "in", "quoted")."""
    folded = fold(word)
    grammar = PREPOSITIONS | AUXILIARIES | CONJUNCTIONS
    return word.islower() and folded not in grammar and not folded.endswith(("ed", "ly"))


def name_tail(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The trailing run of capitalized or title words of a long clause ("... month Wang")."""
    k = len(words)
    while k > 0:
        token = words[k - 1].group()
        if not (token[:1].isupper() or fold(token) in TITLE_WORDS | _SUBJECT_WORDS):
            break
        k -= 1
    return words[k:]


def clause_after(masked: str, verb_end: int, hi: int) -> tuple[str, int]:
    """The subject words after a verb ("said Russian Foreign Minister Sergei Lavrov"); a role
    followed by ", NAME," gives the name ("by Russian Foreign Minister, Sergey Lavrov,"); words
    whose last is no noun ("said the Oslo enjoy", a typo) are no subject."""
    window = masked[verb_end : min(hi, verb_end + WINDOW_AFTER)]
    stop = _CLAUSE_BREAK.search(window)
    segment = window[: stop.start() if stop else len(window)]
    words = list(WORD.finditer(segment))
    if not words or not (
        words[0].group()[:1].isupper() or fold(words[0].group()) in _SUBJECT_OPENERS
    ):
        return "", verb_end
    named = _titled_name_after(words)
    if named:  # "by Russia's permanent representative to the UN Vasily Nebenzia"
        return segment[named[0].start() : named[-1].end()], verb_end + named[0].start()
    cut = next(
        (k for k, w in enumerate(words) if k and fold(w.group()) in AFTER_VERB),
        len(words),
    )
    uncut = cut == len(words)
    words = words[:cut]
    if uncut and stop and stop.group() == ",":
        named = _NAME_AFTER_ROLE.match(window, stop.start())
        if named and is_person_name(named.group(1)) and _is_role(words):
            return named.group(1), verb_end + named.start(1)
    head = words[-1].group()
    if fold(words[0].group()) in _SUBJECT_OPENERS and head.islower() and never_noun(head):
        return "", verb_end  # "said the Oslo enjoy": no noun heads it, so it names no one
    return segment[words[0].start() : words[-1].end()], verb_end + words[0].start()


def _titled_name_after(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of a name closing a role phrase after a verb, the office between them:
    "Russia's permanent representative to the UN Vasily Nebenzia"."""
    tokens = [w.group() for w in words]
    folded = [fold(t) for t in tokens]
    at = name_after_title(tokens, folded)
    if at <= 0 or not ROLE_NOUNS & set(folded[:at]):
        return []
    office = TITLE_WORDS | _OFFICE_WORDS
    if not all(t[:1].isupper() or f in office for t, f in zip(tokens, folded, strict=True)):
        return []  # "Putin at a meeting with Xi Jinping": Xi is no part of the subject
    return words[at:]


def _is_role(words: list[re.Match[str]]) -> bool:
    """Title words only ("Russian Foreign Minister"), or a role and the body it serves ("the
    spokesperson for Norway's Foreign Ministry"): a role that names nobody yet."""
    folded = [fold(w.group()) for w in words]
    if all(w in TITLE_WORDS for w in folded):
        return True
    return bool(set(folded) & ROLE_NOUNS) and all(
        f in TITLE_WORDS or org_head(f) or place_named(w.group())[0]
        for f, w in zip(folded, words, strict=True)
    )


def main_subject(masked: str, start: int) -> tuple[str, int]:
    """The subject of the main clause after a participial phrase that opens a sentence: the
    phrase modifies it ("Describing Lavrov as “...”, the journalist quoted ..."); its words
    and offset, or ("", -1)."""
    comma = complement_end(masked, start)
    if masked[comma : comma + 1] != ",":
        return "", -1
    words = []
    for match in WORD.finditer(masked, comma + 1, min(len(masked), comma + 80)):
        word = match.group()
        folded = fold(word)
        if not (word[:1].isupper() or folded in _SUBJECT_OPENERS | TITLE_WORDS | ROLE_NOUNS):
            break
        words.append(match)
    if not words or len(words) > 6 or not masked[words[-1].end() :].lstrip()[:1].islower():
        return "", -1
    return masked[words[0].start() : words[-1].end()], words[0].start()


def complement_end(masked: str, start: int) -> int:
    """Where the words a speech noun introduces end ("X's comments that the U.S. “...” with
    China, “...”" ends at the comma): the first comma, semicolon, colon, line break or full
    stop outside quote marks; the dot of "U.S." ends nothing."""
    inside = False
    for k in range(start, min(len(masked), start + 400)):
        char = masked[k]
        if char in "“«„":
            inside = True
        elif char in "”»":
            inside = False
        elif char == '"':
            inside = not inside
        elif inside:
            continue
        elif char in ",;:\n" or (
            char in ".!?" and not _TITLE_DOT.search(masked, max(0, k - 4), k + 1)
        ):
            return k
    return min(len(masked), start + 400)


def line_start(masked: str, pos: int) -> int:
    return masked.rfind("\n", max(0, pos - _WINDOW_BEFORE), pos) + 1
