"""Quote extraction: quoted spans of a document, who said them, and whether they are terms.

Speakers are found as a sieve (after Muzny et al. 2017, "A Two-stage Sieve Approach for Quote
Attribution"). Stage one, quote to mention, takes the first that applies: a quote that splits
around its attribution keeps the first part's speaker; a clause ending in a colon just before
it; a reporting clause right after it (`,” X said`, `,” said X`); one earlier in its sentence
(`X said “...`), the nearest for a term as for a statement; one that closes the sentence; an
item of a list under a lead-in ("Below are X's statements."), the lead-in's speaker (`lists.py`);
an attribution cut off by the excerpt's end; the last speaker of the paragraph, or of the one
before for a quote that opens its paragraph, or the previous quote's; the subject of the
sentence before it, or the one person that sentence names (`People.subject_before`); the
headline's subject when the text names no one before, or for a term in the text's own "we".
Clauses include a caption in capitals before a quote (`NAME ROLE “...`), "NAME, who said" (a
side remark: a later "he" stays with the sentence's subject) and an owner's speech noun
("X's earlier statement that"); a source that passes words on (`,” Nord.Info reports`) leaves
the quote to the paragraph's speaker.
Stage two, mention to person (`People.resolve`): a name is the fullest form of it in the
document (a shared surname: the one named last); a pronoun is the last speaker unless a new
subject opened a sentence since (and no role clause referred to the speaker after it),
agreeing in gender where the text shows it; a role is the person holding it (most words of the
role in the title, then the one named last), else the one person of its country, else an
untitled last speaker, else a holder named just after it; "the department" or "the ministry"
is the body of that kind named last, of the country whose minister of it the text names; "it"
is the body that opens the sentence or the one before (`bodies.py`); a role after "a" ("a
senior official") is someone unnamed; an outlet's acronym is the name the text spelt out
(`outlets.py`). No speaker is a subject whose head is no noun ("said the Oslo enjoy") or a
plural common noun opening its sentence ("Reports said"); WordNet answers both (`english.py`),
and keys a body's country adjective as the country ("Polish" is "Poland").
Bodies: a subject whose head noun WordNet places under organization.n.01 ("the Coast Guard",
"Norway's coast guard", a party, a command) is a body, keyed by its words ("coast guard" as
WordNet's "coastguard", "national" dropped where the country is named); a body of common words
takes the one country its sentence names before it, and a state's unit "in PLACE" that place;
an acronym is the body the text spelt out with its initials; "it" or "the statement" closing a
sentence of reported words looks before that sentence, up to two sentences back, else to the
body a clause named last, and "the statement" may be the one person who issued a statement;
"OUTLET quoted X" and "OUTLET reported that “...”" name X and the outlet; a quote no clause
attributes in a sentence a body opens ("The X Party views “...”") is the body's.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator

from drift.quotes.attribution import find_clauses, signed_quote
from drift.quotes.attributor import Attributor, resolve_clauses
from drift.quotes.lists import is_item, lead_in, owner
from drift.quotes.names import known_full_name
from drift.quotes.people import People
from drift.quotes.spans import (
    Span,
    find_spans,
    masked_text,
    paragraphs,
    sentence_bounds,
    sentence_ends,
)
from drift.quotes.speakers import fold, is_body, normalize_name, speaker_key
from drift.quotes.verbs import CONJUNCTIONS, REPORTING_VERBS
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
# Words no sentence or title ends with; "in", "on", "so", "yet" may ("Xi weighs in").
_DANGLING = frozenset(
    ["to", "of", "for", "with", "from", "by", "the", "a", "an", "and", "or", "but"]
)
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|We|Our)\b")  # outside quotes: the text's own voice
_GAP_AFTER = re.compile(r"[\s,.;:—–-]*")
_HEADLINE_TRAIL = " \t\r\n\"'“”‘’«»」』*_"
_TOLD = re.compile(r"[,;][”\"»’]\s+[a-z]")  # `“...,” he said`: reporting grammar, no title
_TOLD_AFTER = re.compile(r"[,;!?][”\"»’]\s+([a-z][\w'’-]*)")  # `“...!” the crowd chanted`
# `“...,” the spokesman, Dmitry Peskov, …` up to the end of an excerpt: an attribution cut off
_CUT_OFF = re.compile(r"\s*([^.!?;:\"“”«»\n]{1,100}?)[\s,]*(?:…|\.\.\.)?\s*")
_PARA_LEAD = re.compile("[ \t\"'‘“”„«*_]*")  # what may stand before a quote that opens a paragraph
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
    """A short line without closing punctuation: a headline or title, not anybody's statement
    (a quote signed with a dash, `“...” — Sergei Lavrov`, is a statement; so is the first
    paragraph of a quote that runs on, which news style leaves open, and `“...,” he` told)."""
    line = text[para[0] : para[1]].rstrip(_HEADLINE_TRAIL)
    short = bool(line) and line[-1] not in ".!?…:;," and len(line.split()) <= 20
    if not short or _cut_off(line):
        return False
    return not signed_quote(line) and not _runs_on(line) and not _TOLD.search(line)


def _cut_off(line: str) -> bool:
    """A line that stops on a word no sentence or title ends with (a preposition, an article, a
    conjunction: "... urged him to push for"): prose an excerpt cut short, not a headline."""
    words = line.split()
    return bool(words) and words[-1].lower() in _DANGLING


def _runs_on(line: str) -> bool:
    """A line that opens a quote and never closes it: the quote goes on in the next paragraph
    (a title quotes whole phrases)."""
    body = line.lstrip(" \t*_")
    if body[:1] in "“«„":
        return not any(c in body[1:] for c in "”»“")
    return body[:1] == '"' and body.count('"') == 1


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


def _continued(attributor: Attributor, prior: Quote | None, lo: int, pos: int) -> str:
    """Speaker of an unattributed statement: whoever spoke last in `lo:pos` (this paragraph, or
    the previous one for a quote that opens its paragraph), by a quote or a reporting clause."""
    at, speaker = attributor.last_speaker(lo, pos)
    spoke = prior is not None and prior.kind == "statement" and bool(prior.speaker)
    if spoke and prior is not None and prior.start >= lo and prior.start > at:
        return prior.speaker
    return speaker


def _cut_short(
    text: str, masked: str, span: Span, end: int, people: People, attributor: Attributor
) -> str:
    """`“...,” he` or `“...,” the spokesman, Dmitry Peskov, …`: a quote whose comma says an
    attribution follows, cut off before its verb where an excerpt ends; the words left name
    the speaker (a name among them first)."""
    if span.close_pos < 0 or not text[span.start : span.end].rstrip().endswith(","):
        return ""
    match = _CUT_OFF.fullmatch(masked, span.close_pos + 1, end)
    if match is None:
        return ""
    parts = [p.strip() for p in match.group(1).split(",") if p.strip()]
    last = attributor.last_speaker(0, span.start)[1]
    for part in sorted(parts, key=lambda p: not p[:1].isupper()):
        found = people.resolve(part, match.start(1), last)
        if found:
            return found
    return ""


def _beside_statement(
    text: str, spans: list[Span], starts: list[int], sentence: tuple[int, int]
) -> bool:
    """Whether the sentence also quotes a statement: a term there is told as that statement is
    ("At the moment, “no real diplomacy” is happening, because the U.S. “has bet on further
    escalation.”"), not the writer's own scare quote."""
    lo, hi = sentence
    k = bisect.bisect_left(starts, lo)
    while k < len(spans) and spans[k].start < hi:
        if quote_kind(text[spans[k].start : spans[k].end]) == "statement":
            return True
        k += 1
    return False


def _listed(
    text: str,
    masked: str,
    paras: list[tuple[int, int]],
    k: int,
    people: People,
    attributor: Attributor,
) -> str:
    """Speaker of an unattributed list item: the owner of the words its lead-in announces
    ("Below are Blinken's other statements."), else who speaks in a lead-in that ends with a
    colon ("Lavrov made three points:")."""
    lead = lead_in(masked, paras, k)
    if lead is None:
        return ""
    name, at = owner(masked, lead)
    if name:
        return people.resolve(name, at, "")
    return attributor.last_speaker(*lead)[1]


def _told_unnamed(text: str, span: Span, sentence: tuple[int, int], attributor: Attributor) -> bool:
    """Whether the quote's own sentence says someone told it, though no one drift can name:
    a reporting clause there ("Critics called the summit “...”", "The document states that
    “...”") or a subject after the closing mark (`“...!” the crowd chanted`; not `,” said X`
    where X was no subject drift could read, nor `,” but “...”`, a conjunction joining two
    quotes)."""
    if attributor.clauses_in(*sentence):
        return True
    after = _TOLD_AFTER.match(text, span.end - 1) if span.end > 0 else None
    return after is not None and fold(after.group(1)) not in REPORTING_VERBS | CONJUNCTIONS


def _own_voice(masked: str, sentence: tuple[int, int], pos: int, people: People) -> bool:
    """Whether a term stands in the text's own first person ("we", "our" outside quotes) and
    no one but whom the headline names is named before it: the text is that one's statement."""
    others = [n for n in people.persons if n != people.headline and people.named_before(pos, n)]
    return not others and _FIRST_PERSON.search(masked, *sentence) is not None


def iter_quotes(doc: Document) -> Iterator[Quote]:
    """Yield the quotes of `doc` in document order, with speakers resolved within the document."""
    text = doc.text
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    spans = find_spans(text, paras)
    if not spans:
        return
    masked = masked_text(text, spans)
    span_starts = [s.start for s in spans]
    ends = sentence_ends(masked)
    people = People(masked, doc.title)
    clauses = find_clauses(masked)
    people.learn([c.subject for c in clauses if not c.elided and not c.source])
    attributor = Attributor(masked, clauses, resolve_clauses(clauses, people, masked))
    headlines: dict[int, bool] = {}  # paragraph index -> _is_headline, computed once each
    leads: dict[int, int] = {}  # paragraph start -> offset of its first non-mark character
    previous: tuple[Span, Quote] | None = None
    for n, span in enumerate(spans, start=1):
        quote_text = text[span.start : span.end]
        para = paras[span.para]
        first_idx = max(bisect.bisect_right(para_starts, span.start) - 1, 0)
        first_para = paras[first_idx]
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
            speaker, attributed = attributor.speaker(span, (lo, hi), term=kind == "term")
            if not attributed and is_item(text, first_para):  # "– China “treats ... unfairly”"
                speaker = _listed(text, masked, paras, first_idx, people, attributor)
                attributed = bool(speaker)
            said = kind == "statement" or _beside_statement(text, spans, span_starts, (lo, hi))
            if not attributed and said:
                speaker = _cut_short(text, masked, span, para[1], people, attributor)
                attributed = bool(speaker)
            if not attributed and said:
                attributed = _told_unnamed(text, span, (lo, hi), attributor)  # told by no one
            if not attributed and said:  # drift can name: "Critics called ..."
                if first_para[0] not in leads:
                    leads[first_para[0]] = _PARA_LEAD.match(text, first_para[0]).end()
                opens_para = leads[first_para[0]] >= span.start
                scope = paras[first_idx - 1][0] if opens_para and first_idx else first_para[0]
                scope = max(scope, span.start - _MAX_CONTEXT)  # a speaker this close, at most
                speaker = _continued(attributor, prior, scope, span.start)
                if not speaker:
                    speaker = people.subject_before(scope, span.start)  # "X was blunt. “...”"
                if not speaker:
                    speaker = people.body_subject(span.start)  # "The X Party views “...”"
                if not speaker:  # `“...” X added in a statement.` names who spoke next
                    speaker = attributor.next_speaker(max(span.start, span.end - 1), para[1])
                if not speaker and not people.named_before(span.start):
                    speaker = people.headline  # a quote before anyone is named: the headline's
            elif not attributed and _own_voice(masked, (lo, hi), span.start, people):
                speaker = people.headline  # "From the statement by NAME": "... “tumor” ... we"
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
    """Rows of a quotes table made ready for grouping: speaker names normalized (a lone given
    name of one known official in full: "Gang" is Qin Gang), kind set."""
    return [
        dataclasses.replace(q, speaker=_table_speaker(q.speaker), kind=quote_kind(q.text))
        for q in quotes
    ]


def _table_speaker(written: str) -> str:
    """A table's speaker as drift names it: normalized; a lone given name that one known
    official bears, and no official as family name, is that official ("Gang" for Qin Gang,
    whose key "gang" would otherwise part him from "qin gang"). A lone family name stays as
    written: "Mao" may be Mao Zedong or Mao Ning, and "mao" fits either key."""
    display = normalize_name(written)
    lone = len(display.split()) == 1 and not is_body(display)
    if lone and not known_full_name(display, given=False):
        return known_full_name(display) or display
    return display
