"""Records that flow between the stages: corpus -> quotes -> groups -> translations -> scores.

All are frozen dataclasses with plain typed fields, so they hash, compare and pickle, and a stage
can never mutate what an earlier stage produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["statement", "term"]
DivergenceKind = Literal["substitution", "insertion", "omission"]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Failure:
    """One input that could not be processed: reported as `drift: PATH[:LINE]: problem`."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return _one_line(f"drift: {where}: {self.problem}")


def _one_line(text: str) -> str:
    """`text` printable on one line: control characters (a newline in a file name) and bytes
    that did not decode as \\n, \\xNN escapes."""
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name byte gives (JSON "\\ud800")
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True)
class Document:
    """A cleaned article: `text` is what quote offsets index into."""

    doc_id: str
    text: str
    path: str = ""
    line: int | None = None
    outlet: str = ""
    url: str = ""
    date: str = ""  # ISO yyyy-mm-dd, or "" when unknown
    title: str = ""
    lang: str = ""  # langdetect code ("en", "ru", "zh-cn", ...), "" when undetectable


@dataclass(frozen=True)
class Quote:
    """A quoted span of a document, with who said it.

    `Document.text[start:end] == text` for quotes extracted from articles; for rows of a quotes
    table the document is the quote itself (start 0, end len(text)).
    """

    quote_id: str  # "{doc_id}:{n}", n counting from 1 in document order
    doc_id: str
    text: str
    start: int
    end: int
    speaker: str = ""  # normalized display name ("Sergei Lavrov"), "" when unknown
    kind: QuoteKind = "statement"
    context: str = ""  # the sentence(s) around the quote, attribution included
    outlet: str = ""
    date: str = ""
    url: str = ""
    lang: str = ""
    fragment_of: str = ""  # quote_id of the first fragment when a quote is split by attribution


@dataclass(frozen=True)
class Original:
    """A statement in its original language, from an originals table (`--originals FILE`)."""

    original_id: str
    text: str
    lang: str  # "ru" | "zh"
    speaker: str = ""
    date: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Rendering:
    """One quote's rendering of one statement: a sentence, clause or whole quote."""

    quote_id: str
    doc_id: str
    text: str
    start: int  # offsets of `text` inside the quote's text
    end: int
    speaker: str = ""
    outlet: str = ""
    date: str = ""
    kind: QuoteKind = "statement"
    copy_of: str = ""  # quote_id of an identical rendering seen first (shared wire copy)


@dataclass(frozen=True)
class Group:
    """Renderings in different documents of (what we judge to be) the same original statement."""

    group_id: str
    renderings: tuple[Rendering, ...]
    confidence: float  # in [0, 1]
    speaker: str = ""
    kind: QuoteKind = "statement"
    statement: str = ""  # "s001": the groups of one statement (joined by a quote or an original)


@dataclass(frozen=True)
class Divergence:
    """A span where two renderings of one group differ, after word alignment."""

    group_id: str
    quote_a: str
    quote_b: str
    doc_a: str
    doc_b: str
    span_a: str  # "" for an insertion (only b has words here)
    span_b: str  # "" for an omission (only a has words here)
    kind: DivergenceKind
    context_a: str = ""  # the rendering text of a
    context_b: str = ""


@dataclass(frozen=True)
class Translation:
    """A back-translation, naming the backend and model that produced it."""

    source: str
    text: str
    src_lang: str
    tgt_lang: str
    backend: str  # "marian" | "nllb" | "lexicon" | ...
    model: str = ""  # model id or path with revision, "" for model-free backends
    cached: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class RenderingScore:
    """Drift of one rendering: from its group's consensus and, when known, from the original."""

    group_id: str
    quote_id: str
    source_lang: str
    back_translation: str
    backend: str
    drift_vs_group: float  # 0 = the consensus itself, 1 = shares nothing with it
    drift_vs_original: float | None = None  # None when no original is matched
    original_id: str = ""


@dataclass(frozen=True)
class ScoredDivergence:
    """A divergence with the back-translations of its spans and its drift score."""

    divergence: Divergence
    back_a: str
    back_b: str
    drift: float  # in [0, 1]: high when the spans mean different things
    rank: int = 0  # 1 = largest drift in the run
    faithful: str = ""  # "a" or "b": the side that matches the original, "" when unknown
    type: str = ""  # spelling|synonym|paraphrase|polarity|modality|degree|number|entity|sense|...
    evidence: str = ""  # why: "negation removed: not", "ru: both → сторонник", ...
