"""The type of a divergence and the drift it implies: meaning change or rewording?

Each divergence gets one type with the evidence for it (a short reason a person can read):

    spelling    same words up to spelling, hyphenation, inflection, punctuation
    synonym     one word for another with the same meaning (WordNet synset, shared source word)
    paraphrase  the same meaning in other words, across several words
    polarity    negation added or removed, or an antonym
    modality    will / may / must / should / could, certainty and hedges
    degree      intensity moved (crucial / important, very / -, largest / a large)
    number      numbers, dates, quantities
    entity      a different named entity
    sense       a different meaning (multipolar / strong, ally / partner)
    omission    content that rendering b lacks (kind "omission": only a has the span)
    addition    content that rendering b adds (kind "insertion": only b has the span)

The drift follows from the type (see `ScoreSettings`): polarity, number and entity changes score
high, a sense change between its floor and 1 by how dissimilar the spans are, degree and modality
in between by strength, spellings and synonyms low. A word no resource knows is "unknown", and
scores by the continuous similarity inside a middle band instead of as maximally different.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from drift.align.normalize import STOPWORDS
from drift.score.cues import NEGATORS, UNITS, cues, number_values, words
from drift.score.cues import words as words_of
from drift.score.links import Link, Semantics, Word, best_links
from drift.score.settings import ScoreSettings
from drift.score.shifts import (
    changed,
    degree_shift,
    detail_number,
    entity_shift,
    modality_shift,
    negated,
    negation_strength_shift,
    number_shift,
    polarity_shift,
)
from drift.score.verdict import MEANING_TYPES, TYPES, DivergenceType, Side, Verdict
from drift.translate.lemmatize import lemma as en_lemma

__all__ = [
    "MEANING_TYPES",
    "TYPES",
    "DivergenceType",
    "Side",
    "Verdict",
    "gap_verdict",
    "substitution_verdict",
]

_CLITICS = frozenset({"ca", "wo", "sha", "n't", "nt", "not", "can", "will", "shall"})
_LINK_STOPWORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "as", "and", "or", "for"})


_CUE_WORDS_OF = ("modal_words", "amplifiers", "downtoners", "negations", "numbers")


# A prepositional phrase headed by "extent" or "degree" ("to a certain extent", "to some
# degree"): the degree adjunct WordNet's definitions of degree adverbs use (Quirk 1985, 8.104).
_DEGREE_PHRASE = re.compile(
    r"\b(?:to|in)\s+(?:(?:a|an|the|some|any)\s+)?(?:[a-z]+\s+)?(?:extent|degree)\b"
)


def _with_intensifiers(side: Side, semantics: Semantics | None) -> Side:
    """The side with the words WordNet defines by degree among its intensity words, beside the
    closed class of `cues.AMPLIFIERS` ("far": "to a considerable degree"; "absolute": "...
    used informally as intensifiers"), and its degree phrases ("to a certain extent")."""
    test = getattr(semantics, "intensifier", None)
    known = {*(w for field in _CUE_WORDS_OF for w in getattr(side.cues, field)), *STOPWORDS}
    found = tuple(w for w in words(side.span) if w not in known and test and test(w))
    phrases = tuple(m.group() for m in _DEGREE_PHRASE.finditer(side.span.lower()))
    if not found and not phrases:
        return side
    cues_ = replace(
        side.cues,
        amplifiers=(*side.cues.amplifiers, *found),
        downtoners=(*side.cues.downtoners, *phrases),
    )
    return replace(side, cues=cues_)


def _comment_clause(side: Side) -> bool:
    """A first-person comment clause: "I" with a modal or stance word and at most one content
    word ("I would say", "I could be wrong, but", "I believe that"). It states how sure the
    speaker is, so it is judged as modality (Quirk et al. 1985, 15.53; Biber et al. 1999,
    12.2: stance)."""
    return bool(side.cues.modal_words) and "i" in _forms(side.span) and len(_content(side)) <= 1


def _content(side: Side) -> list[Word]:
    """Content words that are not cue words (those are judged by the cue checks), nor a cue
    word with structure words ("far from")."""
    cue_words = {t for field in _CUE_WORDS_OF for w in getattr(side.cues, field) for t in words(w)}
    cue_words |= _LINK_STOPWORDS | _CLITICS

    def cue(tokens: set[str]) -> bool:
        return tokens <= cue_words or bool(tokens & cue_words and tokens <= cue_words | _STRUCTURE)

    return [w for w in side.words if not cue(set(words(w.text)))]


def _link_drift(
    found: Link, settings: ScoreSettings, similarity: float
) -> tuple[DivergenceType, float]:
    """The type and drift one word link implies; loose links are graded by `similarity`."""
    loose = settings.loose_link_span * (1 - similarity)
    if found.kind == "same":
        return "spelling", settings.spelling_drift
    if found.kind == "synonym":  # a shared sense far down either word's list is weaker evidence
        rank = min(found.distance, settings.synonym_rank_cap)
        return "synonym", settings.synonym_drift + settings.synonym_rank_step * rank
    if found.kind in ("source", "pivot"):  # one source word, graded by its rank like a synset
        rank = min(found.distance, settings.synonym_rank_cap)
        return "synonym", settings.synonym_drift + settings.synonym_rank_step * rank
    if found.kind == "derivation":
        return "synonym", settings.near_synonym_drift
    if found.kind == "similar":  # one cluster of adjectives: near-synonyms or graded variants
        span = settings.degree_drift - settings.near_synonym_drift
        drift = settings.near_synonym_drift + span * (1 - similarity)
        return ("synonym" if similarity >= 0.5 else "degree"), drift
    if found.kind == "antonym":
        return "polarity", settings.polarity_drift
    if found.kind == "hypernym":  # a more general word: a mild shift, growing with distance
        steps = settings.hypernym_step * (found.distance - 1)
        drift = min(settings.hypernym_drift + steps + loose, settings.sense_ceil)
        return ("synonym" if drift < 0.5 else "sense"), drift  # far: through rare senses
    return "synonym", settings.thesaurus_drift + loose  # thesaurus or a definition: loose


def substitution_verdict(
    a: Side,
    b: Side,
    similarity: float,
    lang: str,
    semantics: Semantics | None,
    settings: ScoreSettings = ScoreSettings(),  # noqa: B008 - frozen
) -> Verdict:
    """Type and drift of two spans that replace each other.

    `similarity` is the continuous evidence (source-language agreement, e5, chrF) in [0, 1]; it
    places a sense change between its floor and 1, and an unknown word inside a middle band.
    """
    a, b = _with_intensifiers(a, semantics), _with_intensifiers(b, semantics)
    polarity = polarity_shift(a, b)
    litotes = _litotes(a, b, semantics) if polarity else ""
    if litotes:  # "no easy fate" / "a difficult fate": a negated antonym says the same
        drift = settings.reword_drift + (1 - similarity) * settings.reword_span
        return Verdict("paraphrase" if drift < 0.5 else "degree", litotes, drift)
    if polarity:
        return Verdict("polarity", polarity, settings.polarity_drift)
    number = number_shift(a, b)
    if number:
        return Verdict("number", number, settings.number_drift)
    entity = entity_shift(a, b, getattr(semantics, "proper_noun", None), _one_name(semantics))
    if entity:
        return Verdict("entity", entity, settings.entity_drift)
    modality = modality_shift(a, b, settings)
    ca, cb = _content(a), _content(b)
    if modality is not None and (not (ca or cb) or (_comment_clause(a) and _comment_clause(b))):
        return modality
    degree = degree_shift(a, b, settings, getattr(semantics, "top_of_scale", None))
    if degree is not None and not (set(a.cues.amplifiers) & set(b.cues.amplifiers)):
        rest = _words_verdict(ca, cb, a, b, similarity, lang, semantics, settings)
        return degree if rest.drift <= degree.drift else rest
    verdict = _words_verdict(ca, cb, a, b, similarity, lang, semantics, settings)
    if modality is not None and modality.drift > verdict.drift:
        return modality
    strength = negation_strength_shift(a, b)
    if strength and verdict.type in ("spelling", "synonym", "paraphrase"):
        span = settings.degree_drift - settings.near_synonym_drift  # graded like similar-to
        drift = settings.near_synonym_drift + span * (1 - similarity)
        if drift >= verdict.drift:
            return Verdict("degree", strength, drift)
    return verdict


def _litotes(a: Side, b: Side, semantics: Semantics | None) -> str:
    """ "litotes: not + easy / difficult" when the side with one more negation negates a word
    whose WordNet antonym the other side has instead: negating an antonym affirms (Horn 1989,
    ch. 5; Quirk et al. 1985, 10.64), so "a no easy fate" / "a difficult fate" keeps its
    polarity. "" otherwise."""
    if semantics is None:
        return ""
    negated_side, plain = (a, b) if negated(a) else (b, a)
    if not negated_side.cues.negations:
        return ""
    mine = {w.text.lower() for w in negated_side.words} - set(negated_side.cues.negations)
    theirs = {w.text.lower() for w in plain.words} - mine
    for x in sorted(mine):
        for y in sorted(theirs):
            if getattr(semantics.relation(x, y), "kind", "") == "antonym":
                return (
                    f"litotes: {' '.join(negated_side.cues.negations)} {x} / {y} (WordNet antonyms)"
                )
    return ""


def _words_verdict(
    ca: Sequence[Word],
    cb: Sequence[Word],
    a: Side,
    b: Side,
    similarity: float,
    lang: str,
    semantics: Semantics | None,
    settings: ScoreSettings,
) -> Verdict:
    """Judge the content words: every word linked (synonym, paraphrase) or a sense change."""
    if _letters(a.span) == _letters(b.span):  # "US" / "U.S.": stops, case and spaces only
        return Verdict("spelling", "same letters up to stops and case", settings.spelling_drift)
    modal = _same_modal_meaning(a, b)
    if not ca and not cb:
        if modal:
            return Verdict("synonym", modal, settings.synonym_drift)
        if _lemmas(a.span) == _lemmas(b.span):  # "cannot" / "can't", "was" / "is"
            numbers = a.cues.numbers != b.cues.numbers  # "Three hundred thousand" / "300,000"
            what = "the same number in words and digits" if numbers else "same function words"
            return Verdict("spelling", f"{what} up to form", settings.spelling_drift)
        detail = [
            *changed(a.cues.numbers, b.cues.numbers)[0],
            *changed(b.cues.numbers, a.cues.numbers)[0],
        ]
        if detail:  # an ordinal or a lone "one" against none ("the 20th century" / "the century")
            return Verdict(
                "paraphrase",
                f"a detail number on one side: {' '.join(detail)}",
                settings.spelling_drift,
            )
        if _restructured(a, b):
            return Verdict("paraphrase", "function words only", settings.spelling_drift)
        # the same structure, another pronoun or determiner: "That" / "This"
        return Verdict("synonym", "pronouns or determiners only", settings.spelling_drift)
    if not ca or not cb:  # "they" / "the foreigners": one side says what the other leaves out
        gap: DivergenceType = "addition" if not ca else "omission"
        words_ = ", ".join(w.text for w in (ca or cb))
        if _has_words(a.span) and _has_words(
            b.span
        ):  # function words replaced: "after it" / "afterward"
            drift = settings.reword_drift + (1 - similarity) * settings.reword_span
            return _reword(f"only {'a' if ca else 'b'}: {words_}", drift)
        verb = "b adds" if not ca else "b leaves out"
        return Verdict(gap, f"{verb}: {words_}", settings.gap_weight)
    phrase = _phrase_link(a, b, lang, semantics)
    if phrase is not None:
        kind, drift = _link_drift(phrase, settings, similarity)
        kind = "paraphrase" if kind == "synonym" else kind
        return Verdict(kind, _evidence(phrase), drift)
    links_a, links_b, ca, cb = _link_sides(ca, cb, lang, semantics, (a.span, b.span))
    loose_a = [w for w, x in zip(ca, links_a, strict=True) if x is None]
    loose_b = [w for w, x in zip(cb, links_b, strict=True) if x is None]
    found = [x for x in (*links_a, *links_b) if x is not None]
    if loose_a or loose_b:
        unknown = [w.text for w in (*loose_a, *loose_b) if not _known(w, semantics)]
        if not loose_a or not loose_b:
            side, lost = ("a", loose_a) if loose_a else ("b", loose_b)
            words = ", ".join(w.text for w in lost)
            drift = settings.reword_drift + (1 - similarity) * settings.reword_span
            return _reword(f"only {side}: {words}", drift)
        pair = f"{loose_a[0].text} / {loose_b[0].text}"
        if unknown:
            low, high = settings.unknown_band
            return Verdict(
                "sense",
                f"{pair}: not in any dictionary: {', '.join(unknown)}",
                low + (high - low) * (1 - similarity),
                open="kept",
            )
        band = settings.sense_ceil - settings.sense_floor
        drift = settings.sense_floor + band * (1 - similarity)
        return Verdict("sense", f"{pair}: no shared sense or source word", drift, open="kept")
    worst = max(found, key=lambda x: _link_drift(x, settings, similarity)[1])
    kind, drift = _link_drift(worst, settings, similarity)
    if kind == "synonym" and (_restructured(a, b) or _reordered(links_a, cb)):
        kind = "paraphrase"  # the grammar around the replaced words changed too
    if kind == "spelling" and modal:  # "surely will be" / "will inevitably be"
        return Verdict("synonym", modal, settings.synonym_drift)
    if kind == "spelling" and (
        len(ca) != len(cb) or _reordered(links_a, cb) or _restructured(a, b)
    ):
        return Verdict("paraphrase", "the same words in another order or form", drift)
    return Verdict(kind, _evidence(worst), drift)


def _same_modal_meaning(a: Side, b: Side) -> str:
    """ "same modal meaning: surely / inevitably" when other modal words say the same, else ""."""
    wa, wb = a.cues.modal_words, b.cues.modal_words
    if wa and sorted(a.cues.modals) == sorted(b.cues.modals) and wa != wb:
        return f"same modal meaning: {' '.join(wa)} / {' '.join(wb)}"
    return ""


_ARTICLES = frozenset({"a", "an", "the"})
# Contracted auxiliaries ("it's", "we're"): "'s" is "is" after a pronoun, else a possessive.
_CLITICS_AUX = {"s": "is", "re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would"}
_S_HOSTS = frozenset({"it", "he", "she", "that", "there", "here", "what", "who", "where", "how"})
# The grammar words that build a clause's structure: prepositions and particles, auxiliaries and
# negators (Quirk et al. 1985, ch. 3, 9). A lexical substitution keeps them; a paraphrase changes
# them ("have no interest" / "don't have any interest"). Pronouns, determiners and coordinators
# only refer or join ("She drowned" / "It sank", "that powerful" / "the powerful").
_STRUCTURE = NEGATORS | frozenset(
    {"about", "above", "after", "as", "at", "before", "below", "between", "by", "down"}
    | {"during", "for", "from", "in", "into", "of", "off", "on", "out", "over", "through"}
    | {"to", "under", "until", "up", "upon", "with", "than", "towards", "toward", "against"}
    | {"am", "are", "be", "been", "being", "did", "do", "does", "doing", "had", "has", "have"}
    | {"having", "is", "was", "were", "can", "could", "shall", "should", "will", "would"}
)


def _forms(span: str) -> list[str]:
    """The span's words with contractions expanded ("It's" -> it is) and numbers read as values
    ("three hundred thousand" -> 300000)."""
    out: list[str] = []
    for word in words(span):
        head, apostrophe, tail = word.partition("'")
        if apostrophe and head and tail in _CLITICS_AUX:
            out.append(head)
            if tail != "s" or head in _S_HOSTS:
                out.append(_CLITICS_AUX[tail])
        else:
            out.append(word)
    return number_values(out)


def _lemmas(span: str) -> list[str]:
    return [en_lemma(w) for w in _forms(span) if w not in _ARTICLES]


def _structure_words(span: str) -> set[str]:
    """The span's structure words up to form: what a synonym keeps and a paraphrase
    restructures ("have no interest" / "don't have any interest")."""
    joined = re.sub(r"(?<=\w)-(?=\w)", "", span)  # "well-being" is one word, not "being"
    return {en_lemma(w) for w in _forms(joined) if w in _STRUCTURE}


def _restructured(a: Side, b: Side) -> bool:
    """Whether the sides' structure words differ: the wording changed around the content words
    (a structural paraphrase), not only the words themselves (a lexical substitution)."""
    return _structure_words(a.span) != _structure_words(b.span)


def _reordered(links: Sequence[Link | None], other: Sequence[Word]) -> bool:
    """Whether one side's words stand in another order in the other ("Russia's border" /
    "border of Russia"): their partners' positions do not rise."""
    texts = [w.text for w in other]
    at = [texts.index(x.b) for x in links if x is not None and x.b in texts]
    return any(j < i for i, j in pairwise(at))


def _split(words: Sequence[Word], span: str) -> list[Word]:
    """Multi-word units as their single words, each keeping the unit's candidates; only the
    words inside `span` when a unit glossed in its sentence reaches beyond it ("community with
    a shared future for mankind" for the span "shared future")."""
    inside = set(words_of(span))
    out = []
    for word in words:
        parts = re.findall(r"[^\W_]+", word.text)
        content = [p for p in parts if p.lower() not in _LINK_STOPWORDS] or parts
        content = [p for p in content if p.lower() in inside] or content
        out.extend(Word(p, word.candidates, word.ranks) for p in content) if len(
            parts
        ) > 1 else out.append(word)
    return out


def _link_sides(
    ca: Sequence[Word],
    cb: Sequence[Word],
    lang: str,
    semantics: Semantics | None,
    spans: tuple[str, str] = ("", ""),
) -> tuple[list[Link | None], list[Link | None], list[Word], list[Word]]:
    """Link each side's words to the other's: as lexicon units first ("like-minded people"),
    then word by word when units leave words unlinked ("utmost effort" / "maximum efforts")."""
    tries = []
    for xa, xb in ((list(ca), list(cb)), (_split(ca, spans[0]), _split(cb, spans[1]))):
        la, lb = best_links(xa, xb, lang, semantics), best_links(xb, xa, lang, semantics)
        unlinked = sum(x is None for x in (*la, *lb)) / max(1, len(la) + len(lb))
        tries.append((unlinked, len(tries), (la, lb, xa, xb)))
        if not unlinked:
            break
    return min(tries)[2]


def _phrase_link(a: Side, b: Side, lang: str, semantics: Semantics | None) -> Link | None:
    """A link between the spans as wholes ("put up with" / "tolerate"), when they are phrases."""
    if semantics is None:
        return None
    loose = ("antonym", "hypernym", "thesaurus", "pivot", "gloss")
    for pair in _phrase_pairs(a, b):
        # "bears on" / "affects": WordNet lists "bear on" and "affect"
        for x, y in dict.fromkeys([pair, (_phrase_lemma(pair[0]), _phrase_lemma(pair[1]))]):
            relation = semantics.relation(x, y)
            if relation is not None and relation.kind not in loose:
                kind = "same" if relation.kind in ("spelling", "inflection") else relation.kind
                return Link(x, y, kind, relation.evidence, getattr(relation, "distance", 0))
    return None


def _phrase_text(side: Side, edges: bool = False) -> str:
    """The span without articles, punctuation and (unless `edges`) the joining words at its
    edges ("the United States and" is "united states"), for phrase lookups."""
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", side.span.lower())
    words = [w for w in words if w not in {"a", "an", "the"}]
    if edges:
        return " ".join(words)
    while len(words) > 1 and words[-1] in _LINK_STOPWORDS:
        words.pop()
    while len(words) > 1 and words[0] in _LINK_STOPWORDS:
        words.pop(0)
    return " ".join(words)


def _phrase_pairs(a: Side, b: Side) -> list[tuple[str, str]]:
    """The spans as phrases to look up: with their edge particles ("bears on" / "affects"),
    then without ("the United States and" / "America"); only where one side is a phrase,
    never a span of articles only ("the" / "a")."""
    pairs = [(_phrase_text(a, edges=True), _phrase_text(b, edges=True))]
    pairs.append((_phrase_text(a), _phrase_text(b)))
    several = len(a.words) > 1 or len(b.words) > 1
    return [
        (x, y) for x, y in dict.fromkeys(pairs) if x and y and (several or " " in x or " " in y)
    ]


def _phrase_lemma(phrase: str) -> str:
    """Each word of a phrase in its dictionary form ("carried out" is "carry out")."""
    return " ".join(en_lemma(w) for w in phrase.split())


def _one_name(semantics: Semantics | None) -> Callable[[str, str], bool] | None:
    """Two capitalised words WordNet puts in one synset name one entity: "Jews" / "Hebrews"
    (jew.n.01, a kind of people, not a named instance); so do a name and the adjective WordNet
    derives from it ("Chinese" / "China", a pertainym). Two names of instances must share
    their first senses: "China" / "Taiwan" share only taiwan.n.01, a later sense of "China"."""
    if semantics is None:
        return None
    proper = getattr(semantics, "proper_noun", lambda _: False)
    place_of = getattr(semantics, "place_of", lambda _: ())

    def same(x: str, y: str) -> bool:
        if place_of(x) == (y.lower(),) or place_of(y) == (x.lower(),):
            return True  # "Chinese territory" / "China's territory": the adjective of the name
        found = semantics.relation(x, y)
        kind = getattr(found, "kind", "")
        if kind in ("spelling", "inflection"):
            return True
        first = getattr(found, "distance", 1) == 0
        return kind == "synonym" and (first or not (proper(x) and proper(y)))

    return same


def _known(word: Word, semantics: Semantics | None) -> bool:
    return bool(word.candidates) or (semantics is not None and semantics.known(word.text))


def _evidence(found: Link) -> str:
    """ "sympathisers / supporters: ru: both → сторонник"."""
    return f"{found.a} / {found.b}: {found.evidence}"


def gap_verdict(
    side: Side,
    other: Side,
    present_share: float,
    kind: str,
    settings: ScoreSettings = ScoreSettings(),  # noqa: B008 - frozen
    semantics: Semantics | None = None,
) -> Verdict:
    """Type and drift of a span only one rendering has.

    `kind` is the divergence kind: "omission" (b lacks `side`) or "insertion" (b adds it);
    `present_share` is how much of the span's content the other rendering has elsewhere;
    `semantics` tells degree adverbs beyond the closed class ("far").
    """
    side = _with_intensifiers(side, semantics)
    gap: DivergenceType = "omission" if kind == "omission" else "addition"
    where = "b" if gap == "omission" else "a"
    theirs = cues(other.rendering)  # the other rendering as a whole, read once
    if side.cues.negated and len(cues(side.rendering).negations) > len(theirs.negations):
        verb = "removed in" if gap == "omission" else "added in"
        words = ", ".join(side.cues.negations)
        return Verdict("polarity", f"negation {verb} b: {words}", settings.polarity_drift)
    numbers, _ = changed(number_values(side.cues.numbers), number_values(theirs.numbers))
    numbers = [n for n in numbers if n not in UNITS and not detail_number(n)]
    if numbers:
        return Verdict(
            "number", f"number only in one side: {' '.join(numbers)}", settings.number_drift
        )
    modal = [w for w in side.cues.modal_words if w not in theirs.modal_words]
    content = _content(side)
    if modal and (not content or _comment_clause(side)):
        empty = Side.of("", (), other.rendering)
        verdict = modality_shift(side, empty, settings) if gap == "omission" else None
        verdict = verdict or modality_shift(empty, side, settings)
        if verdict is not None:
            return verdict
    intensity = [*side.cues.amplifiers, *side.cues.downtoners]
    if intensity and not content:
        words = ", ".join(intensity)
        return Verdict(
            "degree", f"intensity word missing in {where}: {words}", settings.degree_drift
        )
    if not side.words:
        return Verdict(gap, "function words only", settings.gap_weight * settings.function_weight)
    if present_share >= 1.0:
        return Verdict("paraphrase", f"moved: {side.span!r} is elsewhere in {where}", 0.0)
    names, _ = changed(side.cues.names, theirs.names)
    lost = ", ".join(w.text for w in content) or side.span
    if names:
        drift = max(settings.entity_gap_drift, settings.gap_weight * (1 - present_share))
        return Verdict(
            gap,
            f"dropped name: {' '.join(names)}"
            if gap == "omission"
            else f"added name: {' '.join(names)}",
            drift,
        )
    verb = "dropped" if gap == "omission" else "added"
    return Verdict(gap, f"{verb}: {lost}", settings.gap_weight * (1.0 - present_share))


def _reword(evidence: str, drift: float) -> Verdict:
    """Words on one side only, every other word linked: a rewording below drift 0.5, a sense
    change from it."""
    return Verdict("paraphrase" if drift < 0.5 else "sense", evidence, drift, open="reword")


def with_sentence(verdict: Verdict, cosine: float, settings: ScoreSettings) -> Verdict:
    """An open verdict's drift blended with what its edit does to the whole sentence.

    `cosine` is the e5 cosine between the span in its window of words and the same window with
    the edit made (`drift.score.spans.edit_window`). Where no resource decides, the word-level
    similarity alone ranked meaning changes poorly on data it was not tuned on; the edit's effect
    on its context held up better (docs/scoring.md, Calibration)."""
    if not verdict.open:
        return verdict
    low, high = settings.open_band
    shift = min(max((1.0 - cosine) / settings.open_sentence_span, 0.0), 1.0)
    weight = settings.open_sentence_weight
    drift = (1 - weight) * verdict.drift + weight * (low + (high - low) * shift)
    evidence = f"{verdict.evidence}; in context e5 {cosine:.3f}"
    if verdict.open == "reword":
        return _reword(evidence, drift)
    return replace(verdict, evidence=evidence, drift=drift)


def _has_words(span: str) -> bool:
    return bool(words(span))


def _letters(span: str) -> str:
    return "".join(ch for ch in span.lower() if ch.isalnum())
