"""Pivot links: two English words that render one foreign word are synonyms, graded by rank."""

from __future__ import annotations

from drift.lexicon.english import Relation as Rel
from drift.score.pivot import PivotSemantics


class Table:
    """A dictionary stand-in: word -> candidates, in order."""

    def __init__(self, entries: dict[str, tuple[str, ...]]) -> None:
        self.entries = entries

    def lookup(self, word: str) -> tuple[str, ...]:
        return self.entries.get(word, ())


class Inner:
    """WordNet stand-in: one loose (thesaurus) link, one synset."""

    def relation(self, a: str, b: str):
        pair = frozenset({a, b})
        if pair == frozenset({"area", "zone"}):
            return Rel("thesaurus", "Moby thesaurus")
        if pair == frozenset({"say", "tell"}):
            return Rel("synonym", "WordNet: shared synset state.v.01")
        return None

    def known(self, word: str) -> bool:
        return True


ZH = Table(
    {
        "demise": ("崩", "逝去"),
        "area": ("地区",),
        "say": ("说",),
        "outlast": ("熬过",),
        "chase": ("追赶", "追"),
        "pursue": ("追",),
    }
)
ZH_EN = Table(
    {"崩": ("collapse", "fall into ruins", "demise"), "地区": ("area", "zone"), "说": ("tell",)}
)


def pivot() -> PivotSemantics:
    return PivotSemantics(Inner(), lambda lang: ZH, ("zh",), glossers={"zh": ZH_EN})


def test_two_words_of_one_foreign_word_link_either_way_with_readable_evidence() -> None:
    found = pivot().relation("collapse", "demise")
    assert found is not None and found.kind == "pivot" and found.distance == 0
    assert found.evidence == "zh: demise → 崩 → collapse"
    assert pivot().relation("outlast", "funeral") is None


def test_a_pivot_outranks_a_loose_link_but_not_a_shared_synset() -> None:
    assert pivot().relation("area", "zone").kind == "pivot"
    assert pivot().relation("say", "tell").kind == "synonym"


def test_a_foreign_word_both_words_render_is_the_strongest_pivot() -> None:
    """ "chase" and "pursue" both have 追 among their candidates, though no gloss of 追 names
    either: both go back to one Chinese word, graded by its rank in "chase"'s list."""
    found = pivot().relation("chase", "pursue")
    assert (
        found is not None
        and found.evidence == "zh: both → 追 (candidate 2 of chase)"
        and found.distance == 1
    )
