"""English -> Russian from Müller's dictionary (7th ed.), read where Debian's mueller7-dict put it.

The dictionary is GPL-2+: drift reads it from the system and keeps only a derived index in the
user cache, never in the repository or the wheel. An article reads
`word [transcription] 1. _n. 1) отступление; to intercept... 2) ... 2. _v. 1) отходить`:
homonyms (_I, _II), part-of-speech blocks (1. _n.), numbered senses (1)), lettered sub-senses (а)),
then Russian equivalents separated by commas and semicolons, and English examples with their
translations. Candidates are the equivalents in sense order, without grammar notes, labels,
parenthesised comments or examples; the first sense of each part of speech comes first.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from drift.lexicon.base import ResourceInfo, env_path
from drift.lexicon.cache import cached
from drift.lexicon.dictd import database_files, read_articles

PARSER_VERSION = 10
MAX_CANDIDATES = 8  # per headword: enough for near-synonyms, few enough not to match everything
MAX_PARSED = 24  # candidates read per article before the frequency re-ranking keeps 8
SENSE_PENALTY = 0.1  # log10 frequency a candidate loses per place it stands later in the article
PER_SENSE = 4
MAX_WORDS = 3  # longer equivalents are explanations ("обладающий большой физической силой")

INFO = ResourceInfo(
    name="mueller7",
    title="Müller English-Russian dictionary, 7th edition (46k headwords)",
    source="Debian package mueller7-dict (dictd files in /usr/share/dictd)",
    licence="GPL-2+ (read from the system; not redistributed by drift)",
    provides="English -> Russian candidates; Russian -> English by reversal",
    cost="English words outside the bundled overlay get no Russian candidate ([word?])",
    install="sudo apt-get install -y mueller7-dict",
    env="DRIFT_MUELLER7",
    package="mueller7-dict",
)

_SPACE = re.compile(r"\s+")
_TRANSCRIPTION = re.compile(r"\[[^\]]*\]")
_BRACES = re.compile(r"\{[^{}]*\}")
_PARENS = re.compile(r"\([^()]*\)")
_HOMONYM = re.compile(r"(?<!\S)_(?:I|II|III|IV|V|VI|VII|VIII)(?!\S)")
_BLOCK = re.compile(r"(?<!\S)\d+\.\s*(?=_[a-z])")  # "1. _n."
_SENSE_MARK = re.compile(r"(?<![\w)])\d+\)")  # "1)", "10)твёрдый"
_SUBSENSE_MARK = re.compile(r"(?<![\w-])[а-и]\)")  # "а)", "б)"
_SENSE, _SUBSENSE = "\x01", "\x02"  # the markers, once parenthesised comments are gone
_TAG = re.compile(r"(?<!\S)_[a-z][a-z-]*\.?")  # grammar tags: _n. _v. _p-p. _pl. _refl.
_LABEL = re.compile(r"(?<!\S)_([а-яё]+)\.?")  # usage labels: _разг. _воен. _перен.
_FORM_OF = re.compile(r"^\s*(?:от|=)\s*([a-z][a-z' -]*[a-z])")  # "_p. от go 1", "= joust"
_LATIN = re.compile(r"[A-Za-z]")
_ABBREVIATED = re.compile(r"\S*-л\.?|\bи т\. ?[пд]\.|\bт\. ?е\.|\bи др\.|\bи пр\.")
# Explanations in grammatical metalanguage ("модальный недостаточный глагол") are no equivalents.
_METALANGUAGE = re.compile(
    r"глагол|прилагательн|существительн|наречи|местоимени|предлог|частица|суффикс"
)
_CYRILLIC_TERM = re.compile(r"[а-яА-ЯёЁ]+(?:[- ][а-яА-ЯёЁ]+)*")
# Labels of senses a news text hardly means: archaic, rare, slang, dialect, jocular.
_DEMOTED = frozenset(
    [
        "уст",
        "редк",
        "жарг",
        "диал",
        "арх",
        "поэт",
        "шутл",
        "груб",
        "сл",
        "школ",
        "презр",
        "библ",
        "ирон",
        "пренебр",
        "бран",
        "вульг",
    ]
)
# Part of speech of a block, from its grammar tag: candidates keep it after a tab ("отступать\tv").
_POS = {"n": "n", "v": "v", "a": "a", "adv": "r"}
_POS_SEP = "\t"
_PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "на",
        "с",
        "со",
        "к",
        "ко",
        "о",
        "об",
        "обо",
        "по",
        "за",
        "из",
        "от",
        "для",
        "у",
        "над",
        "под",
        "при",
        "про",
        "перед",
        "через",
        "до",
        "без",
        "и",
        "или",
    ]
)


def where() -> str:
    """Where drift looks for the dictionary's index ($DRIFT_MUELLER7 or the Debian path)."""
    return str(env_path("DRIFT_MUELLER7", "/usr/share/dictd/mueller7.index"))


def locate() -> Path | None:
    """The index file of the installed dictionary ($DRIFT_MUELLER7 or /usr/share/dictd), or None."""
    index, data = database_files(env_path("DRIFT_MUELLER7", "/usr/share/dictd/mueller7.index"))
    return index if index.is_file() and data.is_file() else None


def clean_equivalent(piece: str) -> str:
    """One Russian equivalent in dictionary form, or "" when it is not one."""
    text = _ABBREVIATED.sub(" ", piece).replace("ё", "е").replace("Ё", "Е")
    text = _SPACE.sub(" ", text.strip(" .:!?…\"'«»—-*"))
    words = text.split()
    while words and words[-1] in _PREPOSITIONS:
        words.pop()
    text = " ".join(words)
    if not text or len(words) > MAX_WORDS or not _CYRILLIC_TERM.fullmatch(text):
        return ""
    if _METALANGUAGE.search(text):
        return ""
    return text


def _sense(text: str) -> tuple[list[str], bool, bool]:
    """(equivalents, demoted, stopped): equivalents up to the first English example."""
    demoted = any(label in _DEMOTED for label in _LABEL.findall(text))
    text = _TAG.sub(" ", _LABEL.sub(" ", text))
    out: list[str] = []
    for segment in text.split(";"):
        if _LATIN.search(segment):
            return out, demoted, True
        out.extend(c for c in (clean_equivalent(p) for p in segment.split(",")) if c)
    return out, demoted, False


def _senses(block: str) -> list[tuple[list[str], bool]]:
    """The senses of one part-of-speech block, sub-senses after their sense, up to an example."""
    senses: list[tuple[list[str], bool]] = []
    tag = _TAG.search(block)
    pos = _POS.get(tag.group().strip("_. ") if tag else "", "")
    for part in block.split(_SENSE):
        pieces = part.split(_SUBSENSE)
        for piece in pieces:
            found, demoted, stopped = _sense(piece)
            if found:
                senses.append(([f"{c}{_POS_SEP}{pos}" for c in found], demoted))
            if stopped:
                break
    return senses


def _flatten(text: str) -> str:
    text = _SPACE.sub(" ", text)
    text = _BRACES.sub(" ", _TRANSCRIPTION.sub(" ", text))
    text = _SUBSENSE_MARK.sub(f" {_SUBSENSE} ", _SENSE_MARK.sub(f" {_SENSE} ", text))
    previous = None
    while previous != text:
        previous, text = text, _PARENS.sub(" ", text)
    return text.replace("(", " ").replace(")", " ")


def parse_article(article: str) -> tuple[list[str], str]:
    """(candidates best first as "word<TAB>pos", the headword it is a form of, or "")."""
    body = _flatten(article.split("\n", 1)[1] if "\n" in article else "")
    blocks = [b for h in _HOMONYM.split(body) for b in _BLOCK.split(h)]
    per_block = [s for s in (_senses(b) for b in blocks) if s]
    if not per_block:
        stripped = _TAG.sub(" ", _LABEL.sub(" ", body))
        match = _FORM_OF.match(stripped)
        return [], match.group(1).strip() if match else ""
    ordered = [b[0] for b in per_block] + [s for b in per_block for s in b[1:]]
    ordered = [s for s in ordered if not s[1]] + [s for s in ordered if s[1]]
    out: dict[str, str] = {}
    for candidates, _ in ordered:
        for tagged in candidates[:PER_SENSE]:
            word, pos = tagged.split(_POS_SEP)
            out.setdefault(word, pos)
    return [f"{w}{_POS_SEP}{p}" for w, p in list(out.items())[:MAX_PARSED]], ""


def _rerank(candidates: list[str], frequency: dict[str, float]) -> list[str]:
    """The first candidate stays first; the rest by Russian frequency less a penalty per place,
    so a common later sense (stage: этап) outranks a rare early one (подмостки)."""
    if not frequency:
        return candidates[:MAX_CANDIDATES]

    def cost(item: tuple[int, str]) -> float:
        words = item[1].split(_POS_SEP)[0].split()
        rarest = min(frequency.get(w, 1e-8) for w in words)
        return SENSE_PENALTY * item[0] - math.log10(rarest)

    rest = sorted(enumerate(candidates[1:], start=1), key=cost)
    kept = [*candidates[:1], *(c for _, c in rest)][:MAX_CANDIDATES]
    # the first verb equivalent, when re-ranking dropped it, is kept for verb contexts only ("v*")
    verb = next((c for c in candidates if c.endswith(f"{_POS_SEP}v")), None)
    if verb is not None and not any(c.endswith(f"{_POS_SEP}v") for c in kept):
        kept.append(f"{verb}*")
    return kept


def _russian_frequencies() -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:
        return {}
    return {k.replace("ё", "е"): v for k, v in wordfreq.get_frequency_dict("ru").items()}


def build_index(index_path: Path) -> dict[str, list[str]]:
    """Headword (lowercase) -> "candidate<TAB>pos" best first; forms ("went") take their lemma's."""
    entries: dict[str, list[str]] = {}
    forms: dict[str, str] = {}
    frequency = _russian_frequencies()
    for word, article in read_articles(index_path):
        key = word.strip().lower()
        if not key or key.startswith("_"):
            continue
        candidates, form_of = parse_article(article)
        candidates = _rerank(candidates, frequency)
        if candidates:
            merged = entries.get(key, [])
            plain = [m for m in merged if not m.endswith("*")]
            starred = [m for m in merged if m.endswith("*")]
            seen = {m.split(_POS_SEP)[0] for m in merged}
            for tagged in candidates:
                if tagged.split(_POS_SEP)[0] not in seen:
                    seen.add(tagged.split(_POS_SEP)[0])
                    (starred if tagged.endswith("*") else plain).append(tagged)
            entries[key] = plain[:MAX_CANDIDATES] + starred[:1]
        elif form_of:
            forms.setdefault(key, form_of)
    for key, lemma in forms.items():
        if key not in entries and lemma in entries:
            entries[key] = entries[lemma]
    return entries


class Mueller7:
    """The English -> Russian entries of the installed Müller dictionary (derived index cached)."""

    name = "mueller7"
    info = INFO
    locate = staticmethod(locate)
    where = staticmethod(where)

    def __init__(self, index_path: Path) -> None:
        self.path = index_path

    def tagged(self) -> dict[str, list[str]]:
        """Headword -> "candidate<TAB>pos" (n, v, a, r or ""), preferred first; "v*" marks a verb
        equivalent kept for verb contexts only."""
        sources = list(database_files(self.path))
        return cached(self.name, PARSER_VERSION, sources, lambda: build_index(self.path))

    def entries(self) -> dict[str, tuple[str, ...]]:
        """Headword -> Russian candidates, preferred first."""
        tagged = self.tagged().items()
        return {k: tuple(c.split(_POS_SEP)[0] for c in v if c[-1] != "*") for k, v in tagged}
