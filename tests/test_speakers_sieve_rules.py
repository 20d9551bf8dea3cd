"""Speaker rules for terms, name forms and junk names (issue 11): one invented text per rule.

The people, places and bodies are made up; each text reads as a wire sentence would."""

from __future__ import annotations

import pytest
from speaker_helpers import speaker_of

from drift.lexicon.wordnet import WordNet
from drift.quotes import speaker_key
from drift.quotes.attribution import find_clauses

# Rules that ask WordNet (Debian's wordnet-base, which `make setup` installs) whether a word
# is a noun, a plural or a common word.
needs_wordnet = pytest.mark.skipif(WordNet.locate() is None, reason="wordnet-base not installed")


def test_an_excerpt_cut_off_mid_sentence_is_prose_not_a_headline() -> None:
    """A short last line that stops on "to" was cut short: its term is the subject's, and the
    full stop of the sentence before ends the ministry's name."""
    text = (
        "The delegates met in Tromsdal.\n\n"
        "Norway's Health Ministry said it was “deeply” worried by the outbreak and asked "
        "the delegates to"
    )
    got = speaker_of(text, "deeply")
    assert speaker_key(got) == speaker_key("Norway's Health Ministry")


def test_a_ministry_named_after_a_full_stop_starts_its_own_name() -> None:
    """ "... in Tromsdal. Norway's health ministry": the ministry is Norway's, not Tromsdal's."""
    text = (
        "The delegates met in Tromsdal. Norway's finance ministry welcomed them.\n\n"
        "“The outbreak is under control,” the ministry said."
    )
    got = speaker_of(text, "The outbreak")
    assert speaker_key(got) == speaker_key("Norway's Finance Ministry")


def test_a_term_after_an_opening_role_and_an_aside_is_the_role_holders() -> None:
    """ "The Norwegian premier, for her part, called the plan a “dead end”": the premier's term."""
    text = (
        "Norwegian Prime Minister Ingrid Solvang met Chancellor Paul Reiter in Bergen.\n\n"
        "The Norwegian premier, for her part, called the plan a “dead end” and left early."
    )
    assert speaker_key(speaker_of(text, "dead end")) == "solvang"


def test_a_relative_who_said_is_the_name_before_it_and_a_side_remark() -> None:
    """ "..., Hanna Lind, who said the talks were “pointless”": Lind's term; a later "he" is
    still the sentence's subject, not the name in the relative clause."""
    text = (
        "Mayor Tomas Berg answered a question about remarks by the council chair, Hanna Lind, "
        "who said the talks were “pointless” and should stop.\n\n"
        "“We will keep talking for as long as it takes,” he said."
    )
    assert speaker_key(speaker_of(text, "pointless")) == "lind"
    assert speaker_key(speaker_of(text, "We will keep")) == "berg"


def test_words_an_owners_described_statement_introduces_are_the_owners() -> None:
    """ "He recalled Governor Ana Ruiz's earlier statement that the port would “stay open”":
    an adjective between the owner and the speech noun changes nothing."""
    text = (
        "Harbour master Leon Duval spoke to reporters on Friday.\n\n"
        "He recalled Governor Ana Ruiz's earlier statement that the port would “stay open to "
        "all ships.”"
    )
    assert speaker_key(speaker_of(text, "stay open")) == "ruiz"


def test_he_after_a_role_reference_is_that_role_holder() -> None:
    """A sentence that opened with someone else does not take "he" from the spokesman when
    "the spokesman said" came after it; "he said adding that" attributes what came before."""
    text = (
        "Nordland Foreign Ministry spokesman Karl Weiss held a briefing on Monday. "
        "Minister Eva Holm had said the meeting was tense. To this, the spokesman said the "
        "atmosphere was calm. Most delegates agreed. “The talks were constructive,” he said "
        "adding that no one had complained."
    )
    assert speaker_key(speaker_of(text, "The talks")) == "weiss"


def test_a_chinese_name_takes_no_initial_so_its_full_stop_ends_the_sentence() -> None:
    """ "his counterpart Zhou E. Brandt noted": "Zhou E" ends the sentence; no "Zhou E. Brandt"
    is made up, and the quote is Brandt's."""
    text = (
        "Trade Minister Olaf Brandt held talks with his Chinese counterpart Zhou E. Brandt noted "
        "that the talks went well.\n\n"
        "“We agreed on more than we expected,” Brandt stressed."
    )
    assert speaker_of(text, "We agreed") == "Olaf Brandt"


def test_a_site_that_reports_a_quote_passes_it_on_from_the_paragraphs_speaker() -> None:
    """`“...,” Nord.Info reports`: the site passed the words on, and its dotted name is one
    word, no junk speaker ("Info"); the words continue the paragraph's speaker."""
    text = (
        "Senator Rita Oakes issued a warning to the governor on Tuesday.\n\n"
        "“He should choose his words with care,” Oakes wrote on her blog. “He is walking on thin "
        "ice,” Nord.Info reports, citing local media."
    )
    assert speaker_key(speaker_of(text, "He is walking")) == "oakes"
    (clause,) = find_clauses("Nord.Info reports that the vote was delayed.")
    assert clause.subject == "Nord.Info"


@needs_wordnet
def test_a_subject_that_is_no_noun_leaves_the_quote_to_the_sentence_before() -> None:
    """ "“...,” said the Oslo enjoy" (a typo: "enjoy" is no noun) names no one; the quote
    follows the sentence before, whose subject named the mayor and quoted nothing."""
    text = (
        "Mayor Pia Lund warned the council on Friday that the river could flood again. In a "
        "speech at the town hall, Lund cited the floods of 1998. “We cannot wait for the next "
        "flood. It will come,” said the Oslo enjoy to the council."
    )
    assert speaker_key(speaker_of(text, "We cannot wait")) == "lund"


def test_he_in_a_lede_that_names_only_a_role_is_the_person_named_next() -> None:
    """An untitled article that opens with a role and names its holder two paragraphs on:
    "he" before the name is that holder."""
    text = (
        "The Danish ambassador to Chile has rejected claims that his country will leave the "
        "treaty.\n\n"
        "“We are not leaving. We have never considered it,” he said of the treaty.\n\n"
        "Lars Holt, Denmark's new ambassador to Chile, also spoke at the club on Friday."
    )
    assert speaker_key(speaker_of(text, "We are not leaving")) == "holt"


def test_a_ministry_named_without_its_country_is_its_ministers() -> None:
    """ "Danish Defence Minister NAME ..., the defence ministry said": the Danish one."""
    text = (
        "Danish Defence Minister Erik Sand visited the troops on Sunday, the defence ministry "
        "said.\n\n"
        "“The troops are ready for the winter,” the ministry said in a statement."
    )
    got = speaker_of(text, "The troops")
    assert (
        speaker_key(got)
        == speaker_key("Danish Defence Ministry")
        != speaker_key("Defence Ministry")
    )


def test_a_caption_in_capitals_before_a_quote_names_its_speaker() -> None:
    """A transcript line "ANNA LUND DANISH FOREIGN MINISTER “...”": Anna Lund speaks; the
    title words after the name are no part of it."""
    text = (
        "Our reporter Per Moe has more on the vote.\n"
        "ANNA LUND DANISH FOREIGN MINISTER “We will not accept this decision, and we will say "
        "so in Brussels.”"
    )
    assert speaker_of(text, "We will not") == "Anna Lund"


@needs_wordnet
def test_a_heading_in_capitals_is_no_caption() -> None:
    """ "LIVE UPDATES “...”": its last word is a common English word, so no one's name."""
    heading = "Our reporter Per Moe has more.\nLIVE UPDATES “We will not accept this decision.”"
    assert speaker_of(heading, "We will not") != "Live Updates"


def test_a_term_in_the_texts_own_we_is_the_headlines_speaker() -> None:
    """A published statement ("Statement by Ambassador Lea Berg ...") speaks as "we": a term
    in its own words is hers; a journalist's text that names someone else first is not."""
    title = "Statement by Ambassador Lea Berg at the council debate"
    text = (
        "Statement by Ambassador Lea Berg at the council debate\n\n"
        "• The dam is safe. If the council will not let us remove this “rotten plank” by "
        "talks, we will do it ourselves."
    )
    assert speaker_key(speaker_of(text, "rotten plank", title)) == "berg"
    report = (
        "Ambassador Lea Berg spoke after Foreign Minister Jonas Ekberg. We asked about the "
        "“rotten plank” in our letter."
    )
    assert speaker_of(report, "rotten plank", title) == ""


@needs_wordnet
def test_a_plural_common_noun_opening_a_sentence_is_no_speaker() -> None:
    """ "Reports said ... a “landing exercise”": reports are no one; a surname that is also a
    plural ("Senator Amy Powers ... Powers said") stays a name."""
    text = (
        "Spokesman Tom Hale met reporters on Monday. Reports said the drill may include a "
        "“landing exercise”."
    )
    assert speaker_of(text, "landing exercise") not in ("Reports", "reports")
    named = "Trade Minister Amy Powers spoke on Monday. Powers said the plan was “dead on arrival”."
    assert speaker_of(named, "dead on arrival") == "Amy Powers"


def test_a_quote_according_to_someone_unnamed_stays_unnamed() -> None:
    """ "According to a diplomat, the deal “...”": the diplomat said it, whom drift cannot name; the
    paragraph's earlier speaker did not."""
    text = (
        "“We are ready to talk,” Minister Erik Sand said on Monday. According to a diplomat at "
        "the talks, the deal “is dead and will not come back.”"
    )
    assert speaker_of(text, "is dead") == ""
