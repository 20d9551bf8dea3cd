"""Padded batches for CTranslate2 whose outputs never depend on a text's batch neighbours.

CTranslate2 pads a batch to its longest input, and the padded length changes the rounding of
attention (measured: 8 of 24 quotes' scores change when padded by 7 tokens, int8 on CPU), which
can change a translation. Its int8 layers scale each row on its own, so inputs of one padded
length are computed bit-identically in any batch. So each text gets a width fixed by its own
length (the next of WIDTHS), a call holds one width, and a carrier row of exactly that width is
added when no text in the call fills it: a text alone is computed with the same padding as in
any batch. The output length limit is the width's, for the same reason.
WIDTHS grow by at most 1.5x past 32 tokens: few widths make few, full calls, and each decoding
step of a call reads every weight once, which dominates at these batch sizes (measured: 40
quotes in 10 widths of 8 decode at half the speed of the same quotes in 4 widths).
This holds for int8 on CPU only: in float32 CTranslate2's float GEMMs round by batch size too
(scores of 9 of 24 quotes changed next to a same-length neighbour), which padding cannot fix.
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTHS = (16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)


def padded_width(tokens: int, limit: int) -> int:
    """The length a `tokens`-long input is padded to, whatever its batch: the first of WIDTHS
    at or above it (then multiples of the last), at most the model's `limit`."""
    top = WIDTHS[-1]
    width = next((w for w in WIDTHS if w >= tokens), -(-tokens // top) * top)
    return min(width, max(limit, tokens))


def width_batches(
    lengths: Sequence[int],
    limit: int,
    *,
    rows_per_text: int,
    batch_tokens: int,
    max_batch_size: int,
) -> list[list[int]]:
    """Indices grouped by padded width, widest first: one CTranslate2 call each, whose padded
    tokens times `rows_per_text` (beams), its carrier row included, stay within `batch_tokens`."""
    widths = [padded_width(n, limit) for n in lengths]
    order = sorted(range(len(lengths)), key=lambda i: (-widths[i], i))
    batches: list[list[int]] = []
    for i in order:
        current = batches[-1] if batches else None
        if (
            current is not None
            and widths[current[0]] == widths[i]
            and len(current) < max_batch_size
            and (len(current) + 2) * widths[i] * rows_per_text <= batch_tokens
        ):
            current.append(i)
        else:
            batches.append([i])
    return batches


def spread_calls(
    calls: list[list[int]], workers: int, calls_per_worker: int = 4
) -> list[list[int]]:
    """The engine's batches: `calls` (widest first) joined `workers * calls_per_worker` at a
    time, so each batch keeps every CTranslate2 worker busy while the engine caches the last."""
    size = max(1, workers * calls_per_worker)
    return [
        [i for call in calls[at : at + size] for i in call] for at in range(0, len(calls), size)
    ]


def with_carrier(rows: list[list[str]], width: int) -> list[list[str]]:
    """`rows` (one padded width), plus a carrier row of exactly `width` tokens when none is that
    long, so CTranslate2 pads every row to `width`; the carrier's output is dropped."""
    if not rows or max(map(len, rows)) >= width:
        return rows
    longest = max(rows, key=len)
    body = longest[:-1] or longest  # the text's tokens before its end token, repeated
    filler = (body * (width // len(body) + 1))[: width - 1]
    return [*rows, [*filler, longest[-1]]]
