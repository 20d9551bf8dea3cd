"""Speaker names: normalize display names and key them so one person matches across documents."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from drift.quotes.english import (
    closed_compound,
    common_word,
    of_a_country,
    organization_noun,
    person_name,
    place_named,
    place_of,
)

# Words of a title or description that come before a name ("Russian Foreign Minister ...").
TITLE_WORDS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "madam",
        "h.e.",
        "his",
        "her",
        "excellency",
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "russian",
        "russia's",
        "russia",
        "chinese",
        "china's",
        "china",
        "american",
        "us",
        "u.s.",
        "soviet",
        "kremlin",
        "beijing",
        "moscow",
        "foreign",
        "deputy",
        "first",
        "vice",
        "state",
        "minister",
        "councilor",
        "councillor",
        "president",
        "premier",
        "prime",
        "chairman",
        "chairwoman",
        "chairperson",
        "secretary",
        "general",
        "colonel",
        "lieutenant",
        "admiral",
        "marshal",
        "brigadier",
        "sergeant",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "special",
        "senior",
        "top",
        "diplomat",
        "official",
        "fm",
        "head",
        "chief",
        "director",
        "leader",
        "representative",
        "permanent",
        "defense",
        "defence",
        "affairs",
        "economy",
        "finance",
        "trade",
        "commerce",
        "interior",
        "press",
        "former",
        "host",
        "acting",
        "then",
        "late",
        "new",
        "main",
    ]
)
ORG_NOUNS = frozenset(
    [
        "ministry",
        "kremlin",
        "government",
        "office",
        "council",
        "committee",
        "department",
        "embassy",
        "agency",
        "statement",
        "administration",
        "palace",
        "service",
        "cabinet",
        "presidium",
        "duma",
        "parliament",
    ]
)
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
    ]
)
ARTICLES = frozenset(["the", "a", "an"])
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"])
SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
# Russian given names in the spelling most English-language wires use.
GIVEN_NAME_VARIANTS = {
    "sergey": "Sergei",
    "sergej": "Sergei",
    "aleksey": "Alexei",
    "alexey": "Alexei",
    "aleksei": "Alexei",
    "andrey": "Andrei",
    "nikolay": "Nikolai",
    "yuriy": "Yuri",
    "yury": "Yuri",
    "dmitriy": "Dmitry",
    "dmitri": "Dmitry",
    "matvey": "Matvei",
    "mikhaïl": "Mikhail",
    "mariya": "Maria",
    "vasiliy": "Vasily",
    "anatoliy": "Anatoly",
    "valeriy": "Valery",
    "evgeny": "Yevgeny",
    "evgeniy": "Yevgeny",
    "yevgeniy": "Yevgeny",
}


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset[str]:
    """Chinese family names in toneless pinyin: the 284 that CC-CEDICT defines as "surname X"
    (read once per process, from drift's lexicon cache after the first run)."""
    from drift.lexicon.cedict import surnames

    return surnames()


_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo"
    r"|ui|ue|a|e|i|o|u|v))+$"
)
_SYLLABLE = re.compile(_PINYIN.pattern.replace(")+$", ")$"))  # one syllable: "gang", "he"
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_TOKEN = re.compile(r"[^\s,;:()\[\]]+")
_APPOSITION = re.compile(r",\s+(?:the|a|an|who|which|his|her|its)\b.*$", re.IGNORECASE | re.DOTALL)


_POSSESSIVE = re.compile(r"['’]s$")
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "(through translator)", "[pictured]"
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+\.?(?!\w)")  # "U.S.", "U.N"
_IOTATED = re.compile(r"(?<=[a-z])y([au])")  # inside a word: "Yanukovych" keeps its initial Y
_SHORT_I = re.compile(r"(?<=[aeiou])y(?![aeiouy])")  # й: "Shoygu", "Gaydar"


def fold(token: str) -> str:
    """Lower-case a token and strip accents and a possessive, for comparisons."""
    if not token.isascii():  # ASCII has no accents to strip (called for every token)
        token = unicodedata.normalize("NFKD", token)
        token = "".join(c for c in token if not unicodedata.combining(c))
    return _POSSESSIVE.sub("", token.lower()).strip(".'’\"")


def is_chinese_name(tokens: list[str]) -> bool:
    """True for 2-3 token names with a Chinese family name first and pinyin given names."""
    if not 2 <= len(tokens) <= 3 or fold(tokens[0]) not in chinese_surnames():
        return False
    if any(fold(tok) in TITLE_WORDS for tok in tokens[1:]):
        return False  # "Zhao Lijian China": "China" is spelt as pinyin, but names a country
    return all(_PINYIN.match(part) for tok in tokens[1:] for part in fold(tok).split("-") if part)


def wordnet_body(word: str) -> bool:
    """Whether a folded word is a noun of an organization by WordNet ("party", "guard",
    "command"; `english.organization_noun`), unless it is one pinyin syllable: "Gang" in
    "Qin Gang" is a given name, though WordNet has "gang"."""
    return not _SYLLABLE.fullmatch(word) and organization_noun(word)


def org_word(word: str) -> bool:
    """Whether a folded word may end an organization's name: a noun of ORG_NOUNS or one that
    WordNet places under organization.n.01."""
    return word in ORG_NOUNS or wordnet_body(word)


def is_org_name(name: str) -> bool:
    """True when `name` names an organization ("Russian Foreign Ministry", "the Kremlin"); a
    noun WordNet alone calls an organization ends one after words that describe it ("China
    Coast Guard", "Democratic Progressive Party": places and common words), not after a
    person's name ("John Church", "Qin Gang")."""
    tokens = name.split()
    folded = [fold(t) for t in tokens]
    if not tokens or is_chinese_name(tokens):
        return False
    if folded[-1] in ORG_NOUNS:
        return True
    before = [t for t, f in zip(tokens[:-1], folded[:-1], strict=True) if f not in ARTICLES]
    return bool(before) and wordnet_body(folded[-1]) and all(map(_describes, before))


def _describes(token: str) -> bool:
    """A word that may describe a body before its noun: a place ("Chinese", "China's"), a
    common word that names no person ("Coast", "Democratic"; not "John"), an acronym ("PLA")
    or a compound of such words ("Indo-Pacific")."""
    parts = [p for p in token.split("-") if p]
    if _ACRONYM.fullmatch(token) or (len(parts) > 1 and any(map(_describes, parts))):
        return True  # "PLA Eastern Command", "Indo-Pacific Command"
    return bool(place_named(token)[0]) or (common_word(token) and not person_name(token))


def _name_tokens(name: str) -> list[str]:
    """The tokens of a person's name: trailing capitalized run after titles, no appositions."""
    name = _APPOSITION.sub("", " ".join(name.split()))
    tokens = _TOKEN.findall(name)
    if name.islower():  # "sergei lavrov" typed by a user: capitalize all but particles
        tokens = [t if t in PARTICLES else t[:1].upper() + t[1:] for t in tokens]
    tokens = [re.sub(r"['’]s$", "", t) for t in tokens]
    while tokens and fold(tokens[-1]) in SUFFIXES:
        tokens.pop()
    start = len(tokens)
    while start > 0:
        tok = tokens[start - 1]
        folded = fold(tok)
        is_name = tok[:1].isupper() or (folded in PARTICLES and start < len(tokens))
        titled = folded in TITLE_WORDS or any(p in TITLE_WORDS for p in folded.split("-")[1:])
        if not is_name or (titled and start < len(tokens)):
            break
        start -= 1
    return tokens[start:]


def _words(name: str) -> list[str]:
    words = [fold(t) for t in name.split()]
    return words[1:] if words and words[0] in ARTICLES else words


def _role_only(name: str) -> bool:
    """A pronoun, a common noun or a role without a name ("he", "the document", "the Chinese
    President", "the head of the Russian Foreign Ministry"): no speaker key."""
    words = _words(name)
    if not words or (len(words) == 1 and words[0] in PRONOUNS):
        return True
    if _org_of(name):
        return False  # "the US Department of State" is a body, not a title
    described = len(words) > 2 and words[0] in TITLE_WORDS and "of" in words
    if described and not org_word(words[0]) and (org_word(words[-1]) or words[-1] in TITLE_WORDS):
        return True  # "the head of the Kremlin embassy" is a person named by role
    if is_org_name(name):
        return False
    if name.islower() and fold(name.split()[0]) in ARTICLES:
        return True  # "the document": typed lower-case after an article, not a name
    return all(w in TITLE_WORDS for w in words)


def _org_first(name: str) -> bool:
    """An organization named head first ("the Ministry of Foreign Affairs")."""
    words = _words(name)
    return len(words) > 1 and org_word(words[0]) and words[1] == "of"


def _org_of(name: str) -> bool:
    """An organization named "PLACE HEAD of NAME" ("the US Department of State")."""
    words = _words(name)
    k = words.index("of") if "of" in words[1:] else 0
    return k > 0 and org_word(words[k - 1]) and k + 1 < len(words)


def is_body(name: str) -> bool:
    """True when `name` (a display name) names an organization in any of its word orders."""
    return is_org_name(name) or _org_first(name) or _org_of(name)


def normalize_name(name: str) -> str:
    """Display form of a speaker: titles stripped, usual wire spelling ("Sergei Lavrov").

    Organizations keep their words ("Russian Foreign Ministry", "the ministry").
    """
    name = " ".join(_ASIDE.sub(" ", name).split()).strip(" ,.;:")  # "PUTIN (via translator)"
    undotted = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", ""), name)
    if undotted != name and is_body(undotted):
        name = undotted  # "the U.S. State Department" is the "US State Department"
    if name.isupper() and len(name.split()) > 1:
        name = name.title()  # "PRESIDENT VLADIMIR PUTIN" as a transcript prints it
    parts = [p.strip() for p in name.split(",")]
    head = parts[0]
    if head != name and not is_org_name(head) and all(t[:1].isupper() for t in head.split()):
        name = head  # "Dmitry Medvedev, deputy head of Russia's security council"
        if _role_only(head) and len(parts) > 1 and not _role_only(parts[1]):
            name = parts[1]  # "Russian President, Vladimir Putin"
    if not name or _role_only(name):
        return ""
    if is_body(name):
        return name
    tokens = _name_tokens(name)
    if not tokens:
        return ""
    if len(tokens) > 1 and not is_chinese_name(tokens):
        tokens[0] = GIVEN_NAME_VARIANTS.get(fold(tokens[0]), tokens[0])
    return " ".join(tokens)


def speaker_key(name: str) -> str:
    """Key matching one person across documents: family name, lower-cased ("lavrov").

    Chinese names keep family and given name ("wang yi"); organizations keep all their words,
    in one order ("Department of State" is the "State Department"), a country's adjective as the
    country ("Polish" is "Poland").
    """
    display = normalize_name(name)
    if not display:
        return ""
    if is_body(display):
        return " ".join(sorted(_body_words(display) - {"the", "of"}))
    tokens = display.split()
    if is_chinese_name(tokens):
        return " ".join(fold(t).replace("-", "") for t in tokens)  # "en-lai" is "enlai"
    first_particle = next(
        (i for i, t in enumerate(tokens[:-1]) if i > 0 and fold(t) in PARTICLES), len(tokens) - 1
    )
    return " ".join(_iotated(fold(t)) for t in tokens[first_particle:])


def _body_words(display: str) -> set[str]:
    """The words of a body's key: a country's adjective as the country ("the Polish ministry"
    is "Poland's ministry", as WordNet's pertainyms say), each word folded; two words WordNet
    writes as one as that one ("Coast Guard": "coastguard"); with a country named, no word
    that only says "of a country" ("Ministry of National Defense" is the "Defense Ministry")."""
    tokens = display.split()
    words: set[str] = set()
    k = 0
    while k < len(tokens):
        pair = tokens[k : k + 2]
        joined = closed_compound(fold(pair[0]), fold(pair[1])) if len(pair) == 2 else ""
        if joined:
            words.add(joined)
            k += 2
            continue
        place = place_of(tokens[k]) if tokens[k][:1].isupper() else ()
        words.update(place or (fold(tokens[k]),))
        k += 1
    if any(place_named(t)[0] for t in tokens):  # its country named: "national" says no more
        words -= {fold(t) for t in tokens if of_a_country(fold(t))}
    return words


def _iotated(word: str) -> str:
    """One spelling of the Russian iotated vowels я, ю, which wires write "ya"/"ia", "yu"/"iu"
    ("Nebenzya" and "Nebenzia" are one family name), of й after a vowel, "y" or "i" ("Shoygu"
    and "Shoigu"), and of щ, written "shch" or "sch" ("Khrushchev" and "Khruschev")."""
    word = _IOTATED.sub(lambda m: "i" + m.group(1), word)
    return _SHORT_I.sub("i", word).replace("shch", "sch")
