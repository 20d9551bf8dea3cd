"""Hand-built groups and divergences mirroring the seeds (Lavrov in Tunxi, Wang Yi's "ironclad")."""

from __future__ import annotations

from drift.records import Divergence, Group, Rendering, Translation

R0 = (
    "we will move together with you, together with our other like-minded people, "
    "towards a multipolar, just, democratic world order"
)
R1 = (
    "we, together with you, and with our sympathisers will move towards a multipolar, just, "
    "democratic world order"
)
R2 = (
    "we, along with you and our supporters, will move towards a strong, just and democratic "
    "world order"
)
S0 = "We are going through a very serious stage in the history of international relations."
S2 = "We live at a very critical juncture in the history of international relations."
CTX_IRONCLAD = (
    "Earlier this month Wang said that China's relationship with Russia is \"one of the most "
    'crucial bilateral relationships in the world," and is "ironclad."'
)
CTX_SOLID = (
    'In early March, Wang Yi praised the "solid" friendship between Beijing and Moscow and '
    'defended Russia\'s "legitimate" security concerns.'
)


def lavrov_group() -> Group:
    """The three renderings of Lavrov's "world order" remark (seeds 000, 001, 002)."""
    renderings = tuple(
        Rendering(f"00{i}:1", f"00{i}", t, 0, len(t), speaker="Sergei Lavrov", date=date)
        for i, (t, date) in enumerate(((R0, "2022-03-30"), (R1, "2022-04-02"), (R2, "")))
    )
    return Group("g-lavrov", renderings, 0.9, speaker="Sergei Lavrov")


def wang_group() -> Group:
    """Wang Yi's friendship term: "ironclad" (001, dated) and "solid" (002, undated)."""
    renderings = (
        Rendering("001:9", "001", "ironclad.", 0, 9, "Wang Yi", date="2022-04-02", kind="term"),
        Rendering("002:5", "002", "solid", 0, 5, "Wang Yi", kind="term"),
    )
    return Group("g-wang", renderings, 0.7, speaker="Wang Yi", kind="term")


WANG_CONTEXTS = {"001:9": CTX_IRONCLAD, "002:5": CTX_SOLID}


def _sub(qa: str, qb: str, a: str, b: str, ca: str, cb: str) -> Divergence:
    return Divergence("g-lavrov", qa, qb, qa[:3], qb[:3], a, b, "substitution", ca, cb)


def lavrov_divergences() -> list[Divergence]:
    """The six substitutions the aligner finds in the Lavrov group."""
    return [
        _sub("000:1", "002:1", "multipolar", "strong", R0, R2),
        _sub("000:1", "001:1", "like-minded people", "sympathisers", R0, R1),
        _sub("000:1", "002:1", "like-minded people", "supporters", R0, R2),
        _sub("001:1", "002:1", "sympathisers", "supporters", R1, R2),
        _sub("000:2", "002:2", "going through", "live at", S0, S2),
        _sub("000:2", "002:2", "serious stage", "critical juncture", S0, S2),
    ]


def make_lexicon_back():
    """The offline default back-translation: the bundled lexicon, as the pipeline builds it."""
    from drift.translate.lexicon_backend import LexiconTranslator

    translator = LexiconTranslator()

    def back(texts, lang):
        out = translator.translate(texts, "en", lang)
        return [Translation(t, o, "en", lang, "lexicon") for t, o in zip(texts, out, strict=True)]

    return back
