"""Language identification: plain English is told without langdetect, everything else with it."""

from __future__ import annotations

import pytest

from drift.corpus import langid
from drift.corpus.langid import detect_lang

ENGLISH = (
    "Russian Foreign Minister Sergei Lavrov said that amid the current, serious stage in the "
    "history of international relations, Russia and China will move to a multipolar, fair world "
    "order."
)
FOREIGN = {  # Latin-script sentences whose letters are all a-z
    "de": "Der Minister sagte am Montag, dass die Gespraeche in Moskau sehr gut verlaufen seien "
    "und dass beide Seiten die Zusammenarbeit weiter ausbauen wollen.",
    "fr": "Le ministre a declare lundi que les discussions avec son homologue chinois avaient "
    "ete constructives et que les deux pays allaient renforcer leur cooperation.",
    "nl": "De minister zei maandag dat de gesprekken in Moskou goed zijn verlopen en dat beide "
    "landen de samenwerking verder willen uitbreiden.",
}


def test_plain_english_needs_no_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_langdetect() -> None:
        raise AssertionError("langdetect was called")

    monkeypatch.setattr(langid, "_factory", no_langdetect)
    assert detect_lang(ENGLISH) == "en"
    assert detect_lang(f"Headline\n\n{ENGLISH}\n\n“We don’t,” he said.") == "en"


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_latin_script_languages_go_to_langdetect(lang: str) -> None:
    assert not langid._plain_english(FOREIGN[lang])
    assert detect_lang(FOREIGN[lang]) == lang


def test_short_or_accented_english_goes_to_langdetect() -> None:
    assert not langid._plain_english("Russia and China are friends.")
    assert not langid._plain_english(ENGLISH.replace("Russia and", "Russia and café"))
    assert not langid._plain_english(
        "https://example.org/the-talks-with-their-ministers-and-the-press"
    )
