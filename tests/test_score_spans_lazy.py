"""Sentence vectors of a substitution are embedded only when its verdict reads the similarity."""

from __future__ import annotations

import hashlib

import numpy as np
from score_fakes import RU, FakeLexicon, fake_back
from score_seeds import R0, R2

from drift.records import Divergence
from drift.score import ScoreSettings, score_divergences
from drift.score.links import Word
from drift.score.spans import swapped_sentences, unread_verdict
from drift.score.types import Side, substitution_verdict

S = ScoreSettings()
NUMBER_A = "Russia will send three delegations to the talks in Geneva"
NUMBER_B = "Russia will send four delegations to the talks in Geneva"


class CountingEmbedder:
    """Deterministic unit vectors from a text's digest; records every text it is asked for."""

    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked.extend(texts)
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8).astype(np.float32)
            + 1.0
            for t in texts
        ]
        out = np.vstack(rows) if rows else np.zeros((0, 32), dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _sub(a: str, b: str, ca: str, cb: str) -> Divergence:
    return Divergence("g-lavrov", "000:1", "002:1", "000", "002", a, b, "substitution", ca, cb)


def test_a_number_change_is_judged_without_its_similarity() -> None:
    a = Side.of("three", (Word("three", ()),), NUMBER_A)
    b = Side.of("four", (Word("four", ()),), NUMBER_B)
    found = unread_verdict(a, b, "ru", None, S)
    assert found is not None and found.type == "number"
    for similarity in (0.0, 0.5, 1.0):
        assert substitution_verdict(a, b, similarity, "ru", None, S) == found


def test_a_sense_change_reads_its_similarity() -> None:
    a = Side.of("multipolar", (Word("multipolar", ()),), R0)
    b = Side.of("strong", (Word("strong", ()),), R2)
    assert unread_verdict(a, b, "ru", None, S) is None
    low = substitution_verdict(a, b, 0.0, "ru", None, S)
    assert low.drift > substitution_verdict(a, b, 1.0, "ru", None, S).drift


def test_only_open_verdicts_embed_their_sentences_and_words() -> None:
    number = _sub("three", "four", NUMBER_A, NUMBER_B)
    sense = _sub("multipolar", "strong", R0, R2)
    short = NUMBER_A.replace(" in Geneva", "")
    omission = Divergence(
        "g-lavrov", "000:1", "002:1", "000", "002", "Geneva", "", "omission", NUMBER_A, short
    )
    embedder = CountingEmbedder()
    scored = score_divergences(
        [number, sense, omission],
        source_lang={"g-lavrov": "ru"},
        back=fake_back,
        embedder=embedder,
        lexicons={"ru": FakeLexicon(RU)},
    )
    asked = set(embedder.asked)
    assert not set(swapped_sentences(number) or ()) & asked
    assert set(swapped_sentences(sense) or ()) <= asked
    assert {"multipolar", "strong"} <= {t.lower() for t in asked}  # its words, for e5 evidence
    assert not {"geneva", "three", "four"} & {t.lower() for t in asked}  # nothing reads them
    drift = {s.divergence.span_a: s for s in scored}
    assert drift["three"].type == "number" and drift["three"].drift == S.number_drift
    assert drift["multipolar"].type == "sense"
    assert drift["Geneva"].type == "omission"


def test_a_settled_verdict_is_the_one_every_similarity_gives() -> None:
    from score_seeds import lavrov_divergences

    from drift.score.candidates import Candidates
    from drift.score.lemmas import Lemmatizer
    from drift.score.spans import default_semantics
    from drift.score.views import view_span

    lem = Lemmatizer()
    cands = Candidates(lem, {"ru": FakeLexicon(RU)})
    semantics = default_semantics(None)
    divergences = [*lavrov_divergences(), _sub("three", "four", NUMBER_A, NUMBER_B)]
    settled = 0
    for d in divergences:
        views = [
            view_span(span, context, "", "ru", lem, cands)
            for span, context in ((d.span_a, d.context_a), (d.span_b, d.context_b))
        ]
        a, b = (
            Side.of(s, v.words, c)
            for s, v, c in zip((d.span_a, d.span_b), views, (d.context_a, d.context_b), strict=True)
        )
        found = unread_verdict(a, b, "ru", semantics, S)
        if found is None:
            continue
        settled += 1
        for step in range(11):
            assert substitution_verdict(a, b, step / 10, "ru", semantics, S) == found
    assert settled >= 2
