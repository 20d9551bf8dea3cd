"""Per-divergence drift: synonyms low, meaning changes high, ranks and determinism."""

from __future__ import annotations

import pytest
from score_fakes import RU, FakeLexicon, fake_back
from score_seeds import R0, R1, R2, lavrov_divergences

from drift.embed import get_embedder
from drift.errors import UsageError
from drift.records import Divergence, Original
from drift.score import ScoreSettings, score_divergences

LEX = {"ru": FakeLexicon(RU)}
LANG = {"g-lavrov": "ru"}


@pytest.fixture(scope="module")
def e5():
    return get_embedder("e5")


def by_spans(scored):
    return {(s.divergence.span_a, s.divergence.span_b): s for s in scored}


def test_shared_candidate_scores_below_a_meaning_change(e5) -> None:
    scored = by_spans(
        score_divergences(
            lavrov_divergences(), source_lang=LANG, back=fake_back, embedder=e5, lexicons=LEX
        )
    )
    assert (
        scored[("sympathisers", "supporters")].drift < scored[("multipolar", "strong")].drift - 0.3
    )
    assert scored[("multipolar", "strong")].rank == 1
    assert scored[("multipolar", "strong")].back_a == "многополярный"


def test_ranks_are_dense_drifts_bounded_and_runs_repeat(e5) -> None:
    divs = lavrov_divergences()
    first = score_divergences(divs, source_lang=LANG, back=fake_back, embedder=e5, lexicons=LEX)
    again = score_divergences(divs, source_lang=LANG, back=fake_back, embedder=e5, lexicons=LEX)
    assert [s.rank for s in first] == list(range(1, len(divs) + 1))
    assert all(0.0 <= s.drift <= 1.0 for s in first)
    assert [s.drift for s in first] == [s.drift for s in again]
    assert [s.drift for s in first] == sorted((s.drift for s in first), reverse=True)


def test_dropped_content_word_outweighs_dropped_function_word_and_moves(e5) -> None:
    def omit(span: str, other: str) -> Divergence:
        return Divergence(
            "g-lavrov", "000:1", "002:1", "000", "002", span, "", "omission", R0, other
        )

    moved = R2.replace("strong", "multipolar")
    divs = [omit("multipolar", R2), omit("other", R2), omit("multipolar", moved)]
    scored = score_divergences(divs, source_lang=LANG, back=fake_back, embedder=e5, lexicons=LEX)
    drift = {(s.divergence.span_a, s.divergence.context_b): s.drift for s in scored}
    assert drift[("multipolar", R2)] >= 0.5
    assert drift[("other", R2)] <= 0.2
    assert drift[("multipolar", moved)] <= 0.2


def test_works_without_embedder_and_calls_back_once_per_language() -> None:
    calls = []

    def counting_back(texts, lang):
        calls.append((tuple(texts), lang))
        return fake_back(texts, lang)

    scored = score_divergences(
        lavrov_divergences(), source_lang=LANG, back=counting_back, embedder=None, lexicons=LEX
    )
    assert len(calls) == 1 and calls[0][1] == "ru"
    assert len(calls[0][0]) == len(set(calls[0][0]))  # each span sent once
    drift = {k: s.drift for k, s in by_spans(scored).items()}
    assert drift[("multipolar", "strong")] > drift[("sympathisers", "supporters")]


def test_faithful_side_follows_the_original(e5) -> None:
    original = Original(
        "o1", "мы будем двигаться к многополярному миропорядку", "ru", "Sergei Lavrov"
    )
    div = Divergence(
        "g-lavrov", "001:1", "002:1", "001", "002", "multipolar", "strong", "substitution", R1, R2
    )
    (scored,) = score_divergences(
        [div],
        source_lang=LANG,
        back=fake_back,
        embedder=e5,
        originals={"g-lavrov": original},
        lexicons=LEX,
    )
    assert scored.faithful == "a"
    (flipped,) = score_divergences(
        [
            Divergence(
                "g-lavrov",
                "002:1",
                "001:1",
                "002",
                "001",
                "strong",
                "multipolar",
                "substitution",
                R2,
                R1,
            )
        ],
        source_lang=LANG,
        back=fake_back,
        embedder=e5,
        originals={"g-lavrov": original},
        lexicons=LEX,
    )
    assert flipped.faithful == "b"
    (unknown,) = score_divergences(
        [div], source_lang=LANG, back=fake_back, embedder=e5, lexicons=LEX
    )
    assert unknown.faithful == ""


def test_unknown_source_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="g-lavrov"):
        score_divergences(
            lavrov_divergences(), source_lang={}, back=fake_back, embedder=None, lexicons=LEX
        )


def test_signature_names_metric_settings_and_weights() -> None:
    sig = ScoreSettings(w_lex=0.6).signature("e5")
    assert sig.startswith("score:3.7|chrF:c6w2b2|chrF-zh:c6w0b2|chrF-orig:b10|embed:e5|w_lex:0.6|")
    assert sig != ScoreSettings().signature("e5")


def test_an_omission_moved_elsewhere_in_the_other_quote_drifts_less() -> None:
    from score_seeds import make_lexicon_back

    a = "I am convinced that as a result of this stage, the situation will become clearer"
    b = "I firmly believe that the situation will become clearer"
    whole_b = "At the end of this phase, " + b
    gap = Divergence("g", "qa", "qb", "a", "b", "as a result of this stage", "", "omission", a, b)
    (alone,) = score_divergences(
        [gap], source_lang={"g": "ru"}, back=make_lexicon_back(), embedder=None
    )
    (wide,) = score_divergences(
        [gap],
        source_lang={"g": "ru"},
        back=make_lexicon_back(),
        embedder=None,
        quotes={"qa": a, "qb": whole_b},
    )
    assert wide.drift < alone.drift


def test_an_addition_whose_word_the_other_quote_uses_elsewhere_is_not_a_move() -> None:
    """ "in your country" is not "moved" to "We are a multidenominational country": a word found
    only scattered in the other quote counts half, the same phrase counts whole."""
    from score_seeds import make_lexicon_back

    a = "We are a multidenominational country. Nothing else will grow."
    b = "Nothing will grow in your country."
    moved_a = "In your country, nothing else will grow."
    scored = {}
    for name, other in (("scattered", a), ("moved", moved_a)):
        gap = Divergence("g", "qa", "qb", "a", "b", "", "in your country", "insertion", other, b)
        (s,) = score_divergences(
            [gap], source_lang={"g": "ru"}, back=make_lexicon_back(), embedder=None
        )
        scored[name] = s
    assert scored["moved"].drift == 0.0
    assert scored["scattered"].type == "addition"
    assert 0.0 < scored["scattered"].drift < ScoreSettings().gap_weight
