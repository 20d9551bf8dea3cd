"""English lexical semantics from WordNet 3.0 and the Moby thesaurus."""

from __future__ import annotations

import pytest

from drift.lexicon.english import EnglishSemantics, Relation
from drift.lexicon.wordnet import WordNet


@pytest.fixture(scope="module")
def semantics() -> EnglishSemantics:
    found = EnglishSemantics()
    if not found.available["wordnet"]:
        pytest.skip("wordnet-base is not installed (make setup installs it)")
    return found


def test_construction_loads_nothing() -> None:
    semantics = EnglishSemantics()
    assert "_wordnet" not in vars(semantics) and "_moby" not in vars(semantics)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("honour", "honor", "spelling"),
        ("sympathisers", "sympathizers", "spelling"),
        ("leaves", "leaving", "inflection"),
        ("abandon", "give up", "synonym"),
        ("Abandoned", "give up", "synonym"),
        ("increase", "decrease", "antonym"),
        ("strong", "weak", "antonym"),
        ("wet", "arid", "antonym"),  # arid is a satellite of dry, the antonym of wet
        ("critical", "serious", "similar"),
        ("actively", "tirelessly", "similar"),  # adverbs of active and tireless: see-also head
        ("decision", "decide", "derivation"),
        ("sympathiser", "supporter", "hypernym"),
        ("juncture", "stage", "thesaurus"),
        ("volatile", "changing", "gloss"),  # volatile.n.01: "a substance that changes readily"
        ("China", "nation", "gloss"),  # china.n.01: "a communist nation that covers ..."
    ],
)
def test_relations(semantics: EnglishSemantics, a: str, b: str, kind: str) -> None:
    found = semantics.relation(a, b)
    assert found is not None and found.kind == kind, found
    assert found.evidence
    assert semantics.relation(b, a) is not None


def test_abandon_and_leave_are_related(semantics: EnglishSemantics) -> None:
    found = semantics.relation("abandon", "leave")
    # WordNet 3.0 has no synset with both: "leave" is a direct hypernym of "abandon", through
    # senses that are not the first of either (the distance counts their ranks)
    assert found == Relation("hypernym", found.evidence, 3) if found else False


def test_unrelated_or_unknown_words_give_none(semantics: EnglishSemantics) -> None:
    assert semantics.relation("multipolar", "strong") is None
    # no definition of either word uses the other (the first three senses are read)
    assert semantics.relation("bury", "outlast") is None
    assert semantics.relation("capacities", "weaknesses") is None
    assert semantics.relation("glorp", "strong") is None
    assert semantics.relation("", "strong") is None


def test_collocations_are_tried_as_phrases(semantics: EnglishSemantics) -> None:
    assert semantics.relation("put up", "tolerate") is not None
    assert semantics.relation("world order", "system") is None


def test_antonyms_and_known(semantics: EnglishSemantics) -> None:
    assert "decrease" in semantics.antonyms("increase")
    assert "wet" in semantics.antonyms("arid")
    assert semantics.antonyms("glorp") == frozenset()
    assert semantics.known("sympathisers") and semantics.known("Leaving")
    assert not semantics.known("glorp")


def test_wordnet_reader_morphy_and_names() -> None:
    folder = WordNet.locate()
    if folder is None:
        pytest.skip("wordnet-base is not installed")
    wordnet = WordNet(folder)
    assert wordnet.morphy("leaves") == ["leaf", "leave"]
    assert wordnet.morphy("better")[:2] == ["better", "good"]
    assert [wordnet.name_of(s) for s in wordnet.synsets("abandon", "v")][:2] == [
        "abandon.v.01",
        "abandon.v.02",
    ]
    assert wordnet.derived("prevention") == ["prevent"]
    assert wordnet.synsets("glorp") == []


def test_a_missing_wordnet_is_reported(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DRIFT_WORDNET_DIR", str(tmp_path))
    semantics = EnglishSemantics()
    assert semantics.available["wordnet"] is False
    assert semantics.relation("increase", "decrease") is None or (
        semantics.relation("increase", "decrease").kind == "thesaurus"
    )


def test_wordnet_instances_are_names_even_first_in_a_sentence(semantics: EnglishSemantics) -> None:
    """ "Russia's" starting a sentence is still a name (WordNet lists Russia as an instance of a
    country); "History" or "Change" there is only capitalised by position."""
    assert semantics.proper_noun("Russia's") and semantics.proper_noun("China")
    assert semantics.proper_noun("Lenin")
    assert not semantics.proper_noun("History") and not semantics.proper_noun("Change")
    assert not semantics.proper_noun("russia")  # as written: lower case is no name


@pytest.mark.parametrize(
    ("word", "top"),
    [("maximum", True), ("utmost", True), ("major", False), ("great", False), ("big", False)],
)
def test_top_of_scale_reads_a_superlative_in_the_first_adjective_definition(
    semantics: EnglishSemantics, word: str, top: bool
) -> None:
    assert semantics.top_of_scale(word) is top


@pytest.mark.parametrize(
    ("word", "degree"),
    [
        ("far", True),  # far.r.01 "to a considerable degree; very much"
        ("considerably", True),
        ("immediately", False),  # "without delay or hesitation"
        ("way", False),  # a noun first: way.r.01 "to a great degree" is rare
        ("powerful", False),  # an adjective first
        ("absolute", True),  # absolute.s.02 "... used informally as intensifiers"
        ("genuine", False),
    ],
)
def test_an_intensifier_is_an_adverb_defined_by_degree_or_an_adjective_defined_as_one(
    semantics: EnglishSemantics, word: str, degree: bool
) -> None:
    assert semantics.intensifier(word) is degree


def test_a_hypernym_path_through_rare_senses_is_longer_than_one_through_first_senses(
    semantics: EnglishSemantics,
) -> None:
    """ "life" is a kind of "history" only as its 12th sense (a biography); "dog" is a kind of
    "animal" in its first sense."""
    rare, common = semantics.relation("life", "history"), semantics.relation("dog", "animal")
    assert rare is not None and common is not None
    assert (rare.kind, common.kind) == ("hypernym", "hypernym")
    assert rare.distance > common.distance
