"""int8 Linear layers for CPU inference whose rounding of a text never depends on its batch.

torch's dynamic quantization scales activations once per tensor, so one loud neighbour in a
batch changes every other row's rounding, and a quote's translation would change with the corpus
it is read in. Here each row is scaled by its own maximum and two constant rows (all +1, all -1)
pin the tensor range fbgemm measures to exactly [-1, 1]: the quantization parameters are the same
for every batch and int8 products accumulate exactly in int32, so each layer's output row is
bit-identical alone or in any batch. (Attention stays fp32 and its rounding depends on the padded
length, which int8 rounding can carry further; seq2seq.padded_length fixes that length per text.)
Per-row scales also track a trained model better than per-tensor ones: benchmarks/quantize.py.
Weights are int8 per output channel; fbgemm's kernel is ~3x faster than fp32 on the 62k-way
output projection that dominates beam search.
"""

from __future__ import annotations

import warnings

import torch

_TINY = 1e-12


class RowInt8Linear(torch.nn.Module):
    """A frozen nn.Linear with int8 per-channel weights and int8 per-row activations."""

    def __init__(self, linear: torch.nn.Linear) -> None:
        super().__init__()
        weight = linear.weight.detach().float()
        scales = (weight.abs().amax(dim=1) / 127).clamp_min(_TINY).double()
        zeros = torch.zeros(weight.shape[0], dtype=torch.long)
        with warnings.catch_warnings():
            # quantized tensor constructors are marked deprecated; fbgemm still needs one to pack
            warnings.simplefilter("ignore", category=UserWarning)
            warnings.simplefilter("ignore", category=DeprecationWarning)
            qweight = torch.quantize_per_channel(weight, scales, zeros, 0, torch.qint8)
            self._packed = torch.ops.quantized.linear_prepack(qweight, None)
        bias = None if linear.bias is None else linear.bias.detach().float().clone()
        self.register_buffer("bias", bias)
        self.register_buffer("_pins", torch.tensor([[1.0], [-1.0]]).expand(2, linear.in_features))
        self.in_features = linear.in_features
        self.out_features = linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rows = x.reshape(-1, self.in_features).float()
        scale = rows.abs().amax(dim=1, keepdim=True).clamp_min_(_TINY)
        # two pin rows, all +1 and all -1, fix the range fbgemm measures to [-1, 1]
        unit = torch.cat([rows / scale, self._pins])
        out = torch.ops.quantized.linear_dynamic(unit, self._packed, True)[: len(rows)]
        out = out.mul_(scale) if self.bias is None else out.mul_(scale).add_(self.bias)
        return out.reshape(*x.shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, int8 per row"


def quantize_linears(model: torch.nn.Module) -> torch.nn.Module:
    """Replace every nn.Linear of `model` (in place, fp32 CPU) by a RowInt8Linear; return it."""
    model = model.float().to("cpu")
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if type(child) is torch.nn.Linear:
                setattr(parent, name, RowInt8Linear(child))
    return model
