"""A tiny random-weight MarianMT model built in seconds from the seeds, for tests that need one."""

from __future__ import annotations

import json
from pathlib import Path

RUSSIAN = [
    "Мы будем двигаться к многополярному, справедливому, демократическому миропорядку.",
    "Мы заинтересованы в том, чтобы наши отношения с Китаем развивались стабильно.",
    "Наши лидеры, президент Путин и председатель Си Цзиньпин, договорились об этом.",
    "Сегодня мы рассмотрим конкретные шаги по выполнению всех этих договорённостей.",
    "Мы переживаем очень серьёзный этап в истории международных отношений.",
]


def train_seed_sentencepiece(
    folder: Path, seeds_dir: Path, vocab_size: int, **options: object
) -> Path:
    """Train `folder/spm.model` (+ spm.vocab) on the seed articles and RUSSIAN; return the model."""
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    lines = [
        line.strip()
        for path in sorted(seeds_dir.glob("0*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    corpus.write_text("\n".join(lines + RUSSIAN) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(folder / "spm"),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
        **options,
    )
    corpus.unlink()
    return folder / "spm.model"


def build_tiny_marian(folder: Path, seeds_dir: Path, vocab_size: int = 300) -> Path:
    """Train a sentencepiece vocabulary on the seeds and save a random 2+2-layer Marian."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    train_seed_sentencepiece(
        folder, seeds_dir, vocab_size, model_type="unigram", bos_id=-1, eos_id=-1, pad_id=-1
    )
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes((folder / "spm.model").read_bytes())
    pieces = [line.split("\t")[0] for line in (folder / "spm.vocab").read_text().splitlines()]
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("spm.model", "spm.vocab"):
        (folder / name).unlink()
    tokenizer = MarianTokenizer(
        str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json")
    )
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        init_std=0.5,  # large random weights make outputs depend on the input
    )
    model = MarianMTModel(config)
    model.save_pretrained(folder, safe_serialization=True)
    return folder
