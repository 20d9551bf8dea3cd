"""The people and organizations of one document: merge name variants, resolve roles and pronouns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from drift.quotes.bodies import body_phrase, proper_phrase
from drift.quotes.names import (
    NOT_NAME_WORDS,
    find_appositions,
    is_full_name,
    is_person_name,
    known_full_name,
    official_lang,
)
from drift.quotes.outlets import REPORT_NOUNS, outlet
from drift.quotes.roles import (
    BRANCHES,
    DEMONYMS,
    DIPLOMATIC,
    LEADER_WORDS,
    OCCUPATIONS,
    OFFICIAL_NATIONALITY,
    ORG_HEADS,
    ORG_KINDS,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    SPECIFIC,
    TITLE_SCAN,
    indefinite_role,
    name_after_title,
    nationality,
    titled_name,
    titles,
)
from drift.quotes.speakers import (
    TITLE_WORDS,
    fold,
    is_chinese_name,
    normalize_name,
    speaker_key,
)

# A mention that opens its sentence, titles allowed before it: the sentence's subject.
_SENTENCE_SUBJECT = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:[A-Z][\w'’.-]*\s+){0,4}$")
# An introductory phrase before a sentence's subject: "In his speech,", "On Monday,".
_INTRO = re.compile(r"(?:[A-Z][a-z]*(?:\s+[\w'’-]+){0,5},)?(?:\s*[A-Z][\w'’.-]*){0,4}")
_SENTENCE_BREAK = re.compile(r"[.!?](?=[\s\"”’»)]|$)|\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Prof|Gov|Lt|Col))$"
)
_FEMALE_TITLES = frozenset(["spokeswoman", "chairwoman", "ms", "mrs", "madam", "madame"])
_MALE_TITLES = frozenset(["spokesman", "chairman", "mr", "sir"])
_FEMININE = re.compile(r"(?:ova|eva|yova|ina|skaya|tskaya)$")  # Zakharova, Matvienko: none
_MASCULINE = re.compile(r"(?:ov|ev|yov|in|sky|skiy|tsky)$")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_MIN_TYPO_LEN = 7  # role nouns this long are read through one typo
_LONG_ROLES = sorted(r for r in ROLE_NOUNS if len(r) >= _MIN_TYPO_LEN)
# A name that owns the next noun ("Medvedev's choice"): no subject, no antecedent.
_POSSESSOR = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\b")
_SUBJECT_REACH = 600  # characters back a pronoun looks for a new sentence subject
_KNOWN_SURNAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
_CAPITALIZED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*(?:[ ]+[A-Z][a-z][\w'’-]*){1,2}\b")
# "Analysts at the Eurasia Center said": the speaker is the analysts, whom no name names.
_PLACE_PREPOSITIONS = frozenset({"at", "in", "from", "with", "on", "by", "near", "inside"})
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their"])
_OFFICE_LINKS = frozenset(["of", "to", "at", "for", "the"])  # "Representative to the UN"
# Roles that refer back to someone already named ("the diplomat added"); "the official" often
# introduces an unnamed source instead.
_BACK_ROLES = frozenset(["diplomat", "envoy", "leader", "representative"]) | OCCUPATIONS
_AGE = re.compile(r"\d+-year-old")  # "the 48-year-old": a person the text has named
_MASKED = re.compile(r"x+")  # a word of a quote, masked


@dataclass
class Person:
    """A person named in a document, with the title words attached to the name anywhere."""

    name: str
    title: set[str] = field(default_factory=set)
    first_pos: int = 0
    mentions: list[int] = field(default_factory=list)
    gender: str = ""  # "f" or "m" where the text shows it ("spokeswoman", "Mr"), else ""


class People:
    """Who is named in a document: built once per document, then asked to resolve phrases."""

    def __init__(self, masked: str, title: str = "") -> None:
        self.persons: dict[str, Person] = {}
        self.masked = masked
        self.headline = People(title).first_named() if title.strip() else ""
        self.ministries: dict[str, int] = {}  # display name -> offset of its last mention
        self.bodies: list[tuple[int, str]] = []  # (offset, organization) resolved as speakers
        self.referred: dict[str, int] = {}  # person -> offset of the last clause resolved to them
        self.outlets: list[tuple[int, str]] = []  # (offset, news outlet) named as subjects
        tokens = list(_TOKEN.finditer(masked))
        for k, tok in enumerate(tokens):
            folded = fold(tok.group())
            if folded == "ministry":
                self._add_ministry(tokens, k)
            elif folded in ROLE_NOUNS and k + 1 < len(tokens):
                self._add_titled(masked, tokens, k)
        for apposition in find_appositions(masked):
            self.add(apposition.name, apposition.start, set(apposition.title))
        for run in _CAPITALIZED_RUN.finditer(masked):
            words = run.group().split()
            if is_full_name(words):  # "talks with Wang Yi": a later "Wang" is him
                self.add(run.group(), run.start())
        parts = {
            fold(t)
            for p in self.persons
            if len(p.split()) > 1
            for t in (p.split() if is_chinese_name(p.split()) else p.split()[-1:])
        }
        for word in _KNOWN_SURNAME.finditer(masked):
            # "Deng wasn't sure" after "Deng Xiaoping"; "Xi offered Biden": a known official
            folded = fold(word.group())
            if folded in PRONOUNS or folded in TITLE_WORDS:
                continue
            if folded in parts or known_full_name(word.group(), given=False):
                self.add(word.group(), word.start())

    def learn(self, subjects: list[str]) -> None:
        """Record every mention of the names that reporting clauses take as subjects and no
        rule above found ("Blinken said" names Blinken wherever the text says "Blinken"), so
        pronouns and quotes without a clause see all of them; places are no one."""
        known = {speaker_key(p) for p in self.persons}
        for subject in sorted(set(subjects)):
            words = subject.split()
            if not words or not all(w[:1].isupper() for w in words) or len(words) > 3:
                continue
            display = normalize_name(subject)
            last = fold(display.split()[-1]) if display else ""
            if not display or not is_person_name(display) or last in PLACES:
                continue
            if speaker_key(display) in known:
                continue  # known already, with its mentions
            known.add(speaker_key(display))
            tokens = display.split()
            forms = {display} if is_chinese_name(tokens) else {display, tokens[-1]}
            for form in sorted(forms, key=len, reverse=True):
                pattern = r"(?<![\w'’.-])" + re.escape(form) + r"(?![\w-])"
                found = [m.start() for m in re.finditer(pattern, self.masked)]
                name = self.add(form, found[0]) if found else ""
                if name:  # one name: its other mentions need no second look-up
                    person = self.persons[name]
                    for at in found[1:]:
                        bisect.insort(person.mentions, at)
                    person.first_pos = min(person.first_pos, *found)

    def _add_ministry(self, tokens: list[re.Match[str]], k: int) -> None:
        words: list[str] = []
        j = k - 1
        while j >= 0 and len(words) < 3:
            word = tokens[j].group()
            if fold(word) in _DETERMINERS or not (word[:1].isupper() or fold(word) in BRANCHES):
                break
            words.insert(0, word)
            j -= 1
        if words:
            name = " ".join(w[:1].upper() + w[1:] for w in words) + " Ministry"
            self.ministries[name] = tokens[k].start()

    def _add_titled(self, masked: str, tokens: list[re.Match[str]], k: int) -> None:
        name: list[re.Match[str]] = []
        j = k + 1
        while j < len(tokens) and len(name) < 3:
            tok = tokens[j]
            gap = masked[tokens[j - 1].end() : tok.start()]
            if gap.strip() or not tok.group()[:1].isupper() or fold(tok.group()) in NOT_NAME_WORDS:
                break  # "spokesman Wu Qian Thursday told": a weekday ends the name
            if fold(tok.group()) in TITLE_WORDS:
                if name or tok.group().endswith("."):
                    break
                j += 1  # "Secretary General Jens Stoltenberg": the title goes on
                continue
            name.append(tok)
            j += 1
            if tok.group().endswith(".") and len(tok.group()) > 2:
                break  # "Minister Sergei Lavrov. Lavrov said": the name ends with the sentence
        if not name:
            name = self._name_after_office(masked, tokens, k)
        if not name:
            return
        title = {fold(tokens[k].group())}
        i = k - 1
        while i >= 0 and k - i <= 6:
            word = fold(tokens[i].group())
            if word not in TITLE_SCAN and not nationality({word}):  # "Polish President NAME"
                break
            title.add(word)
            i -= 1
        self.add(" ".join(t.group() for t in name).rstrip("."), name[0].start(), title)

    @staticmethod
    def _name_after_office(masked: str, tokens: list[re.Match[str]], k: int) -> list[re.Match[str]]:
        """The name closing "ROLE of/to (the) OFFICE NAME" ("Secretary of State Antony Blinken",
        "Representative to the UN Vasily Nebenzia"), or []."""
        run = [tokens[k]]
        j = k + 1
        while j < len(tokens) and len(run) < 9:
            tok, word = tokens[j], tokens[j].group()
            if masked[tokens[j - 1].end() : tok.start()].strip():
                break
            if not (word[:1].isupper() or fold(word) in _OFFICE_LINKS):
                break
            run.append(tok)
            j += 1
            if word.endswith(".") and len(word) > 2:
                break  # the sentence ends with the name
        words = [t.group() for t in run]
        words[-1] = words[-1].rstrip(".") if len(words[-1]) > 2 else words[-1]
        at = name_after_title(words, [fold(w) for w in words])
        if at < 2 or not any(fold(w) in _OFFICE_LINKS for w in words[1:at]):
            return []
        return run[at:]

    def add(self, name: str, pos: int, title: set[str] | None = None) -> str:
        """Record a person's name (full or partial) and return its canonical display form."""
        display = self.canonical(name, pos)
        if not display or not is_person_name(display):
            return ""
        person = self.persons.setdefault(display, Person(display, set(), pos))
        person.first_pos = min(person.first_pos, pos)
        bisect.insort(person.mentions, pos)  # sorted: pronouns look up a window by bisection
        person.title |= titles(title or set())
        person.gender = person.gender or _gender(display, title or set())
        return display

    def canonical(self, name: str, pos: int | None = None) -> str:
        """The fullest form of `name` known in this document ("Lavrov" -> "Sergei Lavrov"); a
        surname two people share means the one named last before `pos` ("Wang added")."""
        display = normalize_name(name)
        tokens = display.split()
        if not tokens:
            return ""
        key = speaker_key(display)
        if len(tokens) > 1:
            for known in self.persons:
                if speaker_key(known) == key and len(known.split()) >= len(tokens):
                    return known
            for known in list(self.persons):
                if len(known.split()) == 1 and self._matches_single(known, tokens):
                    self.persons[display] = self.persons.pop(known)
                    self.persons[display].name = display
            return display
        matches = [
            p
            for p in self.persons
            if len(p.split()) > 1 and self._matches_single(tokens[0], p.split())
        ]
        if len(matches) == 1:
            return matches[0]
        if matches and pos is not None:
            named = [(_last_before(self.persons[p].mentions, pos), p) for p in matches]
            named = [(m, p) for m, p in named if m is not None]
            return max(named)[1] if named else display
        if matches:
            return display
        return known_full_name(tokens[0]) or display  # "Xi" alone: the one official it can be

    @staticmethod
    def _matches_single(single: str, full: list[str]) -> bool:
        """Does a one-word name refer to `full` ("Lavrov", "Wang" or even "Yi" for "Wang Yi",
        "Yu" for "Richard Yu Chengdong")?"""
        word = fold(single)
        if is_chinese_name(full):
            return word in {fold(t) for t in full}
        if len(full) > 2 and is_chinese_name(full[1:]):
            return word == fold(full[1])  # "Richard Yu Chengdong": an English given name first
        return word == fold(full[-1])

    def _mentions(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """(offset, person) of the mentions in `lo:hi`, in text order."""
        found = []
        for person in self.persons.values():
            k = bisect.bisect_left(person.mentions, lo)
            while k < len(person.mentions) and person.mentions[k] < hi:
                found.append((person.mentions[k], person.name))
                k += 1
        return sorted(found)

    def last_named(self, pos: int) -> str:
        """Whom a pronoun at `pos` means: the first person named in the latest sentence before
        `pos` that names anyone (its subject, usually: "Xi offered Biden a warning. ... he"), or
        with no one named before, the first one named after it in its paragraph, else the
        headline's subject (an article about Medvedev that says "he said" names him there)."""
        latest = max(
            (
                p.mentions[k - 1]
                for p in self.persons.values()
                if (k := bisect.bisect_left(p.mentions, pos))
            ),
            default=None,
        )
        if latest is None:  # `“...,” he said. Mr. Putin said`: named only after (a lede)
            hi = self.masked.find("\n", pos, pos + _SUBJECT_REACH)
            ahead = self._mentions(pos, hi if hi >= 0 else pos + _SUBJECT_REACH)
            return ahead[0][1] if ahead else self.headline
        lo = max(0, latest - _SUBJECT_REACH)
        start = _sentence_start(self.masked, lo, latest)
        named = self._mentions(max(start, lo), pos)
        subjects = [n for at, n in named if not _POSSESSOR.match(self.masked, at)]
        return subjects[0] if subjects else named[0][1]

    def sentence_subject(self, pos: int) -> str:
        """The person who opens the sentence around `pos`, titles allowed before the name ("Xi
        paid tribute to Hu, commending ..."), else ""."""
        start = _sentence_start(self.masked, max(0, pos - 2000), pos)
        found = self._mentions(start, pos)
        if not found:
            return ""
        at, name = found[0]
        if _POSSESSOR.match(self.masked, at):
            return ""  # "Medvedev's choice was explained by ...": the choice is the subject
        intro = self.masked[start:at].strip()
        if _INTRO.fullmatch(intro) or _title_phrase(intro):  # "In his speech, Xi paid ..."
            return name  # "Former State Department spokesperson NAME captured ..."
        opens = _SENTENCE_SUBJECT.search(self.masked, max(0, at - 80), at)
        return name if opens and opens.start() <= start + 1 else ""

    def opening_phrase(self, pos: int) -> str:
        """The role phrase or personal pronoun that opens the sentence around `pos` ("The
        Russian leader" of "The Russian leader then smirked, and said"), else ""."""
        start = _sentence_start(self.masked, max(0, pos - 2000), pos)
        tokens = _TOKEN.findall(self.masked, start, pos)[:5]
        if tokens and fold(tokens[0]) in ("he", "she"):
            return tokens[0]  # "He also appeared to urge ..., saying"
        body = body_phrase(tokens)
        if body:  # "China's foreign ministry has retaliated ..., accusing him of “...”"
            return body
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
        the one that opens the sentence before ("The White House gave no details. “...,” it
        said in a statement"); a person is no "it"."""
        hi, read = pos, 0
        while hi > 0 and read < 2:
            lo = _sentence_start(self.masked, max(0, hi - 2000), hi)
            tokens = _TOKEN.findall(self.masked, lo, hi)[:6]
            hi = max(0, lo - 1)
            if not tokens or _MASKED.fullmatch(tokens[0]):
                continue  # a quoted sentence, its words masked: no subject of the text's
            read += 1
            body = body_phrase(tokens)
            if body:
                return self.organization(body, pos)
            proper = proper_phrase(tokens)
            if proper and not self._is_person(proper):
                return proper
        return ""

    def _is_person(self, name: str) -> bool:
        """Whether `name` is someone this document or the speaker table names as a person."""
        display = normalize_name(name)
        key = speaker_key(display) if display else ""
        if not key or is_full_name(display.split()) or known_full_name(display):
            return bool(key)
        return any(speaker_key(p) == key for p in self.persons)

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
        start = _sentence_start(self.masked, lo, latest)
        subject = self.sentence_subject(latest)
        if subject or start >= _sentence_start(self.masked, lo, pos):
            return subject  # in the quote's own sentence ("Describing Lavrov as “...”") only
        persons = {n for at, n in named if at >= start}  # a subject speaks, an object does not
        return persons.pop() if len(persons) == 1 else ""

    def first_named(self) -> str:
        """The person named first: a headline's subject ("Medvedev warns of nuclear war")."""
        found = self._mentions(0, len(self.masked))
        return found[0][1] if found else ""

    def named_before(self, pos: int) -> bool:
        """Whether the text names anyone before `pos`."""
        return any(p.mentions and p.mentions[0] < pos for p in self.persons.values())

    def pronoun(self, pos: int, last: str) -> str:
        """Whom "he" at `pos` means: the last speaker, unless a sentence since opened with
        someone else ("Gorbachev told Deng: ... Deng wasn't so sure. ... came his reply")."""
        if not last:
            return self.last_named(pos)
        seen = self._mentions(pos - _SUBJECT_REACH, pos)
        opened = [(m, name) for m, name in seen if _opens_sentence(self.masked, m)]
        if not opened:
            return last
        at, subject = opened[-1]
        recent = any(m >= at and name == last for m, name in seen)
        return last if recent or subject == last else subject

    def agreeing(self, found: str, pos: int, pronoun: str) -> str:
        """`found` for a pronoun at `pos`, unless the text shows `found` of the other gender
        and a person of the pronoun's gender was named within reach ("Lavrov met Zakharova.
        ... she said"): then the latest such person."""
        want = _PRONOUN_GENDER.get(pronoun, "")
        person = self.persons.get(found)
        if not want or person is None or person.gender in ("", want):
            return found
        near = self._mentions(max(0, pos - _SUBJECT_REACH), pos)
        fits = [n for _, n in near if self.persons[n].gender == want]
        return fits[-1] if fits else found

    def role(self, phrase: str, before: int, last: str) -> str:
        """The person a role phrase means ("the foreign minister", "the press secretary of the
        Russian president"), or "" when ambiguous. In order: the titled holders named before
        (those whose titles share most of the phrase's words; the last speaker among them,
        else the one named last), the one person of the role's country, an untitled person
        who spoke last (or whom a pronoun would mean), a holder named just after it."""
        folded = [fold(w) for w in phrase.split()]
        words = titles(set(folded))
        cut = next((k for k, w in enumerate(folded) if k and w in {"of", "for", "to"}), None)
        head = titles(set(folded[:cut])) & SPECIFIC if cut is not None else set()
        needed = head or words & SPECIFIC  # "secretary of the president": a secretary
        nat = nationality(words)
        holders = [p for p in self.persons.values() if _holds(p, needed, nat, words)]
        if words & OCCUPATIONS:  # "the journalist": no official, whatever his title
            holders = [p for p in holders if p.title & OCCUPATIONS]
        candidates = [p.name for p in holders if p.first_pos <= before]
        if len(candidates) > 1:  # "the Kremlin spokesman": the holders whose titles say more
            said = words - _DETERMINERS - _OFFICE_LINKS
            most = max(len(said & self.persons[n].title) for n in candidates)
            candidates = [n for n in candidates if len(said & self.persons[n].title) == most]
        if last in candidates:
            return last
        if len(candidates) == 1:
            return candidates[0]
        if candidates and needed:  # several hold the role: the one named last (Muzny et al.)
            return max(candidates, key=lambda n: self._last_mention(n, before))
        if candidates:
            return ""  # "the official": any titled person could be meant
        role_word = folded[cut - 1] if cut is not None else folded[-1]
        generic = role_word in LEADER_WORDS or folded[-1] in _BACK_ROLES
        leader = role_word in LEADER_WORDS
        if nat and (leader or needed):  # "the Russian president": the one Russian named
            only = self._only_leader(nat, before, None if leader else needed)
            if only:
                return only
        back = folded[0] == "the" and (needed or generic)
        salient = last or (self.last_named(before) if self.named_before(before) else "")
        if back and self._untitled_fits(salient, nat, before, words):
            return salient  # "the Russian ambassador said", "the head of the Alliance": who
            # spoke last, or with no one speaking yet, whom a pronoun there would mean
        later = self._named_after(holders, before) if needed else ""
        if later:  # "Russia's ambassador accused ..." before "said Ambassador NAME"
            return later
        if back and not self.named_before(before):  # a lede: “...,” the minister said. NAME
            return self.last_named(before)
        return ""

    def refer(self, name: str, pos: int) -> None:
        """Note that a reporting clause at `pos` was resolved to `name`."""
        if name in self.persons:
            self.referred[name] = max(pos, self.referred.get(name, -1))

    def _last_mention(self, name: str, pos: int) -> int:
        """Offset of the last mention of `name` before `pos` (-1 if none)."""
        found = _last_before(self.persons[name].mentions, pos)
        return -1 if found is None else found

    def _named_after(self, holders: list[Person], before: int) -> str:
        """The holder of a role first named just after `before`, in the same or the next
        paragraph: a lead that names the role and then the person ("Russia's ambassador
        accused ... “...,” said Russian Ambassador NAME")."""
        text = self.masked
        stop = text.find("\n", before)  # the end of this paragraph, then of the next
        if stop >= 0:
            while stop < len(text) and text[stop].isspace():
                stop += 1
            stop = text.find("\n", stop)
        stop = min(len(text) if stop < 0 else stop, before + _SUBJECT_REACH)
        later = sorted((p.first_pos, p.name) for p in holders if before < p.first_pos < stop)
        return later[0][1] if later else ""

    def _only_leader(self, nat: set[str], before: int, needed: set[str] | None = None) -> str:
        """ "the Russian leader" with one Russian named so far (by title or speaker table);
        with `needed` title words ("the Russian minister"), one Russian whose title, if the
        text gives one, holds them."""
        if not nat:
            return ""
        found = [
            p.name
            for p in self.persons.values()
            if p.first_pos <= before
            and (known := self._nationality_of(p))
            and known <= nat
            and (needed is None or not p.title or needed <= p.title)
        ]
        return found[0] if len(found) == 1 else ""

    @staticmethod
    def _nationality_of(person: Person) -> set[str]:
        """A person's country from the title words, else from the speaker table's language."""
        lang = OFFICIAL_NATIONALITY.get(official_lang(person.name), "")
        return nationality(person.title) or ({lang} if lang else set())

    def _untitled_fits(self, name: str, nat: set[str], pos: int, words: set[str]) -> bool:
        """A person named or referred to ("he continued") shortly before `pos`, of no other
        nationality than the role's, without a title or with one of the same trade ("the
        ambassador" for a permanent representative: both diplomats)."""
        person = self.persons.get(name)
        if person is None or (
            person.title and not (DIPLOMATIC & words and DIPLOMATIC & person.title)
        ):
            return False
        named = _last_before(person.mentions, pos)
        referred = self.referred.get(name, -1)
        if referred < pos and (named is None or referred > named):
            named = referred  # "he continued": the person stays near without being named
        if named is None or named < 0 or pos - named > _SUBJECT_REACH:
            return False
        lang = OFFICIAL_NATIONALITY.get(official_lang(name), "")
        return not (nat and lang and lang not in nat)

    def organization(self, phrase: str, pos: int) -> str:
        """Display name of an organization phrase ("the ministry" -> "Russian Foreign Ministry",
        "Interfax news agency" -> "Interfax"); "" for one that names none ("the agency")."""
        words = [w for w in phrase.split() if fold(w) not in _DETERMINERS]
        words = [re.sub(r"['’]s$", "", w) for w in words]
        words = [DEMONYMS.get(fold(w), w) for w in words]  # "Russia's ministry": Russian
        if words and fold(words[-1]) == "statement":
            words.pop()
        while len(words) > 1 and words[0].islower() and fold(words[0]) not in BRANCHES:
            words.pop(0)  # "the ruling Communist Party": "ruling" describes it
        if not words:
            return ""
        if fold(words[-1]) == "ministry":
            if len(words) > 1:
                return " ".join(w[:1].upper() + w[1:] for w in words)
            named = [(at, name) for name, at in self.ministries.items() if at < pos]
            return max(named)[1] if named else ""  # an unnamed ministry is no speaker
        kind = len(words)
        while kind > 1 and fold(words[kind - 1]) in ORG_KINDS:
            kind -= 1
        name = [w.strip("*_") for w in words[:kind]]
        if kind < len(words) and name[-1][:1].isupper():
            first = kind
            while first > 0 and name[first - 1][:1].isupper():
                first -= 1
            return " ".join(name[first:])  # "Interfax news agency", "state-owned TASS agency"
        if len(words) > 1:
            return " ".join(words)
        if words[0][:1].isupper():
            return f"the {words[0]}"
        head = fold(words[0])  # "the department said": the department named last before
        named = [b for b in self.bodies if b[0] < pos and head in fold(b[1]).split()]
        return max(named)[1] if named else ""

    def resolve(self, phrase: str, pos: int, last: str) -> str:
        """Who a subject phrase names: a person, an organization, or "" when unknown."""
        tokens = [_role_spelling(re.sub(r"['’]s$", "", t)) for t in phrase.split()]
        phrase = " ".join(tokens)
        folded = [fold(t) for t in tokens]
        if not tokens:
            return ""
        if len(tokens) == 1 and folded[0] in PRONOUNS:
            return self.agreeing(self.pronoun(pos, last), pos, folded[0])
        if folded == ["it"]:  # "“...,” it said in a statement": a body, never a person
            return self.body_before(pos)
        if indefinite_role(folded):  # "a senior official told reporters": someone new
            return ""
        at = next(
            (
                k
                for k, w in enumerate(folded)
                if k and w in _PLACE_PREPOSITIONS and folded[k - 1] in ORG_HEADS
            ),
            None,
        )
        if at is not None:  # "the Chinese embassy in Washington"
            return self.organization(" ".join(tokens[:at]), pos)
        of = folded.index("of") if "of" in folded[2:4] else 0
        if of and not set(folded[:of]) & (TITLE_WORDS | ROLE_NOUNS):
            name = " ".join(tokens[:of])  # "Andrew Porter of the Daily Telegraph"
            return self.add(name, pos) if is_person_name(name) else ""
        if "and" in folded or " ".join(folded) in PLACES or folded[-1] in PLACES:
            return ""
        head = folded[folded.index("of") - 1] if "of" in folded[1:] else folded[-1]
        if head == "statement" and len(folded) > 1:
            head = folded[-2]
        elif head in TITLE_WORDS and len(folded) > 1 and folded[-2] in ROLE_NOUNS:
            head = folded[-2]  # "the secretary general"
        if folded in (["the", "statement"], ["its", "statement"]):
            return max((b for b in self.bodies if b[0] < pos), default=(0, ""))[1]
        if folded[-1] == "statement" and len(tokens) > 2 and tokens[-2][:1].isupper():
            body = ["the", *tokens[1:-1]] if folded[0] in ("a", "an") else tokens[:-1]
            return self.resolve(" ".join(body), pos, last)  # "a White House statement said"
        media = outlet(phrase, self.masked, pos)  # "the AP said": the Associated Press
        if media:
            self.outlets.append((pos, media))
            return media
        if len(folded) == 2 and folded[0] == "the" and folded[1] in REPORT_NOUNS:
            latest = [name for at, name in self.outlets if at < pos]
            if latest:  # "This was reported by Reuters. “...,” the report states"
                return latest[-1]
        if head in ORG_HEADS:
            body = self.organization(phrase, pos)
            if body:
                self.bodies.append((pos, body))  # "the statement read" is its statement
                if outlet(body):
                    self.outlets.append((pos, body))
            return body
        named = name_after_title(tokens, folded)
        if named > 0 and folded[named - 1] in TITLE_WORDS | ROLE_NOUNS:
            return self.add(" ".join(tokens[named:]), pos)  # "Secretary of State Antony Blinken"
        if folded[0] in _DETERMINERS and titled_name(tokens[1:], folded[1:]):
            return self.add(" ".join(tokens[1:]), pos)  # "the US President Bill Clinton"
        if folded[0] == "the" and _AGE.fullmatch(head):  # "the 48-year-old said": whom the
            return last or (self.last_named(pos) if self.named_before(pos) else "")  # text is on
        if head in ROLE_NOUNS or folded[0] in _DETERMINERS:
            return self.role(phrase, pos, last) if head in ROLE_NOUNS else ""
        if not tokens[-1][:1].isupper():
            return ""
        if any(t in _PLACE_PREPOSITIONS for t in folded[:-1]):
            return ""
        return self.add(phrase, pos)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence around `pos` starts (`lo` at the earliest): after the last full stop,
    "!", "?" or line break before it that ends a sentence; the dots of "U.S." or "Mr." do not."""
    for end in reversed(list(_SENTENCE_BREAK.finditer(text, lo, pos))):
        if end.group() == "." and _ABBREVIATION.search(text, max(lo, end.start() - 4), end.start()):
            continue
        return end.end()
    return lo


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the mention at `pos` opens its sentence, titles allowed before it; the dot of an
    abbreviation ends no sentence ("talks with U.S. President Donald Trump" is no new subject)."""
    lo = max(0, pos - 80)
    opens = _SENTENCE_SUBJECT.search(text, lo, pos)
    if opens is None:
        return False
    start = _sentence_start(text, lo, pos)
    return start >= opens.start() and (start > lo or lo == 0)


def _gender(name: str, title: set[str]) -> str:
    """A person's gender where the text shows it: a gendered title ("spokeswoman", "Mr"), or
    the ending of a Russian family name ("Zakharova", "Peskov"); "" when it does not."""
    words = {fold(w) for w in title}
    if words & _FEMALE_TITLES:
        return "f"
    if words & _MALE_TITLES:
        return "m"
    tokens = name.split()
    if len(tokens) < 2 or is_chinese_name(tokens):
        return ""  # a lone or Chinese name: its ending says nothing
    last = fold(tokens[-1])
    return "f" if _FEMININE.search(last) else "m" if _MASCULINE.search(last) else ""


def _role_spelling(token: str) -> str:
    """A role noun misspelt by one edit or swap ("Minsiter", as machine-translated pages print
    it) in its usual spelling; any other token as it is."""
    word = fold(token)
    if len(word) < _MIN_TYPO_LEN or word in ROLE_NOUNS or not word.isalpha():
        return token
    for role in _LONG_ROLES:
        if word in (role + "s", role.replace("man", "men")):
            break  # "the ministers", "the spokesmen": many, not one misspelt
        if OSA.distance(word, role, score_cutoff=1) <= 1:
            return (role[:1].upper() + role[1:]) if token[:1].isupper() else role
    return token


def _title_phrase(intro: str) -> bool:
    """Words of a title before a name: capitalized or title words ("Former U.S. Department of
    State spokesperson")."""
    words = intro.split()
    return bool(words) and all(
        w[:1].isupper() or fold(w) in TITLE_SCAN or fold(w) in _OFFICE_LINKS for w in words
    )


def _holds(person: Person, needed: set[str], nat: set[str], words: set[str]) -> bool:
    """Whether a titled person may hold a role: its specific title words, no other country
    ("the Chinese minister" is no Russian one; a title without a country fits)."""
    if not person.title or not needed <= person.title:
        return False
    known = nationality(person.title)
    if nat and known and not nat <= known:
        return False
    return "diplomat" not in words or bool(DIPLOMATIC & person.title)


def _last_before(mentions: list[int], pos: int) -> int | None:
    """The last of sorted `mentions` before `pos`, or None."""
    k = bisect.bisect_left(mentions, pos)
    return mentions[k - 1] if k else None
