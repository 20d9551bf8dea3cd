"""The people and organizations of one document: merge name variants, resolve roles and pronouns.

`Roster` (roster.py) finds who is named and where; `Antecedents` (antecedents.py) says whom a
pronoun or an unattributed quote follows; `People` resolves a subject phrase to a person or a body.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from drift.quotes.antecedents import Antecedents
from drift.quotes.english import administrative_noun, common_word, place_named, place_of
from drift.quotes.names import is_person_name, official_lang
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
    indefinite_role,
    name_after_title,
    nationality,
    org_head,
    titled_name,
    titles,
)
from drift.quotes.roster import DETERMINERS, OFFICE_LINKS, SUBJECT_REACH, TOKEN, Person
from drift.quotes.sentences import last_before, sentence_end, sentence_start
from drift.quotes.speakers import TITLE_WORDS, fold

_MIN_TYPO_LEN = 7  # role nouns this long are read through one typo
_LONG_ROLES = sorted(r for r in ROLE_NOUNS if len(r) >= _MIN_TYPO_LEN)
# "Analysts at the Eurasia Center said": the speaker is the analysts, whom no name names.
_PLACE_PREPOSITIONS = frozenset({"at", "in", "from", "with", "on", "by", "near", "inside"})
# Roles that refer back to someone already named ("the diplomat added"); "the official" often
# introduces an unnamed source instead.
_BACK_ROLES = frozenset(["diplomat", "envoy", "leader", "representative"]) | OCCUPATIONS
# A reporting clause that closes its sentence after a comma: `..., it said`.
_CLOSING = re.compile(r"[,;][\"”’»]?\s+(?:it|the statement|its statement)\s+(?:\w+ly\s+)?$", re.I)
_NAME_LINKS = frozenset(["of", "the", "and", "for"])  # lower-case words inside a body's name
_STATEMENT = re.compile(r"\bstatement\b", re.IGNORECASE)
_STATEMENT_BY = re.compile(r"\s+(?:by|from|of)\b")  # "a statement by the board"
_POSSESSIVE_AT = re.compile(r"[\w.-]+(?:\s+[A-Z][\w.-]*){0,2}['’]s\b")  # "NAME's remarks"
# A body's capitalized name: "Nordic Fisheries Agency" (two to four words; "'s" left off).
_BODY_NAME = re.compile(r"(?<![\w'’.-])(?!The )[A-Z][a-z]+(?:[ ]+(?:of[ ]+)?[A-Z][a-z]+){1,3}\b")
_AGE = re.compile(r"\d+-year-old")  # "the 48-year-old": a person the text has named


class People(Antecedents):
    """Who is named in a document: built once per document, then asked to resolve phrases."""

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
            said = words - DETERMINERS - OFFICE_LINKS
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
        stop = min(len(text) if stop < 0 else stop, before + SUBJECT_REACH)
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
        named = last_before(person.mentions, pos)
        referred = self.referred.get(name, -1)
        if referred < pos and (named is None or referred > named):
            named = referred  # "he continued": the person stays near without being named
        if named is None or named < 0 or pos - named > SUBJECT_REACH:
            return False
        lang = OFFICIAL_NATIONALITY.get(official_lang(name), "")
        return not (nat and lang and lang not in nat)

    def organization(self, phrase: str, pos: int) -> str:
        """Display name of an organization phrase ("the ministry" -> "Russian Foreign Ministry",
        "Interfax news agency" -> "Interfax"); "" for one that names none ("the agency")."""
        words = [w for w in phrase.split() if fold(w) not in DETERMINERS]
        words = [re.sub(r"['’]s$", "", w) for w in words]
        words = [DEMONYMS.get(fold(w), w) for w in words]  # "Russia's ministry": Russian
        if words and fold(words[-1]) == "statement":
            words.pop()
        of = [fold(w) for w in words].index("of") if "of" in map(fold, words) else -1
        lower = of > 0 and all(w.islower() for w in words[:of])
        if lower and words[-1][:1].isupper() and org_head(fold(words[-1])):
            words = words[of + 1 :]  # "the press service of the Norwegian Coast Guard": its body
        while len(words) > 1 and words[0].islower() and fold(words[0]) not in BRANCHES:
            words.pop(0)  # "the ruling Communist Party": "ruling" describes it
        if not words:
            return ""
        if fold(words[-1]) == "ministry":
            if len(words) > 1:
                return self._national(" ".join(w[:1].upper() + w[1:] for w in words))
            named = [(at, name) for name, at in self.ministries.items() if at < pos]
            return self._national(max(named)[1]) if named else ""  # unnamed: no speaker
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
            return self._of_country(words, pos)
        if words[0][:1].isupper():
            return f"the {words[0]}"
        head = fold(words[0])  # "the department said": the department named last before
        named = [b for b in self.bodies if b[0] < pos and head in fold(b[1]).split()]
        return max(named)[1] if named else self._body_named_before(head, pos)

    def _body_named_before(self, head: str, pos: int) -> str:
        """The body whose capitalized name ends in `head` ("the agency": "Nordic Fisheries
        Agency"; "the organization": any body's name) named last within reach before `pos`,
        not as a speaker, else ""."""
        lo = max(0, pos - 2 * SUBJECT_REACH)
        found = [
            run.group()
            for run in _BODY_NAME.finditer(self.masked, lo, pos)
            if fold(run.group().split()[-1]) == head
            or (
                head in ("organization", "organisation") and org_head(fold(run.group().split()[-1]))
            )
        ]
        return found[-1] if found else ""

    def _body_spoke(self, before: int) -> str:
        """The body a reporting clause named last within reach before `before` ("“...,” the
        Taiwan Affairs Office said. It said ..."): "it" where no sentence opens with a body."""
        near = [b for b in self.bodies if before - SUBJECT_REACH <= b[0] < before]
        return max(near)[1] if near else ""

    def _statement_owner(self, before: int) -> str:
        """Whose "the statement" is, read before `before`: the one person named in the latest
        sentence that mentions a statement, named before it with no body between ("... with
        spokesman NAME issuing a statement"; not "NAME's remarks followed a statement by the
        board"), unless a body spoke since; else the body that spoke last."""
        body_at, body = max((b for b in self.bodies if b[0] < before), default=(-1, ""))
        found = list(_STATEMENT.finditer(self.masked, max(0, before - 2 * SUBJECT_REACH), before))
        mention = found[-1] if found else None
        if mention is None or mention.start() < body_at:
            return body
        lo = sentence_start(self.masked, max(0, mention.start() - SUBJECT_REACH), mention.start())
        hi = sentence_end(self.masked, mention.end(), before)
        named = {name for _, name in self._mentions(lo, hi)}
        issuers = self._mentions(lo, mention.start())
        if len(named) != 1 or not issuers or _STATEMENT_BY.match(self.masked, mention.end()):
            return body  # "a statement by the ministry": the one after "by" issued it
        between = TOKEN.findall(self.masked, issuers[-1][0], mention.start())[2:]
        if any(org_head(fold(w)) for w in between) or _POSSESSIVE_AT.match(
            self.masked, issuers[-1][0]
        ):
            return body  # "NAME's remarks followed the Harbour Board's statement"
        return named.pop()

    def _reported_from(self, pos: int) -> int:
        """Where to look back from for what "it" or "the statement" of a clause at `pos` stands
        for: the start of its sentence when the clause closes it after a comma ("China has
        written ... “many times”, it said": the words before are what it said, and their
        subject is not the one who said them), else `pos`."""
        if not _CLOSING.search(self.masked, max(0, pos - 40), pos):
            return pos
        return sentence_start(self.masked, max(0, pos - 2000), pos)

    def _of_country(self, words: list[str], pos: int) -> str:
        """A body named by its kind alone, in common words ("the ruling Communist Party", "the
        Presidential Office"), is that of the one country its sentence names, before it
        ("China's most important issue, and the ruling Communist Party said"): news style
        names a body's country beside it; a proper name ("Eurasia Group"), two places, or a
        country named only after the body (what it spoke of) keep the body as named."""
        name = " ".join(words)
        if not all(common_word(w) and not place_named(w)[0] for w in words):
            return name
        lo = sentence_start(self.masked, max(0, pos - SUBJECT_REACH), pos)
        hi = sentence_end(self.masked, pos, min(len(self.masked), pos + SUBJECT_REACH))
        named = [
            (t.start(), place_named(t.group().rstrip(".")))
            for t in TOKEN.finditer(self.masked, lo, hi)
        ]
        places = {place: (at, country) for at, (place, country) in reversed(named) if place}
        head = self.masked.rfind(words[-1], lo, pos)
        if len(places) != 1 or not all(c and at < head for at, c in places.values()):
            return name  # "The State Department said China ...": China is what it spoke of
        return " ".join([*(w.capitalize() for w in next(iter(places))), *words])

    def _national(self, ministry: str) -> str:
        """A ministry named without its country ("the defence ministry") is that of the one
        country whose minister of that portfolio the text names ("Danish Defence Minister
        NAME"): "Danish Defence Ministry"; else as named."""
        words = {fold(w) for w in ministry.split()}
        portfolio = words & BRANCHES
        if not portfolio or nationality(words):
            return ministry
        countries = {
            w
            for p in self.persons.values()
            if {"minister", *portfolio} <= p.title
            for w in p.title
            if nationality({w})
        }
        if len(nationality(countries)) != 1:
            return ministry  # no minister of it named, or two countries'
        adjectives = sorted(w for w in countries if place_of(w))  # "Danish" before "Denmark"
        return f"{(adjectives or sorted(countries))[0].capitalize()} {ministry}"

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
            before = self._reported_from(pos)
            return self.body_before(before) or self._body_spoke(before)
        if indefinite_role(folded):  # "a senior official told reporters": someone new
            return ""
        at = next(
            (
                k
                for k, w in enumerate(folded)
                if k and w in _PLACE_PREPOSITIONS and org_head(folded[k - 1])
            ),
            None,
        )
        if at is not None:  # "the Chinese embassy in Washington"
            body = self.organization(" ".join(tokens[:at]), pos)
            return _sited(body, tokens[at:]) if body else ""
        of = folded.index("of") if "of" in folded[2:4] else 0
        if (
            of
            and not set(folded[:of]) & (TITLE_WORDS | ROLE_NOUNS)
            and not org_head(folded[of - 1])
        ):
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
            own = self.masked.rfind(tokens[-1], max(0, pos - 40), pos)  # the subject's word
            return self._statement_owner(min(self._reported_from(pos), pos if own < 0 else own))
        if folded[-1] == "statement" and len(tokens) > 2 and tokens[-2][:1].isupper():
            body = ["the", *tokens[1:-1]] if folded[0] in ("a", "an") else tokens[:-1]
            return self.resolve(" ".join(body), pos, last)  # "a White House statement said"
        media = outlet(phrase, self.masked, pos)  # "the AP said": the Associated Press
        if media:
            self.outlets.append((pos, media))
            return media
        lone = len(tokens) - (folded[0] == "the") == 1
        spelled = self.spelled_body(tokens[-1], pos) if lone else ""
        if spelled:  # "The PCG said", the text having named "the Philippines Coast Guard (PCG)"
            body = self.organization(spelled, pos)
            self.bodies.append((pos, body))
            return body
        if len(folded) == 2 and folded[0] == "the" and folded[1] in REPORT_NOUNS:
            latest = [name for at, name in self.outlets if at < pos]
            if latest:  # "This was reported by Reuters. “...,” the report states"
                return latest[-1]
        if folded in (["the", "organization"], ["the", "organisation"]):
            body = self._body_named_before(folded[1], pos)  # the body named last, any kind
            if body:
                self.bodies.append((pos, body))
            return body
        if head in ORG_HEADS or (org_head(head) and _named_body(tokens, folded)):
            body = self.organization(phrase, pos)
            at = self.masked.rfind(phrase, max(0, pos - 200), pos)
            if body and at >= 0:  # "the Presidential Office in Norway confirmed"
                body = _sited(body, self.masked[at + len(phrase) : pos].split())
            if body:
                self.bodies.append((pos, body))  # "the statement read" is its statement
                if outlet(body):
                    self.outlets.append((pos, body))
            return body
        named = name_after_title(tokens, folded)
        if named > 0 and (
            folded[named - 1] in TITLE_WORDS | ROLE_NOUNS or org_head(folded[named - 1])
        ):
            return self.add(" ".join(tokens[named:]), pos)  # "Secretary of State Antony Blinken",
            # "Foreign Ministry NAME": a body's person, the role left out
        if folded[0] in DETERMINERS and titled_name(tokens[1:], folded[1:]):
            return self.add(" ".join(tokens[1:]), pos)  # "the US President Bill Clinton"
        if folded[0] == "the" and _AGE.fullmatch(head):  # "the 48-year-old said": whom the
            return last or (self.last_named(pos) if self.named_before(pos) else "")  # text is on
        if head in ROLE_NOUNS or folded[0] in DETERMINERS:
            return self.role(phrase, pos, last) if head in ROLE_NOUNS else ""
        if not tokens[-1][:1].isupper():
            return ""
        if any(t in _PLACE_PREPOSITIONS for t in folded[:-1]):
            return ""
        at = self.masked.rfind(phrase, max(0, pos - 200), pos)
        if len(tokens) == 1 and at >= 0 and self.plural_opening(phrase, at):
            return ""  # "Reports said": a plural common noun that opens its sentence
        return self.add(phrase, pos)


def _sited(body: str, where: list[str]) -> str:
    """A state's unit named without its country, then "in PLACE" ("the Presidential Office in
    Norway"), is that place's: a unit of a state belongs where it sits (WordNet's
    administrative units); a party or an embassy in a place keeps its name."""
    words = body.split()
    if len(where) != 2 or fold(where[0]) != "in" or not place_named(where[1])[0]:
        return body
    if not administrative_noun(fold(words[-1])) or any(place_named(w)[0] for w in words):
        return body
    return f"{where[1]} {body}"


def _named_body(tokens: list[str], folded: list[str]) -> bool:
    """A phrase ending in a noun of an organization (WordNet) that names a body, not a
    person's name ("the Coast Guard", "China's coast guard", "the Philippine coastguard"):
    the name capitalized after an article, or a country's name or adjective before the noun."""
    if is_person_name(" ".join(tokens)) and folded[0] not in DETERMINERS:
        return False  # "Anna Church": maybe a person
    capitalized = folded[0] in DETERMINERS and all(
        t[:1].isupper() or f in _NAME_LINKS for t, f in zip(tokens[1:], folded[1:], strict=True)
    )  # "the Eastern Command of the Northern Fleet"
    return capitalized or any(place_named(t)[0] for t in tokens[:-1])


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


def _holds(person: Person, needed: set[str], nat: set[str], words: set[str]) -> bool:
    """Whether a titled person may hold a role: its specific title words, no other country
    ("the Chinese minister" is no Russian one; a title without a country fits)."""
    if not person.title or not needed <= person.title:
        return False
    known = nationality(person.title)
    if nat and known and not nat <= known:
        return False
    return "diplomat" not in words or bool(DIPLOMATIC & person.title)
