"""Article text from pasted pages: strip Markdown syntax and drop page boilerplate lines.

Pure functions over text, so that what a Document keeps (and quote offsets index into) is testable.
Boilerplate is judged line by line; a line that reads as prose is never dropped outside a
"Related News" style section, and such a section ends at the first paragraph of prose.
"""

from __future__ import annotations

import re
import unicodedata

_MAX_PASSES = 8

# Markdown, applied in order.
_MD_SUBS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), repl)
    for pattern, repl in (
        (r"^[ \t]*(?:[-*_][ \t]*){3,}$", ""),  # horizontal rule
        (r"^[ \t]*=+[ \t]*$", ""),  # setext heading underline
        (r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", r"\1"),  # ATX heading
        (r"^[ \t]{0,3}(?:>[ \t]?)+", ""),  # blockquote marker
        (r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", ""),  # reference link definition
        (r"!\[[^\]\n]*\]\([^)\n]*\)", ""),  # image
        (r"\[([^\]\n]+)\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\)", r"\1"),  # inline link
        (r"\[([^\]\n]+)\]\[[^\]\n]*\]", r"\1"),  # reference link
        (r"<(?:https?|ftp|mailto):[^>\s]*>", ""),  # autolink
        (r"`([^`\n]+)`", r"\1"),  # inline code
        (r"(?<![*\w])(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1(?![*\w])", r"\2"),
        (r"(?<![*\w])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![*\w])", r"\2"),
        (r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", r"\1"),
        (r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", r"\1"),
        (r"(?<![*\w])(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2"),  # bold run into a closing *
    )
)

# Boilerplate.
_BULLET_RE = re.compile(r"^\s*(?:[•·▪‣◦●○■□►▸–\-*+]|\d{1,3}[.)])\s+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_QUOTE_MARKS = '"“”„«»「」『』'
SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"'“”’»」』)\]]*$")
_ALWAYS_DROP_RE = re.compile(
    r"^(?:read (?:more|also)\b.*|see also\b.*|related:.*|also read\b.*"
    r"|leave a (?:reply|comment)\b.*|one thought on\b.*|\d+ thoughts? on\b.*"
    r"|\d+ (?:responses?|replies) to\b.*)$",
    re.IGNORECASE,
)
_DROP_LINE_RE = re.compile(
    r"^(?:\d[\d,.]*k?\s+(?:shares?|comments?|views?|min(?:ute)?s?\s+read|reads?)"
    r"|(?:share|tweet|print|email|share this(?: article)?|advertisement|sponsored content)"
    r"|(?:©|\(c\)|copyright\b).*|all rights reserved\.?|privacy policy|cookie policy"
    r"|terms (?:of use|and conditions)|about us|contact us|subscribe(?: now)?|sign (?:up|in)"
    r"|log ?in|skip to (?:main )?content|follow us\b.*|click here\b.*"
    r"|(?:tags|tagged|topics|categories|filed under)\s*:.*)$",
    re.IGNORECASE,
)
_SECTION_RE = re.compile(
    r"^(?:breaking(?: news)?|related(?: news| articles| stories| posts| content)?"
    r"|most (?:read|popular|viewed|shared)|read next|trending(?: now)?"
    r"|latest(?: news| stories)?|top stories"
    r"|more (?:stories|news|from .{1,40})|you (?:may|might) also like|recommended(?: for you)?"
    r"|editor'?s picks|popular(?: posts| now)?|comments?|leave a (?:reply|comment))\s*:?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "&", "|"}
_NAV_MAX_WORDS = 6
_PROSE_MIN_WORDS = 8
_SECTION_EXIT_MIN_WORDS = 12


def clean_text(text: str, *, markdown: bool = True) -> str:
    """Article text of a pasted page: Markdown stripped (if asked), boilerplate dropped.

    Repeats until stable, so cleaning a cleaned text changes nothing.
    """
    text = normalize_whitespace(text)
    for _ in range(_MAX_PASSES):
        cleaned = drop_boilerplate(strip_markdown(text) if markdown else text)
        if cleaned == text:
            break
        text = cleaned
    return text


def normalize_whitespace(text: str) -> str:
    """NFC, newlines as \\n, no-break spaces as spaces, zero-width characters removed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[\u00a0\u2007\u202f]", " ", text)


def strip_markdown(text: str) -> str:
    """Text without Markdown emphasis, link syntax, autolinks, heading hashes or rules."""
    for _ in range(_MAX_PASSES):
        before = text
        for pattern, repl in _MD_SUBS:
            text = pattern.sub(repl, text)
        if text == before:
            break
    return text


def drop_boilerplate(text: str) -> str:
    """Text without menus, tickers, share bars, "Read more" lines, related-story lists, footers."""
    lines = [line.strip() for line in text.split("\n")]
    keep = _drop_sections(lines)
    keep = _drop_single_lines(lines, keep)
    keep = _drop_nav_runs(lines, keep)
    out: list[str] = []
    for line, kept in zip(lines, keep, strict=True):
        if kept and line:
            out.append(re.sub(r"\s{2,}", " ", _BULLET_RE.sub("", line)))
        elif not line and out and out[-1]:
            out.append("")
    return "\n".join(out).strip()


def _drop_sections(lines: list[str]) -> list[bool]:
    """Drop each section heading ("Related News", "BREAKING") and what follows up to prose."""
    keep = [True] * len(lines)
    skipping = False
    for start, end in _blocks(lines):
        block = lines[start:end]
        if skipping and all(_is_prose(line) for line in block):
            words = sum(len(line.split()) for line in block)
            skipping = words < _SECTION_EXIT_MIN_WORDS
        for index in range(start, end):
            if _SECTION_RE.match(_BULLET_RE.sub("", lines[index])):
                skipping = True
            if skipping:
                keep[index] = False
    return keep


def _drop_single_lines(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop "Read more:"/share lines, and bullet or repeated lines that are not prose."""
    keep = list(keep)
    previous = ""
    for index, line in enumerate(lines):
        if not line:
            continue
        bare = _BULLET_RE.sub("", line)
        if (
            _ALWAYS_DROP_RE.match(bare)
            or (_DROP_LINE_RE.match(bare) and not _is_prose(bare))
            or (bare != line and not _is_prose(line) and not _has_quote(line))
            or (bare == previous and not _is_prose(bare))
        ):
            keep[index] = False
        previous = bare
    return keep


def _drop_nav_runs(lines: list[str], keep: list[bool]) -> list[bool]:
    """Drop runs of two or more short title-case lines (menus, labels, bylines) among kept lines."""
    keep = list(keep)
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):
        if not line or (index < len(lines) and not keep[index]):
            continue
        if index < len(lines) and _is_nav(line):
            run.append(index)
            continue
        if len(run) >= 2:
            for member in run:
                keep[member] = False
        run = []
    return keep


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines."""
    spans: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line and start is None:
            start = index
        elif not line and start is not None:
            spans.append((start, index))
            start = None
    return spans


def _is_prose(line: str) -> bool:
    """A sentence: enough words and a sentence end, or CJK text with a sentence end."""
    bare = _BULLET_RE.sub("", line)
    if not SENTENCE_END_RE.search(bare):
        return False
    return len(bare.split()) + len(_CJK_RE.findall(bare)) // 2 >= _PROSE_MIN_WORDS


def _has_quote(line: str) -> bool:
    return any(mark in line for mark in _QUOTE_MARKS)


def _is_nav(line: str) -> bool:
    """A short line without a sentence end or quote: a menu item, label, byline or date."""
    words = line.split()
    if (
        len(words) > _NAV_MAX_WORDS
        or SENTENCE_END_RE.search(line)
        or line.endswith(":")
        or _has_quote(line)
    ):
        return False
    return all(
        word.lower() in _SMALL_WORDS or not word[0].isalpha() or word[0].isupper() for word in words
    )
