"""Quote extraction: quoted spans of a document, who said them, and whether they are terms."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator

from drift.quotes.attribution import Clause, find_clauses
from drift.quotes.people import People
from drift.quotes.spans import (
    Span,
    find_spans,
    masked_text,
    paragraphs,
    sentence_bounds,
    sentence_ends,
)
from drift.quotes.speakers import normalize_name, speaker_key
from drift.records import Document, Quote, QuoteKind

__all__ = [
    "extract_quotes",
    "iter_quotes",
    "normalize_name",
    "prepare_table_quotes",
    "quote_kind",
    "speaker_key",
]

_CLAUSE_WORDS = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "must",
        "should",
        "shall",
        "may",
        "might",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "am",
        "be",
        "been",
    ]
)
_GAP_AFTER = re.compile(r"[\s,.;:—–-]*")
_HEADLINE_TRAIL = " \t\r\n\"'“”‘’«»」』*_"
_PARA_LEAD = re.compile("[ \t\"'“”„«*_]*")  # what may stand before a quote that opens a paragraph
_MIN_DETECT_CHARS = 20
_MAX_CONTEXT = 600  # characters of context kept each side of a quote in run-on text


def quote_kind(text: str, headline: bool = False) -> QuoteKind:
    """`term` for headline quotes and short scare-quoted phrases ("small circles");
    `statement` for sentences and clauses."""
    words = re.findall(r"\w[\w'’-]*", text.lower())
    if headline:
        return "term"
    if (
        len(words) <= 4
        and not _CLAUSE_WORDS & set(words)
        and not text.rstrip().endswith(("?", "!"))
    ):
        return "term"
    return "statement"


def _is_headline(text: str, para: tuple[int, int]) -> bool:
    """A short line without closing punctuation: a headline or title, not anybody's statement."""
    line = text[para[0] : para[1]].rstrip(_HEADLINE_TRAIL)
    return bool(line) and line[-1] not in ".!?…:;," and len(line.split()) <= 20


def _resolve_clauses(clauses: list[Clause], people: People) -> list[tuple[str, str]]:
    """(speaker, last person before it) for each clause, read in document order."""
    out: list[tuple[str, str]] = []
    last = ""
    for clause in clauses:
        speaker = people.resolve(clause.subject, clause.verb_start, last)
        out.append((speaker, last))
        if speaker and speaker in people.persons:
            last = speaker
    return out


def _detect_lang(text: str, doc: Document) -> str:
    """Language of a quote with `drift.corpus.detect_lang`; short quotes take the document's."""
    if len(text) < _MIN_DETECT_CHARS and doc.lang:
        return doc.lang
    try:
        from drift.corpus import detect_lang
    except ImportError:
        try:
            from drift.corpus.langid import detect_lang
        except ImportError:
            return doc.lang
    return detect_lang(text) or doc.lang


class _Attributor:
    """Finds the reporting clause of each span of one document."""

    def __init__(self, masked: str, clauses: list[Clause], speakers: list[tuple[str, str]]) -> None:
        self.masked, self.clauses, self.speakers = masked, clauses, speakers
        self.starts = [c.verb_start for c in clauses]

    def _between(self, lo: int, hi: int) -> list[tuple[Clause, str]]:
        """Clauses whose verb starts in `lo:hi`, with their speakers."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [(self.clauses[k], self.speakers[k][0]) for k in range(a, b)]

    def after(self, span: Span, sent_lo: int = -1) -> str:
        """Speaker of a clause right after the closing mark: `,” he said` / `,” said X`.

        "..., according to the ministry" names a source: a speaker named earlier in the sentence
        (`Wang said the ties were “solid”, according to the ministry`) comes first.
        """
        if span.close_pos < 0:
            return ""
        lo = span.close_pos + 1
        k = bisect.bisect_left(self.starts, lo)
        if k == len(self.clauses):
            return ""
        clause, speaker = self.clauses[k], self.speakers[k][0]
        head = clause.verb_start if clause.subject_after else clause.subject_start
        gap = self.masked[lo:head] if head - lo < 200 else "."
        if not _GAP_AFTER.fullmatch(gap) or "\n" in gap:
            return ""
        if clause.source and sent_lo >= 0:
            return self.before(span, sent_lo, first=False) or speaker
        return speaker

    def before(self, span: Span, sent_lo: int, first: bool) -> str:
        """Speaker of a clause earlier in the sentence: `X said “...`; the first one for terms."""
        mark = span.open_pos if span.open_pos >= 0 else span.start
        found = [s for c, s in self._between(sent_lo, mark) if s and c.verb_end <= mark]
        if not found:
            return ""
        return found[0] if first else found[-1]

    def lead_in(self, para: tuple[int, int]) -> str:
        """Speaker of a paragraph ending in a colon (`Lavrov said:`) that introduces a quote."""
        if not self.masked[para[0] : para[1]].rstrip().endswith(":"):
            return ""
        found = [s for _, s in self._between(para[0], para[1])]
        return found[-1] if found else ""

    def splits(self, prev: Span, span: Span) -> bool:
        """“A,” he said, “B.”: an attribution between two spans of one sentence splits a quote."""
        if prev.close_pos < 0 or span.open_pos < 0 or prev.para != span.para:
            return False
        lo, hi = prev.close_pos + 1, span.open_pos
        gap = self.masked[lo:hi]
        if len(gap) > 80 or not gap.rstrip().endswith((",", ":")) or re.search(r"[.!?]", gap):
            return False
        return bool(self._between(lo, hi))


def iter_quotes(doc: Document) -> Iterator[Quote]:
    """Yield the quotes of `doc` in document order, with speakers resolved within the document."""
    text = doc.text
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    spans = find_spans(text, paras)
    if not spans:
        return
    masked = masked_text(text, spans)
    ends = sentence_ends(masked)
    people = People(masked)
    clauses = find_clauses(masked)
    attributor = _Attributor(masked, clauses, _resolve_clauses(clauses, people))
    headlines: dict[int, bool] = {}  # paragraph index -> _is_headline, computed once each
    leads: dict[int, int] = {}  # paragraph start -> offset of its first non-mark character
    previous: tuple[Span, Quote] | None = None
    for n, span in enumerate(spans, start=1):
        quote_text = text[span.start : span.end]
        para = paras[span.para]
        first_para = paras[max(bisect.bisect_right(para_starts, span.start) - 1, 0)]
        lo, hi = sentence_bounds(ends, (first_para[0], para[1]), span.start, span.end)
        lo, hi = max(lo, span.start - _MAX_CONTEXT), min(hi, span.end + _MAX_CONTEXT)
        if span.para not in headlines:
            headlines[span.para] = _is_headline(text, para)
        headline = headlines[span.para] and first_para == para
        kind = quote_kind(quote_text, headline)
        fragment_of, speaker = "", ""
        prior = previous[1] if previous is not None else None
        if (
            previous is not None
            and prior is not None
            and prior.kind == "statement"
            and text[prior.start : prior.end][-1:] not in ".!?…"
            and attributor.splits(previous[0], span)
        ):
            fragment_of, speaker, kind = (
                prior.fragment_of or prior.quote_id,
                prior.speaker,
                prior.kind,
            )
        elif not headline:
            after = kind == "statement" or span.close_pos >= 0
            speaker = attributor.after(span, lo) if after else ""
            speaker = speaker or attributor.before(span, lo, first=kind == "term")
            if first_para[0] not in leads:
                leads[first_para[0]] = _PARA_LEAD.match(text, first_para[0]).end()
            opens_para = leads[first_para[0]] >= span.start
            if not speaker and kind == "statement" and opens_para:
                idx = bisect.bisect_right(para_starts, span.start) - 1
                speaker = attributor.lead_in(paras[idx - 1]) if idx else ""
        quote = Quote(
            quote_id=f"{doc.doc_id}:{n}",
            doc_id=doc.doc_id,
            text=quote_text,
            start=span.start,
            end=span.end,
            speaker=speaker,
            kind=kind,
            context=" ".join(text[lo:hi].split()),
            outlet=doc.outlet,
            date=doc.date,
            url=doc.url,
            lang=_detect_lang(quote_text, doc),
            fragment_of=fragment_of,
        )
        previous = (span, quote)
        yield quote


def extract_quotes(doc: Document) -> list[Quote]:
    """All quotes of `doc`, in document order (see `iter_quotes`)."""
    return list(iter_quotes(doc))


def prepare_table_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Rows of a quotes table made ready for grouping: speaker names normalized, kind set."""
    return [
        dataclasses.replace(q, speaker=normalize_name(q.speaker), kind=quote_kind(q.text))
        for q in quotes
    ]
