"""The people a document names: names, mentions, titles and gender; and its ministries."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from drift.quotes.english import plural_noun
from drift.quotes.names import (
    NOT_NAME_WORDS,
    find_appositions,
    is_full_name,
    is_person_name,
    known_full_name,
)
from drift.quotes.outlets import spelled_out
from drift.quotes.roles import (
    BRANCHES,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_SCAN,
    name_after_title,
    nationality,
    org_head,
    titles,
)
from drift.quotes.sentences import last_before, opens_sentence
from drift.quotes.speakers import (
    TITLE_WORDS,
    fold,
    is_chinese_name,
    normalize_name,
    speaker_key,
)

_FEMALE_TITLES = frozenset(["spokeswoman", "chairwoman", "ms", "mrs", "madam", "madame"])
_MALE_TITLES = frozenset(["spokesman", "chairman", "mr", "sir"])
_FEMININE = re.compile(r"(?:ova|eva|yova|ina|skaya|tskaya)$")  # Zakharova, Matvienko: none
_MASCULINE = re.compile(r"(?:ov|ev|yov|in|sky|skiy|tsky)$")
SUBJECT_REACH = 600  # characters back a pronoun looks for a new sentence subject
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_KNOWN_SURNAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*")
TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
_CAPITALIZED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*(?:[ ]+[A-Z][a-z][\w'’-]*){1,2}\b")
DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their"])
OFFICE_LINKS = frozenset(["of", "to", "at", "for", "the"])  # "Representative to the UN"


@dataclass
class Person:
    """A person named in a document, with the title words attached to the name anywhere."""

    name: str
    title: set[str] = field(default_factory=set)
    first_pos: int = 0
    mentions: list[int] = field(default_factory=list)
    gender: str = ""  # "f" or "m" where the text shows it ("spokeswoman", "Mr"), else ""


class Roster:
    """Who is named in a document, and where: built once per document from its masked text."""

    def __init__(self, masked: str, title: str = "") -> None:
        self.persons: dict[str, Person] = {}
        self.masked = masked
        headline = Roster(title) if title.strip() else None
        self.headline = headline.first_named() if headline else ""
        self.ministries: dict[str, int] = {}  # display name -> offset of its last mention
        if headline:  # "China foreign ministry: ...": named before the text, as if at -1
            self.ministries.update(dict.fromkeys(headline.ministries, -1))
        self.bodies: list[tuple[int, str]] = []  # (offset, organization) resolved as speakers
        self.referred: dict[str, int] = {}  # person -> offset of the last clause resolved to them
        self.outlets: list[tuple[int, str]] = []  # (offset, news outlet) named as subjects
        tokens = list(TOKEN.finditer(masked))
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
                if found and len(tokens) == 1 and self.plural_opening(form, found[0]):
                    continue  # "Reports said": no one's name
                if found and self.spelled_body(form, found[-1] + 1):
                    continue  # "The PCG said": a body's acronym, no one's name
                name = self.add(form, found[0]) if found else ""
                if name:  # one name: its other mentions need no second look-up
                    person = self.persons[name]
                    for at in found[1:]:
                        bisect.insort(person.mentions, at)
                    person.first_pos = min(person.first_pos, *found)

    def spelled_body(self, word: str, pos: int) -> str:
        """The body an acronym stands for: the capitalized name before `pos` whose initials
        spell it, with a noun of an organization in it ("CCG": "China Coast Guard", named so
        first, as news style does), else ""."""
        if not _ACRONYM.fullmatch(word):
            return ""
        name = spelled_out(word, self.masked, pos)
        return name if any(org_head(fold(w)) for w in name.split()) else ""

    def plural_opening(self, word: str, at: int) -> bool:
        """Whether `word` at `at` is a common noun's plural, capitalized only because it opens
        its sentence ("Reports said", "Sources told"), and no one's surname the document names
        in full ("Mike Powers ... Powers said")."""
        if not plural_noun(word) or not opens_sentence(self.masked, at):
            return False
        return not any(
            len(p.split()) > 1 and fold(p.split()[-1]) == fold(word) for p in self.persons
        )

    def _add_ministry(self, tokens: list[re.Match[str]], k: int) -> None:
        words: list[str] = []
        j = k - 1
        while j >= 0 and len(words) < 3:
            word = tokens[j].group()
            if fold(word) in DETERMINERS or not (word[:1].isupper() or fold(word) in BRANCHES):
                break
            if word.endswith(".") and len(word) > 2:
                break  # "... in Warsaw. Poland's foreign ministry": the sentence before
            if self.masked[tokens[j].end() : tokens[j + 1].start()].strip():
                break  # "OSLO — Norway's foreign ministry": a dash or comma ends the name
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
            if tok.group().endswith(".") and is_chinese_name([t.group() for t in name]):
                break  # "counterpart Zhou E. Brandt noted": no initial in a Chinese name
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
            if not (word[:1].isupper() or fold(word) in OFFICE_LINKS):
                break
            run.append(tok)
            j += 1
            if word.endswith(".") and len(word) > 2:
                break  # the sentence ends with the name
        words = [t.group() for t in run]
        words[-1] = words[-1].rstrip(".") if len(words[-1]) > 2 else words[-1]
        at = name_after_title(words, [fold(w) for w in words])
        if at < 2 or not any(fold(w) in OFFICE_LINKS for w in words[1:at]):
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
            named = [(last_before(self.persons[p].mentions, pos), p) for p in matches]
            named = [(m, p) for m, p in named if m is not None]
            return max(named)[1] if named else display
        if matches:
            return display
        headline = self.headline.split()
        if len(headline) > 1 and self._matches_single(tokens[0], headline):
            return self.headline  # "“...,” Lin said" under "Envoy Lin Haotian rejects ..."
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

    def first_named(self) -> str:
        """The person named first: a headline's subject ("Medvedev warns of nuclear war")."""
        found = self._mentions(0, len(self.masked))
        return found[0][1] if found else ""

    def named_before(self, pos: int, name: str = "") -> bool:
        """Whether the text names anyone (or the person `name`) before `pos`."""
        if name:
            person = self.persons.get(name)
            return person is not None and bool(person.mentions) and person.mentions[0] < pos
        return any(p.mentions and p.mentions[0] < pos for p in self.persons.values())

    def _is_person(self, name: str) -> bool:
        """Whether `name` is someone this document or the speaker table names as a person."""
        display = normalize_name(name)
        key = speaker_key(display) if display else ""
        if not key or is_full_name(display.split()) or known_full_name(display):
            return bool(key)
        return any(speaker_key(p) == key for p in self.persons)

    def refer(self, name: str, pos: int) -> None:
        """Note that a reporting clause at `pos` was resolved to `name`."""
        if name in self.persons:
            self.referred[name] = max(pos, self.referred.get(name, -1))

    def _last_mention(self, name: str, pos: int) -> int:
        """Offset of the last mention of `name` before `pos` (-1 if none)."""
        found = last_before(self.persons[name].mentions, pos)
        return -1 if found is None else found


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
