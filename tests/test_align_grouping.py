"""Grouping renderings across documents, on the seeds and on small hand-built cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from drift.align import find_divergences, group_quotes, segment_quote
from drift.align.blocking import candidate_pairs
from drift.align.units import build_units
from drift.corpus import read_corpus
from drift.quotes import extract_quotes
from drift.records import Group, Quote


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir: Path) -> list[Quote]:
    corpus = read_corpus([str(seeds_dir)])
    return [q for doc in corpus.documents for q in extract_quotes(doc)]


@pytest.fixture(scope="module")
def seed_groups(seed_quotes: list[Quote]) -> list[Group]:
    return group_quotes(seed_quotes)


def docs_of(group: Group) -> set[str]:
    return {r.doc_id[:3] for r in group.renderings}


def group_with(groups: list[Group], needle: str) -> Group:
    found = [g for g in groups if any(needle in r.text for r in g.renderings)]
    assert len(found) == 1, [g.renderings for g in groups]
    return found[0]


def quote(qid: str, text: str, speaker: str = "Sergei Lavrov", **kw: str) -> Quote:
    doc = qid.split(":")[0]
    return Quote(quote_id=qid, doc_id=doc, text=text, start=0, end=len(text), speaker=speaker, **kw)


def test_lavrov_world_order_remark_groups_000_001_002(seed_groups: list[Group]) -> None:
    group = group_with(seed_groups, "sympathisers")
    assert docs_of(group) == {"000", "001", "002"}
    texts = " | ".join(r.text for r in group.renderings)
    assert "multipolar, just, democratic world order" in texts
    assert "strong, just and democratic world order" in texts
    assert "more just multipolar" not in texts
    assert group.speaker == "Sergei Lavrov" and 0 < group.confidence <= 1


def test_serious_stage_sentence_groups_across_three_outlets(seed_groups: list[Group]) -> None:
    group = group_with(seed_groups, "critical juncture")
    assert docs_of(group) == {"000", "001", "002"}


def test_wang_yi_ironclad_and_solid_share_a_group(seed_groups: list[Group]) -> None:
    group = group_with(seed_groups, "ironclad")
    assert group.kind == "term"
    assert sorted(r.text.strip(".") for r in group.renderings) == ["ironclad", "solid"]


def test_other_meetings_stay_out(seed_groups: list[Group]) -> None:
    assert all(not docs_of(g) & {"003", "004"} for g in seed_groups)


def test_groups_are_deterministic_and_well_formed(
    seed_quotes: list[Quote], seed_groups: list[Group]
) -> None:
    again = group_quotes(list(seed_quotes))
    assert again == seed_groups
    assert [g.group_id for g in seed_groups] == [
        f"g{n:03d}" for n in range(1, len(seed_groups) + 1)
    ]
    by_id = {q.quote_id: q for q in seed_quotes}
    for group in seed_groups:
        assert len(docs_of(group)) >= 2
        assert len({r.doc_id for r in group.renderings}) == len(group.renderings)
        for r in group.renderings:
            assert by_id[r.quote_id].text[r.start : r.end] == r.text


def test_seed_divergences_show_the_drift(seed_groups: list[Group]) -> None:
    pairs = {(d.span_a, d.span_b) for d in find_divergences(seed_groups)}
    flat = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]

    def seen(x: str, y: str) -> bool:
        return any(x in a and y in b for a, b in flat)

    assert seen("multipolar", "strong")
    assert seen("like-minded people", "sympathisers")
    assert seen("like-minded people", "supporters")
    assert seen("sympathisers", "supporters")
    assert seen("serious stage", "critical juncture")
    assert seen("ironclad", "solid")
    assert not seen("sympathisers", "sympathizers")


def test_divergence_pairs_are_ordered_by_document(seed_groups: list[Group]) -> None:
    divergences = find_divergences(seed_groups)
    assert divergences
    assert all(d.doc_a < d.doc_b for d in divergences)
    assert divergences == find_divergences(seed_groups)


def test_fragment_aligns_to_the_matching_span_of_a_longer_quote() -> None:
    long = quote(
        "a:1",
        "This stage is serious. We are sure the situation will clear and we will move "
        "towards a multipolar, just, democratic world order, step by step.",
    )
    short = quote("b:1", "a multipolar, just, democratic world order")
    other = quote("c:1", "This stage is very serious.")
    groups = group_quotes([long, short, other])
    order = group_with(groups, "democratic")
    cut = next(r for r in order.renderings if r.quote_id == "a:1")
    assert cut.text == long.text[cut.start : cut.end]
    assert "world order" in cut.text and "This stage" not in cut.text
    assert group_with(groups, "serious").renderings[0].quote_id == "a:1"  # one quote, two groups


def test_identical_wire_copies_are_marked() -> None:
    text = "Russia will never accept the so-called rules-based order imposed by the West."
    quotes = [
        quote("b:1", text, date="2022-03-02"),
        quote("a:1", text.upper(), date="2022-03-03"),
        quote("c:1", "Russia will never accept the rules-based order the West imposes."),
    ]
    (group,) = group_quotes(quotes)
    copies = {r.quote_id: r.copy_of for r in group.renderings}
    assert copies == {"a:1": "b:1", "b:1": "", "c:1": ""}
    assert all({d.quote_a, d.quote_b} != {"a:1", "b:1"} for d in find_divergences([group]))


def test_weak_evidence_far_apart_and_other_speakers_do_not_group() -> None:
    text = "We will work together to create a more just multipolar world order for all nations."
    loose = "Together we will work to build a fairer multipolar world order for all the nations."
    assert group_quotes([quote("a:1", text, date="2022-03-30"), quote("b:1", loose)])
    assert (
        group_quotes(
            [quote("a:1", text, date="2022-03-30"), quote("b:1", loose, date="2023-02-02")]
        )
        == []
    )
    assert group_quotes([quote("a:1", text), quote("b:1", text, speaker="Wang Yi")]) == []
    assert (
        len(group_quotes([quote("a:1", text, date="2022-03-30"), quote("b:1", text, speaker="")]))
        == 1
    )


def test_same_document_only_for_fragments_of_one_statement() -> None:
    whole = quote(
        "a:1", "We are going through a very serious stage, and we will move towards a just order."
    )
    first = quote("b:1", "We are going through a very serious stage,")
    second = quote("b:2", "and we will move towards a just order.", fragment_of="b:1")
    unrelated = quote("b:3", "and we will move towards a just order.")
    (group,) = group_quotes([whole, first, second])
    assert {r.quote_id for r in group.renderings} == {"a:1", "b:1", "b:2"}
    (group,) = group_quotes([whole, first, unrelated])
    assert len({r.doc_id for r in group.renderings}) == len(group.renderings)


def test_segment_quote_offsets_and_abbreviations() -> None:
    q = quote("a:1", "“Mr. Wang met the U.S. envoy. He said: no; we disagree.”")
    parts = segment_quote(q)
    assert [r.text for r in parts] == [
        "Mr. Wang met the U.S. envoy.",
        "He said: no",
        "we disagree.",
    ]
    assert all(q.text[r.start : r.end] == r.text for r in parts)


def test_blocking_keeps_candidate_pairs_linear() -> None:
    quotes = [
        quote(
            f"d{i}:1",
            f"Minister number {i} stressed cooperation on topic{i % 50} and trade{i}.",
            speaker=f"Speaker{i % 7}",
        )
        for i in range(700)
    ]
    units = build_units(quotes)
    pairs = candidate_pairs(units)
    assert len(pairs) <= 12 * len(units)
    assert all(units[i].speaker_key == units[j].speaker_key for i, j in pairs)


def test_near_verbatim_retelling_groups_whatever_the_dates() -> None:
    said = (
        "The collapse of the Soviet Union was the greatest geopolitical catastrophe of the century."
    )
    retold = (
        "the collapse of the Soviet Union was the greatest geopolitical catastrophe of the century"
    )
    (group,) = group_quotes(
        [
            quote("a:1", said, speaker="Vladimir Putin", date="2005-04-25"),
            quote("b:1", retold, speaker="Putin", date="2022-02-22"),
        ]
    )
    assert {r.quote_id for r in group.renderings} == {"a:1", "b:1"}


def test_event_date_from_context_brings_a_retelling_into_the_window() -> None:
    said = "We will work together to create a more just multipolar world order for all nations."
    loose = "Together we will work to build a fairer multipolar world order for all the nations."
    early = quote("a:1", said, date="2005-04-25")
    later = quote("b:1", loose, date="2022-02-22")
    assert group_quotes([early, later]) == []
    dated = quote("b:1", loose, date="2022-02-22", context=f"In April 2005, Lavrov said “{loose}”")
    assert len(group_quotes([early, dated])) == 1


def test_one_page_setting_two_wordings_side_by_side_groups_them() -> None:
    official = quote("a:1", "There are no so-called man-made islands in the South China Sea.")
    agency = quote("a:2", "There are no man-made islands in the South China Sea.")
    (group,) = group_quotes([official, agency])
    assert {r.quote_id for r in group.renderings} == {"a:1", "a:2"}
    loose = quote("a:2", "No islands in the South China Sea were built by people, he said.")
    assert group_quotes([official, loose]) == []  # weak evidence never joins one page's quotes
    repeated = quote("a:2", official.text)
    assert group_quotes([official, repeated]) == []  # one wording twice is one rendering


def test_a_short_sentence_inside_longer_quotes_joins_nothing_alone() -> None:
    july = quote(
        "a:1",
        "Today we hear that they want to defeat us on the battlefield. What can I say? "
        "Let them try.",
        speaker="Vladimir Putin",
        date="2022-07-07",
    )
    june = quote(
        "b:1",
        "What can I say? You see yourself how the agreements in Minsk are going.",
        speaker="Vladimir Putin",
        date="2022-06-27",
    )
    assert group_quotes([july, june]) == []  # the same three words, and nothing else alike
    sank = [quote(f"{d}:1", "It sank.", speaker="Vladimir Putin") for d in "ab"]
    assert len(group_quotes(sank)) == 1  # a short quote on its own is the statement


class _Alike:
    """An embedder to which every text means the same (cosine 1): strong evidence everywhere."""

    name = "alike"

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_terms_one_page_sets_against_each_other_stay_apart() -> None:
    terms = [
        quote("a:1", "New World Order", kind="term"),
        quote("a:2", "Fair World Order", kind="term"),
    ]
    assert group_quotes(terms, embedder=_Alike()) == []
    said = [
        quote("a:1", "There will be a fair world order for all nations."),
        quote("a:2", "A just world order will come for every nation."),
    ]
    assert len(group_quotes(said, embedder=_Alike())) == 1
