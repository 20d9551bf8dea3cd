"""Speakers from reporting clauses ("X said", "said X", "according to X") outside quotes; the
words naming who spoke are read by `subjects.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drift.quotes.english import common_word
from drift.quotes.names import (
    find_appositions,
    is_full_name,
    is_person_name,
    known_full_name,
)
from drift.quotes.roles import ROLE_NOUNS, nationality
from drift.quotes.speakers import TITLE_WORDS, fold
from drift.quotes.subjects import (
    WINDOW_AFTER,
    WORD,
    apposition_subject,
    clause_after,
    clause_before,
    complement_end,
    line_start,
    main_subject,
    name_tail,
    subject_words,
)
from drift.quotes.verbs import (
    AFTER_VERB,
    OBJECT_VERBS,
    PARTICIPLES,
    PASSIVE_VERBS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    TIME_NOUNS,
    TIME_OPENERS,
)

_BARE_WORD = re.compile(r"\w[\w'’-]*")  # no dots: "reporters." leaves its full stop in the gap
_ACCORDING = re.compile(r"\baccording to\s+([^,.;:!?\n\"“”«»]{2,80})", re.IGNORECASE)
# "stated by X", "stated on Thursday by X": an adverbial may stand before "by".
_PASSIVE = re.compile(
    r"\b(\w+)\s+(?:(?:on|in|at|earlier|later)\s+(?:\w+\s+)?|\w+ly\s+)?by\s+(?=\S)"
)
# Words that link a participle to the clause before it: "..., before adding:", "while noting".
_PARTICIPLE_LINKS = frozenset(["before", "after", "while", "when", "then", "by", "without"])
# A second verb of the sentence's subject: "The Russian leader then smirked, and said:".
_COORDINATED = re.compile(r"(?<![\w'’-])and\s+$")
_WHO_AFTER = re.compile(r"\s*,\s*who(?:\s+[\w'’-]+){0,2}\s*")  # "NAME, who also said"
# "“...” — Sergei Lavrov": a dash and a name after a closing mark end a paragraph.
_DASH_NAME = re.compile(
    r"[”\"»’]\s*[—–]\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*(?=,|\n|$)"
)
_MAKE = frozenset(["made", "makes", "make"])
_HE = frozenset(["he", "she"])  # "said he told": the subject reports his own words
_SOURCE_VERBS = frozenset(["reported", "reports"])
_CLEAR = re.compile(r"\s+(?:it\s+)?clear\b")
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets)\s+(?:\w+ly\s+)?$")
_QUOTE_NEXT = re.compile(r"\s*(?:(?:that|to)\s+|[:,]\s*)?[“\"«„‘]")  # the words come next
_PARTICLE = re.compile(r"\s+(?:out|back)\b")  # a phrasal verb: "pointed out", "wrote back"
_MAX_OBJECT = 5  # words of an object after "told": "a regular news conference"
# "X's comments", "X's earlier comments": the speech noun, one lowercase word before it at most.
_POSSESSIVE = re.compile(r"['’]s\s+(\w+)\b")
_POSSESSIVE_ADJ = re.compile(r"['’]s\s+([a-z][\w-]*)\s+(\w+)\b")  # "X's earlier comments"
# What follows a speech noun that introduces its words: "comments that", "words: “", "remark “",
# "statement of “".
_SAYS_WHAT = re.compile(r"\s*(?:that\b|[:,]?\s*[“\"«„‘]|[:,]?\s*x|of\s+[“\"«„‘])")
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
# "cited by the news agency ... as saying": the words before a participle's subject that make
# that subject the agent of a passive, not the one who spoke.
_PASSIVE_AGENT = re.compile(r"\b(?:cited|quoted)\s+by\b[^.;:!?\n\"“”]*$")
_QUOTED = re.compile(  # "TASS quoted X": X said the words TASS carried
    r"\b(?P<verb>quoted)\s+(?P<obj>[^,.;:!?\n\"“”«»]{2,80}?)(?=\s+as\b|\s*[,.;:!?\n]|$)"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“”]\s*)$")


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
    if first in _HE and k + 1 < len(words) and fold(words[k + 1].group()) in REPORTING_VERBS:
        return True  # "“...,” NAME said he told his host": his own words, told again
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
        lo = line_start(masked, match.start())
        words, lead = subject_words(masked, lo, match.start())
        tail = name_tail(words)  # the owner of the words, object of a preposition or not:
        subject = masked[tail[0].start() : tail[-1].end()] if tail else ""  # "In reply to X's"
        subject_start = tail[0].start() if tail else match.start()
        last = subject.split()[-1] if subject else ""
        if last[-1:].isalpha() and (last[:1].isupper() or fold(last) in ROLE_NOUNS):
            verb, end = match.span(noun)  # "Price's comments that", "an official's comment that"
            reach = complement_end(masked, end)
            found.append(
                Clause(verb, end, subject, subject_start, ends=False, lead=lead, reach=reach)
            )
    return found


def _passive_clauses(masked: str) -> list[Clause]:
    """ "as indicated by X" / "reported by X": X spoke (a report names a source)."""
    found = []
    for match in _PASSIVE.finditer(masked):
        verb = fold(match.group(1))
        source = verb == "reported"
        if verb not in PASSIVE_VERBS and not source:
            continue
        line_hi = masked.find("\n", match.end(), match.end() + WINDOW_AFTER)
        hi = line_hi if line_hi >= 0 else len(masked)
        subject, subject_start = clause_after(masked, match.end() - 1, hi)
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
    for match in WORD.finditer(masked):
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
            reach = complement_end(masked, end)  # "X was asked “...”": X heard the words
            clauses.append(Clause(start, end, "", start, ends=done, reach=reach))
            continue
        line = line_start(masked, start)
        subject, subject_start, lead = clause_before(masked, line, start, participle)
        tail = fold(subject.split()[-1]) if subject else ""
        agent = subject and _PASSIVE_AGENT.search(masked, max(0, subject_start - 80), subject_start)
        if participle and (tail in _PARTICIPLE_LINKS or agent):  # "before adding:"; "X was cited
            # by the agency NTB as saying": the agent passed the words on, X said them
            clauses.append(Clause(start, end, "", start, ends=done, elided=True))
            continue
        if subject and tail not in {"the", "a", "and", "to"}:
            source = folded in _SOURCE_VERBS  # "Reuters reported": who passed the words on
            clauses.append(
                Clause(start, end, subject, subject_start, ends=done, lead=lead, source=source)
            )
            continue
        subject, subject_start, lead = apposition_subject(masked, ends, start)
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
                subject, subject_start = main_subject(masked, end)
                if subject:
                    clauses.append(Clause(start, end, subject, subject_start, True, ends=False))
            continue
        if _COORDINATED.search(masked, max(0, start - 8), start):  # "smirked, and said:"
            clauses.append(Clause(start, end, "", start, ends=done, elided=True))
            continue
        line_hi = masked.find("\n", end, end + WINDOW_AFTER)
        subject, subject_start = clause_after(masked, end, line_hi if line_hi >= 0 else len(masked))
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
    for match in _QUOTED.finditer(masked):  # "“...,” TASS quoted the press office of X."
        start, end = match.span("verb")
        if _BE_BEFORE.search(masked, max(0, start - 24), start) or "x" * 3 in match["obj"]:
            continue  # "X was quoted as saying": the participle's clause
        _, lead = subject_words(masked, line_start(masked, start), start)
        found.append(Clause(start, end, match["obj"], match.start("obj"), True, lead=lead))
    for match in _ACCORDING.finditer(masked):
        subject = match.group(1).strip()
        if "x" * 3 not in subject:
            found.append(
                Clause(match.start(), match.start(), subject, match.start(1), True, source=True)
            )
    return found
