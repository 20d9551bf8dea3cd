"""Speaker rules for persons met in the fourth blind set's error classes (issue 11): one
invented text per rule; the people and events are made up."""

from __future__ import annotations

import pytest
from speaker_helpers import speaker_of

from drift.lexicon.wordnet import WordNet
from drift.quotes import speaker_key

# Rules that ask WordNet (Debian's wordnet-base) whether a word names a place or a body.
needs_wordnet = pytest.mark.skipif(WordNet.locate() is None, reason="wordnet-base not installed")


def test_a_quote_joined_to_the_next_by_but_continues_the_speaker() -> None:
    """`“...,” but “...”`: the conjunction after the closing mark is no one telling the quote;
    it follows the speaker of the sentence before."""
    text = (
        "“We reached the pass by noon,” Ola Brekke said. “Some wanted to turn back,” but “we "
        "kept going until dark.”"
    )
    assert speaker_key(speaker_of(text, "Some wanted")) == "brekke"


def test_a_body_then_a_name_is_that_person_the_role_left_out() -> None:
    """ "Foreign Ministry Hu Jinrui said": a name after a body's name is the body's person
    (the word "spokesman" dropped), and a later "he" is him."""
    text = (
        "“The harbour is not for sale,” Foreign Ministry Hu Jinrui said Friday.\n"
        "He added that the offer sent “entirely the wrong signal.”"
    )
    assert speaker_key(speaker_of(text, "The harbour")) == "hu jinrui"
    assert speaker_key(speaker_of(text, "entirely")) == "hu jinrui"


@needs_wordnet
def test_a_role_for_a_body_then_a_comma_and_a_name_is_that_person() -> None:
    """`,” said the spokesperson for Norway's Foreign Ministry, Ola Brekke.`: the name after
    the role and its body, not the ministry."""
    text = "“The offer stands,” said the spokesperson for Norway's Foreign Ministry, Ola Brekke."
    assert speaker_key(speaker_of(text, "The offer")) == "brekke"


def test_said_he_told_attributes_the_quote_before_it() -> None:
    """`“...,” Mr Brekke said he told the mayor`: the subject reports his own words."""
    text = (
        "Mayor Kari Lund met the fishermen's leader Ola Brekke on Monday.\n"
        "“Close the harbour and you lose the town,” Mr Brekke said he told the mayor."
    )
    assert speaker_key(speaker_of(text, "Close the harbour")) == "brekke"


def test_he_alone_is_a_pronoun_not_a_family_name() -> None:
    """ "He" is the pronoun, though He is a Chinese family name: no speaker "He" even where a
    machine-translated line puts it after a title ("spokesman China He asserted")."""
    text = (
        "Hu Jinrui spoke in Beijing on Monday. Foreign Ministry spokesman China He asserted that "
        "the report was false.\n\n“The report is a fabrication,” he said."
    )
    assert speaker_of(text, "The report") != "He"
    assert speaker_key(speaker_of(text, "The report")) == "hu jinrui"


def test_a_long_apposition_after_a_name_that_opens_its_sentence() -> None:
    """ "NAME, a former champion who has become one of the leaders of ..., said": the name
    before the apposition is the subject, however long the apposition, and "he" after is him."""
    text = (
        "Ola Brekke, a former world skiing champion who has become one of the best-known voices "
        "of the Norwegian fishing towns, said the plan was “reckless”. “The harbour will empty "
        "within a year,” he told a local radio station."
    )
    assert speaker_key(speaker_of(text, "The harbour")) == "brekke"


def test_the_statement_is_the_one_person_who_issued_a_statement() -> None:
    """ "... with spokesman Ola Brekke issuing a statement. “...,” the statement reads.": the
    statement is his, the one person named where the text mentions it."""
    text = (
        "The dispute grew on Friday, with Harbour Board spokesman Ola Brekke issuing a statement "
        "on the closure.\n\n“The harbour stays open to every boat,” the statement reads."
    )
    assert speaker_key(speaker_of(text, "The harbour")) == "brekke"


def test_an_outlet_reporting_that_quote_is_the_speaker_of_its_report() -> None:
    """`Norway's Fjord News Agency reported that “...”`: the report's own words, no one else
    named, so the agency; `“... noon.” Colonel NAME said, “...”`: the full stop ended the first
    quote, and the colonel's clause leads in the next one."""
    text = (
        "Norway's Fjord News Agency reported that “the ferry sank at noon.” Colonel Ola Brekke, "
        "a spokesman for the navy, said, “All passengers were rescued.”"
    )
    assert speaker_key(speaker_of(text, "the ferry")) == speaker_key("Fjord")
    assert speaker_key(speaker_of(text, "All passengers")) == "brekke"


def test_the_statement_is_not_a_person_who_only_remarked_on_it() -> None:
    """ "NAME's remarks followed a statement by the Harbour Board": the statement is the
    board's, never the person's whose remarks the sentence names."""
    text = (
        "Fishing minister Ola Brekke's remarks followed a statement by the Harbour Board.\n\n"
        "“The harbour stays open to every boat,” the statement said."
    )
    assert speaker_key(speaker_of(text, "The harbour")) != "brekke"
