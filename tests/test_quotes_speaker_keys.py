"""Speaker names as pages write them: roles and pronouns are no one, spellings meet (issue 11)."""

from __future__ import annotations

import pytest

from drift.align.units import speakers_compatible
from drift.lexicon.wordnet import WordNet
from drift.quotes import extract_quotes, speaker_key
from drift.quotes.speakers import is_chinese_name
from drift.records import Document


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("He", ""),
        ("the Chinese President", ""),
        ("the head of state", ""),
        ("the head of the Russian Foreign Ministry", ""),
        ("the document", ""),
        ("Dmitry Medvedev, deputy head of Russia’s security council", "medvedev"),
        ("Head of State Xi Jinping", "xi jinping"),
        ("Zhou En-lai", "zhou enlai"),
        ("the Kremlin", "kremlin"),
        ("the Ministry of Foreign Affairs", "affairs foreign ministry"),
    ],
)
def test_speaker_keys_of_written_names(written: str, key: str) -> None:
    assert speaker_key(written) == key


def test_a_body_named_in_either_word_order_is_one_speaker() -> None:
    """ "the US Department of State said" and "the US State Department said" are one body."""
    assert speaker_key("the US Department of State") == speaker_key("US State Department") != ""
    assert speaker_key("the Ministry of Foreign Affairs") != speaker_key("Foreign Ministry")


def test_one_surname_in_two_spellings_is_one_speaker() -> None:
    assert speakers_compatible("poutine", "putin")
    assert speakers_compatible("khruschev", "khrushchev")
    assert not speakers_compatible("lavrov", "peskov")
    assert not speakers_compatible("wang yi", "wang yu")


def test_a_shared_surname_means_the_person_named_last() -> None:
    text = (
        'A readout quoted Foreign Minister Wang Yi as saying ties were "solid". '
        'Foreign ministry spokesman Wang Wenbin told reporters that "talks will go on". '
        'Wang added that "China-Russia cooperation has no limits".'
    )
    quotes = extract_quotes(Document(doc_id="d", text=text, lang="en"))
    last = next(q for q in quotes if q.text.startswith("China-Russia"))
    assert speaker_key(last.speaker) == "wang wenbin"


@pytest.mark.skipif(WordNet.locate() is None, reason="WordNet (wordnet-base) not installed")
def test_a_country_and_its_adjective_name_one_body() -> None:
    """ "Poland's Defence Ministry" and "the Polish Defence Ministry" are one body (WordNet's
    pertainyms); an adjective of no named place stays itself ("National" is no country)."""
    assert speaker_key("Poland's Defence Ministry") == speaker_key("the Polish Defence Ministry")
    british = speaker_key("the British Foreign Office")
    assert british == speaker_key("Great Britain's Foreign Office")
    assert speaker_key("the Polish Defence Ministry") != speaker_key("the Czech Defence Ministry")
    assert "national" in speaker_key("the National Security Council").split()


def test_a_country_after_a_chinese_name_is_no_given_name() -> None:
    """ "Hu Jinrui China" (a machine-translated line): "China" reads as pinyin but names a
    country, so it is no part of the name and the key stays the person's."""
    assert not is_chinese_name(["Hu", "Jinrui", "China"])
    assert is_chinese_name(["Hu", "Jinrui"])


@pytest.mark.skipif(WordNet.locate() is None, reason="WordNet (wordnet-base) not installed")
def test_a_person_whose_surname_is_a_noun_of_an_organization_keys_by_surname() -> None:
    """ "John Church" is a person ("John" is a name in WordNet), keyed by surname like a later
    "Church"; "Danish Coast Guard" is a body, keyed by its words."""
    assert speaker_key("John Church") == speaker_key("Church")
    assert speaker_key("Danish Coast Guard") != speaker_key("Guard")
