"""Closed-class English cues that change what a sentence asserts: negation, modality, degree,
numbers and names.

These are grammar, not vocabulary: the negators, modal auxiliaries, hedges and intensifiers of
English form small closed classes (Quirk et al., *A Comprehensive Grammar of the English
Language*, 1985, ch. 4 and 7; Biber et al., *Longman Grammar*, 1999, 6.6 and 7.14), so they are
listed here rather than looked up in a dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

# Words and multi-word forms that negate the clause they stand in.
NEGATORS = frozenset(
    {"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without"}
    | {"cannot", "nt"}
)
# Verbs whose meaning is "not do": "refused to take part" negates "took part". Verbs of
# stopping (cease, stop, halt, end) are not among them: "cease hostilities" is "halt the fighting".
NEGATIVE_VERBS = frozenset({"refuse", "fail", "decline", "reject", "deny", "avoid"})
# Negative affixes on content words: "endless" balances "has no end".
_NEGATIVE_AFFIX = re.compile(r"^(?:un|non|in|im|ir|il|dis)[a-z]{4,}$|^[a-z]{3,}less(?:ly|ness)?$")

# Modal meaning classes, strongest commitment first (Biber et al. 6.6.1).
MODAL_CLASSES: dict[str, tuple[str, ...]] = {
    "certainty": (
        *("certainly", "definitely", "surely", "undoubtedly", "convinced", "sure"),
        *("inevitably", "inevitable", "unavoidably", "unavoidable", "undeniably"),
    ),
    "necessity": ("must", "have to", "has to", "need to", "needs to", "obliged", "necessary"),
    "prediction": ("will", "shall", "would", "going to", "wo"),
    "obligation": ("should", "ought", "ought to"),
    "ability": ("can", "could", "able", "ca"),
    "possibility": ("may", "might", "perhaps", "maybe", "possibly", "probably", "likely"),
    "opinion": ("think", "believe", "consider", "expect", "hope"),
    "hedge": ("suppose", "guess", "assume", "seem", "seems", "appear", "appears"),
}
# Position of each class on a scale of commitment, 0 = fully committed.
_MODAL_STRENGTH = {
    "certainty": 0,
    "necessity": 0,
    "prediction": 1,
    "obligation": 2,
    "ability": 3,
    "opinion": 2,
    "possibility": 4,
    "hedge": 4,
}
# The three meaning groups of the English modals (Biber et al. 6.6.1: permission / possibility /
# ability, obligation / necessity, volition / prediction), and stance (certainty and hedges):
# "must" / "should" moves the strength of one obligation, "will" / "must" changes what is said.
MODAL_KINDS = {
    "ability": "possibility",
    "possibility": "possibility",
    "necessity": "necessity",
    "obligation": "necessity",
    "prediction": "prediction",
    "certainty": "stance",
    "opinion": "stance",
    "hedge": "stance",
}
MODAL_CLASS: dict[str, str] = {
    word: name for name, words in MODAL_CLASSES.items() for word in words
}

# Degree adverbs that raise or lower intensity (Quirk et al. 7.33: amplifiers and downtoners);
# "most" is not one: it makes a superlative ("the most radical"), read as such; nor are the
# focusing "only", "merely", "just", "even" (restrictive and additive subjuncts, Quirk 8.116).
AMPLIFIERS = frozenset(
    {"very", "extremely", "highly", "so", "too", "completely", "absolutely", "totally"}
    | {"utterly", "deeply", "greatly", "significantly", "seriously", "fully", "entirely"}
    | {"particularly", "especially", "truly", "really", "enormously", "immensely", "much"}
    | {"firmly", "strongly", "fundamentally", "categorically"}
)
DOWNTONERS = frozenset(
    {"somewhat", "rather", "fairly", "quite", "slightly", "partly", "partially", "relatively"}
    | {"a bit", "a little", "almost", "nearly", "barely", "hardly"}
)

NUMBER_WORDS = frozenset(
    {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"}
    | {"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy"}
    | {"eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "dozen"}
    | {"half", "twice", "double", "triple", "percent"}
)
# Units that make a number a quantity: "seconds" / "minutes" changes the quantity as "5" / "6" does.
UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
    | {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}
    | {"percent", "per cent", "metre", "metres", "meter", "meters", "kilometre", "kilometres"}
    | {"kilometer", "kilometers", "mile", "miles", "ton", "tons", "tonne", "tonnes"}
    | {"dollar", "dollars", "rouble", "roubles", "ruble", "rubles", "yuan", "euro", "euros"}
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Contracted auxiliaries as `words` splits them ("can't" -> "ca" + "n't").
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall", "cannot": "can"}
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)
_WORD = re.compile(r"\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th)?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_NAME = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Cues:
    """What a span asserts beyond its content words."""

    negations: tuple[str, ...]
    modals: tuple[str, ...]  # modal class names, in order
    modal_words: tuple[str, ...]
    amplifiers: tuple[str, ...]
    downtoners: tuple[str, ...]
    numbers: tuple[str, ...]
    names: tuple[str, ...]  # capitalised words not at the start of the rendering

    @property
    def negated(self) -> bool:
        """Whether the span negates an odd number of times."""
        return len(self.negations) % 2 == 1


def words(text: str) -> list[str]:
    """Lower-case words and numbers of `text`; "n't" and "cannot" become auxiliary + "not",
    the contracted modals "'ll" and "'d" become "will" and "would"."""
    out: list[str] = []
    for match in _WORD.finditer(text.replace("’", "'")):
        word = match.group().lower()
        if word.endswith("n't") and len(word) > 3:
            out.extend((_CONTRACTED.get(word[:-3], word[:-3]), "not"))
        elif word == "cannot":
            out.extend(("can", "not"))
        elif word.endswith(("'ll", "'d")) and len(word) > 3:  # "we'll", "I'd": the modal
            head, _, tail = word.rpartition("'")
            out.extend((head, "will" if tail == "ll" else "would"))
        else:
            out.append(word)
    return out


def _most_modal(tokens: list[str]) -> list[str]:
    """ "most" amplifies a modal word ("most likely"); before any other word it forms a
    superlative ("the most radical", read by `superlative`) or a quantifier ("most people")."""
    return [w for w, nxt in pairwise(tokens) if w == "most" and nxt in MODAL_CLASS]


_ONES = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_VALUE = {
    **{word: value for value, word in enumerate(_ONES)},
    **{word: 10 * value for value, word in enumerate(_TENS, start=2)},
    "dozen": 12,
    "twice": 2,  # "two times": "used twice" and "destroyed two" count the same
}
_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}


def number_values(tokens: Iterable[str]) -> list[str]:
    """Number tokens read as values: a run of number words is one number, digits lose their
    thousands separators ("three hundred thousand" and "300,000" are both "300000"); units,
    ordinals and other words stay as they are."""
    out: list[str] = []
    total, group, open_, run = 0, 0, False, []

    def flush() -> None:
        nonlocal total, group, open_, run
        if open_:  # a lone "one" stays a word: it doubles as a determiner (`detail_number`)
            out.append("one" if run == ["one"] else str(total + group))
        total, group, open_, run = 0, 0, False, []

    for token in tokens:
        lower = token.lower()
        if lower in _UNITS_VALUE:
            group, open_ = group + _UNITS_VALUE[lower], True
            run.append(lower)
        elif lower in _SCALES and (open_ or (out and out[-1].isdigit())):
            if not open_:  # "3 million": a digit number scaled by a word
                group, open_ = int(out.pop()), True
            group, run = max(group, 1) * _SCALES[lower], [*run, lower]
            if _SCALES[lower] >= 1000:
                total, group = total + group, 0
        else:
            flush()
            digits = lower.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", lower) else lower
            out.append(digits)
    flush()
    return out


def is_ordinal(word: str) -> bool:
    """ "20th", "1st": a number that names a position rather than a quantity."""
    return bool(_ORDINAL.match(word))


def _phrases(tokens: list[str], table: Iterable[str]) -> list[str]:
    """Entries of `table` (words or two-word phrases) found in `tokens`, in order."""
    found = []
    multi = {p for p in table if " " in p}
    for i, word in enumerate(tokens):
        pair = f"{word} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in multi:
            found.append(pair)
        elif word in table:
            found.append(word)
    return found


def negative_affix(word: str) -> bool:
    """Whether a content word carries a negative affix ("endless", "unacceptable"): the affix
    matches and what is left is an English word ("include" is not in- + "clude")."""
    import simplemma

    word = word.lower()
    if not _NEGATIVE_AFFIX.match(word):
        return False
    if word.endswith(("less", "lessly", "lessness")):
        base = word[: word.rindex("less")]
    else:
        base = word[3:] if word.startswith("non") else word[2:]
        base = word[3:] if word.startswith("dis") else base
    return len(base) >= 3 and simplemma.is_known(base, lang="en")


def cues(span: str, context: str = "") -> Cues:
    """The cues of `span`; `context` (the whole rendering) tells sentence-initial capitals."""
    tokens = words(span)
    negations = [w for w in tokens if w in NEGATORS]
    if "neither" in negations:  # "neither X nor Y" denies once: the correlative is one negator
        negations = [w for w in negations if w != "nor"]
    negations += [w for w in tokens if any(w.startswith(v) for v in NEGATIVE_VERBS)]
    modal_words = _phrases(tokens, MODAL_CLASS)
    return Cues(
        negations=tuple(negations),
        modals=tuple(MODAL_CLASS[w] for w in modal_words),
        modal_words=tuple(modal_words),
        amplifiers=tuple(_phrases(tokens, AMPLIFIERS) + _most_modal(tokens)),
        downtoners=tuple(_phrases(tokens, DOWNTONERS)),
        numbers=tuple(w for w in tokens if w[0].isdigit() or w in NUMBER_WORDS or w in UNITS),
        names=tuple(names(span, context)),
    )


# A word after these is capitalised by position: a sentence's end, a colon, or an opening quote
# mark ("‘Then you'll have ...’ I told him").
SENTENCE_OPENERS = ".!?:\"“«‘„‚‹'"


def names(span: str, context: str = "") -> list[str]:
    """Capitalised words of `span` that are names: not sentence-initial, not "I", not months."""
    start = context.find(span) if context and span else -1
    out = []
    for match in _NAME.finditer(span):
        word = match.group()
        if not word[:1].isupper() or word.lower() in _MONTHS or pronoun(word):
            continue
        before = (context[:start] if start >= 0 else "") + span[: match.start()]
        if not before.strip() or before.rstrip()[-1:] in SENTENCE_OPENERS:
            continue  # sentence-initial: capitalised by position
        out.append(word)
    return out


def pronoun(word: str) -> bool:
    """ "I", "I'd", "You", "We'll": pronouns are capitalised without being names."""
    head = re.split(r"['’]", word.lower())[0]
    return head in {"i", "you", "we", "he", "she", "it", "they", "my", "our", "your", "their"}


def superlative(word: str, before: str = "") -> bool:
    """ "greatest", "most important": the top of a scale."""
    import simplemma

    lower = word.lower()
    if before.lower() in {"most", "least"}:
        return True
    return lower.endswith("est") and simplemma.lemmatize(lower, lang="en") != lower


def modal_strength(classes: Iterable[str], amplified: bool = False) -> int | None:
    """The commitment of the strongest modal class present (0 = certain), None without one;
    an amplifier ("firmly believe", "most likely") moves it one step towards certain."""
    values = [_MODAL_STRENGTH[c] for c in classes]
    if not values:
        return None
    return max(0, min(values) - 1) if amplified else min(values)


def modal_kinds(classes: Iterable[str]) -> frozenset[str]:
    """The Biber groups (or stance) of the modal classes present."""
    return frozenset(MODAL_KINDS[c] for c in classes)
