"""Per-text output length limits, so a text's translation never depends on its batch.

`generate` takes one `max_new_tokens` per call; sized on the batch's longest input, it would
let a short quote run longer next to a long one. This logits processor ends each text at its
own limit instead, by leaving only the end-of-sequence token once the limit is reached.
"""

from __future__ import annotations

import torch


class LengthLimit:
    """Force EOS on every beam of text i once it has generated `limits[i] - 1` tokens."""

    def __init__(self, limits: torch.Tensor, num_beams: int, eos_token_id: int, start: int) -> None:
        # one row per beam, as generate lays them out; `limits` sits on the scores' device
        self.limits = limits.repeat_interleave(num_beams)
        self.eos = eos_token_id
        self.start = start  # decoder tokens that are not output text (start, language code)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        generated = input_ids.shape[1] - self.start
        ended = self.limits - 1 <= generated
        if ended.any():
            scores[ended] = torch.finfo(scores.dtype).min
            scores[ended, self.eos] = 0.0
        return scores
