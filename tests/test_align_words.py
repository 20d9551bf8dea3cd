"""Word alignment: differences users see, trivial ones they must not, and property tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drift.align import align_words
from drift.align.normalize import norm_key, tokenize


def diffs(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(op.kind, op.span_a, op.span_b) for op in align_words(a, b) if op.is_divergence]


def test_adjacent_differing_words_merge_into_one_span() -> None:
    got = diffs("going through a very serious stage", "live at a very critical juncture")
    assert got == [
        ("substitution", "going through", "live at"),
        ("substitution", "serious stage", "critical juncture"),
    ]


def test_insertion_and_omission_name_the_side_that_has_the_words() -> None:
    assert diffs("we will move towards order", "we will surely move towards order") == [
        ("insertion", "", "surely")
    ]
    assert diffs("we will surely move towards order", "we will move towards order") == [
        ("omission", "surely", "")
    ]


def test_trivial_differences_are_not_divergences() -> None:
    a = "We, together with you, and with our sympathisers, will EMPHASISE “honour”, just and fair."
    b = "we together with you and with our sympathizers will emphasize 'honor', just, fair"
    assert diffs(a, b) == []
    assert (
        diffs(
            "a multipolar, just, democratic world order",
            "a multipolar, just and democratic world order",
        )
        == []
    )
    assert diffs("Russia, China, and India", "Russia, China and India") == []


def test_fragment_quoting_less_is_not_a_divergence() -> None:
    long = (
        "I am convinced that we will move towards a multipolar, just, democratic world order soon"
    )
    assert diffs(long, "towards a multipolar, just, democratic world order") == []
    kinds = {
        op.kind for op in align_words(long, "towards a multipolar, just, democratic world order")
    }
    assert "outside" in kinds


def test_reordered_words_are_moves_not_changes() -> None:
    got = diffs(
        "we will move together with you towards a just order",
        "we, together with you, will move towards a just order",
    )
    assert got == []


def test_lookalike_words_pair_up_inside_a_gap() -> None:
    got = diffs("the relations between states matter here", "the relationship matter here")
    assert ("substitution", "relations", "relationship") in got
    assert ("omission", "between states", "") in got


def test_unrelated_texts_give_one_substitution() -> None:
    assert diffs("solid", "ironclad") == [("substitution", "solid", "ironclad")]
    assert diffs("", "") == []
    assert diffs("", "something new") == [("insertion", "", "something new")]


def test_normalization_folds_spelling_case_and_quotes() -> None:
    assert norm_key("Sympathisers’ HONOUR, and “colour”") == norm_key("sympathizers' honor colour")
    assert [t.norm for t in tokenize("like-minded Russia’s")] == ["like", "minded", "russia's"]


WORDS = st.lists(
    st.sampled_from(["we", "will", "move", "and", ",", "just", "order", "“", "’s", "honour", " "]),
    max_size=25,
).map(" ".join)
TEXT = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | WORDS
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tokens_index_their_text(text: str) -> None:
    for token in tokenize(text):
        assert token.norm
        assert 0 <= token.start < token.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_aligned_spans_are_substrings_of_their_inputs(a: str, b: str) -> None:
    ops = align_words(a, b)
    for op in ops:
        assert a[op.start_a : op.end_a] == op.span_a
        assert b[op.start_b : op.end_b] == op.span_b
        assert op.span_a or op.span_b
    assert [op.start_a for op in ops] == sorted(op.start_a for op in ops)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_a_text_never_diverges_from_itself(text: str) -> None:
    assert diffs(text, text) == []


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_case_and_punctuation_never_diverge(text: str) -> None:
    assert diffs(text, text.upper().replace(",", " ")) == []


LONG = (
    "I am convinced that as a result of this stage we will move together with our partners "
    "towards a multipolar, just, democratic world order"
)


def test_a_fragment_is_compared_on_the_window_it_quotes() -> None:
    """Only what the fragment covers counts; its first word is not matched to a far-off "a"."""
    assert diffs(LONG, "a multipolar, fair, democratic world order") == [
        ("substitution", "just", "fair")
    ]
    assert diffs("a multipolar, fair, democratic world order", LONG) == [
        ("substitution", "fair", "just")
    ]
    # "to" is not taken from the sentence's first word, far from "the world order"
    told = "To reporters he said the stage is serious and we will move to the world order"
    assert diffs(told, "to the world order") == []
    # a gap inside the window is still an omission
    assert diffs(LONG, "we will move towards a multipolar, just, democratic world order") == [
        ("omission", "together with our partners", "")
    ]


def test_a_rendering_that_closes_its_sentence_early_omits_the_rest() -> None:
    """A whole sentence (capital, full stop) claims its end; a fragment's stop, no final stop, an
    ellipsis, or a next sentence of the longer rendering is a quoting cut."""
    full = "We will move towards a multipolar world order and defend it at any cost."
    assert diffs(full, "We will move towards a multipolar world order.") == [
        ("omission", "defend it at any cost", "")
    ]
    assert diffs("We will move towards a multipolar world order!", full) == [
        ("insertion", "", "defend it at any cost")
    ]
    assert diffs(full, "we will move towards a multipolar world order.") == []
    assert diffs(full, "We will move towards a multipolar world order") == []
    assert diffs(full, "We will move towards a multipolar world order...") == []
    assert diffs(full, "We will move towards a multipolar world order…”") == []
    two = "We will move towards a multipolar world order. Nobody can stop this."
    assert diffs(two, "We will move towards a multipolar world order.") == []
    # the dropped end of the sentence is compared with what stands in its place
    assert diffs(
        "Those who are late will be punished by life itself",
        "Those who are late will be punished by history.",
    ) == [("substitution", "life itself", "history")]
    assert (
        align_words(full, "We will move towards a multipolar world order.", ends_b=False)[-1].kind
        == "outside"
    )


def test_a_capitalised_start_is_still_a_quoting_boundary() -> None:
    """Outlets capitalise the first word of a partial quote, so the start never claims more."""
    full = "and to this end we will seek to demilitarise and denazify Ukraine."
    assert diffs(full, "We will seek to demilitarise and denazify Ukraine.") == []
    assert diffs("We will seek to demilitarise and denazify Ukraine.", full) == []
