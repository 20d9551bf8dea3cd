"""Antecedents in one document: whom a pronoun, an unattributed quote or "it said" follows."""

from __future__ import annotations

import bisect
import re

from drift.quotes.bodies import body_phrase, proper_phrase
from drift.quotes.english import common_noun, place_named
from drift.quotes.roles import ROLE_NOUNS, SPECIFIC, TITLE_SCAN
from drift.quotes.roster import OFFICE_LINKS, SUBJECT_REACH, TOKEN, Roster
from drift.quotes.sentences import SENTENCE_SUBJECT, opens_sentence, sentence_start
from drift.quotes.speakers import fold

# An introductory phrase before a sentence's subject: "In his speech,", "On Monday,".
_INTRO = re.compile(r"(?:[A-Z][a-z]*(?:\s+[\w'’-]+){0,5},)?(?:\s*[A-Z][\w'’.-]*){0,4}")
# A short phrase and a comma before a sentence's subject: "In response,", "Additionally,".
_INTRO_COMMA = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s*[,:]\s*")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# A name that owns the next noun ("Medvedev's choice"): no subject, no antecedent.
_POSSESSOR = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\b")
_MASKED = re.compile(r"x+")  # a word of a quote, masked


class Antecedents(Roster):
    """The subjects of a document's sentences; whom its pronouns and unattributed quotes mean."""

    def last_named(self, pos: int) -> str:
        """Whom a pronoun at `pos` means: the first person named in the latest sentence before
        `pos` that names anyone (its subject, usually: "Xi offered Biden a warning. ... he"), or
        with no one named before, the first one named after it in its paragraph, else the
        headline's subject (an article about Medvedev that says "he said" names him there), else
        the first one named within reach after it (a lede that names only a role)."""
        latest = max(
            (
                p.mentions[k - 1]
                for p in self.persons.values()
                if (k := bisect.bisect_left(p.mentions, pos))
            ),
            default=None,
        )
        if latest is None:  # `“...,” he said. Mr. Putin said`: named only after (a lede)
            hi = self.masked.find("\n", pos, pos + SUBJECT_REACH)
            ahead = self._mentions(pos, hi if hi >= 0 else pos + SUBJECT_REACH)
            if not ahead and not self.headline:  # a lede of roles ("The ambassador ... he
                ahead = self._mentions(pos, pos + SUBJECT_REACH)  # said"), his name later
            return ahead[0][1] if ahead else self.headline
        lo = max(0, latest - SUBJECT_REACH)
        start = sentence_start(self.masked, lo, latest)
        named = self._mentions(max(start, lo), pos)
        subjects = [n for at, n in named if not _POSSESSOR.match(self.masked, at)]
        return subjects[0] if subjects else named[0][1]

    def sentence_subject(self, pos: int) -> str:
        """The person who opens the sentence around `pos`, titles allowed before the name ("Xi
        paid tribute to Hu, commending ..."), else ""."""
        start = sentence_start(self.masked, max(0, pos - 2000), pos)
        found = self._mentions(start, pos)
        if not found:
            return ""
        at, name = found[0]
        if _POSSESSOR.match(self.masked, at):
            return ""  # "Medvedev's choice was explained by ...": the choice is the subject
        intro = self.masked[start:at].strip()
        if _INTRO.fullmatch(intro) or _title_phrase(intro):  # "In his speech, Xi paid ..."
            return name  # "Former State Department spokesperson NAME captured ..."
        opens = SENTENCE_SUBJECT.search(self.masked, max(0, at - 80), at)
        return name if opens and opens.start() <= start + 1 else ""

    def opening_phrase(self, pos: int) -> str:
        """The role phrase or personal pronoun that opens the sentence around `pos` ("The
        Russian leader" of "The Russian leader then smirked, and said"), else a body or "The"
        and a proper name ("The Admiralty denied it, saying"), a short lead-in allowed before
        either ("Some background: The board ..."), else ""."""
        start = sentence_start(self.masked, max(0, pos - 2000), pos)
        tokens = TOKEN.findall(self.masked, start, pos)[:5]
        if tokens and fold(tokens[0]) in ("he", "she"):
            return tokens[0]  # "He also appeared to urge ..., saying"
        body = body_phrase(tokens) or (tokens[0] if self.spelled_body(tokens[0], pos) else "")
        intro = _INTRO_COMMA.match(self.masked, start, pos)
        if not body and intro:  # "Some background: The board denied it, saying “...”"
            body = body_phrase(TOKEN.findall(self.masked, intro.end(), pos)[:5])
        if body:  # "China's foreign ministry has retaliated ..., accusing him of “...”"
            return body
        role = self._role_opening(tokens)
        if role:
            return role
        for start_at in (start, intro.end()) if intro else (start,):
            opened = TOKEN.findall(self.masked, start_at, pos)[:6]
            proper = proper_phrase(opened) if opened and opened[0] == "The" else ""
            if proper and not any(place_named(w)[1] for w in proper.split()):
                return proper  # "The Pentagon denied it, saying": an institution's name
        return ""

    @staticmethod
    def _role_opening(tokens: list[str]) -> str:
        """The role phrase that opens `tokens` ("The Russian leader"), else ""."""
        if not tokens or fold(tokens[0]) != "the":
            return ""
        phrase = [tokens[0]]
        for token in tokens[1:]:
            if not (token[:1].isupper() or fold(token) in ROLE_NOUNS | SPECIFIC):
                break
            phrase.append(token)
        return " ".join(phrase) if fold(phrase[-1]) in ROLE_NOUNS else ""

    def body_before(self, pos: int) -> str:
        """What "it said" at `pos` stands for: the organization that opens its sentence, else
        the one that opens one of the two sentences before ("The White House gave no details.
        “...,” it said in a statement"; a sentence on what the body released may stand
        between), a short opening phrase and comma allowed before it ("In response, Norway's
        ministry ..."); a person is no "it"."""
        hi, read = pos, 0
        while hi > 0 and read < 3:
            lo = sentence_start(self.masked, max(0, hi - 2000), hi)
            tokens = TOKEN.findall(self.masked, lo, hi)[:6]
            intro = _INTRO_COMMA.match(self.masked, lo, hi)
            after = TOKEN.findall(self.masked, intro.end(), hi)[:6] if intro else []
            spoke = [b for b in self.bodies if lo <= b[0] < hi]
            hi = max(0, lo - 1)
            if not tokens or _MASKED.fullmatch(tokens[0]):
                if spoke:  # "“...,” the ministry said. It said ...": the body that just spoke
                    return max(spoke)[1]
                continue  # a quoted sentence, its words masked: no subject of the text's
            read += 1
            body = body_phrase(tokens) or body_phrase(after)  # "In response, Norway's ministry"
            if body:
                return self.organization(body, pos)
            proper = proper_phrase(tokens)
            if proper and not self._is_person(proper):
                return proper
        return ""

    def body_subject(self, pos: int) -> str:
        """The organization that opens the sentence around `pos`, a short opening phrase
        allowed ("The ruling Labour Party views “...”": no reporting verb, but the body is
        whose view the sentence gives), else ""."""
        lo = sentence_start(self.masked, max(0, pos - 2000), pos)
        intro = _INTRO_COMMA.match(self.masked, lo, pos)
        for start in (lo, intro.end()) if intro else (lo,):
            body = body_phrase(TOKEN.findall(self.masked, start, pos)[:8])
            if body:
                return self.organization(body, pos)
        return ""

    def subject_before(self, lo: int, pos: int) -> str:
        """The person a quote with no attribution follows in `lo:pos`: the subject of the latest
        sentence there that names anyone, or the one person it names ("Peskov gave a firm no.
        “...”", "The question went to Peskov.\n\n“...”"); "" when that sentence names several
        and none opens it."""
        named = [
            (at, n) for at, n in self._mentions(lo, pos) if not _POSSESSOR.match(self.masked, at)
        ]
        if not named:
            return ""
        latest = named[-1][0]
        start = sentence_start(self.masked, lo, latest)
        subject = self.sentence_subject(latest)
        if subject or start >= sentence_start(self.masked, lo, pos):
            return subject  # in the quote's own sentence ("Describing Lavrov as “...”") only
        persons = {n for at, n in named if at >= start}  # a subject speaks, an object does not
        return persons.pop() if len(persons) == 1 else ""

    def pronoun(self, pos: int, last: str) -> str:
        """Whom "he" at `pos` means: the last speaker, unless a sentence since opened with
        someone else ("Gorbachev told Deng: ... Deng wasn't so sure. ... came his reply") and
        the last speaker was not named or referred to ("the spokesman said") after it."""
        if not last:
            return self.last_named(pos)
        seen = self._mentions(pos - SUBJECT_REACH, pos)
        opened = [(m, name) for m, name in seen if opens_sentence(self.masked, m)]
        if not opened:
            return last
        at, subject = opened[-1]
        recent = any(m >= at and name == last for m, name in seen)
        recent = recent or at <= self.referred.get(last, -1) < pos  # "the spokesman said" since
        return last if recent or subject == last else subject

    def agreeing(self, found: str, pos: int, pronoun: str) -> str:
        """`found` for a pronoun at `pos`, unless the text shows `found` of the other gender
        and a person of the pronoun's gender was named within reach ("Lavrov met Zakharova.
        ... she said"): then the latest such person."""
        want = _PRONOUN_GENDER.get(pronoun, "")
        person = self.persons.get(found)
        if not want or person is None or person.gender in ("", want):
            return found
        near = self._mentions(max(0, pos - SUBJECT_REACH), pos)
        fits = [n for _, n in near if self.persons[n].gender == want]
        return fits[-1] if fits else found


def _title_phrase(intro: str) -> bool:
    """Words of a title before a name: capitalized or title words ("Former U.S. Department of
    State spokesperson"), the last one any common noun ("Harbour Board chair")."""
    words = intro.split()
    if len(words) > 1 and words[-1].isalpha() and words[-1].islower() and common_noun(words[-1]):
        words = words[:-1]  # the role's own word, whatever it is: "chair", "envoy", "head"
    return bool(words) and all(
        w[:1].isupper() or fold(w) in TITLE_SCAN or fold(w) in OFFICE_LINKS for w in words
    )
