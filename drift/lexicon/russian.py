"""Russian dictionary forms through pymorphy3: lemmas of inflected words, participles and gerunds
(to their verb), and aspect partners (ударить/ударять), so a dictionary form meets an inflected one.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from drift.errors import MissingDependencyError

# Perfective <-> imperfective by suffix: (perfective ending, imperfective ending).
_ASPECT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ить", "ять"),  # ударить / ударять
    ("ить", "ать"),  # отступить / отступать
    ("бить", "блять"),  # ослабить / ослаблять
    ("вить", "влять"),  # заявить / заявлять
    ("пить", "плять"),  # укрепить / укреплять
    ("мить", "млять"),  # оформить / оформлять
    ("тить", "чать"),  # ответить / отвечать
    ("тить", "щать"),  # защитить / защищать
    ("дить", "ждать"),  # подтвердить / подтверждать
    ("зить", "жать"),  # выразить / выражать
    ("сить", "шать"),  # пригласить / приглашать
    ("стить", "скать"),  # допустить / допускать
    ("ать", "ывать"),  # подписать / подписывать
    ("ать", "авать"),  # признать / признавать
    ("нуть", "ать"),  # достигнуть / достигать
)


def load_morph_analyzer() -> Any:
    """A new pymorphy3 analyzer; a one-line error with the pip command when it is missing."""
    try:
        import pymorphy3
    except ImportError as exc:
        raise MissingDependencyError(
            "Russian lemmas need pymorphy3: pip install 'pymorphy3>=2.0'"
        ) from exc
    return pymorphy3.MorphAnalyzer()


class RussianMorphology:
    """Lemmas and aspect partners of Russian words; the analyzer loads on first use."""

    @cached_property
    def morph(self) -> Any:
        """The pymorphy3 analyzer."""
        return load_morph_analyzer()

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Dictionary forms of `word`, likeliest first: the word itself when it is one, the
        normal forms of its parses (participles and gerunds go to their verb), ё written е."""
        lower = word.lower().replace("ё", "е")
        found: list[str] = []
        for parse in self.morph.parse(lower):
            normal = parse.normal_form.replace("ё", "е")
            if normal == lower or normal not in found:
                found.append(normal)
        if lower in found:
            found.remove(lower)
            found.insert(0, lower)
        return tuple(found)

    def aspect(self, verb: str) -> str:
        """ "perf", "impf" or "" for an infinitive."""
        for parse in self.morph.parse(verb):
            if parse.tag.POS == "INFN" and parse.normal_form.replace("ё", "е") == verb:
                return str(parse.tag.aspect or "")
        return ""

    def aspect_partners(self, verb: str) -> tuple[str, ...]:
        """Known infinitives of the other aspect built by suffix ("ударить" -> ("ударять",))."""
        verb = verb.lower().replace("ё", "е")
        reflexive = verb.endswith(("ся", "сь"))
        base = verb[:-2] if reflexive else verb
        own = self.aspect(verb)
        if not own or not base.endswith("ть"):
            return ()
        pairs = _ASPECT_SUFFIXES if own == "perf" else tuple((b, a) for a, b in _ASPECT_SUFFIXES)
        found: list[str] = []
        for ending, other in pairs:
            if ending == other or not base.endswith(ending):
                continue
            candidate = base[: -len(ending)] + other + ("ся" if reflexive else "")
            if candidate in found or candidate == verb:
                continue
            if self.morph.word_is_known(candidate) and self.aspect(candidate) not in ("", own):
                found.append(candidate)
        return tuple(found)

    def forms(self, word: str) -> tuple[str, ...]:
        """Lookup keys for `word`: its lemmas, then the aspect partners of verb lemmas."""
        lemmas = self.lemmas(word)
        partners = [p for lemma in lemmas for p in self.aspect_partners(lemma)]
        return tuple(dict.fromkeys((*lemmas, *partners)))


def adverb_of(adjective: str) -> str:
    """The Russian adverb of a one-word qualitative adjective (твердый -> твердо, искренний ->
    искренне), "" for anything else (nouns, phrases, relative -ский adjectives)."""
    if " " in adjective or adjective.endswith(("ский", "цкий")):
        return ""
    for ending, adverb in (("ый", "о"), ("ой", "о"), ("ний", "не"), ("щий", "ще"), ("кий", "ко")):
        if adjective.endswith(ending) and len(adjective) > len(ending) + 2:
            return adjective[: -len(ending)] + adverb
    if adjective.endswith(("гий", "хий")):
        return adjective[:-2] + "о"
    return ""
