"""An unattributed quote whose speaker the next sentence names: the fallback of the sieve."""

from __future__ import annotations

from speaker_helpers import speaker_of

_LEAD = "Mr. Tovar “spoke to the delegates only briefly, between two sessions”. "


def test_next_sentence_speaker_attributes_an_unattributed_quote() -> None:
    text = _LEAD + "“No agreement was signed,” said Elsa Marrow, a spokeswoman for the ministry."
    assert speaker_of(text, "spoke to the delegates") == "Elsa Marrow"


def test_anonymous_next_speaker_gives_no_name() -> None:
    text = _LEAD + "“No agreement was signed,” a diplomat said."
    assert speaker_of(text, "spoke to the delegates") == ""


def test_next_speaker_who_leads_in_a_quote_of_their_own_is_not_taken() -> None:
    text = _LEAD + "Elsa Marrow, a spokeswoman, told reporters: “No agreement was signed.”"
    assert speaker_of(text, "spoke to the delegates") == ""


def test_next_sentence_in_another_paragraph_is_not_taken() -> None:
    text = _LEAD + "\n\n“No agreement was signed,” said Elsa Marrow, a spokeswoman."
    assert speaker_of(text, "spoke to the delegates") == ""


def test_quote_ending_in_its_own_full_stop_takes_the_very_next_sentence() -> None:
    lead = "Mr. Tovar “spoke to the delegates only briefly.” "
    assert speaker_of(lead + "“Nothing was signed,” said Elsa Marrow.", "spoke") == "Elsa Marrow"
    skipped = lead + "The talks ended at noon. “Nothing was signed,” said Elsa Marrow."
    assert speaker_of(skipped, "spoke") == ""
