"""Speakers from reporting clauses ("X said", "said X", "according to X") outside quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drift.quotes.english import common_word, never_noun
from drift.quotes.names import (
    Apposition,
    find_appositions,
    is_full_name,
    is_person_name,
    known_full_name,
)
from drift.quotes.roles import ROLE_NOUNS, name_after_title, nationality
from drift.quotes.speakers import TITLE_WORDS, fold
from drift.quotes.verbs import (
    AFTER_VERB,
    AUXILIARIES,
    CONJUNCTIONS,
    OBJECT_VERBS,
    PARTICIPLES,
    PASSIVE_VERBS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    TIME_NOUNS,
    TIME_OPENERS,
)

# Characters read before and after a reporting verb: every search stays this close to the verb.
_WINDOW_BEFORE, _WINDOW_AFTER = 160, 120
_WORD = re.compile(r"[\w][\w'’.-]*")
_BARE_WORD = re.compile(r"\w[\w'’-]*")  # no dots: "reporters." leaves its full stop in the gap
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
_ACCORDING = re.compile(r"\baccording to\s+([^,.;:!?\n\"“”«»]{2,80})", re.IGNORECASE)
# "stated by X", "stated on Thursday by X": an adverbial may stand before "by".
_PASSIVE = re.compile(
    r"\b(\w+)\s+(?:(?:on|in|at|earlier|later)\s+(?:\w+\s+)?|\w+ly\s+)?by\s+(?=\S)"
)
# Words that link a participle to the clause before it: "..., before adding:", "while noting".
_PARTICIPLE_LINKS = frozenset(["before", "after", "while", "when", "then", "by", "without"])
# A second verb of the sentence's subject: "The Russian leader then smirked, and said:".
_COORDINATED = re.compile(r"(?<![\w'’-])and\s+$")
# The words of an aside: no clause break, but the stops of an abbreviation ("the U.S.").
_ASIDE_TEXT = r"(?:[^,;:!?\"“”«»\n.]|(?<=[A-Z])\.(?=[A-Z]|,))"
# "Putin, speaking at the forum, said" / "Biden, for his part, said": an aside after the name.
_PARTICIPLE_ASIDE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*,\s+[a-z][\w'’-]*"
    rf"{_ASIDE_TEXT}{{0,100}},$"
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
_WHO_AFTER = re.compile(r"\s*,\s*who(?:\s+[\w'’-]+){0,2}\s*")  # "NAME, who also said"
# "“...” — Sergei Lavrov": a dash and a name after a closing mark end a paragraph.
_DASH_NAME = re.compile(
    r"[”\"»’]\s*[—–]\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*(?=,|\n|$)"
)
# Lowercase words a subject after its verb may open with: "said one analyst", "said a diplomat".
_SUBJECT_OPENERS = frozenset(
    ["the", "his", "her", "a", "an", "one", "another", "two", "three", "several", "some"]
)
_MAKE = frozenset(["made", "makes", "make"])
_SOURCE_VERBS = frozenset(["reported", "reports"])
_CLEAR = re.compile(r"\s+(?:it\s+)?clear\b")
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets)\s+(?:\w+ly\s+)?$")
_QUOTE_NEXT = re.compile(r"\s*(?:(?:that|to)\s+|[:,]\s*)?[“\"«„‘]")  # the words come next
_PARTICLE = re.compile(r"\s+(?:out|back)\b")  # a phrasal verb: "pointed out", "wrote back"
_MAX_OBJECT = 5  # words of an object after "told": "a regular news conference"
# "X's comments", "X's earlier comments": the speech noun, one lowercase word before it at most.
_POSSESSIVE = re.compile(r"['’]s\s+(\w+)\b")
_POSSESSIVE_ADJ = re.compile(r"['’]s\s+([a-z][\w-]*)\s+(\w+)\b")  # "X's earlier comments"
# What follows a speech noun that introduces its words: "comments that", "words: “", "remark “".
_SAYS_WHAT = re.compile(r"\s*(?:that\b|[:,]?\s*[“\"«„‘]|[:,]?\s*x)")
_NAME_COLON = re.compile(  # "Lavrov: “We are ready.”"
    r"(?:^|(?<=[\n.!?]))\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}):\s*(?=[“\"«„])"
)
# "NAME SURNAME FOREIGN MINISTER “...”": a caption in capitals opens the line of a quote, as
# television transcripts print who speaks.
_CAPTION = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<caps>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’.-]*){1,9})"
    r"[ \t]*:?[ \t]*(?=[“\"«„])"
)
_PUT_IT = re.compile(  # "as Lavrov put it, “...”"
    r"\b[Aa]s\s+(?P<subject>[^,.;:!?\n\"“”«»]{2,60}?)\s+(?P<verb>puts?)\s+it\b"
)
_WORDS_OF = re.compile(
    r"\bin (?:the words of\s+([^,.;:!?\n\"“”«»]{2,80})|(his|her) (?:own )?words\b)",
    re.IGNORECASE,
)  # "in the words of X", "in his words"
_CAME_REPLY = re.compile(
    r"\bcame\s+(his|her|their)\s+(?:reply|response|answer|retort)\b", re.IGNORECASE
)  # "“...,” came his reply"
_PAREN_BEFORE = re.compile(r"\([^()\n]{1,30}\)\s*$")  # "Zhao Lijian (pictured) noted"
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“”]\s*)$")
# ", Sergey Lavrov," after a role phrase: the name the role stands for.
_NAME_AFTER_ROLE = re.compile(r",\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s*(?=[,.…;]|$)")


@dataclass(frozen=True)
class Clause:
    """A reporting clause: verb offsets and the phrase naming who spoke, before or after it."""

    verb_start: int
    verb_end: int
    subject: str  # the words naming the speaker ("he", "the foreign minister", "Wang Yi")
    subject_start: int  # offset of the subject in the text
    subject_after: bool = False  # verb-first ("said Lavrov") or "according to X"
    source: bool = False  # "according to X": who reported the words, not always who said them
    ends: bool = True  # nothing said follows the verb ("Lavrov said on Monday.")
    lead: int = -1  # start of the words before the subject ("military" in "military spokesman")
    elided: bool = False  # ", adding:": the subject is the previous clause's
    reach: int = -1  # "X's comments that ...": where the words the noun introduces end
    relative: bool = False  # "NAME, who said": a side remark; the sentence's subject stays on


def _subject_words(masked: str, lo: int, end: int) -> tuple[list[re.Match[str]], int]:
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
    words = list(_WORD.finditer(masked, start, end))
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


def _clause_before(
    masked: str, lo: int, verb_start: int, participle: bool = False
) -> tuple[str, int, int]:
    """The subject words just before a verb, their start, and where the phrase started; a
    participle takes a subject after "with" ("with Oskirko saying")."""
    words, lead = _subject_words(masked, lo, verb_start)
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


def _apposition_subject(
    masked: str, ends: dict[int, Apposition], verb_start: int
) -> tuple[str, int, int]:
    """The name of "NAME, the ROLE, (also) said" or "the ROLE, NAME, said": an apposition ending
    just before the verb, an aside after a name or an opening role ("The Russian leader, in
    turn, said"), or the name a relative "who" stands for; its name, the name's start and the
    whole phrase's start."""
    words = list(_WORD.finditer(masked, max(0, verb_start - 40), verb_start))
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
        tail = _name_tail(words[:end])
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


def _name_tail(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The trailing run of capitalized or title words of a long clause ("... month Wang")."""
    k = len(words)
    while k > 0:
        token = words[k - 1].group()
        if not (token[:1].isupper() or fold(token) in TITLE_WORDS | _SUBJECT_WORDS):
            break
        k -= 1
    return words[k:]


def _clause_after(masked: str, verb_end: int, hi: int) -> tuple[str, int]:
    """The subject words after a verb ("said Russian Foreign Minister Sergei Lavrov"); a role
    followed by ", NAME," gives the name ("by Russian Foreign Minister, Sergey Lavrov,"); words
    whose last is no noun ("said the Oslo enjoy", a typo) are no subject."""
    window = masked[verb_end : min(hi, verb_end + _WINDOW_AFTER)]
    stop = _CLAUSE_BREAK.search(window)
    segment = window[: stop.start() if stop else len(window)]
    words = list(_WORD.finditer(segment))
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
    """Title words only ("Russian Foreign Minister"): a role that names nobody yet."""
    return all(fold(w.group()) in TITLE_WORDS for w in words)


def _ends_attribution(masked: str, verb: str, end: int) -> bool:
    """True when nothing said follows the verb: `said.`, `said on Monday`, `told reporters in`,
    `said the day before`; false for `said the talks failed` or `said that ...`."""
    words = list(_BARE_WORD.finditer(masked, end, min(len(masked), end + 60)))
    k = 0
    if verb in OBJECT_VERBS:  # "told reporters", "told a news conference in Moscow"
        while k < min(len(words), _MAX_OBJECT) and _plain_gap(masked, end, words, k):
            if fold(words[k].group()) in AFTER_VERB | {"that"}:
                break
            k += 1
    if k >= len(words) or not _plain_gap(masked, end, words, k):
        return True  # punctuation or the end comes first
    first = fold(words[k].group())
    if first in AFTER_VERB or first == "and":  # "he continued and drew attention to ..."
        return True
    if first in PARTICIPLES:  # "he said adding that ...": the participle's words, not said's
        return True
    time = k + 1 if first in TIME_OPENERS else k  # "the day before", "last week"
    return time < len(words) and fold(words[time].group()) in TIME_NOUNS


def _plain_gap(masked: str, verb_end: int, words: list[re.Match[str]], k: int) -> bool:
    """No punctuation between the verb (or word k - 1) and word k."""
    lo = words[k - 1].end() if k else verb_end
    return not masked[lo : words[k].start()].strip()


def _verb_at_sentence_start(masked: str, start: int) -> bool:
    """A capitalized verb opens a sentence or line ("Says Lavrov"); mid-sentence ("the United
    States") it is a noun."""
    return bool(_SENTENCE_START.search(masked, max(0, start - 3), start))


def _possessive_clauses(masked: str) -> list[Clause]:
    """ "NAME's comments that ..." names the speaker of what follows."""
    found = []
    described = [  # "Ruiz's earlier statement that": the noun after one adjective
        m for m in _POSSESSIVE_ADJ.finditer(masked) if fold(m.group(1)) not in SPEECH_NOUNS
    ]
    for match in [*_POSSESSIVE.finditer(masked), *described]:
        noun = match.lastindex or 1
        if fold(match.group(noun)) not in SPEECH_NOUNS or not _SAYS_WHAT.match(masked, match.end()):
            continue  # "Zelensky's speech had begun" names no speaker of a quote
        lo = _line_start(masked, match.start())
        words, lead = _subject_words(masked, lo, match.start())
        tail = _name_tail(words)  # the owner of the words, object of a preposition or not:
        subject = masked[tail[0].start() : tail[-1].end()] if tail else ""  # "In reply to X's"
        subject_start = tail[0].start() if tail else match.start()
        last = subject.split()[-1] if subject else ""
        if last[-1:].isalpha() and (last[:1].isupper() or fold(last) in ROLE_NOUNS):
            verb, end = match.span(noun)  # "Price's comments that", "an official's comment that"
            reach = _complement_end(masked, end)
            found.append(
                Clause(verb, end, subject, subject_start, ends=False, lead=lead, reach=reach)
            )
    return found


def _main_subject(masked: str, start: int) -> tuple[str, int]:
    """The subject of the main clause after a participial phrase that opens a sentence: the
    phrase modifies it ("Describing Lavrov as “...”, the journalist quoted ..."); its words
    and offset, or ("", -1)."""
    comma = _complement_end(masked, start)
    if masked[comma : comma + 1] != ",":
        return "", -1
    words = []
    for match in _WORD.finditer(masked, comma + 1, min(len(masked), comma + 80)):
        word = match.group()
        folded = fold(word)
        if not (word[:1].isupper() or folded in _SUBJECT_OPENERS | TITLE_WORDS | ROLE_NOUNS):
            break
        words.append(match)
    if not words or len(words) > 6 or not masked[words[-1].end() :].lstrip()[:1].islower():
        return "", -1
    return masked[words[0].start() : words[-1].end()], words[0].start()


def _complement_end(masked: str, start: int) -> int:
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


def _line_start(masked: str, pos: int) -> int:
    return masked.rfind("\n", max(0, pos - _WINDOW_BEFORE), pos) + 1


def _passive_clauses(masked: str) -> list[Clause]:
    """ "as indicated by X" / "reported by X": X spoke (a report names a source)."""
    found = []
    for match in _PASSIVE.finditer(masked):
        verb = fold(match.group(1))
        source = verb == "reported"
        if verb not in PASSIVE_VERBS and not source:
            continue
        line_hi = masked.find("\n", match.end(), match.end() + _WINDOW_AFTER)
        hi = line_hi if line_hi >= 0 else len(masked)
        subject, subject_start = _clause_after(masked, match.end() - 1, hi)
        if subject:
            start, end = match.span(1)
            found.append(Clause(start, end, subject, subject_start, True, source=source))
    return found


def signed_quote(line: str) -> bool:
    """True for a line that ends a quote with a dash and a name (`“...” — Sergei Lavrov`)."""
    match = _DASH_NAME.search(line)
    return match is not None and not line[match.end() :].strip()


def find_clauses(masked: str) -> list[Clause]:
    """Every reporting clause of a text whose quoted words are masked, in text order."""
    clauses: list[Clause] = []
    ends = {a.end: a for a in find_appositions(masked)}
    for match in _WORD.finditer(masked):
        word = match.group()
        folded = fold(word)
        participle = folded in PARTICIPLES
        start = match.start()
        end = start + len(word.rstrip("."))  # "said." ends a sentence
        if folded in _MAKE and (clear := _CLEAR.match(masked, end)):
            end = clear.end()  # "Putin has made clear", "made it clear"
        elif folded not in REPORTING_VERBS and not participle:
            continue
        elif particle := _PARTICLE.match(masked, end):
            end = particle.end()  # "“...,” Mao pointed out.": the particle is the verb's
        if word[:1].isupper() and not _verb_at_sentence_start(masked, start):
            continue
        if folded == "reported" and masked.startswith(" by", end):
            continue  # a passive: `_passive_clauses`
        done = _ends_attribution(masked, folded, end)
        if (
            folded in OBJECT_VERBS
            and not folded.endswith("ing")  # "He was asking the boy:" is active
            and _BE_BEFORE.search(masked, max(0, start - 24), start)
            and _QUOTE_NEXT.match(masked, end)
        ):
            reach = _complement_end(masked, end)  # "X was asked “...”": X heard the words
            clauses.append(Clause(start, end, "", start, ends=done, reach=reach))
            continue
        line = _line_start(masked, start)
        subject, subject_start, lead = _clause_before(masked, line, start, participle)
        tail = fold(subject.split()[-1]) if subject else ""
        if participle and tail in _PARTICIPLE_LINKS:  # "began to chuckle, before adding:"
            clauses.append(Clause(start, end, "", start, ends=done, elided=True))
            continue
        if subject and tail not in {"the", "a", "and", "to"}:
            source = folded in _SOURCE_VERBS  # "Reuters reported": who passed the words on
            clauses.append(
                Clause(start, end, subject, subject_start, ends=done, lead=lead, source=source)
            )
            continue
        subject, subject_start, lead = _apposition_subject(masked, ends, start)
        if subject:
            relative = _WHO_AFTER.fullmatch(masked, subject_start + len(subject), start) is not None
            clauses.append(
                Clause(start, end, subject, subject_start, ends=done, lead=lead, relative=relative)
            )
            continue
        if participle:
            if masked[max(0, start - 4) : start].rstrip().endswith(","):  # "said, adding:"
                clauses.append(Clause(start, end, "", start, ends=done, elided=True))
            elif word[:1].isupper():  # "Describing Lavrov as “...”, the journalist wrote"
                subject, subject_start = _main_subject(masked, end)
                if subject:
                    clauses.append(Clause(start, end, subject, subject_start, True, ends=False))
            continue
        if _COORDINATED.search(masked, max(0, start - 8), start):  # "smirked, and said:"
            clauses.append(Clause(start, end, "", start, ends=done, elided=True))
            continue
        line_hi = masked.find("\n", end, end + _WINDOW_AFTER)
        subject, subject_start = _clause_after(
            masked, end, line_hi if line_hi >= 0 else len(masked)
        )
        if subject:
            clauses.append(Clause(start, end, subject, subject_start, True))
    clauses.extend(_pattern_clauses(masked))
    clauses.extend(_passive_clauses(masked))
    clauses.extend(_possessive_clauses(masked))
    return sorted(clauses, key=lambda c: c.verb_start)


def _caption_name(caps: str) -> str:
    """The name that opens a caption in capitals ("ANNA LUND DANISH FOREIGN MINISTER": "Anna
    Lund"), the words before its first title word; "" when they make no person's name or end
    on a common English word (a heading: "LIVE UPDATES")."""
    words = []
    for word in caps.title().split():
        if fold(word) in TITLE_WORDS or fold(word) in ROLE_NOUNS or nationality({fold(word)}):
            break
        words.append(word)
    name = " ".join(words)
    if len(words) < 2 or common_word(words[-1]):
        return ""  # "LIVE UPDATES “...”", "PUTIN SPEECH “...”": a heading, no one's name
    return name if is_person_name(name) else ""


def _pattern_clauses(masked: str) -> list[Clause]:
    """Attributions without a reporting verb: `“...” — NAME`, `NAME: “...”`, a caption in
    capitals (`NAME ROLE “...”`), `came his reply`,
    `as X put it`, `in the words of X`, and `according to X` (a source)."""
    found = []
    for match in _DASH_NAME.finditer(masked):
        name = match.group("name").rstrip(".")
        if is_person_name(name):
            at = match.start("name")
            found.append(Clause(at, at, name, at, True))
    for match in _NAME_COLON.finditer(masked):
        name = match.group("name")
        tokens = name.split()
        if is_full_name(tokens) or (len(tokens) == 1 and known_full_name(name, given=False)):
            colon = match.end("name")
            found.append(Clause(colon, colon + 1, name, match.start("name"), lead=match.start()))
    for match in _CAPTION.finditer(masked):
        name = _caption_name(match.group("caps"))
        if name:
            end = match.end("caps")
            found.append(Clause(end, end, name, match.start("caps"), lead=match.start()))
    for match in _CAME_REPLY.finditer(masked):
        found.append(Clause(match.start(), match.end(), match.group(1), match.start(1), True))
    for match in _PUT_IT.finditer(masked):
        subject = match.group("subject")
        found.append(Clause(match.start("verb"), match.end(), subject, match.start("subject")))
    for match in _WORDS_OF.finditer(masked):
        named = 1 if match.group(1) else 2
        subject = match.group(named).strip()
        if "x" * 3 not in subject:
            found.append(Clause(match.start(), match.start(), subject, match.start(named), True))
    for match in _ACCORDING.finditer(masked):
        subject = match.group(1).strip()
        if "x" * 3 not in subject:
            found.append(
                Clause(match.start(), match.start(), subject, match.start(1), True, source=True)
            )
    return found
