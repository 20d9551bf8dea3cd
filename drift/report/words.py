"""The report's words: what drift values and divergence types mean, labels for articles and dates.

Kept apart from the markup so the legend, the page and the notebook say the same thing.
"""

from __future__ import annotations

import datetime as dt

from drift.records import Document

# (upper bound, css class, short label, what it means); a drift below the bound falls in the band.
# The bounds follow the drift each type implies (drift/score/settings.py): rewordings up to 0.25,
# degree and modality around 0.45, a sense change from 0.6, polarity, number and entity 0.9-0.95.
DRIFT_BANDS: tuple[tuple[float, str, str, str], ...] = (
    (
        0.25,
        "sev0",
        "rewording",
        "the same meaning in other words: spelling, a synonym, a paraphrase",
    ),
    (
        0.5,
        "sev1",
        "shade moved",
        "certainty or intensity moved (will / may, very / -, crucial / "
        "important), or words drift's dictionaries do not know",
    ),
    (
        0.6,
        "sev2",
        "content changed",
        "words dropped or added, or a different word whose "
        "meaning is near (the reader gets a different statement)",
    ),
    (
        1.01,
        "sev3",
        "meaning changed",
        "a different sense (multipolar / strong), a negation, a "
        "number or a name: the statement says something else",
    ),
)

TYPE_HELP: dict[str, str] = {
    "spelling": "the same words up to spelling, hyphenation, inflection or punctuation",
    "synonym": "one word for another with the same meaning (a shared dictionary sense)",
    "paraphrase": "the same meaning in other words, across several words",
    "polarity": "a negation added or removed, or a word turned into its opposite",
    "modality": "certainty or obligation moved: will / may / must / should, I believe / I know",
    "degree": "intensity moved: very / -, crucial / important, largest / a large",
    "number": "numbers, dates or quantities differ",
    "entity": "a different name: person, country, organisation or place",
    "sense": "a different meaning: the words render different source words (multipolar / strong)",
    "omission": "one rendering leaves out words the other has",
    "addition": "one rendering adds words the other lacks",
}

LANGUAGES = {"ru": "Russian", "zh": "Chinese", "en": "English"}

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def band(drift: float) -> tuple[str, str]:
    """(css class, short label) of the legend band a drift value falls in."""
    for bound, cls, label, _ in DRIFT_BANDS:
        if drift < bound:
            return cls, label
    return DRIFT_BANDS[-1][1], DRIFT_BANDS[-1][2]


def language(code: str) -> str:
    """'Chinese' for zh, zh-cn, zh-tw; the code itself when unknown."""
    return LANGUAGES.get(code.split("-")[0].lower(), code) if code else ""


def nice_date(iso: str) -> str:
    """'30 Mar 2022' for an ISO date, the value itself when it is not one."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def clip(text: str, limit: int = 80) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis beyond `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]).rstrip(",;:") + "…"


def source_name(outlet: str, doc: Document | None, fallback: str) -> str:
    """Who published a rendering: the outlet, else the article's title, else its opening words."""
    if outlet:
        return clip(outlet, 60)
    if doc and doc.title:
        return "“" + clip(doc.title, 60) + "”"
    if doc and doc.text:
        return "article beginning “" + clip(doc.text, 40) + "”"
    return fallback
