"""Organizations as subjects: the body or proper name that opens a sentence ("China's foreign
ministry hit back, accusing ...", "The White House gave no details. ... it said")."""

from __future__ import annotations

from drift.quotes.english import common_noun, common_word, place_named
from drift.quotes.names import is_person_name
from drift.quotes.roles import BRANCHES, ORG_HEADS, PLACES, PRONOUNS, ROLE_NOUNS, org_head
from drift.quotes.speakers import fold
from drift.quotes.verbs import CONJUNCTIONS, PREPOSITIONS

# Capitalized words that open a sentence without being its subject.
NOT_SUBJECTS = (
    PREPOSITIONS
    | CONJUNCTIONS
    | PRONOUNS
    | frozenset(
        ["it", "its", "this", "that", "there", "these", "those", "according", "after", "before"]
    )
)


def body_phrase(tokens: list[str]) -> str:
    """The organization phrase that opens a sentence's tokens ("China's foreign ministry",
    "The Russian Foreign Ministry", "Norway's coast guard": a place, then common nouns up
    to a noun of an organization; "The ruling Labour Party": words describing it after
    "The"), else ""."""
    phrase: list[str] = []
    for k, token in enumerate(tokens):
        word = fold(token)
        if not (token[:1].isupper() or word in BRANCHES | ORG_HEADS or (k == 0 and word == "the")):
            break
        phrase.append(token)
    if len(phrase) == 1 and fold(phrase[0]) == "the":  # "The ruling Labour Party"
        first = next((k for k, t in enumerate(tokens[1:4], 1) if t[:1].isupper()), 0)
        end = first
        while first and end < len(tokens) and tokens[end][:1].isupper():
            end += 1
        described = all(t.islower() and common_word(t) for t in tokens[1:first])
        if first and described and org_head(fold(tokens[end - 1])):
            phrase = tokens[:end]
    if len(phrase) == 1 and place_named(phrase[0])[0]:  # "China's coast guard released"
        head = next((k for k, t in enumerate(tokens[1:4], 1) if org_head(fold(t))), 0)
        if head and all(t.islower() and common_noun(t) for t in tokens[1:head]):
            phrase = tokens[: head + 1]
    if phrase and org_head(fold(phrase[-1])):  # "Ministry of National Defense": its name goes on
        end = len(phrase) + 1
        while end < len(tokens) and tokens[end][:1].isupper():
            end += 1
        if end > len(phrase) + 1 and fold(tokens[len(phrase)]) == "of":
            phrase = tokens[:end]
    after = fold(tokens[len(phrase)]) if len(phrase) < len(tokens) else ""
    if after in ROLE_NOUNS or after.removesuffix("s") in ROLE_NOUNS:
        return ""  # "A State Department official declined": the body only describes him
    person = tokens[len(phrase) + 1 : len(phrase) + 3]
    role = tokens[len(phrase)] if len(phrase) < len(tokens) else ""
    if (
        role.islower()
        and after not in PREPOSITIONS | CONJUNCTIONS
        and common_noun(role)
        and len(person) == 2
        and is_person_name(" ".join(person))
    ):
        return ""  # "Harbour Board chair Ingrid Dahl said": a role of hers, any word for it
    named = len(phrase) > 1 and (org_head(fold(phrase[-1])) or "of" in map(fold, phrase))
    return " ".join(phrase) if named else ""


def proper_phrase(tokens: list[str]) -> str:
    """The proper name, "The" dropped, that opens a sentence as its subject, a verb after it
    ("The White House provided no details": "White House"; "Russia", "Reuters"), else "";
    a bare name that may be a person's ("Blinken met Xi") is none."""
    k = 1 if tokens and tokens[0] == "The" else 0
    end = k
    while end < len(tokens) and end - k < 4 and tokens[end][:1].isupper():
        end += 1
    if end == k or end == len(tokens) or not tokens[end].islower():
        return ""
    if fold(tokens[k]) in NOT_SUBJECTS or fold(tokens[end]) in PREPOSITIONS:
        return ""  # "On Monday the ministry", "It is", "Moscow on Monday"
    name = " ".join(tokens[k:end])
    if k == 0 and is_person_name(name) and fold(name) not in PLACES:
        return ""  # "Blinken met Xi": no article, no institution, no place: maybe a person
    return name
