"""int8 Linear layers: a row's output is the same in any batch, and close to fp32."""

from __future__ import annotations

import pytest
import torch

from drift.translate.quantize import RowInt8Linear, quantize_linears


@pytest.fixture
def layer() -> torch.nn.Linear:
    torch.manual_seed(0)
    return torch.nn.Linear(64, 48)


@pytest.mark.parametrize("neighbour_scale", [0.0, 1e-3, 1.0, 1e3])
def test_row_output_does_not_depend_on_batch(
    layer: torch.nn.Linear, neighbour_scale: float
) -> None:
    quantized = RowInt8Linear(layer)
    row = torch.randn(1, 64)
    batch = torch.cat([torch.randn(5, 64) * neighbour_scale, row, torch.zeros(1, 64)])
    with torch.inference_mode():
        assert torch.equal(quantized(row)[0], quantized(batch)[5])


def test_close_to_fp32_and_keeps_shape_and_bias(layer: torch.nn.Linear) -> None:
    quantized = RowInt8Linear(layer)
    x = torch.randn(3, 7, 64) * torch.logspace(-2, 2, 7).view(1, 7, 1)  # rows of mixed loudness
    with torch.inference_mode():
        exact, approx = layer(x), quantized(x)
    assert approx.shape == (3, 7, 48)
    error = (approx - exact).norm(dim=-1) / exact.norm(dim=-1)
    assert float(error.max()) < 0.03
    zero = torch.zeros(1, 64)
    assert torch.allclose(quantized(zero), layer.bias.detach().unsqueeze(0))


def test_quantize_linears_replaces_every_linear() -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 4))
    x = torch.randn(2, 8)
    with torch.inference_mode():
        exact = model(x)
        quantize_linears(model)
        approx = model(x)
    assert [type(m) for m in model] == [RowInt8Linear, torch.nn.ReLU, RowInt8Linear]
    assert torch.allclose(approx, exact, rtol=0.05, atol=0.02)
