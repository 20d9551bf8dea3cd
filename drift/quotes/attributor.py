"""Who said each quoted span of a document: the reporting clause that attributes it, read with
English reporting grammar, or the speaker it continues."""

from __future__ import annotations

import bisect
import re

from drift.quotes.attribution import Clause
from drift.quotes.outlets import outlet
from drift.quotes.people import People
from drift.quotes.sentences import sentence_end
from drift.quotes.spans import Span

_GAP_AFTER = re.compile(r"[\s,.;:—–-]*")
_REPORT_OWN = re.compile(r"\s+that\s+[“\"«„]")  # `OUTLET reported that “...”`
_INTRODUCES = re.compile(r"\s*[,:]\s*[“\"«„]")  # `NAME said, “...`: the verb leads in a quote
_LEAD_IN = re.compile(r"[^.!?\"“”«»„]{0,60}:\s*")  # "Olmert told his host: “..."
_LEADS_QUOTE = re.compile(r"[^.!?\"“”«»„\n]{0,60}:\s*[“\"«„]")  # "X told his host: “..."
_BEFORE_SUBJECT = re.compile(r",[\s\"'“”‘’«»]*$")  # `..., X said` / `...,” X said`


def resolve_clauses(clauses: list[Clause], people: People, masked: str) -> list[tuple[str, str]]:
    """(speaker, last person before it) for each clause, read in document order; an elided
    subject (", adding:", "and said:") is the previous clause's in the same sentence (but not a
    source's: "According to the Telegraph, Lavrov ..., asking"), else
    (that clause names no one) the sentence's subject: a person, or a role ("The Russian
    leader") resolved as a reporting clause's subject would be."""
    out: list[tuple[str, str]] = []
    last = ""
    for k, clause in enumerate(clauses):
        if clause.elided:
            prev = clauses[k - 1] if k else None
            same = (
                prev is not None
                and not prev.source
                and not re.search(r"[.!?][\"”’»]*\s|\n", masked[prev.verb_end : clause.verb_start])
            )
            speaker = out[-1][0] if same else ""
            if not speaker:  # "Lavrov hit similar notes, saying ...": no one said "notes"
                speaker = people.sentence_subject(clause.verb_start)
            if not speaker:  # "The Russian leader then smirked, and said:"
                opening = people.opening_phrase(clause.verb_start)
                speaker = people.resolve(opening, clause.verb_start, last) if opening else ""
        else:
            speaker = people.resolve(clause.subject, clause.verb_start, last)
        if clause.source and outlet(speaker) and not _REPORT_OWN.match(masked, clause.verb_end):
            speaker = ""  # "Reuters reported": the outlet passed the words on, said none; but
            # "Xinhua reported that “...”" quotes the report's own words, no one else named
        if clause.source and not speaker:  # "Wang placed ... “as soon as possible,” Reuters
            speaker = people.sentence_subject(clause.verb_start)  # reported": Wang said it
        out.append((speaker, last))
        if speaker and speaker in people.persons and not clause.relative:
            last = speaker  # "X, who said ...," is a side remark: a later "he" is the subject
            people.refer(speaker, clause.verb_start)
    return out


def _passes_on(clause: Clause) -> bool:
    """A source that passes words on and says none: an outlet's report (`“...,” Nord.Info
    reports`) or a name after "according to"; not "according to a diplomat", someone unnamed."""
    return clause.source and (not clause.subject_after or clause.subject[:1].isupper())


def _head(clause: Clause) -> int:
    """Where a clause starts: its verb when inverted ("said Lavrov"), else its subject phrase."""
    head = clause.verb_start if clause.subject_after else clause.subject_start
    return min(head, clause.lead) if clause.lead >= 0 else head


class Attributor:
    """Finds the reporting clause of each span of one document."""

    def __init__(self, masked: str, clauses: list[Clause], speakers: list[tuple[str, str]]) -> None:
        self.masked, self.clauses, self.speakers = masked, clauses, speakers
        self.starts = [c.verb_start for c in clauses]

    def _between(self, lo: int, hi: int) -> list[tuple[Clause, str]]:
        """Clauses whose verb starts in `lo:hi`, with their speakers."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [(self.clauses[k], self.speakers[k][0]) for k in range(a, b)]

    def clauses_in(self, lo: int, hi: int) -> bool:
        """Whether any reporting clause has its verb in `lo:hi`, naming someone or not; a
        source's ("Nord.Info reports", "according to TASS") passes words on and says none."""
        return any(not _passes_on(clause) for clause, _ in self._between(lo, hi))

    def speaker(self, span: Span, sentence: tuple[int, int], term: bool) -> tuple[str, bool]:
        """The speaker of `span` within its sentence, and whether any clause attributes it (a
        clause may name nobody: "the official said")."""
        lo, hi = sentence
        mark = span.open_pos if span.open_pos >= 0 else span.start
        lead = self.lead_in(lo, mark)
        if lead is not None:
            return lead, True
        attributed = False
        if not term or span.close_pos >= 0:
            found, attributed = self.after(span, lo)
            if found:
                return found, True
        before = self.before(lo, mark)
        if before is not None:
            return before, True
        final = self.final(span, hi)
        if final is not None:
            return final, True
        return "", attributed

    def lead_in(self, lo: int, mark: int) -> str | None:
        """ "X told his host: “...": the clause a colon ends just before the quote."""
        found = [
            (c, s) for c, s in self._between(lo, mark) if c.verb_end <= mark and not c.subject_after
        ]
        if not found:
            return None
        clause, speaker = found[-1]
        if not _LEAD_IN.fullmatch(self.masked, clause.verb_end, mark):
            return None
        return speaker or None

    def after(self, span: Span, sent_lo: int) -> tuple[str, bool]:
        """Speaker of a clause right after the closing mark: `,” he said` / `,” said X`, and
        whether there is one. "..., according to the ministry" names a source: a speaker
        named earlier in the sentence (`Wang said ties were “solid”, according to the
        ministry`) comes first."""
        if span.close_pos < 0:
            return "", False
        lo = span.close_pos + 1
        k = bisect.bisect_left(self.starts, lo)
        if k == len(self.clauses):
            return "", False
        clause, speaker = self.clauses[k], self.speakers[k][0]
        head = _head(clause)
        gap = self.masked[lo:head] if head - lo < 200 else "x"  # too far: no clause of its
        if not _GAP_AFTER.fullmatch(gap) or "\n" in gap:
            return "", False
        if not clause.subject_after and not clause.ends:
            return "", False  # `”, Zhao said the approach ...`: Zhao says something else
        ended = self.masked[span.close_pos - 1 : span.close_pos] in (".", "!", "?") or "." in gap
        if ended and (
            _INTRODUCES.match(self.masked, clause.verb_end)
            or _LEADS_QUOTE.match(self.masked, clause.verb_end)
        ):
            return "", False  # `“... today.” NAME said, “...”`: a new sentence, the next quote's
        if clause.source:
            earlier = self.before(sent_lo, span.open_pos if span.open_pos >= 0 else span.start)
            found = earlier or speaker
            return found, bool(found) or not _passes_on(clause)  # `“...,” Nord.Info reports`:
            # passed on, said by whoever speaks there; "according to a diplomat": someone unnamed
        return speaker, True  # the text has speaking, as a quote with no clause is

    def before(self, lo: int, mark: int) -> str | None:
        """Speaker of the nearest clause earlier in the sentence (`X said “...`), for a term as
        for a statement ("Lavrov said Blinken called it “useful”" is Blinken's word); None when
        no clause there names anyone."""
        ahead = [
            (c, s)
            for c, s in self._between(lo, mark)
            if c.verb_end <= mark and (c.reach < 0 or c.reach > mark)
        ]  # "X said Y's comments that “...”, “...”": Y's words end at the comma
        if ahead and ahead[-1][0].reach > mark and not ahead[-1][1]:
            return ""  # inside "a senior official's comment that “...”": someone unnamed
        named = [(c, s) for c, s in ahead if s]
        found = [s for c, s in named if not c.source] or [s for _, s in named]
        if not found:
            return None  # "according to TASS, Wang said": the source only when no one spoke
        return found[-1]

    def final(self, span: Span, hi: int) -> str | None:
        """ "The drills are a “punishment” and a “warning,” spokesman Li Xi said": a clause
        that closes the sentence after a comma attributes all of it."""
        lo = span.close_pos + 1 if span.close_pos >= 0 else span.end
        for clause, speaker in self._between(lo, hi):
            head = _head(clause)
            if (clause.ends or clause.subject_after) and _BEFORE_SUBJECT.search(
                self.masked, max(lo, head - 8), head
            ):
                return speaker or None
        return None

    def last_speaker(self, lo: int, pos: int) -> tuple[int, str]:
        """The latest clause in `lo:pos` that names someone, with its offset ((-1, "") if none)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self.starts[k] >= lo:
            clause, speaker = self.clauses[k], self.speakers[k][0]
            if speaker and clause.verb_end <= pos and not clause.relative:
                return clause.verb_start, speaker
            k -= 1
        return -1, ""

    def next_speaker(self, pos: int, hi: int) -> str:
        """Who speaks in the sentence after `pos` (no further than `hi`): its first reporting
        clause, not a side remark ("X, who said") nor a source's report; "" when that clause
        names no one ("a diplomat said") or leads in a quote of its own (`X said: “...`)."""
        nxt = sentence_end(self.masked, pos, hi) + 1
        end = sentence_end(self.masked, min(nxt + 1, hi), hi)
        for clause, speaker in self._between(nxt, end):
            if clause.relative or clause.source:
                continue
            if _INTRODUCES.match(self.masked, clause.verb_end) or _LEADS_QUOTE.match(
                self.masked, clause.verb_end
            ):
                return ""  # `X told reporters: “...”` leads in a quote of its own
            return speaker
        return ""

    def splits(self, prev: Span, span: Span) -> bool:
        """“A,” he said, “B.”: an attribution between two spans of one sentence splits a quote."""
        if prev.close_pos < 0 or span.open_pos < 0 or prev.para != span.para:
            return False
        lo, hi = prev.close_pos + 1, span.open_pos
        gap = self.masked[lo:hi]
        if len(gap) > 80 or not gap.rstrip().endswith((",", ":")) or re.search(r"[.!?]", gap):
            return False
        between = self._between(lo, hi)  # the clause must start the gap: not "and X told Y:"
        return bool(between) and bool(_GAP_AFTER.fullmatch(self.masked, lo, _head(between[0][0])))
