"""Words of roles and offices: titles, what an office is called, which country a title names."""

from __future__ import annotations

import re

from drift.quotes.names import is_full_name, is_person_name
from drift.quotes.speakers import TITLE_WORDS, wordnet_body

# Titles that name no one office ("official", "head", "Mr.").
GENERIC_TITLES = frozenset(
    [
        "aide",
        "assistant",
        "counterpart",
        "adviser",
        "advisor",
        "envoy",
        "diplomat",
        "fm",
        "leader",
        "official",
        "head",
        "chief",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "dr",
        "dr.",
    ]
)
# Trades, not offices: "the journalist" is someone the text calls so, or the one it is on.
OCCUPATIONS = frozenset(["journalist", "correspondent", "reporter"])
ROLE_NOUNS = (
    GENERIC_TITLES
    | OCCUPATIONS
    | frozenset(
        [
            "minister",
            "president",
            "premier",
            "councilor",
            "councillor",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "ambassador",
            "secretary",
            "chairman",
            "chancellor",
            "host",
            "representative",
            "chairperson",
        ]
    )
)
# Titles that name one office, plus the words that qualify them.
SPECIFIC = (ROLE_NOUNS - GENERIC_TITLES) | {
    "foreign",
    "deputy",
    "defense",
    "defence",
    "prime",
    "vice",
}
DIPLOMATIC = frozenset(["foreign", "ambassador", "envoy", "diplomat", "fm", "representative"])
NATIONALITY = {
    "russian": "ru",
    "russia": "ru",
    "kremlin": "ru",
    "moscow": "ru",
    "chinese": "zh",
    "china": "zh",
    "beijing": "zh",
    "american": "us",
    "us": "us",
    "u.s.": "us",
    "washington": "us",
}
PLACES = frozenset(
    [
        "russia",
        "china",
        "beijing",
        "moscow",
        "washington",
        "ukraine",
        "kyiv",
        "kiev",
        "us",
        "u.s.",
        "america",
        "europe",
        "the",
        "west",
        "nato",
        "tunxi",
    ]
)
PRONOUNS = frozenset({"he", "she", "his", "her", "him"})  # "according to him"
BRANCHES = frozenset({"foreign", "defense", "defence", "interior", "finance", "justice"})
ORG_HEADS = frozenset(
    [
        "ministry",
        "kremlin",
        "government",
        "embassy",
        "office",
        "council",
        "committee",
        "palace",
        "agency",
        "service",
        "party",
        "department",
        "administration",
    ]
)


def org_head(word: str) -> bool:
    """Whether a folded word heads an organization's name: one of ORG_HEADS, or a noun WordNet
    places under organization.n.01 ("guard", "command", "coastguard")."""
    return word in ORG_HEADS or wordnet_body(word)


TITLE_SCAN = TITLE_WORDS | ROLE_NOUNS | ORG_HEADS  # "Foreign Ministry spokeswoman Zakharova"
# Words that say what kind of organization a name is ("Interfax news agency" is Interfax).
ORG_KINDS = frozenset(["news", "agency", "wire", "newspaper", "daily", "outlet"])
# One office under several names: "press secretary" and "spokeswoman" are a spokesman.
TITLE_SYNONYMS = {"spokeswoman": "spokesman", "spokesperson": "spokesman"}
LEADER_WORDS = frozenset(["leader", "president", "premier", "head"])  # one per country
DEMONYMS = {"russia": "Russian", "china": "Chinese"}  # as the speaker table names bodies
OFFICIAL_NATIONALITY = {"ru": "ru", "zh": "zh"}
INDEFINITE = frozenset(["a", "an", "one", "another"])
ROLE_LINKS = frozenset(["of", "for", "to", "in", "at", "from", "with"])  # "a spokesman for X"


# A country's adjective by its ending ("Ukrainian", "Polish", "Japanese", "Korean"), for the
# countries NATIONALITY does not list; and common nouns with those endings.
_DEMONYM = re.compile(r"[a-z]{2,}(?:ian|ean|ese|ish)")
_NOT_DEMONYMS = frozenset(
    [
        "politician",
        "civilian",
        "historian",
        "guardian",
        "physician",
        "technician",
        "musician",
        "comedian",
        "librarian",
        "christian",
        "custodian",
    ]
)


def nationality(words: set[str]) -> set[str]:
    """The countries title words name ("Russian", "Kremlin": ru; "Polish": polish)."""
    found = {NATIONALITY[w] for w in words if w in NATIONALITY}
    return found | {
        w for w in words - NATIONALITY.keys() if _DEMONYM.fullmatch(w) and w not in _NOT_DEMONYMS
    }


def titles(words: set[str]) -> set[str]:
    """Title words with one name per office ("press secretary" and "spokeswoman": spokesman; a
    permanent representative is an ambassador)."""
    out = {TITLE_SYNONYMS.get(w, w) for w in words}
    if {"press", "secretary"} <= out:
        out = (out - {"secretary"}) | {"spokesman"}
    if {"permanent", "representative"} <= out:
        out |= {"ambassador"}  # a permanent representative to the UN is his country's ambassador
    return out


def titled_name(tokens: list[str], folded: list[str]) -> bool:
    """A role noun then a capitalized name closing the phrase ("US President Bill Clinton",
    "Chinese Foreign Ministry spokeswoman Hua Chunying")."""
    k = len(tokens)
    while k > 0 and tokens[k - 1][:1].isupper() and folded[k - 1] not in TITLE_WORDS | ROLE_NOUNS:
        k -= 1
    return 0 < len(tokens) - k <= 3 and k > 0 and folded[k - 1] in ROLE_NOUNS


def name_after_title(tokens: list[str], folded: list[str]) -> int:
    """Where a person's name starts in the capitalized run that closes a role phrase, or -1:
    "Antony Blinken" in "Secretary of State Antony Blinken", "Vasily Nebenzia" in
    "representative to the UN Vasily Nebenzia" (two words, three only for a full name)."""
    k = len(tokens)
    while k > 0 and tokens[k - 1][:1].isupper() and folded[k - 1] not in TITLE_WORDS | ROLE_NOUNS:
        k -= 1
    if k == 0 or len(tokens) - k < 2 or not is_person_name(" ".join(tokens[-2:])):
        return -1
    three = len(tokens) - k >= 3 and is_full_name(tokens[-3:])
    return len(tokens) - (3 if three else 2)


def indefinite_role(folded: list[str]) -> bool:
    """A role after an indefinite article ("a senior official of the administration", "a
    spokesman for the embassy"): it brings in someone the text has not named, never a person
    named before, nor the body the role serves."""
    if not folded or folded[0] not in INDEFINITE:
        return False
    link = next((k for k, w in enumerate(folded) if w in ROLE_LINKS), len(folded))
    head = folded[link - 1]
    return head in ROLE_NOUNS or head.removesuffix("s") in ROLE_NOUNS
