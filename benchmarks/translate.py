"""Back-translation throughput: one generate per sentence (A), plain batches (B), the engine (C, F).

The opus-mt architecture (d_model 512, 6+6 layers, 62518-token vocabulary) with random weights,
built in memory; every side runs exactly --new-tokens decoder steps per sentence with the same
decoding (beams, no_repeat_ngram_size 4, length penalty 1, no early stop before the fixed length),
so the sides differ only in how they feed the model. Each side runs in its own
subprocess (peak RSS = its ru_maxrss), sides interleaved over --repeats rounds (A,B,C,T,A,...);
prints the median and spread (min-max over rounds) of sentences/s per side and of each ratio.
A translates --a-subset quotes drawn like the rest (same sampler, lengths and duplicate rate).

    .venv/bin/python benchmarks/translate.py --n 200 --sides A,B,C,F --a-subset 40
    .venv/bin/python benchmarks/translate.py --n 40 --new-tokens 20 --sides C,T --beams 1
Sides: A one generate call per sentence, B batches of 32 in input order, C TranslationEngine as
drift runs it (dedup, length-bucketed token-budget batches, per-row int8 on CPU), F the same
engine in fp32 (--no-quantize), T the engine on the ct2 backend (the same weights converted to
CTranslate2 once per workdir, int8 on CPU, one call per padded width, one single-threaded worker
per core; pip install 'drift[ct2]'). Every side gets the same --batch-tokens budget.
Each round prints the load average: on a busy shared machine, PyTorch's spinning OpenMP threads
slow C and F by up to 10x; --omp-passive makes every side's threads sleep instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # run from a checkout, installed or not
LEAD_INS = ("He said that ", "She added: ", "According to the minister, ", "As he put it, ")


def sentences(n: int, dup_rate: float, seed: int = 0) -> list[str]:
    """`n` quotes from the seeds' sentences, about `dup_rate` of them repeats of earlier ones."""
    pool: list[str] = []
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if 30 <= len(s) <= 400]
    pool = list(dict.fromkeys(pool))
    pool += [lead + s[0].lower() + s[1:] for lead in LEAD_INS for s in pool]
    rng = random.Random(seed)
    unique = rng.sample(pool, round(n * (1 - dup_rate)))
    quotes = unique + [rng.choice(unique) for _ in range(n - len(unique))]
    rng.shuffle(quotes)
    return quotes


def build(folder: Path) -> tuple[object, object]:
    """A random-weight opus-mt-sized MarianMTModel and a sentencepiece tokenizer of the seeds."""
    import torch
    from tiny_marian import build_tiny_marian
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    if not (folder / "vocab.json").is_file():
        build_tiny_marian(folder, ROOT / "seeds", vocab_size=2000)
    tokenizer = MarianTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=62518,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
    )
    model = MarianMTModel(config).eval()
    # random weights: keep generated ids inside the small tokenizer so outputs decode
    model.final_logits_bias[:, len(tokenizer) :] = -1e9
    return model, tokenizer


def fixed_decoding(args: argparse.Namespace, extra: int = 0) -> object:
    """The engine's decoding, ending each quote at --new-tokens (+ `extra`) tokens, EOS included."""
    from drift.translate.seq2seq import Decoding

    return Decoding(
        num_beams=args.beams,
        max_new_tokens_ratio=1000,
        max_new_tokens_cap=args.new_tokens + extra,
        min_new_tokens=args.new_tokens + extra,
    )


def ct2_folder(args: argparse.Namespace) -> Path:
    return Path(args.workdir) / "opus-size-ct2"


def ct2_convert(args: argparse.Namespace) -> None:
    """Save the opus-mt-sized model and convert it to CTranslate2, once per workdir."""
    from drift.translate.ct2_convert import convert_model, is_ct2_model

    hf, converted = Path(args.workdir) / "opus-size", ct2_folder(args)
    if not is_ct2_model(converted):
        model, tokenizer = build(Path(args.workdir))
        model.save_pretrained(hf, safe_serialization=True)
        tokenizer.save_pretrained(hf)
        # the converter wants the vocabulary as large as the embeddings (less a row, as opus-mt)
        vocab = json.loads((hf / "vocab.json").read_text(encoding="utf-8"))
        rows = model.config.vocab_size
        vocab.update({f"<unused{i}>": i for i in range(len(vocab), rows - 1)})
        (hf / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        convert_model(str(hf), output=converted, force=True)


def ct2_translator(args: argparse.Namespace) -> object:
    """Side T: the converted model (no PyTorch model is built when it exists), int8 on CPU."""
    from drift.translate.ct2 import CT2Translator

    ct2_convert(args)  # a no-op once converted: main converts in its own process first
    return CT2Translator(
        model=str(ct2_folder(args)),
        device=args.device,
        # transformers runs a decoder step for the EOS it forces at the limit, CTranslate2 stops
        # before it: one more token makes T run as many decoder steps as A, B, C and F
        decoding=fixed_decoding(args, extra=1),
        batch_tokens=args.batch_tokens,
    )


def run_side(side: str, args: argparse.Namespace) -> dict[str, float]:
    """Translate the quotes one way; return seconds and counts (measured in this process)."""
    import torch

    from drift.translate.engine import TranslationEngine
    from drift.translate.marian import MarianTranslator

    if side == "T":
        model = tokenizer = None  # the converted model alone, so T's peak memory is its own
    else:
        model, tokenizer = build(Path(args.workdir))
    if side == "A" and args.a_subset and args.a_subset < args.n:
        # drawn like the rest (same pool, length distribution and duplicate rate), not a prefix
        quotes = sentences(args.a_subset, args.dup_rate, seed=1)
    else:
        quotes = sentences(args.n, args.dup_rate)
    gen = {
        "num_beams": args.beams,
        "min_new_tokens": args.new_tokens,
        "max_new_tokens": args.new_tokens,
        "no_repeat_ngram_size": 4,
    }
    start, cpu = time.perf_counter(), time.process_time()
    with torch.inference_mode():
        if side in ("A", "B"):
            step = 1 if side == "A" else 32
            for i in range(0, len(quotes), step):
                batch = tokenizer(quotes[i : i + step], return_tensors="pt", padding=True)
                model.generate(**batch, **gen)
        elif side == "T":
            translator = ct2_translator(args)
            translator.loaded("en", "ru")  # loading (int8 conversion) is not translation time
            start, cpu = time.perf_counter(), time.process_time()
            engine = TranslationEngine(translator=translator, cache=False, progress=False)
            batched = engine.translate(quotes, "en", "ru")
        else:
            translator = MarianTranslator.from_objects(
                model,
                tokenizer,
                "bench/opus-mt-architecture",
                device=args.device,
                quantize=False if side == "F" else None,
                decoding=fixed_decoding(args),
                batch_tokens=args.batch_tokens,
            )
            translator.loaded("en", "ru")  # quantization is load time, not translation time
            start, cpu = time.perf_counter(), time.process_time()
            engine = TranslationEngine(translator=translator, cache=False, progress=False)
            batched = engine.translate(quotes, "en", "ru")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    extra = {}
    if side in ("C", "F", "T") and args.check_alone:
        # translated alone, does a quote come out as it did in its batch? (not timed)
        probe = list(dict.fromkeys(quotes))[: args.check_alone]
        first = {t.source: t.text for t in batched}
        same = sum(engine.translate([q], "en", "ru")[0].text == first[q] for q in probe)
        extra = {"same_alone": same, "probed": len(probe)}
    return {
        **extra,
        "sentences": len(quotes),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "target_tokens": len(quotes) * args.new_tokens,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="quotes to translate")
    parser.add_argument("--sides", default="A,B,C,F", help="comma-separated: A, B, C, F, T")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dup-rate", type=float, default=0.3)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--new-tokens", type=int, default=40)
    parser.add_argument("--batch-tokens", type=int, default=2048)
    parser.add_argument(
        "--a-subset", type=int, default=40, help="A translates K quotes drawn like the rest"
    )
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds (median kept)")
    parser.add_argument(
        "--check-alone",
        type=int,
        default=0,
        help="C, F, T: retranslate K quotes alone, count equal",
    )
    parser.add_argument(
        "--omp-passive",
        action="store_true",
        help="OMP_WAIT_POLICY=PASSIVE for every side: on a busy shared machine, OpenMP threads "
        "that spin-wait for a descheduled peer slow PyTorch sides (C, F) by up to 10x",
    )
    parser.add_argument("--workdir", default="")
    parser.add_argument("--side", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side == "convert":
        ct2_convert(args)
        return
    if args.side:
        print(json.dumps(run_side(args.side, args)))
        return
    workdir = args.workdir or tempfile.mkdtemp(prefix="drift-bench-")
    sides = args.sides.split(",")
    options = {k: v for k, v in vars(args).items() if k not in ("side", "workdir", "omp_passive")}
    argv = [f"--{k.replace('_', '-')}={v}" for k, v in options.items()]

    env = dict(os.environ)
    if args.omp_passive:
        env["OMP_WAIT_POLICY"] = "PASSIVE"

    def child(side: str) -> str:
        cmd = [sys.executable, __file__, *argv, f"--side={side}", f"--workdir={workdir}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            sys.exit(f"side {side} failed:\n{proc.stderr[-3000:]}")
        return proc.stdout

    if "T" in sides:
        child("convert")  # its own process, so no T round builds the PyTorch model
    rounds: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for i in range(args.repeats):
        for side in sides:
            result = json.loads(child(side).strip().splitlines()[-1])
            result["per_s"] = result["sentences"] / result["seconds"]
            rounds[side].append(result)
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            print(
                f"  round {i + 1} {side}: {result['per_s']:.2f} sentences/s"
                f" (load average {load:.1f} after it)",
                file=sys.stderr,
            )
    a_n = rounds["A"][0]["sentences"] if "A" in rounds else 0
    print(f"{args.n} quotes, dup rate {args.dup_rate}, beams {args.beams}, {args.new_tokens} new")
    wait = ", OMP_WAIT_POLICY=PASSIVE" if args.omp_passive else ""
    print(f"tokens each, device {args.device}, {args.repeats} interleaved rounds{wait}", end="")
    print(f"; A on {a_n} quotes drawn like the rest" if a_n else "")
    print(
        f"{'side':<5}{'sentences':>10}{'seconds':>9}{'sent/s':>9}{'min-max':>14}"
        f"{'tok/s':>9}{'peak MB':>9}{'cpu-ms/sent':>12}{'min-max':>12}"
    )
    for side, results in rounds.items():
        per_s = [r["per_s"] for r in results]
        secs = statistics.median(r["seconds"] for r in results)
        tok_s = statistics.median(r["target_tokens"] / r["seconds"] for r in results)
        peak = max(r["peak_rss_mb"] for r in results)
        spread = f"{min(per_s):.2f}-{max(per_s):.2f}"
        cpu = [1000 * r["cpu_seconds"] / r["sentences"] for r in results]
        print(
            f"{side:<5}{results[0]['sentences']:>10}{secs:>9.1f}{statistics.median(per_s):>9.2f}"
            f"{spread:>14}{tok_s:>9.0f}{peak:>9.0f}{statistics.median(cpu):>12.0f}"
            f"{f'{min(cpu):.0f}-{max(cpu):.0f}':>12}"
        )
    print("sent/s, seconds and tok/s: median over rounds; min-max: sent/s; peak MB: highest round")
    print("cpu-ms/sent: CPU time of all the side's threads per sentence (less load-sensitive)")
    for side, results in rounds.items():
        if "probed" in results[-1]:
            same, probed = results[-1]["same_alone"], results[-1]["probed"]
            print(f"{side}: {same}/{probed} quotes translate alone as in their batch")
    for engine in ("C", "F", "T"):
        for base in ("A", "B", "C"):
            if engine == base or engine not in rounds or base not in rounds:
                continue
            # per round: the two sides ran back to back, so their ratio shares that round's load
            ratios = [
                e["per_s"] / b["per_s"] for e, b in zip(rounds[engine], rounds[base], strict=True)
            ]
            cpu = [
                (b["cpu_seconds"] / b["sentences"]) / (e["cpu_seconds"] / e["sentences"])
                for e, b in zip(rounds[engine], rounds[base], strict=True)
            ]
            print(
                f"{engine}/{base}: {statistics.median(ratios):.2f}x"
                f" (rounds {min(ratios):.2f}-{max(ratios):.2f}x); by CPU time"
                f" {statistics.median(cpu):.2f}x ({min(cpu):.2f}-{max(cpu):.2f}x)"
            )


if __name__ == "__main__":
    main()
