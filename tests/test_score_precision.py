"""Polarity, entity and modality are the strongest verdicts, so each must fire only on a real
change: a verb that merely starts with "in-", two denials in coordinated clauses, a capital
after an opening quote mark, a short form of a longer name, "must not" against "cannot"."""

from __future__ import annotations

import pytest

from drift.lexicon.wordnet import WordNet
from drift.score.cues import names
from drift.score.links import Word
from drift.score.settings import ScoreSettings
from drift.score.shifts import affix_negates, entity_shift, negated
from drift.score.types import Side, _one_name, substitution_verdict

S = ScoreSettings()
needs_wordnet = pytest.mark.skipif(WordNet.locate() is None, reason="wordnet-base not installed")


def side(span: str, rendering: str = "", *content: str) -> Side:
    return Side.of(span, [Word(w, ()) for w in content], rendering or span)


def verdict(a: Side, b: Side):
    return substitution_verdict(a, b, 0.5, "ru", None, S)


@needs_wordnet
def test_a_verb_that_starts_with_in_is_no_negation() -> None:
    assert not affix_negates("intend") and not affix_negates("improve")
    assert affix_negates("unable") and affix_negates("distrust") and affix_negates("endless")
    a = side("The ministers do not intend to be sidelined", "", "ministers", "intend", "sidelined")
    b = side("The ministers are not going to sideline themselves", "", "ministers", "sideline")
    assert verdict(a, b).type != "polarity"


def test_two_denials_in_coordinated_clauses_keep_the_side_negative() -> None:
    once = side("has not sought such talks", "", "sought", "talks")
    twice = side("has never sought and does not seek such talks", "", "sought", "seek", "talks")
    assert negated(once) and negated(twice)
    found = verdict(once, twice)
    assert found.type != "polarity" and found.drift < S.polarity_drift
    plain = side("has sought such talks", "", "sought", "talks")
    assert verdict(once, plain).type == "polarity"  # one denial against none still flips


def test_a_capital_after_an_opening_quote_mark_is_no_name() -> None:
    rendering = "‘Then you will regret it in any capital’ the envoy said."
    assert names("Then you will regret it", rendering) == []
    assert names("the envoy met Lavrov", "Later the envoy met Lavrov") == ["Lavrov"]


def test_a_short_form_of_a_longer_name_is_the_same_entity() -> None:
    a = side(
        "as president of the United States of America",
        "He won as president of the United States of America",
    )
    b = side("as US president", "He won as US president")
    assert entity_shift(a, b) == ""
    other = side(
        "as president of the Republic of Korea", "He won as president of the Republic of Korea"
    )
    assert entity_shift(other, b) != ""


def test_must_not_and_cannot_say_the_same() -> None:
    a = side("These lines must not be crossed.", "", "lines", "crossed")
    b = side("These lines cannot be crossed.", "", "lines", "crossed")
    assert verdict(a, b).type not in ("modality", "polarity")
    need = side("These lines need not be crossed.", "", "lines", "crossed")
    may = side("These lines may be crossed.", "", "lines", "crossed")
    assert verdict(a, may).type in ("modality", "polarity")  # "must not" against a permission
    assert verdict(need, b).type == "modality"  # "need not" denies the necessity instead


def test_neither_nor_denies_once() -> None:
    both = side("Neither the envoys nor the ministers will attend", "", "envoys", "ministers")
    plain = side("No envoy or minister will attend", "", "envoy", "minister")
    assert negated(both) and negated(plain)
    assert verdict(both, plain).type != "polarity"


@needs_wordnet
def test_an_antonym_the_side_also_says_is_an_addition_not_a_reversal() -> None:
    from drift.lexicon.english import EnglishSemantics

    semantics = EnglishSemantics()
    a = side("all possible and impossible means", "", "possible", "impossible", "means")
    b = side("every possible means", "", "possible", "means")
    found = substitution_verdict(a, b, 0.5, "ru", semantics, S)
    assert found.type != "polarity"
    swapped = substitution_verdict(
        side("possible means", "", "possible", "means"),
        side("impossible means", "", "impossible", "means"),
        0.5,
        "ru",
        semantics,
        S,
    )
    assert swapped.type == "polarity"  # one word for its opposite is still a reversal


@needs_wordnet
def test_a_country_and_its_adjective_name_one_entity() -> None:
    from drift.lexicon.english import EnglishSemantics

    semantics = EnglishSemantics()
    a = side("part of Chinese territory", "It is part of Chinese territory")
    b = side("part of China's territory", "It is part of China's territory")
    assert entity_shift(a, b, semantics.proper_noun, _one_name(semantics)) == ""
    other = side("part of Japanese territory", "It is part of Japanese territory")
    assert entity_shift(other, b, semantics.proper_noun, _one_name(semantics)) != ""


def test_a_capitalised_function_word_is_no_entity() -> None:
    a = side("Neither the people nor our time will allow it")
    b = side("No attempt at a new Cold War will be allowed")
    assert entity_shift(a, b) == ""  # "Neither" opens a sentence; it names nothing
