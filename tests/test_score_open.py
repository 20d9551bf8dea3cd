"""Open verdicts (no resource decides) weigh in what the edit does to its context (score 3.4)."""

from __future__ import annotations

import hashlib

import numpy as np
from score_fakes import RU, FakeLexicon, fake_back

from drift.records import Divergence
from drift.score import ScoreSettings, score_divergences
from drift.score.spans import edit_window
from drift.score.types import Verdict, with_sentence

S = ScoreSettings()


def _div(a: str, b: str, ca: str, cb: str, kind: str = "substitution") -> Divergence:
    return Divergence("g-lavrov", "000:1", "002:1", "000", "002", a, b, kind, ca, cb)


def test_an_open_verdict_rises_with_what_the_edit_does_to_its_context() -> None:
    sense = Verdict("sense", "solutions / proposals: no shared sense or source word", 0.7, "kept")
    low, high = S.open_band
    w = S.open_sentence_weight
    same = with_sentence(sense, 1.0, S)
    far = with_sentence(sense, 1.0 - S.open_sentence_span, S)
    assert same.drift == (1 - w) * 0.7 + w * low
    assert far.drift == (1 - w) * 0.7 + w * high
    assert same.type == far.type == "sense"
    assert same.evidence == sense.evidence + "; in context e5 1.000"  # a reader sees why


def test_a_verdict_a_resource_or_cue_decides_is_left_alone() -> None:
    polarity = Verdict("polarity", "negation added: not", S.polarity_drift)
    synonym = Verdict("synonym", "sympathisers / supporters: ru: both → сторонник", 0.15)
    assert with_sentence(polarity, 0.5, S) == polarity
    assert with_sentence(synonym, 0.5, S) == synonym


def test_a_one_sided_rewording_is_typed_by_its_blended_drift() -> None:
    reword = Verdict("paraphrase", "only b: still", 0.3, "reword")
    assert with_sentence(reword, 1.0, S).type == "paraphrase"  # 0.35: nothing moved
    moved = with_sentence(reword, 0.5, S)
    assert moved.type == "sense" and moved.drift >= 0.5


def test_the_window_is_the_span_and_its_neighbours_with_the_edit_made() -> None:
    a = "We will move together with our partners towards a multipolar, just, democratic world order"
    b = a.replace("multipolar", "strong")
    window = edit_window(_div("multipolar", "strong", a, b), width=3)
    assert window == (
        "partners towards a multipolar, just, democratic world",
        "partners towards a strong, just, democratic world",
    )


def test_a_gap_window_deletes_the_words_only_one_side_has() -> None:
    a = "Washington must stop meddling in the internal affairs of other countries"
    b = a.replace("stop", "immediately stop")
    gap = _div("", "immediately", a, b, "insertion")
    assert edit_window(gap, width=2) == (
        "Washington must immediately stop meddling",
        "Washington must stop meddling",
    )


def test_a_term_is_windowed_inside_its_quote_sentence() -> None:
    term = _div("ironclad.", "solid.", "ironclad.", "solid.")
    sentence = 'Wang said ties with Moscow remain "ironclad." on Monday'
    window = edit_window(term, {"000:1": sentence}, width=2)
    assert window == ('Moscow remain "ironclad." on Monday', 'Moscow remain "solid." on Monday')


class TableEmbedder:
    """Unit vectors from a table for chosen texts, from a text's digest for the rest."""

    name = "table"

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def encode(self, texts):
        rows = []
        for t in texts:
            if t in self.table:
                rows.append(self.table[t])
            else:
                digest = hashlib.sha256(t.encode()).digest()
                rows.append(np.frombuffer(digest, dtype=np.uint8).astype(np.float32) + 1.0)
        out = np.vstack(rows).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_the_same_unlinked_words_rank_higher_where_they_change_what_is_said() -> None:
    calm_a = "Officials said some American solutions can be discussed at the talks"
    calm_b = calm_a.replace("solutions", "proposals")
    sharp_a = "Moscow rejected the American solutions and walked away from the talks"
    sharp_b = sharp_a.replace("solutions", "proposals")
    calm = _div("solutions", "proposals", calm_a, calm_b)
    sharp = Divergence(
        "g-lavrov", "000:2", "002:2", "000", "002", "solutions", "proposals", "substitution",
        sharp_a, sharp_b,
    )  # fmt: skip
    rng = np.random.default_rng(0)
    base = rng.normal(size=32)
    table = {}
    for d, cosine_apart in ((calm, 0.0), (sharp, 1.0)):
        x, y = edit_window(d, width=S.open_window) or ("", "")
        turn = rng.normal(size=32)
        table[x] = base
        table[y] = base + cosine_apart * 3 * turn  # the calm edit leaves its window as it was
    scored = score_divergences(
        [calm, sharp],
        source_lang={"g-lavrov": "ru"},
        back=fake_back,
        embedder=TableEmbedder(table),
        lexicons={"ru": FakeLexicon(RU)},
        semantics=None,
    )
    by_quote = {s.divergence.quote_a: s for s in scored}
    assert by_quote["000:2"].drift > by_quote["000:1"].drift
    assert by_quote["000:2"].rank == 1
    assert by_quote["000:1"].type == by_quote["000:2"].type == "sense"


def test_signature_names_the_open_verdict_settings() -> None:
    assert ScoreSettings(open_sentence_weight=0.3).signature() != S.signature()
    assert "|open:0.5@w5:0.04:0.4-0.88|" in S.signature()
