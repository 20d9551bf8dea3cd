"""What moved between two sides besides their content words: polarity, modality, degree,
named entities and numbers, read from the closed-class cues of `drift.score.cues`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drift.align.normalize import STOPWORDS
from drift.score.cues import (
    NEGATORS,
    UNITS,
    cues,
    is_ordinal,
    modal_kinds,
    modal_strength,
    negative_affix,
    number_values,
    pronoun,
    superlative,
    words,
)
from drift.score.links import name_variant, same_word
from drift.score.settings import ScoreSettings
from drift.score.verdict import Side, Verdict


def negations(side: Side) -> int:
    """Negators in the span, counting negative affixes ("endless") as one each, also inside a
    lexicon unit ("absolutely impossible")."""
    affixed = sum(affix_negates(part) for w in side.words for part in words(w.text))
    return len(side.cues.negations) + affixed


def affix_negates(word: str) -> bool:
    """Whether a word negates by its affix: `negative_affix`, and where WordNet knows a prefixed
    word, WordNet relates it to its base as an antonym or defines it by it ("unable" / "able",
    "distrust" / "trust"; not "intend" / "tend", "improve" / "prove", "income" / "come")."""
    if not negative_affix(word):
        return False
    lower = word.lower()
    if lower.endswith(("less", "lessly", "lessness")):
        return True
    from drift.lexicon.english import shared_semantics

    semantics = shared_semantics()
    if not semantics.known(lower):
        return True  # no resource to ask: the affix and an English base decide
    base = lower[3:] if lower.startswith(("non", "dis")) else lower[2:]
    relation = semantics.relation(lower, base)
    return relation is not None and relation.kind in ("antonym", "gloss")


# Coordinated clauses negate each on its own: "has never had and does not have" denies twice.
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:and|but|or)\b", re.IGNORECASE)


def negated(side: Side) -> bool:
    """Whether the span denies: some clause of it holds an odd number of negations, so two
    inside one clause cancel ("not impossible") and two in coordinated clauses do not."""
    if not _CLAUSE_BREAK.search(side.span):
        return negations(side) % 2 == 1
    content = {part for w in side.words for part in words(w.text)}
    for clause in _CLAUSE_BREAK.split(side.span):
        found = len(cues(clause, side.rendering).negations)
        found += sum(affix_negates(t) for t in words(clause) if t in content)
        if found % 2:
            return True
    return False


def polarity_shift(a: Side, b: Side) -> str:
    """The polarity change between two sides, "" when both negate alike."""
    na, nb = negated(a), negated(b)
    if na == nb:
        return ""
    if not a.cues.negations and not b.cues.negations:
        return ""  # only affixes differ: "endless" against "end" is a derivation, judged later
    if na:
        return f"negation removed: {', '.join(a.cues.negations) or a.span!r}"
    return f"negation added: {', '.join(b.cues.negations) or b.span!r}"


# Negators that deny for every case, a universal inside the negation ("never" is "not ever"):
# stronger on Horn's scale of negation than a plain "not" or "no" (Horn, A Natural History of
# Negation, 1989).
UNIVERSAL_NEGATORS = frozenset({"never", "nowhere", "nobody", "nothing", "none"})


def negation_strength_shift(a: Side, b: Side) -> str:
    """ "negation strength: not → never" when both sides negate alike but only one of them
    universally ("have not lost" / "have never lost"); "" otherwise."""
    if not a.cues.negations or not b.cues.negations or negated(a) != negated(b):
        return ""
    ua = [w for w in a.cues.negations if w in UNIVERSAL_NEGATORS]
    ub = [w for w in b.cues.negations if w in UNIVERSAL_NEGATORS]
    if bool(ua) == bool(ub):
        return ""
    return f"negation strength: {' '.join(a.cues.negations)} → {' '.join(b.cues.negations)}"


def modality_shift(a: Side, b: Side, settings: ScoreSettings) -> Verdict | None:
    """Modal meaning moved: classes differ; drift grows with the distance in commitment, from a
    lower base when both sides stay inside one group of modal meaning (must / should)."""
    if sorted(a.cues.modals) == sorted(b.cues.modals):  # "surely will" / "will inevitably"
        return None
    if negated_duals(a, b):  # "must not be challenged" / "cannot be challenged"
        return None
    sa = modal_strength(a.cues.modals, bool(a.cues.amplifiers))
    sb = modal_strength(b.cues.modals, bool(b.cues.amplifiers))
    wa = " ".join(a.cues.modal_words) or "-"
    wb = " ".join(b.cues.modal_words) or "-"
    evidence = f"modal: {wa} → {wb}"
    if {sa, sb} <= {None, 1}:  # "will" against none: future tense, not modality
        return Verdict("modality", evidence + " (tense)", settings.tense_drift)
    steps = abs((sa if sa is not None else 0) - (sb if sb is not None else 0))
    ka, kb = modal_kinds(a.cues.modals), modal_kinds(b.cues.modals)
    same_kind = bool(ka and kb) and ka == kb  # one modal meaning, stronger or weaker
    base = settings.modality_strength_drift if same_kind else settings.modality_drift
    drift = base + settings.modality_step * steps
    return Verdict("modality", evidence, min(drift, settings.modality_max))


# "must not p" is "cannot p": necessity of not is no possibility of (the duality of the modal
# operators, Palmer, Mood and Modality, 2001, 4.3; Huddleston and Pullum 2002, 3.9.2). Only
# "must" negates inside its scope: "need not" / "don't have to" deny the necessity instead.
_NECESSITY_INSIDE = frozenset({"must"})
_POSSIBILITY = frozenset({"can", "could", "ca", "may", "might", "able"})


def negated_duals(a: Side, b: Side) -> bool:
    """Both sides negate, one with "must" and the other with a modal of possibility only."""
    if not (a.cues.negations and b.cues.negations):
        return False
    wa, wb = set(a.cues.modal_words), set(b.cues.modal_words)
    return any(
        x and y and x <= _NECESSITY_INSIDE and y <= _POSSIBILITY for x, y in ((wa, wb), (wb, wa))
    )


def degree_form(a: str, b: str) -> bool:
    """One word is the comparative or superlative of the other ("largest" / "large")."""
    if a == b or not same_word(a, b):
        return False
    longer = max(a, b, key=len)
    return longer.endswith(("er", "est")) and not longer.endswith(("ers", "ests"))


def superlative_on_one_side(a: Side, b: Side, top: Callable[[str], bool] | None = None) -> str:
    """A superlative on one side only ("the greatest" / "a major"); `top` tells a word that
    names the top of its scale by itself ("best" / "maximum" is no change)."""

    def tops(side: Side) -> list[str]:
        tokens = re.findall(r"[^\W\d_]+", side.span)
        return [w for i, w in enumerate(tokens) if superlative(w, tokens[i - 1] if i else "")]

    ta, tb = tops(a), tops(b)
    if bool(ta) == bool(tb):
        return ""
    plain = b if ta else a
    if top is not None and any(top(w.text) for w in plain.words):
        return ""
    return f"superlative on one side only: {' '.join(ta or tb)}"


def degree_shift(
    a: Side, b: Side, settings: ScoreSettings, top: Callable[[str], bool] | None = None
) -> Verdict | None:
    """Intensity moved: an amplifier or downtoner on one side only, or a degree form."""
    amp = set(a.cues.amplifiers) ^ set(b.cues.amplifiers)
    down = set(a.cues.downtoners) ^ set(b.cues.downtoners)
    for x in a.words:
        for y in b.words:
            if degree_form(x.text.lower(), y.text.lower()):
                return Verdict("degree", f"degree: {x.text} → {y.text}", settings.degree_drift)
    if amp or down:
        moved = ", ".join(sorted(amp | down))
        return Verdict("degree", f"intensity word on one side only: {moved}", settings.degree_drift)
    moved = superlative_on_one_side(a, b, top)
    return Verdict("degree", moved, settings.degree_drift) if moved else None


def changed(xs: Sequence[str], ys: Sequence[str]) -> tuple[list[str], list[str]]:
    """Items of each side that the other lacks (case-insensitive)."""
    lx, ly = {x.lower() for x in xs}, {y.lower() for y in ys}
    return [x for x in xs if x.lower() not in ly], [y for y in ys if y.lower() not in lx]


def acronym_of(short: str, long: Sequence[str]) -> bool:
    """ "U.S." or "US" for "United States", also inside a longer name ("US" for "United States
    of America", whose capitalised words are United, States, America): the initials of a run of
    `long`."""
    short = short.replace(".", "")
    if len(short) < 2 or not short.isupper():
        return False
    initials = "".join(w[0] for w in long).upper()
    return any(initials[i : i + len(short)] == short for i in range(len(initials) - len(short) + 1))


def capitalised(side: Side) -> list[str]:
    """Capitalised words of the span ("Lenin" at the start of a sentence); not function words
    or negators, which a sentence start capitalises ("Then", "If", "Neither")."""
    found = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", side.span)
    closed = STOPWORDS | NEGATORS
    return [w for w in found if w[0].isupper() and not pronoun(w) and w.lower() not in closed]


def _dotless(name: str) -> str:
    return name.replace(".", "").lower()


def _bare(name: str) -> str:
    """A name without its possessive ending ("Lenin's" -> "Lenin")."""
    return re.sub(r"['’]s?$", "", name) or name


def entity_shift(
    a: Side,
    b: Side,
    proper: Callable[[str], bool] | None = None,
    same: Callable[[str, str], bool] | None = None,
) -> str:
    """A named entity on each side that the other does not name; `proper` tells a name that
    stands first in its sentence on both sides ("Russia's" / "China's": WordNet instances);
    `same` tells two names of one entity ("Jews" / "Hebrews"). Possessives do not count."""
    na, nb = list(a.cues.names), list(b.cues.names)
    if na and not nb:  # the other side's name may stand first in its sentence
        nb = capitalised(b)
    elif nb and not na:
        na = capitalised(a)
    elif proper is not None and not na and not nb:
        na, nb = [w for w in capitalised(a) if proper(w)], [w for w in capitalised(b) if proper(w)]
    na, nb = [_bare(x) for x in na], [_bare(y) for y in nb]
    xa, xb = changed(na, nb)
    lower_a, lower_b = set(words(a.span)), set(words(b.span))
    xa = [x for x in xa if x.lower() not in lower_b]  # "President" / "president": case only
    xb = [y for y in xb if y.lower() not in lower_a]
    dotless_a, dotless_b = {_dotless(x) for x in na}, {_dotless(y) for y in nb}
    xa = [x for x in xa if _dotless(x) not in dotless_b]  # "U.S." / "US": stops only
    xb = [y for y in xb if _dotless(y) not in dotless_a]
    if not xa or not xb:
        return ""
    if any(acronym_of(x, xb) for x in xa) or any(acronym_of(y, xa) for y in xb):
        return ""
    if all(any(name_variant(x, y) for y in xb) for x in xa):
        return ""
    if same is not None and all(any(same(x, y) for y in xb) for x in xa):
        return ""
    return f"entity: {' '.join(xa)} → {' '.join(xb)}"


def detail_number(word: str) -> bool:
    """A number word that, against no number at all, is no change of quantity: an ordinal
    ("20th century" / "century") or "one", which doubles as the indefinite determiner ("one
    elementary conclusion" / "the following elementary conclusion")."""
    return is_ordinal(word) or word.lower() == "one"


def number_shift(a: Side, b: Side) -> str:
    """Numbers that differ by value ("three hundred thousand" / "300,000" is none); a detail
    number, or a unit with no quantity ("a single day"), against no number at all is no
    change; "seconds" / "minutes" is one."""
    xa, xb = changed(number_values(a.cues.numbers), number_values(b.cues.numbers))
    if not xa and not xb:
        return ""
    if not (xa and xb) and all(detail_number(x) for x in (*xa, *xb)):
        return ""
    if not (xa and xb) and all(x in UNITS for x in (*xa, *xb)):
        return ""  # a unit word with no quantity, on one side only: "present-day" / "modern"
    return f"number: {' '.join(xa) or '-'} → {' '.join(xb) or '-'}"
