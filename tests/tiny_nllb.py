"""A tiny random-weight NLLB-style M2M100 model built in seconds from the seeds, for nllb tests."""

from __future__ import annotations

from pathlib import Path

from tiny_marian import train_seed_sentencepiece

MAX_LENGTH = 256  # tokenizer truncation length and decoder positions, as NLLB's 1024 but small


def _bpe_vocab(folder: Path, seeds_dir: Path, vocab_size: int) -> tuple[dict[str, int], list]:
    """Train a sentencepiece BPE on the seeds; return NLLB-ordered vocab and its merges."""
    import sentencepiece as spm
    from transformers.tokenization_utils_base import generate_merges

    model = train_seed_sentencepiece(folder, seeds_dir, vocab_size, model_type="bpe")
    sp = spm.SentencePieceProcessor(model_file=str(model))
    # the fairseq layout NLLB uses: <s> <pad> </s> <unk>, then the pieces in spm order
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    scores: dict[str, float] = {}
    for i in range(sp.get_piece_size()):
        if not (sp.is_control(i) or sp.is_unknown(i)):
            piece = sp.id_to_piece(i)
            vocab.setdefault(piece, len(vocab))
            scores[piece] = sp.get_score(i)
    for name in ("spm.model", "spm.vocab"):
        (folder / name).unlink()
    # built here since reading the .model proto through transformers needs protobuf
    return vocab, generate_merges(vocab, scores)


def build_tiny_nllb(folder: Path, seeds_dir: Path, vocab_size: int = 400) -> Path:
    """Save an NllbTokenizer (every FLORES-200 code) and a random 1+1-layer M2M100 in `folder`."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab, merges = _bpe_vocab(folder, seeds_dir, vocab_size)
    # the language codes (eng_Latn, rus_Cyrl, zho_Hans, ...) and <mask> are added after the vocab
    tokenizer = NllbTokenizer(
        vocab=vocab, merges=merges, src_lang="eng_Latn", model_max_length=MAX_LENGTH
    )
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = M2M100Config(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=MAX_LENGTH,
        scale_embedding=True,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,  # NLLB starts decoding with </s>
        init_std=0.5,  # large random weights make outputs depend on the input
        tokenizer_class="NllbTokenizer",
    )
    model = M2M100ForConditionalGeneration(config)
    model.save_pretrained(folder, safe_serialization=True)
    return folder
