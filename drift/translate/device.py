"""Device and precision for the neural backends: one helper resolves both, as encode() does."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from drift.errors import UsageError


@dataclass(frozen=True)
class Placement:
    """Where a model runs and in which precision ("fp32", "int8", "bf16", "fp16")."""

    device: str
    precision: str

    @property
    def dtype(self) -> torch.dtype:
        """The floating dtype weights are loaded in (int8 quantizes fp32 weights after loading)."""
        return {"bf16": torch.bfloat16, "fp16": torch.float16}.get(self.precision, torch.float32)


def physical_cores() -> int:
    """Physical CPU cores this process may use (hyper-threads slow matrix multiplies down), >= 1."""
    import os

    import psutil

    cores = psutil.cpu_count(logical=False) or psutil.cpu_count() or 1
    allowed = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return max(1, min(cores, allowed))


def resolve_device(device: str = "auto") -> str:
    """ "auto" -> "cuda" when a GPU is present else "cpu"; "cpu", "cuda", "cuda:N" are checked."""
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu":
        return device
    if device == "cuda" or (device.startswith("cuda:") and device[5:].isdigit()):
        if not torch.cuda.is_available():
            raise UsageError(f"device {device!r} asked for but no CUDA GPU is visible; use cpu")
        if device[5:] and int(device[5:]) >= torch.cuda.device_count():
            raise UsageError(
                f"device {device!r} does not exist ({torch.cuda.device_count()} GPUs); "
                "use cuda:0 .. cuda:N-1"
            )
        return device
    raise UsageError(f"unknown device {device!r}; use auto, cpu, cuda or cuda:N")


def placement(device: str = "auto", quantize: bool | None = None) -> Placement:
    """Resolve device and precision: GPU bf16 (fp16 without bf16), CPU int8 or fp32.

    On CPU `quantize=None` (the default) means int8 (drift.translate.quantize: scaled per row, so
    batch neighbours do not change a text's rounding; about 2x faster than fp32 in
    benchmarks/translate.py); `quantize=False` keeps fp32 weights.
    """
    resolved = resolve_device(device)
    if resolved.startswith("cuda"):
        if quantize:
            raise UsageError("quantize=True is for CPU only; drop it or use device='cpu'")
        index = torch.device(resolved).index or 0
        return Placement(resolved, "bf16" if _bf16_ok(index) else "fp16")
    return Placement("cpu", "fp32" if quantize is False else "int8")


def _bf16_ok(index: int) -> bool:
    with torch.cuda.device(index):
        return torch.cuda.is_bf16_supported()


def prepare_model(model: torch.nn.Module, where: Placement) -> torch.nn.Module:
    """Move `model` to its device in eval mode; quantize Linear layers to int8 for "int8"."""
    model.eval()
    if where.device == "cpu":
        cores = physical_cores()
        if torch.get_num_threads() != cores:
            torch.set_num_threads(cores)
    if where.precision == "int8":
        from drift.translate.quantize import quantize_linears

        return quantize_linears(model)
    return model.to(device=where.device, dtype=where.dtype)
