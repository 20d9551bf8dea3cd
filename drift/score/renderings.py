"""Drift of each rendering: from its group's consensus and, when known, from the original.

Two renderings x, y are compared by the weighted mean of chrF between their back-translations
(w_lex), the rescaled e5 cosine of the English texts (w_emb) and their English chrF (w_en):

    drift_vs_group(x)    = with divergences: the largest drift among the divergences between x
                           and the group's consensus rendering (`drift.align.divergences.
                           consensus`, which divergences are aligned against; 0 for itself);
                           without divergences: 1 - mean over the others y of sim(x, y)
    drift_vs_original(x) = 1 - (w_lex*chrF_b10(hyp=original, ref=back(x)) + w_emb*cos~(x, original))
                               / (w_lex + w_emb)

chrF with beta 10 and the back-translation as reference is close to the share of the
back-translation found in the original, so a faithful fragment of a longer original is not
punished for what it leaves out; cos~ takes the closer of the rendering and its quote context.

Identical wire copies (`copy_of`) count once. A term group (single-word renderings) is compared
to its original through the quotes' contexts when the caller passes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from drift.align.divergences import consensus
from drift.embed import Embedder
from drift.records import Group, Original, Rendering, RenderingScore, ScoredDivergence
from drift.score.batch import BackFn, back_translate, embed, lang_of
from drift.score.metrics import ChrF, rescale
from drift.score.settings import ScoreSettings


def _weighted(evidence: Sequence[tuple[float, float]]) -> float:
    return sum(w * s for w, s in evidence) / sum(w for w, _ in evidence)


def _original_text(r: Rendering, contexts: Mapping[str, str]) -> str:
    """The English text that stands for a rendering against an original."""
    return contexts.get(r.quote_id, "") if r.kind == "term" and contexts.get(r.quote_id) else r.text


def score_renderings(
    groups: Sequence[Group],
    *,
    source_lang: Mapping[str, str],
    back: BackFn,
    embedder: Embedder | None,
    originals: Mapping[str, Original] = {},
    settings: ScoreSettings = ScoreSettings(),  # noqa: B008 - frozen
    contexts: Mapping[str, str] = {},
    divergences: Sequence[ScoredDivergence] | None = None,
) -> list[RenderingScore]:
    """One score per rendering, in group and rendering order.

    With the group's scored `divergences`, two renderings are as far apart as the largest drift
    among their aligned differences (0 when none): the word alignment has already set aside what
    a shorter fragment simply does not quote. Without them, whole-text similarity stands in.
    """
    pair_drift: dict[tuple[str, str], float] | None = None
    if divergences is not None:
        pair_drift = {}
        for sd in divergences:
            d = sd.divergence
            for key in ((d.group_id, d.quote_a, d.quote_b), (d.group_id, d.quote_b, d.quote_a)):
                pair_drift[key] = max(pair_drift.get(key, 0.0), sd.drift)
    chrf = ChrF(settings)
    langs = {g.group_id: lang_of(source_lang, g.group_id) for g in groups}
    requests = [(langs[g.group_id], r.text) for g in groups for r in g.renderings]
    requests += [
        (langs[g.group_id], _original_text(r, contexts))
        for g in groups
        if g.group_id in originals
        for r in g.renderings
    ]
    backs = back_translate(requests, back)
    # with divergences, vectors serve only the comparison with an original
    embedded = [
        r.text
        for g in groups
        if pair_drift is None or g.group_id in originals
        for r in g.renderings
    ] + [
        _original_text(r, contexts) for g in groups if g.group_id in originals for r in g.renderings
    ]
    vectors = embed(embedded + [o.text for o in originals.values()], embedder)

    def back_of(lang: str, text: str) -> tuple[str, str]:
        found = backs.get((lang, text))
        return (found.text, found.backend) if found else ("", "")

    def similarity(x: Rendering, y: Rendering, lang: str) -> float:
        evidence = [
            (settings.w_lex, chrf(back_of(lang, x.text)[0], back_of(lang, y.text)[0], lang)),
            (settings.w_en, chrf(x.text, y.text, "en")),
        ]
        if x.text in vectors and y.text in vectors:
            cos = float(np.dot(vectors[x.text], vectors[y.text]))
            evidence.append((settings.w_emb, rescale(cos, settings)))
        return _weighted(evidence)

    def vs_original(r: Rendering, original: Original, lang: str) -> float:
        # How much of the back-translation the original contains, so a faithful fragment of a
        # longer original is not punished for what it does not quote.
        contained = chrf.contained(back_of(lang, r.text)[0], original.text, lang)
        evidence = [(settings.w_lex, contained)]
        texts = [t for t in (r.text, _original_text(r, contexts)) if t in vectors]
        if texts and original.text in vectors:
            cos = max(float(np.dot(vectors[t], vectors[original.text])) for t in texts)
            evidence.append((settings.w_emb, rescale(cos, settings)))
        return float(np.clip(1.0 - _weighted(evidence), 0.0, 1.0))

    scores = []
    for g in groups:
        lang, original = langs[g.group_id], originals.get(g.group_id)
        voters: dict[str, Rendering] = {}
        for r in g.renderings:
            voters.setdefault(r.copy_of or r.quote_id, r)
        base = consensus(g.renderings) if pair_drift is not None else None
        for r in g.renderings:
            if pair_drift is not None and base is not None:
                same = r.quote_id == base.quote_id or (r.copy_of or r.quote_id) == (
                    base.copy_of or base.quote_id
                )
                sims = [
                    1.0
                    if same
                    else 1.0 - pair_drift.get((g.group_id, r.quote_id, base.quote_id), 0.0)
                ]
            else:
                others = [v for key, v in voters.items() if key != (r.copy_of or r.quote_id)]
                sims = [similarity(r, v, lang) for v in others]
            text, backend = back_of(lang, r.text)
            scores.append(
                RenderingScore(
                    group_id=g.group_id,
                    quote_id=r.quote_id,
                    source_lang=lang,
                    back_translation=text,
                    backend=backend,
                    drift_vs_group=float(np.clip(1.0 - np.mean(sims), 0.0, 1.0)) if sims else 0.0,
                    drift_vs_original=vs_original(r, original, lang) if original else None,
                    original_id=original.original_id if original else "",
                )
            )
    return scores
