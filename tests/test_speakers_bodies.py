"""Organizations as speakers (issue 11): bodies WordNet names, their country and "it" / "the
statement" after reported words. One invented text per rule; the places are real, the bodies,
people and events made up."""

from __future__ import annotations

import pytest
from speaker_helpers import speaker_of

from drift.lexicon.wordnet import WordNet
from drift.quotes import speaker_key

# These rules ask WordNet (Debian's wordnet-base) whether a noun names an organization.
pytestmark = pytest.mark.skipif(WordNet.locate() is None, reason="wordnet-base not installed")


def test_a_body_whose_head_wordnet_calls_an_organization_is_the_speaker() -> None:
    """ "the Norwegian Coast Guard said": "guard" is a military unit (WordNet), so the body
    speaks, with its country, and not a person named "Coast Guard"."""
    text = "“The trawler ignored every warning,” the Norwegian Coast Guard said on Friday."
    got = speaker_of(text, "The trawler")
    assert speaker_key(got) == speaker_key("Norway Coast Guard")
    assert speaker_key(got) != speaker_key("Sweden Coast Guard")


def test_a_body_named_head_first_with_of_is_no_persons_name() -> None:
    """ "Norway's Ministry of Fisheries said": a ministry "of" something, not "NAME of OUTLET"."""
    text = "Norway's Ministry of Fisheries said the quota was “final and binding.”"
    got = speaker_of(text, "final and binding")
    assert speaker_key(got) == speaker_key("Norway Ministry of Fisheries")


def test_a_body_of_common_words_takes_the_one_country_its_sentence_names() -> None:
    """ "the ruling Labour Party" in a sentence that names only Norway before it is Norway's
    party; with two countries named, or the country named only after it (what the body spoke
    of), it keeps its name as written."""
    one = "Oil is Norway's “main question,” and the ruling Labour Party said it was “not for sale.”"
    got = speaker_of(one, "not for sale")
    assert speaker_key(got) == speaker_key("Norwegian Labour Party")
    assert speaker_key(got) != speaker_key("Swedish Labour Party")
    two = "Sweden and Norway differ, and the ruling Labour Party said it was “not for sale.”"
    assert speaker_key(speaker_of(two, "not for sale")) == speaker_key("Labour Party")
    after = "The Harbour Department said Norway's plan was “not for sale.”"
    assert speaker_key(speaker_of(after, "not for sale")) == speaker_key("Harbour Department")


def test_it_after_reported_words_is_the_body_of_the_sentence_before() -> None:
    """ "The Norwegian government has written ... “many times”, it said": the words before "it
    said" are what was said, so "it" is the body named in the sentence before."""
    text = (
        "Norway's Foreign Ministry repeated its request. The Norwegian government has written to "
        "the mayor “many times” about the harbour, it said in a statement."
    )
    assert speaker_key(speaker_of(text, "many times")) == speaker_key("Norwegian Foreign Ministry")


def test_the_statement_after_reported_words_is_no_body_of_that_sentence() -> None:
    """ "The Swedish government expressed “...”, the statement said": the statement is the
    body's that spoke before, not the one its words report on."""
    text = (
        "The Norwegian Foreign Ministry said the talks had ended. The Swedish government expressed "
        "its “readiness to return to the table”, the statement said."
    )
    got = speaker_of(text, "readiness")
    assert speaker_key(got) == speaker_key("Norwegian Foreign Ministry")


def test_a_body_keys_as_one_whatever_its_word_order_spelling_or_national() -> None:
    """ "Norway's defence ministry" and "Norway Ministry of National Defence" are one body
    ("national" says only "of a country", which "Norway" says); "coastguard" is "Coast Guard";
    another country's body stays apart."""
    assert speaker_key("Norway's defence ministry") == speaker_key(
        "Norway Ministry of National Defence"
    )
    assert speaker_key("the Danish coastguard") == speaker_key("Denmark Coast Guard")
    assert speaker_key("the Danish coastguard") != speaker_key("Swedish Coast Guard")


def test_it_is_a_body_after_an_opening_phrase_or_two_sentences_back() -> None:
    """ "In response, Norway's Ministry of Fisheries ...": the body after the opening phrase,
    with its whole name; "Norway's coast guard released a video. The video shows ... It
    described": the body two sentences back, past a sentence on what it released."""
    text = (
        "In response, Norway's Ministry of Fisheries condemned the catch. In a statement, it "
        "noted that “the quota is closed for the season.”"
    )
    got = speaker_of(text, "the quota")
    assert speaker_key(got) == speaker_key("Norway Ministry of Fisheries")
    text = (
        "Norway's coast guard released a video of the chase. The video shows a trawler near the "
        "reef. It described the chase as a “warning.”"
    )
    assert speaker_key(speaker_of(text, "warning")) == speaker_key("Norway Coast Guard")


def test_an_acronym_is_the_body_the_text_spelt_out_before_it() -> None:
    """ "the Norwegian Coast Guard (NCG) ... The NCG said": the body, not a person named NCG; a
    statement issued at "6:10 a.m." is still the acronym's sentence."""
    text = (
        "On Friday the Norwegian Coast Guard (NCG) boarded a trawler.\n\n"
        "The NCG said the crew had “refused every order.”"
    )
    got = speaker_of(text, "refused")
    assert speaker_key(got) == speaker_key("Norway Coast Guard")
    text = (
        "The Norwegian Coast Guard (NCG) boarded a trawler.\n\n"
        "NCG issued a statement at 6:10 a.m. local time, saying that “the crew resisted.”"
    )
    assert speaker_key(speaker_of(text, "the crew")) == speaker_key("Norway Coast Guard")


def test_an_outlet_quoting_a_unit_of_a_body_gives_the_body() -> None:
    """`“...,” NTB quoted the press service of the Norwegian Coast Guard.`: the outlet carried
    the words, the body (whose press service spoke) said them."""
    text = (
        "“The trawler left the zone at dawn,” NTB quoted the press service of the Norwegian "
        "Coast Guard."
    )
    assert speaker_key(speaker_of(text, "The trawler")) == speaker_key("Norway Coast Guard")


def test_a_state_unit_in_a_place_is_that_places_but_a_party_is_not() -> None:
    """ "the Presidential Office in Norway confirmed": a unit of a state (WordNet's
    administrative unit) belongs where it sits; "the Green Party in Norway" keeps its name
    (two countries in the sentence: no one country's body either)."""
    text = "Later, the Presidential Office in Norway said Sweden was “wrong to leave the talks.”"
    assert speaker_key(speaker_of(text, "wrong")) == speaker_key("Norway Presidential Office")
    text = "Later, the Green Party in Norway said Sweden was “wrong to leave the talks.”"
    assert speaker_key(speaker_of(text, "wrong")) == speaker_key("Green Party")


def test_a_body_opening_the_sentence_of_a_quote_with_no_reporting_verb() -> None:
    """ "The ruling Green Party in Norway views “...”": no reporting verb, but the body opening
    the sentence is whose view it gives (two places named: no one country's party)."""
    text = (
        "The ruling Green Party in Norway views Sweden's plan as “a threat to the fjords.” "
        "Talks resume next week."
    )
    assert speaker_key(speaker_of(text, "a threat")) == speaker_key("Green Party")


def test_a_body_named_with_of_the_or_an_acronym_before_its_noun() -> None:
    """ "the Northern Command of the Norwegian Army said": "of the" inside a capitalized name;
    "The NNF Northern Command" keys with its words, not as a person named "Command"."""
    text = "“The drills end today,” the Northern Command of the Norwegian Army said."
    got = speaker_key(speaker_of(text, "The drills"))
    assert got == speaker_key("Northern Command of the Norwegian Army")
    text = "The NNF Northern Command said the drills were “routine.”"
    got = speaker_key(speaker_of(text, "routine"))
    assert got == speaker_key("NNF Northern Command")
    assert got != speaker_key("Southern Command")


def test_it_is_the_body_a_clause_named_last_when_no_sentence_opens_with_one() -> None:
    """`“...,” the Harbour Board said.` then `It said ...`: the sentence before opens with a
    quote, so "it" is the body its clause named."""
    text = (
        "“The harbour is safe,” the Norwegian Harbour Board said.\n\n"
        "It said the storm had been “the worst in a decade.”"
    )
    got = speaker_key(speaker_of(text, "the worst"))
    assert got == speaker_key("Norwegian Harbour Board")
