"""Weights and metric settings of the drift scores, with a reproducibility signature."""

from __future__ import annotations

from dataclasses import dataclass

from sacrebleu import __version__ as sacrebleu_version

SCORE_VERSION = "3.7"


@dataclass(frozen=True)
class ScoreSettings:
    """Every number the scores depend on; `signature()` writes them into run.json."""

    w_lex: float = 0.5  # source-language lemma agreement (back-translations + lexicon candidates)
    w_emb: float = 0.3  # e5 similarity, word by word, in English and in the source language
    w_en: float = 0.2  # chrF of the English texts
    w_sentence: float = 3.0  # e5: rendering a against a with span b swapped in (docs/scoring.md)
    sentence_floor: float = 0.95  # that cosine mapped to similarity 0 (1.0 maps to 1)
    cos_floor: float = 0.80  # e5 cosine mapped to similarity 0 (e5 cosines are compressed)
    cos_ceil: float = 0.95  # e5 cosine mapped to similarity 1
    function_weight: float = 0.25  # drift multiplier for spans of function words only
    gap_weight: float = 0.6  # drift of an inserted or omitted content span...
    scattered_weight: float = 0.5  # ...less each of its words the other side has, not in one run
    char_order: int = 6
    word_order: int = 2  # chrF++; Chinese uses 0 (no spaces between words)
    beta: int = 2
    original_beta: int = 10  # chrF vs an original: recall over the back-translation dominates
    match_threshold: float = 0.25  # rescaled e5 similarity an original must reach to match a group
    date_window_days: int = 60  # an original and a group, both dated, are at most this far apart
    faithful_margin: float = 0.1  # how much better one side must match the original
    # Drift per divergence type (drift/score/types.py); see docs/scoring.md.
    spelling_drift: float = 0.05
    synonym_drift: float = 0.1  # shared WordNet synset, or both words go back to one source word
    synonym_rank_step: float = 0.05  # + this per rank of the shared sense in the words' lists...
    synonym_rank_cap: int = 3  # ...counted up to this rank
    near_synonym_drift: float = 0.15  # derivationally related ("endless" / "end")
    thesaurus_drift: float = 0.2  # only the Moby thesaurus relates the words
    hypernym_drift: float = 0.2  # one word is a kind of the other (WordNet, one step)...
    hypernym_step: float = 0.1  # ...plus this per further step
    loose_link_span: float = 0.3  # thesaurus or hypernym links: + this x (1 - similarity)
    polarity_drift: float = 0.95
    number_drift: float = 0.9
    entity_drift: float = 0.9
    entity_gap_drift: float = 0.7  # a name one rendering drops
    sense_floor: float = 0.6  # a sense change scores between this and sense_ceil, by dissimilarity
    sense_ceil: float = 0.88  # below polarity, number and entity changes, which are unambiguous
    unknown_band: tuple[float, float] = (0.3, 0.6)  # a word no resource knows: judged inside this
    reword_drift: float = 0.1  # extra content words on one side only, at full similarity...
    reword_span: float = 0.6  # ...plus this much times (1 - similarity)
    degree_drift: float = 0.45
    tense_drift: float = 0.2  # "will" against no modal
    modality_drift: float = 0.4  # modal meaning changed (will / must)...
    modality_strength_drift: float = (
        0.3  # ...or only its strength, inside one group (must / should)
    )
    modality_step: float = 0.075  # ...plus this per step of commitment (certain 0 .. hedge 4)
    modality_max: float = 0.7
    # An open verdict (Verdict.open: no resource decides) is blended with e5 evidence on the edit
    # in its context: open_band placed by 1 - cosine(the span with open_window words either side,
    # the same with the edit made) over open_sentence_span, weighted open_sentence_weight
    # against the word-level drift (score 3.4; docs/scoring.md).
    open_sentence_weight: float = 0.5
    open_window: int = 5
    open_sentence_span: float = 0.04
    open_band: tuple[float, float] = (0.4, 0.88)

    def type_signature(self) -> str:
        """The per-type drifts, compactly (polarity, number, entity, sense floor, ...)."""
        low, high = self.unknown_band
        return (
            f"sp{self.spelling_drift:g}-syn{self.synonym_drift:g}-pol{self.polarity_drift:g}"
            f"-num{self.number_drift:g}-ent{self.entity_drift:g}-sense{self.sense_floor:g}:{self.sense_ceil:g}"
            f"-unk{low:g}:{high:g}-deg{self.degree_drift:g}-mod{self.modality_drift:g}"
            f":{self.modality_strength_drift:g}"
        )

    def signature(self, embedder: str = "e5") -> str:
        """A sacrebleu-style string naming the metric settings and weights, for run.json."""
        return (
            f"score:{SCORE_VERSION}|chrF:c{self.char_order}w{self.word_order}b{self.beta}"
            f"|chrF-zh:c{self.char_order}w0b{self.beta}|chrF-orig:b{self.original_beta}"
            f"|embed:{embedder}"
            f"|w_lex:{self.w_lex:g}|w_emb:{self.w_emb:g}|w_en:{self.w_en:g}"
            f"|w_sent:{self.w_sentence:g}@{self.sentence_floor:g}"
            f"|open:{self.open_sentence_weight:g}@w{self.open_window}:{self.open_sentence_span:g}"
            f":{self.open_band[0]:g}-{self.open_band[1]:g}"
            f"|cos:{self.cos_floor:g}-{self.cos_ceil:g}|fn:{self.function_weight:g}"
            f"|gap:{self.gap_weight:g}:{self.scattered_weight:g}|types:{self.type_signature()}"
            f"|sacrebleu:{sacrebleu_version}"
        )
