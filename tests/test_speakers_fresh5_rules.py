"""Speaker rules from the fifth blind set's general error classes (issue 11): one invented
text per rule; the people, bodies and events are made up."""

from __future__ import annotations

import pytest
from speaker_helpers import speaker_of

from drift.lexicon.wordnet import WordNet
from drift.quotes import speaker_key

# Rules that ask WordNet (Debian's wordnet-base) whether a word names a place or a body.
needs_wordnet = pytest.mark.skipif(WordNet.locate() is None, reason="wordnet-base not installed")


def test_dots_in_an_acronym_do_not_make_another_body() -> None:
    """ "U.S. Commerce Department" and "US Commerce Department" are one speaker: the dots of an
    acronym are spelling, not part of the name."""
    assert speaker_key("the U.S. Commerce Department") == speaker_key("US Commerce Department")
    assert speaker_key("U.N. Trade Council") == speaker_key("UN Trade Council")


def test_dots_of_a_persons_initials_are_kept() -> None:
    """A person's initials are no acronym of a body: "J.R. Holm" keeps its display and key."""
    assert speaker_key("J.R. Holm") == "holm"


@needs_wordnet
def test_a_dateline_before_a_ministry_is_no_part_of_its_name() -> None:
    """ "OSLO — Norway's foreign ministry said": the capitals before the dash are the story's
    dateline, so a later "the ministry said" is Norway's foreign ministry, not "OSLO ..."."""
    text = (
        "OSLO — Norway’s foreign ministry said on Monday that the quota would stay.\n\n"
        "Talks resumed later in the week.\n\n"
        "“We have always kept to the agreement and respected it fully,” the ministry said."
    )
    assert speaker_key(speaker_of(text, "We have always")) == speaker_key(
        "Norwegian Foreign Ministry"
    )


def test_a_dateline_is_no_part_of_the_first_sentences_subject() -> None:
    """ "OSLO — The Harbour Board said ...": the sentence starts after the dateline's dash, so
    a later "it said" is the board, not "OSLO Harbour Board"."""
    text = (
        "OSLO — The Harbour Board said on Monday that the quota would stay. “We have always "
        "kept to the agreement and respected it fully,” it said."
    )
    assert speaker_of(text, "We have always") == "Harbour Board"


def test_a_lone_surname_is_the_person_the_headline_names_in_full() -> None:
    """A bare "Lin" in a story headlined with "Lin Haotian" is him, not another official of
    that surname from drift's shipped list of officials."""
    text = "“The harbour deal is a matter for the two governments alone,” Lin said."
    title = "Ambassador Lin Haotian rejects harbour criticism"
    assert speaker_key(speaker_of(text, "The harbour", title=title)) == "lin haotian"


@needs_wordnet
def test_a_body_before_a_role_word_and_a_name_only_describes_that_person() -> None:
    """ "Harbour Board chair Maria Lund ..., calling it “...”": the board names her office, so
    the quote is hers, whichever noun ("chair", not only "chairman") says her role."""
    text = (
        "Harbour Board chair Maria Lund on Monday rejected the plan, calling it “a step too far.”"
    )
    assert speaker_key(speaker_of(text, "a step too far")) == "lund"


@needs_wordnet
def test_a_body_before_a_role_word_and_a_name_is_not_the_sentences_subject() -> None:
    """With the person unresolved, the body before her role word is still not the one whose
    view the sentence gives: no speaker rather than the board."""
    from drift.quotes.bodies import body_phrase

    tokens = ["Harbour", "Board", "chair", "Ingrid", "Dahl", "held", "court", "in"]
    assert body_phrase(tokens) == ""
    assert (
        body_phrase(["The", "Harbour", "Board", "held", "court", "in", "Bergen"])
        == "The Harbour Board"
    )


@needs_wordnet
def test_the_organization_is_the_body_named_last_before() -> None:
    """ "The Nordic Fisheries Agency's team visited ... The organization said ...": a generic
    noun for a body is the body the text named last, though it was no speaker before."""
    text = (
        "The Nordic Fisheries Agency's team visited Bergen in late May. The organization said "
        'it will issue a full report on the plan "in due course".'
    )
    assert speaker_of(text, "in due course") == "Nordic Fisheries Agency"


@needs_wordnet
def test_the_agency_is_the_body_of_that_kind_named_last_before() -> None:
    """ "The agency said" is the last "... Agency" the text named, not only one that spoke."""
    text = (
        "The Nordic Fisheries Agency visited Bergen in late May, after the Harbour Board met. "
        'The agency said it will issue a full report on the plan "in due course".'
    )
    assert speaker_of(text, "in due course") == "Nordic Fisheries Agency"


@needs_wordnet
def test_a_body_after_a_short_lead_in_opens_the_sentence() -> None:
    """ "Some background: The Harbour Board denied ..., saying “...”": a lead-in ending in a
    colon or comma stands before the sentence's subject, which says the words."""
    text = (
        "Some background: The Harbour Board denied the claim, saying that the vessel is a "
        "“fishing trawler.”"
    )
    assert speaker_of(text, "fishing trawler") == "Harbour Board"


def test_the_and_a_proper_name_opening_the_sentence_says_the_participles_words() -> None:
    """ "The Hollinsworth earlier on Friday denied ..., saying “...”": an article and a proper
    name open the sentence: an institution, whose words the participle gives."""
    text = (
        "The Hollinsworth earlier on Friday flatly denied the report, saying that the navy knows "
        "it is a “fishing trawler.”"
    )
    assert speaker_key(speaker_of(text, "fishing trawler")) == speaker_key("Hollinsworth")


@needs_wordnet
def test_it_said_after_a_body_spoke_is_that_body() -> None:
    """ "“...,” the ministry said in a statement. It said ...": "it" is the body that spoke in
    the sentence just before, not a name opening an earlier sentence ("The Swedes, ...")."""
    text = (
        "OSLO — Norway’s foreign ministry said on Saturday that the flight was an accident.\n\n"
        "The Swedes, saying the craft was a drone, postponed a visit by the minister.\n\n"
        "“Norway has always kept to the law,” the ministry said in a statement.\n\n"
        "It said the two capitals had not announced any visit and that “the Swedish "
        "announcements are their own matter and we respect that”."
    )
    assert speaker_key(speaker_of(text, "the Swedish")) == speaker_key("Norwegian Foreign Ministry")


def test_the_ministry_named_only_in_the_headline_is_that_ministry() -> None:
    """A headline "Norway foreign ministry: ..." names the ministry a text's bare "the ministry
    said" stands for, though the text itself never names its country."""
    text = "“Norway has always kept to the law,” the ministry said in a statement."
    title = "Norway foreign ministry: drone flight over the strait an accident"
    assert speaker_key(speaker_of(text, "Norway has", title=title)) == speaker_key(
        "Norway Foreign Ministry"
    )


def test_the_agent_of_cited_by_as_saying_passed_the_words_on() -> None:
    """ "NAME was cited by the news agency NTB as saying ... “...”": the agency after "by"
    passed the words on; the passive's subject said them."""
    text = (
        "Separately, Harbour Board spokeswoman Maria Lund was cited by the news agency NTB as "
        "saying that the captain had “the chance to turn back, but he chose to stay at sea.”"
    )
    assert speaker_key(speaker_of(text, "the chance")) == "lund"


def test_a_possessive_statement_of_a_quote_names_its_speaker() -> None:
    """ "Governor Dahl's statement of “foreign trawlers” ...": the words after "statement of"
    are the owner's, as after "statement that"."""
    text = "The mayor backed Governor Dahl's statement of “foreign trawlers” being involved."
    assert speaker_key(speaker_of(text, "foreign trawlers")) == "dahl"
